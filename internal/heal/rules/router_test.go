package rules

import (
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
)

func TestRouterNavigation(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "components/Nav.tsx", Line: 5, Code: "next-router-not-mounted", Message: "NextRouter was not mounted. https://nextjs.org/docs/messages/next-router-not-mounted"})
	src := `"use client";

import { useRouter } from "next/router";

export default function Nav() {
  const router = useRouter();
  const here = router.pathname;
  const q = router.query.q;
  return <button onClick={() => router.push("/")}>{here}{q}</button>;
}
`
	out := mustFix(t, routerNavigation, map[string]string{"components/Nav.tsx": src}, d)["components/Nav.tsx"]
	for _, want := range []string{
		`import { useRouter, usePathname, useSearchParams } from "next/navigation";`,
		"  const router = useRouter();\n  const pathname = usePathname();\n  const searchParams = useSearchParams();",
		"const here = pathname;", `const q = searchParams.get("q");`, `router.push("/")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	server := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 1, Message: "You have a Server Component that imports next/router. Use next/navigation instead."})
	page := "import { useRouter } from \"next/router\";\nimport Link from \"next/link\";\n\nexport default function Home() {\n  const router = useRouter();\n  return <button onClick={() => router.back()}>Back</button>;\n}\n"
	got := mustFix(t, routerNavigation, map[string]string{"app/page.tsx": page}, server)["app/page.tsx"]
	if !strings.HasPrefix(got, "\"use client\";\n\nimport { useRouter } from \"next/navigation\";") {
		t.Errorf("server component:\n%s", got)
	}
	events := strings.Replace(src, "const here = router.pathname;", "router.events.on(\"x\", f);\n  const here = 1;", 1)
	mustNotFix(t, routerNavigation, map[string]string{"components/Nav.tsx": events}, d)
}

func TestRouterData(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 4, Message: `"getServerSideProps" is not supported in app/. Read more: https://nextjs.org/docs/app/building-your-application/data-fetching`})
	src := `import type { GetServerSideProps } from "next";
import { getTasks, type Task } from "@/lib/store";

export const getServerSideProps: GetServerSideProps = async () => {
  const tasks = await getTasks();
  return { props: { tasks, total: tasks.length }, revalidate: 60 };
};

export default function HomePage({ tasks, total }: { tasks: Task[]; total: number }) {
  return <p>{total} {tasks.length}</p>;
}
`
	out := mustFix(t, routerData, map[string]string{"app/page.tsx": src}, d)["app/page.tsx"]
	want := `import { getTasks, type Task } from "@/lib/store";

export const revalidate = 60;

export default async function HomePage() {
  const tasks = await getTasks();
  const total = tasks.length;
  return <p>{total} {tasks.length}</p>;
}
`
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	paths := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/t/[id]/page.tsx", Message: `"getStaticPaths" is not supported in app/.`})
	src2 := "export async function getStaticPaths() {\n  const ids = [\"a\", \"b\"];\n  return { paths: ids.map((id) => ({ params: { id } })), fallback: false };\n}\n\nexport default async function P({ params }: { params: Promise<{ id: string }> }) {\n  return <p>{(await params).id}</p>;\n}\n"
	got := mustFix(t, routerData, map[string]string{"app/t/[id]/page.tsx": src2}, paths)["app/t/[id]/page.tsx"]
	if !strings.Contains(got, "export async function generateStaticParams() {") || !strings.Contains(got, "return (ids.map((id) => ({ params: { id } }))).map((p) => p.params);") ||
		!strings.Contains(got, "export const dynamicParams = false;") {
		t.Errorf("getStaticPaths:\n%s", got)
	}
	withContext := strings.Replace(src, "async () => {", "async (ctx) => {\n  const q = ctx.query.q;", 1)
	mustNotFix(t, routerData, map[string]string{"app/page.tsx": withContext}, d)
}

func TestServerActions(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/actions.ts", Line: 8, Message: "Server Actions must be async functions."})
	actions := `"use server";

import { createTask, type Priority } from "@/lib/store";

const PRIORITIES: Priority[] = ["low", "medium", "high"];

export function isPriority(value: string): value is Priority {
  return (PRIORITIES as string[]).includes(value);
}

export const LIMITS = { title: 80 };

export async function add(formData: FormData) {
  const p = String(formData.get("p"));
  createTask({ title: "x", priority: isPriority(p) ? p : "low" });
}
`
	files := map[string]string{"app/actions.ts": actions, "lib/store.ts": "export type Priority = \"low\";\nexport function createTask(x: object) {}\n",
		"tsconfig.json": `{"compilerOptions":{"paths":{"@/*":["./*"]}}}`}
	out := mustFix(t, serverActions, files, d)
	if !strings.Contains(out["app/actions.ts"], "\nfunction isPriority(") || !strings.Contains(out["app/actions.ts"], "\nconst LIMITS = ") {
		t.Errorf("unexported:\n%s", out["app/actions.ts"])
	}
	// Imported elsewhere: moved to a helper module.
	files["components/Form.tsx"] = "\"use client\";\nimport { add, isPriority } from \"@/app/actions\";\nexport default function F() { return <form action={add}>{String(isPriority(\"x\"))}</form>; }\n"
	out = mustFix(t, serverActions, files, d)
	helper := out["app/actions-helpers.ts"]
	if !strings.Contains(helper, "export function isPriority(") || !strings.Contains(helper, "export const PRIORITIES") ||
		!strings.Contains(helper, `import { createTask, type Priority } from "@/lib/store";`) {
		t.Errorf("helper:\n%s", helper)
	}
	if strings.Contains(out["app/actions.ts"], "function isPriority") || !strings.Contains(out["app/actions.ts"], `import { isPriority } from "@/app/actions-helpers";`) {
		t.Errorf("actions:\n%s", out["app/actions.ts"])
	}
	if !strings.Contains(out["components/Form.tsx"], `import { add } from "@/app/actions";`) || !strings.Contains(out["components/Form.tsx"], `import { isPriority } from "@/app/actions-helpers";`) {
		t.Errorf("importer:\n%s", out["components/Form.tsx"])
	}
}

func TestEnvGuard(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/tasks/[id]/page.tsx", Line: 6, Code: "ERR_INVALID_URL", Message: "TypeError: Failed to parse URL from undefined/tasks"})
	src := "export async function generateStaticParams() {\n  const apiUrl = process.env.TASKS_API_URL!;\n  const res = await fetch(`${apiUrl}/tasks`);\n  return (await res.json()) as { id: string }[];\n}\n"
	out := mustFix(t, envGuard, map[string]string{"app/tasks/[id]/page.tsx": src, ".env.example": "OTHER=1"}, d)
	if !strings.Contains(out["app/tasks/[id]/page.tsx"], "export async function generateStaticParams() {\n  if (!process.env.TASKS_API_URL) return [];\n") {
		t.Errorf("page:\n%s", out["app/tasks/[id]/page.tsx"])
	}
	if out[".env.example"] != "OTHER=1\nTASKS_API_URL=\n" {
		t.Errorf(".env.example %q", out[".env.example"])
	}
	page := "import { db } from \"@/lib/db\";\n\nexport default async function P() {\n  const rows = await db(process.env.DATABASE_URL!);\n  return <p>{rows.length}</p>;\n}\n"
	pd := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Message: "Error: DATABASE_URL is not set"})
	got := mustFix(t, envGuard, map[string]string{"app/page.tsx": page}, pd)["app/page.tsx"]
	if !strings.Contains(got, "import { db } from \"@/lib/db\";\n\nexport const dynamic = \"force-dynamic\";\n") {
		t.Errorf("dynamic:\n%s", got)
	}
}

func TestOfflineFetch(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/posts/[id]/page.tsx", Line: 3, Code: "ECONNREFUSED", Message: "TypeError: fetch failed: connect ECONNREFUSED 93.184.216.34:443"})
	if d.Category != diag.Network {
		t.Skipf("classified %s", d.Category)
	}
	src := "export async function generateStaticParams() {\n  const res = await fetch(\"https://example.com/posts\");\n  return (await res.json()) as { id: string }[];\n}\n"
	out := mustFix(t, offlineFetch, map[string]string{"app/posts/[id]/page.tsx": src}, d)["app/posts/[id]/page.tsx"]
	want := "export async function generateStaticParams() {\n  try {\n    const res = await fetch(\"https://example.com/posts\");\n    return (await res.json()) as { id: string }[];\n  } catch {\n    return [];\n  }\n}\n"
	if out != want {
		t.Errorf("got\n%s", out)
	}
	page := "export default async function P() {\n  const r = await fetch(\"https://example.com\");\n  return <p>{r.status}</p>;\n}\n"
	d.File = "app/page.tsx"
	if out := mustFix(t, offlineFetch, map[string]string{"app/page.tsx": page}, d)["app/page.tsx"]; !strings.Contains(out, "export const dynamic = \"force-dynamic\";") {
		t.Errorf("dynamic:\n%s", out)
	}
}

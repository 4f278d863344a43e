package rules

import (
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
)

func TestUseClient(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "components/ThemeProvider.tsx", Line: 1, Column: 10,
		Message: "You're importing a module that depends on `createContext` into a React Server Component module. This API is only available in Client Components."})
	src := "import { createContext, type ReactNode } from \"react\";\n\nexport const ThemeContext = createContext(\"light\");\n"
	out := mustFix(t, useClient, map[string]string{"components/ThemeProvider.tsx": src}, d)
	if out["components/ThemeProvider.tsx"] != "\"use client\";\n\n"+src {
		t.Errorf("got %q", out["components/ThemeProvider.tsx"])
	}
	mustNotFix(t, useClient, map[string]string{"components/ThemeProvider.tsx": "\"use client\";\n" + src}, d)
	page := "export const metadata = { title: \"x\" };\nexport default function P() { const [a] = useState(1); return <p>{a}</p>; }\n"
	mustNotFix(t, useClient, map[string]string{"components/ThemeProvider.tsx": page}, d)
}

func TestClientExtract(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Code: "prerender-error", Test: "/",
		Message: "Event handlers cannot be passed to Client Component props.\n  <button type=... onClick={function onClick} className=... children=...>"})
	src := `import Link from "next/link";
import { track } from "@/lib/analytics";

export default function HomePage() {
  return (
    <section>
      <button type="button" onClick={() => { track("refresh"); window.location.reload(); }}>
        Refresh now
      </button>
      <Link href="/tasks">Tasks</Link>
    </section>
  );
}
`
	out := mustFix(t, clientExtract, map[string]string{"app/page.tsx": src, "lib/analytics.ts": "export function track(e: string) {}\n", "tsconfig.json": `{"compilerOptions":{"paths":{"@/*":["./*"]}}}`}, d)
	comp := out["components/RefreshNowButton.tsx"]
	if !strings.HasPrefix(comp, "\"use client\";\n\nimport { track } from \"@/lib/analytics\";\n\nexport default function RefreshNowButton() {\n  return (\n    <button") {
		t.Errorf("component:\n%s", comp)
	}
	if !strings.Contains(out["app/page.tsx"], "      <RefreshNowButton />\n      <Link") || !strings.Contains(out["app/page.tsx"], "import RefreshNowButton from \"@/components/RefreshNowButton\";") {
		t.Errorf("page:\n%s", out["app/page.tsx"])
	}
	// The element needs the page's data: the page becomes a Client Component.
	data := "export default function P() {\n  const n = 1;\n  return <button onClick={() => alert(n)}>Hi</button>;\n}\n"
	out = mustFix(t, clientExtract, map[string]string{"app/page.tsx": data}, d)
	if !strings.HasPrefix(out["app/page.tsx"], "\"use client\";\n") {
		t.Errorf("directive:\n%s", out["app/page.tsx"])
	}
	server := "export const metadata = {};\n" + data
	mustNotFix(t, clientExtract, map[string]string{"app/page.tsx": server}, d)
}

func TestBrowserGuard(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 3, Column: 17, Code: "prerender-error", Message: "ReferenceError: window is not defined"})
	src := `export default function HomePage() {
  const tasks = getTasks();
  const width = window.innerWidth;
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  return <p onClick={() => window.alert("x")}>{width}</p>;
}
`
	out := mustFix(t, browserGuard, map[string]string{"app/page.tsx": src}, d)["app/page.tsx"]
	if !strings.Contains(out, `const width = (typeof window === "undefined" ? 0 : window.innerWidth);`) {
		t.Errorf("guard:\n%s", out)
	}
	if strings.Count(out, "typeof window") != 1 {
		t.Errorf("browser-only callbacks were guarded too:\n%s", out)
	}
	ls := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "components/T.tsx", Line: 4, Column: 5, Message: "ReferenceError: localStorage is not defined"})
	src2 := "\"use client\";\nexport default function T() {\n  const [v] = useState(() =>\n    localStorage.getItem(\"k\") ?? \"\",\n  );\n  return <p>{v}</p>;\n}\n"
	out = mustFix(t, browserGuard, map[string]string{"components/T.tsx": src2}, ls)["components/T.tsx"]
	if !strings.Contains(out, `(typeof window === "undefined" ? null : localStorage.getItem("k")) ?? ""`) {
		t.Errorf("useState initialiser:\n%s", out)
	}
}

func TestServerModule(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "components/TaskForm.tsx", Line: 3, Code: "module-not-found", Message: "Module not found: Can't resolve 'fs'"})
	src := `"use client";

import { readFileSync } from "fs";
import path from "path";
import { useState } from "react";

export default function TaskForm() {
  const [items] = useState<Item[]>(() =>
    JSON.parse(readFileSync(path.join(process.cwd(), "data", "items.json"), "utf8")) as Item[],
  );
  return <ul>{items.length}</ul>;
}
`
	files := map[string]string{"components/TaskForm.tsx": src, "data/items.json": "[]", "tsconfig.json": `{"compilerOptions":{"paths":{"@/*":["./*"]}}}`}
	out := mustFix(t, serverModule, files, d)["components/TaskForm.tsx"]
	if strings.Contains(out, "fs") || strings.Contains(out, "import path") || !strings.Contains(out, "import itemsData from \"@/data/items.json\";") ||
		!strings.Contains(out, "    itemsData as Item[],") {
		t.Errorf("got\n%s", out)
	}
	// A client file that needs nothing of the browser goes back to the server.
	plain := "\"use client\";\nimport { readFileSync } from \"fs\";\nexport default function A() { return <p>{readFileSync(\"x\", \"utf8\")}</p>; }\n"
	if out := mustFix(t, serverModule, map[string]string{"components/TaskForm.tsx": plain}, d)["components/TaskForm.tsx"]; strings.Contains(out, "use client") {
		t.Errorf("directive kept:\n%s", out)
	}
}

func TestMetadataMove(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/tasks/page.tsx", Line: 6, Column: 14,
		Message: `You are attempting to export "metadata" from a component marked with "use client", which is disallowed.`})
	page := "\"use client\";\n\nimport type { Metadata } from \"next\";\nimport TaskForm from \"@/components/TaskForm\";\n\nexport const metadata: Metadata = {\n  title: \"New task\",\n};\n\nexport default function TasksPage() {\n  return <TaskForm />;\n}\n"
	out := mustFix(t, metadataMove, map[string]string{"app/tasks/page.tsx": page}, d)["app/tasks/page.tsx"]
	if strings.Contains(out, "use client") || !strings.Contains(out, "export const metadata") {
		t.Errorf("server-file variant:\n%s", out)
	}
	interactive := strings.Replace(page, "return <TaskForm />;", "const [n, setN] = useState(0);\n  return <button onClick={() => setN(n + 1)}>{n}</button>;", 1)
	files := mustFix(t, metadataMove, map[string]string{"app/tasks/page.tsx": interactive}, d)
	client := files["app/tasks/TasksPageClient.tsx"]
	server := files["app/tasks/page.tsx"]
	if !strings.HasPrefix(client, "\"use client\";") || strings.Contains(client, "metadata") || strings.Contains(client, "Metadata") {
		t.Errorf("client part:\n%s", client)
	}
	want := "import type { Metadata } from \"next\";\nimport TasksPageClient from \"./TasksPageClient\";\n\nexport const metadata: Metadata = {\n  title: \"New task\",\n};\n\nexport default function TasksPage() {\n  return <TasksPageClient />;\n}\n"
	if server != want {
		t.Errorf("server part:\n%s", server)
	}
}

func TestClientCookies(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "components/TaskForm.tsx", Line: 4, Column: 1,
		Message: `You're importing a module that depends on "next/headers". This API is only available in Server Components in the App Router, but you are using it in the Pages Router.`})
	src := "\"use client\";\n\nimport { useState } from \"react\";\nimport { cookies } from \"next/headers\";\n\nexport default function F() {\n  const [theme] = useState(cookies().get(\"theme\")?.value ?? \"light\");\n  return <p>{theme}</p>;\n}\n"
	out := mustFix(t, clientCookies, map[string]string{"components/TaskForm.tsx": src}, d)["components/TaskForm.tsx"]
	if strings.Contains(out, "next/headers") || !strings.Contains(out, `useState(readCookie("theme")?.value ?? "light")`) || !strings.Contains(out, "function readCookie(name: string)") {
		t.Errorf("got\n%s", out)
	}
	mustNotFix(t, clientCookies, map[string]string{"components/TaskForm.tsx": strings.Replace(src, "cookies().get(\"theme\")?.value", "cookies().getAll().length", 1)}, d)
}

func TestSuspenseBoundary(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, Message: `useSearchParams() should be wrapped in a suspense boundary at page "/search". Read more: https://nextjs.org/docs/messages/missing-suspense-with-csr-bailout`})
	page := "import SearchBox from \"@/components/SearchBox\";\n\nexport default function SearchPage() {\n  return (\n    <main>\n      <SearchBox placeholder=\"Find\" />\n    </main>\n  );\n}\n"
	box := "\"use client\";\nimport { useSearchParams } from \"next/navigation\";\nexport default function SearchBox(p: { placeholder: string }) { const q = useSearchParams(); return <input defaultValue={q.get(\"q\") ?? \"\"} />; }\n"
	out := mustFix(t, suspenseBoundary, map[string]string{"app/search/page.tsx": page, "components/SearchBox.tsx": box, "tsconfig.json": aliasTS}, d)
	if !strings.Contains(out["app/search/page.tsx"], "<Suspense fallback={null}><SearchBox placeholder=\"Find\" /></Suspense>") || !strings.Contains(out["app/search/page.tsx"], "import { Suspense } from \"react\";") {
		t.Errorf("wrapped:\n%s", out["app/search/page.tsx"])
	}
	self := "\"use client\";\n\nimport { useSearchParams } from \"next/navigation\";\n\nexport default function SearchPage() {\n  const q = useSearchParams();\n  return <p>{q.get(\"q\")}</p>;\n}\n"
	got := mustFix(t, suspenseBoundary, map[string]string{"app/search/page.tsx": self}, d)["app/search/page.tsx"]
	if !strings.Contains(got, "\nfunction SearchPageContent() {") || !strings.Contains(got, "export default function SearchPage() {\n  return (\n    <Suspense fallback={null}>\n      <SearchPageContent />") {
		t.Errorf("page itself:\n%s", got)
	}
}

func TestAsyncClient(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "components/A.tsx", Message: "async/await is not yet supported in Client Components, only Server Components."})
	src := "\"use client\";\nexport default async function A() {\n  const [a] = useState(1);\n  return <p>{a}</p>;\n}\n"
	if out := mustFix(t, asyncClient, map[string]string{"components/A.tsx": src}, d); !strings.Contains(out["components/A.tsx"], "export default function A()") {
		t.Errorf("sync:\n%s", out["components/A.tsx"])
	}
	server := "\"use client\";\nexport default async function A() {\n  const d = await load();\n  return <p>{d}</p>;\n}\n"
	if out := mustFix(t, asyncClient, map[string]string{"components/A.tsx": server}, d); strings.Contains(out["components/A.tsx"], "use client") {
		t.Errorf("server:\n%s", out["components/A.tsx"])
	}
}

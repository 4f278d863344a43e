package rules

import (
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
)

func tscAt(file string, line, col int, code, msg string) diag.Diagnostic {
	return classify(diag.Diagnostic{Tool: diag.ToolTSC, File: file, Line: line, Column: col, Code: code, Message: msg})
}

func TestJSXNamespace(t *testing.T) {
	d := tscAt("components/B.tsx", 2, 60, "TS2503", "Cannot find namespace 'JSX'.")
	src := "import { x } from \"@/lib/x\";\nexport default function B(): JSX.Element { return <p />; }\n"
	if out := mustFix(t, jsxNamespace, map[string]string{"components/B.tsx": src}, d); !strings.Contains(out["components/B.tsx"], "import type { JSX } from \"react\";\n") {
		t.Errorf("import:\n%s", out["components/B.tsx"])
	}
	withReact := "import React from \"react\";\nexport function B(): JSX.Element { const a: JSX.IntrinsicElements = {}; return <p />; }\n"
	if out := mustFix(t, jsxNamespace, map[string]string{"components/B.tsx": withReact}, d); !strings.Contains(out["components/B.tsx"], "(): React.JSX.Element") || !strings.Contains(out["components/B.tsx"], "a: React.JSX.IntrinsicElements") {
		t.Errorf("React.JSX:\n%s", out["components/B.tsx"])
	}
}

func TestAwaitRequestAPI(t *testing.T) {
	d := tscAt("app/page.tsx", 5, 27, "TS2339", "Property 'get' does not exist on type 'Promise<ReadonlyRequestCookies>'.")
	src := "import { cookies, headers } from \"next/headers\";\n\nexport default function HomePage() {\n  const h = headers();\n  const name = cookies().get(\"name\")?.value ?? \"there\";\n  return <p>{name}{h.get(\"x\")}</p>;\n}\n"
	out := mustFix(t, awaitRequestAPI, map[string]string{"app/page.tsx": src}, d)["app/page.tsx"]
	for _, want := range []string{"export default async function HomePage()", "const h = await headers();", `const name = (await cookies()).get("name")`, `import { cookies, headers } from "next/headers";`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q:\n%s", want, out)
		}
	}
	mustNotFix(t, awaitRequestAPI, map[string]string{"app/page.tsx": "\"use client\";\n" + src}, d)
}

func TestAwaitParams(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/api/tasks/[id]/route.ts", Code: "TS2344",
		Message: "Type 'typeof import(\"app/api/tasks/[id]/route\")' does not satisfy the constraint 'RouteHandlerConfig<\"/api/tasks/[id]\">'.\n  Types of property 'GET' are incompatible.\n    Type '{ params: Promise<{ id: string; }>; }' is not assignable to type '{ params: { id: string; }; }'."})
	src := "export async function GET(req: Request, { params }: { params: { id: string } }) {\n  const { id } = params;\n  return Response.json({ id, again: params.id });\n}\n"
	out := mustFix(t, awaitParams, map[string]string{"app/api/tasks/[id]/route.ts": src}, d)["app/api/tasks/[id]/route.ts"]
	want := "export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  return Response.json({ id, again: (await params).id });\n}\n"
	if out != want {
		t.Errorf("got\n%s", out)
	}
	page := "export default function Page(props: { params: { slug: string }; searchParams: { q?: string } }) {\n  return <p>{props.params.slug}{props.searchParams.q}</p>;\n}\n"
	got := mustFix(t, awaitParams, map[string]string{"app/[slug]/page.tsx": page}, classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/[slug]/page.tsx", Message: "`params` should be awaited before using its properties.", Category: diag.Type, Subclass: diag.AsyncParams}))["app/[slug]/page.tsx"]
	if !strings.Contains(got, "export default async function Page(props: { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string }> })") ||
		!strings.Contains(got, "{(await props.params).slug}{(await props.searchParams).q}") {
		t.Errorf("props form:\n%s", got)
	}
}

func TestAwaitPromise(t *testing.T) {
	src := "import { fetchTasks } from \"@/lib/store\";\n\nexport default function HomePage() {\n  const tasks = fetchTasks();\n  const open = count(tasks);\n  return <ul>{tasks.map((t) => <li key={t}>{t}</li>)}</ul>;\n}\n"
	d := tscAt("app/page.tsx", 5, 22, "TS2345", "Argument of type 'Promise<Task[]>' is not assignable to parameter of type 'readonly Task[]'.")
	out := mustFix(t, awaitPromise, map[string]string{"app/page.tsx": src}, d)["app/page.tsx"]
	if !strings.Contains(out, "export default async function HomePage() {\n  const tasks = await fetchTasks();") {
		t.Errorf("got\n%s", out)
	}
	prop := tscAt("app/page.tsx", 6, 20, "TS2339", "Property 'map' does not exist on type 'Promise<Task[]>'.")
	if out := mustFix(t, awaitPromise, map[string]string{"app/page.tsx": src}, prop)["app/page.tsx"]; !strings.Contains(out, "await fetchTasks()") {
		t.Errorf("property form:\n%s", out)
	}
	inline := "export async function load() {\n  return fetchTasks().length;\n}\n"
	call := tscAt("lib/l.ts", 2, 10, "TS2339", "Property 'length' does not exist on type 'Promise<Task[]>'.")
	if out := mustFix(t, awaitPromise, map[string]string{"lib/l.ts": inline}, call)["lib/l.ts"]; !strings.Contains(out, "return (await fetchTasks()).length;") {
		t.Errorf("inline call:\n%s", out)
	}
	client := "\"use client\";\nexport default function C() {\n  const tasks = fetchTasks();\n  return <p>{count(tasks)}</p>;\n}\n"
	mustNotFix(t, awaitPromise, map[string]string{"app/c.tsx": client}, tscAt("app/c.tsx", 4, 19, "TS2345", "Argument of type 'Promise<Task[]>' is not assignable to parameter of type 'readonly Task[]'."))
}

func TestImplicitAny(t *testing.T) {
	src := "\"use client\";\n\nimport { useState } from \"react\";\n\nexport default function F() {\n  function handleTitle(event) {\n    set(event.target.value);\n  }\n  return <input value=\"x\" onChange={handleTitle} />;\n}\n"
	d := tscAt("components/F.tsx", 6, 24, "TS7006", "Parameter 'event' implicitly has an 'any' type.")
	out := mustFix(t, implicitAny, map[string]string{"components/F.tsx": src}, d)["components/F.tsx"]
	if !strings.Contains(out, "function handleTitle(event: ChangeEvent<HTMLInputElement>)") || !strings.Contains(out, "import { useState, type ChangeEvent } from \"react\";") {
		t.Errorf("handler:\n%s", out)
	}
	lit := "function label(n) {\n  return \"#\" + n;\n}\nlabel(3);\n"
	if out := mustFix(t, implicitAny, map[string]string{"lib/a.ts": lit}, tscAt("lib/a.ts", 1, 16, "TS7006", "Parameter 'n' implicitly has an 'any' type."))["lib/a.ts"]; !strings.Contains(out, "function label(n: number)") {
		t.Errorf("call site:\n%s", out)
	}
	cb := "const xs = items.map((task) => task.id);\n"
	mustNotFix(t, implicitAny, map[string]string{"lib/a.ts": cb}, tscAt("lib/a.ts", 1, 23, "TS7006", "Parameter 'task' implicitly has an 'any' type."))
	idx := "const labels: Record<Priority, string> = { low: \"L\" };\nconst p: string = get();\nconst l = labels[p];\n"
	d7053 := tscAt("lib/a.ts", 3, 11, "TS7053", "Element implicitly has an 'any' type because expression of type 'string' can't be used to index type 'Record<Priority, string>'.")
	if out := mustFix(t, implicitAny, map[string]string{"lib/a.ts": idx}, d7053)["lib/a.ts"]; !strings.Contains(out, "labels[p as keyof typeof labels]") {
		t.Errorf("index:\n%s", out)
	}
}

func TestNarrowUndefined(t *testing.T) {
	src := "export default function P() {\n  const newest = tasks[0];\n  return <p>{newest.title}</p>;\n}\n"
	d := tscAt("app/page.tsx", 3, 14, "TS18048", "'newest' is possibly 'undefined'.")
	out, fix, err := run(t, narrowUndefined, map[string]string{"app/page.tsx": src}, d)
	if err != nil || !strings.Contains(out["app/page.tsx"], "{newest?.title}") || fix.Variant != "optional" {
		t.Fatalf("optional: %v\n%s", err, out["app/page.tsx"])
	}
	out = mustFix(t, narrowUndefined, map[string]string{"app/page.tsx": src}, d, withExclude("optional"))
	if !strings.Contains(out["app/page.tsx"], "{newest!.title}") {
		t.Errorf("assert:\n%s", out["app/page.tsx"])
	}
	member := "const d = task.due.getTime();\n"
	if out := mustFix(t, narrowUndefined, map[string]string{"a.ts": member}, tscAt("a.ts", 1, 11, "TS18048", "'task.due' is possibly 'undefined'."))["a.ts"]; out != "const d = task.due?.getTime();\n" {
		t.Errorf("member chain: %q", out)
	}
	arg := "const s = format(user.name);\n"
	if out := mustFix(t, narrowUndefined, map[string]string{"a.ts": arg}, tscAt("a.ts", 1, 18, "TS2345", "Argument of type 'string | undefined' is not assignable to parameter of type 'string'."))["a.ts"]; out != "const s = format(user.name ?? \"\");\n" {
		t.Errorf("fallback: %q", out)
	}
}

func TestLiteralMemberAndCast(t *testing.T) {
	store := "export type Priority = \"low\" | \"medium\" | \"high\";\n"
	page := "import TaskForm from \"@/components/TaskForm\";\nexport default function P() {\n  return <TaskForm defaultPriority=\"urgent\" />;\n}\n"
	d := tscAt("app/tasks/page.tsx", 3, 20, "TS2322", "Type '\"urgent\"' is not assignable to type 'Priority | undefined'.")
	out, fix, err := run(t, literalUnion, map[string]string{"app/tasks/page.tsx": page, "lib/store.ts": store}, d)
	if err != nil || !strings.Contains(out["app/tasks/page.tsx"], "defaultPriority=\"high\"") || fix.Variant != "high" {
		t.Fatalf("literal: %v\n%s", err, out["app/tasks/page.tsx"])
	}
	out = mustFix(t, literalUnion, map[string]string{"app/tasks/page.tsx": page, "lib/store.ts": store}, d, withExclude("high"))
	if strings.Contains(out["app/tasks/page.tsx"], "urgent") || strings.Contains(out["app/tasks/page.tsx"], "\"high\"") {
		t.Errorf("second choice:\n%s", out["app/tasks/page.tsx"])
	}
	form := "\"use client\";\nimport { useState } from \"react\";\nexport default function F() {\n  const [p, setP] = useState<Priority>(\"low\");\n  return <select value={p} onChange={(e) => setP(e.target.value)} />;\n}\n"
	cast := tscAt("components/F.tsx", 5, 53, "TS2345", "Argument of type 'string' is not assignable to parameter of type 'SetStateAction<Priority>'.")
	out = mustFix(t, castAssign, map[string]string{"components/F.tsx": form, "lib/store.ts": store, "tsconfig.json": aliasTS}, cast)
	if !strings.Contains(out["components/F.tsx"], "setP(e.target.value as Priority)") || !strings.Contains(out["components/F.tsx"], "import type { Priority } from \"@/lib/store\";") {
		t.Errorf("cast:\n%s", out["components/F.tsx"])
	}
	mustNotFix(t, castAssign, map[string]string{"a.ts": "f(x);\n"}, tscAt("a.ts", 1, 3, "TS2345", "Argument of type 'string' is not assignable to parameter of type 'Date'."))
}

func TestMissingProperty(t *testing.T) {
	store := `export interface Task {
  id: string;
  title: string;
  done: boolean;
  tags: string[];
  priority: "low" | "high";
  createdAt: string;
}

export function createTask(title: string, now: Date = new Date()): Task {
  return {
    id: "t1",
    title,
  };
}
`
	d := tscAt("lib/store.ts", 11, 3, "TS2739", "Type '{ id: string; title: string; }' is missing the following properties from type 'Task': done, tags, priority, createdAt")
	out := mustFix(t, missingProperty, map[string]string{"lib/store.ts": store}, d)["lib/store.ts"]
	if !strings.Contains(out, "    title,\n    done: false,\n    tags: [],\n    priority: \"low\",\n    createdAt: now.toISOString(),\n  };") {
		t.Errorf("got\n%s", out)
	}
	one := strings.Replace(store, "    id: \"t1\",\n    title,\n", "    title, done: false, tags: [], priority: \"low\", createdAt: \"\"\n", 1)
	d2 := tscAt("lib/store.ts", 11, 3, "TS2741", "Property 'id' is missing in type '{ title: string; done: false; }' but required in type 'Task'.")
	if out := mustFix(t, missingProperty, map[string]string{"lib/store.ts": one}, d2)["lib/store.ts"]; !strings.Contains(out, "createdAt: \"\",\n    id: crypto.randomUUID(),\n  };") {
		t.Errorf("id:\n%s", out)
	}
}

func TestDidYouMean(t *testing.T) {
	d := tscAt("app/page.tsx", 1, 17, "TS2551", "Property 'titel' does not exist on type 'Task'. Did you mean 'title'?")
	if out := mustFix(t, didYouMean, map[string]string{"app/page.tsx": "const a = task.titel;\n"}, d); out["app/page.tsx"] != "const a = task.title;\n" {
		t.Errorf("got %q", out["app/page.tsx"])
	}
}

func TestConversionsAndState(t *testing.T) {
	src := "const [n, setN] = useState(0);\nconst el = <input onChange={(e) => setN(e.target.value)} />;\n"
	d := tscAt("a.tsx", 2, 41, "TS2345", "Argument of type 'string' is not assignable to parameter of type 'SetStateAction<number>'.")
	if out := mustFix(t, castAssign, map[string]string{"a.tsx": src}, d); !strings.Contains(out["a.tsx"], "setN(Number(e.target.value))") {
		t.Errorf("Number:\n%s", out["a.tsx"])
	}
	state := "const [task, setTask] = useState<Task>(null);\n"
	nd := tscAt("a.tsx", 1, 40, "TS2345", "Argument of type 'null' is not assignable to parameter of type 'Task | (() => Task)'.")
	if out := mustFix(t, narrowUndefined, map[string]string{"a.tsx": state}, nd); out["a.tsx"] != "const [task, setTask] = useState<Task | null>(null);\n" {
		t.Errorf("widen: %q", out["a.tsx"])
	}
}

func TestMissingJSXProps(t *testing.T) {
	form := "export interface TaskFormProps {\n  title: string;\n  onCreated: (task: Task) => void;\n}\n"
	page := "export default function P() {\n  return <TaskForm title=\"x\" />;\n}\n"
	d := tscAt("app/page.tsx", 2, 11, "TS2741", "Property 'onCreated' is missing in type '{ title: string; }' but required in type 'TaskFormProps'.")
	if out := mustFix(t, missingProperty, map[string]string{"app/page.tsx": page, "components/TaskForm.tsx": form}, d); !strings.Contains(out["app/page.tsx"], "<TaskForm title=\"x\" onCreated={() => {}} />") {
		t.Errorf("got\n%s", out["app/page.tsx"])
	}
}

func TestTSConfig(t *testing.T) {
	cfg := "{\n  \"compilerOptions\": {\n    \"module\": \"commonjs\",\n    \"moduleResolution\": \"node\",\n    \"suppressImplicitAnyIndexErrors\": true,\n    \"strict\": true\n  }\n}\n"
	d := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "tsconfig.json", Code: "TS5101", Message: "Option 'suppressImplicitAnyIndexErrors' is deprecated and will stop functioning in TypeScript 5.5."})
	out := mustFix(t, tsconfigOptions, map[string]string{"tsconfig.json": cfg}, d)["tsconfig.json"]
	if strings.Contains(out, "suppressImplicitAnyIndexErrors") || !strings.Contains(out, `"moduleResolution": "bundler"`) || !strings.Contains(out, `"module": "esnext"`) {
		t.Errorf("got\n%s", out)
	}
	sub := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/layout.tsx", Code: "TS2307", Message: "Cannot find module 'next/font/local' or its corresponding type declarations."})
	mustFix(t, tsconfigOptions, map[string]string{"tsconfig.json": cfg}, sub)
	mustNotFix(t, tsconfigOptions, map[string]string{"tsconfig.json": "{\"compilerOptions\":{\"moduleResolution\":\"bundler\"}}"}, sub)
}

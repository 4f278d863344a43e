package rules

import (
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
)

const aliasTS = `{"compilerOptions":{"paths":{"@/*":["./*"]}}}`

func TestImportPath(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/tasks/page.tsx", Line: 2, Code: "module-not-found", Message: "Module not found: Can't resolve '../components/TaskForm'"})
	files := map[string]string{
		"app/tasks/page.tsx":      "import TaskForm from \"../components/TaskForm\";\nexport default function P() { return <TaskForm />; }\n",
		"components/TaskForm.tsx": "export default function TaskForm() { return null; }\n",
		"tsconfig.json":           aliasTS,
	}
	if out := mustFix(t, importPath, files, d); !strings.HasPrefix(out["app/tasks/page.tsx"], "import TaskForm from \"@/components/TaskForm\";") {
		t.Errorf("alias:\n%s", out["app/tasks/page.tsx"])
	}
	delete(files, "tsconfig.json")
	if out := mustFix(t, importPath, files, d); !strings.HasPrefix(out["app/tasks/page.tsx"], "import TaskForm from \"../../components/TaskForm\";") {
		t.Errorf("relative:\n%s", out["app/tasks/page.tsx"])
	}
	// Case and index files.
	ci := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 1, Code: "TS2307", Message: "Cannot find module '@/components/taskList' or its corresponding type declarations."})
	out := mustFix(t, importPath, map[string]string{"app/page.tsx": "import L from '@/components/taskList';\n", "components/TaskList/index.tsx": "export default 1;\n", "tsconfig.json": aliasTS}, ci)
	if !strings.HasPrefix(out["app/page.tsx"], "import L from '@/components/TaskList';") {
		t.Errorf("index:\n%s", out["app/page.tsx"])
	}
	// Two candidates equally close: refused.
	mustNotFix(t, importPath, map[string]string{"app/page.tsx": "import B from \"./Button\";\n", "a/Button.tsx": "", "b/Button.tsx": ""},
		classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Code: "module-not-found", Message: "Module not found: Can't resolve './Button'"}))
}

func TestModuleCreate(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 2, Code: "module-not-found", Message: "Module not found: Can't resolve '@/components/TaskList'"})
	page := "import TaskList from \"@/components/TaskList\";\nexport default function P() {\n  return <TaskList tasks={getTasks()} title=\"Open\" compact onSelect={(t) => go(t)}>extra</TaskList>;\n}\n"
	out := mustFix(t, moduleCreate, map[string]string{"app/page.tsx": page, "tsconfig.json": aliasTS}, d)
	comp := out["components/TaskList.tsx"]
	for _, want := range []string{"  tasks: unknown;\n", "  title: string;\n", "  compact?: boolean;\n", "  onSelect: (...args: never[]) => unknown;\n", "  children: ReactNode;\n",
		"export default function TaskList(props: TaskListProps) {", "{show(props.tasks)}", "{props.children}"} {
		if !strings.Contains(comp, want) {
			t.Errorf("missing %q in\n%s", want, comp)
		}
	}
	lib := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Code: "module-not-found", Message: "Module not found: Can't resolve '@/lib/money'"})
	mustNotFix(t, moduleCreate, map[string]string{"app/page.tsx": "import { formatMoney } from \"@/lib/money\";\nconst x = formatMoney(1);\n", "tsconfig.json": aliasTS}, lib)
}

func TestExportKind(t *testing.T) {
	store := "export function getTasks() { return []; }\nexport const formatDate = (s: string) => s;\n"
	tsc := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 2, Column: 8, Code: "TS1192", Message: "Module '\"/x/lib/store\"' has no default export."})
	ns := "import store from \"@/lib/store\";\nconst t = store.getTasks();\n"
	if out := mustFix(t, exportKind, map[string]string{"app/page.tsx": ns, "lib/store.ts": store, "tsconfig.json": aliasTS}, tsc); out["app/page.tsx"] != "import * as store from \"@/lib/store\";\n\nconst t = store.getTasks();\n" {
		t.Errorf("namespace:\n%s", out["app/page.tsx"])
	}
	named := "import getTasks from \"@/lib/store\";\nconst t = getTasks();\n"
	if out := mustFix(t, exportKind, map[string]string{"app/page.tsx": named, "lib/store.ts": store, "tsconfig.json": aliasTS}, tsc); out["app/page.tsx"] != "import { getTasks } from \"@/lib/store\";\n\nconst t = getTasks();\n" {
		t.Errorf("named:\n%s", out["app/page.tsx"])
	}
	typo := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 1, Code: "TS2724", Message: "'\"@/lib/store\"' has no exported member named 'formatDay'. Did you mean 'formatDate'?"})
	src := "import { getTasks, formatDay } from \"@/lib/store\";\nconst d = formatDay(\"x\");\n"
	if out := mustFix(t, exportKind, map[string]string{"app/page.tsx": src, "lib/store.ts": store}, typo); !strings.HasPrefix(out["app/page.tsx"], "import { getTasks, formatDate as formatDay } from \"@/lib/store\";") {
		t.Errorf("typo:\n%s", out["app/page.tsx"])
	}
	turbo := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 1, Message: "Export formatDay doesn't exist in target module", Excerpt: "Did you mean to import formatDate?"})
	if out := mustFix(t, exportKind, map[string]string{"app/page.tsx": src, "lib/store.ts": store}, turbo); !strings.Contains(out["app/page.tsx"], "formatDate as formatDay") {
		t.Errorf("turbopack wording:\n%s", out["app/page.tsx"])
	}
	useDef := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 1, Code: "TS2614", Message: "Module '\"@/components/Card\"' has no exported member 'Card'. Did you mean to use 'import Card from \"@/components/Card\"' instead?"})
	if out := mustFix(t, exportKind, map[string]string{"app/page.tsx": "import { Card } from \"@/components/Card\";\n"}, useDef); out["app/page.tsx"] != "import Card from \"@/components/Card\";\n" {
		t.Errorf("default:\n%q", out["app/page.tsx"])
	}
}

func TestImportMissing(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "components/C.tsx", Line: 3, Code: "TS2304", Message: "Cannot find name 'useState'."})
	src := "\"use client\";\n\nimport { useEffect } from \"react\";\nexport function C() { const [a] = useState(0); useEffect(() => {}); return a; }\n"
	if out := mustFix(t, importMissing, map[string]string{"components/C.tsx": src}, d); !strings.Contains(out["components/C.tsx"], "import { useEffect, useState } from \"react\";") {
		t.Errorf("hook:\n%s", out["components/C.tsx"])
	}
	link := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 1, Code: "TS2304", Message: "Cannot find name 'Link'."})
	if out := mustFix(t, importMissing, map[string]string{"app/page.tsx": "export default function P() { return <Link href=\"/\">x</Link>; }\n"}, link); !strings.HasPrefix(out["app/page.tsx"], "import Link from \"next/link\";\n") {
		t.Errorf("Link:\n%s", out["app/page.tsx"])
	}
	local := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 1, Code: "TS2304", Message: "Cannot find name 'Task'."})
	out := mustFix(t, importMissing, map[string]string{"app/page.tsx": "const t: Task[] = [];\n", "lib/store.ts": "export interface Task { id: string }\n", "tsconfig.json": aliasTS}, local)
	if !strings.HasPrefix(out["app/page.tsx"], "import type { Task } from \"@/lib/store\";\n") {
		t.Errorf("project type:\n%s", out["app/page.tsx"])
	}
}

func TestDeprecatedImports(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 1, Message: "Module not found: Can't resolve '@next/font/google'"})
	if out := mustFix(t, deprecatedImports, map[string]string{"app/page.tsx": "import { Inter } from \"@next/font/google\";\n"}, d); out["app/page.tsx"] != "import { Inter } from \"next/font/google\";\n" {
		t.Errorf("font:\n%s", out["app/page.tsx"])
	}
	img := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 1, Code: "TS6385", Message: "'default' is deprecated.", Category: diag.Type, Subclass: diag.DeprecatedAPI})
	img.Category, img.Subclass = diag.Type, diag.DeprecatedAPI
	src := "import Image from \"next/legacy/image\";\nconst a = <Image src=\"/a.png\" alt=\"\" layout=\"fill\" objectFit=\"cover\" />;\n"
	if out := mustFix(t, deprecatedImports, map[string]string{"app/page.tsx": src}, img); out["app/page.tsx"] != "import Image from \"next/image\";\nconst a = <Image src=\"/a.png\" alt=\"\" fill style={{ objectFit: \"cover\" }} />;\n" {
		t.Errorf("legacy image:\n%s", out["app/page.tsx"])
	}
	fs := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "components/F.tsx", Line: 2, Code: "TS2305", Message: "Module '\"react-dom\"' has no exported member 'useFormState'."})
	out := mustFix(t, deprecatedImports, map[string]string{"components/F.tsx": "\"use client\";\nimport { useFormState } from \"react-dom\";\nconst [s, a] = useFormState(act, null);\n"}, fs)
	if !strings.Contains(out["components/F.tsx"], "import { useActionState } from \"react\";\n\nconst [s, a] = useActionState(act, null);") || strings.Contains(out["components/F.tsx"], "react-dom") {
		t.Errorf("useFormState:\n%s", out["components/F.tsx"])
	}
}

func TestModuleCreateHelpers(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "components/B.tsx", Line: 1, Code: "module-not-found", Message: "Module not found: Can't resolve '@/lib/utils'"})
	out := mustFix(t, moduleCreate, map[string]string{"components/B.tsx": "import { cn } from \"@/lib/utils\";\nexport const x = cn(\"a\", false && \"b\");\n", "tsconfig.json": aliasTS}, d)
	if !strings.Contains(out["lib/utils.ts"], "export function cn(...inputs: ClassValue[]): string") {
		t.Errorf("cn:\n%s", out["lib/utils.ts"])
	}
	css := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/layout.tsx", Line: 2, Code: "module-not-found", Message: "Module not found: Can't resolve './theme.css'"})
	out = mustFix(t, moduleCreate, map[string]string{"app/layout.tsx": "import \"./globals.css\";\nimport \"./theme.css\";\nexport default 1;\n", "app/globals.css": ""}, css)
	if out["app/layout.tsx"] != "import \"./globals.css\";\nexport default 1;\n" {
		t.Errorf("css: %q", out["app/layout.tsx"])
	}
}

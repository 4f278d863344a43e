package rules

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// TestRecordedVariants runs the rules on diagnostics parsed from real tool
// output of mistakes outside the fault corpus (recorded by the diag
// package), over sources written to match the recorded positions: the
// first rule that applies must be the expected one and produce the fix.
func TestRecordedVariants(t *testing.T) {
	base := func(p string) string {
		data, err := os.ReadFile(filepath.Join("../../../faults/base", p))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	page := base("app/page.tsx")
	store := base("lib/store.ts")
	form := base("components/TaskForm.tsx")
	tests := []struct {
		variant, output string
		tool            diag.Tool
		files           map[string]string
		fixer           string
		file, want      string
	}{
		{"sync-headers", "typecheck", diag.ToolTSC, map[string]string{"app/page.tsx": strings.Replace(strings.Replace(page, "import Link", "import { headers } from \"next/headers\";\nimport Link", 1),
			"  const open = countOpenTasks(tasks);", "  const open = countOpenTasks(tasks);\n  const ua = headers().get(\"user-agent\");", 1)},
			"await.request-api", "app/page.tsx", `(await headers()).get("user-agent")`},
		{"wrong-named-import", "typecheck", diag.ToolTSC, map[string]string{"app/page.tsx": strings.Replace(strings.Replace(page, "formatDate, getTasks", "formatDay, getTasks", 1), "{formatDate(", "{formatDay(", 1), "lib/store.ts": store},
			"import.export-kind", "app/page.tsx", "formatDate as formatDay"},
		{"wrong-named-import", "build", diag.ToolNext, map[string]string{"app/page.tsx": strings.Replace(strings.Replace(page, "formatDate, getTasks", "formatDay, getTasks", 1), "{formatDate(", "{formatDay(", 1), "lib/store.ts": store},
			"import.export-kind", "app/page.tsx", "formatDate as formatDay"},
		{"missing-dep-clsx", "typecheck", diag.ToolTSC, map[string]string{"components/TaskForm.tsx": strings.Replace(form, "import { useState", "import clsx from \"clsx\";\nimport { useState", 1), "package.json": basePkg},
			"dep.add", "package.json", `"clsx": "^2.1.1"`},
		{"missing-comma", "typecheck", diag.ToolTSC, map[string]string{"lib/store.ts": strings.Replace(store, "title: \"Set up analytics\",", "title: \"Set up analytics\"", 1)},
			"syntax.insert-token", "lib/store.ts", "title: \"Set up analytics\",\n"},
		{"missing-comma", "build", diag.ToolNext, map[string]string{"lib/store.ts": strings.Replace(store, "title: \"Set up analytics\",", "title: \"Set up analytics\"", 1)},
			"syntax.insert-token", "lib/store.ts", "title: \"Set up analytics\",\n"},
		{"create-context-server", "build", diag.ToolNext, map[string]string{"components/ThemeProvider.tsx": "import { createContext, type ReactNode } from \"react\";\n\nexport const ThemeContext = createContext(\"light\");\n"},
			"client.use-client", "components/ThemeProvider.tsx", "\"use client\";\n\nimport { createContext"},
		{"window-in-server", "build", diag.ToolNext, map[string]string{"app/page.tsx": strings.Replace(page, "  const tasks = getTasks();\n", "  const tasks = getTasks();\n  const width = window.innerWidth;\n", 1)},
			"client.browser-guard", "app/page.tsx", `const width = (typeof window === "undefined" ? 0 : window.innerWidth);`},
		{"metadata-in-client", "build", diag.ToolNext, map[string]string{"app/tasks/page.tsx": "\"use client\";\n\n" + base("app/tasks/page.tsx")},
			"client.metadata-to-server", "app/tasks/page.tsx", "import type { Metadata } from \"next\";"},
		{"next-router-in-server", "build", diag.ToolNext, map[string]string{"app/page.tsx": "import { useRouter } from \"next/router\";\n" + strings.Replace(page, "  const tasks = getTasks();\n", "  const tasks = getTasks();\n  const router = useRouter();\n", 1)},
			"router.next-navigation", "app/page.tsx", "import { useRouter } from \"next/navigation\";"},
		{"use-server-const-export", "build", diag.ToolNext, map[string]string{"app/actions.ts": "\"use server\";\n\nexport const LIMITS = { title: 80 };\n\nexport async function saveTitle(title: string): Promise<string> {\n  return title.slice(0, LIMITS.title);\n}\n"},
			"server.actions-exports", "app/actions.ts", "\nconst LIMITS = { title: 80 };"},
	}
	for _, tt := range tests {
		t.Run(tt.variant+"/"+tt.output, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("../../diag/testdata/variants", tt.variant, tt.output+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			ds := diag.Parse(tt.tool, string(raw), diag.WithRoot("/tmp/diag-variants/"+tt.variant))
			ws, err := workspace.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer ws.Close()
			for p, c := range tt.files {
				if _, err := ws.WriteFile(p, []byte(c)); err != nil {
					t.Fatal(err)
				}
			}
			d := ds[0]
			for _, f := range All() {
				if !f.Accepts(d) {
					continue
				}
				fix, err := f.Fix(context.Background(), heal.Params{Diag: d, Failing: ds, Files: ws, Registry: testRegistry})
				if errors.Is(err, heal.ErrNotApplicable) {
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				if f.Name() != tt.fixer {
					t.Fatalf("%s applied first, want %s: %s", f.Name(), tt.fixer, fix.Note)
				}
				for _, ch := range fix.Changes {
					if ch.Path == tt.file && strings.Contains(string(ch.Data), tt.want) {
						return
					}
				}
				t.Fatalf("%s did not write %q into %s: %+v", f.Name(), tt.want, tt.file, fix.Note)
			}
			t.Fatalf("no rule applies to %s %s:%d:%d %s", d.Tool, d.File, d.Line, d.Column, d.Message)
		})
	}
}

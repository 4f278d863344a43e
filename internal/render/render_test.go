package render

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/review"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixed dates renders so that golden files do not change with the year.
var fixed = Options{Now: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)}

func loadPRD(t *testing.T, name string) *prd.PRD {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "prd", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := prd.Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

func prdNames(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", "prd"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".json"))
	}
	return out
}

// TestGolden compares whole rendered projects for a few PRDs.
func TestGolden(t *testing.T) {
	for _, name := range []string{"tasks", "crm", "quiz", "donations"} {
		t.Run(name, func(t *testing.T) {
			files, err := Render(loadPRD(t, name), fixed)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join("testdata", "golden", name)
			if *update {
				os.RemoveAll(dir)
				for _, f := range files {
					path := filepath.Join(dir, f.Path+".golden")
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			var want []string
			err = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
				if err == nil && !info.IsDir() {
					rel, _ := filepath.Rel(dir, p)
					want = append(want, strings.TrimSuffix(filepath.ToSlash(rel), ".golden"))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range files {
				got = append(got, f.Path)
				golden, err := os.ReadFile(filepath.Join(dir, f.Path+".golden"))
				if err != nil {
					t.Errorf("%s: no golden file (run go test -update)", f.Path)
					continue
				}
				if !bytes.Equal(golden, f.Data) {
					t.Errorf("%s differs from its golden file; run go test ./internal/render -update and review the diff", f.Path)
				}
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("files %v, golden %v", got, want)
			}
		})
	}
}

// TestContract checks the generated-app contract on every test PRD.
func TestContract(t *testing.T) {
	for _, name := range prdNames(t) {
		t.Run(name, func(t *testing.T) {
			p := loadPRD(t, name)
			files, err := Render(p, fixed)
			if err != nil {
				t.Fatal(err)
			}
			checkContract(t, p, files)
		})
	}
}

func checkContract(t *testing.T, p *prd.PRD, files []File) {
	t.Helper()
	byPath := map[string]string{}
	for _, f := range files {
		byPath[f.Path] = string(f.Data)
		for _, finding := range review.File(f.Path, f.Data) {
			if finding.Severity == review.Error {
				t.Errorf("%s:%d: reviewer: %s", f.Path, finding.Line, finding.Message)
			}
		}
		if strings.Contains(string(f.Data), "next/font/google") {
			t.Errorf("%s uses next/font/google", f.Path)
		}
	}
	var pkg struct {
		Scripts map[string]string `json:"scripts"`
	}
	if err := json.Unmarshal([]byte(byPath["package.json"]), &pkg); err != nil {
		t.Fatalf("package.json: %v", err)
	}
	for _, s := range []string{"dev", "build", "start", "typecheck", "lint", "test"} {
		if pkg.Scripts[s] == "" {
			t.Errorf("package.json has no %s script", s)
		}
	}
	for _, f := range []string{"app/layout.tsx", "app/page.tsx", "app/not-found.tsx", "app/error.tsx", "app/loading.tsx", "app/globals.css", "tsconfig.json"} {
		if byPath[f] == "" {
			t.Errorf("missing %s", f)
		}
	}
	layout := byPath["components/site-shell.tsx"]
	for _, e := range p.Entities {
		page := "app" + e.Route() + "/page.tsx"
		if byPath[page] == "" {
			t.Errorf("%s: no page at %s", e.Name, page)
		}
		if !strings.Contains(layout, `href: "`+e.Route()+`"`) {
			t.Errorf("%s: the nav does not link %s", e.Name, e.Route())
		}
		file := prd.Kebab(e.Type())
		form := byPath["components/"+file+"-form.tsx"]
		for _, f := range e.Fields {
			if !strings.Contains(form, "label="+jsxAttr(f.Label())) && !strings.Contains(form, "label="+jsxAttr(f.Label()+" (")) && !strings.Contains(form, `label="`+f.Label()+" (") {
				t.Errorf("%s: no label %q in the form", e.Name, f.Label())
			}
		}
		if !strings.Contains(form, `"Add `+strings.ToLower(e.Label())+`"`) {
			t.Errorf("%s: no Add button", e.Name)
		}
		list := byPath["components/"+file+"-list.tsx"]
		if !strings.Contains(list, "Edit\n") || !strings.Contains(list, "Delete\n") {
			t.Errorf("%s: the list has no Edit and Delete buttons", e.Name)
		}
	}
}

// TestViteTarget renders every test PRD as a Vite app: the same contract,
// with routes in src/App.tsx instead of app/ folders.
func TestViteTarget(t *testing.T) {
	for _, name := range prdNames(t) {
		p := loadPRD(t, name)
		files, err := Render(p, Options{Target: Vite, Now: fixed.Now})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		byPath := map[string]string{}
		for _, f := range files {
			byPath[f.Path] = string(f.Data)
			if strings.HasPrefix(f.Path, "app/") || strings.Contains(string(f.Data), `from "next`) {
				t.Errorf("%s: %s is Next.js code in a Vite app", name, f.Path)
			}
		}
		for _, want := range []string{"index.html", "src/main.tsx", "src/App.tsx", "src/index.css", "vite.config.ts", "lib/navigation.tsx", "package.json"} {
			if byPath[want] == "" {
				t.Errorf("%s: no %s", name, want)
			}
		}
		for _, e := range p.Entities {
			if !strings.Contains(byPath["src/App.tsx"], `exact("`+e.Route()+`"`) {
				t.Errorf("%s: src/App.tsx has no route %s", name, e.Route())
			}
			if !strings.Contains(byPath["components/site-shell.tsx"], `href: "`+e.Route()+`"`) {
				t.Errorf("%s: the nav does not link %s", name, e.Route())
			}
		}
	}
}

// TestRendersEveryEvalPrompt plans and renders every prompt of both suites.
func TestRendersEveryEvalPrompt(t *testing.T) {
	for _, suite := range []string{"../../eval/prompts.jsonl", "../../eval/webgen-bench/test.jsonl"} {
		data, err := os.ReadFile(suite)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var c struct{ ID, Prompt, Instruction string }
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Fatal(err)
			}
			text := c.Prompt + c.Instruction
			p, err := architect.Offline{}.Plan(context.Background(), architect.Params{Prompt: text})
			if err != nil {
				t.Fatalf("%s: plan: %v", c.ID, err)
			}
			files, err := Render(p, fixed)
			if err != nil {
				t.Errorf("%s: render: %v", c.ID, err)
				continue
			}
			checkContract(t, p, files)
		}
	}
}

func TestDeterministic(t *testing.T) {
	p := loadPRD(t, "crm")
	a, _ := Render(p, fixed)
	b, _ := Render(p, fixed)
	if len(a) != len(b) {
		t.Fatal("different file counts")
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("%s rendered differently twice", a[i].Path)
		}
	}
}

func TestRejectsInvalidPRD(t *testing.T) {
	p := loadPRD(t, "tasks")
	p.Theme.Primary = "blue"
	if _, err := Render(p, fixed); err == nil {
		t.Error("rendered a PRD that does not validate")
	}
}

// TestRenderOut writes projects for inspection: RENDER_OUT=/tmp/out go test -run TestRenderOut.
func TestRenderOut(t *testing.T) {
	out := os.Getenv("RENDER_OUT")
	if out == "" {
		t.Skip("set RENDER_OUT to write rendered projects")
	}
	if suite := os.Getenv("RENDER_SUITE"); suite != "" {
		data, err := os.ReadFile(suite)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var c struct{ ID, Prompt, Instruction string }
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Fatalf("%s: %v", suite, err)
			}
			p, err := architect.Offline{}.Plan(context.Background(), architect.Params{Prompt: c.Prompt + c.Instruction})
			if err != nil {
				t.Fatal(err)
			}
			files, err := Render(p, fixed)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				path := filepath.Join(out, c.ID, f.Path)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}
	names := prdNames(t)
	if n := os.Getenv("RENDER_NAMES"); n != "" {
		names = strings.Split(n, ",")
	}
	for _, name := range names {
		opts := fixed
		opts.Target = Target(os.Getenv("RENDER_TARGET"))
		files, err := Render(loadPRD(t, name), opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			path := filepath.Join(out, name, f.Path)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestEntityNamedLikeALocal renders entities whose variables would be
// names the components declare ("items" of an inventory, "events", a
// "day"): no declaration may read itself.
func TestEntityNamedLikeALocal(t *testing.T) {
	decl := regexp.MustCompile(`(?:const|let) (\w+) = ([^;\n]*)`)
	for _, prompt := range []string{
		"Inventory: items with name, quantity and reorder level. Highlight items when quantity falls below reorder level.",
		"Events with title, date and venue; days with date and notes; answers with text.",
	} {
		for target, files := range renderPrompt(t, prompt) {
			for _, f := range files {
				for _, m := range decl.FindAllSubmatch(f.Data, -1) {
					if regexp.MustCompile(`\(\s*` + string(m[1]) + `\b[^.(]`).Match(m[2]) {
						t.Errorf("%s (%s): %q declares a name it reads", f.Path, target, m[0])
					}
				}
			}
		}
	}
}

// TestDueIntervalUnits checks that intervals in weeks or months count in
// days, in the app and in its unit test.
func TestDueIntervalUnits(t *testing.T) {
	p, err := architect.Offline{}.Plan(context.Background(), architect.Params{Prompt: "Home maintenance tasks with title, frequency in months and last done date; show which are overdue."})
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(p, fixed)
	if err != nil {
		t.Fatal(err)
	}
	var lib, test string
	for _, f := range files {
		switch f.Path {
		case "lib/task.ts":
			lib = string(f.Data)
		case "tests/unit/task.test.ts":
			test = string(f.Data)
		}
	}
	if !strings.Contains(lib, "(task.frequency ?? 0) * 30") {
		t.Errorf("lib/task.ts does not count months in days:\n%s", lib)
	}
	if !strings.Contains(test, `"2025-12-13"`) {
		t.Errorf("the unit test's past-due date is not three months and a day back:\n%s", test)
	}
}

// TestToolPages renders an app of tools: each tool's component, logic and
// unit test, its page and route on both targets, and none of them in apps
// without tools.
func TestToolPages(t *testing.T) {
	for target, files := range renderPrompt(t, "A toolbox app with a calculator, a unit converter, a stopwatch, a pomodoro timer, tic tac toe and 2048") {
		have := map[string]string{}
		for _, f := range files {
			have[f.Path] = string(f.Data)
		}
		for _, name := range []string{"timer", "stopwatch", "calculator", "converter", "tictactoe", "game2048"} {
			if _, ok := have["components/tools/"+name+".tsx"]; !ok {
				t.Errorf("%s: no components/tools/%s.tsx", target, name)
			}
		}
		for _, name := range []string{"clock", "calculator", "converter", "tictactoe", "game2048"} {
			if _, ok := have["lib/tools/"+name+".ts"]; !ok {
				t.Errorf("%s: no lib/tools/%s.ts", target, name)
			}
		}
		if _, ok := have["tests/unit/tool-2048.test.ts"]; !ok {
			t.Errorf("%s: the 2048 logic has no unit test", target)
		}
		if !strings.Contains(have["components/home.tsx"], "<Game2048 />") {
			t.Errorf("%s: the home page does not show the first tool", target)
		}
		if target == Next {
			if page := have["app/calculator/page.tsx"]; !strings.Contains(page, "CalculatorPage") {
				t.Errorf("no route for the calculator:\n%s", page)
			}
		}
	}
	plain, err := Render(loadPRD(t, "tasks"), fixed)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range plain {
		if strings.Contains(f.Path, "tools/") || strings.Contains(f.Path, "tool-") {
			t.Errorf("an app without tools has %s", f.Path)
		}
	}
}

// renderPrompt plans a prompt offline and renders it for both targets.
func renderPrompt(t *testing.T, prompt string) map[Target][]File {
	t.Helper()
	p, err := architect.Offline{}.Plan(context.Background(), architect.Params{Prompt: prompt})
	if err != nil {
		t.Fatal(err)
	}
	out := map[Target][]File{}
	for _, target := range []Target{Next, Vite} {
		files, err := Render(p, Options{Target: target, Now: fixed.Now})
		if err != nil {
			t.Fatal(err)
		}
		out[target] = files
	}
	return out
}

// TestFilteredAggregate checks that a total narrowed by a state only reads
// the records in that state.
func TestFilteredAggregate(t *testing.T) {
	files := renderPrompt(t, "Invoices with number, amount and status (draft, sent, paid). Show the total unpaid.")[Next]
	for _, f := range files {
		if f.Path == "components/dashboard.tsx" {
			if !strings.Contains(string(f.Data), `invoiceItems.filter((item) => item.status !== "paid")`) {
				t.Errorf("the unpaid total does not leave paid invoices out:\n%s", f.Data)
			}
			return
		}
	}
	t.Error("no dashboard")
}

package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

const nextPkg = `{
  "name": "tasks",
  "scripts": {"build": "next build", "start": "next start", "typecheck": "tsc --noEmit", "lint": "eslint ."},
  "dependencies": {"next": "16.0.0", "react": "19.2.0"}
}`

func newBuilder(t *testing.T, r *fakeRunner) *build.Builder {
	return &build.Builder{Runner: r, Deps: newStore(t, r), Limits: sandbox.Limits{Timeout: 3 * time.Minute}}
}

func TestBuildSteps(t *testing.T) {
	t.Parallel()
	r := newFake()
	// Typecheck and lint run side by side: each waits until the other has started.
	typecheckStarted, lintStarted := make(chan struct{}), make(chan struct{})
	together := func(mine, other chan struct{}) func(sandbox.Spec) (sandbox.Result, error) {
		return func(sandbox.Spec) (sandbox.Result, error) {
			close(mine)
			select {
			case <-other:
				return sandbox.Result{}, nil
			case <-time.After(10 * time.Second):
				return sandbox.Result{ExitCode: 1, Tail: "ran alone"}, nil
			}
		}
	}
	r.on("typecheck", together(typecheckStarted, lintStarted))
	r.on("lint", together(lintStarted, typecheckStarted))
	b := newBuilder(t, r)
	dir := project(t, nextPkg, map[string]string{"app/page.tsx": "export default function Page() { return null; }\n"})

	var mu sync.Mutex
	var notes []string
	var out strings.Builder
	o, err := b.Build(context.Background(), build.Params{
		Dir:    dir,
		Output: &out,
		OnStep: func(s report.Step, done bool) {
			mu.Lock()
			defer mu.Unlock()
			state := "start"
			if done {
				state = "end"
				if !s.OK {
					state = "failed"
				}
			}
			notes = append(notes, s.Name+" "+state)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !o.OK || o.Failed != "" || len(o.Diagnostics) != 0 {
		t.Fatalf("outcome %+v", o)
	}
	ran := r.ran()
	if len(ran) != 4 || ran[0] != "install" || ran[3] != "build" || !slices.Contains(ran, "typecheck") || !slices.Contains(ran, "lint") {
		t.Fatalf("steps ran %q, want install, typecheck ∥ lint, build", ran)
	}
	var names []string
	for _, s := range o.Steps {
		names = append(names, s.Name)
		if !s.OK {
			t.Errorf("step %+v", s)
		}
	}
	if !slices.Equal(names, []string{"install", "typecheck", "lint", "build"}) {
		t.Errorf("outcome steps %q", names)
	}
	if notes[0] != "install start" || notes[1] != "install end" || notes[len(notes)-2] != "build start" || notes[len(notes)-1] != "build end" || len(notes) != 8 {
		t.Errorf("OnStep calls %q", notes)
	}

	nm := filepath.Join(dir, "node_modules")
	install := r.spec(t, "install")
	if install.Network != sandbox.FullNetwork || install.Dir != dir || !slices.Contains(install.Writable, dir) {
		t.Errorf("install spec %+v", install)
	}
	for _, step := range []string{"typecheck", "lint", "build"} {
		s := r.spec(t, step)
		want := []string{"npm", "run", "--silent", step}
		if !slices.Equal(s.Argv, want) {
			t.Errorf("%s argv %q, want %q", step, s.Argv, want)
		}
		if s.Dir != dir || s.Network != sandbox.NoNetwork || s.Limits != b.Limits || s.Output == nil {
			t.Errorf("%s spec: dir %s network %v limits %+v output %v", step, s.Dir, s.Network, s.Limits, s.Output)
		}
		if !slices.Equal(s.ReadOnly, []string{nm}) {
			t.Errorf("%s read-only %q, want node_modules", step, s.ReadOnly)
		}
		if s.Writable[0] != dir {
			t.Errorf("%s writable %q, want the project first", step, s.Writable)
		}
		for _, scratch := range []string{".vite", ".vite-temp", ".cache"} {
			p := filepath.Join(nm, scratch)
			if !slices.Contains(s.Writable, p) {
				t.Errorf("%s: scratch folder %s not writable", step, scratch)
			}
			if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
				t.Errorf("%s: scratch folder %s not created: %v", step, scratch, err)
			}
		}
	}
	if got := r.spec(t, "build").Env["TYPECHECK_DONE"]; got != "1" {
		t.Errorf("build env TYPECHECK_DONE=%q after a passing typecheck", got)
	}
	for _, step := range []string{"typecheck", "lint"} {
		if _, ok := r.spec(t, step).Env["TYPECHECK_DONE"]; ok {
			t.Errorf("%s has TYPECHECK_DONE", step)
		}
	}
}

func TestBuildWithoutScripts(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		pkg   string
		files map[string]string
		ran   []string
		argv  []string // of the typecheck, when it runs
	}{
		{"tsconfig but no typecheck script", `{"scripts":{"build":"next build"}}`, map[string]string{"tsconfig.json": "{}"},
			[]string{"install", "typecheck", "build"}, []string{"npx", "--no-install", "tsc", "--noEmit"}},
		{"no typecheck at all", `{"scripts":{"build":"vite build","lint":"eslint ."}}`, map[string]string{},
			[]string{"install", "lint", "build"}, nil},
		{"no lint script", `{"scripts":{"build":"next build","typecheck":"tsc --noEmit"}}`, map[string]string{},
			[]string{"install", "typecheck", "build"}, []string{"npm", "run", "--silent", "typecheck"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := newFake()
			o, err := newBuilder(t, r).Build(context.Background(), build.Params{Dir: project(t, c.pkg, c.files)})
			if err != nil || !o.OK {
				t.Fatalf("%+v, %v", o, err)
			}
			if got := r.ran(); !slices.Equal(got, c.ran) {
				t.Errorf("ran %q, want %q", got, c.ran)
			}
			if c.argv != nil {
				if got := r.spec(t, "typecheck").Argv; !slices.Equal(got, c.argv) {
					t.Errorf("typecheck argv %q, want %q", got, c.argv)
				}
				if r.spec(t, "build").Env["TYPECHECK_DONE"] != "1" {
					t.Error("no TYPECHECK_DONE after a passing typecheck")
				}
			} else if _, ok := r.spec(t, "build").Env["TYPECHECK_DONE"]; ok {
				t.Error("TYPECHECK_DONE without a typecheck")
			}
		})
	}
}

func TestBuildFailures(t *testing.T) {
	t.Parallel()
	tsc := testdata(t, "tsc-missing-property.txt")
	next := testdata(t, "next-module-not-found.txt")
	npm := testdata(t, "npm-e404.txt")
	cases := []struct {
		name     string
		setup    func(r *fakeRunner, dir string)
		blocking bool
		ok       bool
		failed   string
		ran      []string
		diag     diag.Diagnostic // the first diagnostic's tool, file, line, code, category
	}{
		{
			name:   "install fails",
			setup:  func(r *fakeRunner, _ string) { r.fail("install", 1, npm) },
			failed: "install", ran: []string{"install"},
			diag: diag.Diagnostic{Tool: diag.ToolNPM, File: "package.json", Code: "E404", Category: diag.Dependency},
		},
		{
			name:   "typecheck fails",
			setup:  func(r *fakeRunner, _ string) { r.fail("typecheck", 2, tsc) },
			failed: "typecheck", ran: []string{"install", "lint", "typecheck"},
			diag: diag.Diagnostic{Tool: diag.ToolTSC, File: "lib/store.ts", Line: 58, Code: "TS2741", Category: diag.Type},
		},
		{
			name:   "build fails",
			setup:  func(r *fakeRunner, _ string) { r.fail("build", 1, next) },
			failed: "build", ran: []string{"install", "lint", "typecheck", "build"},
			diag: diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 2, Code: "module-not-found", Category: diag.Dependency},
		},
		{
			name: "lint fails, not blocking",
			setup: func(r *fakeRunner, dir string) {
				r.fail("lint", 1, strings.ReplaceAll(testdata(t, "eslint-stylish.txt"), "/tmp/diag-tools/eslint", dir))
			},
			ok: true, ran: []string{"install", "lint", "typecheck", "build"},
			diag: diag.Diagnostic{Tool: diag.ToolESLint, File: "lib/parse-broken.ts", Line: 2, Category: diag.Syntax},
		},
		{
			name: "lint fails, blocking",
			setup: func(r *fakeRunner, dir string) {
				r.fail("lint", 1, strings.ReplaceAll(testdata(t, "eslint-stylish.txt"), "/tmp/diag-tools/eslint", dir))
			},
			blocking: true,
			failed:   "lint", ran: []string{"install", "lint", "typecheck"},
			diag: diag.Diagnostic{Tool: diag.ToolESLint, File: "lib/parse-broken.ts", Line: 2, Category: diag.Syntax},
		},
		{
			name:   "out of memory",
			setup:  func(r *fakeRunner, _ string) { r.on("build", oom) },
			failed: "build", ran: []string{"install", "lint", "typecheck", "build"},
			diag: diag.Diagnostic{Tool: diag.ToolNext, Category: diag.Resource, Subclass: "out_of_memory"},
		},
		{
			name: "timed out",
			setup: func(r *fakeRunner, _ string) {
				r.on("typecheck", func(sandbox.Spec) (sandbox.Result, error) {
					return sandbox.Result{ExitCode: 143, TimedOut: true, Signal: "SIGTERM"}, nil
				})
			},
			failed: "typecheck", ran: []string{"install", "lint", "typecheck"},
			diag: diag.Diagnostic{Tool: diag.ToolTSC, Category: diag.Resource, Subclass: "timeout"},
		},
		{
			name:   "output nobody understands",
			setup:  func(r *fakeRunner, _ string) { r.fail("build", 3, "the build stopped; see above\n") },
			failed: "build", ran: []string{"install", "lint", "typecheck", "build"},
			diag: diag.Diagnostic{Tool: diag.ToolNext, Category: diag.Unknown},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := newFake()
			dir := project(t, nextPkg, map[string]string{
				"lib/store.ts":        "export const x = 1;\n",
				"lib/parse-broken.ts": "const a\n",
				"app/page.tsx":        "import Link from \"next/link\";\nimport { format } from \"date-fns\";\n",
			})
			c.setup(r, dir)
			b := newBuilder(t, r)
			b.LintBlocking = c.blocking
			o, err := b.Build(context.Background(), build.Params{Dir: dir})
			if err != nil {
				t.Fatalf("a failing project is not an error: %v", err)
			}
			if o.OK != c.ok || o.Failed != c.failed {
				t.Errorf("OK %v failed %q, want %v %q", o.OK, o.Failed, c.ok, c.failed)
			}
			ran := r.ran()
			slices.Sort(ran[1:min(3, len(ran))]) // typecheck ∥ lint start in either order; want lists them sorted
			if !slices.Equal(ran, c.ran) {
				t.Errorf("ran %q, want %q", ran, c.ran)
			}
			if len(o.Diagnostics) == 0 {
				t.Fatal("no diagnostics")
			}
			d := o.Diagnostics[0]
			got := diag.Diagnostic{Tool: d.Tool, File: d.File, Line: d.Line, Code: d.Code, Category: d.Category, Subclass: d.Subclass}
			want := c.diag
			if want.Subclass == "" {
				got.Subclass = ""
			}
			if got != want {
				t.Errorf("first diagnostic %+v\nwant %+v\nall: %+v", got, want, o.Diagnostics)
			}
			var failedStep *report.Step
			for i := range o.Steps {
				if !o.Steps[i].OK {
					failedStep = &o.Steps[i]
				}
			}
			if failedStep == nil || failedStep.ExitCode == 0 || failedStep.Tail == "" && !strings.Contains(c.name, "timed out") {
				t.Errorf("steps %+v: no failed step with its exit status and output", o.Steps)
			}
		})
	}
}

func oom(sandbox.Spec) (sandbox.Result, error) {
	return sandbox.Result{ExitCode: 137, OOMKilled: true, Signal: "SIGKILL", Tail: "Killed\n"}, nil
}

// A failed typecheck means the build would not get TYPECHECK_DONE; a lint
// failure does not take it away.
func TestTypecheckDoneOnlyAfterPassingTypecheck(t *testing.T) {
	t.Parallel()
	r := newFake()
	r.fail("lint", 1, "problems\n")
	if _, err := newBuilder(t, r).Build(context.Background(), build.Params{Dir: project(t, nextPkg, map[string]string{})}); err != nil {
		t.Fatal(err)
	}
	if r.spec(t, "build").Env["TYPECHECK_DONE"] != "1" {
		t.Error("lint failure removed TYPECHECK_DONE")
	}
}

func TestBuildRunnerErrors(t *testing.T) {
	t.Parallel()
	denied := errors.New("sandbox: denied by policy: program \"npm\"")
	for _, step := range []string{"install", "typecheck", "build"} {
		t.Run(step, func(t *testing.T) {
			t.Parallel()
			r := newFake()
			r.on(step, func(sandbox.Spec) (sandbox.Result, error) { return sandbox.Result{}, denied })
			o, err := newBuilder(t, r).Build(context.Background(), build.Params{Dir: project(t, nextPkg, map[string]string{})})
			if !errors.Is(err, denied) {
				t.Fatalf("err %v, want the runner's error", err)
			}
			if !strings.HasPrefix(err.Error(), step+":") {
				t.Errorf("err %q does not name the step %s", err, step)
			}
			if o.OK || o.Failed != step {
				t.Errorf("outcome OK %v failed %q", o.OK, o.Failed)
			}
			if step != "build" && slices.Contains(r.ran(), "build") {
				t.Error("the build ran after a step could not run")
			}
		})
	}
}

func TestBuildProjectErrors(t *testing.T) {
	t.Parallel()
	r := newFake()
	b := newBuilder(t, r)
	if _, err := b.Build(context.Background(), build.Params{Dir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "package.json") {
		t.Errorf("no package.json: %v", err)
	}
	if _, err := b.Build(context.Background(), build.Params{Dir: project(t, "{", map[string]string{})}); err == nil {
		t.Error("invalid package.json: no error")
	}
	_, err := b.Build(context.Background(), build.Params{Dir: project(t, `{"scripts":{"lint":"eslint ."}}`, map[string]string{})})
	if err == nil || !strings.Contains(err.Error(), "no build script") {
		t.Errorf("no build script: %v", err)
	}
	if len(r.ran()) != 2 { // install and lint ran before the build was found missing
		t.Errorf("ran %q", r.ran())
	}
}

func TestBuildCancelled(t *testing.T) {
	t.Parallel()
	r := newFake()
	ctx, cancel := context.WithCancel(context.Background())
	r.on("typecheck", func(sandbox.Spec) (sandbox.Result, error) {
		cancel()
		return sandbox.Result{ExitCode: 143, Signal: "SIGTERM"}, context.Canceled
	})
	_, err := newBuilder(t, r).Build(ctx, build.Params{Dir: project(t, nextPkg, map[string]string{})})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if slices.Contains(r.ran(), "build") {
		t.Error("the build ran after cancellation")
	}
}

// The second project with the same dependencies installs from the store.
func TestBuildInstallCached(t *testing.T) {
	t.Parallel()
	r := newFake()
	b := newBuilder(t, r)
	for i, want := range []bool{false, true} {
		o, err := b.Build(context.Background(), build.Params{Dir: project(t, nextPkg, map[string]string{})})
		if err != nil || !o.OK {
			t.Fatalf("build %d: %+v %v", i, o, err)
		}
		if o.Steps[0].Name != "install" || o.Steps[0].Cached != want {
			t.Errorf("build %d install step %+v, want cached %v", i, o.Steps[0], want)
		}
	}
	installs := 0
	for _, s := range r.ran() {
		if s == "install" {
			installs++
		}
	}
	if installs != 1 {
		t.Errorf("npm install ran %d times, want 1", installs)
	}
}

func TestViteBuildDiagnostics(t *testing.T) {
	t.Parallel()
	r := newFake()
	r.fail("build", 1, "error during build:\nsrc/main.tsx (3:7): \"App\" is not exported by \"src/App.tsx\", imported by \"src/main.tsx\".\n")
	dir := project(t, `{"scripts":{"build":"vite build"}}`, map[string]string{"vite.config.ts": "export default {}\n"})
	o, err := newBuilder(t, r).Build(context.Background(), build.Params{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if o.OK || len(o.Diagnostics) == 0 || o.Diagnostics[0].Tool != diag.ToolVite {
		t.Errorf("outcome %+v, want vite diagnostics", o)
	}
}

func TestIsVite(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"vite.config.ts", "vite.config.js", "vite.config.mjs"} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte("export default {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if !build.IsVite(dir) {
			t.Errorf("%s: not Vite", name)
		}
	}
	dir := project(t, `{}`, map[string]string{"next.config.ts": "export default {}\n", "src/vite.config.ts": ""})
	if build.IsVite(dir) {
		t.Error("a Next.js project is Vite")
	}
	if build.IsVite(filepath.Join(t.TempDir(), "missing")) {
		t.Error("a missing folder is Vite")
	}
}

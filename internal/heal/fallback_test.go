package heal

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/render"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

func wsWith(t *testing.T, files map[string]string) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	for p, c := range files {
		if _, err := ws.WriteFile(p, []byte(c)); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

func TestLockfileFallback(t *testing.T) {
	ws := wsWith(t, map[string]string{"package.json": "{}", "package-lock.json": "{}"})
	d := diag.Diagnostic{Tool: diag.ToolNPM, Code: "EINTEGRITY", Category: diag.Dependency, Message: "integrity checksum failed"}
	if !(Lockfile{}).Accepts(d) {
		t.Fatal("does not accept a dependency failure")
	}
	fix, err := Lockfile{}.Fix(context.Background(), Params{Diag: d, Files: ws})
	if err != nil || !fix.Reinstall || len(fix.Changes) != 1 || fix.Changes[0].Path != "package-lock.json" || fix.Changes[0].Data != nil {
		t.Fatalf("fix %+v, %v", fix, err)
	}
	d.Message = "Cannot find module 'left-pad' or its corresponding type declarations."
	if _, err := (Lockfile{}).Fix(context.Background(), Params{Diag: d, Files: ws}); !errors.Is(err, ErrNotApplicable) {
		t.Errorf("an undeclared package is not a lockfile problem: %v", err)
	}
	d.Message = "Cannot find module '@/components/X'"
	if _, err := (Lockfile{}).Fix(context.Background(), Params{Diag: d, Files: ws}); !errors.Is(err, ErrNotApplicable) {
		t.Errorf("a missing project file is not a lockfile problem: %v", err)
	}
}

func TestLastGoodFallback(t *testing.T) {
	ws := wsWith(t, map[string]string{"app/page.tsx": "good\n", "lib/a.ts": "a\n"})
	if err := saveLastGood(ws); err != nil {
		t.Fatal(err)
	}
	for path, data := range map[string]string{"app/page.tsx": "broken\n", "lib/new.ts": "new\n", ".env.local": "SECRET=1\n"} {
		if _, err := ws.WriteFile(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	d := diag.Diagnostic{Category: diag.Unknown, Message: "?"}
	fix, err := LastGood{}.Fix(context.Background(), Params{Diag: d, Files: ws})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range fix.Changes {
		got[c.Path] = string(c.Data)
	}
	if got["app/page.tsx"] != "good\n" || len(fix.Changes) != 2 {
		t.Errorf("changes %v", got)
	}
	if v, ok := got["lib/new.ts"]; !ok || v != "" {
		t.Errorf("a file added since the last good build is not removed: %v", got)
	}
	if _, ok := got[".env.local"]; ok {
		t.Error("a dotfile was removed")
	}
	empty := wsWith(t, nil)
	if _, err := (LastGood{}).Fix(context.Background(), Params{Diag: d, Files: empty}); !errors.Is(err, ErrNotApplicable) {
		t.Errorf("without a good build: %v", err)
	}
}

func TestTemplateFallback(t *testing.T) {
	p, err := architect.Offline{}.Plan(context.Background(), architect.Params{Prompt: "A to-do app with tasks that have a title and a due date"})
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(p, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ws := wsWith(t, nil)
	m := &workspace.Manifest{Version: 1, Files: map[string]string{}}
	for _, f := range files {
		if _, err := ws.WriteFile(f.Path, f.Data); err != nil {
			t.Fatal(err)
		}
		m.Files[f.Path] = workspace.Hash(f.Data)
	}
	if err := ws.WriteManifest(m); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(p)
	if err := report.WriteFileAtomic(filepath.Join(ws.Dir(), ".nexusgen", "prd.json"), data); err != nil {
		t.Fatal(err)
	}
	target := "postcss.config.mjs"
	if _, err := ws.WriteFile(target, []byte("module.exports = { plugins: { tailwindcss: {} } }\n")); err != nil {
		t.Fatal(err)
	}
	d := diag.Diagnostic{Tool: diag.ToolNext, File: target, Category: diag.Configuration, Subclass: diag.PostCSSConfig, Message: "Malformed PostCSS Configuration"}
	fix, err := Template{}.Fix(context.Background(), Params{Diag: d, Files: ws})
	if err != nil {
		t.Fatal(err)
	}
	if len(fix.Changes) != 1 || fix.Changes[0].Path != target || !strings.Contains(string(fix.Changes[0].Data), "@tailwindcss/postcss") {
		t.Errorf("fix %+v", fix)
	}
	d.File = "not-ours.ts"
	if _, err := (Template{}).Fix(context.Background(), Params{Diag: d, Files: ws}); !errors.Is(err, ErrNotApplicable) {
		t.Errorf("a file the engine did not write: %v", err)
	}
}

// fakeRunner runs nothing; do simulates the process.
type fakeRunner struct {
	do    func(spec sandbox.Spec) sandbox.Result
	specs []sandbox.Spec
}

func (f *fakeRunner) Run(ctx context.Context, spec sandbox.Spec) (sandbox.Result, error) {
	f.specs = append(f.specs, spec)
	return f.do(spec), nil
}

func (f *fakeRunner) Start(ctx context.Context, spec sandbox.Spec) (*sandbox.Process, error) {
	return nil, errors.New("not supported")
}

func (f *fakeRunner) Capabilities() sandbox.Capabilities { return sandbox.Capabilities{Name: "fake"} }

func TestPackageManagerFallback(t *testing.T) {
	run := &fakeRunner{do: func(spec sandbox.Spec) sandbox.Result {
		dir := filepath.Join(spec.Dir, "node_modules", "framer-motion")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Error(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"version":"11.18.2"}`), 0o644); err != nil {
			t.Error(err)
		}
		return sandbox.Result{}
	}}
	pm := &PackageManager{Runner: run, Managers: []string{"pnpm"}, Scratch: t.TempDir()}
	ws := wsWith(t, map[string]string{"package.json": `{"dependencies": {"framer-motion": "^10.16.4", "react": "19.3.1"}}`})
	d := diag.Diagnostic{Tool: diag.ToolNPM, Code: "ERESOLVE", Category: diag.Dependency, Subclass: diag.VersionConflict}
	if !pm.Accepts(d) {
		t.Fatal("does not accept a version conflict")
	}
	fix, err := pm.Fix(context.Background(), Params{Diag: d, Files: ws})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fix.Changes[0].Data), `"framer-motion": "11.18.2"`) || !fix.Reinstall {
		t.Errorf("fix %s", fix.Changes[0].Data)
	}
	if run.specs[0].Argv[0] != "pnpm" || run.specs[0].Network != sandbox.FullNetwork {
		t.Errorf("ran %+v", run.specs[0])
	}
	none := &PackageManager{Runner: run}
	if _, err := none.Fix(context.Background(), Params{Diag: d, Files: ws}); !errors.Is(err, ErrNotApplicable) {
		t.Errorf("without a manager: %v", err)
	}
}

func TestNPMRegistry(t *testing.T) {
	calls := 0
	run := &fakeRunner{do: func(spec sandbox.Spec) sandbox.Result {
		calls++
		switch spec.Argv[2] {
		case "nope-zz":
			return sandbox.Result{ExitCode: 1, Tail: "npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/nope-zz"}
		case "down":
			return sandbox.Result{ExitCode: 1, Tail: "npm error code ECONNREFUSED"}
		}
		return sandbox.Result{Tail: "npm warn config something\n\"4.4.0\"\n"}
	}}
	reg := &NPMRegistry{Runner: run, CacheDir: t.TempDir()}
	ctx := context.Background()
	out, err := reg.View(ctx, "date-fns", "version")
	if err != nil || string(out) != `"4.4.0"` {
		t.Fatalf("View = %q, %v", out, err)
	}
	if _, err := reg.View(ctx, "date-fns", "version"); err != nil {
		t.Fatalf("View again: %v", err)
	}
	if calls != 1 {
		t.Errorf("%d npm runs for one question", calls)
	}
	if _, err := reg.View(ctx, "nope-zz", "version"); !errors.Is(err, ErrNoPackage) {
		t.Errorf("E404: %v", err)
	}
	if _, err := reg.View(ctx, "down", "version"); err == nil || errors.Is(err, ErrNoPackage) {
		t.Errorf("a failing registry: %v", err)
	}
	spec := run.specs[0]
	if spec.Network != sandbox.FullNetwork || spec.Argv[len(spec.Argv)-1] != "--json" || spec.Env["npm_config_cache"] == "" {
		t.Errorf("spec %+v", spec)
	}
}

package lighthouse

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestParse(t *testing.T) {
	t.Parallel()
	s, err := parse(readTestdata(t, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if s.URL != "http://127.0.0.1:41234/tasks" {
		t.Errorf("URL %q, want the final displayed URL", s.URL)
	}
	if !near(s.Performance, 92) || !near(s.Accessibility, 87) || !near(s.BestPractices, 100) || s.SEO != 0 {
		t.Errorf("scores %v %v %v %v, want 92 87 100 0 (a null score counts as 0)", s.Performance, s.Accessibility, s.BestPractices, s.SEO)
	}
	// Only weighted, scored audits that lost points; informative,
	// not-applicable, manual and unweighted ones are left out.
	want := []Audit{
		{Category: "accessibility", ID: "color-contrast", Title: "Background and foreground colors do not have a sufficient contrast ratio.", Score: 0},
		{Category: "accessibility", ID: "label", Title: "Form elements do not have associated labels", Score: 0},
		{Category: "performance", ID: "largest-contentful-paint", Title: "Largest Contentful Paint", Score: 0.71},
		{Category: "seo", ID: "meta-description", Title: "Document does not have a meta description", Score: 0},
	}
	if !slices.Equal(s.Failed, want) {
		t.Errorf("failed audits:\n got %+v\nwant %+v", s.Failed, want)
	}
	if got := s.String(); got != "performance 92, accessibility 87, best practices 100, SEO 0" {
		t.Errorf("String() = %q", got)
	}
	// The same report always gives the same order.
	for range 20 {
		again, _ := parse(readTestdata(t, "report.json"))
		if !slices.Equal(again.Failed, s.Failed) {
			t.Fatal("order of failed audits changed between parses")
		}
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	_, err := parse(readTestdata(t, "runtime-error.json"))
	if err == nil || !strings.Contains(err.Error(), "ERRORED_DOCUMENT_REQUEST") || !strings.Contains(err.Error(), "unable to reliably load") {
		t.Errorf("runtime error: %v", err)
	}
	for _, bad := range []string{"", "{", `{"categories": []}`, "null garbage"} {
		if _, err := parse([]byte(bad)); err == nil {
			t.Errorf("parse(%q): no error", bad)
		}
	}
	// An empty report has zero scores and no failures.
	s, err := parse([]byte(`{}`))
	if err != nil || s.Performance != 0 || len(s.Failed) != 0 {
		t.Errorf("empty report: %+v, %v", s, err)
	}
}

// fakeSandbox answers npm install by creating Lighthouse's CLI file, and
// node (Lighthouse itself) by writing the report it was asked for.
type fakeSandbox struct {
	mu      sync.Mutex
	specs   []sandbox.Spec
	install sandbox.Result
	report  []byte // nil: Lighthouse writes none
}

func (f *fakeSandbox) Run(ctx context.Context, s sandbox.Spec) (sandbox.Result, error) {
	f.mu.Lock()
	f.specs = append(f.specs, s)
	f.mu.Unlock()
	switch s.Argv[0] {
	case "npm":
		if !f.install.OK() {
			return f.install, nil
		}
		cli := filepath.Join(s.Dir, "node_modules", "lighthouse", "cli", "index.js")
		if err := os.MkdirAll(filepath.Dir(cli), 0o755); err != nil {
			return sandbox.Result{}, err
		}
		return sandbox.Result{}, os.WriteFile(cli, []byte("// lighthouse\n"), 0o644)
	case "node":
		if f.report == nil {
			return sandbox.Result{ExitCode: 1, Tail: "Runtime error encountered: Chrome prevented page load"}, nil
		}
		for _, a := range s.Argv {
			if p, ok := strings.CutPrefix(a, "--output-path="); ok {
				return sandbox.Result{}, os.WriteFile(p, f.report, 0o644)
			}
		}
		return sandbox.Result{ExitCode: 1}, nil
	}
	return sandbox.Result{}, errors.New("unexpected program " + s.Argv[0])
}

func (f *fakeSandbox) Start(context.Context, sandbox.Spec) (*sandbox.Process, error) {
	return nil, errors.ErrUnsupported
}

func (f *fakeSandbox) Capabilities() sandbox.Capabilities { return sandbox.Capabilities{Name: "fake"} }

func TestRunnerInstallsOnceAndRuns(t *testing.T) {
	t.Parallel()
	fs := &fakeSandbox{report: readTestdata(t, "report.json")}
	root := t.TempDir()
	r := &Runner{Sandbox: fs, Dir: filepath.Join(root, "tools", "lighthouse"), NPMCache: filepath.Join(root, "npm-cache"), Chromium: "/usr/bin/chromium"}
	for _, mobile := range []bool{false, true} {
		s, err := r.Run(context.Background(), "http://127.0.0.1:41234/", mobile)
		if err != nil {
			t.Fatal(err)
		}
		if !near(s.Performance, 92) || len(s.Failed) != 4 {
			t.Errorf("scores %+v", s)
		}
	}
	if len(fs.specs) != 3 {
		t.Fatalf("ran %d processes, want install once and Lighthouse twice", len(fs.specs))
	}
	install := fs.specs[0]
	if !slices.Contains(install.Argv, "lighthouse@"+Version) || install.Dir != r.Dir || install.Network != sandbox.FullNetwork ||
		install.Env["npm_config_cache"] != r.NPMCache || !slices.Equal(install.Writable, []string{r.Dir, r.NPMCache}) {
		t.Errorf("install spec %+v", install)
	}
	if _, err := os.Stat(filepath.Join(r.Dir, "package.json")); err != nil {
		t.Errorf("no package.json for the install: %v", err)
	}
	for i, mobile := range []bool{false, true} {
		s := fs.specs[i+1]
		if s.Argv[0] != "node" || s.Argv[1] != r.cli() || s.Argv[2] != "http://127.0.0.1:41234/" {
			t.Errorf("argv %q", s.Argv)
		}
		if slices.Contains(s.Argv, "--preset=desktop") == mobile {
			t.Errorf("mobile %v: argv %q", mobile, s.Argv)
		}
		if s.Env["CHROME_PATH"] != "/usr/bin/chromium" || !slices.Equal(s.ReadOnly, []string{r.Dir}) {
			t.Errorf("spec %+v", s)
		}
		if len(s.Writable) != 1 || s.Dir != s.Writable[0] || filepath.Dir(s.Dir) != r.Dir {
			t.Errorf("output folder %q writable %q, want a folder in the tools dir", s.Dir, s.Writable)
		}
		if _, err := os.Stat(s.Dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("output folder %s left behind", s.Dir)
		}
	}
}

func TestRunnerErrors(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	fs := &fakeSandbox{install: sandbox.Result{ExitCode: 1, Tail: "npm error code ETARGET"}}
	r := &Runner{Sandbox: fs, Dir: filepath.Join(root, "lh"), NPMCache: filepath.Join(root, "cache")}
	_, err := r.Run(context.Background(), "http://127.0.0.1:1/", false)
	if err == nil || !strings.Contains(err.Error(), "ETARGET") || !strings.Contains(err.Error(), Version) {
		t.Errorf("failed install: %v", err)
	}
	fs.install = sandbox.Result{}
	_, err = r.Run(context.Background(), "http://127.0.0.1:1/", false)
	if err == nil || !strings.Contains(err.Error(), "wrote no report") || !strings.Contains(err.Error(), "Chrome prevented page load") {
		t.Errorf("no report: %v", err)
	}
	fs.report = readTestdata(t, "runtime-error.json")
	if _, err = r.Run(context.Background(), "http://127.0.0.1:1/", false); err == nil || !strings.Contains(err.Error(), "ERRORED_DOCUMENT_REQUEST") {
		t.Errorf("runtime error: %v", err)
	}
}

package build_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/nexusgen/nexusgen/internal/deps"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// fakeRunner plays the tools: each run is answered by the handler of its
// step (install, typecheck, lint, build, test, e2e), and every spec is kept
// for the test to inspect. Without a handler a step succeeds; install then
// writes a small node_modules like npm would.
type fakeRunner struct {
	mu       sync.Mutex
	specs    []sandbox.Spec
	handlers map[string]func(sandbox.Spec) (sandbox.Result, error)
}

var _ sandbox.Runner = (*fakeRunner)(nil)

func newFake() *fakeRunner {
	return &fakeRunner{handlers: map[string]func(sandbox.Spec) (sandbox.Result, error){}}
}

// stepOf names the step a spec runs.
func stepOf(s sandbox.Spec) string {
	switch {
	case len(s.Argv) >= 2 && s.Argv[0] == "npm" && s.Argv[1] == "install":
		return "install"
	case len(s.Argv) >= 3 && s.Argv[0] == "npx" && slices.Contains(s.Argv, "tsc"):
		return "typecheck"
	case len(s.Argv) >= 4 && s.Argv[0] == "npm" && s.Argv[1] == "run":
		return s.Argv[3]
	}
	return strings.Join(s.Argv, " ")
}

func (f *fakeRunner) on(step string, h func(sandbox.Spec) (sandbox.Result, error)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handlers[step] = h
}

// fail makes step exit with code and print out.
func (f *fakeRunner) fail(step string, code int, out string) {
	f.on(step, func(s sandbox.Spec) (sandbox.Result, error) {
		if s.Output != nil {
			_, _ = s.Output.Write([]byte(out))
		}
		return sandbox.Result{ExitCode: code, Tail: out}, nil
	})
}

func (f *fakeRunner) Run(ctx context.Context, s sandbox.Spec) (sandbox.Result, error) {
	f.mu.Lock()
	f.specs = append(f.specs, s)
	h := f.handlers[stepOf(s)]
	f.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return sandbox.Result{ExitCode: 143, Signal: "SIGTERM"}, err
	}
	if h != nil {
		return h(s)
	}
	if stepOf(s) == "install" {
		return npmInstall(s)
	}
	return sandbox.Result{}, nil
}

func npmInstall(s sandbox.Spec) (sandbox.Result, error) {
	pkg := filepath.Join(s.Dir, "node_modules", "react")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		return sandbox.Result{}, err
	}
	if err := os.WriteFile(filepath.Join(pkg, "index.js"), []byte("module.exports = {};\n"), 0o644); err != nil {
		return sandbox.Result{}, err
	}
	return sandbox.Result{Tail: "added 1 package in 1s\n"}, nil
}

func (f *fakeRunner) Start(context.Context, sandbox.Spec) (*sandbox.Process, error) {
	return nil, errors.ErrUnsupported
}

func (f *fakeRunner) Capabilities() sandbox.Capabilities { return sandbox.Capabilities{Name: "fake"} }

// ran lists the steps run so far, in order.
func (f *fakeRunner) ran() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, s := range f.specs {
		out = append(out, stepOf(s))
	}
	return out
}

func (f *fakeRunner) spec(t *testing.T, step string) sandbox.Spec {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.specs {
		if stepOf(s) == step {
			return s
		}
	}
	t.Fatalf("%s did not run", step)
	return sandbox.Spec{}
}

func newStore(t *testing.T, r sandbox.Runner) *deps.Store {
	return &deps.Store{Dir: filepath.Join(t.TempDir(), "store"), Runner: r, NodeVersion: "v20.20.2", Registry: "http://" + reachable(t) + "/"}
}

// project writes a project with the given package.json and files.
func project(t *testing.T, pkg string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["package.json"] = pkg
	for p, content := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func testdata(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// reachable is the address of a server that answers like a registry.
func reachable(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

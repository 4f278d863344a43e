package deps_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/deps"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// fakeNPM is a sandbox.Runner whose "npm install" writes a small
// node_modules tree (files, a nested package, a .bin symlink) and a lockfile
// into Spec.Dir, or fails like npm does.
type fakeNPM struct {
	mu    sync.Mutex
	specs []sandbox.Spec
	// fail makes installs exit 1 with npm's E404 output.
	fail bool
	// err makes Run fail before the process starts.
	err error
	// registry is what "npm config get registry" prints.
	registry string
}

var _ sandbox.Runner = (*fakeNPM)(nil)

const e404 = `npm error code E404
npm error 404 Not Found - GET https://registry.npmjs.org/left-padd
npm error 404
npm error 404  The requested resource 'left-padd@*' could not be found or you do not have permission to access it.
`

func (f *fakeNPM) Run(ctx context.Context, spec sandbox.Spec) (sandbox.Result, error) {
	f.mu.Lock()
	f.specs = append(f.specs, spec)
	fail, ferr := f.fail, f.err
	f.mu.Unlock()
	if ferr != nil {
		return sandbox.Result{}, ferr
	}
	if err := ctx.Err(); err != nil {
		return sandbox.Result{ExitCode: 143, Signal: "SIGTERM"}, err
	}
	if slices.Equal(spec.Argv, []string{"npm", "config", "get", "registry"}) {
		return sandbox.Result{Tail: f.registry + "\n"}, nil
	}
	if fail {
		if spec.Output != nil {
			_, _ = io.WriteString(spec.Output, e404)
		}
		return sandbox.Result{ExitCode: 1, Tail: e404}, nil
	}
	nm := filepath.Join(spec.Dir, "node_modules")
	files := map[string]string{
		"left-pad/package.json":                  `{"name":"left-pad","version":"1.3.0"}`,
		"left-pad/index.js":                      "module.exports = (s, n) => String(s).padStart(n);\n",
		"@scope/util/package.json":               `{"name":"@scope/util"}`,
		"@scope/util/node_modules/tiny/index.js": "module.exports = 1;\n",
		".package-lock.json":                     "{}\n",
	}
	for p, content := range files {
		full := filepath.Join(nm, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return sandbox.Result{}, err
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			return sandbox.Result{}, err
		}
	}
	if err := os.MkdirAll(filepath.Join(nm, ".bin"), 0o755); err != nil {
		return sandbox.Result{}, err
	}
	if err := os.Symlink("../left-pad/index.js", filepath.Join(nm, ".bin", "left-pad")); err != nil && !errors.Is(err, os.ErrExist) {
		return sandbox.Result{}, err
	}
	if err := os.WriteFile(filepath.Join(spec.Dir, "package-lock.json"), []byte(`{"lockfileVersion":3}`), 0o644); err != nil {
		return sandbox.Result{}, err
	}
	return sandbox.Result{ExitCode: 0, Tail: "added 3 packages in 1s\n"}, nil
}

func (f *fakeNPM) Start(context.Context, sandbox.Spec) (*sandbox.Process, error) {
	return nil, errors.ErrUnsupported
}

func (f *fakeNPM) Capabilities() sandbox.Capabilities { return sandbox.Capabilities{Name: "fake"} }

func (f *fakeNPM) calls() []sandbox.Spec {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.specs)
}

// fakeRegistry answers every request, as a reachable registry does.
func fakeRegistry(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

func newStore(t *testing.T, r sandbox.Runner) *deps.Store {
	return &deps.Store{
		Registry:    fakeRegistry(t),
		Dir:         filepath.Join(t.TempDir(), "store"),
		Runner:      r,
		Log:         slog.New(slog.NewTextHandler(tWriter{t}, nil)),
		NodeVersion: "v20.20.2",
	}
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

const pkgJSON = `{
  "name": "plants",
  "scripts": {"build": "next build"},
  "dependencies": {"next": "16.0.0", "react": "19.2.0"},
  "devDependencies": {"typescript": "5.9.3"}
}`

func project(t *testing.T, pkg string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(pkg), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func key(t *testing.T, s *deps.Store, pkg string) string {
	t.Helper()
	k, err := s.Key(project(t, pkg))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestKey(t *testing.T) {
	t.Parallel()
	s := &deps.Store{NodeVersion: "v20.20.2"}
	base := key(t, s, pkgJSON)
	if len(base) != 24 || strings.Trim(base, "0123456789abcdef") != "" {
		t.Fatalf("key %q is not 24 hex digits", base)
	}
	same := []string{
		// Order of keys, names, scripts and whitespace do not matter.
		`{"devDependencies":{"typescript":"5.9.3"},"dependencies":{"react":"19.2.0","next":"16.0.0"},"name":"other","scripts":{"dev":"next dev"},"version":"2.0.0"}`,
	}
	for _, p := range same {
		if k := key(t, s, p); k != base {
			t.Errorf("%s: key %s, want %s", p, k, base)
		}
	}
	differ := map[string]string{
		"dependency version":    `{"dependencies":{"next":"16.0.1","react":"19.2.0"},"devDependencies":{"typescript":"5.9.3"}}`,
		"dependency added":      `{"dependencies":{"next":"16.0.0","react":"19.2.0","zod":"4.0.0"},"devDependencies":{"typescript":"5.9.3"}}`,
		"dev dependency":        `{"dependencies":{"next":"16.0.0","react":"19.2.0"},"devDependencies":{"typescript":"5.9.3","vitest":"3.2.0"}}`,
		"no dev dependencies":   `{"dependencies":{"next":"16.0.0","react":"19.2.0"}}`,
		"moved to dev":          `{"dependencies":{"next":"16.0.0"},"devDependencies":{"react":"19.2.0","typescript":"5.9.3"}}`,
		"optional dependencies": `{"dependencies":{"next":"16.0.0","react":"19.2.0"},"devDependencies":{"typescript":"5.9.3"},"optionalDependencies":{"fsevents":"2.3.3"}}`,
		"overrides":             `{"dependencies":{"next":"16.0.0","react":"19.2.0"},"devDependencies":{"typescript":"5.9.3"},"overrides":{"react":"19.2.1"}}`,
	}
	seen := map[string]string{base: "base"}
	for name, p := range differ {
		k := key(t, s, p)
		if prev, dup := seen[k]; dup {
			t.Errorf("%s: same key as %s", name, prev)
		}
		seen[k] = name
	}
	if k := key(t, &deps.Store{NodeVersion: "v22.1.0"}, pkgJSON); k == base {
		t.Error("the Node.js version is not part of the key")
	}

	bad := map[string]string{
		"not JSON":             `{"dependencies": {`,
		"dependencies a list":  `{"dependencies": ["next"]}`,
		"overrides a string":   `{"overrides": "none"}`,
		"a JSON array at root": `[]`,
	}
	for name, p := range bad {
		if _, err := s.Key(project(t, p)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := s.Key(t.TempDir()); err == nil || !strings.Contains(err.Error(), "package.json") {
		t.Errorf("no package.json: err %v", err)
	}
}

// With no NodeVersion set, the store asks the node on PATH.
func TestKeyAsksNode(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("node", "--version").Output()
	if err != nil {
		t.Skipf("no node: %v", err)
	}
	s := &deps.Store{}
	got := key(t, s, pkgJSON)
	if s.NodeVersion != strings.TrimSpace(string(out)) {
		t.Errorf("NodeVersion %q, want %q", s.NodeVersion, strings.TrimSpace(string(out)))
	}
	if want := key(t, &deps.Store{NodeVersion: strings.TrimSpace(string(out))}, pkgJSON); got != want {
		t.Errorf("key %s, want %s", got, want)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func sameFile(t *testing.T, a, b string) bool {
	t.Helper()
	fa, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	return os.SameFile(fa, fb)
}

func TestInstallThenCached(t *testing.T) {
	t.Parallel()
	r := &fakeNPM{}
	s := newStore(t, r)
	s.Timeout = 90 * time.Second
	first := project(t, pkgJSON)
	var out strings.Builder
	res, err := s.Install(context.Background(), first, &out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cached || res.Key == "" || !res.Process.OK() {
		t.Errorf("first install %+v", res)
	}
	calls := r.calls()
	if len(calls) != 1 {
		t.Fatalf("npm ran %d times, want 1", len(calls))
	}
	spec := calls[0]
	if !slices.Equal(spec.Argv[:2], []string{"npm", "install"}) || spec.Dir != first {
		t.Errorf("spec argv %q dir %s", spec.Argv, spec.Dir)
	}
	if spec.Network != sandbox.FullNetwork {
		t.Errorf("install network %v, want full", spec.Network)
	}
	if !slices.Contains(spec.Writable, first) || !slices.Contains(spec.Writable, s.NPMCache()) {
		t.Errorf("writable %q, want the project and the npm cache", spec.Writable)
	}
	if spec.Env["npm_config_cache"] != s.NPMCache() || spec.Env["npm_config_prefer_offline"] != "true" {
		t.Errorf("env %v", spec.Env)
	}
	if spec.Env["npm_config_registry"] != s.Registry || spec.Env["npm_config_fetch_retries"] == "" {
		t.Errorf("registry or retries not set: %v", spec.Env)
	}
	if spec.Limits.Timeout != 90*time.Second {
		t.Errorf("timeout %v, want 90s", spec.Limits.Timeout)
	}
	if spec.Output == nil {
		t.Error("install output is not streamed")
	}
	if fi, err := os.Stat(s.NPMCache()); err != nil || !fi.IsDir() {
		t.Errorf("npm cache not created: %v", err)
	}
	if got := s.Entries(); !slices.Equal(got, []string{res.Key}) {
		t.Fatalf("store entries %q, want [%s]", got, res.Key)
	}
	entry := filepath.Join(s.Dir, "modules", res.Key)
	if got := readFile(t, filepath.Join(entry, "node_modules", ".nexusgen-store")); got != "store" {
		t.Errorf("store marker %q", got)
	}
	if _, err := os.Stat(filepath.Join(first, "node_modules", ".nexusgen-store")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the project npm installed into has a store marker: %v", err)
	}
	if sameFile(t, filepath.Join(entry, "node_modules", "left-pad", "index.js"), filepath.Join(first, "node_modules", "left-pad", "index.js")) {
		t.Error("the store shares files with the project npm wrote into")
	}
	if dest, err := os.Readlink(filepath.Join(entry, "node_modules", ".bin", "left-pad")); err != nil || dest != "../left-pad/index.js" {
		t.Errorf("symlink in the store: %q, %v", dest, err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(s.Dir, "modules", ".tmp-*")); len(leftovers) != 0 {
		t.Errorf("temporary folders left: %q", leftovers)
	}

	// A second project with the same dependency set (another name, keys in
	// another order) is served from the store without running npm.
	second := project(t, strings.Replace(pkgJSON, `"plants"`, `"ferns"`, 1))
	if err := os.MkdirAll(filepath.Join(second, "node_modules", "stale"), 0o755); err != nil {
		t.Fatal(err)
	}
	res2, err := s.Install(context.Background(), second, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !res2.Cached || res2.Key != res.Key {
		t.Errorf("second install %+v, want cached with key %s", res2, res.Key)
	}
	if n := len(r.calls()); n != 1 {
		t.Errorf("npm ran %d times, want 1", n)
	}
	if got := readFile(t, filepath.Join(second, "node_modules", "@scope", "util", "node_modules", "tiny", "index.js")); got != "module.exports = 1;\n" {
		t.Errorf("nested file %q", got)
	}
	if dest, err := os.Readlink(filepath.Join(second, "node_modules", ".bin", "left-pad")); err != nil || dest != "../left-pad/index.js" {
		t.Errorf("symlink: %q, %v", dest, err)
	}
	if _, err := os.Stat(filepath.Join(second, "node_modules", "stale")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a stale node_modules entry survived: %v", err)
	}
	if got := readFile(t, filepath.Join(second, "package-lock.json")); got != `{"lockfileVersion":3}` {
		t.Errorf("lockfile from the store %q", got)
	}
	if sameFile(t, filepath.Join(entry, "node_modules", "left-pad", "index.js"), filepath.Join(second, "node_modules", "left-pad", "index.js")) {
		t.Error("Link is off, yet the project shares files with the store")
	}

	// A project's own lockfile is kept.
	third := project(t, pkgJSON)
	if err := os.WriteFile(filepath.Join(third, "package-lock.json"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res3, err := s.Install(context.Background(), third, io.Discard); err != nil || !res3.Cached {
		t.Fatalf("third install %+v, %v", res3, err)
	}
	if got := readFile(t, filepath.Join(third, "package-lock.json")); got != "mine" {
		t.Errorf("the project's lockfile was replaced: %q", got)
	}
}

func TestInstallLinkAndDetach(t *testing.T) {
	t.Parallel()
	r := &fakeNPM{}
	s := newStore(t, r)
	s.Link = true
	if _, err := s.Install(context.Background(), project(t, pkgJSON), io.Discard); err != nil {
		t.Fatal(err)
	}
	dir := project(t, pkgJSON)
	res, err := s.Install(context.Background(), dir, io.Discard)
	if err != nil || !res.Cached {
		t.Fatalf("%+v, %v", res, err)
	}
	entry := filepath.Join(s.Dir, "modules", res.Key, "node_modules")
	nm := filepath.Join(dir, "node_modules")
	for _, f := range []string{"left-pad/index.js", "@scope/util/node_modules/tiny/index.js"} {
		if !sameFile(t, filepath.Join(entry, f), filepath.Join(nm, f)) {
			t.Errorf("%s is not hard-linked from the store", f)
		}
	}
	if got := readFile(t, filepath.Join(nm, ".nexusgen-store")); got != "linked" {
		t.Errorf("project marker %q, want linked", got)
	}

	if err := s.Detach(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"left-pad/index.js", "@scope/util/node_modules/tiny/index.js"} {
		if sameFile(t, filepath.Join(entry, f), filepath.Join(nm, f)) {
			t.Errorf("%s still shares its inode with the store after Detach", f)
		}
		if readFile(t, filepath.Join(entry, f)) != readFile(t, filepath.Join(nm, f)) {
			t.Errorf("%s changed content on Detach", f)
		}
	}
	if _, err := os.Stat(filepath.Join(nm, ".nexusgen-store")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("marker after Detach: %v", err)
	}
	if dest, err := os.Readlink(filepath.Join(nm, ".bin", "left-pad")); err != nil || dest != "../left-pad/index.js" {
		t.Errorf("symlink after Detach: %q, %v", dest, err)
	}
	// The detached copy is the project's own: changing it leaves the store alone.
	if err := os.WriteFile(filepath.Join(nm, "left-pad", "index.js"), []byte("patched"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(entry, "left-pad", "index.js")); got == "patched" {
		t.Error("writing the detached copy changed the store")
	}
	// Detach is a no-op on a project that is not from the store.
	if err := s.Detach(dir); err != nil {
		t.Errorf("second Detach: %v", err)
	}
	if err := s.Detach(t.TempDir()); err != nil {
		t.Errorf("Detach without node_modules: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "node_modules.detach")); len(leftovers) != 0 {
		t.Errorf("left over: %q", leftovers)
	}
}

// Linking a project to the store must not write into the store's files:
// they are shared by every project linked to them.
func TestInstallLinkLeavesStoreUntouched(t *testing.T) {
	t.Parallel()
	s := newStore(t, &fakeNPM{})
	s.Link = true
	res, err := s.Install(context.Background(), project(t, pkgJSON), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Install(context.Background(), project(t, pkgJSON), io.Discard); err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(s.Dir, "modules", res.Key, "node_modules", ".nexusgen-store")
	if got := readFile(t, marker); got != "store" {
		t.Errorf("the store's marker now reads %q: linking wrote through a hard link into the store", got)
	}
}

// A reinstall into a linked project detaches it first, so npm cannot
// change the store's files.
func TestInstallDetachesBeforeNPM(t *testing.T) {
	t.Parallel()
	r := &fakeNPM{}
	s := newStore(t, r)
	s.Link = true
	if _, err := s.Install(context.Background(), project(t, pkgJSON), io.Discard); err != nil {
		t.Fatal(err)
	}
	dir := project(t, pkgJSON)
	res, err := s.Install(context.Background(), dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	// The dependency set changes: npm must run, on a private copy.
	if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"dependencies":{"next":"16.0.1"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Install(context.Background(), dir, io.Discard); err != nil {
		t.Fatal(err)
	}
	if n := len(r.calls()); n != 2 {
		t.Fatalf("npm ran %d times, want 2", n)
	}
	entry := filepath.Join(s.Dir, "modules", res.Key, "node_modules")
	if sameFile(t, filepath.Join(entry, "left-pad", "index.js"), filepath.Join(dir, "node_modules", "left-pad", "index.js")) {
		t.Error("npm ran on files shared with the store")
	}
}

func TestInstallFailure(t *testing.T) {
	t.Parallel()
	r := &fakeNPM{fail: true}
	s := newStore(t, r)
	var out strings.Builder
	res, err := s.Install(context.Background(), project(t, pkgJSON), &out)
	if !errors.Is(err, deps.ErrInstall) {
		t.Fatalf("err %v, want ErrInstall", err)
	}
	if !strings.Contains(err.Error(), "exit 1") {
		t.Errorf("err %q does not give the exit status", err)
	}
	if res.Process.ExitCode != 1 || !strings.Contains(res.Process.Tail, "E404") {
		t.Errorf("process %+v, want npm's result", res.Process)
	}
	if !strings.Contains(out.String(), "E404") {
		t.Errorf("output %q", out.String())
	}
	if got := s.Entries(); len(got) != 0 {
		t.Errorf("a failed install was stored: %q", got)
	}

	// A runner that cannot run npm is not an install failure.
	denied := fmt.Errorf("%w: program \"npm\"", sandbox.ErrDenied)
	s2 := newStore(t, &fakeNPM{err: denied})
	_, err = s2.Install(context.Background(), project(t, pkgJSON), io.Discard)
	if !errors.Is(err, sandbox.ErrDenied) || errors.Is(err, deps.ErrInstall) {
		t.Errorf("err %v, want the runner's error", err)
	}

	// A broken package.json fails before npm runs.
	r3 := &fakeNPM{}
	s3 := newStore(t, r3)
	if _, err := s3.Install(context.Background(), project(t, "{"), io.Discard); err == nil {
		t.Error("invalid package.json installed")
	}
	if len(r3.calls()) != 0 {
		t.Error("npm ran for an invalid package.json")
	}
}

func TestInstallCancelled(t *testing.T) {
	t.Parallel()
	s := newStore(t, &fakeNPM{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Install(ctx, project(t, pkgJSON), io.Discard); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if len(s.Entries()) != 0 {
		t.Error("a cancelled install was stored")
	}
}

func TestRegistryOverride(t *testing.T) {
	t.Parallel()
	r := &fakeNPM{}
	s := newStore(t, r)
	if _, err := s.Install(context.Background(), project(t, pkgJSON), io.Discard); err != nil {
		t.Fatal(err)
	}
	call := r.calls()[0]
	if got := call.Env["npm_config_registry"]; got != s.Registry {
		t.Errorf("npm_config_registry %q, want %q", got, s.Registry)
	}
	if slices.Contains(call.Argv, "--offline") {
		t.Errorf("installed offline from a reachable registry: %v", call.Argv)
	}
}

// Without an override, the store asks npm which registry the project uses
// (the user's .npmrc may name a mirror).
func TestRegistryFromNPMConfig(t *testing.T) {
	t.Parallel()
	r := &fakeNPM{registry: fakeRegistry(t)}
	s := newStore(t, r)
	s.Registry = ""
	if _, err := s.Install(context.Background(), project(t, pkgJSON), io.Discard); err != nil {
		t.Fatal(err)
	}
	calls := r.calls()
	if len(calls) != 2 || calls[0].Network != sandbox.NoNetwork {
		t.Fatalf("calls %+v", calls)
	}
	if got := calls[1].Env["npm_config_registry"]; got != r.registry {
		t.Errorf("npm_config_registry %q, want %q", got, r.registry)
	}
}

// An unreachable registry: npm's cache is tried offline; when it cannot
// stand in, the install fails at once with ErrRegistryUnreachable instead
// of npm's minutes of retries.
func TestRegistryUnreachable(t *testing.T) {
	t.Parallel()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	for _, cacheHasIt := range []bool{true, false} {
		r := &fakeNPM{fail: !cacheHasIt}
		s := newStore(t, r)
		s.Registry = closed.URL + "/"
		_, err := s.Install(context.Background(), project(t, pkgJSON), io.Discard)
		if !slices.Contains(r.calls()[0].Argv, "--offline") {
			t.Errorf("cache %v: not installed offline: %v", cacheHasIt, r.calls()[0].Argv)
		}
		switch {
		case cacheHasIt && err != nil:
			t.Errorf("offline install from the cache: %v", err)
		case !cacheHasIt && !errors.Is(err, deps.ErrRegistryUnreachable):
			t.Errorf("err %v, want ErrRegistryUnreachable", err)
		case !cacheHasIt && !strings.Contains(err.Error(), s.Registry):
			t.Errorf("error does not name the registry: %v", err)
		}
	}
}

func variant(n int) string {
	return fmt.Sprintf(`{"dependencies":{"left-pad":"1.%d.0"}}`, n)
}

func setAge(t *testing.T, s *deps.Store, key string, age time.Duration) {
	t.Helper()
	when := time.Now().Add(-age)
	if err := os.Chtimes(filepath.Join(s.Dir, "modules", key), when, when); err != nil {
		t.Fatal(err)
	}
}

// The store keeps the Keep most recently used dependency sets.
func TestPrune(t *testing.T) {
	t.Parallel()
	r := &fakeNPM{}
	s := newStore(t, r)
	s.Keep = 2
	install := func(pkg string) deps.Result {
		t.Helper()
		res, err := s.Install(context.Background(), project(t, pkg), io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	a := install(variant(1))
	setAge(t, s, a.Key, 2*time.Hour)
	b := install(variant(2))
	setAge(t, s, b.Key, time.Hour)
	// Using a again makes it the most recently used.
	if res := install(variant(1)); !res.Cached {
		t.Fatal("a is not cached")
	}
	c := install(variant(3))
	want := []string{a.Key, c.Key}
	slices.Sort(want)
	if got := s.Entries(); !slices.Equal(got, want) {
		t.Errorf("entries %q, want a and c %q (b was least recently used)", got, want)
	}
	// The default keeps 8.
	s.Keep = 0
	for i := 4; i <= 12; i++ {
		install(variant(i))
	}
	if got := len(s.Entries()); got != 8 {
		t.Errorf("%d entries with the default Keep, want 8", got)
	}
}

// Projects with the same dependencies installing at once all succeed and
// leave one store entry and no temporary folders.
func TestConcurrentInstalls(t *testing.T) {
	t.Parallel()
	s := newStore(t, &fakeNPM{})
	s.Link = true
	dirs := make([]string, 6)
	for i := range dirs {
		dirs[i] = project(t, pkgJSON)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(dirs))
	for i, d := range dirs {
		wg.Go(func() {
			_, errs[i] = s.Install(context.Background(), d, io.Discard)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("install %d: %v", i, err)
		}
	}
	if got := s.Entries(); len(got) != 1 {
		t.Errorf("entries %q, want one", got)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(s.Dir, "modules", ".tmp-*")); len(leftovers) != 0 {
		t.Errorf("temporary folders left: %q", leftovers)
	}
	for _, d := range dirs {
		if got := readFile(t, filepath.Join(d, "node_modules", "left-pad", "index.js")); !strings.Contains(got, "padStart") {
			t.Errorf("%s: %q", d, got)
		}
	}
}

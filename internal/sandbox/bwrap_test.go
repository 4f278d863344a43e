package sandbox_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// Confinement that only Bubblewrap gives.

// requireForward skips where previews without network cannot be reached
// (not root).
func requireForward(t *testing.T, r sandbox.Runner) {
	t.Helper()
	if !r.Capabilities().PreviewForward {
		t.Skipf("no preview forwarding here: %q", r.Capabilities().Notes)
	}
}

func newBwrap(t *testing.T) *sandbox.Bubblewrap {
	t.Helper()
	requireBwrap(t)
	r, err := sandbox.NewBubblewrap(sandbox.Config{
		Policy: sandbox.AllowPrograms("sh", "node", "python3"),
		Grace:  time.Second,
		Logger: testLogger(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func project(t *testing.T, argv ...string) sandbox.Spec {
	dir := t.TempDir()
	return sandbox.Spec{Argv: argv, Dir: dir, Writable: []string{dir}}
}

func mustRun(t *testing.T, r sandbox.Runner, s sandbox.Spec) sandbox.Result {
	t.Helper()
	res, err := r.Run(context.Background(), s)
	if err != nil {
		t.Fatalf("Run(%q): %v", s.Argv, err)
	}
	return res
}

// hostListener accepts connections on the host's loopback until the test ends.
func hostListener(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// connectScript tries a TCP connection to the host's loopback port and a
// DNS lookup, and prints what happened.
func connectScript(port int) string {
	return fmt.Sprintf(`
const s = require("net").connect(%d, "127.0.0.1");
s.on("connect", () => { console.log("tcp: connected"); s.destroy(); });
s.on("error", (e) => console.log("tcp: " + e.code));
require("dns").lookup("registry.npmjs.org", (e) => console.log("dns: " + (e ? e.code : "resolved")));`, port)
}

func TestBubblewrapNoNetwork(t *testing.T) {
	t.Parallel()
	r := newBwrap(t)
	port := hostListener(t)
	res := mustRun(t, r, project(t, "node", "-e", connectScript(port)))
	if !strings.Contains(res.Tail, "tcp: ECONNREFUSED") || strings.Contains(res.Tail, "dns: resolved") {
		t.Fatalf("the sandbox reached the network: %q", res.Tail)
	}
	// FullNetwork shares the host's network: the same listener answers.
	s := project(t, "node", "-e", connectScript(port))
	s.Network = sandbox.FullNetwork
	if res := mustRun(t, r, s); !strings.Contains(res.Tail, "tcp: connected") {
		t.Fatalf("FullNetwork cannot reach the host: %q", res.Tail)
	}
}

func TestBubblewrapFilesystem(t *testing.T) {
	t.Parallel()
	r := newBwrap(t)
	outside := t.TempDir() // exists on the host, not given to the sandbox
	if err := os.WriteFile(filepath.Join(outside, "secret"), []byte("s3cret"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := project(t, "sh", "-c", "")
	if err := os.Symlink(outside, filepath.Join(s.Dir, "escape")); err != nil {
		t.Fatal(err)
	}
	// Each probe succeeds only if the confinement is broken.
	probes := map[string]string{
		"write /usr":          "echo x > /usr/nexusgen-probe",
		"write /etc":          "echo x > /etc/nexusgen-probe",
		"write host HOME":     "echo x > /root/nexusgen-probe",
		"read unlisted path":  "cat " + outside + "/secret",
		"write unlisted path": "echo x > " + outside + "/new",
		"write through link":  "echo x > escape/new",
		"read through link":   "cat escape/secret",
		"read /etc/shadow":    "cat /etc/shadow",
		"list host ssh keys":  "ls /root/.ssh",
		"see host processes":  `[ "$(ls /proc | grep -c '^[0-9]')" -gt 10 ]`,
		"have capabilities":   `! grep -q 'CapEff:.0000000000000000' /proc/self/status`,
	}
	for name, script := range probes {
		s.Argv[2] = script
		res := mustRun(t, r, s)
		if res.OK() {
			t.Errorf("%s: succeeded (%q)", name, res.Tail)
		}
		if strings.Contains(res.Tail, "s3cret") {
			t.Errorf("%s: leaked the secret", name)
		}
	}
	for _, p := range []string{"/usr/nexusgen-probe", "/etc/nexusgen-probe", "/root/nexusgen-probe", filepath.Join(outside, "new")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("the sandbox wrote %s on the host", p)
		}
	}
	// /tmp is private: a file written there never reaches the host's /tmp.
	marker := "nexusgen-private-tmp-" + strconv.Itoa(os.Getpid())
	s.Argv[2] = "echo x > /tmp/" + marker
	if res := mustRun(t, r, s); !res.OK() {
		t.Fatalf("write /tmp: %+v", res)
	}
	if _, err := os.Stat(filepath.Join(os.TempDir(), marker)); err == nil {
		t.Error("/tmp inside the sandbox is the host's /tmp")
	}
}

func TestBubblewrapReadOnlyInsideWritable(t *testing.T) {
	t.Parallel()
	r := newBwrap(t)
	s := project(t, "sh", "-c", "")
	modules := filepath.Join(s.Dir, "node_modules")
	store := t.TempDir()
	scratch := filepath.Join(store, "scratch")
	for _, d := range []string{modules, scratch} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(modules, "pkg.js"), []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	// node_modules (read-only) inside the project (writable), and a
	// writable scratch inside a read-only store: each keeps its own mode
	// whatever order they are listed in.
	s.ReadOnly = []string{modules, store}
	s.Writable = []string{scratch, s.Dir}
	for script, wantOK := range map[string]bool{
		"cat node_modules/pkg.js":                 true,
		"echo x > node_modules/new.js":            false,
		"rm node_modules/pkg.js":                  false,
		"echo x > built.js":                       true,
		"echo x > " + filepath.Join(store, "x"):   false,
		"echo x > " + filepath.Join(scratch, "x"): true,
	} {
		s.Argv[2] = script
		if res := mustRun(t, r, s); res.OK() != wantOK {
			t.Errorf("%s: ok=%v, want %v (%q)", script, res.OK(), wantOK, res.Tail)
		}
	}
}

func TestBubblewrapPreviewHasNoNetwork(t *testing.T) {
	t.Parallel()
	r := newBwrap(t)
	requireForward(t, r)
	hostPort := hostListener(t)
	const port = 3000 // inside the sandbox's own loopback, free whatever the host runs
	s := project(t, "node", "-e", fmt.Sprintf(`
require("http").createServer((q, res) => res.end("preview")).listen(%d, "127.0.0.1");
const c = require("net").connect(%d, "127.0.0.1");
c.on("connect", () => console.log("outbound: connected"));
c.on("error", (e) => console.log("outbound: " + e.code));`, port, hostPort))
	s.Port = port
	p, err := r.Start(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := p.Stop(context.Background()); err != nil {
			t.Error(err)
		}
	}()
	if err := p.WaitReady(ctxT(t, 30*time.Second)); err != nil {
		t.Fatal(err)
	}
	if body := httpGet(t, p.Addr()); body != "preview" {
		t.Fatalf("body %q", body)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(p.Tail(), "outbound: ") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(p.Tail(), "outbound: ECONNREFUSED") {
		t.Fatalf("the preview reached the host's loopback: %q", p.Tail())
	}
}

func TestBubblewrapPythonPreview(t *testing.T) {
	t.Parallel()
	r := newBwrap(t)
	requireForward(t, r)
	s := project(t, "python3", "-m", "http.server", "8000", "--bind", "127.0.0.1")
	if err := os.WriteFile(filepath.Join(s.Dir, "index.html"), []byte("from python"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Port = 8000
	p, err := r.Start(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.WaitReady(ctxT(t, 30*time.Second)); err != nil {
		t.Fatalf("%v: %q", err, p.Tail())
	}
	if body := httpGet(t, p.Addr()); body != "from python" {
		t.Fatalf("body %q", body)
	}
	if err := p.Stop(ctxT(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
}

func TestBubblewrapCPUQuota(t *testing.T) {
	t.Parallel()
	r := newBwrap(t)
	if !r.Capabilities().CPULimit {
		t.Skip("no CPU limit on this host")
	}
	// A busy loop for one second of wall time gets about a quarter second
	// of CPU under a quarter-core quota.
	s := project(t, "node", "-e", `const end = Date.now() + 1000; while (Date.now() < end); const u = process.cpuUsage(); console.log((u.user + u.system) / 1e6)`)
	s.Limits.CPUs = 0.25
	res := mustRun(t, r, s)
	used, err := strconv.ParseFloat(strings.TrimSpace(res.Tail), 64)
	if err != nil {
		t.Fatalf("output %q", res.Tail)
	}
	if used > 0.6 {
		t.Fatalf("used %.2fs of CPU in 1s under a 0.25-core quota", used)
	}
	t.Logf("CPU used in 1 s at 0.25 cores: %.2fs", used)
}

func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func httpGet(t *testing.T, addr string) string {
	t.Helper()
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get("http://" + addr + "/")
	if err != nil {
		t.Fatalf("GET %s: %v", addr, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

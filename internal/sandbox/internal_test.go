package sandbox

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestTailBuffer(t *testing.T) {
	tb := newTailBuffer(10, nil)
	fmt.Fprint(tb, "hello")
	if s, tr := tb.Tail(); s != "hello" || tr {
		t.Fatalf("%q %v", s, tr)
	}
	fmt.Fprint(tb, " world!")
	if s, tr := tb.Tail(); s != "llo world!" || !tr {
		t.Fatalf("%q %v", s, tr)
	}
	fmt.Fprint(tb, "0123456789abc") // one write longer than the buffer
	if s, _ := tb.Tail(); s != "3456789abc" {
		t.Fatalf("%q", s)
	}
	// A rune cut at the start of the tail is dropped, not half-shown.
	tb = newTailBuffer(4, nil)
	fmt.Fprint(tb, "aé€") // a(1) é(2) €(3): the last 4 bytes start inside é
	if s, _ := tb.Tail(); s != "€" {
		t.Fatalf("%q", s)
	}
}

type failingWriter struct{ calls int }

func (w *failingWriter) Write([]byte) (int, error) { w.calls++; return 0, errors.New("gone") }

func TestTailBufferLiveAndConcurrent(t *testing.T) {
	var live strings.Builder
	var mu sync.Mutex
	tb := newTailBuffer(1000, writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return live.Write(p)
	}))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 100 {
				fmt.Fprintf(tb, "%d", i)
			}
		})
	}
	wg.Wait()
	s, tr := tb.Tail()
	if len(s) != 800 || tr || live.Len() != 800 {
		t.Fatalf("tail %d truncated %v live %d", len(s), tr, live.Len())
	}
	// A failing live writer is dropped; the tail goes on.
	fw := &failingWriter{}
	tb = newTailBuffer(10, fw)
	fmt.Fprint(tb, "a")
	fmt.Fprint(tb, "b")
	if s, _ := tb.Tail(); s != "ab" || fw.calls != 1 {
		t.Fatalf("%q calls %d", s, fw.calls)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestBuildEnv(t *testing.T) {
	layout := envLayout{home: "/home/sandbox", tmp: "/tmp", nodeDir: "/opt/node/bin"}
	env, err := buildEnv(DefaultAllowEnv, layout, map[string]string{"VITE_API": "x", "TZ": "UTC"}, 4<<30)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(env, "\n")
	for _, want := range []string{
		"PATH=/usr/local/bin:/usr/bin:/bin:/opt/node/bin", "HOME=/home/sandbox", "TMPDIR=/tmp",
		"VITE_API=x", "TZ=UTC", "NODE_OPTIONS=--max-old-space-size=3072",
	} {
		if !strings.Contains(joined, want+"\n") && !strings.HasSuffix(joined, want) {
			t.Errorf("missing %s in\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "NODE_ENV") {
		t.Error("NODE_ENV set without the caller asking")
	}
	// The caller's heap limit wins; other NODE_OPTIONS get one added.
	env, _ = buildEnv(DefaultAllowEnv, layout, map[string]string{"NODE_OPTIONS": "--max-old-space-size=99"}, 4<<30)
	if !strings.Contains(strings.Join(env, " "), "NODE_OPTIONS=--max-old-space-size=99 ") {
		t.Errorf("caller's heap limit replaced: %q", env)
	}
	env, _ = buildEnv(DefaultAllowEnv, layout, map[string]string{"NODE_OPTIONS": "--enable-source-maps"}, 200<<20)
	if !slicesContains(env, "NODE_OPTIONS=--enable-source-maps --max-old-space-size=150") {
		t.Errorf("heap limit not added: %q", env)
	}
	for _, key := range []string{"LD_PRELOAD", "PATH", "VITE_", "VITE_A=B", "npm_config_userconfig", "OPENAI_API_KEY"} {
		if _, err := buildEnv(DefaultAllowEnv, layout, map[string]string{key: "v"}, 0); !errors.Is(err, ErrEnvNotAllowed) {
			t.Errorf("%s: %v", key, err)
		}
	}
	if _, err := buildEnv(append(DefaultAllowEnv, "MY_*"), layout, map[string]string{"MY_KEY": "v"}, 0); err != nil {
		t.Errorf("extended allow-list: %v", err)
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestParseProcCgroup(t *testing.T) {
	got := parseProcCgroup("12:pids:/a\n4:memory:/process_api/x\n3:cpu,cpuacct:/c\n1:name=systemd:/\n0::/unified\n")
	for k, want := range map[string]string{"pids": "/a", "memory": "/process_api/x", "cpu": "/c", "cpuacct": "/c", "": "/unified"} {
		if got[k] != want {
			t.Errorf("%q = %q, want %q", k, got[k], want)
		}
	}
}

// The cgroup files, written into a plain directory standing in for a group.
func TestCgroupFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"memory.max", "memory.swap.max", "cpu.max", "pids.max"} { // a real group has them
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g := &cgroup{v2: true, dirs: []string{dir}, byCtl: map[string]string{"memory": dir, "cpu": dir, "pids": dir}}
	if err := g.setLimits(Limits{Memory: 200 << 20, CPUs: 1.5, Procs: 64}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"memory.max": "209715200", "cpu.max": "150000 100000", "pids.max": "64"} {
		if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != want {
			t.Errorf("%s = %q, want %q", name, b, want)
		}
	}
	if g.oomKilled(true) {
		t.Error("oom without memory.events")
	}
	if err := os.WriteFile(filepath.Join(dir, "memory.events"), []byte("low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !g.oomKilled(true) {
		t.Error("oom_kill 1 not seen")
	}
	// cgroup v1 without an oom_kill counter: a SIGKILL after hitting the limit.
	g.v2 = false
	if err := os.WriteFile(filepath.Join(dir, "memory.oom_control"), []byte("oom_kill_disable 0\nunder_oom 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "memory.failcnt"), []byte("12\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !g.oomKilled(true) || g.oomKilled(false) {
		t.Error("v1 failcnt fallback")
	}
	if got := g.procsFiles(); len(got) != 1 || got[0] != filepath.Join(dir, "cgroup.procs") {
		t.Errorf("procsFiles %q", got)
	}
}

func TestExitStatus(t *testing.T) {
	exited := func(code int) syscall.WaitStatus { return syscall.WaitStatus(code << 8) }
	signaled := func(sig syscall.Signal) syscall.WaitStatus { return syscall.WaitStatus(sig) }
	cases := []struct {
		ws    syscall.WaitStatus
		bwrap bool
		code  int
		sig   string
	}{
		{exited(0), false, 0, ""},
		{exited(2), true, 2, ""},
		{exited(137), false, 137, ""},
		{exited(137), true, 137, "SIGKILL"},
		{exited(143), true, 143, "SIGTERM"},
		{exited(255), true, 255, ""},
		{signaled(syscall.SIGKILL), false, 137, "SIGKILL"},
	}
	for _, c := range cases {
		if code, sig := exitStatus(c.ws, c.bwrap); code != c.code || sig != c.sig {
			t.Errorf("%#x bwrap=%v: %d %q, want %d %q", c.ws, c.bwrap, code, sig, c.code, c.sig)
		}
	}
}

func TestConfig(t *testing.T) {
	c := Config{}.withDefaults()
	if err := c.validate(); err != nil {
		t.Fatal(err)
	}
	if c.Limits.Timeout != 10*time.Minute || c.Limits.Memory != 4<<30 || c.Limits.Procs != 1024 || c.Limits.CPUs < 1 ||
		c.TailBytes != 64<<10 || c.Grace != 5*time.Second || c.Policy == nil || c.Kind != KindAuto {
		t.Fatalf("defaults %+v", c)
	}
	for name, bad := range map[string]Config{
		"kind":     {Kind: "docker"},
		"memory":   {Limits: Limits{Memory: 1 << 20}},
		"negative": {Limits: Limits{Timeout: -1}},
		"grace":    {Grace: -time.Second},
		"node":     {NodePath: "node"},
		"parent":   {CgroupParent: "nexusgen"},
	} {
		if _, err := New(bad); err == nil {
			t.Errorf("%s: New accepted %+v", name, bad)
		}
	}
	r, err := New(Config{Kind: KindDirect})
	if err != nil || r.Capabilities().Name != KindDirect || r.Capabilities().FilesystemConfine {
		t.Fatalf("direct: %+v %v", r, err)
	}
}

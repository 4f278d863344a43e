package sandboxtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

func (s *suite) exitCodes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		spec   sandbox.Spec
		code   int
		signal string
	}{
		{"zero", spec(t, "true"), 0, ""},
		{"seven", sh(t, "exit 7"), 7, ""},
		{"node", spec(t, "node", "-e", "process.exit(3)"), 3, ""},
		{"signal", sh(t, "kill -TERM $$"), 143, "SIGTERM"},
	}
	for _, c := range cases {
		res := run(t, s.r, c.spec)
		if res.ExitCode != c.code || res.Signal != c.signal {
			t.Errorf("%s: exit %d signal %q, want %d %q (tail %q)", c.name, res.ExitCode, res.Signal, c.code, c.signal, res.Tail)
		}
		if res.OK() != (c.code == 0) {
			t.Errorf("%s: OK() = %v", c.name, res.OK())
		}
		if res.TimedOut || res.OOMKilled || res.Duration <= 0 {
			t.Errorf("%s: unexpected %+v", c.name, res)
		}
	}
}

func (s *suite) combinedOutput(t *testing.T) {
	t.Parallel()
	res := run(t, s.r, sh(t, "echo one; echo two >&2; echo three"))
	if res.Tail != "one\ntwo\nthree\n" || res.Truncated {
		t.Fatalf("tail %q truncated %v", res.Tail, res.Truncated)
	}
}

func (s *suite) tailBounded(t *testing.T) {
	t.Parallel()
	sp := spec(t, "node", "-e", `for (let i = 0; i < 2000; i++) process.stdout.write("line " + i + "\n"); process.stdout.write("END\n")`)
	sp.TailBytes = 100
	res := run(t, s.r, sp)
	if len(res.Tail) > 100 || !res.Truncated || !strings.HasSuffix(res.Tail, "line 1999\nEND\n") {
		t.Fatalf("tail %d bytes %q truncated %v", len(res.Tail), res.Tail, res.Truncated)
	}
	// The default tail keeps small outputs whole.
	res = run(t, s.r, sh(t, "printf small"))
	if res.Tail != "small" || res.Truncated {
		t.Fatalf("tail %q truncated %v", res.Tail, res.Truncated)
	}
}

func (s *suite) outputStreams(t *testing.T) {
	t.Parallel()
	var out syncBuffer
	sp := sh(t, "echo ready; sleep 30")
	sp.Output = &out
	p, err := s.r.Start(ctxTimeout(t, time.Minute), sp)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for out.String() != "ready\n" {
		if time.Now().After(deadline) {
			t.Fatalf("output %q while running", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if p.Tail() != "ready\n" {
		t.Errorf("Tail() = %q while running", p.Tail())
	}
	if err := p.Stop(ctxTimeout(t, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
}

func (s *suite) envFromScratch(t *testing.T) {
	t.Parallel()
	res := run(t, s.r, spec(t, "node", "-e", `for (const [k, v] of Object.entries(process.env)) console.log(k + "=" + v)`))
	env := envOf(res.Tail)
	for k, want := range map[string]string{
		"LANG": "C.UTF-8", "CI": "1", "NEXT_TELEMETRY_DISABLED": "1",
		"npm_config_update_notifier": "false", "npm_config_fund": "false", "npm_config_audit": "false",
	} {
		if env[k] != want {
			t.Errorf("%s=%q, want %q", k, env[k], want)
		}
	}
	if !strings.HasPrefix(env["PATH"], "/usr/local/bin:/usr/bin:/bin") {
		t.Errorf("PATH=%q", env["PATH"])
	}
	if !strings.Contains(env["NODE_OPTIONS"], "--max-old-space-size=") {
		t.Errorf("NODE_OPTIONS=%q has no heap limit", env["NODE_OPTIONS"])
	}
	if home, _ := os.UserHomeDir(); env["HOME"] == "" || env["HOME"] == home {
		t.Errorf("HOME=%q is not private", env["HOME"])
	}
	for _, k := range []string{secretKey, "NODE_ENV", "USER", "SSH_AUTH_SOCK", "GOPATH"} {
		if v, ok := env[k]; ok {
			t.Errorf("%s=%q leaked into the sandbox", k, v)
		}
	}
	if strings.Contains(res.Tail, secretValue) {
		t.Errorf("the host secret leaked: %q", res.Tail)
	}
	// HOME and TMPDIR are writable.
	res = run(t, s.r, sh(t, `echo h > "$HOME/f" && echo t > "$TMPDIR/f" && cat "$HOME/f" "$TMPDIR/f"`))
	if res.Tail != "h\nt\n" {
		t.Errorf("HOME/TMPDIR: %q", res.Tail)
	}
}

func (s *suite) envAllowList(t *testing.T) {
	t.Parallel()
	sp := sh(t, "env")
	sp.Env = map[string]string{
		"NODE_ENV": "production", "NEXT_PUBLIC_API": "/api", "PORT": "4000",
		"NODE_OPTIONS": "--max-old-space-size=100", "npm_config_cache": "/x",
	}
	env := envOf(run(t, s.r, sp).Tail)
	for k, v := range sp.Env {
		if env[k] != v {
			t.Errorf("%s=%q, want %q", k, env[k], v)
		}
	}
	for _, key := range []string{secretKey, "PATH", "HOME", "LD_PRELOAD", "NEXT_PUBLIC_", "BAD=KEY"} {
		sp := sh(t, "true")
		sp.Env = map[string]string{key: "x"}
		_, err := s.r.Run(ctxTimeout(t, time.Minute), sp)
		if !errors.Is(err, sandbox.ErrEnvNotAllowed) || !strings.Contains(err.Error(), fmt.Sprintf("%q", key)) {
			t.Errorf("Env %s: err %v, want ErrEnvNotAllowed naming it", key, err)
		}
	}
}

func (s *suite) writableDir(t *testing.T) {
	t.Parallel()
	sp := sh(t, "pwd; echo data > out.txt")
	res := run(t, s.r, sp)
	if strings.TrimSpace(res.Tail) != sp.Dir {
		t.Errorf("pwd %q, want %q", res.Tail, sp.Dir)
	}
	if b, err := os.ReadFile(filepath.Join(sp.Dir, "out.txt")); err != nil || string(b) != "data\n" {
		t.Errorf("out.txt: %q %v", b, err)
	}
}

func (s *suite) concurrentRuns(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			res, err := s.r.Run(ctxTimeout(t, time.Minute), sh(t, fmt.Sprintf("echo run %d; exit %d", i, i)))
			if err != nil || res.ExitCode != i || res.Tail != fmt.Sprintf("run %d\n", i) {
				t.Errorf("run %d: %+v %v", i, res, err)
			}
		})
	}
	wg.Wait()
}

package sandboxtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

func (s *suite) policyDenies(t *testing.T) {
	t.Parallel()
	// The suite's policy does not list ls.
	if _, err := s.r.Run(ctxTimeout(t, time.Minute), spec(t, "ls")); !errors.Is(err, sandbox.ErrDenied) {
		t.Errorf("ls: err %v, want ErrDenied", err)
	}
	// The default policy does not list shells.
	def := s.newRunner(t, sandbox.Config{})
	if _, err := def.Run(ctxTimeout(t, time.Minute), sh(t, "true")); !errors.Is(err, sandbox.ErrDenied) {
		t.Errorf("sh under DefaultPolicy: err %v, want ErrDenied", err)
	}
	// A policy's own error is reported as a denial; an allowed spec runs.
	cfg := s.cfg
	cfg.Policy = sandbox.AllOf(sandbox.AllowPrograms(Programs...), func(sp sandbox.Spec) error {
		if len(sp.Argv) > 1 && sp.Argv[1] == "-e" {
			return errors.New("no inline scripts")
		}
		return nil
	})
	r := s.newRunner(t, cfg)
	if _, err := r.Run(ctxTimeout(t, time.Minute), spec(t, "node", "-e", "0")); !errors.Is(err, sandbox.ErrDenied) || !strings.Contains(err.Error(), "no inline scripts") {
		t.Errorf("custom policy: err %v", err)
	}
	if res, err := r.Run(ctxTimeout(t, time.Minute), spec(t, "node", "--version")); err != nil || !res.OK() {
		t.Errorf("allowed spec: %+v %v", res, err)
	}
	// WithinRoots keeps writable paths inside the workspace.
	root := t.TempDir()
	cfg.Policy = sandbox.AllOf(sandbox.AllowPrograms(Programs...), sandbox.WithinRoots(root))
	r = s.newRunner(t, cfg)
	if _, err := r.Run(ctxTimeout(t, time.Minute), spec(t, "true")); !errors.Is(err, sandbox.ErrDenied) {
		t.Errorf("writable outside the roots: err %v, want ErrDenied", err)
	}
}

func (s *suite) badSpecs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	other := t.TempDir()
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(other, link); err != nil {
		t.Fatal(err)
	}
	cases := map[string]sandbox.Spec{
		"no argv":             {Dir: dir, Writable: []string{dir}},
		"no writable":         {Argv: []string{"true"}, Dir: dir},
		"dir outside":         {Argv: []string{"true"}, Dir: other, Writable: []string{dir}},
		"relative writable":   {Argv: []string{"true"}, Dir: dir, Writable: []string{dir, "project"}},
		"dotdot writable":     {Argv: []string{"true"}, Dir: dir, Writable: []string{dir + "/../" + filepath.Base(dir)}},
		"root writable":       {Argv: []string{"true"}, Dir: dir, Writable: []string{"/", dir}},
		"system writable":     {Argv: []string{"true"}, Dir: dir, Writable: []string{dir, "/usr/lib"}},
		"symlinked writable":  {Argv: []string{"true"}, Dir: link, Writable: []string{link}},
		"missing writable":    {Argv: []string{"true"}, Dir: dir, Writable: []string{dir, dir + "/missing"}},
		"relative read-only":  {Argv: []string{"true"}, Dir: dir, Writable: []string{dir}, ReadOnly: []string{"store"}},
		"unknown program":     {Argv: []string{"cat-does-not-exist"}, Dir: dir, Writable: []string{dir}},
		"bad port":            {Argv: []string{"true"}, Dir: dir, Writable: []string{dir}, Port: 70000},
		"negative limit":      {Argv: []string{"true"}, Dir: dir, Writable: []string{dir}, Limits: sandbox.Limits{Memory: -1}},
		"program not on path": {Argv: []string{"./true"}, Dir: dir, Writable: []string{dir}},
	}
	cfg := s.cfg
	cfg.Policy = func(sandbox.Spec) error { return nil }
	r := s.newRunner(t, cfg)
	for name, sp := range cases {
		if _, err := r.Run(ctxTimeout(t, time.Minute), sp); !errors.Is(err, sandbox.ErrBadSpec) {
			t.Errorf("%s: err %v, want ErrBadSpec", name, err)
		}
	}
}

func (s *suite) memoryLimit(t *testing.T) {
	t.Parallel()
	if !s.r.Capabilities().MemoryLimit {
		t.Skip("runner enforces no memory limit here")
	}
	// Buffers live outside Node's heap, so only the cgroup stops them.
	sp := spec(t, "node", "-e", `const a = []; for (let i = 0; i < 100; i++) a.push(Buffer.alloc(20 << 20, 1)); console.log("survived")`)
	sp.Limits.Memory = 200 << 20
	res := run(t, s.r, sp)
	if !res.OOMKilled || res.OK() || strings.Contains(res.Tail, "survived") {
		t.Fatalf("want an OOM kill, got %+v", res)
	}
	// Under the limit nothing is flagged.
	sp = spec(t, "node", "-e", `Buffer.alloc(50 << 20, 1); console.log("ok")`)
	sp.Limits.Memory = 200 << 20
	if res := run(t, s.r, sp); res.OOMKilled || !res.OK() {
		t.Fatalf("under the limit: %+v", res)
	}
}

func (s *suite) processLimit(t *testing.T) {
	t.Parallel()
	if !s.r.Capabilities().ProcessLimit {
		t.Skip("runner enforces no process limit here")
	}
	// Try to start 200 sleepers with a limit of 40 processes.
	sp := sh(t, `for i in $(seq 200); do sleep 30 & done; echo all started`)
	sp.Limits.Procs = 40
	sp.Limits.Timeout = 20 * time.Second
	res, err := s.r.Run(context.Background(), sp)
	if err != nil {
		t.Fatal(err)
	}
	if res.OK() || strings.Contains(res.Tail, "all started") || !strings.Contains(res.Tail, "fork") {
		t.Fatalf("no fork failure under a 40-process limit: %+v", res)
	}
	t.Logf("bounded: exit %d, %q", res.ExitCode, res.Tail)
	// A modest tree fits.
	sp = sh(t, fmt.Sprintf("for i in $(seq %d); do sleep 0.2 & done; wait; echo done", 10))
	sp.Limits.Procs = 40
	if res := run(t, s.r, sp); !res.OK() || res.Tail != "done\n" {
		t.Fatalf("10 processes under a 40-process limit: %+v", res)
	}
}

// Package sandboxtest is the conformance suite every sandbox.Runner passes:
// exit codes, the output tail, the environment allow-list, timeouts and
// cancellation that leave no process behind, previews, policy and, where the
// runner says it enforces them, resource limits. It runs real processes
// (/bin/sh and node) and needs a Linux host.
package sandboxtest

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// NewRunner builds the runner under test from the suite's Config (policy,
// grace period and limits chosen by the suite).
type NewRunner func(t *testing.T, cfg sandbox.Config) sandbox.Runner

// Programs are the programs the suite runs; its Config allows them.
var Programs = []string{"sh", "node", "true", "cat"}

// Grace is the suite's grace period between SIGTERM and SIGKILL.
const Grace = 700 * time.Millisecond

// Exercise runs the suite against the runners newRunner builds. Subtests
// run in parallel.
func Exercise(t *testing.T, newRunner NewRunner) {
	t.Helper()
	cfg := sandbox.Config{Policy: sandbox.AllowPrograms(Programs...), Grace: Grace}
	r := newRunner(t, cfg)
	if r.Capabilities().Name == "" {
		t.Fatal("Capabilities().Name is empty")
	}
	// A secret in the product's environment must never reach a process.
	hostSecret(t)

	s := &suite{r: r, newRunner: newRunner, cfg: cfg}
	t.Run("ExitCodes", s.exitCodes)
	t.Run("CombinedOutputInOrder", s.combinedOutput)
	t.Run("TailIsBounded", s.tailBounded)
	t.Run("OutputStreamsLive", s.outputStreams)
	t.Run("EnvironmentFromScratch", s.envFromScratch)
	t.Run("EnvironmentAllowList", s.envAllowList)
	t.Run("WritableDir", s.writableDir)
	t.Run("TimeoutKillsTree", s.timeoutKillsTree)
	t.Run("GraceThenSIGKILL", s.graceThenKill)
	t.Run("CancelStops", s.cancelStops)
	t.Run("LeftoversKilledOnExit", s.leftoversKilled)
	t.Run("StartAddrStop", s.startAddrStop)
	t.Run("StopKillsServerChildren", s.stopKillsChildren)
	t.Run("StartCancelledByContext", s.startCancelled)
	t.Run("PolicyDenies", s.policyDenies)
	t.Run("BadSpecs", s.badSpecs)
	t.Run("ConcurrentRuns", s.concurrentRuns)
	t.Run("MemoryLimit", s.memoryLimit)
	t.Run("ProcessLimit", s.processLimit)
}

type suite struct {
	r         sandbox.Runner
	newRunner NewRunner
	cfg       sandbox.Config
}

const secretKey, secretValue = "ANTHROPIC_API_KEY", "sk-ant-must-not-leak"

func hostSecret(t *testing.T) {
	old, had := os.LookupEnv(secretKey)
	if err := os.Setenv(secretKey, secretValue); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if had {
			_ = os.Setenv(secretKey, old)
		} else {
			_ = os.Unsetenv(secretKey)
		}
	})
}

// spec is a spec for argv in a fresh writable project directory.
func spec(t *testing.T, argv ...string) sandbox.Spec {
	dir := t.TempDir()
	return sandbox.Spec{Argv: argv, Dir: dir, Writable: []string{dir}}
}

// sh is spec for a shell script.
func sh(t *testing.T, script string) sandbox.Spec { return spec(t, "sh", "-c", script) }

func run(t *testing.T, r sandbox.Runner, s sandbox.Spec) sandbox.Result {
	t.Helper()
	res, err := r.Run(context.Background(), s)
	if err != nil {
		t.Fatalf("Run(%q): %v", s.Argv, err)
	}
	return res
}

// heartbeat is a shell fragment that starts a detached process (its own
// session and process group, like a server's worker) writing the time to
// file every 50 ms (through a rename, so the file is never seen empty).
func heartbeat(file string) string {
	return `setsid sh -c 'while :; do date +%s%N > ` + file + `.new; mv ` + file + `.new ` + file + `; sleep 0.05; done' &`
}

// waitFile waits until path exists and is not empty.
func waitFile(t *testing.T, path string) {
	t.Helper()
	if !fileAppears(path, 10*time.Second) {
		t.Fatalf("%s never appeared", path)
	}
}

// fileAppears reports whether path exists and is not empty within timeout.
func fileAppears(path string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

// assertNoHeartbeat fails when the heartbeat file still changes: something
// of the process tree survived.
func assertNoHeartbeat(t *testing.T, path string) {
	t.Helper()
	before, _ := os.ReadFile(path)
	time.Sleep(400 * time.Millisecond)
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatalf("a descendant survived: %s still changes (%q -> %q)", filepath.Base(path), before, after)
	}
}

// freePort returns a port that is free on the host's loopback now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// syncBuffer is an io.Writer safe for the runner's concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// envOf parses `env` output.
func envOf(out string) map[string]string {
	m := map[string]string{}
	for line := range strings.Lines(out) {
		if k, v, ok := strings.Cut(strings.TrimRight(line, "\n"), "="); ok {
			m[k] = v
		}
	}
	return m
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

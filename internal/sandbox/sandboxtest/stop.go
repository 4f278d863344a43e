package sandboxtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

func (s *suite) timeoutKillsTree(t *testing.T) {
	t.Parallel()
	sp := sh(t, "")
	hb := filepath.Join(sp.Dir, "hb")
	sp.Argv[2] = heartbeat(hb) + " sleep 300"
	sp.Limits.Timeout = 1500 * time.Millisecond
	began := time.Now()
	res := run(t, s.r, sp)
	if !res.TimedOut || res.OK() || res.Signal == "" {
		t.Fatalf("want a timed-out, signalled result, got %+v", res)
	}
	if d := time.Since(began); d > sp.Limits.Timeout+Grace+5*time.Second {
		t.Errorf("Run took %v", d)
	}
	waitFile(t, hb)
	assertNoHeartbeat(t, hb)
}

func (s *suite) graceThenKill(t *testing.T) {
	t.Parallel()
	// The shell ignores SIGTERM; only the SIGKILL after the grace ends it.
	sp := sh(t, `trap "" TERM; echo armed; while :; do sleep 0.05; done`)
	sp.Limits.Timeout = 500 * time.Millisecond
	began := time.Now()
	res := run(t, s.r, sp)
	if !res.TimedOut || res.Signal != "SIGKILL" || res.ExitCode != 137 {
		t.Fatalf("want SIGKILL after the grace period, got %+v", res)
	}
	if d := time.Since(began); d < sp.Limits.Timeout+Grace/2 {
		t.Errorf("killed after %v, before the grace period ended", d)
	}
}

func (s *suite) cancelStops(t *testing.T) {
	t.Parallel()
	sp := sh(t, "")
	hb := filepath.Join(sp.Dir, "hb")
	sp.Argv[2] = heartbeat(hb) + " sleep 300"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		fileAppears(hb, 10*time.Second)
		cancel()
	}()
	res, err := s.r.Run(ctx, sp)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if res.TimedOut || res.OK() {
		t.Fatalf("result %+v", res)
	}
	waitFile(t, hb)
	assertNoHeartbeat(t, hb)
}

func (s *suite) leftoversKilled(t *testing.T) {
	t.Parallel()
	if s.r.Capabilities().Cgroups == "none" && s.r.Capabilities().Name != "bubblewrap" {
		t.Skip("a detached leftover can only be found through a cgroup or a PID namespace")
	}
	sp := sh(t, "")
	hb := filepath.Join(sp.Dir, "hb")
	// The main process exits at once; its detached child must not outlive it.
	sp.Argv[2] = heartbeat(hb) + " while [ ! -s " + hb + " ]; do sleep 0.02; done; exit 0"
	res := run(t, s.r, sp)
	if !res.OK() {
		t.Fatalf("result %+v", res)
	}
	assertNoHeartbeat(t, hb)
}

// server is a node HTTP server on port; with a heartbeat file it serves
// from a detached child process that also writes the heartbeat, as `next
// start` serves from next-server.
func server(port int, hb string) string {
	srv := fmt.Sprintf(`require("http").createServer((q, r) => r.end("hello from " + process.pid)).listen(%d, "127.0.0.1")`, port)
	if hb == "" {
		return srv
	}
	srv += fmt.Sprintf(`; setInterval(() => require("fs").writeFileSync(%q, String(Date.now())), 50)`, hb)
	return fmt.Sprintf(`require("child_process").spawn(process.execPath, ["-e", %q], {stdio: "inherit", detached: true}); setInterval(() => {}, 1000)`, srv)
}

func get(t *testing.T, addr string) string {
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

func (s *suite) startPreview(t *testing.T, child bool) (*sandbox.Process, sandbox.Spec) {
	t.Helper()
	if !s.r.Capabilities().PreviewForward {
		t.Skipf("runner cannot forward a preview port here: %q", s.r.Capabilities().Notes)
	}
	port := freePort(t)
	sp := spec(t, "node")
	hb := ""
	if child {
		hb = filepath.Join(sp.Dir, "hb")
	}
	sp.Argv = append(sp.Argv, "-e", server(port, hb))
	sp.Port = port
	p, err := s.r.Start(ctxTimeout(t, 2*time.Minute), sp)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Stop(context.Background()) })
	if err := p.WaitReady(ctxTimeout(t, 30*time.Second)); err != nil {
		t.Fatalf("WaitReady: %v (tail %q)", err, p.Tail())
	}
	return p, sp
}

func (s *suite) startAddrStop(t *testing.T) {
	t.Parallel()
	p, _ := s.startPreview(t, false)
	if _, _, err := net.SplitHostPort(p.Addr()); err != nil {
		t.Fatalf("Addr %q: %v", p.Addr(), err)
	}
	for range 3 {
		if body := get(t, p.Addr()); len(body) < len("hello from ") || body[:11] != "hello from " {
			t.Fatalf("body %q", body)
		}
	}
	if err := p.Stop(ctxTimeout(t, 30*time.Second)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-p.Done():
	default:
		t.Fatal("Done not closed after Stop")
	}
	res, err := p.Wait()
	if err != nil || res.Signal != "SIGTERM" || res.TimedOut {
		t.Fatalf("after Stop: %+v %v", res, err)
	}
	if err := p.Stop(context.Background()); err != nil { // idempotent
		t.Fatal(err)
	}
	if again, _ := p.Wait(); again != res {
		t.Fatalf("Wait changed: %+v then %+v", res, again)
	}
	if c, err := net.DialTimeout("tcp", p.Addr(), time.Second); err == nil {
		c.Close()
		t.Fatalf("%s still accepts connections after Stop", p.Addr())
	}
}

func (s *suite) stopKillsChildren(t *testing.T) {
	t.Parallel()
	p, sp := s.startPreview(t, true)
	get(t, p.Addr())
	hb := filepath.Join(sp.Dir, "hb")
	waitFile(t, hb)
	if err := p.Stop(ctxTimeout(t, 30*time.Second)); err != nil {
		t.Fatal(err)
	}
	assertNoHeartbeat(t, hb)
	if c, err := net.DialTimeout("tcp", p.Addr(), time.Second); err == nil {
		c.Close()
		t.Fatal("the server's child survived Stop")
	}
}

func (s *suite) startCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	p, err := s.r.Start(ctx, sh(t, "sleep 300"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Addr() != "" {
		t.Errorf("Addr %q without a port", p.Addr())
	}
	cancel()
	select {
	case <-p.Done():
	case <-time.After(Grace + 10*time.Second):
		t.Fatal("cancelling Start's context did not stop the process")
	}
	if _, err := p.Wait(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait err %v, want context.Canceled", err)
	}
}

package sandbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Process is a sandboxed process started by Runner.Start (Run uses one
// too). Its methods are safe for concurrent use. When the process exits,
// whatever it left behind is killed, its cgroups are removed and Done is
// closed.
type Process struct {
	addr  string
	port  int
	grace time.Duration
	h     *host

	cmd   *exec.Cmd
	cg    *cgroup
	tail  *tailBuffer
	bwrap bool  // root is bwrap: it reports signals as 128+n
	spare []int // pids SIGTERM must not reach (bwrap and its init)
	fwd   *forwarder

	sigMu  sync.Mutex // serialises signalling with reaping
	reaped bool

	stopOnce sync.Once
	killOnce sync.Once
	kill     chan struct{} // closed to skip the rest of the grace period

	mu     sync.Mutex
	reason stopReason
	ctxErr error

	done   chan struct{}
	result Result
	err    error
}

type stopReason int

const (
	notStopped stopReason = iota
	stoppedByCaller
	stoppedByTimeout
	stoppedByContext
)

// errTimedOut is the cause of a run's own deadline.
var errTimedOut = errors.New("sandbox: timed out")

// launch is a command a runner has built for a prepared spec.
type launch struct {
	argv    []string // on the host: bwrap and its arguments, or the program
	dir     string   // working directory on the host
	bwrap   bool
	forward bool   // open Spec.Port inside the sandbox's network namespace
	cleanup func() // after the process and its cgroups are gone
}

// start launches l for p: cgroups first, then the process (joining them
// before it executes anything), then the watchers.
func (h *host) start(ctx context.Context, p prepared, l launch) (proc *Process, err error) {
	cleanup := l.cleanup
	if err := ctx.Err(); err != nil {
		if cleanup != nil {
			cleanup()
		}
		return nil, err
	}
	defer func() {
		if err != nil && cleanup != nil {
			cleanup()
		}
	}()
	cg, err := h.cg.create(runID(), p.limits)
	if err != nil {
		return nil, err
	}
	var files []*os.File // parent's copies, closed once the child has them
	closeAll := func() {
		for _, f := range files {
			f.Close()
		}
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		_ = cg.remove()
		return nil, err
	}
	files = append(files, outW)
	argv := wrapForCgroup(cg, l.argv)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env, cmd.Dir = p.env, l.dir
	cmd.Stdout, cmd.Stderr = outW, outW
	cmd.SysProcAttr = sysProcAttr()
	var infoR, blockW *os.File
	if l.bwrap { // fd 3: bwrap's --info-fd; fd 4: its --block-fd
		var infoW, blockR *os.File
		if infoR, infoW, err = os.Pipe(); err == nil {
			blockR, blockW, err = os.Pipe()
		}
		if err != nil {
			closeAll()
			outR.Close()
			_ = cg.remove()
			return nil, err
		}
		files = append(files, infoW, blockR)
		cmd.ExtraFiles = []*os.File{infoW, blockR}
		defer infoR.Close()
		defer blockW.Close() // releases the program, if nothing did before
	}
	began := time.Now()
	if err := cmd.Start(); err != nil {
		closeAll()
		outR.Close()
		_ = cg.remove()
		return nil, fmt.Errorf("sandbox: start %s: %w", argv[0], err)
	}
	closeAll()
	proc = &Process{
		port: p.spec.Port, grace: h.cfg.Grace, h: h, cmd: cmd, cg: cg,
		tail:  newTailBuffer(p.spec.TailBytes, p.spec.Output),
		bwrap: l.bwrap, kill: make(chan struct{}), done: make(chan struct{}),
	}
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		_, _ = io.Copy(proc.tail, outR)
	}()
	if l.bwrap {
		proc.spare = []int{cmd.Process.Pid}
		if child, err := readChildPid(infoR, 30*time.Second); err == nil {
			proc.spare = append(proc.spare, child)
			if l.forward {
				proc.fwd, err = newForwarder(child, p.spec.Port)
				if err != nil {
					proc.killTree()
					go proc.reap(outR, copied, began, nil)
					<-proc.done
					return nil, fmt.Errorf("sandbox: forward port %d: %w", p.spec.Port, err)
				}
			}
		}
		_, _ = blockW.Write([]byte{1})
	}
	switch {
	case proc.fwd != nil:
		proc.addr = proc.fwd.addr()
	case p.spec.Port > 0:
		proc.addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(p.spec.Port))
	}
	cleanup = nil // reap owns it now
	go proc.reap(outR, copied, began, l.cleanup)
	go proc.watch(ctx, p.limits.Timeout)
	return proc, nil
}

// watch stops the process when ctx ends or its timeout passes.
func (p *Process) watch(ctx context.Context, timeout time.Duration) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, timeout, errTimedOut)
		defer cancel()
	}
	select {
	case <-ctx.Done():
		if errors.Is(context.Cause(ctx), errTimedOut) {
			p.beginStop(stoppedByTimeout, nil)
		} else {
			p.beginStop(stoppedByContext, ctx.Err())
		}
	case <-p.done:
	}
}

// beginStop starts the soft stop once: SIGTERM to the tree, SIGKILL after
// the grace period (or at once when kill is closed).
func (p *Process) beginStop(r stopReason, ctxErr error) {
	p.mu.Lock()
	if p.reason == notStopped {
		p.reason, p.ctxErr = r, ctxErr
	}
	p.mu.Unlock()
	p.stopOnce.Do(func() {
		go func() {
			p.signal(syscall.SIGTERM)
			t := time.NewTimer(p.grace)
			defer t.Stop()
			select {
			case <-p.done:
				return
			case <-t.C:
			case <-p.kill:
			}
			p.killTree()
		}()
	})
}

// signal sends sig to the tree, sparing bwrap so the program gets it first.
func (p *Process) signal(sig syscall.Signal) {
	p.sigMu.Lock()
	defer p.sigMu.Unlock()
	if !p.reaped {
		signalTree(p.cmd.Process.Pid, p.cg, sig, p.spare...)
	}
}

// killTree SIGKILLs the whole tree, bwrap included, and empties the cgroup.
func (p *Process) killTree() {
	p.sigMu.Lock()
	defer p.sigMu.Unlock()
	if p.reaped {
		return
	}
	signalTree(p.cmd.Process.Pid, p.cg, syscall.SIGKILL)
	if p.cg != nil && !p.cg.killAll(5*time.Second) {
		p.h.cfg.Logger.Warn("sandbox: processes survived SIGKILL", "pids", p.cg.pids())
	}
}

// killLeftovers kills what the exited process left behind and marks it
// reaped. Its descendants have been handed to init by now, so they are
// found through its process group (whose id the unreaped process still
// holds) and its cgroup; under bwrap the PID namespace died with the
// sandbox's first process.
func (p *Process) killLeftovers() {
	p.sigMu.Lock()
	defer p.sigMu.Unlock()
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	if p.cg != nil && !p.cg.killAll(5*time.Second) {
		p.h.cfg.Logger.Warn("sandbox: processes survived SIGKILL", "pids", p.cg.pids())
	}
	p.reaped = true
}

// reap waits for the process, kills what it left behind, collects the
// output and the result, and releases everything.
func (p *Process) reap(out *os.File, copied <-chan struct{}, began time.Time, cleanup func()) {
	waitExited(p.cmd.Process.Pid) // the pid stays reserved until Wait
	p.killLeftovers()
	_ = p.cmd.Wait()
	select {
	case <-copied:
	case <-time.After(2 * time.Second): // a writer escaped the tree
		p.h.cfg.Logger.Warn("sandbox: output still open after exit; dropping the rest")
	}
	out.Close()
	<-copied

	res := Result{Duration: time.Since(began)}
	res.Tail, res.Truncated = p.tail.Tail()
	if ws, ok := p.cmd.ProcessState.Sys().(syscall.WaitStatus); ok {
		res.ExitCode, res.Signal = exitStatus(ws, p.bwrap)
	} else {
		res.ExitCode = p.cmd.ProcessState.ExitCode()
	}
	if p.cg != nil {
		res.OOMKilled = p.cg.oomKilled(res.Signal == "SIGKILL")
		if err := p.cg.remove(); err != nil {
			p.h.cfg.Logger.Warn("sandbox: remove cgroup", "err", err)
		}
	}
	if p.fwd != nil {
		p.fwd.close()
	}
	if cleanup != nil {
		cleanup()
	}
	p.mu.Lock()
	res.TimedOut = p.reason == stoppedByTimeout
	if p.reason == stoppedByContext {
		p.err = p.ctxErr
	}
	p.mu.Unlock()
	p.result = res
	close(p.done)
}

// exitStatus turns a wait status into an exit code and a signal name.
// bwrap reports a program killed by signal n as exit status 128+n.
func exitStatus(ws syscall.WaitStatus, fromBwrap bool) (int, string) {
	if ws.Signaled() {
		return 128 + int(ws.Signal()), signalName(ws.Signal())
	}
	code := ws.ExitStatus()
	if fromBwrap && code > 128 && code <= 128+31 {
		return code, signalName(syscall.Signal(code - 128))
	}
	return code, ""
}

// Addr is the host address that reaches Spec.Port ("" without a port).
func (p *Process) Addr() string { return p.addr }

// Done is closed when the process has exited and been cleaned up.
func (p *Process) Done() <-chan struct{} { return p.done }

// Tail is the output kept so far.
func (p *Process) Tail() string {
	s, _ := p.tail.Tail()
	return s
}

// Wait waits for the process to end. The error is non-nil only when the
// context given to Start (or Run) ended it; Result says the rest.
func (p *Process) Wait() (Result, error) {
	<-p.done
	return p.result, p.err
}

// Stop sends SIGTERM to the whole process tree and SIGKILL after the grace
// period, or at once when ctx ends first; it returns when the process is
// gone (ctx.Err() if ctx ended first). It may be called any number of
// times, also after the process has exited.
func (p *Process) Stop(ctx context.Context) error {
	p.beginStop(stoppedByCaller, nil)
	select {
	case <-p.done:
		return nil
	case <-ctx.Done():
		p.killOnce.Do(func() { close(p.kill) })
		<-p.done
		return ctx.Err()
	}
}

// WaitReady waits until Spec.Port accepts connections inside the sandbox,
// the process exits, or ctx ends.
func (p *Process) WaitReady(ctx context.Context) error {
	if p.port == 0 {
		return fmt.Errorf("%w: no port to wait for", ErrBadSpec)
	}
	for {
		dctx, cancel := context.WithTimeout(ctx, time.Second)
		c, err := p.dial(dctx)
		cancel()
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case <-p.done:
			return fmt.Errorf("sandbox: process exited before listening on port %d", p.port)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// dial connects to Spec.Port where the process listens.
func (p *Process) dial(ctx context.Context) (net.Conn, error) {
	if p.fwd != nil {
		return p.fwd.dialInside(ctx)
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", p.addr)
}

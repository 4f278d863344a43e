package sandbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strconv"
	"sync"

	"golang.org/x/sys/unix"
)

// forwarder makes a port inside a sandbox's network namespace reachable
// from the host: it listens on a free host loopback port and, for each
// connection, opens one to the port inside the namespace. A socket belongs
// to the namespace it was created in, so only its creation needs the thread
// switched into the sandbox's namespace (see dialInside).
type forwarder struct {
	ln     net.Listener
	nsFD   int // the sandbox's network namespace, open while forwarding
	target string

	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup

	nsMu     sync.RWMutex // held for reading while a thread uses nsFD
	nsClosed bool
}

// newForwarder forwards to port in the network namespace of pid.
func newForwarder(pid, port int) (*forwarder, error) {
	fd, err := unix.Open("/proc/"+strconv.Itoa(pid)+"/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("open network namespace: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	f := &forwarder{
		ln: ln, nsFD: fd, conns: map[net.Conn]struct{}{},
		target: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
	}
	f.wg.Add(1)
	go f.serve()
	return f, nil
}

func (f *forwarder) addr() string { return f.ln.Addr().String() }

func (f *forwarder) serve() {
	defer f.wg.Done()
	for {
		c, err := f.ln.Accept()
		if err != nil {
			return
		}
		if !f.track(c) {
			c.Close()
			return
		}
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			defer f.untrack(c)
			inner, err := f.dialInside(context.Background())
			if err != nil {
				return
			}
			if !f.track(inner) {
				inner.Close()
				return
			}
			defer f.untrack(inner)
			pipe(c, inner)
		}()
	}
}

// track registers c to be closed by close; false once closed.
func (f *forwarder) track(c net.Conn) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return false
	}
	f.conns[c] = struct{}{}
	return true
}

func (f *forwarder) untrack(c net.Conn) {
	f.mu.Lock()
	delete(f.conns, c)
	f.mu.Unlock()
	c.Close()
}

// pipe copies both ways until both directions are done, passing on
// half-closes.
func pipe(a, b net.Conn) {
	var wg sync.WaitGroup
	wg.Add(2)
	half := func(dst, src net.Conn) {
		defer wg.Done()
		_, _ = io.Copy(dst, src)
		if tc, ok := dst.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		} else {
			dst.Close()
		}
	}
	go half(a, b)
	go half(b, a)
	wg.Wait()
}

// dialInside connects to the target port from inside the namespace. The
// goroutine locks its thread, switches the thread's network namespace,
// creates and connects the socket, and switches back. A thread that cannot
// switch back stays locked, so the runtime discards it when the goroutine
// ends instead of reusing it in the wrong namespace.
func (f *forwarder) dialInside(ctx context.Context) (net.Conn, error) {
	f.nsMu.RLock()
	defer f.nsMu.RUnlock()
	if f.nsClosed {
		return nil, errors.New("the sandboxed process has exited")
	}
	type result struct {
		c   net.Conn
		err error
	}
	ch := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		home, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			runtime.UnlockOSThread()
			ch <- result{err: err}
			return
		}
		defer unix.Close(home)
		if err := unix.Setns(f.nsFD, unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			ch <- result{err: fmt.Errorf("enter network namespace: %w", err)}
			return
		}
		var d net.Dialer
		c, err := d.DialContext(ctx, "tcp", f.target)
		if unix.Setns(home, unix.CLONE_NEWNET) == nil {
			runtime.UnlockOSThread()
		}
		ch <- result{c, err}
	}()
	r := <-ch
	return r.c, r.err
}

// close stops accepting, closes every connection and waits for the
// handlers before releasing the namespace.
func (f *forwarder) close() {
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		return
	}
	f.closed = true
	conns := make([]net.Conn, 0, len(f.conns))
	for c := range f.conns {
		conns = append(conns, c)
	}
	f.mu.Unlock()
	f.ln.Close()
	for _, c := range conns {
		c.Close()
	}
	f.wg.Wait()
	f.nsMu.Lock()
	f.nsClosed = true
	unix.Close(f.nsFD)
	f.nsMu.Unlock()
}

// forwardSupported reports whether this process may enter another network
// namespace (it needs CAP_SYS_ADMIN, in practice root).
func forwardSupported() error {
	if unix.Geteuid() != 0 {
		return errors.New("entering the sandbox's network namespace needs root")
	}
	return nil
}

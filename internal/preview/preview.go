// Package preview serves a built app for people and browser checks: the
// production server (`npm run start`) runs in the sandbox with no network,
// and the sandbox makes its port reachable from the host.
package preview

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// Server is a running preview.
type Server struct {
	// URL is the base address of the app, http://127.0.0.1:port.
	URL  string
	proc *sandbox.Process
}

// Options tune a preview.
type Options struct {
	// Port is the port inside the sandbox; 0 picks a free one.
	Port int
	// Ready bounds the wait for the first successful response.
	Ready time.Duration
	// Limits bound the server process (no timeout by default: it runs until stopped).
	Limits sandbox.Limits
}

// Start runs the app's start script in dir and waits until it answers.
func Start(ctx context.Context, runner sandbox.Runner, dir string, o Options) (*Server, error) {
	if o.Port == 0 {
		p, err := freePort()
		if err != nil {
			return nil, err
		}
		o.Port = p
	}
	if o.Ready == 0 {
		o.Ready = 60 * time.Second
	}
	if o.Limits.Timeout == 0 {
		o.Limits.Timeout = 24 * time.Hour
	}
	argv := []string{"npm", "run", "--silent", "start", "--", "-p", fmt.Sprint(o.Port), "-H", "127.0.0.1"}
	if build.IsVite(dir) {
		argv = []string{"npm", "run", "--silent", "start", "--", "--port", fmt.Sprint(o.Port), "--host", "127.0.0.1"}
	}
	spec := sandbox.Spec{
		Argv:     argv,
		Dir:      dir,
		Env:      map[string]string{"PORT": fmt.Sprint(o.Port), "HOSTNAME": "127.0.0.1", "NODE_ENV": "production"},
		Writable: []string{dir},
		Network:  sandbox.NoNetwork,
		Limits:   o.Limits,
		Port:     o.Port,
	}
	build.ProtectModules(&spec, dir)
	proc, err := runner.Start(ctx, spec)
	if err != nil {
		return nil, fmt.Errorf("preview: start: %w", err)
	}
	s := &Server{URL: "http://" + proc.Addr(), proc: proc}
	rctx, cancel := context.WithTimeout(ctx, o.Ready)
	defer cancel()
	if err := s.waitHTTP(rctx); err != nil {
		stopCtx, c := context.WithTimeout(context.Background(), 10*time.Second)
		defer c()
		_ = s.proc.Stop(stopCtx) // best effort: the readiness error is the one to report
		return nil, fmt.Errorf("preview: the app did not answer: %w\n%s", err, proc.Tail())
	}
	return s, nil
}

func (s *Server) waitHTTP(ctx context.Context) error {
	client := &http.Client{Timeout: 5 * time.Second}
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+"/", nil)
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
			err = fmt.Errorf("GET / answered %s", resp.Status)
		}
		select {
		case <-s.proc.Done():
			return fmt.Errorf("the server exited: %v", err)
		case <-ctx.Done():
			return fmt.Errorf("%w (last: %v)", ctx.Err(), err)
		case <-time.After(150 * time.Millisecond):
		}
	}
}

// Output is the server's recent output.
func (s *Server) Output() string { return s.proc.Tail() }

// Stop stops the server and everything it started.
func (s *Server) Stop(ctx context.Context) error { return s.proc.Stop(ctx) }

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

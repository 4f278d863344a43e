package preview_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/preview"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// server.js is a production server in miniature: it takes its port from
// -p/--port (next start, vite preview) or PORT, and says how it was started.
const serverJS = `
const http = require("http");
const args = process.argv.slice(2);
let port = process.env.PORT, host = "127.0.0.1";
for (let i = 0; i < args.length; i++) {
  if (args[i] === "-p" || args[i] === "--port") port = args[++i];
  if (args[i] === "-H" || args[i] === "--host") host = args[++i];
}
const status = Number(process.env.STATUS || 200);
http.createServer((req, res) => {
  res.writeHead(req.url === "/" ? status : 404, {"content-type": "text/plain"});
  res.end("hello from " + req.url + " args=" + args.join(" ") + " env=" + process.env.NODE_ENV);
}).listen(Number(port), host, () => console.log("listening on " + host + ":" + port));
`

func requireNode(t *testing.T) {
	t.Helper()
	for _, p := range []string{"node", "npm"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s not installed: %v", p, err)
		}
	}
}

func newRunner(t *testing.T) sandbox.Runner {
	t.Helper()
	requireNode(t)
	r, err := sandbox.New(sandbox.Config{Kind: sandbox.KindDirect, Grace: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// app writes a built app: package.json with the start script, the
// server, an (empty) node_modules, and extra files.
func app(t *testing.T, start string, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"package.json":       fmt.Sprintf(`{"name":"tiny","private":true,"scripts":{"start":%q}}`, start),
		"server.js":          serverJS,
		"node_modules/.keep": "",
	}
	for p, c := range extra {
		files[p] = c
	}
	for p, c := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(url string) (int, string, error) {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}

func TestStartServeStop(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	cases := []struct {
		name  string
		extra map[string]string
		args  string
	}{
		{"next", nil, "-p %d -H 127.0.0.1"},
		{"vite", map[string]string{"vite.config.ts": "export default {}\n"}, "--port %d --host 127.0.0.1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := app(t, "node server.js", c.extra)
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			s, err := preview.Start(ctx, r, dir, preview.Options{Ready: time.Minute})
			if err != nil {
				t.Fatal(err)
			}
			stopped := false
			defer func() {
				if !stopped {
					if err := s.Stop(context.Background()); err != nil {
						t.Error(err)
					}
				}
			}()
			if !strings.HasPrefix(s.URL, "http://127.0.0.1:") {
				t.Errorf("URL %q", s.URL)
			}
			var port int
			if _, err := fmt.Sscanf(s.URL, "http://127.0.0.1:%d", &port); err != nil {
				t.Fatal(err)
			}
			code, body, err := get(s.URL + "/")
			if err != nil || code != 200 {
				t.Fatalf("GET /: %d %q %v", code, body, err)
			}
			want := "args=" + fmt.Sprintf(c.args, port) + " env=production"
			if !strings.HasSuffix(body, want) {
				t.Errorf("body %q, want it to end %q", body, want)
			}
			if code, _, _ := get(s.URL + "/tasks"); code != 404 {
				t.Errorf("GET /tasks: %d", code)
			}
			if !strings.Contains(s.Output(), "listening on 127.0.0.1") {
				t.Errorf("output %q", s.Output())
			}

			if err := s.Stop(ctx); err != nil {
				t.Fatal(err)
			}
			stopped = true
			if _, _, err := get(s.URL + "/"); err == nil {
				t.Error("the server still answers after Stop")
			}
			if err := s.Stop(ctx); err != nil {
				t.Errorf("second Stop: %v", err)
			}
		})
	}
}

func TestStartFixedPort(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	port := freePort(t)
	s, err := preview.Start(context.Background(), r, app(t, "node server.js", nil), preview.Options{Port: port})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Stop(context.Background()); err != nil {
			t.Error(err)
		}
	}()
	if s.URL != fmt.Sprintf("http://127.0.0.1:%d", port) {
		t.Errorf("URL %q, want port %d", s.URL, port)
	}
}

func TestStartFails(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	t.Run("exits at once", func(t *testing.T) {
		t.Parallel()
		dir := app(t, "node crash.js", map[string]string{
			"crash.js": "console.error('Error: Could not find a production build in the .next directory');\nprocess.exit(1);\n",
		})
		began := time.Now()
		_, err := preview.Start(context.Background(), r, dir, preview.Options{Ready: time.Minute})
		if err == nil {
			t.Fatal("Start succeeded")
		}
		if !strings.Contains(err.Error(), "Could not find a production build") || !strings.Contains(err.Error(), "exited") {
			t.Errorf("err %q, want the server's output and that it exited", err)
		}
		if time.Since(began) > 30*time.Second {
			t.Errorf("took %v to notice the server exited", time.Since(began))
		}
	})
	t.Run("never healthy", func(t *testing.T) {
		t.Parallel()
		port := freePort(t)
		dir := app(t, "STATUS=503 node server.js", nil)
		_, err := preview.Start(context.Background(), r, dir, preview.Options{Port: port, Ready: 10 * time.Second})
		if err == nil {
			t.Fatal("Start succeeded")
		}
		if !strings.Contains(err.Error(), "503") || !strings.Contains(err.Error(), "listening on") {
			t.Errorf("err %q, want the last status and the output", err)
		}
		// The server was stopped.
		deadline := time.Now().Add(10 * time.Second)
		for {
			c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
			if err != nil {
				break
			}
			c.Close()
			if time.Now().After(deadline) {
				t.Fatal("the unhealthy server was left running")
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := preview.Start(ctx, r, app(t, "node server.js", nil), preview.Options{}); err == nil {
			t.Fatal("Start succeeded with a cancelled context")
		}
	})
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

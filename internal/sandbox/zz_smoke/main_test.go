package sbx

import (
	"context"
	"os"
	"testing"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

func TestSmoke(t *testing.T) {
	dir := t.TempDir()
	os.Setenv("ANTHROPIC_API_KEY", "secret")
	for _, kind := range []string{"bubblewrap", "direct"} {
		r, err := sandbox.New(sandbox.Config{Kind: kind, Policy: sandbox.AllowPrograms("sh", "node")})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%+v", r.Capabilities())
		res, err := r.Run(context.Background(), sandbox.Spec{Argv: []string{"sh", "-c", "env; id; cat /proc/self/cgroup; ls -la /proc/self/fd; ls /; echo x > /usr/foo; echo y > ./f && cat f; exit 3"}, Dir: dir, Writable: []string{dir}})
		t.Logf("%s: %+v %v\n%s", kind, res, err, res.Tail)
	}
}

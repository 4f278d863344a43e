package sandbox_test

import (
	"log/slog"
	"testing"

	"github.com/nexusgen/nexusgen/internal/sandbox"
	"github.com/nexusgen/nexusgen/internal/sandbox/sandboxtest"
)

// testLogger sends a runner's log to t.Log.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(p))
	return len(p), nil
}

func TestBubblewrapConformance(t *testing.T) {
	requireBwrap(t)
	sandboxtest.Exercise(t, func(t *testing.T, cfg sandbox.Config) sandbox.Runner {
		cfg.Logger = testLogger(t)
		r, err := sandbox.NewBubblewrap(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return r
	})
}

func TestDirectConformance(t *testing.T) {
	sandboxtest.Exercise(t, func(t *testing.T, cfg sandbox.Config) sandbox.Runner {
		cfg.Logger = testLogger(t)
		r, err := sandbox.NewDirect(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return r
	})
}

// requireBwrap skips on hosts where bwrap cannot run (no user namespaces,
// not installed); CI runs as root with bwrap installed, so there it runs.
func requireBwrap(t testing.TB) {
	t.Helper()
	if _, err := sandbox.NewBubblewrap(sandbox.Config{}); err != nil {
		t.Skipf("bubblewrap unavailable: %v", err)
	}
}

// Without cgroups (a host where they are not writable) the runners still
// pass everything but the limits, which the suite skips by Capabilities.
func TestBubblewrapConformanceNoCgroups(t *testing.T) {
	requireBwrap(t)
	sandboxtest.Exercise(t, func(t *testing.T, cfg sandbox.Config) sandbox.Runner {
		cfg.Logger, cfg.DisableCgroups = testLogger(t), true
		r, err := sandbox.NewBubblewrap(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return r
	})
}

func TestDirectConformanceNoCgroups(t *testing.T) {
	sandboxtest.Exercise(t, func(t *testing.T, cfg sandbox.Config) sandbox.Runner {
		cfg.Logger, cfg.DisableCgroups = testLogger(t), true
		r, err := sandbox.NewDirect(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return r
	})
}

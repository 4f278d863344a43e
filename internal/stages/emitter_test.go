package stages

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// recorder is an event.Publisher that keeps what was published.
type recorder struct {
	mu     sync.Mutex
	events []event.Event
}

func (r *recorder) Publish(e event.Event) event.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
	return e
}

// logs returns the messages of log events from source.
func (r *recorder) logs(source event.Source, level event.Level) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, e := range r.events {
		if e.Kind == event.Log && e.Source == source && e.Level == level {
			out = append(out, e.Message)
		}
	}
	return out
}

// inStage runs fn as the intake stage of a run driven by an engine, so
// that the run publishes its events.
func inStage(t *testing.T, fn func(r *engine.Run)) *recorder {
	t.Helper()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	rec := &recorder{}
	e := &engine.Engine{
		Publisher: rec,
		Stages: map[engine.Stage]engine.StageRunner{
			engine.StageIntake: engine.StageFunc(func(ctx context.Context, r *engine.Run) (engine.Event, error) {
				fn(r)
				return engine.Abort, nil
			}),
		},
	}
	run := &engine.Run{ID: "run1", WS: ws, Report: report.New("run1", "p", "next", "offline", time.Now())}
	if _, err := e.Execute(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestLineEmitterSplitsLines(t *testing.T) {
	t.Parallel()
	rec := inStage(t, func(r *engine.Run) {
		l := &lineEmitter{run: r, source: event.Build}
		for _, chunk := range []string{"> next bu", "ild\n", "\n   \n", "▲ Next.js 16", ".0.0\r\nCreating an optimized", " production build ...\n", "✓ Compiled"} {
			n, err := l.Write([]byte(chunk))
			if n != len(chunk) || err != nil {
				t.Errorf("Write(%q) = %d, %v", chunk, n, err)
			}
		}
		l.Flush()
		l.Flush() // nothing left: no second event
	})
	want := []string{"> next build", "▲ Next.js 16.0.0", "Creating an optimized production build ...", "✓ Compiled"}
	if got := rec.logs(event.Build, event.Debug); !slices.Equal(got, want) {
		t.Errorf("lines %q\nwant %q", got, want)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, e := range rec.events {
		if e.Kind == event.Log && e.Level == event.Debug && e.Stage != string(engine.StageIntake) {
			t.Errorf("event %+v not from the running stage", e)
		}
	}
}

// A line with no end (a progress bar redrawn with \r) is emitted in pieces
// rather than held forever.
func TestLineEmitterLongLine(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("█", 5000) // 15000 bytes
	rec := inStage(t, func(r *engine.Run) {
		l := &lineEmitter{run: r, source: event.Test}
		for i := 0; i < len(long); i += 1500 {
			if _, err := l.Write([]byte(long[i : i+1500])); err != nil {
				t.Error(err)
			}
		}
		if _, err := l.Write([]byte("\nend")); err != nil {
			t.Error(err)
		}
		l.Flush()
	})
	got := rec.logs(event.Test, event.Debug)
	if len(got) != 3 || got[0]+got[1] != long || len(got[0]) > 8192+1500 || got[2] != "end" {
		t.Errorf("%d events of lengths %v", len(got), lengths(got))
	}
}

func lengths(ss []string) []int {
	var n []int
	for _, s := range ss {
		n = append(n, len(s))
	}
	return n
}

// Typecheck and lint write to one emitter at once: each line written
// whole comes out whole.
func TestLineEmitterConcurrentWriters(t *testing.T) {
	t.Parallel()
	const writers, lines = 8, 300
	rec := inStage(t, func(r *engine.Run) {
		l := &lineEmitter{run: r, source: event.Build}
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				rng := rand.New(rand.NewPCG(uint64(w), 1))
				var batch strings.Builder
				for i := range lines {
					fmt.Fprintf(&batch, "writer %d line %d %s\n", w, i, strings.Repeat("x", rng.IntN(200)))
					// Several whole lines per write, as a pipe read delivers them.
					if rng.IntN(3) == 0 || i == lines-1 {
						if _, err := l.Write([]byte(batch.String())); err != nil {
							t.Error(err)
						}
						batch.Reset()
					}
				}
			})
		}
		wg.Wait()
		l.Flush()
	})
	got := rec.logs(event.Build, event.Debug)
	if len(got) != writers*lines {
		t.Fatalf("%d lines, want %d", len(got), writers*lines)
	}
	whole := regexp.MustCompile(`^writer (\d+) line (\d+) x*$`)
	next := make([]int, writers)
	for _, line := range got {
		m := whole.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("mixed line %q", line)
		}
		w, _ := strconv.Atoi(m[1])
		i, _ := strconv.Atoi(m[2])
		if i != next[w] {
			t.Fatalf("writer %d: line %d after %d", w, i, next[w]-1)
		}
		next[w]++
	}
}

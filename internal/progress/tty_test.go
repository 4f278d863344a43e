package progress

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/nexusgen/nexusgen/internal/event"
)

// screen replays what the TTY display wrote the way a terminal does for
// the sequences it uses: text, newlines, cursor up (ESC[nA) and erase to
// the end of the screen (ESC[J). Colours are dropped.
func screen(t *testing.T, out string) []string {
	t.Helper()
	var lines []string
	row := 0
	csi := regexp.MustCompile(`^\x1b\[(\d*)([A-Za-z])`)
	for i := 0; i < len(out); {
		if m := csi.FindStringSubmatch(out[i:]); m != nil {
			i += len(m[0])
			switch m[2] {
			case "A":
				n, _ := strconv.Atoi(m[1])
				if n > row {
					t.Fatalf("cursor moved up %d lines from line %d", n, row)
				}
				row -= n
			case "J":
				lines = lines[:min(row, len(lines))]
			case "m":
			default:
				t.Fatalf("unexpected escape sequence %q", m[0])
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(out[i:])
		i += size
		for len(lines) <= row {
			lines = append(lines, "")
		}
		if r == '\n' {
			row++
			continue
		}
		lines[row] += string(r)
	}
	return lines
}

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func stageEvent(kind event.Kind, stage string, data any) event.Event {
	e := event.Event{Kind: kind, Level: event.Info, Stage: stage, Source: event.Source(stage), Message: stage}
	if data != nil {
		e.Data, _ = json.Marshal(data)
	}
	return e
}

func logEvent(level event.Level, stage, msg string, data any) event.Event {
	e := event.Event{Kind: event.Log, Level: level, Stage: stage, Source: event.Source(stage), Message: msg}
	if data != nil {
		e.Data, _ = json.Marshal(data)
	}
	return e
}

func TestTTY(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	clk := &clock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	tty := &TTY{W: &out, Width: 80, Now: clk.Now}

	tty.Show(stageEvent(event.StageStarted, "intake", nil))
	s := screen(t, out.String())
	if len(s) != 1 || !strings.Contains(s[0], "intake") || !strings.Contains(s[0], "0.0s") {
		t.Fatalf("after intake started: %q", s)
	}
	clk.advance(1500 * time.Millisecond)
	tty.Show(stageEvent(event.StageFinished, "intake", event.StageData{OK: true, DurationMS: 1500}))
	tty.Show(stageEvent(event.StageStarted, "build", nil))
	s = screen(t, out.String())
	if len(s) != 2 || !strings.HasPrefix(s[0], " ✓ intake") || !strings.HasSuffix(s[0], "1.5s") {
		t.Fatalf("after intake finished: %q", s)
	}
	if !strings.Contains(s[1], "build") || !strings.Contains(s[1], "["+strings.Repeat("░", 16)+"]") {
		t.Fatalf("build row without an empty bar: %q", s[1])
	}

	// Each finished build step fills a quarter of the bar.
	tty.Show(logEvent(event.Info, "build", "install ok (from the shared cache) in 0.9s", nil))
	s = screen(t, out.String())
	if !strings.Contains(s[1], "["+strings.Repeat("█", 4)+strings.Repeat("░", 12)+"]") || !strings.Contains(s[1], "install ok") {
		t.Fatalf("build row after install: %q", s[1])
	}

	// A warning stays above the live rows.
	tty.Show(logEvent(event.Warn, "build", "lint found 3 problems", nil))
	tty.Show(logEvent(event.Debug, "build", "> eslint .", nil))
	s = screen(t, out.String())
	if len(s) != 3 || s[0] != "[build]   warning: lint found 3 problems" {
		t.Fatalf("after a warning: %q", s)
	}
	if strings.Contains(s[2], "eslint .") {
		t.Errorf("a debug line became the detail: %q", s[2])
	}

	clk.advance(2 * time.Second)
	tty.Show(stageEvent(event.StageFinished, "build", event.StageData{OK: false, DurationMS: 2000, Detail: "typecheck failed"}))
	s = screen(t, out.String())
	if len(s) != 3 || !strings.HasPrefix(s[2], " ✗ build") || !strings.Contains(s[2], "typecheck failed") || !strings.HasSuffix(s[2], "2.0s") {
		t.Fatalf("after build failed: %q", s)
	}
	// The warning line is still the first, and the live rows are exactly one screen width wide.
	for _, l := range s[1:] {
		if n := utf8.RuneCountInString(l); n != tty.Width-1 {
			t.Errorf("row %q is %d wide, want %d", l, n, tty.Width-1)
		}
	}
	if strings.Contains(out.String(), "\x1b[0A") {
		t.Error("cursor moved up by zero lines")
	}
}

func TestTTYProgressAndLongDetails(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	tty := &TTY{W: &out, Width: 60, Now: (&clock{}).Now}
	tty.Show(stageEvent(event.StageStarted, "coder", nil))
	tty.Show(logEvent(event.Debug, "coder", "", event.ProgressData{Done: 3, Total: 12}))
	tty.Show(logEvent(event.Info, "coder", "wrote app/tasks/[id]/edit/page.tsx and "+strings.Repeat("ünïcödé ", 20)+"\nsecond line", nil))
	s := screen(t, out.String())
	if len(s) != 1 {
		t.Fatalf("screen %q", s)
	}
	if !strings.Contains(s[0], "["+strings.Repeat("█", 4)+strings.Repeat("░", 12)+"]") {
		t.Errorf("3 of 12 not shown: %q", s[0])
	}
	if n := utf8.RuneCountInString(s[0]); n != 59 || !strings.Contains(s[0], "…") {
		t.Errorf("long detail not cut to the width: %q (%d)", s[0], n)
	}
	// Events of a stage that never started do not crash or draw.
	tty.Show(stageEvent(event.StageFinished, "deploy", event.StageData{OK: true}))
	tty.Show(logEvent(event.Info, "deploy", "pushed", nil))
	if s := screen(t, out.String()); len(s) != 1 {
		t.Errorf("screen %q", s)
	}
}

func TestTTYAboveLines(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	tty := &TTY{W: &out, Width: 80, Now: (&clock{}).Now}
	tty.Show(stageEvent(event.StageStarted, "heal", nil))
	tty.Show(event.Event{Kind: event.HealAttempt, Level: event.Info, Stage: "heal", Source: event.Heal, Message: "#1 TYPE missing_property via rule"})
	tty.Show(event.Event{Kind: event.ReviewFinding, Level: event.Info, Stage: "reviewer", Source: event.Reviewer, Message: "app/page.tsx:3 <img> without alt text"})
	tty.Show(event.Event{Kind: event.Error, Level: event.Warn, Stage: "build", Source: event.Build, Message: "lib/a.ts:1 TS2304"})
	tty.Show(event.Event{Kind: event.Status, Level: event.Err, Source: event.System, Message: "failed: no valid plan"})
	tty.Show(event.Event{Kind: event.Status, Level: event.Info, Source: event.System, Message: "idle → planning"})
	want := []string{
		"[heal]    #1 TYPE missing_property via rule",
		"[build]   warning: lib/a.ts:1 TS2304",
		"[system]  failed: no valid plan",
	}
	s := screen(t, out.String())
	if len(s) != len(want)+1 || strings.Join(s[:len(want)], "\n") != strings.Join(want, "\n") || !strings.Contains(s[len(want)], "heal") {
		t.Errorf("screen:\n%s\nwant above the row:\n%s", strings.Join(s, "\n"), strings.Join(want, "\n"))
	}
}

// Run animates until the channel closes; events and ticks may race.
func TestTTYRun(t *testing.T) {
	t.Parallel()
	var out safeBuffer
	tty := &TTY{W: &out}
	ch := make(chan event.Event)
	done := make(chan struct{})
	go func() {
		tty.Run(ch)
		close(done)
	}()
	ch <- stageEvent(event.StageStarted, "architect", nil)
	time.Sleep(300 * time.Millisecond) // a few animation frames
	ch <- stageEvent(event.StageFinished, "architect", event.StageData{OK: true, DurationMS: 10})
	close(ch)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after the channel closed")
	}
	s := screen(t, out.String())
	if len(s) != 1 || !strings.HasPrefix(s[0], " ✓ architect") {
		t.Errorf("screen %q", s)
	}
	if n := utf8.RuneCountInString(s[0]); n != 99 {
		t.Errorf("default width: row is %d wide, want 99", n)
	}
}

type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestVisibleLen(t *testing.T) {
	t.Parallel()
	cases := map[string]int{
		"":                          0,
		"plain":                     5,
		"héllo ✓":                   7,
		"\x1b[32m✓\x1b[0m":          1,
		"\x1b[2mdetail\x1b[0m tail": 11,
		" \x1b[31m✗\x1b[0m build [██░░] ": 16,
	}
	for s, want := range cases {
		if got := visibleLen(s); got != want {
			t.Errorf("visibleLen(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abc", 3, "abc"},
		{"abcdef", 4, "abc…"},
		{"a\nb", 5, "a b"},
		{"héllo wörld", 6, "héllo…"},
		{"任务列表应用", 3, "任务…"},
		{"abc", 1, "…"},
		{"", 0, ""},
	}
	for _, c := range cases {
		if got := truncate(c.s, c.n); got != c.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
		if got := truncate(c.s, c.n); c.n > 0 && utf8.RuneCountInString(got) > c.n {
			t.Errorf("truncate(%q, %d) = %q is longer than %d", c.s, c.n, got, c.n)
		}
	}
}

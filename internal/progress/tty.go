package progress

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/nexusgen/nexusgen/internal/event"
)

// TTY draws one live line per stage — spinner, progress bar, latest detail,
// elapsed time — redrawn in place; warnings and errors scroll above it.
type TTY struct {
	W     io.Writer
	Width int
	Now   func() time.Time

	mu     sync.Mutex
	rows   []*row
	byName map[string]*row
	drawn  int
	frame  int
}

type row struct {
	name        string
	started     time.Time
	finished    bool
	ok          bool
	duration    time.Duration
	detail      string
	done, total int
}

var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// buildSteps is how many steps the build reports (install, typecheck, lint, build).
const buildSteps = 4

// Run shows events until ch closes, animating while it waits.
func (t *TTY) Run(ch <-chan event.Event) {
	if t.Now == nil {
		t.Now = time.Now
	}
	switch {
	case t.Width <= 0:
		t.Width = 100
	case t.Width < 60:
		t.Width = 60 // rows narrower than this cannot show a bar and a time
	}
	tick := time.NewTicker(120 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case e, ok := <-ch:
			if !ok {
				t.mu.Lock()
				t.redraw()
				t.mu.Unlock()
				return
			}
			t.Show(e)
		case <-tick.C:
			t.mu.Lock()
			t.frame++
			t.redraw()
			t.mu.Unlock()
		}
	}
}

// Show applies one event and redraws.
func (t *TTY) Show(e event.Event) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byName == nil {
		t.byName = map[string]*row{}
	}
	if t.Now == nil {
		t.Now = time.Now
	}
	r := t.byName[e.Stage]
	switch e.Kind {
	case event.StageStarted:
		if r == nil {
			r = &row{name: e.Stage}
			t.byName[e.Stage] = r
			t.rows = append(t.rows, r)
		}
		r.started, r.finished, r.detail = t.Now(), false, ""
		if e.Stage == "build" {
			r.done, r.total = 0, buildSteps
		}
	case event.StageFinished:
		if r != nil {
			d := stageData(e)
			r.finished, r.ok = true, d.OK
			r.duration += time.Duration(d.DurationMS) * time.Millisecond
			if r.total > 0 && d.OK {
				r.done = r.total
			}
			if d.Detail != "" {
				r.detail = d.Detail
			}
		}
	case event.Log:
		var p event.ProgressData
		if r != nil && json.Unmarshal(e.Data, &p) == nil && p.Total > 0 {
			r.done, r.total = p.Done, p.Total
		}
		if r != nil && e.Stage == "build" && strings.Contains(e.Message, " in ") {
			r.done = min(r.done+1, buildSteps)
		}
		if r != nil && e.Level != event.Debug && e.Message != "" {
			r.detail = e.Message
		}
		if e.Level == event.Warn || e.Level == event.Err {
			t.above(describe(e, false))
		}
	case event.Error, event.HealAttempt, event.ReviewFinding:
		if e.Level == event.Warn || e.Level == event.Err || e.Kind == event.HealAttempt {
			t.above(describe(e, false))
		}
	case event.Status:
		if e.Level == event.Err {
			t.above(describe(e, false))
		}
	}
	t.redraw()
}

// above prints a permanent line above the live block.
func (t *TTY) above(line string) {
	if line == "" {
		return
	}
	t.clear()
	fmt.Fprintf(t.W, "%s\n", truncate(line, t.Width*3))
}

func (t *TTY) clear() {
	if t.drawn > 0 {
		fmt.Fprintf(t.W, "\x1b[%dA\x1b[J", t.drawn)
		t.drawn = 0
	}
}

func (t *TTY) redraw() {
	t.clear()
	var b strings.Builder
	for _, r := range t.rows {
		b.WriteString(t.line(r))
		b.WriteByte('\n')
	}
	// A display has nowhere to report a failed write; the run goes on.
	_, _ = io.WriteString(t.W, b.String())
	t.drawn = len(t.rows)
}

func (t *TTY) line(r *row) string {
	mark := spinner[t.frame%len(spinner)]
	elapsed := t.Now().Sub(r.started) + r.duration
	if r.finished {
		mark, elapsed = "\x1b[32m✓\x1b[0m", r.duration
		if !r.ok {
			mark = "\x1b[31m✗\x1b[0m"
		}
	}
	bar := ""
	if r.total > 0 {
		const width = 16
		filled := width * r.done / r.total
		bar = "[" + strings.Repeat("█", filled) + strings.Repeat("░", width-filled) + "] "
	}
	head := fmt.Sprintf(" %s %-9s %s", mark, r.name, bar)
	tail := fmt.Sprintf(" %5.1fs", elapsed.Seconds())
	room := t.Width - visibleLen(head) - len(tail) - 1
	detail := truncate(r.detail, max(room, 0))
	pad := max(room-len([]rune(detail)), 0)
	return head + "\x1b[2m" + detail + "\x1b[0m" + strings.Repeat(" ", pad) + tail
}

// visibleLen counts runes outside ANSI escape sequences.
func visibleLen(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case r == '\x1b':
			esc = true
		case esc && r == 'm':
			esc = false
		case !esc:
			n++
		}
	}
	return n
}

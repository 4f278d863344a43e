// Package progress shows a run's events to a person or a program: live
// per-stage progress bars on a terminal, plain lines otherwise, JSON lines
// for machines, and the events.jsonl log kept beside every app.
package progress

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/nexusgen/nexusgen/internal/event"
)

// Consume reads events until the channel closes, handing each to show.
func Consume(ch <-chan event.Event, show func(event.Event)) {
	for e := range ch {
		show(e)
	}
}

// JSONLines writes each event as one JSON line.
type JSONLines struct {
	W io.Writer
	// MinLevel drops events below it ("" keeps all).
	MinLevel event.Level
}

// Show writes one event.
func (j *JSONLines) Show(e event.Event) {
	if !atLeast(e.Level, j.MinLevel) {
		return
	}
	data, err := json.Marshal(e)
	if err != nil {
		return
	}
	// A display has nowhere to report a failed write; the run goes on.
	_, _ = j.W.Write(append(data, '\n'))
}

// Plain writes human-readable lines: stage starts and ends, info logs,
// warnings and errors. Debug output (tool logs, files) is left out.
type Plain struct {
	W       io.Writer
	Verbose bool
}

// Show writes one event.
func (p *Plain) Show(e event.Event) {
	if line := describe(e, p.Verbose); line != "" {
		fmt.Fprintln(p.W, line)
	}
}

func describe(e event.Event, verbose bool) string {
	tag := fmt.Sprintf("%-9s", "["+string(e.Source)+"]")
	switch e.Kind {
	case event.StageStarted:
		return ""
	case event.StageFinished:
		d := stageData(e)
		mark := "done"
		if !d.OK {
			mark = "FAILED"
		}
		if d.Detail != "" {
			mark += ": " + d.Detail
		}
		return fmt.Sprintf("%s %s %s (%s)", tag, e.Message, mark, seconds(d.DurationMS))
	case event.Status:
		var d event.StatusData
		if json.Unmarshal(e.Data, &d) == nil && d.To != "" {
			if !verbose {
				return ""
			}
			return fmt.Sprintf("%s %s", tag, e.Message)
		}
		return fmt.Sprintf("%s %s", tag, e.Message)
	case event.Token, event.FileWritten:
		if verbose {
			return fmt.Sprintf("%s %s", tag, e.Message)
		}
		return ""
	}
	if e.Level == event.Debug && !verbose || e.Message == "" {
		return ""
	}
	prefix := ""
	switch e.Level {
	case event.Warn:
		prefix = "warning: "
	case event.Err:
		prefix = "error: "
	}
	return fmt.Sprintf("%s %s%s", tag, prefix, e.Message)
}

// stageData reads a StageFinished event's data. When it cannot be read, the
// outcome comes from the event's level alone (the engine reports a failed
// stage at Err).
func stageData(e event.Event) event.StageData {
	var d event.StageData
	if err := json.Unmarshal(e.Data, &d); err != nil {
		return event.StageData{OK: e.Level != event.Err}
	}
	return d
}

func seconds(ms int64) string {
	return fmt.Sprintf("%.1fs", float64(ms)/1000)
}

var order = map[event.Level]int{event.Debug: 0, event.Info: 1, event.Warn: 2, event.Err: 3}

func atLeast(l, min event.Level) bool {
	return min == "" || order[l] >= order[min]
}

// truncate shortens s to n runes with an ellipsis.
func truncate(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n <= 1 {
		return "…"
	}
	return string(r[:n-1]) + "…"
}

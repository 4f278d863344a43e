package progress_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/progress"
)

func ev(kind event.Kind, level event.Level, src event.Source, msg string, data any) event.Event {
	e := event.Event{Kind: kind, Level: level, Source: src, Stage: string(src), Message: msg,
		RunID: "r1", Time: time.Date(2026, 11, 25, 16, 2, 11, 0, time.UTC)}
	if data != nil {
		raw, err := json.Marshal(data)
		if err != nil {
			panic(err)
		}
		e.Data = raw
	}
	return e
}

func TestPlain(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		e       event.Event
		quiet   string // the line without Verbose ("" shows nothing)
		verbose string // with Verbose
	}{
		{"stage started", ev(event.StageStarted, event.Info, event.Build, "build", nil), "", ""},
		{"stage finished",
			ev(event.StageFinished, event.Info, event.Architect, "architect", event.StageData{OK: true, DurationMS: 1234}),
			"[architect] architect done (1.2s)", "[architect] architect done (1.2s)"},
		{"stage failed with detail",
			ev(event.StageFinished, event.Err, event.Build, "build", event.StageData{OK: false, DurationMS: 500, Detail: "sandbox: denied"}),
			"[build]   build FAILED: sandbox: denied (0.5s)", "[build]   build FAILED: sandbox: denied (0.5s)"},
		{"stage finished, unreadable data: the level tells",
			ev(event.StageFinished, event.Info, event.Deploy, "deploy", "not stage data"),
			"[deploy]  deploy done (0.0s)", "[deploy]  deploy done (0.0s)"},
		{"stage failed, unreadable data: the level tells",
			ev(event.StageFinished, event.Err, event.Deploy, "deploy", "not stage data"),
			"[deploy]  deploy FAILED (0.0s)", "[deploy]  deploy FAILED (0.0s)"},
		{"info log", ev(event.Log, event.Info, event.Build, "install ok in 1.2s", nil),
			"[build]   install ok in 1.2s", "[build]   install ok in 1.2s"},
		{"warning", ev(event.Log, event.Warn, event.Build, "lint found 3 problems", nil),
			"[build]   warning: lint found 3 problems", "[build]   warning: lint found 3 problems"},
		{"error", ev(event.Error, event.Err, event.Heal, "gave up", nil),
			"[heal]    error: gave up", "[heal]    error: gave up"},
		{"debug", ev(event.Log, event.Debug, event.Build, "> next build", nil), "", "[build]   > next build"},
		{"file written", ev(event.FileWritten, event.Debug, event.Coder, "app/page.tsx", event.FileData{Path: "app/page.tsx", Bytes: 10}),
			"", "[coder]   app/page.tsx"},
		{"token", ev(event.Token, event.Debug, event.Coder, "func", nil), "", "[coder]   func"},
		{"transition", ev(event.Status, event.Info, event.System, "idle → planning", event.StatusData{From: "idle", To: "planning", Event: "receive_prompt"}),
			"", "[system]  idle → planning"},
		{"final status", ev(event.Status, event.Err, event.System, "failed: no valid plan", map[string]string{"status": "failed"}),
			"[system]  failed: no valid plan", "[system]  failed: no valid plan"},
		{"empty message", ev(event.Log, event.Info, event.Build, "", event.ProgressData{Done: 1, Total: 4}), "", ""},
	}
	for _, c := range cases {
		for _, verbose := range []bool{false, true} {
			var b bytes.Buffer
			(&progress.Plain{W: &b, Verbose: verbose}).Show(c.e)
			want := c.quiet
			if verbose {
				want = c.verbose
			}
			if want != "" {
				want += "\n"
			}
			if b.String() != want {
				t.Errorf("%s (verbose %v): %q, want %q", c.name, verbose, b.String(), want)
			}
		}
	}
}

func TestJSONLines(t *testing.T) {
	t.Parallel()
	events := []event.Event{
		ev(event.StageStarted, event.Info, event.Build, "build", nil),
		ev(event.Log, event.Debug, event.Build, "line with \"quotes\"\nand a newline", nil),
		ev(event.Log, event.Warn, event.Build, "lint: 3 problems", event.ProgressData{Done: 2, Total: 4}),
		ev(event.Error, event.Err, event.Build, "lib/a.ts:1 TS2304", map[string]any{"file": "lib/a.ts", "line": 1}),
		ev(event.Token, event.Debug, event.Coder, "<div>", nil),
	}
	for i := range events {
		events[i].Seq = int64(i + 1)
	}
	for _, min := range []event.Level{"", event.Debug, event.Info, event.Warn, event.Err} {
		var b bytes.Buffer
		j := &progress.JSONLines{W: &b, MinLevel: min}
		for _, e := range events {
			j.Show(e)
		}
		var want []event.Event
		for _, e := range events {
			if rank(e.Level) >= rank(min) {
				want = append(want, e)
			}
		}
		var got []event.Event
		sc := bufio.NewScanner(&b)
		for sc.Scan() {
			var e event.Event
			dec := json.NewDecoder(strings.NewReader(sc.Text()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&e); err != nil {
				t.Fatalf("min %q: line %q is not one event: %v", min, sc.Text(), err)
			}
			if dec.More() {
				t.Fatalf("min %q: more than one value on line %q", min, sc.Text())
			}
			got = append(got, e)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("min %q: got %d events, want %d:\n%+v", min, len(got), len(want), got)
		}
	}
}

func rank(l event.Level) int {
	return map[event.Level]int{"": 0, event.Debug: 0, event.Info: 1, event.Warn: 2, event.Err: 3}[l]
}

func TestConsume(t *testing.T) {
	t.Parallel()
	ch := make(chan event.Event)
	var got []string
	done := make(chan struct{})
	go func() {
		progress.Consume(ch, func(e event.Event) { got = append(got, e.Message) })
		close(done)
	}()
	for _, m := range []string{"one", "two", "three"} {
		ch <- event.Event{Message: m}
	}
	close(ch)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Consume did not return after the channel closed")
	}
	if strings.Join(got, ",") != "one,two,three" {
		t.Errorf("got %q", got)
	}
}

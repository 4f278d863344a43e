package stages

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// Tester runs a built project's tests.
type Tester interface {
	Test(ctx context.Context, dir string, out io.Writer) (build.TestOutcome, error)
}

// Healer repairs a failing project.
type Healer interface {
	Heal(ctx context.Context, r *engine.Run) (HealOutcome, error)
}

// HealObserver is implemented by healers that learn from outcomes: when a
// build or a test run passes, the fixes applied since the last failure
// worked, and the project is a version worth going back to.
type HealObserver interface {
	Passed(ctx context.Context, r *engine.Run, stage engine.Stage)
}

// HealOutcome says what the healer did and what the machine should do next.
// Attempts are the fixes just applied; their OK field is settled by the
// healer when the next build or test run tells.
type HealOutcome struct {
	// Event is FixGenerated, ResourceScaled, MaxRetriesExceeded or UnknownError.
	Event    engine.Event
	Attempts []report.Attempt
	// Changed lists the files the fix touched.
	Changed    []string
	Escalation *report.Escalation
}

func (s *set) build(ctx context.Context, r *engine.Run) (engine.Event, error) {
	out := &lineEmitter{run: r, source: event.Build}
	defer out.Flush()
	res, err := s.Builder.Build(ctx, build.Params{
		Dir:    r.WS.Dir(),
		Output: out,
		OnStep: func(st report.Step, done bool) {
			if !done {
				r.Logf(event.Build, "%s…", st.Name)
				return
			}
			status := "ok"
			switch {
			case st.Cached:
				status = "ok (from the shared cache)"
			case !st.OK:
				status = fmt.Sprintf("failed (exit %d)", st.ExitCode)
			}
			r.Emit(event.Log, levelFor(st.OK), event.Build, fmt.Sprintf("%s %s in %.1fs", st.Name, status, float64(st.DurationMS)/1000), st)
		},
	})
	r.Report.Build = report.Build{OK: res.OK, Steps: res.Steps, Errors: res.Diagnostics}
	if r.Report.Build.Errors == nil {
		r.Report.Build.Errors = []diag.Diagnostic{}
	}
	if err != nil {
		return "", err
	}
	for _, d := range res.Diagnostics {
		r.Emit(event.Error, event.Warn, event.Build, formatDiag(d), d)
	}
	if res.OK {
		s.passed(ctx, r, engine.StageBuild)
		return engine.BuildSuccess, nil
	}
	r.Failing = res.Diagnostics
	r.FailedStage = engine.StageBuild
	return engine.BuildFailed, nil
}

func (s *set) heal(ctx context.Context, r *engine.Run) (engine.Event, error) {
	if s.Healer == nil {
		r.Report.Heal.Escalation = &report.Escalation{
			Summary: "the " + string(r.FailedStage) + " failed and no healer is configured",
			Failing: r.Failing,
		}
		r.Report.Reason = r.Report.Heal.Escalation.Summary
		return engine.UnknownError, nil
	}
	res, err := s.Healer.Heal(ctx, r)
	if err != nil {
		return "", err
	}
	r.Report.Heal.Attempts = append(r.Report.Heal.Attempts, res.Attempts...)
	var healed []string
	for _, a := range res.Attempts {
		r.Emit(event.HealAttempt, event.Info, event.Heal, fmt.Sprintf("#%d %s %s via %s (%s): applied to %s", a.N, a.Category, a.Subclass, a.Source, a.Fixer, strings.Join(a.Files, ", ")), a)
		healed = append(healed, a.Files...)
	}
	if err := recordHealed(r, healed); err != nil {
		r.Logf(event.Heal, "warning: manifest not updated: %v", err)
	}
	if res.Escalation != nil {
		r.Report.Heal.Escalation = res.Escalation
		r.Report.Reason = res.Escalation.Summary
	}
	r.Changed = res.Changed
	return res.Event, nil
}

func (s *set) test(ctx context.Context, r *engine.Run) (engine.Event, error) {
	if s.Tester == nil {
		r.Logf(event.Test, "no test runner configured")
		return engine.TestsPass, nil
	}
	out := &lineEmitter{run: r, source: event.Test}
	defer out.Flush()
	res, err := s.Tester.Test(ctx, r.WS.Dir(), out)
	if err != nil {
		return "", err
	}
	r.Report.Tests = report.Tests{Ran: res.Ran, Passed: res.Passed, Failed: res.Failed, Skipped: res.Skipped}
	if !res.Ran {
		r.Logf(event.Test, "the project has no tests")
		return engine.TestsPass, nil
	}
	r.Logf(event.Test, "%d passed, %d failed, %d skipped", res.Passed, res.Failed, res.Skipped)
	if res.Failed > 0 || len(res.Diagnostics) > 0 {
		r.Failing = res.Diagnostics
		r.FailedStage = engine.StageTest
		return engine.TestsFail, nil
	}
	s.passed(ctx, r, engine.StageTest)
	return engine.TestsPass, nil
}

// preview: the command line writes the app to a folder; serving it is
// `nexusgen preview DIR` or the server's job.
func (s *set) preview(ctx context.Context, r *engine.Run) (engine.Event, error) {
	r.Logf(event.Preview, "the app is ready in %s", r.WS.Dir())
	return engine.PreviewDeployed, nil
}

// deploy: with no deployment target configured there is nothing to push.
func (s *set) deploy(ctx context.Context, r *engine.Run) (engine.Event, error) {
	r.Logf(event.Deploy, "no deployment target configured; the app stays in %s", r.WS.Dir())
	return engine.DeploySuccess, nil
}

func formatDiag(d diag.Diagnostic) string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Column > 0 {
				fmt.Fprintf(&b, ":%d", d.Column)
			}
		}
		b.WriteString(": ")
	}
	if d.Code != "" {
		b.WriteString(d.Code + " ")
	}
	b.WriteString(d.Message)
	return b.String()
}

func levelFor(ok bool) event.Level {
	if ok {
		return event.Info
	}
	return event.Warn
}

// passed tells an observing healer that a stage passed.
func (s *set) passed(ctx context.Context, r *engine.Run, st engine.Stage) {
	if o, ok := s.Healer.(HealObserver); ok {
		o.Passed(ctx, r, st)
	}
}

// lineEmitter turns a process's output into debug log events, one per line.
// It is safe for concurrent writers (typecheck and lint share it).
type lineEmitter struct {
	run    *engine.Run
	source event.Source
	mu     sync.Mutex
	buf    []byte
}

func (l *lineEmitter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf, p...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 {
			break
		}
		l.line(string(l.buf[:i]))
		l.buf = l.buf[i+1:]
	}
	if len(l.buf) > 8192 {
		l.line(string(l.buf))
		l.buf = l.buf[:0]
	}
	return len(p), nil
}

func (l *lineEmitter) Flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.buf) > 0 {
		l.line(string(l.buf))
		l.buf = nil
	}
}

func (l *lineEmitter) line(s string) {
	s = strings.TrimRight(s, "\r")
	if strings.TrimSpace(s) == "" {
		return
	}
	l.run.Emit(event.Log, event.Debug, l.source, s, nil)
}

// recordHealed updates the manifest for the files the healer wrote: they
// are the engine's work, not a person's, so a later edit may rewrite them.
// A project the engine did not write (no manifest) is left without one.
func recordHealed(r *engine.Run, files []string) error {
	if r.WS == nil || len(files) == 0 || !r.WS.Exists(workspace.ManifestPath) {
		return nil
	}
	m, err := r.WS.ReadManifest()
	if err != nil {
		return err
	}
	for _, p := range files {
		data, err := r.WS.ReadFile(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			delete(m.Files, p)
		case err != nil:
			return err
		default:
			m.Files[p] = workspace.Hash(data)
		}
	}
	return r.WS.WriteManifest(m)
}

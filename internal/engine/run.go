package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// Request is what a user asked for.
type Request struct {
	Prompt string
	// Attachments are files given with the prompt (logo, screenshots, documents).
	Attachments []string
	Target      string
	Provider    string
	Model       string
}

// Run is the state of one run, shared by its stages.
type Run struct {
	ID        string
	ProjectID string
	Request   Request
	WS        *workspace.Workspace
	Report    *report.Report
	PRD       *prd.PRD
	// Documents and Colours are what intake extracted from attachments.
	Documents []string
	Colours   []string
	// Failing holds the diagnostics of the last failed build or test, for the healer.
	Failing []diag.Diagnostic
	// FailedStage is the stage that produced Failing (build or test).
	FailedStage Stage
	// Changed lists the files the last coder or fix wrote, for the reviewer.
	Changed []string
	// From and Via start the machine somewhere other than Idle: `heal`
	// starts at Coding with CodeComplete (straight to the build); `edit`
	// at Planning with PlanApproved, its coder writing the planned change.
	// Zero means Idle + ReceivePrompt.
	From State
	Via  Event

	stage     Stage
	publisher event.Publisher
}

// Emit publishes an event from the current stage. A run outside an engine
// (a stage runner under test) has nowhere to publish and drops it.
func (r *Run) Emit(kind event.Kind, level event.Level, source event.Source, msg string, data any) {
	if r.publisher == nil {
		return
	}
	e := event.Event{
		RunID: r.ID, ProjectID: r.ProjectID, Stage: string(r.stage),
		Kind: kind, Level: level, Source: source, Message: msg,
	}
	if data != nil {
		if raw, err := json.Marshal(data); err == nil {
			e.Data = raw
		}
	}
	r.publisher.Publish(e)
}

// Logf publishes an info log line from the current stage.
func (r *Run) Logf(source event.Source, format string, args ...any) {
	r.Emit(event.Log, event.Info, source, fmt.Sprintf(format, args...), nil)
}

// StageRunner does the work of one stage and reports the event that moves
// the machine on; the empty event means "go on with the next stage of the
// same command".
type StageRunner interface {
	Run(ctx context.Context, r *Run) (Event, error)
}

// StageFunc adapts a function to StageRunner.
type StageFunc func(ctx context.Context, r *Run) (Event, error)

// Run calls f.
func (f StageFunc) Run(ctx context.Context, r *Run) (Event, error) { return f(ctx, r) }

// Engine drives runs through the state machine.
type Engine struct {
	Stages    map[Stage]StageRunner
	Publisher event.Publisher
	Log       *slog.Logger
	Now       func() time.Time
	// MaxTransitions bounds a run; the healer's own limits end runs far sooner.
	MaxTransitions int
}

// ReportPath is where a run's report lives in its workspace.
func ReportPath(ws *workspace.Workspace) string {
	return filepath.Join(ws.Dir(), ".nexusgen", "report.json")
}

// Execute runs the loop from Idle until a terminal state, writing the
// report after every transition. The returned report is final; the error
// is only for failures to record it.
func (e *Engine) Execute(ctx context.Context, r *Run) (*report.Report, error) {
	now := e.Now
	if now == nil {
		now = time.Now
	}
	limit := e.MaxTransitions
	if limit == 0 {
		limit = 200
	}
	r.publisher = e.Publisher
	state, ev := Idle, ReceivePrompt
	if r.From != "" {
		state, ev = r.From, r.Via
	}
	r.Report.State = string(state)
	if err := r.Report.Write(ReportPath(r.WS)); err != nil {
		return r.Report, fmt.Errorf("write report: %w", err)
	}
	for i := 0; ; i++ {
		if i >= limit {
			ev = Abort
			r.Report.Reason = fmt.Sprintf("the run made %d transitions without finishing", limit)
		}
		next, cmd, err := Transition(state, ev)
		if err != nil {
			// A stage reported an event its state does not accept: a bug, not user input.
			next, cmd, _ = Transition(state, Abort)
			r.Report.Reason = err.Error()
		}
		r.stage = ""
		r.Emit(event.Status, event.Info, event.System, fmt.Sprintf("%s → %s", state, next),
			event.StatusData{From: string(state), To: string(next), Event: string(ev)})
		state = next
		r.Report.State = string(state)
		if cmd.Finish {
			return e.finish(r, state, now)
		}
		ev = ""
		for _, st := range cmd.Run {
			ev = e.runStage(ctx, r, st, now)
			if ev != "" {
				break
			}
		}
		if ev == "" {
			ev = Abort
			r.Report.Reason = fmt.Sprintf("stage %s reported no outcome", cmd.Run[len(cmd.Run)-1])
		}
		if err := r.Report.Write(ReportPath(r.WS)); err != nil {
			e.log().Warn("write report", "err", err)
		}
	}
}

func (e *Engine) runStage(ctx context.Context, r *Run, st Stage, now func() time.Time) Event {
	runner, ok := e.Stages[st]
	if !ok {
		return Abort
	}
	if ctx.Err() != nil {
		return Cancel
	}
	r.stage = st
	start := now()
	r.Emit(event.StageStarted, event.Info, sourceOf(st), string(st), nil)
	ev, err := runner.Run(ctx, r)
	ms := now().Sub(start).Milliseconds()
	r.Report.TimingsMS[string(st)] += ms
	ok = err == nil && ev != Abort
	data := event.StageData{OK: ok, DurationMS: ms}
	switch {
	case err != nil && ctx.Err() != nil:
		ev = Cancel
		data.Detail = "cancelled"
	case err != nil:
		ev = Abort
		data.Detail = err.Error()
		if r.Report.Reason == "" {
			r.Report.Reason = fmt.Sprintf("%s: %v", st, err)
		}
		r.Emit(event.Error, event.Err, sourceOf(st), err.Error(), nil)
	}
	r.Emit(event.StageFinished, levelOf(ok), sourceOf(st), string(st), data)
	return ev
}

func (e *Engine) finish(r *Run, state State, now func() time.Time) (*report.Report, error) {
	rep := r.Report
	switch state {
	case Complete:
		rep.Status = report.Complete
	case Escalated:
		rep.Status = report.Escalated
	case Cancelled:
		rep.Status = report.Cancelled
		if rep.Reason == "" {
			rep.Reason = "cancelled by the user"
		}
	default:
		rep.Status = report.Failed
	}
	rep.EndedAt = now().UTC()
	rep.TotalMS = rep.EndedAt.Sub(rep.StartedAt).Milliseconds()
	r.stage = ""
	level := event.Info
	if rep.Status != report.Complete {
		level = event.Err
	}
	msg := string(rep.Status)
	if rep.Reason != "" {
		msg += ": " + rep.Reason
	}
	r.Emit(event.Status, level, event.System, msg, map[string]string{"status": string(rep.Status)})
	// The report is written even when the run was cancelled: use a context
	// that is not, and the workspace stays consistent.
	if err := rep.Write(ReportPath(r.WS)); err != nil {
		return rep, fmt.Errorf("write report: %w", err)
	}
	return rep, nil
}

func (e *Engine) log() *slog.Logger {
	if e.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.Log
}

func sourceOf(st Stage) event.Source {
	switch st {
	case StageArchitect, StageIntake:
		return event.Architect
	case StageCoder:
		return event.Coder
	case StageReviewer:
		return event.Reviewer
	case StageBuild:
		return event.Build
	case StageHeal:
		return event.Heal
	case StageTest:
		return event.Test
	case StagePreview, StageApproval:
		return event.Preview
	case StageDeploy:
		return event.Deploy
	}
	return event.System
}

func levelOf(ok bool) event.Level {
	if ok {
		return event.Info
	}
	return event.Err
}

// ErrInput marks problems with what the user asked for (as opposed to
// failures of the machinery), so callers can exit with a usage status.
var ErrInput = errors.New("invalid input")

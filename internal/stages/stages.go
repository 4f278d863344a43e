// Package stages holds the stage runners of the agentic loop — intake,
// architect, coder, reviewer, build, heal, test, preview, approval, deploy —
// each a small adapter between the engine's state machine and the package
// that does the work.
package stages

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/intake"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/render"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/review"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// Planner writes the PRD for a prompt (the offline architect or a model).
type Planner interface {
	Plan(ctx context.Context, p architect.Params) (*prd.PRD, error)
}

// Deps are what the stages need.
type Deps struct {
	Planner Planner
	Builder *build.Builder
	Tester  Tester
	Healer  Healer
	Log     *slog.Logger
	// MaxPlanRevisions bounds how often an invalid plan is redone.
	MaxPlanRevisions int
}

// New returns the stage runners of the loop.
func New(d Deps) map[engine.Stage]engine.StageRunner {
	if d.MaxPlanRevisions == 0 {
		d.MaxPlanRevisions = 2
	}
	s := &set{Deps: d}
	return map[engine.Stage]engine.StageRunner{
		engine.StageIntake:    engine.StageFunc(s.intake),
		engine.StageArchitect: engine.StageFunc(s.architect),
		engine.StageCoder:     engine.StageFunc(s.coder),
		engine.StageReviewer:  engine.StageFunc(s.reviewer),
		engine.StageBuild:     engine.StageFunc(s.build),
		engine.StageHeal:      engine.StageFunc(s.heal),
		engine.StageTest:      engine.StageFunc(s.test),
		engine.StagePreview:   engine.StageFunc(s.preview),
		engine.StageApproval:  engine.StageFunc(s.approval),
		engine.StageDeploy:    engine.StageFunc(s.deploy),
	}
}

type set struct {
	Deps
	planAttempts int
}

func (s *set) architect(ctx context.Context, r *engine.Run) (engine.Event, error) {
	s.planAttempts++
	p, err := s.Planner.Plan(ctx, architect.Params{Prompt: r.Request.Prompt, Documents: r.Documents, Colours: r.Colours})
	if err == nil {
		err = p.CheckSchema()
	}
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		r.Emit(event.Error, event.Warn, event.Architect, "the plan is not valid: "+err.Error(), nil)
		if s.planAttempts > s.MaxPlanRevisions {
			r.Report.Reason = "no valid plan: " + err.Error()
			return engine.MaxPlanRevisions, nil
		}
		return engine.PlanRejected, nil
	}
	r.PRD = p
	data, _ := json.MarshalIndent(p, "", "  ")
	if err := report.WriteFileAtomic(r.WS.Dir()+"/.nexusgen/prd.json", append(data, '\n')); err != nil {
		return "", fmt.Errorf("write prd.json: %w", err)
	}
	var names []string
	for _, e := range p.Entities {
		names = append(names, fmt.Sprintf("%s (%d fields)", e.Name, len(e.Fields)))
	}
	summary := "landing page"
	if len(names) > 0 {
		summary = strings.Join(names, ", ")
	}
	r.Logf(event.Architect, "planned %q: %s; %d pages, %d features", p.AppName, summary, len(p.Pages), len(p.Features))
	for _, a := range p.Assumptions {
		r.Emit(event.Log, event.Debug, event.Architect, "assumption: "+a, nil)
	}
	return engine.PlanApproved, nil
}

func (s *set) coder(ctx context.Context, r *engine.Run) (engine.Event, error) {
	files, err := render.Render(r.PRD, render.Options{Target: render.Target(r.Request.Target)})
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	r.Changed = r.Changed[:0]
	manifest, err := r.WS.ReadManifest()
	if err != nil {
		return "", err
	}
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		changed, err := r.WS.WriteFile(f.Path, f.Data)
		if err != nil {
			return "", err
		}
		if changed {
			r.Changed = append(r.Changed, f.Path)
		}
		manifest.Files[f.Path] = workspace.Hash(f.Data)
		r.Emit(event.FileWritten, event.Debug, event.Coder, f.Path, event.FileData{Path: f.Path, Bytes: len(f.Data)})
		r.Emit(event.Log, event.Debug, event.Coder, "", event.ProgressData{Done: i + 1, Total: len(files)})
	}
	if err := r.WS.WriteManifest(manifest); err != nil {
		return "", fmt.Errorf("write manifest: %w", err)
	}
	r.Report.Files = len(files)
	r.Logf(event.Coder, "wrote %d files (%d changed)", len(files), len(r.Changed))
	return "", nil
}

func (s *set) reviewer(ctx context.Context, r *engine.Run) (engine.Event, error) {
	findings, err := review.Dir(ctx, r.WS, r.Changed)
	if err != nil {
		return "", err
	}
	critical := 0
	for _, f := range findings {
		r.Report.Review.Findings = append(r.Report.Review.Findings, f)
		level := event.Info
		if f.Severity == review.Error {
			level = event.Warn
			if strings.HasPrefix(f.Rule, "security/") {
				critical++
			}
		}
		r.Emit(event.ReviewFinding, level, event.Reviewer, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Message), f)
	}
	r.Logf(event.Reviewer, "reviewed %d files: %d findings", len(r.Changed), len(findings))
	if critical > 0 {
		r.Report.Reason = fmt.Sprintf("%d critical security findings", critical)
		return engine.SecurityCritical, nil
	}
	return engine.CodeComplete, nil
}

// Approval: the command line has nobody to ask, so the preview is approved.
func (s *set) approval(ctx context.Context, r *engine.Run) (engine.Event, error) {
	return engine.UserApproved, nil
}

func (s *set) intake(ctx context.Context, r *engine.Run) (engine.Event, error) {
	prompt, err := intake.Prompt(r.Request.Prompt)
	if err != nil {
		r.Report.Reason = err.Error()
		return engine.Abort, nil
	}
	r.Request.Prompt = prompt
	assets, err := intake.Attachments(r.Request.Attachments)
	if err != nil {
		r.Report.Reason = err.Error()
		return engine.Abort, nil
	}
	r.Documents, r.Colours = assets.Documents, assets.Colours
	for _, n := range assets.Notes {
		r.Emit(event.Log, event.Warn, event.Architect, n, nil)
	}
	if len(r.Request.Attachments) > 0 {
		r.Logf(event.Architect, "read %d attachments: %d documents, %d colours", len(r.Request.Attachments), len(r.Documents), len(r.Colours))
	}
	return "", nil
}

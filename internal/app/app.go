// Package app is the composition root: from one validated Config it builds
// the sandbox, the shared package store, the builder, the engines behind
// each stage and the loop itself. Nothing else wires dependencies.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/config"
	"github.com/nexusgen/nexusgen/internal/deps"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
	"github.com/nexusgen/nexusgen/internal/stages"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// App holds the long-lived services.
type App struct {
	Config  config.Config
	Log     *slog.Logger
	Runner  sandbox.Runner
	Deps    *deps.Store
	Builder *build.Builder
	Tester  *build.Tester
	Planner stages.Planner
	Healer  stages.Healer
}

// New builds the services for cfg.
func New(cfg config.Config, log *slog.Logger) (*App, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Provider != "offline" {
		return nil, fmt.Errorf("provider %q is not available in this build; use offline", cfg.Provider)
	}
	kind := map[string]string{"auto": sandbox.KindAuto, "bwrap": sandbox.KindBubblewrap, "direct": sandbox.KindDirect}[cfg.Sandbox]
	runner, err := sandbox.New(sandbox.Config{
		Kind:   kind,
		Logger: log.With("service", "sandbox"),
		// Set by the build stage when the typecheck has passed (see the app's next.config.ts).
		AllowEnv: []string{"TYPECHECK_DONE"},
		Limits: sandbox.Limits{
			Timeout: cfg.BuildTimeout,
			Memory:  cfg.MemoryMB << 20,
			CPUs:    cfg.CPUs,
		},
	})
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	store := &deps.Store{
		Dir:      filepath.Join(cfg.DataDir, "store"),
		Runner:   runner,
		Log:      log.With("service", "deps"),
		Registry: cfg.Registry,
		Keep:     cfg.StoreKeep,
		Link:     runner.Capabilities().FilesystemConfine,
		Timeout:  cfg.InstallTimeout,
	}
	limits := sandbox.Limits{Timeout: cfg.BuildTimeout}
	a := &App{
		Config:  cfg,
		Log:     log,
		Runner:  runner,
		Deps:    store,
		Builder: &build.Builder{Runner: runner, Deps: store, Log: log.With("service", "build"), Limits: limits},
		Tester:  &build.Tester{Runner: runner, Limits: limits},
		Planner: architect.Offline{},
	}
	return a, nil
}

// Engine returns a loop engine publishing to pub.
func (a *App) Engine(pub event.Publisher) *engine.Engine {
	return &engine.Engine{
		Stages: stages.New(stages.Deps{
			Planner: a.Planner,
			Builder: a.Builder,
			Tester:  a.Tester,
			Healer:  a.Healer,
			Log:     a.Log,
		}),
		Publisher: pub,
		Log:       a.Log.With("service", "engine"),
		Now:       time.Now,
	}
}

// Generation is one finished run of the loop.
type Generation struct {
	Report *report.Report
	PRD    *prd.PRD
	Dir    string
}

// Generate runs the whole loop for req, writing the app into dir (which
// must exist and be writable), publishing events to pub.
func (a *App) Generate(ctx context.Context, req engine.Request, dir, runID string, pub event.Publisher) (*Generation, error) {
	ws, err := workspace.Open(dir)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	rep := report.New(runID, req.Prompt, req.Target, req.Provider, time.Now())
	caps := a.Runner.Capabilities()
	rep.Sandbox = &caps
	rep.Model = req.Model
	run := &engine.Run{
		ID:        runID,
		ProjectID: filepath.Base(ws.Dir()),
		Request:   req,
		WS:        ws,
		Report:    rep,
	}
	final, err := a.Engine(pub).Execute(ctx, run)
	return &Generation{Report: final, PRD: run.PRD, Dir: ws.Dir()}, err
}

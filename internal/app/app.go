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
	"github.com/nexusgen/nexusgen/internal/browsercheck"
	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/config"
	"github.com/nexusgen/nexusgen/internal/deps"
	"github.com/nexusgen/nexusgen/internal/edit"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/heal/rules"
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
		// CHROME_PATH points Lighthouse at the installed Chromium.
		AllowEnv: []string{"TYPECHECK_DONE", "CHROME_PATH"},
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
	// No model provider is available in this build: the healer runs
	// without its model fixer.
	healer, err := NewHealer(cfg, runner, store, filepath.Join(cfg.DataDir, "fixcache"), nil, log)
	if err != nil {
		return nil, err
	}
	a := &App{
		Config:  cfg,
		Log:     log,
		Runner:  runner,
		Deps:    store,
		Builder: &build.Builder{Runner: runner, Deps: store, Log: log.With("service", "build"), Limits: limits},
		Tester:  &build.Tester{Runner: runner, Limits: limits, Chromium: chromium()},
		Planner: architect.Offline{},
		Healer:  healer,
	}
	return a, nil
}

// NewHealer builds the healer: the rules, the fallbacks that can work on
// this host, npm asked through the sandbox, and the fix cache in cacheDir.
// With a model's completer (nil when no provider is configured) the model
// fixer joins, after the rules and fallbacks.
func NewHealer(cfg config.Config, runner sandbox.Runner, store *deps.Store, cacheDir string, model heal.Completer, log *slog.Logger) (*heal.Healer, error) {
	fixes, err := heal.OpenFileStore(cacheDir)
	if err != nil {
		return nil, err
	}
	var llm heal.Fixer
	if model != nil {
		llm = &heal.LLM{Completer: model}
	}
	return heal.New(heal.Config{
		LLM:       llm,
		Rules:     rules.All(),
		Fallbacks: heal.Fallbacks(runner, store.Dir),
		Cache:     heal.NewCache(fixes),
		Registry:  &heal.NPMRegistry{Runner: runner, CacheDir: store.NPMCache(), URL: cfg.Registry},
		Modules:   store,
		Log:       log.With("service", "heal"),
	})
}

// Engine returns a loop engine publishing to pub.
func (a *App) Engine(pub event.Publisher) *engine.Engine {
	var tester stages.Tester
	if a.Tester != nil {
		tester = a.Tester
	}
	return &engine.Engine{
		Stages: stages.New(stages.Deps{
			Planner: a.Planner,
			Builder: a.Builder,
			Tester:  tester,
			Healer:  a.Healer,
			Log:     a.Log,
		}),
		Publisher: pub,
		Log:       a.Log.With("service", "engine"),
		Now:       time.Now,
	}
}

// Heal builds the project in dir and heals it until it builds and its
// tests pass, or escalates: the loop starts at the build (as if the code
// were just written) and the reviewer checks each fix.
func (a *App) Heal(ctx context.Context, dir, runID string, pub event.Publisher) (*Generation, error) {
	ws, err := workspace.Open(dir)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	rep := report.New(runID, "", "next", a.Config.Provider, time.Now())
	caps := a.Runner.Capabilities()
	rep.Sandbox = &caps
	run := &engine.Run{
		ID:        runID,
		ProjectID: filepath.Base(ws.Dir()),
		Request:   engine.Request{Target: "next", Provider: a.Config.Provider},
		WS:        ws,
		Report:    rep,
		From:      engine.Coding,
		Via:       engine.CodeComplete,
	}
	final, err := a.Engine(pub).Execute(ctx, run)
	return &Generation{Report: final, Dir: ws.Dir()}, err
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

// PlanEdit prepares an edit of the app in dir without writing anything. It
// returns edit.ErrRequest for a request that cannot be applied and, with
// the change, edit.ErrConflict when files a person changed stand in the way.
func (a *App) PlanEdit(ctx context.Context, dir string, p edit.Params) (*edit.Change, error) {
	ws, err := workspace.Open(dir)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	return edit.Prepare(ctx, ws, a.Planner, p)
}

// Edit writes a prepared change into the app in dir and runs the loop on
// it: the coder stage writes the planned files, then review, build, heal
// and test run as for a new app.
func (a *App) Edit(ctx context.Context, ch *edit.Change, req engine.Request, dir, runID string, pub event.Publisher) (*Generation, error) {
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
		PRD:       ch.New,
		// The plan is the edited PRD, approved when the change was prepared.
		From: engine.Planning,
		Via:  engine.PlanApproved,
	}
	eng := a.Engine(pub)
	eng.Stages[engine.StageCoder] = engine.StageFunc(func(ctx context.Context, r *engine.Run) (engine.Event, error) {
		for _, res := range ch.Results {
			if res.Changed {
				r.Logf(event.Coder, "edit: %s", res.Note)
			}
		}
		for _, f := range ch.Files {
			if f.Action == edit.Keep {
				r.Emit(event.Log, event.Warn, event.Coder, "kept your version of "+f.Path+"; it may no longer fit the app", nil)
			}
		}
		written, err := ch.Write(ctx, r.WS, func(f edit.FileChange) {
			if f.Action == edit.Delete {
				r.Logf(event.Coder, "deleted %s", f.Path)
				return
			}
			r.Emit(event.FileWritten, event.Debug, event.Coder, f.Path, event.FileData{Path: f.Path, Bytes: len(f.Data)})
		})
		if err != nil {
			return "", err
		}
		r.Changed = written
		r.Report.Files = len(ch.Files)
		r.Logf(event.Coder, "edited %d files (%d written)", len(ch.Files), len(written))
		return "", nil
	})
	final, err := eng.Execute(ctx, run)
	return &Generation{Report: final, PRD: run.PRD, Dir: ws.Dir()}, err
}

// chromium is the browser for generated apps' smoke tests, or "" when none
// is installed (the smoke tests are then skipped; unit tests still run).
func chromium() string {
	path, err := browsercheck.FindChromium()
	if err != nil {
		return ""
	}
	return path
}

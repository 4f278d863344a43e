// Package build runs a project's build through the sandbox: install through
// the shared dependency store, then typecheck and lint side by side, then
// the production build. Failures come back as typed diagnostics for the
// healer, with the bounded output tail of the failing step.
package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/nexusgen/nexusgen/internal/deps"
	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// Step names.
const (
	StepInstall   = "install"
	StepTypecheck = "typecheck"
	StepLint      = "lint"
	StepBuild     = "build"
)

// Builder builds projects.
type Builder struct {
	Runner sandbox.Runner
	Deps   *deps.Store
	Log    *slog.Logger
	// Limits bound typecheck, lint and build (install has the store's own).
	Limits sandbox.Limits
	// LintBlocking makes lint errors fail the build; by default they are
	// reported as diagnostics but do not stop it.
	LintBlocking bool
}

// Params is one build.
type Params struct {
	Dir string
	// Output receives every step's live output.
	Output io.Writer
	// OnStep is called when a step starts (done false) and ends (done true).
	OnStep func(step report.Step, done bool)
}

// Outcome is how a build went.
type Outcome struct {
	OK    bool
	Steps []report.Step
	// Diagnostics are the errors of the failed steps (and of lint).
	Diagnostics []diag.Diagnostic
	// Failed names the first blocking step that failed.
	Failed string
	// err is the first failure to run a step at all (not a failing project).
	err error
}

// Build runs install, typecheck ∥ lint, build. The error is for problems
// outside the project (the sandbox could not run); a project that fails
// to build is an Outcome with OK false.
func (b *Builder) Build(ctx context.Context, p Params) (Outcome, error) {
	var out Outcome
	scripts, err := readScripts(p.Dir)
	if err != nil {
		return out, err
	}
	out.add(b.install(ctx, p))
	if out.Failed != "" || ctx.Err() != nil {
		return out.done(ctx)
	}

	// Typecheck and lint are single-threaded: run them side by side.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var checks []stepResult
	run := func(name string, argv []string, tool diag.Tool, blocking bool) {
		defer wg.Done()
		r := b.step(ctx, p, name, argv, tool, nil)
		r.blocking = blocking
		mu.Lock()
		checks = append(checks, r)
		mu.Unlock()
	}
	if _, ok := scripts["typecheck"]; ok {
		wg.Add(1)
		go run(StepTypecheck, []string{"npm", "run", "--silent", "typecheck"}, diag.ToolTSC, true)
	} else if fileExists(filepath.Join(p.Dir, "tsconfig.json")) {
		wg.Add(1)
		go run(StepTypecheck, []string{"npx", "--no-install", "tsc", "--noEmit"}, diag.ToolTSC, true)
	}
	if _, ok := scripts["lint"]; ok {
		wg.Add(1)
		go run(StepLint, []string{"npm", "run", "--silent", "lint"}, diag.ToolESLint, b.LintBlocking)
	}
	wg.Wait()
	typechecked := false
	for _, name := range []string{StepTypecheck, StepLint} {
		for _, r := range checks {
			if r.step.Name == name {
				out.add(r)
				if name == StepTypecheck && r.step.OK {
					typechecked = true
				}
			}
		}
	}
	if out.Failed != "" || ctx.Err() != nil {
		return out.done(ctx)
	}

	if _, ok := scripts["build"]; !ok {
		return out, fmt.Errorf("package.json has no build script")
	}
	env := map[string]string{}
	if typechecked {
		env["TYPECHECK_DONE"] = "1" // the app's next.config skips Next's second TypeScript pass
	}
	tool := diag.ToolNext
	if IsVite(p.Dir) {
		tool = diag.ToolVite
	}
	out.add(b.step(ctx, p, StepBuild, []string{"npm", "run", "--silent", "build"}, tool, env))
	return out.done(ctx)
}

type stepResult struct {
	step     report.Step
	diags    []diag.Diagnostic
	blocking bool
	err      error
}

func (o *Outcome) add(r stepResult) {
	o.Steps = append(o.Steps, r.step)
	o.Diagnostics = append(o.Diagnostics, r.diags...)
	if !r.step.OK && r.blocking && o.Failed == "" {
		o.Failed = r.step.Name
	}
	if r.err != nil && o.err == nil {
		o.err = fmt.Errorf("%s: %w", r.step.Name, r.err)
		if o.Failed == "" {
			o.Failed = r.step.Name
		}
	}
}

func (o Outcome) done(ctx context.Context) (Outcome, error) {
	if err := ctx.Err(); err != nil {
		return o, err
	}
	if o.err != nil {
		return o, o.err
	}
	o.OK = o.Failed == ""
	return o, nil
}

func (b *Builder) install(ctx context.Context, p Params) stepResult {
	r := stepResult{step: report.Step{Name: StepInstall}, blocking: true}
	notify(p, r.step, false)
	res, err := b.Deps.Install(ctx, p.Dir, p.Output)
	r.step.DurationMS = res.Duration.Milliseconds()
	r.step.Cached = res.Cached
	r.step.ExitCode = res.Process.ExitCode
	switch {
	case err == nil:
		r.step.OK = true
	case errors.Is(err, deps.ErrInstall):
		r.step.Tail = res.Process.Tail
		r.diags = failure(diag.ToolNPM, res.Process, p.Dir)
	case errors.Is(err, deps.ErrRegistryUnreachable):
		r.step.Tail = err.Error()
		r.diags = []diag.Diagnostic{{Tool: diag.ToolNPM, Message: err.Error(), Category: diag.Network, Subclass: diag.RegistryUnreachable}}
	default:
		r.err = err
		r.step.Tail = err.Error()
		r.diags = []diag.Diagnostic{{Tool: diag.ToolNPM, Message: err.Error(), Category: diag.Unknown}}
	}
	notify(p, r.step, true)
	return r
}

func (b *Builder) step(ctx context.Context, p Params, name string, argv []string, tool diag.Tool, env map[string]string) stepResult {
	r := stepResult{step: report.Step{Name: name}, blocking: true}
	notify(p, r.step, false)
	start := time.Now()
	spec := sandbox.Spec{
		Argv:     argv,
		Dir:      p.Dir,
		Env:      env,
		Writable: []string{p.Dir},
		Network:  sandbox.NoNetwork,
		Limits:   b.Limits,
		Output:   p.Output,
	}
	ProtectModules(&spec, p.Dir)
	res, err := b.Runner.Run(ctx, spec)
	r.step.DurationMS = time.Since(start).Milliseconds()
	r.step.ExitCode = res.ExitCode
	if err != nil {
		r.err = err
		r.step.Tail = err.Error()
		notify(p, r.step, true)
		return r
	}
	r.step.OK = res.OK()
	if !r.step.OK {
		r.step.Tail = res.Tail
		r.diags = failure(tool, res, p.Dir)
	}
	notify(p, r.step, true)
	return r
}

// failure turns a failed process into diagnostics, always at least one.
func failure(tool diag.Tool, res sandbox.Result, dir string) []diag.Diagnostic {
	var ds []diag.Diagnostic
	switch {
	case res.OOMKilled:
		ds = append(ds, diag.Diagnostic{Tool: tool, Message: "the process ran out of memory", Category: diag.Resource, Subclass: "out_of_memory"})
	case res.TimedOut:
		ds = append(ds, diag.Diagnostic{Tool: tool, Message: "the process timed out", Category: diag.Resource, Subclass: "timeout"})
	}
	ds = append(ds, diag.Parse(tool, res.Tail, diag.WithRoot(dir), diag.WithFS(os.DirFS(dir)))...)
	if len(ds) == 0 {
		ds = append(ds, diag.Diagnostic{Tool: tool, Message: fmt.Sprintf("%s exited with status %d", tool, res.ExitCode), Excerpt: res.Tail, Category: diag.Unknown})
	}
	return ds
}

func notify(p Params, s report.Step, done bool) {
	if p.OnStep != nil {
		p.OnStep(s, done)
	}
}

func readScripts(dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("read package.json: %w", err)
	}
	var pkg struct {
		Scripts map[string]string `json:"scripts"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, fmt.Errorf("package.json is not valid JSON: %w", err)
	}
	return pkg.Scripts, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// scratchDirs are the folders under node_modules that tools write to
// (Vite's bundled config and caches, general tool caches).
var scratchDirs = []string{".vite", ".vite-temp", ".cache"}

// ProtectModules makes the project's node_modules read-only — its files
// may be shared with the package store — except the tools' scratch folders.
func ProtectModules(spec *sandbox.Spec, dir string) {
	nm := filepath.Join(dir, "node_modules")
	if !fileExists(nm) {
		return
	}
	spec.ReadOnly = append(spec.ReadOnly, nm)
	for _, d := range scratchDirs {
		p := filepath.Join(nm, d)
		if err := os.MkdirAll(p, 0o755); err == nil {
			spec.Writable = append(spec.Writable, p)
		}
	}
}

// IsVite reports whether the project in dir is built with Vite.
func IsVite(dir string) bool {
	for _, name := range []string{"vite.config.ts", "vite.config.js", "vite.config.mjs"} {
		if fileExists(filepath.Join(dir, name)) {
			return true
		}
	}
	return false
}

package stages

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/deps"
	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// planner returns invalid plans for its first `invalid` calls (or err for
// every call), then the offline architect's plan.
type planner struct {
	mu      sync.Mutex
	calls   int
	invalid int
	err     error
}

func (p *planner) Plan(ctx context.Context, params architect.Params) (*prd.PRD, error) {
	p.mu.Lock()
	p.calls++
	n := p.calls
	p.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	if n <= p.invalid {
		return &prd.PRD{AppName: "Half a plan"}, nil
	}
	return architect.Offline{}.Plan(ctx, params)
}

func newRun(t *testing.T, prompt string) *engine.Run {
	t.Helper()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return &engine.Run{
		ID:      "run1",
		Request: engine.Request{Prompt: prompt, Target: "next", Provider: "offline"},
		WS:      ws,
		Report:  report.New("run1", prompt, "next", "offline", time.Now()),
	}
}

func runStage(t *testing.T, d Deps, st engine.Stage, r *engine.Run) (engine.Event, error) {
	t.Helper()
	return New(d)[st].Run(context.Background(), r)
}

func TestArchitectWritesPRD(t *testing.T) {
	t.Parallel()
	r := newRun(t, "A plant shop with plants that have a name, a price and a watering schedule")
	ev, err := runStage(t, Deps{Planner: &planner{}}, engine.StageArchitect, r)
	if err != nil || ev != engine.PlanApproved {
		t.Fatalf("%q, %v", ev, err)
	}
	if r.PRD == nil {
		t.Fatal("no PRD on the run")
	}
	data, err := os.ReadFile(filepath.Join(r.WS.Dir(), ".nexusgen", "prd.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := prd.Parse(data)
	if err != nil {
		t.Fatalf("prd.json does not parse: %v", err)
	}
	if p.AppName != r.PRD.AppName || len(p.Entities) != len(r.PRD.Entities) {
		t.Errorf("prd.json says %q with %d entities, the run %q with %d", p.AppName, len(p.Entities), r.PRD.AppName, len(r.PRD.Entities))
	}
}

func TestArchitectRejectsInvalidPlans(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		max      int // Deps.MaxPlanRevisions
		revision int // the number of revisions allowed
		p        *planner
	}{
		{"default", 0, 2, &planner{invalid: 100}},
		{"one revision", 1, 1, &planner{invalid: 100}},
		{"three revisions", 3, 3, &planner{invalid: 100}},
		{"planner errors", 2, 2, &planner{err: errors.New("model answered with prose")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := newRun(t, "a to-do app")
			arch := New(Deps{Planner: c.p, MaxPlanRevisions: c.max})[engine.StageArchitect]
			for i := 1; i <= c.revision+1; i++ {
				ev, err := arch.Run(context.Background(), r)
				if err != nil {
					t.Fatal(err)
				}
				want := engine.PlanRejected
				if i == c.revision+1 {
					want = engine.MaxPlanRevisions
				}
				if ev != want {
					t.Fatalf("attempt %d: %q, want %q", i, ev, want)
				}
			}
			if !strings.HasPrefix(r.Report.Reason, "no valid plan: ") {
				t.Errorf("reason %q", r.Report.Reason)
			}
			if r.PRD != nil {
				t.Error("an invalid plan was kept")
			}
			if _, err := os.Stat(filepath.Join(r.WS.Dir(), ".nexusgen", "prd.json")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("prd.json written for an invalid plan: %v", err)
			}
		})
	}
}

func TestArchitectRevisionSucceeds(t *testing.T) {
	t.Parallel()
	r := newRun(t, "a to-do app")
	p := &planner{invalid: 2}
	arch := New(Deps{Planner: p})[engine.StageArchitect]
	for i, want := range []engine.Event{engine.PlanRejected, engine.PlanRejected, engine.PlanApproved} {
		if ev, err := arch.Run(context.Background(), r); err != nil || ev != want {
			t.Fatalf("attempt %d: %q, %v; want %q", i+1, ev, err, want)
		}
	}
	if r.PRD == nil || r.Report.Reason != "" {
		t.Errorf("PRD %v reason %q", r.PRD, r.Report.Reason)
	}
}

func TestArchitectCancelled(t *testing.T) {
	t.Parallel()
	r := newRun(t, "a to-do app")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ev, err := New(Deps{Planner: &planner{}})[engine.StageArchitect].Run(ctx, r)
	if !errors.Is(err, context.Canceled) || ev != "" {
		t.Errorf("%q, %v; want the cancellation", ev, err)
	}
}

// Through the engine: the loop asks the architect again after each
// rejection and fails the run after MaxPlanRevisions.
func TestPlanRevisionsInTheLoop(t *testing.T) {
	t.Parallel()
	r := newRun(t, "  a recipe app\x00 ")
	p := &planner{invalid: 100}
	rec := &recorder{}
	e := &engine.Engine{Stages: New(Deps{Planner: p, MaxPlanRevisions: 1}), Publisher: rec}
	rep, err := e.Execute(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != report.Failed || !strings.HasPrefix(rep.Reason, "no valid plan") {
		t.Errorf("status %s reason %q", rep.Status, rep.Reason)
	}
	if p.calls != 2 {
		t.Errorf("planned %d times, want 2", p.calls)
	}
	if r.Request.Prompt != "a recipe app" {
		t.Errorf("intake did not normalise the prompt: %q", r.Request.Prompt)
	}
	warnings := 0
	for _, e := range rec.events {
		if e.Kind == event.Error && e.Source == event.Architect && strings.HasPrefix(e.Message, "the plan is not valid") {
			warnings++
		}
	}
	if warnings != 2 {
		t.Errorf("%d invalid-plan events, want 2", warnings)
	}
}

func TestIntake(t *testing.T) {
	t.Parallel()
	r := newRun(t, " \t ")
	if ev, err := runStage(t, Deps{}, engine.StageIntake, r); err != nil || ev != engine.Abort || !strings.Contains(r.Report.Reason, "empty") {
		t.Errorf("empty prompt: %q %v reason %q", ev, err, r.Report.Reason)
	}
	r = newRun(t, "a shop")
	r.Request.Attachments = []string{filepath.Join(t.TempDir(), "missing.md")}
	if ev, _ := runStage(t, Deps{}, engine.StageIntake, r); ev != engine.Abort || !strings.Contains(r.Report.Reason, "missing.md") {
		t.Errorf("missing attachment: %q reason %q", ev, r.Report.Reason)
	}
	doc := filepath.Join(t.TempDir(), "brief.md")
	if err := os.WriteFile(doc, []byte("# Plants\n- name\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = newRun(t, "a shop\r\n")
	r.Request.Attachments = []string{doc}
	if ev, err := runStage(t, Deps{}, engine.StageIntake, r); err != nil || ev != "" {
		t.Fatalf("%q, %v", ev, err)
	}
	if r.Request.Prompt != "a shop" || !slices.Equal(r.Documents, []string{"# Plants\n- name\n"}) {
		t.Errorf("prompt %q documents %q", r.Request.Prompt, r.Documents)
	}
}

func TestReviewer(t *testing.T) {
	t.Parallel()
	r := newRun(t, "p")
	for p, src := range map[string]string{
		"components/Card.tsx": "\"use client\";\n<img src={x} />\n",
		"lib/calc.ts":         "export const f = (s: string) => eval(s);\n",
	} {
		if _, err := r.WS.WriteFile(p, []byte(src)); err != nil {
			t.Fatal(err)
		}
	}
	r.Changed = []string{"components/Card.tsx"}
	if ev, err := runStage(t, Deps{}, engine.StageReviewer, r); err != nil || ev != engine.CodeComplete {
		t.Fatalf("%q, %v", ev, err)
	}
	if len(r.Report.Review.Findings) != 1 || r.Report.Review.Findings[0].Rule != "a11y/img-alt" {
		t.Errorf("findings %+v", r.Report.Review.Findings)
	}
	r.Changed = []string{"lib/calc.ts"}
	if ev, err := runStage(t, Deps{}, engine.StageReviewer, r); err != nil || ev != engine.SecurityCritical {
		t.Fatalf("%q, %v", ev, err)
	}
	if r.Report.Reason != "1 critical security findings" || len(r.Report.Review.Findings) != 2 {
		t.Errorf("reason %q findings %+v", r.Report.Reason, r.Report.Review.Findings)
	}
}

// fakeTools answers the build's processes: install writes node_modules,
// a step with a failure prints it and exits 1, err fails every run.
type fakeTools struct {
	mu      sync.Mutex
	fail    map[string]string
	err     error
	started []string
}

func (f *fakeTools) Run(ctx context.Context, s sandbox.Spec) (sandbox.Result, error) {
	name := s.Argv[len(s.Argv)-1]
	if s.Argv[1] == "install" {
		name = "install"
	}
	f.mu.Lock()
	f.started = append(f.started, name)
	f.mu.Unlock()
	if f.err != nil {
		return sandbox.Result{}, f.err
	}
	if out, ok := f.fail[name]; ok {
		_, _ = s.Output.Write([]byte(out))
		return sandbox.Result{ExitCode: 1, Tail: out}, nil
	}
	if name == "install" {
		if err := os.MkdirAll(filepath.Join(s.Dir, "node_modules", "react"), 0o755); err != nil {
			return sandbox.Result{}, err
		}
	}
	_, _ = s.Output.Write([]byte("> " + name + "\ndone\n"))
	return sandbox.Result{}, nil
}

func (f *fakeTools) Start(context.Context, sandbox.Spec) (*sandbox.Process, error) {
	return nil, errors.ErrUnsupported
}

func (f *fakeTools) Capabilities() sandbox.Capabilities { return sandbox.Capabilities{Name: "fake"} }

func builder(t *testing.T, f *fakeTools) *build.Builder {
	registry := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(registry.Close)
	return &build.Builder{Runner: f, Deps: &deps.Store{Dir: t.TempDir(), Runner: f, NodeVersion: "v20.20.2", Registry: registry.URL + "/"}}
}

// observer is a healer that records which stages passed.
type observer struct {
	mu     sync.Mutex
	passed []engine.Stage
	out    HealOutcome
}

func (o *observer) Heal(ctx context.Context, r *engine.Run) (HealOutcome, error) { return o.out, nil }

func (o *observer) Passed(ctx context.Context, r *engine.Run, st engine.Stage) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.passed = append(o.passed, st)
}

func projectRun(t *testing.T) *engine.Run {
	t.Helper()
	r := newRun(t, "p")
	if _, err := r.WS.WriteFile("package.json", []byte(`{"scripts":{"typecheck":"tsc --noEmit","build":"next build"},"dependencies":{"next":"16.0.0"}}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := r.WS.WriteFile("lib/store.ts", []byte("export const x = 1;\n")); err != nil {
		t.Fatal(err)
	}
	return r
}

const tscOut = "lib/store.ts(58,3): error TS2741: Property 'createdAt' is missing in type '{ id: string; title: string; }' but required in type 'Task'.\n"

func TestBuildStage(t *testing.T) {
	t.Parallel()
	t.Run("passes", func(t *testing.T) {
		t.Parallel()
		r := projectRun(t)
		o := &observer{}
		ev, err := runStage(t, Deps{Builder: builder(t, &fakeTools{}), Healer: o}, engine.StageBuild, r)
		if err != nil || ev != engine.BuildSuccess {
			t.Fatalf("%q, %v", ev, err)
		}
		if !r.Report.Build.OK || r.Report.Build.Errors == nil || len(r.Report.Build.Errors) != 0 || len(r.Report.Build.Steps) != 3 {
			t.Errorf("report build %+v", r.Report.Build)
		}
		if !slices.Equal(o.passed, []engine.Stage{engine.StageBuild}) {
			t.Errorf("healer told %v passed", o.passed)
		}
	})
	t.Run("fails", func(t *testing.T) {
		t.Parallel()
		r := projectRun(t)
		o := &observer{}
		f := &fakeTools{fail: map[string]string{"typecheck": tscOut}}
		ev, err := runStage(t, Deps{Builder: builder(t, f), Healer: o}, engine.StageBuild, r)
		if err != nil || ev != engine.BuildFailed {
			t.Fatalf("%q, %v", ev, err)
		}
		if r.FailedStage != engine.StageBuild || len(r.Failing) != 1 || r.Failing[0].Code != "TS2741" || r.Failing[0].File != "lib/store.ts" {
			t.Errorf("failing %+v stage %q", r.Failing, r.FailedStage)
		}
		if r.Report.Build.OK || len(r.Report.Build.Errors) != 1 {
			t.Errorf("report build %+v", r.Report.Build)
		}
		if len(o.passed) != 0 {
			t.Errorf("healer told %v passed", o.passed)
		}
	})
	t.Run("cannot run", func(t *testing.T) {
		t.Parallel()
		r := projectRun(t)
		denied := errors.New("denied")
		if _, err := runStage(t, Deps{Builder: builder(t, &fakeTools{err: denied})}, engine.StageBuild, r); !errors.Is(err, denied) {
			t.Errorf("err %v", err)
		}
		if r.Report.Build.Errors == nil {
			t.Error("build.errors is null in the report")
		}
	})
}

// The build's output and step notes reach the event stream.
func TestBuildStageEvents(t *testing.T) {
	t.Parallel()
	r := projectRun(t)
	rec := &recorder{}
	f := &fakeTools{fail: map[string]string{"typecheck": tscOut}}
	e := &engine.Engine{Publisher: rec, Stages: New(Deps{Builder: builder(t, f)})}
	r.From, r.Via = engine.Coding, engine.CodeComplete
	rep, err := e.Execute(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != report.Escalated {
		t.Errorf("status %s (%s), want escalated: no healer", rep.Status, rep.Reason)
	}
	debug := rec.logs(event.Build, event.Debug)
	if !slices.Contains(debug, "> install") || !slices.Contains(debug, strings.TrimSpace(tscOut)) {
		t.Errorf("tool output lines %q", debug)
	}
	info := rec.logs(event.Build, event.Info)
	if !slices.Contains(info, "install…") || !slices.ContainsFunc(info, func(s string) bool { return strings.HasPrefix(s, "install ok in ") }) {
		t.Errorf("step notes %q", info)
	}
	warn := rec.logs(event.Build, event.Warn)
	if !slices.ContainsFunc(warn, func(s string) bool { return strings.HasPrefix(s, "typecheck failed (exit 1) in ") }) {
		t.Errorf("failed step note missing: %q", warn)
	}
	if rep.Heal.Escalation == nil || !strings.Contains(rep.Heal.Escalation.Summary, "the build failed") || len(rep.Heal.Escalation.Failing) != 1 {
		t.Errorf("escalation %+v", rep.Heal.Escalation)
	}
}

type fakeTester struct {
	out build.TestOutcome
	err error
}

func (f fakeTester) Test(ctx context.Context, dir string, out io.Writer) (build.TestOutcome, error) {
	_, _ = out.Write([]byte("✓ 3 tests\n"))
	return f.out, f.err
}

func TestTestStage(t *testing.T) {
	t.Parallel()
	failing := diag.Diagnostic{Tool: diag.ToolVitest, File: "lib/a.test.ts", Message: "expected 2 to be 3", Category: diag.Runtime}
	cases := []struct {
		name   string
		tester Tester
		want   engine.Event
		passed bool
	}{
		{"no tester", nil, engine.TestsPass, false},
		{"no tests", fakeTester{out: build.TestOutcome{}}, engine.TestsPass, false},
		{"pass", fakeTester{out: build.TestOutcome{Ran: true, Passed: 3}}, engine.TestsPass, true},
		{"fail", fakeTester{out: build.TestOutcome{Ran: true, Passed: 2, Failed: 1, Diagnostics: []diag.Diagnostic{failing}}}, engine.TestsFail, false},
		{"diagnostics without a failed count", fakeTester{out: build.TestOutcome{Ran: true, Passed: 2, Diagnostics: []diag.Diagnostic{failing}}}, engine.TestsFail, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := newRun(t, "p")
			o := &observer{}
			ev, err := runStage(t, Deps{Tester: c.tester, Healer: o}, engine.StageTest, r)
			if err != nil || ev != c.want {
				t.Fatalf("%q, %v; want %q", ev, err, c.want)
			}
			if (len(o.passed) == 1) != c.passed {
				t.Errorf("healer told %v passed", o.passed)
			}
			if c.want == engine.TestsFail && (r.FailedStage != engine.StageTest || len(r.Failing) != 1) {
				t.Errorf("failing %+v stage %q", r.Failing, r.FailedStage)
			}
			if ft, ok := c.tester.(fakeTester); ok && r.Report.Tests != (report.Tests{Ran: ft.out.Ran, Passed: ft.out.Passed, Failed: ft.out.Failed}) {
				t.Errorf("report tests %+v", r.Report.Tests)
			}
		})
	}
	boom := errors.New("runner gone")
	if _, err := runStage(t, Deps{Tester: fakeTester{err: boom}}, engine.StageTest, newRun(t, "p")); !errors.Is(err, boom) {
		t.Errorf("tester error: %v", err)
	}
}

func TestHealStage(t *testing.T) {
	t.Parallel()
	r := newRun(t, "p")
	r.FailedStage = engine.StageTest
	r.Failing = []diag.Diagnostic{{Tool: diag.ToolVitest, Message: "x", Category: diag.Runtime}}
	if ev, err := runStage(t, Deps{}, engine.StageHeal, r); err != nil || ev != engine.UnknownError {
		t.Fatalf("no healer: %q, %v", ev, err)
	}
	if e := r.Report.Heal.Escalation; e == nil || e.Summary != "the test failed and no healer is configured" || len(e.Failing) != 1 || r.Report.Reason != e.Summary {
		t.Errorf("escalation %+v reason %q", e, r.Report.Reason)
	}

	r = newRun(t, "p")
	o := &observer{out: HealOutcome{
		Event:    engine.FixGenerated,
		Attempts: []report.Attempt{{N: 1, Category: diag.Type, Subclass: "missing_property", Source: "rule", Fixer: "add-property", Files: []string{"lib/store.ts"}}},
		Changed:  []string{"lib/store.ts"},
	}}
	if ev, err := runStage(t, Deps{Healer: o}, engine.StageHeal, r); err != nil || ev != engine.FixGenerated {
		t.Fatalf("%q, %v", ev, err)
	}
	if len(r.Report.Heal.Attempts) != 1 || !slices.Equal(r.Changed, []string{"lib/store.ts"}) || r.Report.Heal.Escalation != nil {
		t.Errorf("attempts %+v changed %q", r.Report.Heal.Attempts, r.Changed)
	}
}

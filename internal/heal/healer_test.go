package heal

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/stages"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// fakeFixer appends a line to the error's file (or another file).
type fakeFixer struct {
	name     string
	cat      diag.Category
	file     string
	na       bool
	variants bool
	calls    int
}

func (f *fakeFixer) Name() string                   { return f.name }
func (f *fakeFixer) Accepts(d diag.Diagnostic) bool { return d.Category == f.cat }
func (f *fakeFixer) HasVariants() bool              { return f.variants }

func (f *fakeFixer) Fix(ctx context.Context, p Params) (Fix, error) {
	f.calls++
	if f.na {
		return Fix{}, NotApplicable("fake")
	}
	file := f.file
	if file == "" {
		file = p.Diag.File
	}
	cur, _ := p.Files.ReadFile(file)
	v := ""
	if f.variants {
		v = fmt.Sprintf("v%d", len(p.Exclude)+1)
	}
	return Fix{Changes: []Change{{Path: file, Data: append(cur, []byte("// "+f.name+v+"\n")...)}}, Variant: v, Note: "fake fix"}, nil
}

type fakeClock struct {
	now   time.Time
	slept []time.Duration
}

func (c *fakeClock) Now() time.Time { return c.now }
func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.slept = append(c.slept, d)
	c.now = c.now.Add(d)
	return nil
}

func newRun(t *testing.T, files map[string]string) *engine.Run {
	t.Helper()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	for p, c := range files {
		if _, err := ws.WriteFile(p, []byte(c)); err != nil {
			t.Fatal(err)
		}
	}
	return &engine.Run{ID: t.Name(), WS: ws, Report: report.New("r", "", "next", "offline", time.Now()), FailedStage: engine.StageBuild}
}

func newHealer(t *testing.T, cfg Config) *Healer {
	t.Helper()
	if cfg.Clock == nil {
		cfg.Clock = &fakeClock{now: time.Unix(0, 0)}
	}
	if cfg.Cache == nil {
		cfg.Cache = NewCache(NewMemStore())
	}
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// cycle is one build failure followed by the heal stage.
func cycle(t *testing.T, h *Healer, r *engine.Run, failing ...diag.Diagnostic) stages.HealOutcome {
	t.Helper()
	r.Failing = failing
	out, err := h.Heal(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	r.Report.Heal.Attempts = append(r.Report.Heal.Attempts, out.Attempts...)
	return out
}

func typeErr(file string, line int, name string) diag.Diagnostic {
	return diag.Classify(diag.Diagnostic{Tool: diag.ToolTSC, File: file, Line: line, Column: 3, Code: "TS2304", Message: "Cannot find name '" + name + "'."})
}

func read(t *testing.T, r *engine.Run, p string) string {
	t.Helper()
	data, err := r.WS.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestFixThenPass(t *testing.T) {
	fx := &fakeFixer{name: "a", cat: diag.Runtime}
	cache := NewCache(NewMemStore())
	h := newHealer(t, Config{Rules: []Fixer{fx}, Cache: cache})
	r := newRun(t, map[string]string{"a.ts": "x\n"})
	d := typeErr("a.ts", 1, "foo")
	out := cycle(t, h, r, d)
	if out.Event != engine.FixGenerated || len(out.Attempts) != 1 || out.Changed[0] != "a.ts" {
		t.Fatalf("outcome %+v", out)
	}
	a := r.Report.Heal.Attempts[0]
	if a.OK || a.Source != "rule" || a.Fixer != "a" || a.DiffLines != 1 || !strings.Contains(a.Diff, "+// a") || a.Signature != diag.Signature(d) {
		t.Errorf("attempt %+v", a)
	}
	h.Passed(context.Background(), r, engine.StageBuild)
	if a := r.Report.Heal.Attempts[0]; !a.OK || a.Error != "" {
		t.Errorf("after the build passed: %+v", a)
	}
	hits, _ := cache.Lookup(context.Background(), diag.Signature(d))
	if len(hits) != 1 || hits[0].Successes != 1 {
		t.Errorf("cache %+v", hits)
	}
	if !hasLastGood(r.WS) {
		t.Error("no last-good snapshot after a passing build")
	}
	if !r.WS.Exists(".nexusgen/heal/original/files/a.ts") || !r.WS.Exists(".nexusgen/heal/attempts/1/before/a.ts") {
		t.Error("snapshots of the files before healing and before the attempt are missing")
	}
}

func TestFailedFixIsUndoneAndNeverRepeated(t *testing.T) {
	a, b := &fakeFixer{name: "a", cat: diag.Runtime}, &fakeFixer{name: "b", cat: diag.Runtime}
	cache := NewCache(NewMemStore())
	h := newHealer(t, Config{Rules: []Fixer{a, b}, Cache: cache})
	r := newRun(t, map[string]string{"a.ts": "x\n"})
	d := typeErr("a.ts", 1, "foo")
	cycle(t, h, r, d)
	out := cycle(t, h, r, d) // the same error: a failed
	if got := read(t, r, "a.ts"); got != "x\n// b\n" {
		t.Errorf("a's change was not undone before b: %q", got)
	}
	if out.Event != engine.FixGenerated || out.Attempts[0].Fixer != "b" {
		t.Fatalf("second cycle %+v", out)
	}
	if at := r.Report.Heal.Attempts[0]; at.OK || !strings.Contains(at.Error, "came back") {
		t.Errorf("first attempt %+v", at)
	}
	out = cycle(t, h, r, d) // b failed too: nothing is left
	if out.Event != engine.UnknownError || out.Escalation == nil {
		t.Fatalf("third cycle %+v", out)
	}
	if a.calls != 1 || b.calls != 1 {
		t.Errorf("fixers called %d and %d times; each recipe applies once per error", a.calls, b.calls)
	}
	if got := read(t, r, "a.ts"); got != "x\n" {
		t.Errorf("failed fixes left changes behind: %q", got)
	}
	hits, _ := cache.Lookup(context.Background(), diag.Signature(d))
	for _, hit := range hits {
		if hit.Failures != 1 || !hit.Demoted() {
			t.Errorf("failed recipe not demoted: %+v", hit)
		}
	}
}

func TestSameErrorElsewhereIsNotALoop(t *testing.T) {
	fx := &fakeFixer{name: "a", cat: diag.Runtime}
	h := newHealer(t, Config{Rules: []Fixer{fx}})
	r := newRun(t, map[string]string{"a.ts": "1\n2\n3\n4\n5\n6\n7\n8\n9\n"})
	cycle(t, h, r, typeErr("a.ts", 2, "foo"))
	cycle(t, h, r, typeErr("a.ts", 8, "foo")) // same name, another line: a new instance
	if !r.Report.Heal.Attempts[0].OK {
		t.Errorf("the first fix worked, its error moved to another line: %+v", r.Report.Heal.Attempts[0])
	}
}

func TestCategoryLimit(t *testing.T) {
	fx := &fakeFixer{name: "dep", cat: diag.Dependency, variants: true}
	h := newHealer(t, Config{Rules: []Fixer{fx}})
	r := newRun(t, map[string]string{"package.json": "{}\n"})
	d := diag.Classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "package.json", Code: "TS2307", Message: "Cannot find module 'zz' or its corresponding type declarations."})
	var events []engine.Event
	for range 6 {
		out := cycle(t, h, r, d)
		events = append(events, out.Event)
		if out.Escalation != nil {
			break
		}
	}
	want := []engine.Event{engine.FixGenerated, engine.FixGenerated, engine.FixGenerated, engine.MaxRetriesExceeded}
	if fmt.Sprint(events) != fmt.Sprint(want) {
		t.Errorf("events %v, want %v (DEPENDENCY allows 3 cycles)", events, want)
	}
}

func TestMaxRetriesBoundsTheRun(t *testing.T) {
	fx := &fakeFixer{name: "a", cat: diag.Runtime}
	h := newHealer(t, Config{Rules: []Fixer{fx}})
	r := newRun(t, map[string]string{"a.ts": "x\n"})
	var last stages.HealOutcome
	n := 0
	for i := range 10 {
		last = cycle(t, h, r, typeErr("a.ts", 0, fmt.Sprintf("name%d", i)))
		if last.Escalation != nil {
			break
		}
		n++
	}
	if n != 5 || last.Event != engine.MaxRetriesExceeded {
		t.Errorf("%d cycles then %s; want 5 then max_retries_exceeded", n, last.Event)
	}
}

func TestBatchOfIndependentErrors(t *testing.T) {
	fx := &fakeFixer{name: "a", cat: diag.Runtime}
	h := newHealer(t, Config{Rules: []Fixer{fx}})
	r := newRun(t, map[string]string{"a.ts": "x\n", "b.ts": "y\n"})
	out := cycle(t, h, r, typeErr("a.ts", 1, "foo"), typeErr("a.ts", 2, "bar"), typeErr("b.ts", 1, "baz"))
	if len(out.Attempts) != 2 || out.Attempts[0].Files[0] != "a.ts" || out.Attempts[1].Files[0] != "b.ts" {
		t.Fatalf("batch %+v", out.Attempts)
	}
	if s := h.session(r); s.cycles != 1 || s.perCategory[diag.Runtime] != 1 {
		t.Errorf("a batch is one cycle: %d cycles, %d runtime", s.cycles, s.perCategory[diag.Runtime])
	}
}

func TestNetworkWaitsWithBackoff(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	fx := &fakeFixer{name: "a", cat: diag.Network}
	h := newHealer(t, Config{Rules: []Fixer{fx}, Clock: clock, Rand: func() float64 { return 0.5 }})
	r := newRun(t, nil)
	d := diag.Classify(diag.Diagnostic{Tool: diag.ToolNPM, Code: "ECONNREFUSED", Message: "request to https://registry.npmjs.org/x failed, reason: connect ECONNREFUSED"})
	if d.Category != diag.Network {
		t.Fatalf("class %s", d.Category)
	}
	var events []engine.Event
	for range 7 {
		out := cycle(t, h, r, d)
		events = append(events, out.Event)
		if out.Escalation != nil {
			break
		}
	}
	if len(events) != 6 || events[4] != engine.ResourceScaled || events[5] != engine.MaxRetriesExceeded {
		t.Errorf("events %v: want 5 waits then escalation", events)
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second}
	if fmt.Sprint(clock.slept) != fmt.Sprint(want) {
		t.Errorf("slept %v, want %v", clock.slept, want)
	}
	if fx.calls != 0 {
		t.Error("a code fixer was asked to fix a network failure")
	}
}

func TestDeterministicFixesDoNotWait(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	h := newHealer(t, Config{Rules: []Fixer{&fakeFixer{name: "a", cat: diag.Runtime}}, Clock: clock})
	r := newRun(t, map[string]string{"a.ts": "x\n"})
	cycle(t, h, r, typeErr("a.ts", 1, "foo"))
	cycle(t, h, r, typeErr("a.ts", 1, "bar"))
	if len(clock.slept) != 0 {
		t.Errorf("slept %v between code fixes", clock.slept)
	}
}

func TestCacheReplaysTheRecipeThatWorked(t *testing.T) {
	cache := NewCache(NewMemStore())
	a, b := &fakeFixer{name: "a", cat: diag.Runtime}, &fakeFixer{name: "b", cat: diag.Runtime}
	h := newHealer(t, Config{Rules: []Fixer{a, b}, Cache: cache})
	d := typeErr("a.ts", 1, "foo")
	r1 := newRun(t, map[string]string{"a.ts": "x\n"})
	cycle(t, h, r1, d)
	cycle(t, h, r1, d) // a failed, b applied
	h.Passed(context.Background(), r1, engine.StageBuild)

	r2 := newRun(t, map[string]string{"a.ts": "x\n"})
	r2.ID = "second"
	out := cycle(t, h, r2, typeErr("a.ts", 1, "bar")) // another name, same signature
	if out.Attempts[0].Source != "cache" || out.Attempts[0].Fixer != "b" {
		t.Errorf("second run: %+v", out.Attempts[0])
	}
	if a.calls != 1 {
		t.Errorf("the demoted recipe was tried again first (%d calls)", a.calls)
	}
}

func TestEscalationExplains(t *testing.T) {
	h := newHealer(t, Config{Rules: []Fixer{&fakeFixer{name: "a", cat: diag.Runtime}}})
	r := newRun(t, map[string]string{"a.ts": "x\n"})
	d := typeErr("a.ts", 1, "foo")
	cycle(t, h, r, d)
	out := cycle(t, h, r, d)
	e := out.Escalation
	if e == nil || out.Event != engine.UnknownError {
		t.Fatalf("outcome %+v", out)
	}
	if !strings.Contains(e.Summary, "1 heal attempts") || !strings.Contains(e.Summary, "a.ts") {
		t.Errorf("summary %q", e.Summary)
	}
	if len(e.Tried) != 1 || !strings.Contains(e.Tried[0], "did not fix it") || !strings.Contains(e.Tried[0], "+// a") {
		t.Errorf("tried %q", e.Tried)
	}
	if len(e.Failing) != 1 || !strings.Contains(e.LastGood, "original") {
		t.Errorf("failing %v, last good %q", e.Failing, e.LastGood)
	}
	md, err := os.ReadFile(filepath.Join(r.WS.Dir(), EscalationFile))
	if err != nil || !strings.Contains(string(md), "## What was tried") || !strings.Contains(string(md), "```diff") {
		t.Errorf("escalation.md: %v\n%s", err, md)
	}
}

func TestNothingApplicableEscalatesAtOnce(t *testing.T) {
	h := newHealer(t, Config{Rules: []Fixer{&fakeFixer{name: "a", cat: diag.Runtime, na: true}}})
	r := newRun(t, nil)
	out := cycle(t, h, r, diag.Diagnostic{Tool: diag.ToolNext, Message: "something odd", Category: diag.Unknown})
	if out.Event != engine.UnknownError || out.Escalation == nil || !strings.Contains(out.Escalation.Summary, "nothing was tried") {
		t.Fatalf("outcome %+v", out)
	}
}

func TestVerdictWaitsForABuildThatGetsAsFar(t *testing.T) {
	h := newHealer(t, Config{Rules: []Fixer{&fakeFixer{name: "a", cat: diag.Runtime}}})
	r := newRun(t, map[string]string{"a.ts": "x\n"})
	cycle(t, h, r, typeErr("a.ts", 1, "foo"))
	net := diag.Classify(diag.Diagnostic{Tool: diag.ToolNPM, Code: "ENOTFOUND", Message: "getaddrinfo ENOTFOUND registry.npmjs.org"})
	out := cycle(t, h, r, net)
	if out.Event != engine.ResourceScaled || !strings.HasPrefix(r.Report.Heal.Attempts[0].Error, "pending") {
		t.Fatalf("a network failure judged the code fix: %+v / %+v", out, r.Report.Heal.Attempts[0])
	}
	h.Passed(context.Background(), r, engine.StageBuild)
	if !r.Report.Heal.Attempts[0].OK || !r.Report.Heal.Attempts[1].OK {
		t.Errorf("attempts after passing: %+v", r.Report.Heal.Attempts)
	}
}

func TestSessionsAreKeptPerRun(t *testing.T) {
	fx := &fakeFixer{name: "a", cat: diag.Runtime}
	h := newHealer(t, Config{Rules: []Fixer{fx}})
	r1, r2 := newRun(t, map[string]string{"a.ts": "x\n"}), newRun(t, map[string]string{"a.ts": "x\n"})
	r2.ID = "other"
	d := typeErr("a.ts", 1, "foo")
	cycle(t, h, r1, d)
	if out := cycle(t, h, r2, d); out.Event != engine.FixGenerated || out.Attempts[0].Source != "rule" {
		t.Errorf("another run's tries leaked: %+v", out)
	}
}

func TestStaleGeneratedTypesAreCleared(t *testing.T) {
	h := newHealer(t, Config{Rules: []Fixer{&fakeFixer{name: "a", cat: diag.Type}}})
	r := newRun(t, nil)
	if err := os.MkdirAll(filepath.Join(r.WS.Dir(), ".next", "types"), 0o755); err != nil {
		t.Fatal(err)
	}
	d := diag.Classify(diag.Diagnostic{Tool: diag.ToolTSC, File: ".next/types/validator.ts", Line: 5, Code: "TS2307", Message: "Cannot find module '../../app/old/page.js' or its corresponding type declarations."})
	out := cycle(t, h, r, d)
	if out.Event != engine.ResourceScaled {
		t.Fatalf("outcome %+v", out)
	}
	if _, err := os.Stat(filepath.Join(r.WS.Dir(), ".next")); !os.IsNotExist(err) {
		t.Error(".next was not cleared")
	}
	if out := cycle(t, h, r, d); out.Escalation == nil {
		t.Errorf("clearing twice: %+v", out)
	}
}

func TestPartialBatchRevert(t *testing.T) {
	a, b := &fakeFixer{name: "a", cat: diag.Runtime}, &fakeFixer{name: "b", cat: diag.Runtime}
	h := newHealer(t, Config{Rules: []Fixer{a, b}})
	r := newRun(t, map[string]string{"a.ts": "x\n", "b.ts": "y\n"})
	da, db := typeErr("a.ts", 1, "foo"), typeErr("b.ts", 1, "bar")
	cycle(t, h, r, da, db)
	moved := da
	moved.Line = 2 // reported against the fixed file: one line further down
	out := cycle(t, h, r, moved)
	if read(t, r, "b.ts") != "y\n// a\n" || !r.Report.Heal.Attempts[1].OK {
		t.Errorf("the fix that worked was not kept: %q %+v", read(t, r, "b.ts"), r.Report.Heal.Attempts[1])
	}
	if read(t, r, "a.ts") != "x\n// b\n" || r.Report.Heal.Attempts[0].OK {
		t.Errorf("the failed fix was not replaced: %q", read(t, r, "a.ts"))
	}
	if len(out.Attempts) != 1 || out.Attempts[0].Fixer != "b" {
		t.Errorf("next cycle %+v", out.Attempts)
	}
}

func TestBuildTimeNetworkFailureIsACodeProblem(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	fx := &fakeFixer{name: "n", cat: diag.Network}
	h := newHealer(t, Config{Rules: []Fixer{fx}, Clock: clock})
	r := newRun(t, map[string]string{"app/page.tsx": "x\n"})
	d := diag.Classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 1, Code: "ECONNREFUSED", Message: "TypeError: fetch failed: connect ECONNREFUSED 1.2.3.4:443"})
	out := cycle(t, h, r, d)
	if out.Event != engine.FixGenerated || len(clock.slept) != 0 || fx.calls != 1 {
		t.Errorf("outcome %+v, slept %v: builds run offline on purpose, so the code is fixed instead of waited on", out.Event, clock.slept)
	}
}

func TestANewRunWithAReusedIDStartsAfresh(t *testing.T) {
	fx := &fakeFixer{name: "a", cat: diag.Runtime}
	h := newHealer(t, Config{Rules: []Fixer{fx}})
	d := typeErr("a.ts", 1, "foo")
	r1 := newRun(t, map[string]string{"a.ts": "x\n"})
	cycle(t, h, r1, d)
	h.Passed(context.Background(), r1, engine.StageBuild)
	r2 := newRun(t, map[string]string{"a.ts": "x\n"})
	r2.ID = r1.ID
	if out := cycle(t, h, r2, d); out.Event != engine.FixGenerated {
		t.Errorf("the second run inherited the first one's tries: %+v", out)
	}
}

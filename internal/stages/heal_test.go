package stages

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// observingHealer applies one attempt and records Passed calls.
type observingHealer struct {
	passed []engine.Stage
}

func (h *observingHealer) Heal(ctx context.Context, r *engine.Run) (HealOutcome, error) {
	return HealOutcome{
		Event:    engine.FixGenerated,
		Attempts: []report.Attempt{{N: 1, Category: diag.Type, Fixer: "x", Source: "rule", Files: []string{"a.ts"}}},
		Changed:  []string{"a.ts"},
	}, nil
}

func (h *observingHealer) Passed(ctx context.Context, r *engine.Run, st engine.Stage) {
	h.passed = append(h.passed, st)
}

type passingTester struct{}

func (passingTester) Test(ctx context.Context, dir string, out io.Writer) (build.TestOutcome, error) {
	return build.TestOutcome{Ran: true, Passed: 3}, nil
}

func TestHealStageAndObserver(t *testing.T) {
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	h := &observingHealer{}
	runners := New(Deps{Healer: h, Tester: passingTester{}})
	r := &engine.Run{ID: "r", WS: ws, Report: report.New("r", "p", "next", "offline", time.Now()), FailedStage: engine.StageBuild}
	ev, err := runners[engine.StageHeal].Run(context.Background(), r)
	if err != nil || ev != engine.FixGenerated {
		t.Fatalf("heal stage: %s, %v", ev, err)
	}
	if len(r.Report.Heal.Attempts) != 1 || len(r.Changed) != 1 || r.Changed[0] != "a.ts" {
		t.Errorf("report %+v, changed %v", r.Report.Heal.Attempts, r.Changed)
	}
	ev, err = runners[engine.StageTest].Run(context.Background(), r)
	if err != nil || ev != engine.TestsPass {
		t.Fatalf("test stage: %s, %v", ev, err)
	}
	if len(h.passed) != 1 || h.passed[0] != engine.StageTest {
		t.Errorf("Passed calls %v, want [test]", h.passed)
	}
}

func TestHealStageWithoutHealer(t *testing.T) {
	ws, _ := workspace.Open(t.TempDir())
	defer ws.Close()
	r := &engine.Run{ID: "r", WS: ws, Report: report.New("r", "p", "next", "offline", time.Now()), FailedStage: engine.StageBuild}
	ev, err := New(Deps{})[engine.StageHeal].Run(context.Background(), r)
	if err != nil || ev != engine.UnknownError || r.Report.Heal.Escalation == nil {
		t.Fatalf("%s %v %+v", ev, err, r.Report.Heal.Escalation)
	}
}

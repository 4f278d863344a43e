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

// The files a healer writes are the engine's: the manifest records their
// new content so a later edit does not take them for a person's changes.
func TestHealStageRecordsHealedFilesInTheManifest(t *testing.T) {
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	run := func() {
		t.Helper()
		r := &engine.Run{ID: "r", WS: ws, Report: report.New("r", "p", "next", "offline", time.Now()), FailedStage: engine.StageBuild}
		if _, err := New(Deps{Healer: &observingHealer{}})[engine.StageHeal].Run(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ws.WriteFile("a.ts", []byte("export const a: number = 1;\n")); err != nil {
		t.Fatal(err)
	}
	run()
	if ws.Exists(workspace.ManifestPath) {
		t.Fatal("healing a project the engine did not write created a manifest")
	}

	if err := ws.WriteManifest(&workspace.Manifest{Version: 1, Files: map[string]string{"a.ts": workspace.Hash([]byte("export const a = 1;\n"))}}); err != nil {
		t.Fatal(err)
	}
	if changed, _ := ws.Modified(mustManifest(t, ws)); len(changed) != 1 {
		t.Fatalf("before healing: changed %v", changed)
	}
	run()
	if changed, missing := ws.Modified(mustManifest(t, ws)); len(changed)+len(missing) != 0 {
		t.Errorf("after healing: changed %v, missing %v", changed, missing)
	}
}

func mustManifest(t *testing.T, ws *workspace.Workspace) *workspace.Manifest {
	t.Helper()
	m, err := ws.ReadManifest()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

package engine

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// script runs the loop with stages that report scripted events.
type script struct {
	t      *testing.T
	events map[Stage][]Event // successive results per stage; the last repeats
	calls  map[Stage]int
	block  Stage // this stage waits for cancellation
	fail   Stage // this stage returns an error
}

func (s *script) stages() map[Stage]StageRunner {
	out := map[Stage]StageRunner{}
	for _, st := range []Stage{StageIntake, StageArchitect, StageCoder, StageReviewer, StageBuild, StageHeal, StageTest, StagePreview, StageApproval, StageDeploy} {
		out[st] = StageFunc(func(ctx context.Context, r *Run) (Event, error) {
			n := s.calls[st]
			s.calls[st]++
			if st == s.block {
				<-ctx.Done()
				return "", ctx.Err()
			}
			if st == s.fail {
				return "", errors.New("disk on fire")
			}
			evs := s.events[st]
			if len(evs) == 0 {
				return "", nil
			}
			return evs[min(n, len(evs)-1)], nil
		})
	}
	return out
}

func happy() map[Stage][]Event {
	return map[Stage][]Event{
		StageArchitect: {PlanApproved},
		StageReviewer:  {CodeComplete},
		StageBuild:     {BuildSuccess},
		StageTest:      {TestsPass},
		StagePreview:   {PreviewDeployed},
		StageApproval:  {UserApproved},
		StageDeploy:    {DeploySuccess},
	}
}

func execute(t *testing.T, s *script, ctx context.Context) (*report.Report, []event.Event) {
	t.Helper()
	s.t, s.calls = t, map[Stage]int{}
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b := event.NewBroker()
	sub := b.Subscribe(nil)
	var got []event.Event
	done := make(chan struct{})
	go func() {
		for e := range sub.C() {
			got = append(got, e)
		}
		close(done)
	}()
	e := &Engine{Stages: s.stages(), Publisher: b}
	r := &Run{ID: "run1", ProjectID: "p1", WS: ws, Report: report.New("run1", "prompt", "next", "offline", time.Now())}
	rep, err := e.Execute(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	<-done
	disk, err := report.Read(ReportPath(ws))
	if err != nil {
		t.Fatalf("report on disk: %v", err)
	}
	if disk.Status != rep.Status {
		t.Errorf("report on disk says %s, returned %s", disk.Status, rep.Status)
	}
	return rep, got
}

func TestExecuteHappyPath(t *testing.T) {
	rep, evs := execute(t, &script{events: happy()}, context.Background())
	if rep.Status != report.Complete {
		t.Fatalf("status %s (%s), want complete", rep.Status, rep.Reason)
	}
	for _, st := range []Stage{StageIntake, StageArchitect, StageCoder, StageReviewer, StageBuild, StageTest} {
		if _, ok := rep.TimingsMS[string(st)]; !ok {
			t.Errorf("no timing for %s", st)
		}
	}
	for i, e := range evs {
		if e.Seq != int64(i+1) {
			t.Fatalf("event %d has seq %d", i, e.Seq)
		}
	}
	last := evs[len(evs)-1]
	if last.Kind != event.Status || last.Message != "complete" {
		t.Errorf("last event %+v, want the complete status", last)
	}
}

func TestExecuteHealsThenCompletes(t *testing.T) {
	evs := happy()
	evs[StageBuild] = []Event{BuildFailed, BuildSuccess}
	evs[StageHeal] = []Event{FixGenerated}
	s := &script{events: evs}
	rep, _ := execute(t, s, context.Background())
	if rep.Status != report.Complete {
		t.Fatalf("status %s, want complete", rep.Status)
	}
	if s.calls[StageBuild] != 2 || s.calls[StageHeal] != 1 || s.calls[StageCoder] != 1 || s.calls[StageReviewer] != 2 {
		t.Errorf("calls %v: want 2 builds, 1 heal, 1 coder, 2 reviews", s.calls)
	}
}

func TestExecuteEscalates(t *testing.T) {
	evs := happy()
	evs[StageBuild] = []Event{BuildFailed}
	evs[StageHeal] = []Event{FixGenerated, FixGenerated, MaxRetriesExceeded}
	rep, _ := execute(t, &script{events: evs}, context.Background())
	if rep.Status != report.Escalated {
		t.Fatalf("status %s, want escalated", rep.Status)
	}
}

func TestExecuteStageErrorFails(t *testing.T) {
	rep, evs := execute(t, &script{events: happy(), fail: StageBuild}, context.Background())
	if rep.Status != report.Failed || rep.Reason == "" {
		t.Fatalf("status %s reason %q, want failed with a reason", rep.Status, rep.Reason)
	}
	found := false
	for _, e := range evs {
		found = found || (e.Kind == event.Error && e.Message == "disk on fire")
	}
	if !found {
		t.Error("no error event for the failing stage")
	}
}

func TestExecuteCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	rep, _ := execute(t, &script{events: happy(), block: StageBuild}, ctx)
	if rep.Status != report.Cancelled {
		t.Fatalf("status %s, want cancelled", rep.Status)
	}
}

func TestExecuteBoundsRunawayLoops(t *testing.T) {
	evs := happy()
	evs[StageArchitect] = []Event{PlanRejected}
	s := &script{events: evs}
	s.t, s.calls = t, map[Stage]int{}
	ws, _ := workspace.Open(t.TempDir())
	e := &Engine{Stages: s.stages(), Publisher: event.NewBroker(), MaxTransitions: 10}
	r := &Run{ID: "r", WS: ws, Report: report.New("r", "p", "next", "offline", time.Now())}
	rep, err := e.Execute(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != report.Failed || s.calls[StageArchitect] > 10 {
		t.Errorf("status %s after %d plans, want failed within 10", rep.Status, s.calls[StageArchitect])
	}
}

func TestExecuteInvalidEventFails(t *testing.T) {
	evs := happy()
	evs[StageBuild] = []Event{TestsPass} // not valid while building
	rep, _ := execute(t, &script{events: evs}, context.Background())
	if rep.Status != report.Failed {
		t.Fatalf("status %s, want failed", rep.Status)
	}
}

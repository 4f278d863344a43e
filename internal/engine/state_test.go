package engine

import (
	"errors"
	"testing"
)

func TestTransitionFollowsTheDiagram(t *testing.T) {
	tests := []struct {
		from State
		ev   Event
		to   State
		run  []Stage
	}{
		{Idle, ReceivePrompt, Planning, []Stage{StageIntake, StageArchitect}},
		{Planning, PlanRejected, Planning, []Stage{StageArchitect}},
		{Planning, PlanApproved, Coding, []Stage{StageCoder, StageReviewer}},
		{Planning, MaxPlanRevisions, Failed, nil},
		{Coding, CodeComplete, Building, []Stage{StageBuild}},
		{Coding, LintFixApplied, Coding, []Stage{StageReviewer}},
		{Coding, SecurityCritical, Failed, nil},
		{Building, BuildSuccess, Testing, []Stage{StageTest}},
		{Building, BuildFailed, Healing, []Stage{StageHeal}},
		{Testing, TestsPass, Deploying, []Stage{StagePreview}},
		{Testing, TestsFail, Healing, []Stage{StageHeal}},
		{Healing, FixGenerated, Coding, []Stage{StageReviewer}},
		{Healing, ResourceScaled, Building, []Stage{StageBuild}},
		{Healing, MaxRetriesExceeded, Escalated, nil},
		{Healing, UnknownError, Escalated, nil},
		{Deploying, PreviewDeployed, Preview, []Stage{StageApproval}},
		{Deploying, DeployFailed, Healing, []Stage{StageHeal}},
		{Preview, UserApproved, Production, []Stage{StageDeploy}},
		{Preview, UserRequestedChanges, Coding, []Stage{StageCoder, StageReviewer}},
		{Production, DeploySuccess, Complete, nil},
		{Production, DeployFailed, Healing, []Stage{StageHeal}},
		{Building, Cancel, Cancelled, nil},
		{Healing, Abort, Failed, nil},
	}
	for _, tt := range tests {
		to, cmd, err := Transition(tt.from, tt.ev)
		if err != nil {
			t.Errorf("%s --%s-->: %v", tt.from, tt.ev, err)
			continue
		}
		if to != tt.to {
			t.Errorf("%s --%s--> %s, want %s", tt.from, tt.ev, to, tt.to)
		}
		if to.Terminal() != cmd.Finish {
			t.Errorf("%s: Finish = %v, want %v", to, cmd.Finish, to.Terminal())
		}
		if len(cmd.Run) != len(tt.run) {
			t.Errorf("%s --%s-->: runs %v, want %v", tt.from, tt.ev, cmd.Run, tt.run)
			continue
		}
		for i := range cmd.Run {
			if cmd.Run[i] != tt.run[i] {
				t.Errorf("%s --%s-->: runs %v, want %v", tt.from, tt.ev, cmd.Run, tt.run)
			}
		}
	}
}

func TestTransitionRejectsWhatTheDiagramLacks(t *testing.T) {
	valid := 0
	for _, s := range States() {
		for _, ev := range Events() {
			to, _, err := Transition(s, ev)
			if err == nil {
				valid++
				continue
			}
			var bad *ErrInvalidTransition
			if !errors.As(err, &bad) {
				t.Fatalf("%s --%s-->: error %v is not ErrInvalidTransition", s, ev, err)
			}
			if to != s {
				t.Errorf("%s --%s-->: rejected event moved to %s", s, ev, to)
			}
		}
	}
	// 21 diagram edges plus Cancel and Abort from each of the 9 live states.
	if want := 21 + 2*9; valid != want {
		t.Errorf("%d valid transitions, want %d", valid, want)
	}
}

func TestTerminalStatesAcceptNothing(t *testing.T) {
	for _, s := range []State{Complete, Failed, Escalated, Cancelled} {
		for _, ev := range Events() {
			if _, _, err := Transition(s, ev); err == nil {
				t.Errorf("terminal %s accepted %s", s, ev)
			}
		}
	}
}

// Every non-terminal state can reach Complete, and every state reaches a terminal one.
func TestEveryStateCanFinish(t *testing.T) {
	for _, s := range States() {
		if s.Terminal() {
			continue
		}
		seen := map[State]bool{s: true}
		queue := []State{s}
		for len(queue) > 0 {
			cur := queue[0]
			queue = queue[1:]
			for ev := range transitions[cur] {
				next := transitions[cur][ev]
				if !seen[next] {
					seen[next] = true
					queue = append(queue, next)
				}
			}
		}
		if !seen[Complete] {
			t.Errorf("%s cannot reach complete", s)
		}
	}
}

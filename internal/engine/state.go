package engine

import "fmt"

// State is a state of the agentic loop.
type State string

// The states of the loop.
const (
	Idle       State = "idle"
	Planning   State = "planning"
	Coding     State = "coding"
	Building   State = "building"
	Testing    State = "testing"
	Healing    State = "healing"
	Deploying  State = "deploying"
	Preview    State = "preview"
	Production State = "production"
	Complete   State = "complete"
	Failed     State = "failed"
	Escalated  State = "escalated"
	Cancelled  State = "cancelled"
)

// Terminal reports whether no transition leaves the state.
func (s State) Terminal() bool {
	return s == Complete || s == Failed || s == Escalated || s == Cancelled
}

// Event is what a stage reports back to the machine.
type Event string

// The events of the loop.
const (
	ReceivePrompt        Event = "receive_prompt"
	PlanApproved         Event = "plan_approved"
	PlanRejected         Event = "plan_rejected"
	MaxPlanRevisions     Event = "max_plan_revisions"
	CodeComplete         Event = "code_complete"
	LintFixApplied       Event = "lint_fix_applied"
	SecurityCritical     Event = "security_critical"
	BuildSuccess         Event = "build_success"
	BuildFailed          Event = "build_failed"
	TestsPass            Event = "tests_pass"
	TestsFail            Event = "tests_fail"
	FixGenerated         Event = "fix_generated"
	ResourceScaled       Event = "resource_scaled"
	MaxRetriesExceeded   Event = "max_retries_exceeded"
	UnknownError         Event = "unknown_error"
	PreviewDeployed      Event = "preview_deployed"
	UserApproved         Event = "user_approved"
	UserRequestedChanges Event = "user_requested_changes"
	DeploySuccess        Event = "deploy_success"
	DeployFailed         Event = "deploy_failed"
	// Cancel and Abort may happen in any non-terminal state: the user
	// stopped the run, or infrastructure failed in a way no stage can heal.
	Cancel Event = "cancel"
	Abort  Event = "abort"
)

// transitions is the loop's state diagram (plan §3.3 and §6.6.2).
var transitions = map[State]map[Event]State{
	Idle:       {ReceivePrompt: Planning},
	Planning:   {PlanApproved: Coding, PlanRejected: Planning, MaxPlanRevisions: Failed},
	Coding:     {CodeComplete: Building, LintFixApplied: Coding, SecurityCritical: Failed},
	Building:   {BuildSuccess: Testing, BuildFailed: Healing},
	Testing:    {TestsPass: Deploying, TestsFail: Healing},
	Healing:    {FixGenerated: Coding, ResourceScaled: Building, MaxRetriesExceeded: Escalated, UnknownError: Escalated},
	Deploying:  {PreviewDeployed: Preview, DeployFailed: Healing},
	Preview:    {UserApproved: Production, UserRequestedChanges: Coding},
	Production: {DeploySuccess: Complete, DeployFailed: Healing},
}

// ErrInvalidTransition is returned for an event the state does not accept.
type ErrInvalidTransition struct {
	From  State
	Event Event
}

func (e *ErrInvalidTransition) Error() string {
	return fmt.Sprintf("engine: event %s is not valid in state %s", e.Event, e.From)
}

// Stage names a stage runner.
type Stage string

// The stages.
const (
	StageIntake    Stage = "intake"
	StageArchitect Stage = "architect"
	StageCoder     Stage = "coder"
	StageReviewer  Stage = "reviewer"
	StageBuild     Stage = "build"
	StageHeal      Stage = "heal"
	StageTest      Stage = "test"
	StagePreview   Stage = "preview"
	StageApproval  Stage = "approval"
	StageDeploy    Stage = "deploy"
)

// Command is a side effect the machine asks for: run stages in order (the
// last one reports the next event), or finish the run.
type Command struct {
	Run    []Stage
	Finish bool
}

// Transition is the pure control flow of the loop: the state after event
// happens in state from, and what to do on entering it. It has no side
// effects; stage runners do the work.
func Transition(from State, ev Event) (State, Command, error) {
	if from.Terminal() {
		return from, Command{}, &ErrInvalidTransition{From: from, Event: ev}
	}
	var to State
	switch ev {
	case Cancel:
		to = Cancelled
	case Abort:
		to = Failed
	default:
		next, ok := transitions[from][ev]
		if !ok {
			return from, Command{}, &ErrInvalidTransition{From: from, Event: ev}
		}
		to = next
	}
	return to, command(ev, to), nil
}

func command(ev Event, to State) Command {
	switch to {
	case Planning:
		if ev == ReceivePrompt {
			return Command{Run: []Stage{StageIntake, StageArchitect}}
		}
		return Command{Run: []Stage{StageArchitect}}
	case Coding:
		switch ev {
		case FixGenerated, LintFixApplied:
			// The fix is already in the workspace: review what changed.
			return Command{Run: []Stage{StageReviewer}}
		}
		return Command{Run: []Stage{StageCoder, StageReviewer}}
	case Building:
		return Command{Run: []Stage{StageBuild}}
	case Testing:
		return Command{Run: []Stage{StageTest}}
	case Healing:
		return Command{Run: []Stage{StageHeal}}
	case Deploying:
		return Command{Run: []Stage{StagePreview}}
	case Preview:
		return Command{Run: []Stage{StageApproval}}
	case Production:
		return Command{Run: []Stage{StageDeploy}}
	}
	return Command{Finish: true}
}

// States lists every state, for documentation and tests.
func States() []State {
	return []State{Idle, Planning, Coding, Building, Testing, Healing, Deploying, Preview, Production, Complete, Failed, Escalated, Cancelled}
}

// Events lists every event, for documentation and tests.
func Events() []Event {
	return []Event{ReceivePrompt, PlanApproved, PlanRejected, MaxPlanRevisions, CodeComplete, LintFixApplied,
		SecurityCritical, BuildSuccess, BuildFailed, TestsPass, TestsFail, FixGenerated, ResourceScaled,
		MaxRetriesExceeded, UnknownError, PreviewDeployed, UserApproved, UserRequestedChanges, DeploySuccess,
		DeployFailed, Cancel, Abort}
}

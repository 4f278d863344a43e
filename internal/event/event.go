// Package event defines the one event shape every part of a run emits — the
// CLI progress display, the events.jsonl log, the WebSocket console and the
// stored build logs all consume the same stream — and the broker that fans
// events out to subscribers.
package event

import (
	"encoding/json"
	"time"
)

// Kind says what happened.
type Kind string

// The event kinds.
const (
	StageStarted  Kind = "stage_started"
	StageFinished Kind = "stage_finished"
	Log           Kind = "log"
	Token         Kind = "token"
	FileWritten   Kind = "file_written"
	HealAttempt   Kind = "heal_attempt"
	ReviewFinding Kind = "review_finding"
	Status        Kind = "status"
	Error         Kind = "error"
)

// Source is the part of the system an event comes from.
type Source string

// The sources.
const (
	Architect Source = "architect"
	Coder     Source = "coder"
	Reviewer  Source = "reviewer"
	Build     Source = "build"
	Heal      Source = "heal"
	Test      Source = "test"
	Preview   Source = "preview"
	Deploy    Source = "deploy"
	System    Source = "system"
)

// Level is the severity of an event.
type Level string

// The levels.
const (
	Debug Level = "debug"
	Info  Level = "info"
	Warn  Level = "warn"
	Err   Level = "error"
)

// Event is one thing that happened in a run. Seq is assigned by the broker,
// increasing by one per run; Data holds kind-specific fields as JSON.
type Event struct {
	Seq       int64           `json:"seq"`
	Time      time.Time       `json:"time"`
	RunID     string          `json:"run_id"`
	ProjectID string          `json:"project_id"`
	Stage     string          `json:"stage"`
	Kind      Kind            `json:"kind"`
	Level     Level           `json:"level"`
	Source    Source          `json:"source"`
	Message   string          `json:"message"`
	Data      json.RawMessage `json:"data,omitempty"`
}

// Droppable reports whether a slow subscriber may miss this event. Token
// deltas and debug logs may be dropped; everything else is delivered.
func (e Event) Droppable() bool {
	return e.Kind == Token || (e.Kind == Log && e.Level == Debug)
}

// StageData is the Data of stage_started and stage_finished events.
type StageData struct {
	OK         bool  `json:"ok"`
	DurationMS int64 `json:"duration_ms,omitempty"`
	// Skipped is set when a stage did not run (no tests, no deploy target).
	Skipped bool   `json:"skipped,omitempty"`
	Detail  string `json:"detail,omitempty"`
}

// StatusData is the Data of status events: a state machine transition.
type StatusData struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Event string `json:"event"`
}

// FileData is the Data of file_written events.
type FileData struct {
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
}

// ProgressData is the Data of log events that report progress within a stage.
type ProgressData struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

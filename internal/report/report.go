// Package report owns report.json: the machine-readable account of one run
// (status, per-stage timings, build errors, heal attempts, review findings,
// test counts, usage) that the CLI writes beside every app and the server
// stores per generation.
package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// Status is how a run ended.
type Status string

// The statuses. Only Complete exits 0.
const (
	Running   Status = "running"
	Complete  Status = "complete"
	Escalated Status = "escalated"
	Failed    Status = "failed"
	Cancelled Status = "cancelled"
)

// Report is the content of .nexusgen/report.json.
type Report struct {
	Version   int       `json:"version"`
	RunID     string    `json:"run_id"`
	Status    Status    `json:"status"`
	State     string    `json:"state"`
	Reason    string    `json:"reason,omitempty"`
	Target    string    `json:"target"`
	Provider  string    `json:"provider"`
	Model     string    `json:"model,omitempty"`
	Prompt    string    `json:"prompt"`
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at"`
	// TimingsMS is the wall time of each stage that ran, in milliseconds.
	TimingsMS map[string]int64      `json:"timings_ms"`
	TotalMS   int64                 `json:"total_ms"`
	Files     int                   `json:"files"`
	Build     Build                 `json:"build"`
	Heal      Heal                  `json:"heal"`
	Review    Review                `json:"review"`
	Tests     Tests                 `json:"tests"`
	Usage     Usage                 `json:"usage"`
	Sandbox   *sandbox.Capabilities `json:"sandbox,omitempty"`
}

// Build is the outcome of the last build.
type Build struct {
	OK     bool              `json:"ok"`
	Steps  []Step            `json:"steps"`
	Errors []diag.Diagnostic `json:"errors"`
}

// Step is one command of the build (install, typecheck, lint, build).
type Step struct {
	Name       string `json:"name"`
	OK         bool   `json:"ok"`
	DurationMS int64  `json:"duration_ms"`
	ExitCode   int    `json:"exit_code"`
	// Cached is true when the step was satisfied from a cache (a warm package store).
	Cached bool `json:"cached,omitempty"`
	// Tail is the end of the output of a failed step.
	Tail string `json:"tail,omitempty"`
}

// Heal is the self-healing account.
type Heal struct {
	Attempts []Attempt `json:"attempts"`
	// Escalation explains a run that could not be healed.
	Escalation *Escalation `json:"escalation,omitempty"`
}

// Attempt is one fix applied to one error.
type Attempt struct {
	N          int           `json:"n"`
	Signature  string        `json:"signature"`
	Category   diag.Category `json:"category"`
	Subclass   string        `json:"subclass"`
	Source     string        `json:"source"` // cache | rule | llm
	Fixer      string        `json:"fixer"`
	OK         bool          `json:"ok"`
	DurationMS int64         `json:"duration_ms"`
	Files      []string      `json:"files,omitempty"`
	Diff       string        `json:"diff,omitempty"`
	DiffLines  int           `json:"diff_lines"`
	Error      string        `json:"error,omitempty"`
}

// Escalation is the human-readable account of a failure the healer gave up on.
type Escalation struct {
	Summary  string            `json:"summary"`
	Failing  []diag.Diagnostic `json:"failing"`
	Tried    []string          `json:"tried"`
	LastGood string            `json:"last_good,omitempty"`
}

// Review holds the static reviewer's findings.
type Review struct {
	Findings []Finding `json:"findings"`
}

// Finding is one reviewer finding.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"` // info | warning | error
	File     string `json:"file"`
	Line     int    `json:"line"`
	Message  string `json:"message"`
}

// Tests are the counts of the test stage.
type Tests struct {
	Ran     bool `json:"ran"`
	Passed  int  `json:"passed"`
	Failed  int  `json:"failed"`
	Skipped int  `json:"skipped"`
}

// Usage is model usage; zero for the offline engine.
type Usage struct {
	InputTokens  int64   `json:"input_tokens"`
	OutputTokens int64   `json:"output_tokens"`
	CostUSD      float64 `json:"cost_usd"`
}

// New returns a running report.
func New(runID, prompt, target, provider string, now time.Time) *Report {
	return &Report{
		Version:   1,
		RunID:     runID,
		Status:    Running,
		Prompt:    prompt,
		Target:    target,
		Provider:  provider,
		StartedAt: now.UTC(),
		TimingsMS: map[string]int64{},
		Build:     Build{Steps: []Step{}, Errors: []diag.Diagnostic{}},
		Heal:      Heal{Attempts: []Attempt{}},
		Review:    Review{Findings: []Finding{}},
	}
}

// Write stores the report atomically at path (write to a temporary file, rename).
func (r *Report) Write(path string) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	return WriteFileAtomic(path, append(data, '\n'))
}

// Read loads a report.
func Read(path string) (*Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return &r, nil
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, so readers never see a half-written file.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

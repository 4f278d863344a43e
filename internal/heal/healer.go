package heal

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/stages"
)

// Modules resets a project's installed packages (the package store's
// Detach makes a linked node_modules private first).
type Modules interface {
	Detach(dir string) error
}

// Config is what the healer is built from.
type Config struct {
	// Retry bounds the cycles; zero means DefaultRetryConfig.
	Retry RetryConfig
	// Rules are the deterministic fixers, most specific first.
	Rules []Fixer
	// Fallbacks run when no rule applies (a known-good template, a fresh
	// lockfile, another package manager, the last successful build).
	Fallbacks []Fixer
	// LLM is the model fixer; nil when no provider is configured.
	LLM Fixer
	// Cache is the fix cache; nil keeps no memory across runs.
	Cache *Cache
	// Registry answers package questions; nil when offline.
	Registry Registry
	// Modules resets node_modules for fixes that ask to reinstall.
	Modules Modules
	// Clock and Rand make waits testable (SystemClock and a uniform draw by default).
	Clock Clock
	Rand  func() float64
	// MaxBatch is how many independent errors, in different files, one
	// cycle may fix (default 3).
	MaxBatch int
	Log      *slog.Logger
}

// Healer repairs failing builds and tests: it implements stages.Healer.
// One Healer serves many runs at once; each run's memory lives in a
// session keyed by the run's ID.
type Healer struct {
	cfg      Config
	byName   map[string]Fixer
	mu       sync.Mutex
	sessions map[string]*session
	order    []string
}

var (
	_ stages.Healer       = (*Healer)(nil)
	_ stages.HealObserver = (*Healer)(nil)
)

// maxSessions bounds the runs remembered at once; the oldest is forgotten.
const maxSessions = 256

// New returns a healer for cfg.
func New(cfg Config) (*Healer, error) {
	if cfg.Retry.MaxRetries == 0 {
		cfg.Retry = DefaultRetryConfig()
	}
	if err := cfg.Retry.Validate(); err != nil {
		return nil, err
	}
	if cfg.Clock == nil {
		cfg.Clock = SystemClock{}
	}
	if cfg.Rand == nil {
		cfg.Rand = defaultUnit
	}
	if cfg.MaxBatch <= 0 {
		cfg.MaxBatch = 3
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	h := &Healer{cfg: cfg, byName: map[string]Fixer{}, sessions: map[string]*session{}}
	all := append(append([]Fixer{}, cfg.Rules...), cfg.Fallbacks...)
	if cfg.LLM != nil {
		all = append(all, cfg.LLM)
	}
	for _, f := range all {
		if _, dup := h.byName[f.Name()]; dup {
			return nil, fmt.Errorf("heal: two fixers named %q", f.Name())
		}
		h.byName[f.Name()] = f
	}
	return h, nil
}

// Cache is the healer's fix cache (nil when none).
func (h *Healer) Cache() *Cache { return h.cfg.Cache }

// session returns the run's session, starting one for a run it has not
// seen: a new Run that reuses an ID starts afresh.
func (h *Healer) session(r *engine.Run) *session {
	h.mu.Lock()
	defer h.mu.Unlock()
	if s, ok := h.sessions[r.ID]; ok && s.run == r {
		return s
	}
	s := newSession(r)
	if _, ok := h.sessions[r.ID]; !ok {
		h.order = append(h.order, r.ID)
	}
	h.sessions[r.ID] = s
	if len(h.order) > maxSessions {
		delete(h.sessions, h.order[0])
		h.order = h.order[1:]
	}
	return s
}

func (h *Healer) forget(runID string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.sessions, runID)
}

// Heal judges the last cycle's fixes, then applies the next fix (or a
// small batch of fixes to independent files) for r.Failing, waits and
// rebuilds for machine and network failures, or escalates.
func (h *Healer) Heal(ctx context.Context, r *engine.Run) (stages.HealOutcome, error) {
	s := h.session(r)
	current := h.judge(ctx, s, r)
	if !s.snapshotTaken {
		s.snapshotTaken = true
		if err := keepOriginal(r.WS); err != nil {
			h.cfg.Log.Warn("keep the files before healing", "err", err)
		}
	}
	errs := errorsOf(current)
	if len(errs) == 0 {
		out := h.escalate(s, r, current, engine.UnknownError, "the "+string(r.FailedStage)+" failed without saying why")
		return out, nil
	}
	if s.cycles >= h.cfg.Retry.MaxRetries {
		return h.escalate(s, r, current, engine.MaxRetriesExceeded,
			fmt.Sprintf("%d heal cycles did not make the %s pass", s.cycles, r.FailedStage)), nil
	}
	if d, ok := firstWaiting(errs); ok {
		return h.wait(ctx, s, r, d, current)
	}
	if allGenerated(errs) && !s.cleared {
		// Only files the build generates fail: stale route types of an
		// earlier build. Clear them and build again.
		s.cleared = true
		s.cycles++
		s.perCategory[errs[0].Category]++
		_ = os.RemoveAll(filepath.Join(r.WS.Dir(), ".next"))
		r.Logf(event.Heal, "only generated files fail (%s); clearing .next and rebuilding", errs[0].File)
		return stages.HealOutcome{Event: engine.ResourceScaled}, nil
	}
	plan, limited := h.plan(ctx, s, r, errs)
	if len(plan) == 0 {
		ev, why := engine.UnknownError, noFixReason(errs[0])
		if limited != "" {
			ev, why = engine.MaxRetriesExceeded, limited
		}
		return h.escalate(s, r, current, ev, why), nil
	}
	s.prevFailing = current
	out, err := h.apply(ctx, s, r, plan)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return stages.HealOutcome{}, err
		}
		return stages.HealOutcome{}, fmt.Errorf("apply fix: %w", err)
	}
	return out, nil
}

func allGenerated(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if !generated(d.File) {
			return false
		}
	}
	return len(ds) > 0
}

func noFixReason(d diag.Diagnostic) string {
	where := d.File
	if where == "" {
		where = "the project"
	}
	return fmt.Sprintf("no fix is known for %s %s in %s: %s", d.Category, subclassOr(d.Subclass), where, firstLine(d.Message))
}

func subclassOr(s string) string {
	if s == "" {
		return "error"
	}
	return s
}

// firstWaiting returns the first network or machine failure: nothing in
// the code can fix it, so nothing else is tried before it clears.
func firstWaiting(ds []diag.Diagnostic) (diag.Diagnostic, bool) {
	for _, d := range ds {
		if Waits(d.Category) && !offlineByDesign(d) {
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

// offlineByDesign reports a network failure of code that runs while
// building or testing, which have no network on purpose: waiting cannot
// help, changing the code (render on request, fall back) can.
func offlineByDesign(d diag.Diagnostic) bool {
	return d.Category == diag.Network && d.Tool != diag.ToolNPM
}

// wait sleeps the backoff delay and asks for a rebuild of the unchanged project.
func (h *Healer) wait(ctx context.Context, s *session, r *engine.Run, d diag.Diagnostic, current []diag.Diagnostic) (stages.HealOutcome, error) {
	cat := d.Category
	if s.perCategory[cat] >= h.cfg.Retry.Limit(cat) {
		return h.escalate(s, r, current, engine.MaxRetriesExceeded,
			fmt.Sprintf("%s failure persisted after %d retries: %s", cat, s.perCategory[cat], firstLine(d.Message))), nil
	}
	s.waits[cat]++
	delay := h.cfg.Retry.Delay(s.waits[cat], h.cfg.Rand)
	r.Logf(event.Heal, "%s failure (%s); retrying in %.1fs", cat, firstLine(d.Message), delay.Seconds())
	start := h.cfg.Clock.Now()
	if err := h.cfg.Clock.Sleep(ctx, delay); err != nil {
		return stages.HealOutcome{}, err
	}
	s.cycles++
	s.perCategory[cat]++
	recipe := Recipe{Fixer: "retry.backoff"}
	a := newAttempt(r, 0, d, recipe, "rule")
	a.DurationMS = h.cfg.Clock.Now().Sub(start).Milliseconds()
	a.Error = pendingNote
	s.pending = append(s.pending, &pendingAttempt{index: a.N - 1, identity: identity(d), diag: d, recipe: recipe, wait: true})
	s.history = append(s.history, fmt.Sprintf("#%d waited %.1fs after %s %s and rebuilt", a.N, delay.Seconds(), cat, firstLine(d.Message)))
	return stages.HealOutcome{Event: engine.ResourceScaled, Attempts: []report.Attempt{a}}, nil
}

func firstLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

package heal

import (
	"context"
	"fmt"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
)

// judge decides the last cycle's attempts from r.Failing: an attempt whose
// error is still there failed — its files are put back, its recipe is
// demoted in the cache and never applied to that error again — and one
// whose error is gone worked. It returns the failures of the project as it
// now is. A failure of the machine or the network says nothing about the
// fixes; their verdict waits for a build that gets as far.
func (h *Healer) judge(ctx context.Context, s *session, r *engine.Run) []diag.Diagnostic {
	if len(s.pending) == 0 {
		return r.Failing
	}
	still := failingIDs(r.Failing)
	if blocked(r.Failing) {
		var keep []*pendingAttempt
		for _, p := range s.pending {
			if !p.wait {
				keep = append(keep, p)
				continue
			}
			why := ""
			if still[p.identity] {
				why = "the same failure came back after the wait"
			}
			h.verdict(ctx, r, p, why == "", why)
		}
		s.pending = keep
		return r.Failing
	}
	reverted := map[string]bool{}
	n := 0
	for _, p := range s.pending {
		if p.wait || !p.persists(r.Failing) {
			h.verdict(ctx, r, p, true, "")
			continue
		}
		why := "the same error came back after the fix"
		if err := restore(r.WS, p.before); err != nil {
			why += fmt.Sprintf("; putting the files back failed: %v", err)
		} else {
			why += "; the change was undone"
			n++
			for _, b := range p.before {
				reverted[b.path] = true
			}
		}
		h.verdict(ctx, r, p, false, why)
	}
	all := len(s.pending)
	s.pending = nil
	switch {
	case n == 0 || s.prevFailing == nil:
		return r.Failing
	case n == all:
		// The project is back where the failed fixes started.
		return s.prevFailing
	}
	// Files put back fail as they did before; the others as they do now.
	var out []diag.Diagnostic
	for _, d := range s.prevFailing {
		if reverted[d.File] {
			out = append(out, d)
		}
	}
	for _, d := range r.Failing {
		if !reverted[d.File] {
			out = append(out, d)
		}
	}
	return out
}

// verdict records the outcome of one attempt in the report, the cache and
// the event stream.
func (h *Healer) verdict(ctx context.Context, r *engine.Run, p *pendingAttempt, ok bool, why string) {
	if p.index >= 0 && p.index < len(r.Report.Heal.Attempts) {
		a := &r.Report.Heal.Attempts[p.index]
		a.OK = ok
		a.Error = why
		level, word := event.Info, "fixed"
		if !ok {
			level, word = event.Warn, "not fixed"
		}
		r.Emit(event.HealAttempt, level, event.Heal, fmt.Sprintf("#%d %s %s via %s (%s): %s", a.N, a.Category, subclassOr(a.Subclass), a.Source, a.Fixer, word), *a)
	}
	if p.wait {
		return
	}
	if err := h.cfg.Cache.Record(ctx, diag.Signature(p.diag), p.recipe, ok, h.cfg.Clock.Now()); err != nil {
		h.cfg.Log.Warn("fix cache record", "err", err)
	}
	if p.fromCache {
		h.cfg.Cache.noteApplied(ok)
	}
}

// Passed tells the healer a build or test run passed: every pending fix
// worked, and the project is kept as the last good version.
func (h *Healer) Passed(ctx context.Context, r *engine.Run, stage engine.Stage) {
	h.mu.Lock()
	s, ok := h.sessions[r.ID]
	h.mu.Unlock()
	if ok && s.run == r {
		for _, p := range s.pending {
			h.verdict(ctx, r, p, true, "")
		}
		s.pending = nil
	}
	if stage == engine.StageBuild {
		if err := saveLastGood(r.WS); err != nil {
			h.cfg.Log.Warn("keep the last good build", "err", err)
		}
	}
}

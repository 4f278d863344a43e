package heal

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/stages"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// pendingNote marks an attempt whose outcome the next build will tell.
const pendingNote = "pending: applied, waiting for the next build"

// apply writes the planned fixes, keeps what they replace and returns the
// attempts for the report.
func (h *Healer) apply(ctx context.Context, s *session, r *engine.Run, plan []candidate) (stages.HealOutcome, error) {
	out := stages.HealOutcome{Event: engine.FixGenerated}
	s.cycles++
	cats := map[diag.Category]bool{}
	for i, c := range plan {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		start := h.cfg.Clock.Now()
		a := newAttempt(r, i, c.diag, c.recipe(), c.source)
		befores, diffs, lines, err := writeChanges(r.WS, c.fix.Changes)
		if err != nil {
			// Put back what was written before the failure.
			_ = restore(r.WS, befores)
			return out, err
		}
		if c.fix.Reinstall {
			if err := h.reinstall(r.WS.Dir()); err != nil {
				return out, err
			}
		}
		if err := keepAttempt(r.WS, a.N, befores, diffs); err != nil {
			h.cfg.Log.Warn("keep attempt snapshot", "err", err)
		}
		for _, b := range befores {
			a.Files = append(a.Files, b.path)
			if !slices.Contains(out.Changed, b.path) {
				out.Changed = append(out.Changed, b.path)
			}
		}
		a.Diff, a.DiffLines = diffs, lines
		a.DurationMS = h.cfg.Clock.Now().Sub(start).Milliseconds()
		a.Error = pendingNote
		r.Report.Usage.InputTokens += c.fix.Usage.InputTokens
		r.Report.Usage.OutputTokens += c.fix.Usage.OutputTokens
		r.Report.Usage.CostUSD += c.fix.Usage.CostUSD
		out.Attempts = append(out.Attempts, a)
		recipe := c.recipe()
		s.tried[s.triedKey(c.identity, recipe)] = true
		s.seen[c.identity]++
		s.pending = append(s.pending, &pendingAttempt{
			index: a.N - 1, identity: c.identity, diag: c.diag, recipe: recipe, fromCache: c.fromCache, before: befores,
			lineMap: mapperFor(c.diag.File, befores, c.fix.Changes),
		})
		note := c.fix.Note
		if note == "" {
			note = recipe.String()
		}
		s.history = append(s.history, fmt.Sprintf("#%d %s (%s) on %s: %s", a.N, recipe, c.source, describe(c.diag), note))
		r.Logf(event.Heal, "%s via %s (%s): %s", describe(c.diag), recipe, c.source, note)
		cats[c.diag.Category] = true
	}
	for cat := range cats {
		s.perCategory[cat]++
	}
	// Route types Next.js generated for the old files would fail the next
	// typecheck before the build writes them afresh.
	_ = os.RemoveAll(filepath.Join(r.WS.Dir(), ".next", "types"))
	_ = os.RemoveAll(filepath.Join(r.WS.Dir(), ".next", "dev", "types"))
	return out, nil
}

// mapperFor maps lines of file across the fix (nil when it left file alone).
func mapperFor(file string, befores []fileBefore, changes []Change) func(int) int {
	for _, b := range befores {
		if b.path != file {
			continue
		}
		for _, ch := range changes {
			if ch.Path == file {
				return lineMapper(b.data, ch.Data)
			}
		}
	}
	return func(n int) int { return n }
}

// newAttempt starts the report entry of the i-th attempt of this cycle.
func newAttempt(r *engine.Run, i int, d diag.Diagnostic, recipe Recipe, source string) report.Attempt {
	return report.Attempt{
		N:         len(r.Report.Heal.Attempts) + i + 1,
		Signature: diag.Signature(d),
		Category:  d.Category,
		Subclass:  d.Subclass,
		Source:    source,
		Fixer:     recipe.String(),
	}
}

// writeChanges applies changes and returns what each file held before,
// the combined diff and its changed-line count.
func writeChanges(ws *workspace.Workspace, changes []Change) ([]fileBefore, string, int, error) {
	var befores []fileBefore
	var diff strings.Builder
	lines := 0
	for _, ch := range changes {
		clean, err := workspace.CleanPath(ch.Path)
		if err != nil {
			return befores, "", 0, err
		}
		old, err := ws.ReadFile(clean)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return befores, "", 0, err
		}
		if err != nil {
			old = nil
		} else if old == nil {
			old = []byte{}
		}
		if ch.Data == nil && old == nil {
			continue
		}
		if ch.Data != nil && old != nil && string(old) == string(ch.Data) {
			continue
		}
		befores = append(befores, fileBefore{path: clean, data: old})
		if ch.Data == nil {
			err = ws.Remove(clean)
		} else {
			_, err = ws.WriteFile(clean, ch.Data)
		}
		if err != nil {
			return befores, "", 0, err
		}
		d, n := Diff(clean, old, ch.Data)
		diff.WriteString(d)
		lines += n
	}
	return befores, diff.String(), lines, nil
}

// restore puts files back as they were.
func restore(ws *workspace.Workspace, befores []fileBefore) error {
	var errs []error
	for i := len(befores) - 1; i >= 0; i-- {
		b := befores[i]
		var err error
		if b.data == nil {
			if ws.Exists(b.path) {
				err = ws.Remove(b.path)
			}
		} else {
			_, err = ws.WriteFile(b.path, b.data)
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// reinstall discards node_modules so the next install starts afresh.
func (h *Healer) reinstall(dir string) error {
	if h.cfg.Modules != nil {
		if err := h.cfg.Modules.Detach(dir); err != nil {
			return err
		}
	}
	return os.RemoveAll(filepath.Join(dir, "node_modules"))
}

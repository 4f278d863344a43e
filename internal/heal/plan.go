package heal

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
)

// candidate is a fix ready to apply to one error.
type candidate struct {
	diag      diag.Diagnostic
	identity  string
	fixer     Fixer
	fix       Fix
	source    string // cache | rule | llm
	fromCache bool
	fallback  bool
}

func (c candidate) recipe() Recipe { return Recipe{Fixer: c.fixer.Name(), Variant: c.fix.Variant} }

// files are the paths the candidate writes, and the file of its error.
func (c candidate) files() []string {
	var out []string
	for _, ch := range c.fix.Changes {
		out = append(out, ch.Path)
	}
	if c.diag.File != "" {
		out = append(out, c.diag.File)
	}
	return out
}

// plan chooses this cycle's fixes: the first error (causes come first) that
// some fixer can repair, plus up to MaxBatch-1 more errors in other files
// that a rule or a cached recipe repairs without touching the same files.
// Errors whose category has used its cycles are skipped; limited says so
// when that left nothing to do.
func (h *Healer) plan(ctx context.Context, s *session, r *engine.Run, errs []diag.Diagnostic) (plan []candidate, limited string) {
	used := map[string]bool{}
	ids := map[string]bool{}
	for _, d := range errs {
		if ctx.Err() != nil {
			return nil, ""
		}
		cat := d.Category
		if s.perCategory[cat] >= h.cfg.Retry.Limit(cat) && !slices.ContainsFunc(plan, func(c candidate) bool { return c.diag.Category == cat }) {
			if limited == "" {
				limited = fmt.Sprintf("the %d heal cycles allowed for %s errors are spent; still failing: %s", h.cfg.Retry.Limit(cat), cat, describe(d))
			}
			continue
		}
		id := identity(d)
		if ids[id] || generated(d.File) {
			continue
		}
		if len(plan) > 0 && (d.File == "" || used[d.File] || len(plan) >= h.cfg.MaxBatch) {
			continue
		}
		c, ok := h.find(ctx, s, r, d, len(plan) == 0)
		if !ok {
			continue
		}
		if len(plan) > 0 && slices.ContainsFunc(c.files(), func(f string) bool { return used[f] }) {
			continue
		}
		plan = append(plan, c)
		ids[id] = true
		for _, f := range c.files() {
			used[f] = true
		}
		if c.source == "llm" || c.fallback {
			break // whole-file and whole-project remedies are not batched
		}
	}
	return plan, limited
}

// find returns the first fix for d: recipes from the cache, then rules,
// then fallbacks, then the model. Each recipe is applied at most once to
// an error in a run.
func (h *Healer) find(ctx context.Context, s *session, r *engine.Run, d diag.Diagnostic, first bool) (candidate, bool) {
	id := identity(d)
	p := Params{Diag: d, Failing: r.Failing, Files: r.WS, Registry: h.cfg.Registry, Tried: s.history}
	try := func(f Fixer, variant, source string, fallback bool) (candidate, bool) {
		if f == nil || !f.Accepts(d) {
			return candidate{}, false
		}
		if variant != "" && s.tried[s.triedKey(id, Recipe{f.Name(), variant})] {
			return candidate{}, false
		}
		q := p
		q.Variant = variant
		q.Exclude = s.variantsTried(id, f.Name())
		fix, err := f.Fix(ctx, q)
		switch {
		case errors.Is(err, ErrNotApplicable):
			return candidate{}, false
		case err != nil:
			h.cfg.Log.Info("fixer failed", "fixer", f.Name(), "err", err)
			s.history = append(s.history, fmt.Sprintf("%s could not run on %s: %v", f.Name(), describe(d), err))
			return candidate{}, false
		case len(fix.Changes) == 0 && !fix.Reinstall:
			return candidate{}, false
		}
		if s.tried[s.triedKey(id, Recipe{f.Name(), fix.Variant})] {
			return candidate{}, false
		}
		return candidate{diag: d, identity: id, fixer: f, fix: fix, source: source, fromCache: source == "cache", fallback: fallback}, true
	}
	if hits, err := h.cfg.Cache.Lookup(ctx, diag.Signature(d)); err != nil {
		h.cfg.Log.Warn("fix cache lookup", "err", err)
	} else {
		for _, hit := range hits {
			f, ok := h.byName[hit.Recipe.Fixer]
			fallback := slices.Contains(h.cfg.Fallbacks, f)
			if !ok || (f == h.cfg.LLM || fallback) && !first {
				continue // a model or a fallback is never part of a batch
			}
			variant := hit.Recipe.Variant
			if variant == "" && s.fixerTried(id, f.Name()) {
				continue
			}
			if c, ok := try(f, variant, "cache", fallback); ok {
				return c, true
			}
		}
	}
	if !h.cfg.Retry.Retryable(d.Category) && d.Category != diag.Unknown && !offlineByDesign(d) {
		return candidate{}, false
	}
	for _, f := range h.cfg.Rules {
		if s.fixerTried(id, f.Name()) && !multiVariant(f) {
			continue
		}
		if c, ok := try(f, "", "rule", false); ok {
			return c, true
		}
	}
	if !first {
		return candidate{}, false
	}
	for _, f := range h.cfg.Fallbacks {
		if s.fixerTried(id, f.Name()) && !multiVariant(f) {
			continue
		}
		if c, ok := try(f, "", "rule", true); ok {
			return c, true
		}
	}
	if h.cfg.LLM != nil {
		if c, ok := try(h.cfg.LLM, "", "llm", false); ok {
			return c, true
		}
	}
	return candidate{}, false
}

// generated reports a file the build writes (Next.js route types) or
// installs: its errors follow from the project's files and are fixed there.
func generated(file string) bool {
	return strings.HasPrefix(file, ".next/") || strings.HasPrefix(file, "node_modules/")
}

// Variants is implemented by fixers with alternatives: after one fails on
// an error, the fixer is asked again with Params.Exclude naming it.
type Variants interface {
	HasVariants() bool
}

func multiVariant(f Fixer) bool {
	v, ok := f.(Variants)
	return ok && v.HasVariants()
}

// describe names an error in a sentence.
func describe(d diag.Diagnostic) string {
	where := ""
	if d.File != "" {
		where = " in " + d.File
		if d.Line > 0 {
			where += fmt.Sprintf(":%d", d.Line)
		}
	}
	return fmt.Sprintf("%s/%s%s (%s)", d.Category, subclassOr(d.Subclass), where, firstLine(d.Message))
}

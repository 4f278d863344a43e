package heal

import (
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
)

// session is the healer's memory of one run: what it spent per category,
// what it tried on which error, and the fixes whose outcome the next build
// will tell.
type session struct {
	run *engine.Run
	// cycles counts heal cycles that applied a fix or waited.
	cycles int
	// perCategory counts cycles per category touched.
	perCategory map[diag.Category]int
	// tried holds identity|fixer|variant of every recipe applied.
	tried map[string]bool
	// seen counts how often an error identity has been attempted.
	seen map[string]int
	// pending are the attempts of the last cycle, not yet judged.
	pending []*pendingAttempt
	// prevFailing is what failed before the last cycle's fixes.
	prevFailing []diag.Diagnostic
	// history describes every attempt, for fixers that read it and for escalation.
	history []string
	// waits counts backoff waits per category, for the delay's exponent.
	waits map[diag.Category]int
	// snapshotTaken is set once the files before the first fix are kept.
	snapshotTaken bool
	// cleared is set once generated build files were cleared.
	cleared bool
}

func newSession(r *engine.Run) *session {
	return &session{
		run:         r,
		perCategory: map[diag.Category]int{},
		tried:       map[string]bool{},
		seen:        map[string]int{},
		waits:       map[diag.Category]int{},
	}
}

// pendingAttempt is an applied fix waiting for the next build's verdict.
type pendingAttempt struct {
	index     int // into Report.Heal.Attempts
	identity  string
	diag      diag.Diagnostic
	recipe    Recipe
	fromCache bool
	// before holds the content each changed file had (nil: it did not exist).
	before []fileBefore
	// wait marks a rebuild after a backoff, not a code change.
	wait bool
	// lineMap maps a line of the error's file before the fix to the line
	// it became (identity when the fix left the file alone).
	lineMap func(int) int
}

// persists reports whether the attempt's error is still failing: the same
// identity at the line the old one moved to (give or take one). Without
// line numbers, the identity alone decides.
func (p *pendingAttempt) persists(failing []diag.Diagnostic) bool {
	for _, d := range failing {
		if identity(d) != p.identity {
			continue
		}
		if p.diag.Line == 0 || d.Line == 0 || p.lineMap == nil {
			return true
		}
		if m := p.lineMap(p.diag.Line); d.Line >= m-1 && d.Line <= m+1 {
			return true
		}
	}
	return false
}

// lineMapper maps lines of before to lines of after.
func lineMapper(before, after []byte) func(int) int {
	ops := lineOps(splitLines(before), splitLines(after))
	return func(n int) int {
		for _, o := range ops {
			if o.kind != '+' && o.a >= n {
				if o.kind == ' ' {
					return o.b - (o.a - n)
				}
				return max(o.b, 1)
			}
		}
		return n + len(splitLines(after)) - len(splitLines(before))
	}
}

type fileBefore struct {
	path string
	data []byte
}

// identity names an error independently of the tool that reported it and
// of where in the file it sits: the same class, file and particulars. A fix
// whose error keeps its identity in the next build did not work.
func identity(d diag.Diagnostic) string {
	subjects := diag.Subjects(d)
	slices.Sort(subjects)
	return strings.Join([]string{string(d.Category), d.Subclass, d.File, strings.Join(subjects, ",")}, "|")
}

func (s *session) triedKey(id string, r Recipe) string { return id + "|" + r.Fixer + "|" + r.Variant }

// variantsTried lists the variants of fixer already applied to an error.
func (s *session) variantsTried(id, fixer string) []string {
	var out []string
	prefix := id + "|" + fixer + "|"
	for k := range s.tried {
		if v, ok := strings.CutPrefix(k, prefix); ok {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// fixerTried reports whether fixer was applied to the error in any variant.
func (s *session) fixerTried(id, fixer string) bool {
	return len(s.variantsTried(id, fixer)) > 0
}

// failingIDs is the set of identities of ds.
func failingIDs(ds []diag.Diagnostic) map[string]bool {
	m := map[string]bool{}
	for _, d := range ds {
		m[identity(d)] = true
	}
	return m
}

// errorsOf returns the diagnostics that failed the command, or all of them
// when none is marked an error. Lint findings come last: the build reports
// them without failing on them, so they are fixed only when nothing else fails.
func errorsOf(ds []diag.Diagnostic) []diag.Diagnostic {
	var errs, lint []diag.Diagnostic
	for _, d := range ds {
		switch {
		case d.Severity == diag.SeverityWarning:
		case d.Tool == diag.ToolESLint:
			lint = append(lint, d)
		default:
			errs = append(errs, d)
		}
	}
	switch {
	case len(errs) > 0:
		return errs
	case len(lint) > 0:
		return lint
	}
	return ds
}

// blocked reports whether a failure says nothing about the code: the
// machine or the network failed, so the fixes of the last cycle cannot be
// judged by it.
func blocked(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if Waits(d.Category) && !offlineByDesign(d) {
			return true
		}
	}
	return false
}

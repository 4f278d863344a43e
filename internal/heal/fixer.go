package heal

import (
	"context"
	"errors"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/report"
)

// Fixer repairs one kind of error. Fix reads the project through
// Params.Files and returns the changes to make; it never writes. The healer
// applies the changes, keeps the files they replace, records the diff and
// learns from the next build whether the fix worked.
type Fixer interface {
	// Name identifies the fixer in reports and in the fix cache's recipes;
	// it must not change between releases.
	Name() string
	// Accepts is a cheap test (no I/O) of whether the fixer handles this
	// kind of diagnostic at all.
	Accepts(d diag.Diagnostic) bool
	// Fix returns the repair of p.Diag, or an error wrapping
	// ErrNotApplicable when this project does not have the shape the fixer
	// repairs. Other errors are failures of the fixer's tools (the registry
	// could not be reached) and count as a failed attempt.
	Fix(ctx context.Context, p Params) (Fix, error)
}

// ErrNotApplicable says a fixer does not apply to a diagnostic in this
// project; the healer moves on to the next one without counting an attempt.
var ErrNotApplicable = errors.New("heal: fixer not applicable")

// NotApplicable returns an error wrapping ErrNotApplicable with a reason.
func NotApplicable(reason string) error { return &notApplicable{reason} }

type notApplicable struct{ reason string }

func (e *notApplicable) Error() string { return "not applicable: " + e.reason }
func (e *notApplicable) Unwrap() error { return ErrNotApplicable }

// Files is read access to the project.
type Files interface {
	// ReadFile reads a slash path relative to the project root.
	ReadFile(path string) ([]byte, error)
	// Files lists the project's source files (no node_modules, .next,
	// .nexusgen), sorted.
	Files() ([]string, error)
}

// Registry answers questions about npm packages.
type Registry interface {
	// View returns the JSON output of `npm view <spec> <fields…> --json`.
	// A package that does not exist is an error wrapping ErrNoPackage.
	View(ctx context.Context, spec string, fields ...string) ([]byte, error)
}

// ErrNoPackage is returned by a Registry for a package or version that does
// not exist.
var ErrNoPackage = errors.New("heal: no such package or version")

// Params is one request to fix a diagnostic.
type Params struct {
	// Diag is the diagnostic to fix.
	Diag diag.Diagnostic
	// Failing is every diagnostic of the failed build, causes first; a fixer
	// may repair the diagnostics of its kind among them in one go.
	Failing []diag.Diagnostic
	Files   Files
	// Registry is nil when no package registry can be asked.
	Registry Registry
	// Variant is set when a cached recipe is replayed: the alternative of
	// the fixer that worked before. Fixers without alternatives ignore it.
	Variant string
	// Exclude names the variants of this fixer already applied to this
	// error in the run; a fixer with alternatives offers another one.
	Exclude []string
	// Tried describes the attempts of this run so far, for fixers that
	// reason about them (a model).
	Tried []string
}

// Change replaces one file. Nil Data deletes it.
type Change struct {
	Path string
	Data []byte
}

// Fix is what a fixer proposes.
type Fix struct {
	Changes []Change
	// Reinstall discards node_modules (and the install linked from the
	// package store) so the next install starts afresh.
	Reinstall bool
	// Note says in words what the fix does.
	Note string
	// Variant names the alternative the fixer chose, replayed from the cache.
	Variant string
	// Usage is what a model spent on the fix.
	Usage report.Usage
}

// Recipe is a fix cache entry's remedy: a fixer, and which of its
// alternatives, applied again to the concrete diagnostic of another app —
// "add the package the diagnostic names", never a patch of one app's files.
type Recipe struct {
	Fixer   string `json:"fixer"`
	Variant string `json:"variant,omitempty"`
}

// String is the recipe's name as shown in reports.
func (r Recipe) String() string {
	if r.Variant == "" {
		return r.Fixer
	}
	return r.Fixer + "/" + r.Variant
}

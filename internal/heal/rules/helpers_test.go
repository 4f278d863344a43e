package rules

import (
	"context"
	"errors"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// run applies fixer to d in a project holding files and returns the
// project's files after the fix (deleted files are absent).
func run(t *testing.T, f heal.Fixer, files map[string]string, d diag.Diagnostic, opts ...func(*heal.Params)) (map[string]string, heal.Fix, error) {
	t.Helper()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	for p, c := range files {
		if _, err := ws.WriteFile(p, []byte(c)); err != nil {
			t.Fatal(err)
		}
	}
	if !f.Accepts(d) {
		return nil, heal.Fix{}, errNotAccepted
	}
	p := heal.Params{Diag: d, Failing: []diag.Diagnostic{d}, Files: ws, Registry: testRegistry}
	for _, o := range opts {
		o(&p)
	}
	fix, err := f.Fix(context.Background(), p)
	if err != nil {
		return nil, fix, err
	}
	out := map[string]string{}
	for k, v := range files {
		out[k] = v
	}
	for _, ch := range fix.Changes {
		if ch.Data == nil {
			delete(out, ch.Path)
			continue
		}
		out[ch.Path] = string(ch.Data)
	}
	return out, fix, nil
}

var errNotAccepted = errors.New("the fixer does not accept the diagnostic")

// mustFix runs and fails the test unless the fixer applied.
func mustFix(t *testing.T, f heal.Fixer, files map[string]string, d diag.Diagnostic, opts ...func(*heal.Params)) map[string]string {
	t.Helper()
	out, _, err := run(t, f, files, d, opts...)
	if err != nil {
		t.Fatalf("%s: %v", f.Name(), err)
	}
	return out
}

// mustNotFix fails the test if the fixer applied.
func mustNotFix(t *testing.T, f heal.Fixer, files map[string]string, d diag.Diagnostic) {
	t.Helper()
	_, fix, err := run(t, f, files, d)
	if err == nil {
		t.Fatalf("%s applied: %+v", f.Name(), fix)
	}
	if !errors.Is(err, heal.ErrNotApplicable) && !errors.Is(err, errNotAccepted) {
		t.Fatalf("%s: %v", f.Name(), err)
	}
}

func classify(d diag.Diagnostic) diag.Diagnostic { return diag.Classify(d) }

func withExclude(v ...string) func(*heal.Params) { return func(p *heal.Params) { p.Exclude = v } }

var testRegistry = regTable{
	"date-fns":             {{"4.4.0", nil}},
	"clsx":                 {{"2.1.1", nil}},
	"zod":                  {{"4.6.7", nil}},
	"@tailwindcss/postcss": {{"4.3.5", nil}},
	"old-ui": {
		{"1.0.0", map[string]string{"react": "^17.0.0"}},
		{"2.0.0", map[string]string{"react": "^18.0.0"}},
		{"2.5.0", map[string]string{"react": "^18.0.0 || ^19.0.0"}},
		{"3.1.0", map[string]string{"react": "^19.0.0"}},
		{"4.0.0-beta.1", map[string]string{"react": "^19.0.0"}},
	},
	"stale-lib": {{"1.0.0", map[string]string{"react": "^16.0.0"}}},
}

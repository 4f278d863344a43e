package rules_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/faults"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/heal/rules"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// fakeRegistry answers npm view from a table of releases.
type fakeRegistry map[string][]fakeRelease

type fakeRelease struct {
	Version string            `json:"version"`
	Peers   map[string]string `json:"peerDependencies,omitempty"`
}

func (f fakeRegistry) View(ctx context.Context, spec string, fields ...string) ([]byte, error) {
	name, rng := spec, ""
	if i := strings.LastIndex(spec, "@"); i > 0 {
		name, rng = spec[:i], spec[i+1:]
	}
	rs, ok := f[name]
	if !ok {
		return nil, fmt.Errorf("%w: %s", heal.ErrNoPackage, name)
	}
	if rng == "latest" || rng == "" {
		return json.Marshal(rs[len(rs)-1])
	}
	var out []fakeRelease
	for _, r := range rs {
		if rng == "*" || strings.HasPrefix(rng, ">=") && r.Version >= strings.TrimPrefix(rng, ">=") {
			out = append(out, r)
		}
	}
	return json.Marshal(out)
}

var registry = fakeRegistry{
	"date-fns":     {{Version: "4.4.0"}},
	"lucide-react": {{Version: "1.77.0", Peers: map[string]string{"react": "^16.5.1 || ^17.0.0 || ^18.0.0 || ^19.0.0"}}},
	"zod":          {{Version: "4.6.7"}},
	"clsx":         {{Version: "2.1.1"}},
	"framer-motion": {
		{Version: "10.18.0", Peers: map[string]string{"react": "^18.0.0", "react-dom": "^18.0.0"}},
		{Version: "11.18.2", Peers: map[string]string{"react": "^18.0.0 || ^19.0.0", "react-dom": "^18.0.0 || ^19.0.0"}},
		{Version: "12.43.0", Peers: map[string]string{"react": "^18.0.0 || ^19.0.0", "react-dom": "^18.0.0 || ^19.0.0"}},
	},
	"@tailwindcss/postcss": {{Version: "4.3.5"}},
}

const corpusDir = "../../../faults"

// firstFailure returns the diagnostics the build would stop at: install,
// else typecheck, else build, as recorded for the case.
func firstFailure(t *testing.T, id string) []diag.Diagnostic {
	t.Helper()
	dir := filepath.Join("..", "..", "diag", "testdata", "cases", id)
	root := WithRecordedRoot(id)
	for _, step := range []struct {
		file string
		tool diag.Tool
	}{{"install.txt", diag.ToolNPM}, {"typecheck.txt", diag.ToolTSC}, {"build.txt", diag.ToolNext}} {
		data, err := os.ReadFile(filepath.Join(dir, step.file))
		if err != nil {
			continue
		}
		if ds := diag.Parse(step.tool, string(data), diag.WithRoot(root)); len(ds) > 0 {
			return ds
		}
	}
	t.Fatalf("%s: no recorded failure", id)
	return nil
}

func WithRecordedRoot(id string) string { return "/tmp/diag-cases/" + id }

// TestCorpusRules applies the first rule that repairs each corpus case's
// first error and checks it touched the files the reference fix touches.
func TestCorpusRules(t *testing.T) {
	corpus := faults.Corpus{Dir: corpusDir}
	cases, err := corpus.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "app")
			if err := corpus.Materialise(c, dir, false); err != nil {
				t.Fatal(err)
			}
			ws, err := workspace.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer ws.Close()
			ds := firstFailure(t, c.ID)
			var applied []string
			for _, d := range ds {
				if d.Severity == diag.SeverityWarning {
					continue
				}
				for _, f := range rules.All() {
					if !f.Accepts(d) {
						continue
					}
					fix, err := f.Fix(context.Background(), heal.Params{Diag: d, Failing: ds, Files: ws, Registry: registry})
					if errors.Is(err, heal.ErrNotApplicable) {
						t.Logf("%s: %v", f.Name(), err)
						continue
					}
					if err != nil {
						t.Fatalf("%s: %v", f.Name(), err)
					}
					for _, ch := range fix.Changes {
						before, _ := ws.ReadFile(ch.Path)
						diff, _ := heal.Diff(ch.Path, before, ch.Data)
						t.Logf("%s on %s/%s: %s\n%s", f.Name(), d.Category, d.Subclass, fix.Note, diff)
						applied = append(applied, ch.Path)
					}
					break
				}
				if len(applied) > 0 {
					break
				}
			}
			if len(applied) == 0 {
				t.Errorf("no rule repairs %s", describe(ds))
			}
		})
	}
}

func describe(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\n  %s %s:%d %s/%s %s", d.Tool, d.File, d.Line, d.Category, d.Subclass, strings.SplitN(d.Message, "\n", 2)[0])
	}
	return b.String()
}

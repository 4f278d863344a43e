package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/faults"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/report"
)

// healCases are corpus cases of every category (and one with two defects)
// that `nexusgen heal` must repair with no model.
// healCases is one case per kind of repair; `nexusgen bench heal faults`
// runs the whole corpus.
var healCases = []string{
	"09-unbalanced-brace-eof",                 // SYNTAX
	"27-onclick-in-server-component",          // RUNTIME: a Client Component extracted
	"37-double-missing-zod-and-setstate-type", // DEPENDENCY from npm, then TYPE
}

// healDataDir keeps one package store for the heal tests, so only the
// first install of the corpus app is slow.
func healDataDir(t *testing.T) string {
	if d := os.Getenv("NEXUSGEN_E2E_HEAL_DATA"); d != "" {
		return d
	}
	d := filepath.Join(os.TempDir(), "nexusgen-e2e-heal-data")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

func materialise(t *testing.T, dir, id string) string {
	t.Helper()
	corpus := faults.Corpus{Dir: "../faults"}
	cases, err := corpus.Cases()
	if err != nil {
		t.Fatal(err)
	}
	un, _ := faults.LoadCases("../faults/unfixable")
	for _, c := range append(cases, un...) {
		if c.ID == id {
			app := filepath.Join(dir, id)
			if err := corpus.Materialise(c, app, false); err != nil {
				t.Fatal(err)
			}
			return app
		}
	}
	t.Fatalf("no case %s", id)
	return ""
}

// npmRun runs a project script directly, as a person would.
func npmRun(t *testing.T, dir, script string) error {
	t.Helper()
	cmd := exec.Command("npm", "run", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CI=1", "NEXT_TELEMETRY_DISABLED=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		tail := string(out)
		if len(tail) > 3000 {
			tail = tail[len(tail)-3000:]
		}
		t.Logf("npm run %s:\n%s", script, tail)
	}
	return err
}

// TestHealCorpusCases runs `nexusgen heal` on broken apps and checks that
// each ends complete, that the report records the attempts, and that
// the app builds (and so typechecks) afterwards.
func TestHealCorpusCases(t *testing.T) {
	env := []string{"NEXUSGEN_DATA_DIR=" + healDataDir(t)}
	for _, id := range healCases {
		t.Run(id, func(t *testing.T) {
			dir := materialise(t, t.TempDir(), id)
			res := nexusgen(t, context.Background(), env, "heal", dir, "--json")
			rep := readReport(t, dir)
			if res.code != 0 || rep.Status != report.Complete {
				t.Fatalf("exit %d, status %s (%s)\n%s", res.code, rep.Status, rep.Reason, res.stderr)
			}
			if len(rep.Heal.Attempts) == 0 {
				t.Fatal("healed without an attempt in the report")
			}
			for _, a := range rep.Heal.Attempts {
				if a.Signature == "" || a.Category == "" || a.Fixer == "" || a.Source == "" {
					t.Errorf("incomplete attempt %+v", a)
				}
			}
			last := rep.Heal.Attempts[len(rep.Heal.Attempts)-1]
			if !last.OK || last.Diff == "" || last.DiffLines == 0 {
				t.Errorf("last attempt %+v", last)
			}
			if !strings.Contains(res.stdout, `"kind":"heal_attempt"`) {
				t.Error("no heal_attempt events on standard output")
			}
			if _, err := os.Stat(filepath.Join(dir, ".nexusgen", "heal", "last-good", "index.json")); err != nil {
				t.Errorf("no last-good snapshot: %v", err)
			}
			os.RemoveAll(filepath.Join(dir, ".next"))
			if err := npmRun(t, dir, "build"); err != nil { // next build typechecks too
				t.Errorf("build after healing: %v", err)
			}
		})
	}
}

// TestHealEscalatesTheUnfixable: a package that does not exist and a file
// whose code was lost end escalated, within the limits, with an account.
func TestHealEscalatesTheUnfixable(t *testing.T) {
	env := []string{"NEXUSGEN_DATA_DIR=" + healDataDir(t)}
	for _, id := range []string{"90-hallucinated-package", "91-truncated-store"} {
		t.Run(id, func(t *testing.T) {
			dir := materialise(t, t.TempDir(), id)
			res := nexusgen(t, context.Background(), env, "heal", dir)
			rep := readReport(t, dir)
			if res.code != 1 || rep.Status != report.Escalated {
				t.Fatalf("exit %d, status %s; want 1 and escalated\n%s", res.code, rep.Status, res.stderr)
			}
			if n := len(rep.Heal.Attempts); n > heal.DefaultRetryConfig().MaxRetries*3 {
				t.Errorf("%d attempts: beyond the limits", n)
			}
			e := rep.Heal.Escalation
			if e == nil || e.Summary == "" || len(e.Failing) == 0 || e.LastGood == "" || len(e.Tried) != len(rep.Heal.Attempts) {
				t.Fatalf("escalation %+v", e)
			}
			md, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(heal.EscalationFile)))
			if err != nil || !strings.Contains(string(md), "## Still failing") {
				t.Errorf("escalation.md: %v", err)
			}
			if !strings.Contains(res.stderr, "escalated") {
				t.Errorf("stderr does not say the run escalated:\n%s", res.stderr)
			}
		})
	}
}

// TestHealRejectsBadInput: usage errors exit 2 before any work.
func TestHealRejectsBadInput(t *testing.T) {
	empty := t.TempDir()
	for _, args := range [][]string{{"heal", filepath.Join(empty, "missing")}, {"heal", empty}} {
		res := nexusgen(t, context.Background(), nil, args...)
		if res.code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, res.code, res.stderr)
		}
	}
}

package diag

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// faultCase is the part of a fault corpus case.json the test reads.
type faultCase struct {
	ID       string          `json:"id"`
	Category string          `json:"category"`
	Subclass string          `json:"subclass"`
	Check    string          `json:"check"`
	Files    []string        `json:"files"`
	Defects  []faultDefect   `json:"defects"`
	Expect   json.RawMessage `json:"expect"`
}

type faultDefect struct {
	Category string `json:"category"`
	Subclass string `json:"subclass"`
	File     string `json:"file"`
}

// defects returns what the case expects to be found: one defect per
// "double" case half, or the case's own class anywhere in its files.
func (c faultCase) defects() []faultDefect {
	if len(c.Defects) > 0 {
		return c.Defects
	}
	return []faultDefect{{Category: c.Category, Subclass: c.Subclass}}
}

// checkOutput names the recorded output of the case's check command.
func (c faultCase) checkOutput() string {
	switch c.Check {
	case "npm install":
		return "install.txt"
	case "npm run typecheck":
		return "typecheck.txt"
	default:
		return "build.txt"
	}
}

func loadCases(t *testing.T) []faultCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "case.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fault cases in testdata/cases: %v", err)
	}
	var cs []faultCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var c faultCase
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		cs = append(cs, c)
	}
	return cs
}

// TestCorpus checks the classifier against the fault corpus: in the output
// of each case's check command, the first diagnostic on each defect's file
// (for single cases: the first diagnostic on any of the case's files) has
// the category and subclass case.json gives. The other recorded outputs of
// the case (typecheck when the check is build, and the reverse) must agree
// wherever they report an error on the defect's file.
func TestCorpus(t *testing.T) {
	cases := loadCases(t)
	if len(cases) != 28 {
		t.Errorf("got %d cases, want 28", len(cases))
	}
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			for _, out := range []string{"install.txt", "typecheck.txt", "build.txt"} {
				s := sampleFor("cases/" + c.ID + "/" + out)
				if _, err := os.Stat(filepath.Join("testdata", s.path)); err != nil {
					if out == c.checkOutput() {
						t.Fatalf("missing %s", s.path)
					}
					continue
				}
				ds := parseSample(t, s)
				for _, def := range c.defects() {
					files := c.Files
					if def.File != "" {
						files = []string{def.File}
					}
					i := slices.IndexFunc(ds, func(d Diagnostic) bool {
						return d.Severity == SeverityError && slices.Contains(files, d.File)
					})
					if i < 0 {
						if out == c.checkOutput() {
							t.Errorf("%s: no diagnostic on %v in\n%s", out, files, describe(ds))
						}
						continue
					}
					got := ds[i]
					if string(got.Category) != def.Category || got.Subclass != def.Subclass {
						t.Errorf("%s: %s:%d %s/%s, want %s/%s\n%s", out, got.File, got.Line, got.Category, got.Subclass,
							def.Category, def.Subclass, describe(ds))
					}
				}
			}
		})
	}
}

func describe(ds []Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "  %s %s:%d %s/%s %s\n", d.Tool, d.File, d.Line, d.Category, d.Subclass, firstLine(d.Message))
	}
	return b.String()
}

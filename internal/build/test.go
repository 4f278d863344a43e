package build

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// Tester runs a project's unit tests (its `test` script) in the sandbox.
type Tester struct {
	Runner sandbox.Runner
	Limits sandbox.Limits
}

// TestOutcome is how a test run went.
type TestOutcome struct {
	Ran         bool
	Passed      int
	Failed      int
	Skipped     int
	Diagnostics []diag.Diagnostic
}

// Test runs the tests when the project has a test script and test files.
// Vitest reports counts through its JSON reporter; other runners count as
// one test that passed or failed.
func (t *Tester) Test(ctx context.Context, dir string, out io.Writer) (TestOutcome, error) {
	var res TestOutcome
	scripts, err := readScripts(dir)
	if err != nil {
		return res, err
	}
	script, ok := scripts["test"]
	if !ok || !hasTests(dir) {
		return res, nil
	}
	res.Ran = true
	argv := []string{"npm", "run", "--silent", "test"}
	vitest := strings.Contains(script, "vitest")
	report := filepath.Join(dir, ".nexusgen", "vitest.json")
	if vitest {
		os.Remove(report)
		argv = append(argv, "--", "--reporter=default", "--reporter=json", "--outputFile.json="+report)
	}
	spec := sandbox.Spec{Argv: argv, Dir: dir, Writable: []string{dir}, Network: sandbox.NoNetwork, Limits: t.Limits, Output: out}
	if nm := filepath.Join(dir, "node_modules"); fileExists(nm) {
		spec.ReadOnly = []string{nm}
	}
	proc, err := t.Runner.Run(ctx, spec)
	if err != nil {
		return res, err
	}
	if vitest {
		if counts, diags, ok := readVitest(report, dir); ok {
			res.Passed, res.Failed, res.Skipped, res.Diagnostics = counts[0], counts[1], counts[2], diags
			if !proc.OK() && res.Failed == 0 {
				res.Diagnostics = append(res.Diagnostics, failure(diag.ToolVitest, proc, dir)...)
			}
			return res, nil
		}
	}
	if proc.OK() {
		res.Passed = 1
	} else {
		res.Failed = 1
		res.Diagnostics = failure(diag.ToolVitest, proc, dir)
	}
	return res, nil
}

// hasTests reports whether dir has test files outside node_modules.
func hasTests(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return fs.SkipDir
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && p != dir {
			return fs.SkipDir
		}
		name := d.Name()
		for _, suffix := range []string{".test.ts", ".test.tsx", ".spec.ts", ".spec.tsx", ".test.js"} {
			if strings.HasSuffix(name, suffix) && !strings.Contains(p, string(filepath.Separator)+"e2e"+string(filepath.Separator)) {
				found = true
			}
		}
		return nil
	})
	return found
}

// vitestReport is the part of Vitest's JSON report the tester reads.
type vitestReport struct {
	NumPassedTests  int `json:"numPassedTests"`
	NumFailedTests  int `json:"numFailedTests"`
	NumPendingTests int `json:"numPendingTests"`
	NumTodoTests    int `json:"numTodoTests"`
	TestResults     []struct {
		Name             string `json:"name"`
		Message          string `json:"message"`
		AssertionResults []struct {
			FullName        string   `json:"fullName"`
			Status          string   `json:"status"`
			FailureMessages []string `json:"failureMessages"`
			Location        *struct {
				Line   int `json:"line"`
				Column int `json:"column"`
			} `json:"location"`
		} `json:"assertionResults"`
	} `json:"testResults"`
}

func readVitest(path, dir string) ([3]int, []diag.Diagnostic, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return [3]int{}, nil, false
	}
	var r vitestReport
	if err := json.Unmarshal(data, &r); err != nil {
		return [3]int{}, nil, false
	}
	var ds []diag.Diagnostic
	for _, file := range r.TestResults {
		rel, err := filepath.Rel(dir, file.Name)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = filepath.Base(file.Name)
		}
		rel = filepath.ToSlash(rel)
		if file.Message != "" && len(file.AssertionResults) == 0 {
			ds = append(ds, diag.Diagnostic{Tool: diag.ToolVitest, File: rel, Message: firstLine(file.Message), Excerpt: file.Message, Category: diag.Runtime})
		}
		for _, a := range file.AssertionResults {
			if a.Status != "failed" {
				continue
			}
			d := diag.Diagnostic{Tool: diag.ToolVitest, File: rel, Code: a.FullName, Category: diag.Runtime, Subclass: "test_failure"}
			if len(a.FailureMessages) > 0 {
				d.Message = firstLine(a.FailureMessages[0])
				d.Excerpt = a.FailureMessages[0]
			}
			if a.Location != nil {
				d.Line, d.Column = a.Location.Line, a.Location.Column
			}
			ds = append(ds, d)
		}
	}
	return [3]int{r.NumPassedTests, r.NumFailedTests, r.NumPendingTests + r.NumTodoTests}, ds, true
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

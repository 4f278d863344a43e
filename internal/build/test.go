package build

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// Tester runs a project's unit tests (its `test` script) and, when a
// browser is available, its browser smoke tests (its `e2e` script), in the
// sandbox with no network.
type Tester struct {
	Runner sandbox.Runner
	Limits sandbox.Limits
	// Chromium is the browser for the smoke tests; empty skips them.
	Chromium string
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
	if ok && hasTests(dir) {
		if err := t.unit(ctx, dir, script, out, &res); err != nil {
			return res, err
		}
	}
	if _, ok := scripts["e2e"]; ok && t.Chromium != "" && fileExists(filepath.Join(dir, "tests", "e2e")) {
		if err := t.smoke(ctx, dir, out, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

func (t *Tester) unit(ctx context.Context, dir, script string, out io.Writer, res *TestOutcome) error {
	res.Ran = true
	argv := []string{"npm", "run", "--silent", "test"}
	vitest := strings.Contains(script, "vitest")
	report := filepath.Join(dir, ".nexusgen", "vitest.json")
	if vitest {
		os.Remove(report)
		argv = append(argv, "--", "--reporter=default", "--reporter=json", "--outputFile.json="+report)
	}
	spec := sandbox.Spec{Argv: argv, Dir: dir, Writable: []string{dir}, Network: sandbox.NoNetwork, Limits: t.Limits, Output: out}
	ProtectModules(&spec, dir)
	proc, err := t.Runner.Run(ctx, spec)
	if err != nil {
		return err
	}
	if vitest {
		if counts, diags, ok := readVitest(report, dir); ok {
			res.Passed += counts[0]
			res.Failed += counts[1]
			res.Skipped += counts[2]
			res.Diagnostics = append(res.Diagnostics, diags...)
			if !proc.OK() && counts[1] == 0 {
				res.Diagnostics = append(res.Diagnostics, failure(diag.ToolVitest, proc, dir)...)
			}
			return nil
		}
	}
	countProcess(res, proc, diag.ToolVitest, dir)
	return nil
}

// smoke runs the Playwright smoke tests against the production build.
func (t *Tester) smoke(ctx context.Context, dir string, out io.Writer, res *TestOutcome) error {
	res.Ran = true
	report := filepath.Join(dir, ".nexusgen", "playwright.json")
	os.Remove(report)
	port, err := freePort()
	if err != nil {
		return err
	}
	spec := sandbox.Spec{
		Argv: []string{"npm", "run", "--silent", "e2e", "--", "--reporter=line,json"},
		Dir:  dir,
		Env: map[string]string{
			"CHROMIUM_PATH":               t.Chromium,
			"PORT":                        fmt.Sprint(port),
			"PLAYWRIGHT_JSON_OUTPUT_NAME": report,
			"PLAYWRIGHT_BROWSERS_PATH":    "0",
		},
		Writable: []string{dir},
		Network:  sandbox.NoNetwork,
		Limits:   t.Limits,
		Output:   out,
	}
	ProtectModules(&spec, dir)
	proc, err := t.Runner.Run(ctx, spec)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(report)
	var r struct {
		Stats struct {
			Expected   int `json:"expected"`
			Unexpected int `json:"unexpected"`
			Skipped    int `json:"skipped"`
			Flaky      int `json:"flaky"`
		} `json:"stats"`
	}
	if err != nil || json.Unmarshal(data, &r) != nil {
		countProcess(res, proc, diag.ToolPlaywright, dir)
		return nil
	}
	res.Passed += r.Stats.Expected + r.Stats.Flaky
	res.Failed += r.Stats.Unexpected
	res.Skipped += r.Stats.Skipped
	if r.Stats.Unexpected > 0 || !proc.OK() {
		res.Diagnostics = append(res.Diagnostics, failure(diag.ToolPlaywright, proc, dir)...)
	}
	return nil
}

// countProcess counts a run without a report as one test.
func countProcess(res *TestOutcome, proc sandbox.Result, tool diag.Tool, dir string) {
	if proc.OK() {
		res.Passed++
		return
	}
	res.Failed++
	res.Diagnostics = append(res.Diagnostics, failure(tool, proc, dir)...)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// hasTests reports whether dir has test files outside node_modules.
func hasTests(dir string) bool {
	found := false
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return fs.SkipDir
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && p != dir {
			return fs.SkipDir
		}
		name := d.Name()
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil
		}
		inE2E := strings.HasPrefix(filepath.ToSlash(rel), "e2e/") || strings.Contains(filepath.ToSlash(rel), "/e2e/")
		for _, suffix := range []string{".test.ts", ".test.tsx", ".spec.ts", ".spec.tsx", ".test.js"} {
			if strings.HasSuffix(name, suffix) && !inE2E {
				found = true
			}
		}
		return nil
	})
	return err == nil && found
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

// Package e2e tests the nexusgen binary end to end: real npm installs, real
// `next build`, the production server in the sandbox, and real headless
// Chromium filling forms. Run with NEXUSGEN_E2E=1 (make test-e2e).
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/bench"
	"github.com/nexusgen/nexusgen/internal/browsercheck"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/preview"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

var binary string

func TestMain(m *testing.M) {
	if os.Getenv("NEXUSGEN_E2E") == "" {
		fmt.Println("e2e: set NEXUSGEN_E2E=1 to run (make test-e2e)")
		os.Exit(0)
	}
	dir, err := os.MkdirTemp("", "nexusgen-e2e-bin-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "nexusgen")
	build := exec.Command("go", "build", "-o", binary, "..")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Println("e2e: build nexusgen:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is one run of the binary.
type result struct {
	code   int
	stdout string
	stderr string
}

func nexusgen(t *testing.T, ctx context.Context, env []string, args ...string) result {
	t.Helper()
	return nexusgenStdin(t, ctx, env, "", args...)
}

func nexusgenStdin(t *testing.T, ctx context.Context, env []string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run nexusgen: %v", err)
	}
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

// defaultPrompts are checked on every CI run; NEXUSGEN_E2E_PROMPTS=all runs the whole suite.
var defaultPrompts = []string{"tasks-basic", "crm-contacts", "landing-saas", "expenses", "real-estate", "inventory"}

func selectedCases(t *testing.T) []bench.Case {
	cases, err := bench.LoadCases("../eval/prompts.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := defaultPrompts
	switch v := os.Getenv("NEXUSGEN_E2E_PROMPTS"); v {
	case "":
	case "all":
		return cases
	default:
		want = strings.Split(v, ",")
	}
	var out []bench.Case
	for _, c := range cases {
		for _, id := range want {
			if c.ID == id {
				out = append(out, c)
			}
		}
	}
	return out
}

type expectation struct {
	Entities []struct {
		Name   string   `json:"name"`
		Fields []string `json:"fields"`
	} `json:"entities"`
}

// TestNewGeneratesWorkingApps runs `nexusgen new` for prompts of the eval
// suite, then serves each production build and drives it in Chromium.
func TestNewGeneratesWorkingApps(t *testing.T) {
	runner, err := sandbox.Detect()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	browser, err := browsercheck.Launch(ctx)
	if err != nil {
		t.Fatalf("chromium is required for the end-to-end tests: %v", err)
	}
	defer browser.Close()
	type run struct {
		bench.Case
		target string
	}
	var runs []run
	for _, c := range selectedCases(t) {
		runs = append(runs, run{c, "next"})
	}
	// The Vite target renders the same PRD into a single-page app.
	selected := selectedCases(t)
	for _, c := range selected[:min(2, len(selected))] {
		runs = append(runs, run{c, "vite"})
	}
	// Tools keep no records; the browser check uses each one.
	runs = append(runs, run{bench.Case{ID: "tools", Prompt: "A calculator, a unit converter, a stopwatch and tic tac toe"}, "next"})
	for _, c := range runs {
		t.Run(c.target+"/"+c.ID, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "app")
			res := nexusgen(t, ctx, nil, "new", c.Text(), "--out", dir, "--json", "--target", c.target)
			rep := readReport(t, dir)
			if res.code != 0 || rep.Status != report.Complete {
				t.Fatalf("exit %d, status %s (%s)\n%s", res.code, rep.Status, rep.Reason, res.stderr)
			}
			if !rep.Build.OK || len(rep.Build.Errors) != 0 {
				t.Fatalf("build ok=%v with %d errors", rep.Build.OK, len(rep.Build.Errors))
			}
			if !rep.Tests.Ran || rep.Tests.Failed != 0 || rep.Tests.Passed == 0 {
				t.Errorf("tests %+v: the generated unit and smoke tests should run and pass", rep.Tests)
			}
			checkEvents(t, dir, res.stdout)
			p := readPRD(t, dir)
			checkExpectations(t, p, c.Expect)

			srv, err := preview.Start(ctx, runner, dir, preview.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				if err := srv.Stop(context.Background()); err != nil {
					t.Error(err)
				}
			}()
			page, err := browser.NewPage()
			if err != nil {
				t.Fatal(err)
			}
			defer page.Close()
			cctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
			defer cancel()
			checks := browsercheck.CheckPages(cctx, page, srv.URL, p)
			checks = append(checks, browsercheck.CheckCRUD(cctx, page, srv.URL, p)...)
			checks = append(checks, browsercheck.CheckFeatures(cctx, page, srv.URL, p)...)
			if c.ID == "tools" {
				used := 0
				for _, r := range checks {
					if strings.HasPrefix(r.Entity, "tool ") {
						used++
					}
				}
				if used != 4 {
					t.Errorf("%d tools used in the browser, want 4", used)
				}
			}
			for _, r := range checks {
				if !r.OK {
					t.Errorf("%s: failed at %s: %s", r.Entity, r.Step, r.Error)
				}
			}
			if errs := page.ConsoleErrors(); len(errs) > 0 {
				t.Errorf("console errors: %v", errs)
			}
		})
	}
}

func readReport(t *testing.T, dir string) *report.Report {
	t.Helper()
	rep, err := report.Read(filepath.Join(dir, ".nexusgen", "report.json"))
	if err != nil {
		t.Fatalf("report.json: %v", err)
	}
	return rep
}

func readPRD(t *testing.T, dir string) *prd.PRD {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, ".nexusgen", "prd.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := prd.Parse(data)
	if err != nil {
		t.Fatalf("prd.json is not a valid PRD: %v", err)
	}
	return p
}

// checkEvents: events.jsonl and --json output carry the same ordered stream.
func checkEvents(t *testing.T, dir, stdout string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, ".nexusgen", "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var last int64
	kinds := map[event.Kind]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var e event.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("events.jsonl: %v", err)
		}
		if e.Seq != last+1 {
			t.Fatalf("events.jsonl: seq %d after %d", e.Seq, last)
		}
		last = e.Seq
		kinds[e.Kind]++
	}
	for _, k := range []event.Kind{event.StageStarted, event.StageFinished, event.Status, event.FileWritten} {
		if kinds[k] == 0 {
			t.Errorf("events.jsonl has no %s events", k)
		}
	}
	if !strings.Contains(stdout, `"kind":"stage_finished"`) {
		t.Errorf("--json printed no stage events")
	}
}

// checkExpectations: every entity the prompt names exists with its fields.
func checkExpectations(t *testing.T, p *prd.PRD, raw json.RawMessage) {
	t.Helper()
	var exp expectation
	if len(raw) == 0 || json.Unmarshal(raw, &exp) != nil {
		return
	}
	for _, want := range exp.Entities {
		e, ok := p.Entity(want.Name)
		if !ok {
			t.Errorf("no entity %q in the PRD", want.Name)
			continue
		}
		for _, f := range want.Fields {
			found := false
			for _, have := range e.Fields {
				found = found || strings.Contains(strings.ToLower(have.Label()), f) || strings.Contains(f, strings.ToLower(have.Name))
			}
			for _, r := range p.RelationsFrom(e.Name) {
				found = found || r.To == f
			}
			if !found {
				t.Errorf("entity %q has no field for %q", want.Name, f)
			}
		}
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	ctx := context.Background()
	notEmpty := t.TempDir()
	if err := os.WriteFile(filepath.Join(notEmpty, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	aFile := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(aFile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"empty prompt", []string{"new", "", "--out", filepath.Join(t.TempDir(), "a")}, "prompt is empty"},
		{"whitespace prompt", []string{"new", "  \n\t ", "--out", filepath.Join(t.TempDir(), "a")}, "prompt is empty"},
		{"folder not empty", []string{"new", "a to-do app", "--out", notEmpty}, "not empty"},
		{"unwritable folder", []string{"new", "a to-do app", "--out", filepath.Join(aFile, "app")}, "cannot create"},
		{"bad target", []string{"new", "a to-do app", "--target", "cobol", "--out", filepath.Join(t.TempDir(), "a")}, "--target"},
		{"missing attachment", []string{"new", "a to-do app", "--attach", "/nonexistent/logo.png", "--out", filepath.Join(t.TempDir(), "a")}, "--attach"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := nexusgen(t, ctx, nil, tt.args...)
			if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 mentioning %q", res.code, res.stderr, tt.want)
			}
		})
	}
	// A 1 MB prompt (through standard input: argv cannot carry it).
	huge := nexusgenStdin(t, ctx, nil, strings.Repeat("tasks with a title ", 60_000), "new", "-", "--out", filepath.Join(t.TempDir(), "a"))
	if huge.code != 2 || !strings.Contains(huge.stderr, "longer than") {
		t.Errorf("1 MB prompt: exit %d, stderr %q", huge.code, huge.stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(notEmpty, "keep.txt")); string(data) != "mine" {
		t.Error("a refused run touched the user's file")
	}
	entries, _ := os.ReadDir(notEmpty)
	if len(entries) != 1 {
		t.Errorf("a refused run wrote into the folder: %v", entries)
	}
	res := nexusgen(t, ctx, []string{"NEXUSGEN_MEMORY_MB=lots"}, "new", "a to-do app", "--out", filepath.Join(t.TempDir(), "a"))
	if res.code != 2 || !strings.Contains(res.stderr, "NEXUSGEN_MEMORY_MB") {
		t.Errorf("invalid config: exit %d, stderr %q", res.code, res.stderr)
	}
}

// TestNewWithoutRegistry: npm cannot reach its registry; the run ends with
// a clear report, not a half-built app that looks complete.
func TestNewWithoutRegistry(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "app")
	env := []string{"NEXUSGEN_DATA_DIR=" + t.TempDir(), "NEXUSGEN_NPM_REGISTRY=http://127.0.0.1:9/"}
	res := nexusgen(t, context.Background(), env, "new", "A reading list with title and author", "--out", dir)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", res.code, res.stderr)
	}
	rep := readReport(t, dir)
	if rep.Status == report.Complete || rep.Build.OK {
		t.Fatalf("status %s build.ok %v without a registry", rep.Status, rep.Build.OK)
	}
	network := false
	for _, d := range rep.Build.Errors {
		network = network || d.Category == "NETWORK"
	}
	if !network {
		t.Errorf("no NETWORK diagnostic in %+v", rep.Build.Errors)
	}
	if !strings.Contains(res.stderr, string(rep.Status)) {
		t.Errorf("stderr does not say how the run ended: %s", res.stderr)
	}
}

// TestNewCancelled: SIGINT during the build leaves a consistent folder whose
// report says cancelled, and no process behind.
func TestNewCancelled(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "app")
	cmd := exec.Command(binary, "new", "A habit tracker with name and weekly target", "--out", dir, "--json")
	cmd.Env = append(os.Environ(), "NEXUSGEN_DATA_DIR="+t.TempDir()) // cold store: the install takes a while
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	signalled := false
	for sc.Scan() {
		var e event.Event
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.Kind == event.StageStarted && e.Stage == "build" && !signalled {
			time.Sleep(2 * time.Second) // npm is running now
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Errorf("interrupt: %v", err)
			}
			signalled = true
		}
	}
	err := cmd.Wait()
	if !signalled {
		t.Fatalf("the build never started: %v\n%s", err, stderr.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit %d, want 130\n%s", code, stderr.String())
	}
	rep := readReport(t, dir)
	if rep.Status != report.Cancelled {
		t.Errorf("report status %s, want cancelled", rep.Status)
	}
	time.Sleep(500 * time.Millisecond)
	if out, _ := exec.Command("pgrep", "-f", dir).Output(); len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("processes left behind: %s", out)
	}
}

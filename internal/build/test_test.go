package build_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

const vitestPkg = `{"scripts":{"build":"next build","test":"vitest run","e2e":"playwright test"}}`

// writeReport answers a run by writing testdata/name (with {{DIR}} set to
// the project) to path, and exiting with code and output.
func writeReport(t *testing.T, name, path, dir string, code int, out string) (sandbox.Result, error) {
	t.Helper()
	data := strings.ReplaceAll(testdata(t, name), "{{DIR}}", dir)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return sandbox.Result{}, err
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		return sandbox.Result{}, err
	}
	return sandbox.Result{ExitCode: code, Tail: out}, nil
}

// vitestOutput is where the tester asked Vitest to write its JSON report.
func vitestOutput(s sandbox.Spec) string {
	for _, a := range s.Argv {
		if p, ok := strings.CutPrefix(a, "--outputFile.json="); ok {
			return p
		}
	}
	return ""
}

func TestVitestReport(t *testing.T) {
	t.Parallel()
	r := newFake()
	dir := project(t, vitestPkg, map[string]string{
		"tests/store.test.ts":            "import { it } from \"vitest\";\n",
		"node_modules/react/index.js":    "module.exports = {};\n",
		"tests/missing.test.ts":          "",
		"lib/money.test.ts":              "",
		"node_modules/zod/zod.test.ts":   "",
		".nexusgen/vitest.json":          `{"numPassedTests": 99}`,
		"tests/e2e/smoke.spec.ts":        "",
		"tests/e2e/playwright.config.ts": "",
	})
	r.on("test", func(s sandbox.Spec) (sandbox.Result, error) {
		return writeReport(t, "vitest-report.json", vitestOutput(s), dir, 1, "FAIL tests/store.test.ts > store > creates a task\n")
	})
	res, err := (&build.Tester{Runner: r}).Test(context.Background(), dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Ran || res.Passed != 3 || res.Failed != 1 || res.Skipped != 2 {
		t.Errorf("counts %+v, want ran, 3 passed, 1 failed, 2 skipped (pending + todo)", res)
	}
	spec := r.spec(t, "test")
	report := filepath.Join(dir, ".nexusgen", "vitest.json")
	want := []string{"npm", "run", "--silent", "test", "--", "--reporter=default", "--reporter=json", "--outputFile.json=" + report}
	if !slices.Equal(spec.Argv, want) {
		t.Errorf("argv %q\nwant %q", spec.Argv, want)
	}
	if spec.Network != sandbox.NoNetwork || spec.Dir != dir || !slices.Equal(spec.ReadOnly, []string{filepath.Join(dir, "node_modules")}) {
		t.Errorf("spec network %v dir %s read-only %q", spec.Network, spec.Dir, spec.ReadOnly)
	}
	if slices.Contains(r.ran(), "e2e") {
		t.Error("smoke tests ran without a browser")
	}
	if len(res.Diagnostics) != 2 {
		t.Fatalf("diagnostics %+v, want the failed assertion and the suite that did not load", res.Diagnostics)
	}
	a := res.Diagnostics[0]
	if a.Tool != diag.ToolVitest || a.File != "tests/store.test.ts" || a.Line != 6 || a.Column != 38 ||
		a.Code != "store creates a task" || a.Category != diag.Runtime || a.Subclass != "test_failure" ||
		!strings.HasPrefix(a.Message, "AssertionError: expected") || strings.Contains(a.Message, "\n") ||
		!strings.Contains(a.Excerpt, "store.test.ts:6:38") {
		t.Errorf("assertion diagnostic %+v", a)
	}
	s := res.Diagnostics[1]
	if s.File != "tests/missing.test.ts" || !strings.HasPrefix(s.Message, "Failed to load url ../lib/dates") || s.Category != diag.Runtime {
		t.Errorf("suite diagnostic %+v", s)
	}
}

// A failing run whose report counts no failed test (an unhandled error
// after the tests) still fails with the process's diagnostics.
func TestVitestFailsWithoutFailedTests(t *testing.T) {
	t.Parallel()
	r := newFake()
	dir := project(t, vitestPkg, map[string]string{"lib/a.test.ts": ""})
	out := testdata(t, "tsc-missing-property.txt")
	r.on("test", func(s sandbox.Spec) (sandbox.Result, error) {
		if err := os.MkdirAll(filepath.Dir(vitestOutput(s)), 0o755); err != nil {
			return sandbox.Result{}, err
		}
		err := os.WriteFile(vitestOutput(s), []byte(`{"numPassedTests":2,"numFailedTests":0,"testResults":[]}`), 0o644)
		return sandbox.Result{ExitCode: 1, Tail: out}, err
	})
	res, err := (&build.Tester{Runner: r}).Test(context.Background(), dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if res.Passed != 2 || res.Failed != 0 || len(res.Diagnostics) == 0 {
		t.Errorf("%+v, want 2 passed and the process's diagnostics", res)
	}
}

// Without a report (Vitest crashed, or a stale one from an earlier run was
// removed), the run counts as one test.
func TestVitestWithoutReport(t *testing.T) {
	t.Parallel()
	for _, code := range []int{0, 1} {
		r := newFake()
		dir := project(t, vitestPkg, map[string]string{"lib/a.test.ts": "", ".nexusgen/vitest.json": `{"numPassedTests": 99}`})
		r.fail("test", code, "Error: Cannot find module 'vitest'\n")
		res, err := (&build.Tester{Runner: r}).Test(context.Background(), dir, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if code == 0 && (res.Passed != 1 || res.Failed != 0 || len(res.Diagnostics) != 0) {
			t.Errorf("exit 0: %+v, want one passed (the stale report must not count)", res)
		}
		if code == 1 && (res.Passed != 0 || res.Failed != 1 || len(res.Diagnostics) == 0) {
			t.Errorf("exit 1: %+v, want one failed with diagnostics", res)
		}
	}
}

func TestOtherTestRunner(t *testing.T) {
	t.Parallel()
	r := newFake()
	dir := project(t, `{"scripts":{"test":"node --test"}}`, map[string]string{"lib/a.test.js": ""})
	res, err := (&build.Tester{Runner: r}).Test(context.Background(), dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.spec(t, "test").Argv; !slices.Equal(got, []string{"npm", "run", "--silent", "test"}) {
		t.Errorf("argv %q", got)
	}
	if !res.Ran || res.Passed != 1 {
		t.Errorf("%+v", res)
	}
}

func TestNoTests(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		pkg   string
		files map[string]string
	}{
		"no test files":             {vitestPkg, map[string]string{"lib/store.ts": ""}},
		"tests only in packages":    {vitestPkg, map[string]string{"node_modules/zod/src/zod.test.ts": "", "node_modules/a/b.spec.tsx": ""}},
		"tests only in e2e":         {vitestPkg, map[string]string{"tests/e2e/app.spec.ts": ""}},
		"tests only in dot folders": {vitestPkg, map[string]string{".next/cache/x.test.ts": "", ".nexusgen/backup/a.test.ts": ""}},
		"no test script":            {`{"scripts":{"build":"next build"}}`, map[string]string{"lib/a.test.ts": ""}},
		"not a test file":           {vitestPkg, map[string]string{"lib/test.ts": "", "lib/a.tests.ts": "", "docs/a.test.md": ""}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := newFake()
			res, err := (&build.Tester{Runner: r}).Test(context.Background(), project(t, c.pkg, c.files), io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if res.Ran || len(r.ran()) != 0 {
				t.Errorf("%+v, ran %q: want nothing run", res, r.ran())
			}
		})
	}
	for _, suffix := range []string{".test.ts", ".test.tsx", ".spec.ts", ".spec.tsx", ".test.js"} {
		r := newFake()
		res, err := (&build.Tester{Runner: r}).Test(context.Background(), project(t, vitestPkg, map[string]string{"src/deep/a" + suffix: ""}), io.Discard)
		if err != nil || !res.Ran {
			t.Errorf("%s: %+v, %v: want the tests run", suffix, res, err)
		}
	}
}

// The e2e folder that holds browser tests is the project's own tests/e2e,
// not any folder of that name above the project.
func TestTestsFoundUnderAnE2EFolder(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "e2e", "shop")
	for p, content := range map[string]string{"package.json": vitestPkg, "lib/cart.test.ts": ""} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := newFake()
	res, err := (&build.Tester{Runner: r}).Test(context.Background(), dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Ran {
		t.Error("the unit tests of a project kept in a folder named e2e were not run")
	}
}

func TestPlaywrightReport(t *testing.T) {
	t.Parallel()
	r := newFake()
	dir := project(t, vitestPkg, map[string]string{"tests/e2e/tasks.spec.ts": "", "lib/a.test.ts": ""})
	out := testdata(t, "playwright-list.txt")
	r.on("e2e", func(s sandbox.Spec) (sandbox.Result, error) {
		return writeReport(t, "playwright-report.json", s.Env["PLAYWRIGHT_JSON_OUTPUT_NAME"], dir, 1, out)
	})
	res, err := (&build.Tester{Runner: r, Chromium: "/usr/lib/chromium/chromium"}).Test(context.Background(), dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	// The unit run (no report: one passed test) plus the smoke tests.
	if !res.Ran || res.Passed != 1+4+1 || res.Failed != 1 || res.Skipped != 1 {
		t.Errorf("counts %+v, want 6 passed (flaky ones pass), 1 failed, 1 skipped", res)
	}
	if len(res.Diagnostics) == 0 || res.Diagnostics[0].Tool != diag.ToolPlaywright {
		t.Errorf("diagnostics %+v, want Playwright's", res.Diagnostics)
	}
	if got := r.ran(); !slices.Equal(got, []string{"test", "e2e"}) {
		t.Errorf("ran %q", got)
	}
	s := r.spec(t, "e2e")
	if want := []string{"npm", "run", "--silent", "e2e", "--", "--reporter=line,json"}; !slices.Equal(s.Argv, want) {
		t.Errorf("argv %q", s.Argv)
	}
	if s.Env["CHROMIUM_PATH"] != "/usr/lib/chromium/chromium" || s.Env["PLAYWRIGHT_BROWSERS_PATH"] != "0" ||
		s.Env["PLAYWRIGHT_JSON_OUTPUT_NAME"] != filepath.Join(dir, ".nexusgen", "playwright.json") {
		t.Errorf("env %v", s.Env)
	}
	if port, err := strconv.Atoi(s.Env["PORT"]); err != nil || port <= 0 || port > 65535 {
		t.Errorf("PORT %q", s.Env["PORT"])
	}
	if s.Network != sandbox.NoNetwork {
		t.Errorf("smoke tests with network %v", s.Network)
	}
}

func TestPlaywrightWithoutReport(t *testing.T) {
	t.Parallel()
	r := newFake()
	dir := project(t, vitestPkg, map[string]string{"tests/e2e/tasks.spec.ts": ""})
	r.fail("e2e", 1, testdata(t, "playwright-list.txt"))
	res, err := (&build.Tester{Runner: r, Chromium: "/usr/bin/chromium"}).Test(context.Background(), dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Ran || res.Failed != 1 || res.Passed != 0 || len(res.Diagnostics) == 0 || res.Diagnostics[0].Tool != diag.ToolPlaywright {
		t.Errorf("%+v", res)
	}
}

func TestTesterErrors(t *testing.T) {
	t.Parallel()
	if _, err := (&build.Tester{Runner: newFake()}).Test(context.Background(), t.TempDir(), io.Discard); err == nil {
		t.Error("no package.json: no error")
	}
	denied := errors.New("denied")
	for _, step := range []string{"test", "e2e"} {
		r := newFake()
		r.on(step, func(sandbox.Spec) (sandbox.Result, error) { return sandbox.Result{}, denied })
		dir := project(t, vitestPkg, map[string]string{"lib/a.test.ts": "", "tests/e2e/a.spec.ts": ""})
		if _, err := (&build.Tester{Runner: r, Chromium: "/usr/bin/chromium"}).Test(context.Background(), dir, io.Discard); !errors.Is(err, denied) {
			t.Errorf("%s: err %v, want the runner's error", step, err)
		}
	}
}

package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexusgen/nexusgen/internal/browsercheck"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/preview"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// TestEditChangesAWorkingApp generates an app, then changes it with a run
// of `nexusgen edit` requests; after each the app must build and the
// change must show in the PRD and the sources. The edited app is then
// served and driven in Chromium, filling every form by its labels.
func TestEditChangesAWorkingApp(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "app")
	start := time.Now()
	res := nexusgen(t, ctx, nil, "new", "A task tracker. Each task has a title, a due date and a priority (low, medium, high).", "--out", dir, "--json")
	if rep := readReport(t, dir); res.code != 0 || rep.Status != report.Complete {
		t.Fatalf("new: exit %d, status %s (%s)\n%s", res.code, rep.Status, rep.Reason, res.stderr)
	}
	t.Logf("new: %.1fs", time.Since(start).Seconds())

	steps := []struct {
		request string
		check   func(t *testing.T, p *prd.PRD)
	}{
		{"add a notes field to tasks", func(t *testing.T, p *prd.PRD) {
			field(t, p, "task", "notes", prd.LongText)
			contains(t, dir, "components/task-form.tsx", `label="Notes"`)
		}},
		{"tasks should also have an estimate in hours", func(t *testing.T, p *prd.PRD) {
			if f := field(t, p, "task", "estimate", prd.Number); f.Unit != "hours" {
				t.Errorf("estimate unit %q", f.Unit)
			}
			contains(t, dir, "components/task-form.tsx", `label="Estimate (hours)"`)
		}},
		{"rename title to name", func(t *testing.T, p *prd.PRD) {
			field(t, p, "task", "name", prd.Text)
			if e, _ := p.Entity("task"); e.Display != "name" {
				t.Errorf("display field %q", e.Display)
			}
			contains(t, dir, "components/task-form.tsx", `label="Name"`)
		}},
		{"add a projects page with name and deadline, and link tasks to projects", func(t *testing.T, p *prd.PRD) {
			field(t, p, "project", "deadline", prd.Date)
			if len(p.RelationsFrom("task")) != 1 {
				t.Errorf("relations %+v", p.Relations)
			}
			contains(t, dir, "app/projects/page.tsx", "")
			contains(t, dir, "components/site-shell.tsx", `"/projects"`)
		}},
		{"use a green theme", func(t *testing.T, p *prd.PRD) {
			if p.Theme.Primary != "#008000" {
				t.Errorf("primary %s", p.Theme.Primary)
			}
			contains(t, dir, "app/globals.css", "#008000")
		}},
		{"toggle dark mode", func(t *testing.T, p *prd.PRD) {
			if !p.Theme.DarkToggle {
				t.Errorf("theme %+v", p.Theme)
			}
			contains(t, dir, "components/theme-toggle.tsx", "")
		}},
		{"let me search tasks by name and sort them by due date, latest first", func(t *testing.T, p *prd.PRD) {
			if f := p.FeaturesOf(prd.FeatureSearch, "task"); len(f) != 1 || f[0].Field != "name" {
				t.Errorf("search %+v", f)
			}
			if f := p.FeaturesOf(prd.FeatureSort, "task"); len(f) != 1 || f[0].Order != "desc" {
				t.Errorf("sort %+v", f)
			}
			contains(t, dir, "components/task-list.tsx", "Search")
		}},
	}
	for _, st := range steps {
		start := time.Now()
		res := nexusgen(t, ctx, nil, "edit", dir, st.request, "--json")
		rep := readReport(t, dir)
		if res.code != 0 || rep.Status != report.Complete || !rep.Build.OK {
			t.Fatalf("edit %q: exit %d, status %s (%s), build ok %v\n%s", st.request, res.code, rep.Status, rep.Reason, rep.Build.OK, res.stderr)
		}
		if rep.Prompt != st.request || rep.TimingsMS["architect"] != 0 {
			t.Errorf("edit %q: report prompt %q, timings %v", st.request, rep.Prompt, rep.TimingsMS)
		}
		checkEvents(t, dir, res.stdout)
		st.check(t, readPRD(t, dir))
		t.Logf("edit %q: %.1fs", st.request, time.Since(start).Seconds())
	}
	checkAssumptions(t, readPRD(t, dir))
	checkRefusals(t, ctx, dir)
	browse(t, ctx, dir)
}

func field(t *testing.T, p *prd.PRD, entity, name string, typ prd.FieldType) prd.Field {
	t.Helper()
	e, ok := p.Entity(entity)
	if !ok {
		t.Fatalf("no entity %q", entity)
	}
	f, ok := e.Field(name)
	if !ok || f.Type != typ {
		t.Fatalf("%s.%s: %+v (found %v), want type %s", entity, name, f, ok, typ)
	}
	return f
}

func contains(t *testing.T, dir, file, want string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Errorf("%s: %v", file, err)
		return
	}
	if !strings.Contains(string(data), want) {
		t.Errorf("%s does not contain %s", file, want)
	}
}

func checkAssumptions(t *testing.T, p *prd.PRD) {
	t.Helper()
	edits := 0
	for _, a := range p.Assumptions {
		if strings.HasPrefix(a, "Edit: ") {
			edits++
		}
	}
	if edits < 9 {
		t.Errorf("%d edit lines in the assumptions: %v", edits, p.Assumptions)
	}
}

// checkRefusals: requests that cannot be applied, and edits over a file
// the person changed, exit 2 and change nothing; --force backs up.
func checkRefusals(t *testing.T, ctx context.Context, dir string) {
	form := filepath.Join(dir, "components", "task-form.tsx")
	data, err := os.ReadFile(form)
	if err != nil {
		t.Fatal(err)
	}
	mine := string(data) + "// my change\n"
	if err := os.WriteFile(form, []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	prdBefore, _ := os.ReadFile(filepath.Join(dir, ".nexusgen", "prd.json"))
	for _, tc := range []struct{ request, want string }{
		{"frobnicate the widgets", "not understood"},
		{"add a budget to projcts", `did you mean "projects"`},
		{"search tasks by estimate", "cannot be searched by estimate"},
		{"tasks should have a status (open, closed)", "components/task-form.tsx"},
	} {
		res := nexusgen(t, ctx, nil, "edit", dir, tc.request)
		if res.code != 2 || !strings.Contains(res.stderr, tc.want) {
			t.Errorf("edit %q: exit %d, stderr %q; want exit 2 mentioning %q", tc.request, res.code, res.stderr, tc.want)
		}
	}
	if now, _ := os.ReadFile(filepath.Join(dir, ".nexusgen", "prd.json")); string(now) != string(prdBefore) {
		t.Error("a refused edit changed prd.json")
	}
	if now, _ := os.ReadFile(form); string(now) != mine {
		t.Error("a refused edit changed the person's file")
	}
	res := nexusgen(t, ctx, nil, "edit", dir, "tasks should have a status (open, closed)", "--dry-run", "--json")
	var plan struct {
		Files []struct{ Path, Action string }
	}
	if res.code != 2 {
		t.Errorf("--dry-run of a conflicting edit: exit %d", res.code)
	}
	res = nexusgen(t, ctx, nil, "edit", dir, "add an about page", "--dry-run", "--json")
	if err := json.Unmarshal([]byte(res.stdout), &plan); res.code != 0 || err != nil || len(plan.Files) == 0 {
		t.Errorf("--dry-run --json: exit %d, %v\n%s", res.code, err, res.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "app", "about", "page.tsx")); err == nil {
		t.Error("--dry-run wrote the about page")
	}
	res = nexusgen(t, ctx, nil, "edit", dir, "tasks should have a status (open, closed)", "--force")
	if rep := readReport(t, dir); res.code != 0 || rep.Status != report.Complete {
		t.Fatalf("--force: exit %d, status %s (%s)\n%s", res.code, rep.Status, rep.Reason, res.stderr)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, ".nexusgen", "backup", "*", "components", "task-form.tsx"))
	if len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	if data, _ := os.ReadFile(backups[0]); string(data) != mine {
		t.Error("the backup is not the person's version")
	}
}

// browse serves the edited app and fills every form in Chromium.
func browse(t *testing.T, ctx context.Context, dir string) {
	runner, err := sandbox.Detect()
	if err != nil {
		t.Fatal(err)
	}
	browser, err := browsercheck.Launch(ctx)
	if err != nil {
		t.Fatalf("chromium is required for the end-to-end tests: %v", err)
	}
	defer browser.Close()
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
	p := readPRD(t, dir)
	checks := browsercheck.CheckPages(cctx, page, srv.URL, p)
	checks = append(checks, browsercheck.CheckCRUD(cctx, page, srv.URL, p)...)
	for _, r := range checks {
		if !r.OK {
			t.Errorf("%s: failed at %s: %s", r.Entity, r.Step, r.Error)
		}
	}
	if err := page.Run(cctx, chromedp.Navigate(srv.URL+"/tasks"), chromedp.WaitReady(chromedp.CSS("form label"))); err != nil {
		t.Fatal(err)
	}
	labels, err := browsercheck.Eval[[]string](cctx, page, `[...document.querySelectorAll("label")].map((l) => l.textContent.trim())`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Name", "Notes", "Estimate (hours)", "Status"} {
		if !slices.ContainsFunc(labels, func(l string) bool { return strings.HasPrefix(l, want) }) {
			t.Errorf("the tasks form has no %q label (labels: %v)", want, labels)
		}
	}
	if errs := page.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/config"
	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/report"
)

type result struct {
	code     int
	out, err string
}

// call runs the command line as the binary would, with a clean
// environment whose data folder is private to the test.
func call(t *testing.T, stdin string, env config.MapEnv, args ...string) result {
	t.Helper()
	if env == nil {
		env = config.MapEnv{}
	}
	if _, ok := env["HOME"]; !ok {
		env["HOME"] = t.TempDir()
	}
	var out, errOut bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	code := run(ctx, args, streams{in: strings.NewReader(stdin), out: &out, err: &errOut, env: env})
	return result{code, out.String(), errOut.String()}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	r := call(t, "", nil, "version")
	if r.code != ExitOK || r.out != "nexusgen "+Version+"\n" || r.err != "" {
		t.Errorf("%+v", r)
	}
	if r := call(t, "", nil, "version", "extra"); r.code != ExitUsage {
		t.Errorf("version with an argument: %+v", r)
	}
}

// snapshot lists every path under dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			snap[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		snap[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	full := filepath.Join(tmp, "full")
	if err := os.MkdirAll(filepath.Join(full, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "notes.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(tmp, "file.txt")
	if err := os.WriteFile(file, []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(tmp, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(tmp, "missing.png")
	huge := strings.Repeat("a to-do app ", 1<<20/12+1)

	cases := []struct {
		name  string
		stdin string
		env   config.MapEnv
		args  []string
		want  string // in standard error
	}{
		{"empty prompt", "", nil, []string{"new", "", "--out", empty}, "the prompt is empty"},
		{"blank prompt", "", nil, []string{"new", " \n\t", "--out", empty}, "the prompt is empty"},
		{"prompt without words", "", nil, []string{"new", "1234 !!", "--out", empty}, "no words"},
		{"empty prompt on stdin", "", nil, []string{"new", "-", "--out", empty}, "the prompt is empty"},
		{"1 MB prompt on stdin", huge, nil, []string{"new", "-", "--out", empty}, "32 KiB"},
		{"unknown target", "", nil, []string{"new", "a to-do app", "--target", "cobol", "--out", empty}, `--target "cobol"`},
		{"bad environment", "", config.MapEnv{"NEXUSGEN_MEMORY_MB": "lots"}, []string{"new", "a to-do app", "--out", empty}, "NEXUSGEN_MEMORY_MB"},
		{"unknown provider", "", nil, []string{"new", "a to-do app", "--provider", "gpt", "--out", empty}, `provider "gpt"`},
		{"missing attachment", "", nil, []string{"new", "a to-do app", "--attach", missing, "--out", empty}, "--attach " + missing},
		{"folder not empty", "", nil, []string{"new", "a to-do app", "--out", full}, "is not empty"},
		{"stdin prompt, folder not empty", "a to-do app\n", nil, []string{"new", "-", "--out", full}, "is not empty"},
		{"out is a file", "", nil, []string{"new", "a to-do app", "--out", file}, "exists and is not a folder"},
		{"out under a file", "", nil, []string{"new", "a to-do app", "--out", filepath.Join(file, "app")}, "cannot create --out"},
		{"no prompt", "", nil, []string{"new"}, "accepts 1 arg"},
		{"two prompts", "", nil, []string{"new", "a", "b"}, "accepts 1 arg"},
		{"unknown flag", "", nil, []string{"new", "a to-do app", "--colour"}, "unknown flag"},
		{"unknown command", "", nil, []string{"deploy"}, "unknown command"},
		{"plan empty prompt", "", nil, []string{"plan", ""}, "the prompt is empty"},
		{"plan missing attachment", "", nil, []string{"plan", "a shop", "--attach", missing}, "missing.png"},
		{"preview unbuilt folder", "", nil, []string{"preview", empty}, "has no production build"},
		{"edit empty request", "", nil, []string{"edit", empty, " "}, "the prompt is empty"},
		{"edit a folder that is no app", "", nil, []string{"edit", empty, "add a due date to tasks"}, "is not an app NexusGen generated"},
	}
	before := snapshot(t, tmp)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := call(t, c.stdin, c.env, c.args...)
			if r.code != ExitUsage {
				t.Errorf("exit %d, want %d; stderr %q", r.code, ExitUsage, r.err)
			}
			if !strings.Contains(r.err, c.want) {
				t.Errorf("stderr %q, want it to contain %q", r.err, c.want)
			}
			if r.out != "" {
				t.Errorf("stdout %q", r.out)
			}
		})
	}
	t.Cleanup(func() {
		// Refused runs leave every folder as it was: nothing written, nothing created.
		after := snapshot(t, tmp)
		if len(after) != len(before) {
			t.Errorf("folders changed:\nbefore %v\nafter  %v", before, after)
		}
		for p, c := range before {
			if after[p] != c {
				t.Errorf("%s changed", p)
			}
		}
	})
}

func TestPlan(t *testing.T) {
	t.Parallel()
	r := call(t, "", nil, "plan", "A CRM with contacts (name, email, phone) and deals (title, amount, stage)")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	p, err := prd.Parse([]byte(r.out))
	if err != nil {
		t.Fatalf("the printed PRD does not parse: %v\n%s", err, r.out)
	}
	contact, ok := p.Entity("contact")
	if !ok {
		t.Fatalf("no contact entity in %+v", p.Entities)
	}
	if _, ok := contact.Field("email"); !ok {
		t.Errorf("contact has no email field: %+v", contact.Fields)
	}
	if _, ok := p.Entity("deal"); !ok {
		t.Errorf("no deal entity in %+v", p.Entities)
	}

	// The same prompt gives the same plan.
	if again := call(t, "", nil, "plan", "A CRM with contacts (name, email, phone) and deals (title, amount, stage)"); again.out != r.out {
		t.Error("plan is not deterministic")
	}
}

func TestPlanWithAttachment(t *testing.T) {
	t.Parallel()
	doc := filepath.Join(t.TempDir(), "fields.md")
	if err := os.WriteFile(doc, []byte("# Plant\n- name\n- price\n- watering interval\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := call(t, "", nil, "plan", "a plant shop", "--attach", doc)
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	if _, err := prd.Parse([]byte(r.out)); err != nil {
		t.Fatalf("the printed PRD does not parse: %v", err)
	}
}

// defaultDir changes the working folder: not parallel.
func TestDefaultDir(t *testing.T) {
	t.Chdir(t.TempDir())
	cases := map[string]string{
		"Build me a simple to-do app with due dates": "to-do-app",
		"A CRM for my bakery":                        "crm-bakery",
		"I want a recipe organiser, please":          "recipe-organiser",
		"!!!":                                        "app",
		"a supercalifragilisticexpialidocious shop":  "shop",
		"Création d'une boutique":                    "creation-d-une",
	}
	for prompt, want := range cases {
		if got := defaultDir(prompt); got != want {
			t.Errorf("defaultDir(%q) = %q, want %q", prompt, got, want)
		}
	}
	// Taken names get a number.
	for _, want := range []string{"to-do-app", "to-do-app-2", "to-do-app-3"} {
		got := defaultDir("a to-do app")
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
		if err := os.WriteFile(got, nil, 0o644); err != nil { // a file takes the name too
			t.Fatal(err)
		}
	}
}

func TestPrepareDir(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	full := filepath.Join(tmp, "full")
	if err := os.MkdirAll(full, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "page.tsx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(tmp, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		dir   string
		force bool
		want  string // error substring; "" for success
	}{
		{"new folder", filepath.Join(tmp, "a", "b", "c"), false, ""},
		{"empty folder", t.TempDir(), false, ""},
		{"not empty", full, false, "is not empty"},
		{"not empty with force", full, true, ""},
		{"a file", file, true, "exists and is not a folder"},
		{"under a file", filepath.Join(file, "app"), true, "cannot create --out"},
	}
	for _, c := range cases {
		err := prepareDir(c.dir, c.force)
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			entries, _ := os.ReadDir(c.dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".write-check-") {
					t.Errorf("%s: probe file %s left behind", c.name, e.Name())
				}
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
		}
		if strings.Contains(err.Error(), "<nil>") {
			t.Errorf("%s: err %q", c.name, err)
		}
	}
	if data, err := os.ReadFile(filepath.Join(full, "page.tsx")); err != nil || string(data) != "x" {
		t.Error("prepareDir changed an existing file")
	}
}

func TestSummarise(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := &prd.PRD{AppName: "Plant Shop"}
	rep := func(status report.Status, errs int) *report.Report {
		r := report.New("run1", "p", "next", "offline", time.Now())
		r.Status, r.TotalMS, r.Reason = status, 12345, "the build failed 3 times"
		for i := range errs {
			r.Build.Errors = append(r.Build.Errors, diag.Diagnostic{File: "lib/store.ts", Line: i + 1, Message: "Property 'createdAt' is missing", Category: diag.Type})
		}
		return r
	}
	cases := []struct {
		name  string
		r     *report.Report
		code  int
		wants []string
	}{
		{"complete", rep(report.Complete, 0), ExitOK, []string{"✓ Plant Shop is ready in", "(12.3s)", "npm start", "report.json"}},
		{"cancelled", rep(report.Cancelled, 0), ExitCancelled, []string{"cancelled"}},
		{"escalated", rep(report.Escalated, 7), ExitFailed, []string{"✗ escalated: the build failed 3 times", "TYPE lib/store.ts:5 Property", "… and 2 more in the report"}},
		{"failed", rep(report.Failed, 1), ExitFailed, []string{"✗ failed:", "lib/store.ts:1"}},
	}
	for _, c := range cases {
		var w bytes.Buffer
		err := summarise(&w, c.r, dir, p)
		code := ExitOK
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		} else if err != nil {
			t.Errorf("%s: err %v", c.name, err)
		}
		if code != c.code {
			t.Errorf("%s: exit %d, want %d", c.name, code, c.code)
		}
		for _, want := range c.wants {
			if !strings.Contains(w.String(), want) {
				t.Errorf("%s: summary %q lacks %q", c.name, w.String(), want)
			}
		}
		if strings.Contains(w.String(), "lib/store.ts:6") {
			t.Errorf("%s: more than 5 errors listed", c.name)
		}
	}
	// The exit status reaches the process; an empty message prints nothing more.
	var errOut bytes.Buffer
	code := run(context.Background(), []string{"version"}, streams{in: strings.NewReader(""), out: io.Discard, err: &errOut, env: config.MapEnv{}})
	if code != ExitOK || errOut.Len() != 0 {
		t.Errorf("exit %d stderr %q", code, errOut.String())
	}
}

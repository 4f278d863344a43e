package report_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

var start = time.Date(2026, 11, 25, 17, 2, 11, 0, time.FixedZone("CET", 3600))

func TestNew(t *testing.T) {
	t.Parallel()
	r := report.New("run1", "a to-do app", "next", "offline", start)
	if r.Version != 1 || r.RunID != "run1" || r.Status != report.Running || r.Prompt != "a to-do app" ||
		r.Target != "next" || r.Provider != "offline" {
		t.Errorf("%+v", r)
	}
	if !r.StartedAt.Equal(start) || r.StartedAt.Location() != time.UTC {
		t.Errorf("StartedAt %v, want %v in UTC", r.StartedAt, start)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	// Consumers iterate these without a null check.
	paths := map[string][]string{
		"timings_ms":      {"timings_ms"},
		"build.steps":     {"build", "steps"},
		"build.errors":    {"build", "errors"},
		"heal.attempts":   {"heal", "attempts"},
		"review.findings": {"review", "findings"},
	}
	for name, path := range paths {
		raw := doc[path[0]]
		for _, k := range path[1:] {
			var inner map[string]json.RawMessage
			if err := json.Unmarshal(raw, &inner); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			raw = inner[k]
		}
		if s := string(raw); s != "[]" && s != "{}" {
			t.Errorf("%s is %s, want empty", name, s)
		}
	}
	for _, absent := range []string{"reason", "model", "sandbox"} {
		if _, ok := doc[absent]; ok {
			t.Errorf("%s is written while empty", absent)
		}
	}
}

func full() *report.Report {
	r := report.New("run2", "a CRM", "vite", "offline", start)
	r.Status = report.Escalated
	r.State = "escalated"
	r.Reason = "gave up"
	r.Model = "none"
	r.EndedAt = start.Add(time.Minute).UTC()
	r.TimingsMS["build"] = 1234
	r.TotalMS = 60000
	r.Files = 42
	r.Build = report.Build{
		Steps:  []report.Step{{Name: "install", OK: true, DurationMS: 900, Cached: true}, {Name: "typecheck", ExitCode: 2, Tail: "error TS2741"}},
		Errors: []diag.Diagnostic{{Tool: diag.ToolTSC, File: "lib/store.ts", Line: 58, Column: 3, Code: "TS2741", Message: "Property 'createdAt' is missing", Category: diag.Type, Subclass: "missing_property"}},
	}
	r.Heal = report.Heal{
		Attempts: []report.Attempt{{N: 1, Signature: "tsc|TYPE", Category: diag.Type, Subclass: "missing_property", Source: "rule", Fixer: "add-property", DurationMS: 12, Files: []string{"lib/store.ts"}, Diff: "-a\n+b\n", DiffLines: 2}},
		Escalation: &report.Escalation{Summary: "gave up", Failing: []diag.Diagnostic{{Tool: diag.ToolTSC, Message: "x", Category: diag.Type}},
			Tried: []string{"add-property"}, LastGood: "snap-1"},
	}
	r.Review.Findings = []report.Finding{{Rule: "a11y/img-alt", Severity: "warning", File: "app/page.tsx", Line: 3, Message: "<img> without alt text"}}
	r.Tests = report.Tests{Ran: true, Passed: 3, Failed: 1, Skipped: 2}
	r.Usage = report.Usage{InputTokens: 10, OutputTokens: 20, CostUSD: 0.5}
	r.Sandbox = &sandbox.Capabilities{Name: "direct", Cgroups: "v2", PreviewForward: true, Notes: []string{"no confinement"}}
	return r
}

func TestWriteReadRoundTrip(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "app", ".nexusgen", "report.json") // folders are created
	for _, r := range []*report.Report{report.New("run1", "p", "next", "offline", start), full()} {
		if err := r.Write(path); err != nil {
			t.Fatal(err)
		}
		got, err := report.Read(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, r)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(data), "}\n") || !strings.Contains(string(data), "\n  \"run_id\": \"run2\"") {
		t.Errorf("report is not indented JSON ending in a newline:\n%s", data)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	assertNoTemps(t, filepath.Dir(path))
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestReadErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := report.Read(filepath.Join(dir, "missing.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: err %v", err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"version": 1, "status": `), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := report.Read(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("truncated: err %v, want one naming the file", err)
	}
}

// Readers polling report.json while a run rewrites it never see half a file.
func TestWriteIsAtomic(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "report.json")
	r := full()
	if err := r.Write(path); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var reads atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 3 {
		wg.Go(func() {
			for !stop.Load() {
				got, err := report.Read(path)
				if err != nil {
					errs <- err
					return
				}
				if got.RunID != "run2" {
					errs <- fmt.Errorf("read run %q", got.RunID)
					return
				}
				reads.Add(1)
			}
		})
	}
	big := strings.Repeat("x", 16<<10)
	for i := range 120 {
		// Alternate large and small reports so a torn write would show.
		r.Reason = fmt.Sprintf("attempt %d", i)
		if i%2 == 0 {
			r.Reason += big
		}
		if err := r.Write(path); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if reads.Load() == 0 {
		t.Error("the readers never ran")
	}
	assertNoTemps(t, filepath.Dir(path))
}

// Writers racing each other leave one whole report and no temporary files.
func TestConcurrentWriters(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "report.json")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			r := report.New(fmt.Sprintf("run%d", i), "p", "next", "offline", start)
			for range 20 {
				if err := r.Write(path); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if _, err := report.Read(path); err != nil {
		t.Fatal(err)
	}
	assertNoTemps(t, filepath.Dir(path))
}

func TestWriteFileAtomicErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The parent is a file: nothing can be written, and nothing is left.
	if err := report.WriteFileAtomic(filepath.Join(file, "report.json"), []byte("{}")); err == nil {
		t.Error("wrote under a regular file")
	}
	// The target is a folder: the rename fails and the temporary file goes.
	target := filepath.Join(dir, "folder")
	if err := os.MkdirAll(filepath.Join(target, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteFileAtomic(target, []byte("{}")); err == nil {
		t.Error("replaced a folder")
	}
	assertNoTemps(t, dir)
}

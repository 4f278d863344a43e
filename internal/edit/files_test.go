package edit

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/render"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

var genTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// generated writes the app p renders into a temporary folder as the coder
// stage does: every file, the manifest and prd.json.
func generated(t *testing.T, p *prd.PRD) *workspace.Workspace {
	t.Helper()
	return generatedAs(t, p, render.Next)
}

func generatedAs(t *testing.T, p *prd.PRD, target render.Target) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	files, err := render.Render(p, render.Options{Target: target, Now: genTime})
	if err != nil {
		t.Fatal(err)
	}
	man := &workspace.Manifest{Version: 1, Files: map[string]string{}}
	for _, f := range files {
		if _, err := ws.WriteFile(f.Path, f.Data); err != nil {
			t.Fatal(err)
		}
		man.Files[f.Path] = workspace.Hash(f.Data)
	}
	if err := ws.WriteManifest(man); err != nil {
		t.Fatal(err)
	}
	data, _ := json.MarshalIndent(p, "", "  ")
	if err := os.WriteFile(filepath.Join(ws.Dir(), ".nexusgen", "prd.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return ws
}

func prepare(t *testing.T, ws *workspace.Workspace, request string, policy Policy) (*Change, error) {
	t.Helper()
	return Prepare(context.Background(), ws, architect.Offline{}, Params{Request: request, Policy: policy, Now: genTime})
}

func write(t *testing.T, ws *workspace.Workspace, ch *Change) []string {
	t.Helper()
	written, err := ch.Write(context.Background(), ws, nil)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return written
}

// snapshot maps every file of the folder, the engine's records included,
// to its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func setFile(t *testing.T, ws *workspace.Workspace, p, content string) {
	t.Helper()
	full := filepath.Join(ws.Dir(), filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, ws *workspace.Workspace, p string) string {
	t.Helper()
	data, err := ws.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func actions(ch *Change) map[string]Action {
	out := map[string]Action{}
	for _, f := range ch.Files {
		out[f.Path] = f.Action
	}
	return out
}

// consistent checks that the manifest matches the files on disk and that
// the app is exactly what its PRD renders.
func consistent(t *testing.T, ws *workspace.Workspace, except ...string) *prd.PRD {
	t.Helper()
	p, err := prd.Parse([]byte(readFile(t, ws, PRDPath)))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := render.Render(p, render.Options{Now: genTime})
	skip := map[string]bool{}
	for _, e := range except {
		skip[e] = true
	}
	for _, f := range files {
		if !skip[f.Path] && readFile(t, ws, f.Path) != string(f.Data) {
			t.Errorf("%s is not what the edited PRD renders", f.Path)
		}
	}
	man, _ := ws.ReadManifest()
	changed, missing := ws.Modified(man)
	for _, c := range changed {
		if !skip[c] {
			t.Errorf("manifest out of date for %s", c)
		}
	}
	if len(missing) > 0 {
		t.Errorf("manifest lists missing files %v", missing)
	}
	return p
}

func TestEditRewritesOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	ch, err := prepare(t, ws, "tasks should also have an estimate in hours", Refuse)
	if err != nil {
		t.Fatal(err)
	}
	acts := actions(ch)
	for _, p := range []string{"lib/task.ts", "components/task-form.tsx"} {
		if acts[p] != Update {
			t.Errorf("%s: %q, want update (plan %v)", p, acts[p], acts)
		}
	}
	for p := range acts {
		if strings.Contains(p, "project") || strings.Contains(p, "product") {
			t.Errorf("%s is in the plan though the edit does not touch it", p)
		}
	}
	write(t, ws, ch)
	p := consistent(t, ws)
	task, _ := p.Entity("task")
	if f, ok := task.Field("estimate"); !ok || f.Type != prd.Number || f.Unit != "hours" {
		t.Errorf("prd.json: %+v", task.Fields)
	}
	if !strings.HasPrefix(p.Assumptions[len(p.Assumptions)-1], "Edit: added field estimate") {
		t.Errorf("assumptions %v", p.Assumptions)
	}
	if !strings.Contains(readFile(t, ws, "components/task-form.tsx"), "Estimate (hours)") {
		t.Error("the form has no Estimate (hours) label")
	}
	again, err := prepare(t, ws, "tasks should also have an estimate in hours", Refuse)
	if err != nil || again.Changed() || len(again.Files) != 0 {
		t.Errorf("repeating the edit: changed %v, files %v, err %v", again.Changed(), again.Files, err)
	}
}

// userEdits changes one file the edit touches and one it does not, and
// adds files of the person's own.
func userEdits(t *testing.T, ws *workspace.Workspace) {
	setFile(t, ws, "components/task-form.tsx", readFile(t, ws, "components/task-form.tsx")+"// my tweak\n")
	setFile(t, ws, "components/project-form.tsx", readFile(t, ws, "components/project-form.tsx")+"// mine too\n")
	setFile(t, ws, "components/my-widget.tsx", "export const Mine = 1;\n")
	setFile(t, ws, "NOTES.md", "my notes\n")
	// next build rewrites this one; it is not a person's edit.
	setFile(t, ws, "next-env.d.ts", readFile(t, ws, "next-env.d.ts")+"import \"./.next/types/routes.d.ts\";\n")
}

func TestEditRefusesToOverwriteAPersonsChanges(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	userEdits(t, ws)
	before := snapshot(t, ws.Dir())
	ch, err := prepare(t, ws, "tasks should also have an estimate in hours", Refuse)
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) {
		t.Fatalf("Prepare = %v, want a ConflictError", err)
	}
	if len(ce.Files) != 1 || ce.Files[0].Path != "components/task-form.tsx" || !strings.Contains(err.Error(), "--force") {
		t.Errorf("conflicts %+v\n%v", ce.Files, err)
	}
	acts := actions(ch)
	if acts["components/project-form.tsx"] != "" || acts["next-env.d.ts"] != "" || acts["NOTES.md"] != "" {
		t.Errorf("plan touches files it should leave alone: %v", acts)
	}
	if _, err := ch.Write(context.Background(), ws, nil); !errors.Is(err, ErrConflict) {
		t.Errorf("Write of a conflicting change = %v", err)
	}
	after := snapshot(t, ws.Dir())
	for p, c := range before {
		if after[p] != c {
			t.Errorf("a refused edit changed %s", p)
		}
	}
	if len(after) != len(before) {
		t.Errorf("a refused edit added or removed files")
	}
}

func TestForceBacksUpThePersonsVersion(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	userEdits(t, ws)
	mine := readFile(t, ws, "components/task-form.tsx")
	ch, err := prepare(t, ws, "tasks should also have an estimate in hours", Force)
	if err != nil {
		t.Fatal(err)
	}
	write(t, ws, ch)
	backup := filepath.Join(BackupDir, genTime.Format("20060102-150405"), "components/task-form.tsx")
	if got := readFile(t, ws, backup); got != mine {
		t.Errorf("backup %s holds %q", backup, got)
	}
	consistent(t, ws, "components/project-form.tsx", "next-env.d.ts")
	if !strings.HasSuffix(readFile(t, ws, "components/project-form.tsx"), "// mine too\n") {
		t.Error("--force replaced a changed file the edit does not touch")
	}
	if readFile(t, ws, "NOTES.md") != "my notes\n" || readFile(t, ws, "components/my-widget.tsx") != "export const Mine = 1;\n" {
		t.Error("the person's own files were touched")
	}
}

func TestKeepMineLeavesThePersonsVersion(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	userEdits(t, ws)
	mine := readFile(t, ws, "components/task-form.tsx")
	ch, err := prepare(t, ws, "tasks should also have an estimate in hours", KeepMine)
	if err != nil {
		t.Fatal(err)
	}
	skipped := 0
	for _, f := range ch.Files {
		if f.Action == Keep {
			skipped++
		}
	}
	write(t, ws, ch)
	if readFile(t, ws, "components/task-form.tsx") != mine || skipped != 1 {
		t.Errorf("--keep-mine replaced the person's version (%d skipped)", skipped)
	}
	consistent(t, ws, "components/task-form.tsx", "components/project-form.tsx", "next-env.d.ts")
	// The kept file still counts as the person's at the next edit.
	next, err := prepare(t, ws, "add a notes field to products", Refuse)
	if err != nil {
		t.Fatal(err)
	}
	if actions(next)["components/task-form.tsx"] != "" {
		t.Errorf("a later edit plans %s for the kept file", actions(next)["components/task-form.tsx"])
	}
}

func TestRemovingAnEntityDeletesItsFiles(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	setFile(t, ws, "components/README.md", "mine\n")
	ch, err := prepare(t, ws, "remove projects", Refuse)
	if err != nil {
		t.Fatal(err)
	}
	write(t, ws, ch)
	for _, p := range []string{"app/projects/page.tsx", "components/project-form.tsx", "components/project-list.tsx", "lib/project.ts"} {
		if ws.Exists(p) {
			t.Errorf("%s is still there", p)
		}
	}
	if ws.Exists("app/projects") {
		t.Error("the emptied route folder is still there")
	}
	if !ws.Exists("components/README.md") || !ws.Exists("app/tasks/page.tsx") {
		t.Error("the edit deleted files it does not own or still needs")
	}
	man, _ := ws.ReadManifest()
	for p := range man.Files {
		if strings.Contains(p, "project") {
			t.Errorf("the manifest still lists %s", p)
		}
	}
	consistent(t, ws)
}

func TestRemovingAnEntityAPersonChangedNeedsAPolicy(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	setFile(t, ws, "lib/project.ts", readFile(t, ws, "lib/project.ts")+"// mine\n")
	_, err := prepare(t, ws, "remove projects", Refuse)
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Files[0].Path != "lib/project.ts" || !ce.Files[0].Removes || !strings.Contains(ce.Files[0].Reason, "removes it") {
		t.Fatalf("Prepare = %v", err)
	}
	ch, err := prepare(t, ws, "remove projects", Force)
	if err != nil {
		t.Fatal(err)
	}
	write(t, ws, ch)
	if ws.Exists("lib/project.ts") || !strings.HasSuffix(readFile(t, ws, filepath.Join(BackupDir, genTime.Format("20060102-150405"), "lib/project.ts")), "// mine\n") {
		t.Error("--force did not back up and delete the changed file")
	}
}

func TestAPersonsFileWhereTheAppNeedsOne(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	setFile(t, ws, "lib/client.ts", "// my own client code\n")
	_, err := prepare(t, ws, "track clients too: name, email", Refuse)
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Files[0].Path != "lib/client.ts" || !strings.Contains(ce.Files[0].Reason, "your own file") {
		t.Fatalf("Prepare = %v", err)
	}
}

func TestDeletedEngineFileIsRecreated(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	if err := ws.Remove("components/task-list.tsx"); err != nil {
		t.Fatal(err)
	}
	ch, err := prepare(t, ws, "use a green theme", Refuse)
	if err != nil {
		t.Fatal(err)
	}
	acts := actions(ch)
	if acts["components/task-list.tsx"] != Create || acts["app/globals.css"] != Update {
		t.Errorf("plan %v", acts)
	}
	write(t, ws, ch)
	consistent(t, ws)
}

func TestWriteStopsWhenAFileChangedAfterPreparing(t *testing.T) {
	t.Parallel()
	ws := generated(t, fixture(t))
	ch, err := prepare(t, ws, "add a notes field to projects", Refuse)
	if err != nil {
		t.Fatal(err)
	}
	setFile(t, ws, "lib/project.ts", "// typed in meanwhile\n")
	if _, err := ch.Write(context.Background(), ws, nil); err == nil || !strings.Contains(err.Error(), "changed while the edit was being prepared") {
		t.Errorf("Write = %v", err)
	}
	if readFile(t, ws, "lib/project.ts") != "// typed in meanwhile\n" {
		t.Error("Write overwrote a file changed after preparing")
	}
}

func TestPrepareNeedsAGeneratedApp(t *testing.T) {
	t.Parallel()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if _, err := prepare(t, ws, "add an about page", Refuse); !errors.Is(err, ErrRequest) || !strings.Contains(err.Error(), "nexusgen new") {
		t.Errorf("Prepare = %v", err)
	}
}

func TestEditKeepsTheAppsTarget(t *testing.T) {
	t.Parallel()
	ws := generatedAs(t, fixture(t), render.Vite)
	if got := DetectTarget(ws); got != render.Vite {
		t.Fatalf("DetectTarget = %q", got)
	}
	ch, err := prepare(t, ws, "add a notes field to projects", Refuse)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Target != render.Vite {
		t.Errorf("target %q", ch.Target)
	}
	for _, f := range ch.Files {
		if f.Action == Create {
			t.Errorf("editing a Vite app creates %s", f.Path)
		}
	}
	write(t, ws, ch)
	if ws.Exists("next.config.ts") {
		t.Error("the Vite app got Next.js files")
	}
}

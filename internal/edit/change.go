package edit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"time"

	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/render"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// PRDPath is where a generated app keeps its PRD.
const PRDPath = ".nexusgen/prd.json"

// BackupDir is where replaced versions of a person's files are saved, one
// folder per edit named by its time.
const BackupDir = ".nexusgen/backup"

// Params is one edit request.
type Params struct {
	Request string
	// Policy is what to do with files a person changed; zero means Refuse.
	Policy Policy
	// Target is the project kind rendered; zero means the kind the app was
	// generated as (see DetectTarget).
	Target render.Target
	// Now dates rendered output and backups; zero means time.Now.
	Now time.Time
}

// Change is a prepared edit: the ops read from the request, the PRD before
// and after, and what happens to each file. Nothing is written until Write.
type Change struct {
	Request string
	Ops     []Op
	// Results say what each op did, in order.
	Results  []Result
	Old, New *prd.PRD
	// Files lists the files the edit creates, updates, deletes or keeps
	// against the edit, sorted by path.
	Files  []FileChange
	Policy Policy
	// Target is the project kind the app is rendered as.
	Target render.Target

	now      time.Time
	manifest *workspace.Manifest
}

// Prepare reads the app's PRD, parses the request into ops, applies them
// and plans the file changes. It returns a *RequestError (ErrRequest) for a
// request that cannot be applied and, under the Refuse policy, the change
// together with a *ConflictError (ErrConflict) when files a person changed
// stand in the way. It writes nothing.
func Prepare(ctx context.Context, ws *workspace.Workspace, planner Planner, prm Params) (*Change, error) {
	if prm.Policy == "" {
		prm.Policy = Refuse
	}
	if prm.Now.IsZero() {
		prm.Now = time.Now()
	}
	data, err := ws.ReadFile(PRDPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, refuse("%s has no %s, so it is not an app NexusGen generated; create one with `nexusgen new`", ws.Dir(), PRDPath)
	}
	if err != nil {
		return nil, err
	}
	old, err := prd.Parse(data)
	if err != nil {
		return nil, refuse("%s is not a valid PRD: %v", PRDPath, err)
	}
	ops, err := Parse(ctx, planner, old, prm.Request)
	if err != nil {
		return nil, err
	}
	next, results, err := Apply(old, ops)
	if err != nil {
		return nil, err
	}
	if prm.Target == "" {
		prm.Target = DetectTarget(ws)
	}
	c := &Change{Request: prm.Request, Ops: ops, Results: results, Old: old, New: next, Policy: prm.Policy, Target: prm.Target, now: prm.Now}
	if !c.Changed() {
		return c, nil
	}
	opts := render.Options{Target: prm.Target, Now: prm.Now}
	oldFiles, err := render.Render(old, opts)
	if err != nil {
		return nil, fmt.Errorf("render the current app: %w", err)
	}
	newFiles, err := render.Render(next, opts)
	if err != nil {
		return nil, fmt.Errorf("render the edited app: %w", err)
	}
	man, err := ws.ReadManifest()
	if err != nil {
		return nil, err
	}
	c.Files, c.manifest, err = planFiles(ws, man, oldFiles, newFiles, prm.Policy)
	if err != nil {
		return nil, err
	}
	if conflicts := c.Conflicts(); len(conflicts) > 0 {
		return c, &ConflictError{Files: conflicts}
	}
	return c, nil
}

// DetectTarget is the project kind an app was generated as: the target of
// its last run's report, or else what its files show (a vite.config.ts
// makes it a Vite app); Next when nothing says.
func DetectTarget(ws *workspace.Workspace) render.Target {
	if rep, err := report.Read(filepath.Join(ws.Dir(), ".nexusgen", "report.json")); err == nil {
		switch t := render.Target(rep.Target); t {
		case render.Next, render.Vite:
			return t
		}
	}
	if man, err := ws.ReadManifest(); err == nil {
		if _, ok := man.Files["vite.config.ts"]; ok {
			return render.Vite
		}
	}
	if ws.Exists("vite.config.ts") && !ws.Exists("next.config.ts") {
		return render.Vite
	}
	return render.Next
}

// Changed reports whether any op changes the app.
func (c *Change) Changed() bool {
	for _, r := range c.Results {
		if r.Changed {
			return true
		}
	}
	return false
}

// Conflicts lists the files that stop the edit under the Refuse policy.
func (c *Change) Conflicts() []FileChange {
	var out []FileChange
	for _, f := range c.Files {
		if f.Action == Conflict {
			out = append(out, f)
		}
	}
	return out
}

// Write applies the change to the app: the person's versions of replaced
// files are backed up first, then files are written and deleted, emptied
// folders removed, and the manifest and prd.json updated. onFile, when set,
// is called after each file. It returns the paths written, for review. A
// file that changed on disk since Prepare stops the write.
func (c *Change) Write(ctx context.Context, ws *workspace.Workspace, onFile func(FileChange)) (written []string, err error) {
	if conflicts := c.Conflicts(); len(conflicts) > 0 {
		return nil, &ConflictError{Files: conflicts}
	}
	if !c.Changed() {
		return nil, nil
	}
	var backup *workspace.Workspace
	defer func() {
		if backup != nil {
			backup.Close()
		}
	}()
	man := c.manifest
	// Whatever happens, the manifest records what was written, so the next
	// edit does not mistake the engine's files for a person's.
	done := map[string]bool{}
	defer func() {
		if err == nil {
			return
		}
		prior, rerr := ws.ReadManifest()
		if rerr != nil {
			return
		}
		for p := range done {
			if h, ok := man.Files[p]; ok {
				prior.Files[p] = h
			} else {
				delete(prior.Files, p)
			}
		}
		_ = ws.WriteManifest(prior)
	}()
	for _, f := range c.Files {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		if f.Action == Keep {
			continue
		}
		if err := checkUnchanged(ws, f); err != nil {
			return written, err
		}
		if f.Backup {
			if backup == nil {
				dir := filepath.Join(ws.Dir(), filepath.FromSlash(BackupDir), c.now.UTC().Format("20060102-150405"))
				if backup, err = workspace.Open(dir); err != nil {
					return written, fmt.Errorf("open the backup folder: %w", err)
				}
			}
			data, err := ws.ReadFile(f.Path)
			if err != nil {
				return written, err
			}
			if _, err := backup.WriteFile(f.Path, data); err != nil {
				return written, fmt.Errorf("back up %s: %w", f.Path, err)
			}
		}
		switch f.Action {
		case Create, Update:
			if _, err := ws.WriteFile(f.Path, f.Data); err != nil {
				return written, err
			}
			written = append(written, f.Path)
		case Delete:
			if err := ws.Remove(f.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return written, fmt.Errorf("delete %s: %w", f.Path, err)
			}
			removeEmptyParents(ws, f.Path)
		}
		done[f.Path] = true
		if onFile != nil {
			onFile(f)
		}
	}
	if err := ws.WriteManifest(man); err != nil {
		return written, fmt.Errorf("write manifest: %w", err)
	}
	data, err := json.MarshalIndent(c.New, "", "  ")
	if err != nil {
		return written, err
	}
	if err := report.WriteFileAtomic(filepath.Join(ws.Dir(), filepath.FromSlash(PRDPath)), append(data, '\n')); err != nil {
		return written, fmt.Errorf("write prd.json: %w", err)
	}
	return written, nil
}

// checkUnchanged refuses to touch a file that changed since it was planned.
func checkUnchanged(ws *workspace.Workspace, f FileChange) error {
	data, err := ws.ReadFile(f.Path)
	now := ""
	if err == nil {
		now = workspace.Hash(data)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if now != f.seen {
		return fmt.Errorf("%s changed while the edit was being prepared; run the edit again", f.Path)
	}
	return nil
}

// removeEmptyParents removes the folders above a deleted file that it
// leaves empty ("app/projects" after "app/projects/page.tsx").
func removeEmptyParents(ws *workspace.Workspace, p string) {
	for dir := path.Dir(p); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if ws.Remove(dir) != nil {
			return
		}
	}
}

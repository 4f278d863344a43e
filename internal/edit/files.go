package edit

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/render"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// Action is what an edit does to one file.
type Action string

// The actions.
const (
	// Create writes a file the app did not have.
	Create Action = "create"
	// Update rewrites a file the engine wrote and nobody has changed since.
	Update Action = "update"
	// Delete removes a file the engine wrote, nobody has changed since, and
	// the app no longer needs.
	Delete Action = "delete"
	// Keep leaves a person's version of a file the edit would change in
	// place (the KeepMine policy).
	Keep Action = "keep"
	// Conflict is a file a person changed that the edit would overwrite or
	// delete; the edit is refused unless a policy says what to do.
	Conflict Action = "conflict"
)

// Policy says what to do with files a person changed that an edit would
// overwrite or delete.
type Policy string

// The policies.
const (
	// Refuse refuses the whole edit and lists the files.
	Refuse Policy = "refuse"
	// Force overwrites or deletes them after saving the person's version
	// under .nexusgen/backup/<time>/.
	Force Policy = "force"
	// KeepMine leaves them as they are, even if they no longer fit the app.
	KeepMine Policy = "keep-mine"
)

// FileChange is one file the edit touches.
type FileChange struct {
	Path   string `json:"path"`
	Action Action `json:"action"`
	Reason string `json:"reason,omitempty"`
	// Backup is set when a person's version is saved before it is replaced.
	Backup bool `json:"backup,omitempty"`
	// Removes is set on a conflict when the edit would delete the file.
	Removes bool   `json:"removes,omitempty"`
	Data    []byte `json:"-"`
	// seen is the hash of the file on disk when planned ("" when absent).
	seen string
}

// ErrConflict marks an edit refused because it would overwrite files a
// person changed.
var ErrConflict = errors.New("edit conflicts with changed files")

// ConflictError lists the files a person changed that the edit would
// overwrite or delete.
type ConflictError struct {
	Files []FileChange
}

func (e *ConflictError) Error() string {
	var b strings.Builder
	b.WriteString("the edit would overwrite files changed since NexusGen wrote them, so nothing was changed:\n")
	for _, f := range e.Files {
		fmt.Fprintf(&b, "  %s (%s)\n", f.Path, f.Reason)
	}
	b.WriteString("Run it again with --force to replace them (your versions are saved under .nexusgen/backup/),\n")
	b.WriteString("or with --keep-mine to leave them as they are (they may no longer fit the app).")
	return b.String()
}

// Unwrap makes every ConflictError match ErrConflict.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// toolRewritten are files the build tools rewrite after the engine writes
// them; a difference there is not a person's edit.
var toolRewritten = map[string]bool{"next-env.d.ts": true}

// planFiles compares what the old and new PRDs render with the files on
// disk and the manifest, and decides what to do with each file. It returns
// the changes, sorted by path, and the manifest as it will be afterwards.
func planFiles(ws *workspace.Workspace, man *workspace.Manifest, oldFiles, newFiles []render.File, policy Policy) ([]FileChange, *workspace.Manifest, error) {
	old, next := byPath(oldFiles), byPath(newFiles)
	after := &workspace.Manifest{Version: max(man.Version, 1), Files: maps.Clone(man.Files)}
	paths := slices.Sorted(maps.Keys(next))
	for p := range man.Files {
		if _, ok := next[p]; !ok {
			paths = append(paths, p)
		}
	}
	for p := range old {
		if _, ok := next[p]; !ok && man.Files[p] == "" {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)

	var out []FileChange
	for _, p := range paths {
		disk, err := ws.ReadFile(p)
		exists := err == nil
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("read %s: %w", p, err)
		}
		diskHash := ""
		if exists {
			diskHash = workspace.Hash(disk)
		}
		wrote, inManifest := man.Files[p]
		oldData, inOld := old[p]
		// The engine owns a file it recorded writing, or one that still
		// holds exactly what the old PRD renders.
		pristine := exists && (inManifest && diskHash == wrote || inOld && diskHash == workspace.Hash(oldData) || toolRewritten[p] && inManifest)
		owned := inManifest || pristine
		engineHash := wrote
		if !inManifest && inOld {
			engineHash = workspace.Hash(oldData)
		}
		fc := FileChange{Path: p, seen: diskHash}
		newData, inNew := next[p]
		switch {
		case inNew && exists && diskHash == workspace.Hash(newData):
			after.Files[p] = diskHash
			continue
		case inNew && exists && toolRewritten[p] && workspace.Hash(newData) == wrote:
			continue
		case inNew && !exists:
			fc.Action, fc.Data, fc.Reason = Create, newData, "new"
			if inManifest {
				fc.Reason = "it was deleted; the app needs it"
			}
		case inNew && pristine:
			fc.Action, fc.Data, fc.Reason = Update, newData, changeReason(inOld, oldData, newData)
		case inNew && owned && (workspace.Hash(newData) == engineHash || inOld && string(oldData) == string(newData)):
			continue // changed by a person, and this edit does not change it: theirs stays
		case inNew && owned:
			fc.Action, fc.Data, fc.Reason = Conflict, newData, "changed by you; the edit changes it too"
		case inNew:
			fc.Action, fc.Data, fc.Reason = Conflict, newData, "your own file is where the app now needs one of its files"
		case !owned:
			continue // a person's own file: never touched
		case !exists:
			delete(after.Files, p)
			continue
		case pristine:
			fc.Action, fc.Reason = Delete, "no longer part of the app"
		default:
			fc.Action, fc.Removes, fc.Reason = Conflict, true, "changed by you; the edit removes it"
		}
		if fc.Action == Conflict {
			fc = resolve(fc, policy)
		}
		switch fc.Action {
		case Create, Update:
			after.Files[p] = workspace.Hash(fc.Data)
		case Delete:
			delete(after.Files, p)
		}
		out = append(out, fc)
	}
	return out, after, nil
}

// resolve applies a policy to a conflict.
func resolve(fc FileChange, policy Policy) FileChange {
	switch policy {
	case Force:
		fc.Backup = true
		fc.Action = Update
		if fc.Removes {
			fc.Action = Delete
		}
		fc.Reason += "; your version is backed up"
		fc.Removes = false
	case KeepMine:
		fc.Action, fc.Data, fc.Removes = Keep, nil, false
		fc.Reason += "; kept your version, which may no longer fit the app"
	}
	return fc
}

// changeReason says whether the edit or a newer renderer changed a file.
func changeReason(inOld bool, oldData, newData []byte) string {
	if inOld && string(oldData) == string(newData) {
		return "regenerated: the renderer's output changed since the app was written"
	}
	return "changed by the edit"
}

func byPath(files []render.File) map[string][]byte {
	m := make(map[string][]byte, len(files))
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

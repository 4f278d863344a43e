package heal

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// Snapshots live in the project's .nexusgen/heal folder:
//
//	original/        the project's files when healing first started
//	attempts/<n>/    the files attempt n replaced (before/), its diff (fix.diff)
//	last-good/       the files of the last build that passed (index.json lists them)
const (
	healDir     = ".nexusgen/heal"
	originalDir = healDir + "/original"
	lastGoodDir = healDir + "/last-good"
	// LastGoodIndex lists the files of the last successful build.
	LastGoodIndex = lastGoodDir + "/index.json"
)

// snapshotLimit bounds one snapshot; sources are far smaller, and larger
// files (images, data) are skipped rather than copied.
const (
	snapshotFileLimit  = 1 << 20
	snapshotTotalLimit = 64 << 20
)

// keepOriginal copies the project's files as they are before the first fix
// of a run, replacing the copy of an earlier run.
func keepOriginal(ws *workspace.Workspace) error {
	dst := filepath.Join(ws.Dir(), filepath.FromSlash(originalDir))
	os.RemoveAll(dst)
	_, err := copyFiles(ws, dst)
	return err
}

// keepAttempt stores what attempt n replaced and its diff.
func keepAttempt(ws *workspace.Workspace, n int, befores []fileBefore, diff string) error {
	dir := filepath.Join(ws.Dir(), filepath.FromSlash(healDir), "attempts", strconv.Itoa(n))
	os.RemoveAll(dir)
	var created []string
	for _, b := range befores {
		if b.data == nil {
			created = append(created, b.path)
			continue
		}
		if err := report.WriteFileAtomic(filepath.Join(dir, "before", filepath.FromSlash(b.path)), b.data); err != nil {
			return err
		}
	}
	if len(created) > 0 {
		if err := report.WriteFileAtomic(filepath.Join(dir, "created.txt"), []byte(strings.Join(created, "\n")+"\n")); err != nil {
			return err
		}
	}
	return report.WriteFileAtomic(filepath.Join(dir, "fix.diff"), []byte(diff))
}

// saveLastGood replaces the last-good snapshot with the project as it is.
func saveLastGood(ws *workspace.Workspace) error {
	dst := filepath.Join(ws.Dir(), filepath.FromSlash(lastGoodDir))
	tmp := dst + ".tmp"
	os.RemoveAll(tmp)
	files, err := copyFiles(ws, tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	data, _ := json.MarshalIndent(map[string]any{"version": 1, "files": files}, "", "  ")
	if err := os.WriteFile(filepath.Join(tmp, "index.json"), data, 0o644); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	os.RemoveAll(dst)
	return os.Rename(tmp, dst)
}

// hasLastGood reports whether a successful build was kept.
func hasLastGood(ws *workspace.Workspace) bool { return ws.Exists(LastGoodIndex) }

// copyFiles copies the workspace's files (not node_modules, .next or
// .nexusgen) into dst and returns their paths. Files copied into the
// snapshot folder keep their relative paths; index.json is a reserved name
// at the top of a snapshot, so a project file of that name is kept under
// files/.
func copyFiles(ws *workspace.Workspace, dst string) ([]string, error) {
	files, err := ws.Files()
	if err != nil {
		return nil, err
	}
	var kept []string
	total := 0
	for _, f := range files {
		data, err := ws.ReadFile(f)
		if err != nil || len(data) > snapshotFileLimit || total+len(data) > snapshotTotalLimit {
			continue
		}
		total += len(data)
		if err := writeSnapshotFile(dst, f, data); err != nil {
			return kept, err
		}
		kept = append(kept, f)
	}
	return kept, nil
}

func writeSnapshotFile(dst, rel string, data []byte) error {
	p := filepath.Join(dst, "files", filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// readLastGood returns the files of the last successful build.
func readLastGood(files Files) (map[string][]byte, error) {
	raw, err := files.ReadFile(LastGoodIndex)
	if err != nil {
		return nil, err
	}
	var idx struct {
		Files []string `json:"files"`
	}
	if err := json.Unmarshal(raw, &idx); err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range idx.Files {
		data, err := files.ReadFile(path.Join(lastGoodDir, "files", f))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[f] = data
	}
	return out, nil
}

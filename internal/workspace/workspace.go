// Package workspace confines file operations to one project folder. Paths
// from a coder (a model or the offline renderer) are checked before use and
// every operation goes through an os.Root, so no path — absolute, with "..",
// or through a symlink — can reach outside the folder.
package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// ErrUnsafePath is returned for a path that could leave the workspace or
// touch what the engine owns.
var ErrUnsafePath = errors.New("unsafe path")

// PathError says which path was refused and why.
type PathError struct {
	Path   string
	Reason string
}

func (e *PathError) Error() string { return fmt.Sprintf("unsafe path %q: %s", e.Path, e.Reason) }
func (e *PathError) Unwrap() error { return ErrUnsafePath }

// MaxFileBytes bounds one written file; generated sources are far smaller.
const MaxFileBytes = 2 << 20

// protected are top-level names a coder may not write: the engine's own
// records, installed packages, build output and version control.
var protected = map[string]bool{
	".nexusgen": true, "node_modules": true, ".next": true, ".git": true, "dist": true,
}

// CleanPath validates a slash-separated path relative to the workspace and
// returns its clean form. It refuses empty, absolute, parent-relative,
// NUL-containing, backslashed, overlong and protected paths.
func CleanPath(p string) (string, error) {
	bad := func(reason string) (string, error) { return "", &PathError{Path: p, Reason: reason} }
	switch {
	case p == "":
		return bad("empty")
	case len(p) > 512:
		return bad("longer than 512 bytes")
	case !utf8.ValidString(p):
		return bad("not UTF-8")
	case strings.ContainsAny(p, "\x00\\:*?\"<>|"):
		return bad("contains a reserved character")
	case strings.HasPrefix(p, "/"):
		return bad("absolute")
	}
	for _, r := range p {
		if r < 0x20 || r == 0x7f {
			return bad("contains a control character")
		}
	}
	clean := path.Clean(p)
	if clean == "." {
		return bad("names the workspace itself")
	}
	if strings.HasPrefix(clean, "~") {
		return bad("starts with ~, which shells expand to a home folder")
	}
	for _, seg := range strings.Split(clean, "/") {
		if seg == ".." {
			return bad("leaves the workspace")
		}
		if len(seg) > 255 {
			return bad("a path segment is longer than 255 bytes")
		}
	}
	if protected[strings.Split(clean, "/")[0]] {
		return bad("inside a folder the engine owns")
	}
	return clean, nil
}

// Workspace is one project folder.
type Workspace struct {
	dir  string
	root *os.Root
}

// Open opens (creating if needed) the folder dir as a workspace.
func Open(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, fmt.Errorf("create workspace: %w", err)
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("open workspace: %w", err)
	}
	return &Workspace{dir: abs, root: root}, nil
}

// Dir is the absolute path of the workspace.
func (w *Workspace) Dir() string { return w.dir }

// Close releases the workspace.
func (w *Workspace) Close() error { return w.root.Close() }

// WriteFile writes data to the relative path p, creating folders. It reports
// whether the content changed.
func (w *Workspace) WriteFile(p string, data []byte) (changed bool, err error) {
	clean, err := CleanPath(p)
	if err != nil {
		return false, err
	}
	if len(data) > MaxFileBytes {
		return false, &PathError{Path: p, Reason: fmt.Sprintf("file of %d bytes is over the %d byte limit", len(data), MaxFileBytes)}
	}
	if old, err := w.root.ReadFile(clean); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	if dir := path.Dir(clean); dir != "." {
		if err := w.root.MkdirAll(dir, 0o755); err != nil {
			return false, fmt.Errorf("write %s: %w", clean, err)
		}
	}
	if err := w.root.WriteFile(clean, data, 0o644); err != nil {
		return false, fmt.Errorf("write %s: %w", clean, err)
	}
	return true, nil
}

// ReadFile reads the relative path p. Reading protected paths is allowed.
func (w *Workspace) ReadFile(p string) ([]byte, error) {
	clean := path.Clean(p)
	if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
		return nil, &PathError{Path: p, Reason: "leaves the workspace"}
	}
	return w.root.ReadFile(clean)
}

// Remove deletes the relative path p (a file or an empty folder).
func (w *Workspace) Remove(p string) error {
	clean, err := CleanPath(p)
	if err != nil {
		return err
	}
	return w.root.Remove(clean)
}

// Exists reports whether the relative path exists.
func (w *Workspace) Exists(p string) bool {
	_, err := w.root.Stat(path.Clean(p))
	return err == nil
}

// Files lists the regular files of the workspace as sorted slash paths,
// skipping protected folders.
func (w *Workspace) Files() ([]string, error) {
	var out []string
	err := fs.WalkDir(w.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && protected[strings.Split(p, "/")[0]] {
			return fs.SkipDir
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

package diag

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// maxWalk bounds how many entries a lookup visits in a project tree.
const maxWalk = 20000

var errFound = errors.New("found")

// findModuleFile reports whether the project holds a file the import spec
// could have meant: one with the same base name (any source extension), or
// a directory of that name with an index file. node_modules, .next and
// dot-directories are not searched.
func findModuleFile(fsys fs.FS, spec string) bool {
	base := path.Base(spec)
	if ext := path.Ext(base); codeExts[ext] {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." || base == ".." || base == "/" {
		return false
	}
	seen := 0
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if seen++; seen > maxWalk {
			return fs.SkipAll
		}
		name := e.Name()
		if e.IsDir() {
			if p != "." && (name == "node_modules" || strings.HasPrefix(name, ".")) {
				return fs.SkipDir
			}
			if name == base && hasIndex(fsys, p) {
				return errFound
			}
			return nil
		}
		if ext := path.Ext(name); codeExts[ext] && strings.TrimSuffix(name, ext) == base {
			return errFound
		}
		return nil
	})
	return errors.Is(err, errFound)
}

func hasIndex(fsys fs.FS, dir string) bool {
	for _, e := range []string{".tsx", ".ts", ".jsx", ".js", ".mjs"} {
		if exists(fsys, path.Join(dir, "index"+e)) {
			return true
		}
	}
	return false
}

// packageInstalled reports whether node_modules holds the package.
func packageInstalled(fsys fs.FS, name string) bool {
	return name != "" && exists(fsys, path.Join("node_modules", name, "package.json"))
}

package sandbox

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultPrograms are the programs DefaultPolicy lets run: the Node
// toolchain a generated app is installed, checked, built, tested and served
// with, and git for exports. Shells are not on the list: the product runs
// each tool directly (npm still runs package scripts through sh inside the
// sandbox, which is where the confinement matters).
var DefaultPrograms = []string{
	"node", "npm", "npx", "tsc", "next", "vite", "vitest", "playwright",
	"eslint", "git",
}

// DefaultPolicy allows DefaultPrograms.
func DefaultPolicy() Policy { return AllowPrograms(DefaultPrograms...) }

// AllowPrograms allows a spec whose program's base name is one of names, so
// "node_modules/.bin/next" counts as "next". The list says what the product
// means to run; it is not the confinement (the sandbox is).
func AllowPrograms(names ...string) Policy {
	names = slices.Clone(names)
	return func(s Spec) error {
		prog := filepath.Base(s.Argv[0])
		if !slices.Contains(names, prog) {
			return fmt.Errorf("%w: program %q is not one of %s", ErrDenied, prog, strings.Join(names, ", "))
		}
		return nil
	}
}

// WithinRoots allows a spec whose Writable paths all lie inside one of roots
// (the workspace, the shared package cache). Roots must be absolute.
func WithinRoots(roots ...string) Policy {
	clean := make([]string, len(roots))
	for i, r := range roots {
		clean[i] = filepath.Clean(r)
	}
	return func(s Spec) error {
		for _, w := range s.Writable {
			if !slices.ContainsFunc(clean, func(r string) bool { return within(w, r) }) {
				return fmt.Errorf("%w: writable path %s is outside %s", ErrDenied, w, strings.Join(clean, ", "))
			}
		}
		return nil
	}
}

// AllOf allows a spec that every policy allows; nil policies are skipped.
func AllOf(policies ...Policy) Policy {
	return func(s Spec) error {
		for _, p := range policies {
			if p == nil {
				continue
			}
			if err := p(s); err != nil {
				return err
			}
		}
		return nil
	}
}

// systemDirs may never be writable, nor anything inside them.
var systemDirs = []string{"/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/run", "/sbin", "/sys", "/usr"}

// within reports whether path is root or lies inside it. Both are clean
// absolute paths.
func within(path, root string) bool {
	if root == "/" {
		return strings.HasPrefix(path, "/")
	}
	return path == root || strings.HasPrefix(path, root+"/")
}

// checkPath accepts an absolute, clean path other than "/".
func checkPath(what, p string) error {
	switch {
	case p == "":
		return fmt.Errorf("%w: %s is empty", ErrBadSpec, what)
	case strings.ContainsRune(p, 0):
		return fmt.Errorf("%w: %s contains a NUL byte", ErrBadSpec, what)
	case !filepath.IsAbs(p):
		return fmt.Errorf("%w: %s %q is not absolute", ErrBadSpec, what, p)
	case filepath.Clean(p) != p:
		return fmt.Errorf("%w: %s %q is not clean (want %q)", ErrBadSpec, what, p, filepath.Clean(p))
	case p == "/":
		return fmt.Errorf("%w: %s is the root directory", ErrBadSpec, what)
	}
	return nil
}

// validatePaths checks the shape of a spec without touching the
// filesystem: a program, absolute clean paths, no system directory
// writable, and Dir inside a Writable path.
func validatePaths(s Spec) error {
	if len(s.Argv) == 0 || s.Argv[0] == "" {
		return fmt.Errorf("%w: no program", ErrBadSpec)
	}
	for _, a := range s.Argv {
		if strings.ContainsRune(a, 0) {
			return fmt.Errorf("%w: argument contains a NUL byte", ErrBadSpec)
		}
	}
	if len(s.Writable) == 0 {
		return fmt.Errorf("%w: no writable path", ErrBadSpec)
	}
	for _, w := range s.Writable {
		if err := checkPath("writable path", w); err != nil {
			return err
		}
		for _, d := range systemDirs {
			if within(w, d) {
				return fmt.Errorf("%w: writable path %s is a system directory", ErrBadSpec, w)
			}
		}
	}
	for _, r := range s.ReadOnly {
		if err := checkPath("read-only path", r); err != nil {
			return err
		}
	}
	if err := checkPath("dir", s.Dir); err != nil {
		return err
	}
	if !slices.ContainsFunc(s.Writable, func(w string) bool { return within(s.Dir, w) }) {
		return fmt.Errorf("%w: dir %s is not inside a writable path", ErrBadSpec, s.Dir)
	}
	if s.Port < 0 || s.Port > 65535 {
		return fmt.Errorf("%w: port %d", ErrBadSpec, s.Port)
	}
	if s.TailBytes < 0 {
		return fmt.Errorf("%w: negative TailBytes", ErrBadSpec)
	}
	return nil
}

// checkFiles checks the spec against the filesystem: every Writable and
// ReadOnly path exists and is no symlink and passes through none (a bind
// mount would follow it out of the workspace), and Dir is a directory.
func checkFiles(s Spec) error {
	for _, p := range slices.Concat(s.Writable, s.ReadOnly) {
		real, err := filepath.EvalSymlinks(p)
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w: %s does not exist", ErrBadSpec, p)
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrBadSpec, err)
		}
		if real != p {
			return fmt.Errorf("%w: %s resolves to %s through a symlink; pass the resolved path", ErrBadSpec, p, real)
		}
	}
	if fi, err := os.Stat(s.Dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("%w: dir %s is not a directory", ErrBadSpec, s.Dir)
	}
	return nil
}

// resolveProgram finds argv0 the way the sandboxed process would: a name
// without a slash in path (the sandbox's PATH), a relative path from dir.
// The directories on the sandbox's PATH are mounted at the same place
// inside, so the host's answer is the sandbox's.
func resolveProgram(argv0, dir, path string) (string, error) {
	if strings.Contains(argv0, "/") {
		p := argv0
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if isExecutable(p) {
			return p, nil
		}
		return "", fmt.Errorf("%w: program %s is not an executable file", ErrBadSpec, p)
	}
	for _, d := range filepath.SplitList(path) {
		if p := filepath.Join(d, argv0); isExecutable(p) {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: program %q not found in %s", ErrBadSpec, argv0, path)
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

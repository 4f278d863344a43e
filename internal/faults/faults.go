package faults

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Case is one case.json.
type Case struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Category   string   `json:"category"`
	Subclass   string   `json:"subclass"`
	Check      string   `json:"check"`
	Fix        string   `json:"fix"`
	Files      []string `json:"files"`
	Deleted    []string `json:"deleted"`
	FixedFiles []string `json:"fixed_files"`
	// Dir is the case's folder.
	Dir string `json:"-"`
}

// Corpus is a fault corpus folder: base/ and cases/<id>/.
type Corpus struct {
	Dir string
}

// Cases lists the corpus's cases in id order.
func (c Corpus) Cases() ([]Case, error) {
	return LoadCases(filepath.Join(c.Dir, "cases"))
}

// LoadCases reads every <dir>/<id>/case.json.
func LoadCases(dir string) ([]Case, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "case.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no cases in %s", dir)
	}
	sort.Strings(paths)
	var out []Case
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var c Case
		if err := json.Unmarshal(data, &c); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		c.Dir = filepath.Dir(p)
		out = append(out, c)
	}
	return out, nil
}

// Materialise writes base plus the case's overlay (and, with fixed, its
// reference fix) into dest, which must not exist. node_modules and .next
// of the base are not copied.
func (c Corpus) Materialise(cs Case, dest string, fixed bool) error {
	return Materialise(filepath.Join(c.Dir, "base"), cs.Dir, dest, fixed)
}

// Materialise copies base, then the overlay in caseDir, into dest.
func Materialise(base, caseDir, dest string, fixed bool) error {
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("destination exists: %s", dest)
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return err
	}
	skipBase := func(rel string) bool {
		top := strings.Split(rel, string(filepath.Separator))[0]
		return top == "node_modules" || top == ".next"
	}
	if err := copyTree(base, dest, skipBase); err != nil {
		return err
	}
	if err := overlay(caseDir, dest); err != nil {
		return err
	}
	if fixed {
		return overlay(filepath.Join(caseDir, "fixed"), dest)
	}
	return nil
}

// overlay copies a case folder's files (not fixed/, case.json, DELETE,
// NOTES.md) over dest, then removes the paths DELETE lists.
func overlay(src, dest string) error {
	err := copyTree(src, dest, func(rel string) bool {
		top := strings.Split(rel, string(filepath.Separator))[0]
		return top == "fixed" || rel == "case.json" || rel == "DELETE" || rel == "NOTES.md"
	})
	if err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(src, "DELETE"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p, _, _ := strings.Cut(sc.Text(), "#")
		p = strings.TrimSpace(p)
		if p == "" || strings.Contains(p, "..") || filepath.IsAbs(p) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dest, filepath.FromSlash(p))); err != nil {
			return err
		}
	}
	return sc.Err()
}

func copyTree(src, dest string, skip func(rel string) bool) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil || rel == "." {
			return err
		}
		if skip(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dest, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// SourceFiles lists a project's files for comparison, skipping installed
// packages, build output, the engine's records and the lockfile.
func SourceFiles(dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", ".next", ".nexusgen", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if rel == "package-lock.json" || rel == "next-env.d.ts" || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	return out, err
}

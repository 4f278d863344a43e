package heal

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// PackageManager asks another package manager (pnpm, yarn) to resolve a
// dependency set npm rejects, in a scratch copy of package.json, and pins
// the direct dependencies to the versions it chose, so npm installs a set
// known to resolve. It applies only where the manager is installed and the
// sandbox lets it run.
type PackageManager struct {
	Runner sandbox.Runner
	// Managers are the programs to try, in order (see AvailableManagers).
	Managers []string
	// Scratch is a writable folder for the resolution (the package store's).
	Scratch string
}

// AvailableManagers lists the package managers other than npm on this host.
func AvailableManagers() []string {
	var out []string
	for _, m := range []string{"pnpm", "yarn"} {
		if _, err := exec.LookPath(m); err == nil {
			out = append(out, m)
		}
	}
	return out
}

// Name implements Fixer.
func (*PackageManager) Name() string { return "fallback.package-manager" }

// Accepts implements Fixer.
func (*PackageManager) Accepts(d diag.Diagnostic) bool {
	return d.Category == diag.Dependency && d.Tool == diag.ToolNPM &&
		(d.Subclass == diag.VersionConflict || d.Subclass == diag.PeerDependency)
}

// Fix implements Fixer.
func (m *PackageManager) Fix(ctx context.Context, p Params) (Fix, error) {
	if len(m.Managers) == 0 || m.Runner == nil {
		return Fix{}, NotApplicable("no other package manager is installed")
	}
	pkg, err := p.Files.ReadFile("package.json")
	if err != nil {
		return Fix{}, NotApplicable("no package.json")
	}
	var decl struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := json.Unmarshal(pkg, &decl); err != nil {
		return Fix{}, NotApplicable("package.json does not parse")
	}
	for _, pm := range m.Managers {
		dir, err := os.MkdirTemp(m.Scratch, "resolve-")
		if err != nil {
			return Fix{}, err
		}
		defer os.RemoveAll(dir)
		if err := os.WriteFile(filepath.Join(dir, "package.json"), pkg, 0o644); err != nil {
			return Fix{}, err
		}
		res, err := m.Runner.Run(ctx, sandbox.Spec{
			Argv: []string{pm, "install", "--ignore-scripts"}, Dir: dir, Writable: []string{dir},
			Network: sandbox.FullNetwork,
		})
		if err != nil || !res.OK() {
			continue // this manager cannot run here or cannot resolve either
		}
		pinned := string(pkg)
		var names []string
		for name := range decl.Dependencies {
			names = append(names, name)
		}
		for name := range decl.DevDependencies {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			data, err := os.ReadFile(filepath.Join(dir, "node_modules", filepath.FromSlash(name), "package.json"))
			if err != nil {
				continue
			}
			var v struct {
				Version string `json:"version"`
			}
			if json.Unmarshal(data, &v) != nil || v.Version == "" {
				continue
			}
			pinned = pinVersion(pinned, name, v.Version)
		}
		if pinned == string(pkg) {
			continue
		}
		return Fix{
			Changes:   []Change{{Path: "package.json", Data: []byte(pinned)}, {Path: "package-lock.json"}},
			Reinstall: true,
			Note:      fmt.Sprintf("pin the dependencies to the versions %s resolved", pm),
		}, nil
	}
	return Fix{}, NotApplicable("no other package manager resolved the dependencies")
}

// pinVersion sets "name": "<version>" in package.json text.
func pinVersion(pkg, name, version string) string {
	key := `"` + name + `"`
	i := strings.Index(pkg, key)
	if i < 0 {
		return pkg
	}
	rest := pkg[i+len(key):]
	colon := strings.IndexByte(rest, ':')
	q1 := strings.IndexByte(rest[colon:], '"')
	if colon < 0 || q1 < 0 {
		return pkg
	}
	start := i + len(key) + colon + q1 + 1
	end := strings.IndexByte(pkg[start:], '"')
	if end < 0 {
		return pkg
	}
	return pkg[:start] + version + pkg[start+end:]
}

package heal

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/render"
	"github.com/nexusgen/nexusgen/internal/sandbox"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// The fallback strategies of the plan (§3.4.3) that fit a generated app:
// a known-good template file, a fresh lockfile, the last successful build.
// Another package manager is in fallback_pm.go.

// Template restores a file the engine wrote from its template: the
// offline renderer renders it again from .nexusgen/prd.json. It applies to
// files the manifest lists, and to a missing module the manifest lists.
type Template struct{}

// Name implements Fixer.
func (Template) Name() string { return "fallback.template" }

// Accepts implements Fixer.
func (Template) Accepts(d diag.Diagnostic) bool {
	return d.Category != diag.Network && d.Category != diag.Resource
}

// Fix implements Fixer.
func (Template) Fix(ctx context.Context, p Params) (Fix, error) {
	raw, err := p.Files.ReadFile(workspace.ManifestPath)
	if err != nil {
		return Fix{}, NotApplicable("the engine wrote no manifest here")
	}
	prdData, err := p.Files.ReadFile(".nexusgen/prd.json")
	if err != nil {
		return Fix{}, NotApplicable("no PRD to render from")
	}
	targets := []string{p.Diag.File}
	if spec, ok := diag.ModuleSpecifier(p.Diag); ok && strings.HasPrefix(spec, "@/") {
		base := strings.TrimPrefix(spec, "@/")
		for _, ext := range []string{".tsx", ".ts"} {
			targets = append(targets, base+ext)
		}
	}
	var owned []string
	for _, t := range targets {
		if t != "" && strings.Contains(string(raw), `"`+t+`"`) {
			owned = append(owned, t)
		}
	}
	if len(owned) == 0 {
		return Fix{}, NotApplicable("the failing file is not one the engine wrote")
	}
	spec, err := prd.Parse(prdData)
	if err != nil {
		return Fix{}, NotApplicable("the PRD does not parse: " + err.Error())
	}
	files, err := render.Render(spec, render.Options{})
	if err != nil {
		return Fix{}, NotApplicable("the PRD does not render: " + err.Error())
	}
	var fix Fix
	for _, f := range files {
		for _, t := range owned {
			if f.Path != t {
				continue
			}
			cur, err := p.Files.ReadFile(t)
			if err == nil && string(cur) == string(f.Data) {
				continue
			}
			fix.Changes = append(fix.Changes, Change{Path: t, Data: f.Data})
		}
	}
	if len(fix.Changes) == 0 {
		return Fix{}, NotApplicable("the file is as the template renders it")
	}
	fix.Note = "restore " + owned[0] + " from its template"
	return fix, nil
}

// Lockfile deletes package-lock.json and the installed packages, so npm
// resolves the dependency tree afresh.
type Lockfile struct{}

// Name implements Fixer.
func (Lockfile) Name() string { return "fallback.lockfile" }

// Accepts implements Fixer.
func (Lockfile) Accepts(d diag.Diagnostic) bool { return d.Category == diag.Dependency }

// Fix implements Fixer.
func (Lockfile) Fix(ctx context.Context, p Params) (Fix, error) {
	if spec, ok := diag.ModuleSpecifier(p.Diag); ok {
		if strings.HasPrefix(spec, ".") || strings.HasPrefix(spec, "@/") || strings.HasPrefix(spec, "~/") {
			return Fix{}, NotApplicable("a project file is missing, not a package")
		}
		if !declared(p.Files, spec) {
			return Fix{}, NotApplicable("package.json does not declare " + spec + "; reinstalling cannot bring it")
		}
	}
	if _, err := p.Files.ReadFile("package-lock.json"); errors.Is(err, fs.ErrNotExist) {
		return Fix{Reinstall: true, Note: "reinstall the packages from scratch"}, nil
	}
	return Fix{
		Changes:   []Change{{Path: "package-lock.json"}},
		Reinstall: true,
		Note:      "regenerate the lockfile and reinstall the packages",
	}, nil
}

// declared reports whether package.json names the package of spec.
func declared(files Files, spec string) bool {
	data, err := files.ReadFile("package.json")
	if err != nil {
		return false
	}
	parts := strings.SplitN(spec, "/", 3)
	name := parts[0]
	if strings.HasPrefix(spec, "@") && len(parts) >= 2 {
		name = parts[0] + "/" + parts[1]
	}
	return strings.Contains(string(data), `"`+name+`"`)
}

// LastGood puts back the files of the last build that passed, for
// failures nobody understands.
type LastGood struct{}

// Name implements Fixer.
func (LastGood) Name() string { return "fallback.last-good" }

// Accepts implements Fixer.
func (LastGood) Accepts(d diag.Diagnostic) bool { return d.Category == diag.Unknown }

// Fix implements Fixer.
func (LastGood) Fix(ctx context.Context, p Params) (Fix, error) {
	good, err := readLastGood(p.Files)
	if err != nil {
		return Fix{}, NotApplicable("no build of this project has passed")
	}
	var fix Fix
	current, err := p.Files.Files()
	if err != nil {
		return Fix{}, err
	}
	for _, f := range current {
		if _, ok := good[f]; !ok && !strings.HasPrefix(path.Base(f), ".") {
			fix.Changes = append(fix.Changes, Change{Path: f})
		}
	}
	for f, data := range good {
		if cur, err := p.Files.ReadFile(f); err != nil || string(cur) != string(data) {
			fix.Changes = append(fix.Changes, Change{Path: f, Data: data})
		}
	}
	if len(fix.Changes) == 0 {
		return Fix{}, NotApplicable("the project is as it was when it last built")
	}
	fix.Note = "revert to the last build that passed"
	return fix, nil
}

var (
	_ Fixer = Template{}
	_ Fixer = Lockfile{}
	_ Fixer = LastGood{}
	_ Fixer = (*PackageManager)(nil)
)

// Fallbacks are the fallback strategies in the order they are tried:
// the template, a fresh lockfile, another package manager when this host
// has one (run through runner, resolving in scratch), the last good build.
func Fallbacks(runner sandbox.Runner, scratch string) []Fixer {
	out := []Fixer{Template{}, Lockfile{}}
	if pms := AvailableManagers(); len(pms) > 0 && runner != nil {
		out = append(out, &PackageManager{Runner: runner, Managers: pms, Scratch: scratch})
	}
	return append(out, LastGood{})
}

package rules

import (
	"context"
	"path"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// importPath points an import of a project file at the place the file
// really is: the one file with that name, or the closest by path.
var importPath = &rule{
	name: "import.fix-path",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Dependency, diag.WrongImportPath, diag.FileNotFound)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		spec, ok := diag.ModuleSpecifier(p.Diag)
		if !ok {
			return heal.Fix{}, na("no module in the message")
		}
		if _, isPkg := packageName(spec); isPkg {
			return heal.Fix{}, na("%s is a package", spec)
		}
		src, err := read(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		target, ok := locate(p.Files, p.Diag.File, spec)
		if !ok {
			return heal.Fix{}, na("no single file in the project matches %s", spec)
		}
		repl := specFor(p.Files, p.Diag.File, target)
		if repl == spec {
			return heal.Fix{}, na("%s already names %s", spec, target)
		}
		out := replaceSpec(src, spec, repl)
		if unchanged(src, out) {
			return heal.Fix{}, na("no import of %s in %s", spec, p.Diag.File)
		}
		return one(p.Diag.File, out, "import "+target+" as "+repl+" instead of "+spec), nil
	},
}

// locate finds the project file an unresolvable specifier most likely
// meant: same base name (ignoring case and extension), the most trailing
// path segments in common; ambiguous ties are refused.
func locate(files heal.Files, from, spec string) (string, bool) {
	all, err := files.Files()
	if err != nil {
		return "", false
	}
	base := path.Base(spec)
	wantExt := path.Ext(base)
	if isCode(base) || wantExt == "" {
		base = strings.TrimSuffix(base, wantExt)
		wantExt = ""
	}
	segs := strings.Split(strings.Trim(path.Clean(spec), "./@~"), "/")
	best, bestScore, tie := "", -1, false
	for _, f := range all {
		if f == from {
			continue
		}
		name := path.Base(f)
		stem := strings.TrimSuffix(name, path.Ext(name))
		ok := false
		switch {
		case wantExt != "":
			ok = strings.EqualFold(name, base)
		case isCode(f) && strings.EqualFold(stem, base):
			ok = true
		case isCode(f) && stem == "index" && strings.EqualFold(path.Base(path.Dir(f)), base):
			f = path.Dir(f) + "/index" + path.Ext(f)
			ok = true
		}
		if !ok {
			continue
		}
		fsegs := strings.Split(strings.TrimSuffix(strings.TrimSuffix(f, path.Ext(f)), "/index"), "/")
		score := 0
		for i, j := len(segs)-1, len(fsegs)-1; i >= 0 && j >= 0 && strings.EqualFold(segs[i], fsegs[j]); i, j = i-1, j-1 {
			score++
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = f, score, false
		case score == bestScore:
			tie = true
		}
	}
	return best, best != "" && !tie
}

// moduleCreate writes a component a page imports but nobody wrote: a typed
// placeholder that takes the props the page passes and lists the data it
// is given, so the app builds and the gap is visible.
var moduleCreate = &rule{
	name: "import.create-component",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Dependency, diag.FileNotFound, diag.WrongImportPath)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		spec, ok := diag.ModuleSpecifier(p.Diag)
		if !ok {
			return heal.Fix{}, na("no module in the message")
		}
		resolved, ok := resolveSpec(p.Files, p.Diag.File, spec)
		if !ok {
			return heal.Fix{}, na("%s is not a project path", spec)
		}
		if _, found := findModule(p.Files, resolved); found {
			return heal.Fix{}, na("%s exists", spec)
		}
		if _, found := locate(p.Files, p.Diag.File, spec); found {
			return heal.Fix{}, na("a file of that name exists elsewhere")
		}
		if engineOwned(p.Files, resolved) {
			return heal.Fix{}, na("%s is the engine's to write", resolved)
		}
		src, s, err := parse(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		im, ok := tsedit.FindImport(tsedit.Imports(s), spec)
		if !ok {
			return heal.Fix{}, na("no import of %s", spec)
		}
		if len(im.Locals()) == 0 && strings.HasSuffix(spec, ".css") {
			return one(p.Diag.File, tsedit.RemoveImport(src, im), "drop the import of the missing stylesheet "+spec), nil
		}
		if helper, ok := knownHelper(im); ok {
			target := resolved + ".ts"
			return heal.Fix{Changes: []heal.Change{{Path: target, Data: []byte(helper)}}, Note: "create " + target + " with the helper it is expected to export"}, nil
		}
		var comps []component
		if im.Default != "" {
			comps = append(comps, component{name: im.Default, local: im.Default, def: true})
		}
		for _, sp := range im.Named {
			comps = append(comps, component{name: sp.Name, local: sp.Local()})
		}
		if len(comps) == 0 || im.Namespace != "" {
			return heal.Fix{}, na("the import binds nothing a placeholder can stand for")
		}
		for i := range comps {
			c := &comps[i]
			if c.name == "" || c.name[0] < 'A' || c.name[0] > 'Z' {
				return heal.Fix{}, na("%s is not a component", c.name)
			}
			props, used := jsxProps(s, c.local)
			if !used {
				return heal.Fix{}, na("%s is not used as a JSX element", c.local)
			}
			c.props = props
		}
		target := resolved + ".tsx"
		if _, err := workspace.CleanPath(target); err != nil {
			return heal.Fix{}, na("%v", err)
		}
		return heal.Fix{
			Changes: []heal.Change{{Path: target, Data: placeholder(comps)}},
			Note:    "create " + target + ": a placeholder for the component that was never written",
		}, nil
	},
}

// engineOwned reports a path the engine's manifest lists (the template
// fallback restores it instead).
func engineOwned(files heal.Files, noExt string) bool {
	data, err := files.ReadFile(workspace.ManifestPath)
	if err != nil {
		return false
	}
	for _, e := range codeExts {
		if strings.Contains(string(data), `"`+noExt+e+`"`) {
			return true
		}
	}
	return false
}

type component struct {
	name, local string
	def         bool
	props       []prop
}

type prop struct {
	name, typ string
}

// jsxProps collects the attributes every <Name …> use passes, with a type
// for each: string for string literals, boolean for bare attributes, a
// function for on… handlers, ReactNode for children, unknown otherwise.
func jsxProps(s *tsedit.Scan, name string) ([]prop, bool) {
	used := false
	var out []prop
	seen := map[string]bool{}
	add := func(n, t string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, prop{n, t})
		}
	}
	for _, el := range s.Elements {
		if el.Name != name || el.TagEnd < 0 {
			continue
		}
		used = true
		tag := s.Code[el.Start+1+len(name) : el.TagEnd-1]
		for i := 0; i < len(tag); {
			c := tag[i]
			switch {
			case c == '{':
				return nil, false // a spread: the props are not known
			case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				j := i
				for j < len(tag) && (tag[j] == '_' || tag[j] == '-' || tag[j] >= 'a' && tag[j] <= 'z' || tag[j] >= 'A' && tag[j] <= 'Z' || tag[j] >= '0' && tag[j] <= '9') {
					j++
				}
				n := string(tag[i:j])
				k := tsedit.SkipSpace(tag, j)
				switch {
				case k < len(tag) && tag[k] == '=' && k+1 < len(tag) && (tag[k+1] == '"' || tag[k+1] == '\''):
					add(n, "string")
					e := strings.IndexByte(string(tag[k+2:]), tag[k+1])
					i = k + 3 + e
				case k < len(tag) && tag[k] == '=':
					v := tsedit.SkipSpace(tag, k+1)
					typ := "unknown"
					if strings.HasPrefix(n, "on") && len(n) > 2 && n[2] >= 'A' && n[2] <= 'Z' {
						typ = "(...args: never[]) => unknown"
					}
					add(n, typ)
					if v < len(tag) && tag[v] == '{' {
						if e := s.Close(el.Start + 1 + len(name) + v); e > 0 {
							i = e - (el.Start + 1 + len(name)) + 1
							continue
						}
					}
					i = v + 1
				default:
					add(n, "boolean")
					i = j
				}
			default:
				i++
			}
		}
		if !el.SelfClosing && el.CloseStart > el.TagEnd && strings.TrimSpace(string(s.Code[el.TagEnd:el.CloseStart])) != "" {
			add("children", "ReactNode")
		}
	}
	return out, used
}

// exportedNames lists what a module file exports: named exports and,
// under "default", the name of its default export.
func exportedNames(files heal.Files, file string) (named []string, def string) {
	src, err := files.ReadFile(file)
	if err != nil {
		return nil, ""
	}
	s := tsedit.ParseFile(file, src)
	for _, m := range topExportRE.FindAllSubmatch(s.Code, -1) {
		named = append(named, string(m[2]))
	}
	for _, m := range exportTypeRE.FindAllSubmatch(s.Code, -1) {
		named = append(named, string(m[1]))
	}
	for _, m := range exportListRE.FindAllSubmatch(s.Code, -1) {
		for _, part := range strings.Split(string(m[1]), ",") {
			f := strings.Fields(part)
			if len(f) == 3 && f[1] == "as" {
				if f[2] == "default" {
					def = f[0]
				} else {
					named = append(named, f[2])
				}
			} else if len(f) == 1 {
				named = append(named, f[0])
			}
		}
	}
	if m := exportDefaultRE.FindSubmatch(s.Code); m != nil {
		def = string(m[1])
		if def == "" {
			def = "default"
		}
	}
	slices.Sort(named)
	return slices.Compact(named), def
}

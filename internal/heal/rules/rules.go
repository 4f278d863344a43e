package rules

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

// All returns the rule fixers, most specific first. The order matters only
// where two rules accept the same diagnostic; the healer tries them in turn.
func All() []heal.Fixer {
	return []heal.Fixer{
		// SYNTAX: a file that is not code at all comes first.
		fenceStrip, braceClose, tokenInsert, jsxClosingTag, jsxTextToken,
		// CONFIGURATION
		nextOptions, esmConfig, tailwindV4, tsconfigOptions, googleFonts,
		// DEPENDENCY
		depAdd, depPeer, depVersion, depRemoveUnknown, importPath, moduleCreate,
		// RUNTIME: App Router rules
		routerNavigation, routerData, metadataMove, suspenseBoundary, asyncClient, useClient, clientExtract, browserGuard, serverModule, clientCookies,
		serverActions, envGuard, offlineFetch, exportKind, importMissing, deprecatedImports,
		// TYPE
		jsxNamespace, awaitRequestAPI, awaitParams, awaitPromise, implicitAny, narrowUndefined,
		literalUnion, castAssign, missingProperty, didYouMean,
	}
}

// rule is a fixer made of functions.
type rule struct {
	name     string
	accepts  func(d diag.Diagnostic) bool
	fix      func(ctx context.Context, p heal.Params) (heal.Fix, error)
	variants bool
}

func (r *rule) Name() string                                             { return r.name }
func (r *rule) Accepts(d diag.Diagnostic) bool                           { return r.accepts(d) }
func (r *rule) Fix(ctx context.Context, p heal.Params) (heal.Fix, error) { return r.fix(ctx, p) }
func (r *rule) HasVariants() bool                                        { return r.variants }

var (
	_ heal.Fixer    = (*rule)(nil)
	_ heal.Variants = (*rule)(nil)
)

// na says the rule does not apply, and why.
func na(format string, args ...any) error { return heal.NotApplicable(fmt.Sprintf(format, args...)) }

// is matches a diagnostic's category and one of its subclasses.
func is(d diag.Diagnostic, cat diag.Category, subs ...string) bool {
	if d.Category != cat {
		return false
	}
	if len(subs) == 0 {
		return true
	}
	for _, s := range subs {
		if d.Subclass == s {
			return true
		}
	}
	return false
}

// read returns a project file; a missing file is ErrNotApplicable.
func read(p heal.Params, file string) ([]byte, error) {
	if file == "" {
		return nil, na("the diagnostic names no file")
	}
	data, err := p.Files.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, na("%s does not exist", file)
	}
	return data, err
}

// parse reads a project file, as read does, and parses it.
func parse(p heal.Params, file string) ([]byte, *tsedit.Scan, error) {
	src, err := read(p, file)
	if err != nil {
		return nil, nil, err
	}
	return src, tsedit.ParseFile(file, src), nil
}

// source reads and parses the file the diagnostic names.
func source(p heal.Params) (file string, src []byte, s *tsedit.Scan, err error) {
	file = p.Diag.File
	src, s, err = parse(p, file)
	return file, src, s, err
}

func exists(files heal.Files, p string) bool {
	_, err := files.ReadFile(p)
	return err == nil
}

// one is a fix that replaces one file.
func one(file string, data []byte, note string) heal.Fix {
	return heal.Fix{Changes: []heal.Change{{Path: file, Data: data}}, Note: note}
}

// unchanged refuses an edit that changed nothing.
func unchanged(before, after []byte) bool { return string(before) == string(after) }

var codeExts = []string{".tsx", ".ts", ".jsx", ".js", ".mjs", ".cjs"}

// isCode reports a JavaScript or TypeScript source file.
func isCode(p string) bool {
	for _, e := range codeExts {
		if strings.HasSuffix(p, e) && !strings.HasSuffix(p, ".d.ts") {
			return true
		}
	}
	return false
}

// codeFiles lists the project's source files.
func codeFiles(files heal.Files) []string {
	all, err := files.Files()
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range all {
		if isCode(f) {
			out = append(out, f)
		}
	}
	return out
}

// offsetOf is the byte offset of a diagnostic's position in src, or -1.
func offsetOf(src []byte, d diag.Diagnostic) int {
	if d.Line <= 0 {
		return -1
	}
	col := d.Column
	if col <= 0 {
		col = 1
	}
	return tsedit.Offset(src, d.Line, col)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// aliasRoot reads tsconfig's "@/*" path mapping: "" for the project root,
// "src/" for ./src/*; ok is false without one.
func aliasRoot(files heal.Files) (prefix string, ok bool) {
	data, err := files.ReadFile("tsconfig.json")
	if err != nil {
		data, err = files.ReadFile("jsconfig.json")
		if err != nil {
			return "", false
		}
	}
	m := regexp.MustCompile(`"@/\*"\s*:\s*\[\s*"\.?/?([^"*]*)\*"`).FindSubmatch(data)
	if m == nil {
		return "", false
	}
	return string(m[1]), true
}

// resolveSpec maps an import specifier in file to a project path without
// extension ("components/TaskList"); ok is false for packages.
func resolveSpec(files heal.Files, file, spec string) (string, bool) {
	switch {
	case strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../"):
		return path.Clean(path.Join(path.Dir(file), spec)), true
	case strings.HasPrefix(spec, "@/"):
		prefix, ok := aliasRoot(files)
		if !ok {
			prefix = ""
		}
		return path.Clean(prefix + strings.TrimPrefix(spec, "@/")), true
	case strings.HasPrefix(spec, "~/"):
		return path.Clean(strings.TrimPrefix(spec, "~/")), true
	}
	return "", false
}

// findModule returns the project file a resolved path names (adding an
// extension or /index).
func findModule(files heal.Files, p string) (string, bool) {
	if isCode(p) && exists(files, p) {
		return p, true
	}
	for _, e := range codeExts {
		if exists(files, p+e) {
			return p + e, true
		}
	}
	for _, e := range codeExts {
		if exists(files, p+"/index"+e) {
			return p + "/index" + e, true
		}
	}
	return "", false
}

// moduleFile returns the project file an import of spec in file names; ok
// is false for packages and for modules the project does not have.
func moduleFile(files heal.Files, file, spec string) (string, bool) {
	r, ok := resolveSpec(files, file, spec)
	if !ok {
		return "", false
	}
	return findModule(files, r)
}

// specFor returns how file should import the project path target (a file
// path): through the @/ alias when the project has one, else relatively.
func specFor(files heal.Files, file, target string) string {
	noExt := strings.TrimSuffix(target, path.Ext(target))
	if !isCode(target) {
		noExt = target // keep .css, .json, .svg
	}
	noExt = strings.TrimSuffix(noExt, "/index")
	if prefix, ok := aliasRoot(files); ok && strings.HasPrefix(noExt, prefix) {
		return "@/" + strings.TrimPrefix(noExt, prefix)
	}
	rel := relPath(path.Dir(file), noExt)
	if !strings.HasPrefix(rel, ".") {
		rel = "./" + rel
	}
	return rel
}

// relPath is path.Rel for slash paths.
func relPath(from, to string) string {
	if from == "." {
		return to
	}
	f := strings.Split(from, "/")
	t := strings.Split(to, "/")
	i := 0
	for i < len(f) && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	up := strings.Repeat("../", len(f)-i)
	return up + strings.Join(t[i:], "/")
}

// specRE finds the string literal of a module specifier in import, export
// and require forms.
func specRE(spec string) *regexp.Regexp {
	return regexp.MustCompile(`((?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*)(["'])` + regexp.QuoteMeta(spec) + `(["'])`)
}

// replaceSpec rewrites every import of spec in src to repl.
func replaceSpec(src []byte, spec, repl string) []byte {
	return specRE(spec).ReplaceAll(src, []byte("${1}${2}"+strings.ReplaceAll(repl, "$", "$$")+"${3}"))
}

// importers lists the project files that import target (a project file path).
func importers(files heal.Files, target string) []string {
	var out []string
	noExt := strings.TrimSuffix(target, path.Ext(target))
	for _, f := range codeFiles(files) {
		if f == target {
			continue
		}
		src, err := files.ReadFile(f)
		if err != nil {
			continue
		}
		for _, im := range tsedit.Imports(tsedit.ParseFile(f, src)) {
			if r, ok := resolveSpec(files, f, im.Module); ok && (r == noExt || r == target || r == strings.TrimSuffix(noExt, "/index")) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// pascal turns words into a PascalCase identifier.
func pascal(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			if up && r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			if b.Len() == 0 && r >= '0' && r <= '9' {
				continue
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// isRouteFile reports an App Router special file (page, layout, route, …).
func isRouteFile(p string) bool {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	switch base {
	case "page", "layout", "route", "template", "default", "loading", "error", "not-found":
		return strings.HasPrefix(p, "app/") || strings.HasPrefix(p, "src/app/")
	}
	return false
}

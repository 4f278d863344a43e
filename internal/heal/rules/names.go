package rules

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var (
	exportTypeRE    = regexp.MustCompile(`(?m)^export\s+(?:declare\s+)?(?:type|interface)\s+([\w$]+)`)
	exportListRE    = regexp.MustCompile(`(?m)^export\s*\{([^}]*)\}`)
	exportDefaultRE = regexp.MustCompile(`(?m)^export\s+default\s+(?:async\s+)?(?:function\s*\*?\s*|class\s+)?([A-Za-z_$][\w$]*)?`)

	noDefaultRE  = regexp.MustCompile(`has no default export|Export default doesn't exist in target module|does not provide an export named 'default'`)
	useDefaultRE = regexp.MustCompile(`has no exported member '([\w$]+)'\. Did you mean to use 'import ([\w$]+) from`)
	noMemberRE   = regexp.MustCompile(`has no exported member(?: named)? '([\w$]+)'(?:\. Did you mean '([\w$]+)'\?)?|Export ([\w$]+) doesn't exist in target module`)
	meantRE      = regexp.MustCompile(`Did you mean to import ([\w$]+)\?`)
)

// exportKind fixes imports that name an export the module does not have:
// a default import of a module with only named exports (or the reverse), a
// misspelt name the tool suggests a correction for.
var exportKind = &rule{
	name: "import.export-kind",
	accepts: func(d diag.Diagnostic) bool {
		m := d.Message + "\n" + d.Excerpt
		return is(d, diag.Runtime, diag.ImportError) && (noDefaultRE.MatchString(m) || noMemberRE.MatchString(m))
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		msg := p.Diag.Message + "\n" + p.Diag.Excerpt
		imps := tsedit.Imports(s)
		if noDefaultRE.MatchString(msg) {
			return fixDefaultImport(p, file, s, imps)
		}
		if m := useDefaultRE.FindStringSubmatch(msg); m != nil {
			for _, im := range imps {
				for _, sp := range im.Named {
					if sp.Name == m[1] && im.Default == "" {
						out := tsedit.RemoveNamed(src, file, im.Module, sp.Local())
						out = tsedit.AddDefault(out, file, im.Module, sp.Local())
						return one(file, out, "import "+sp.Local()+" as the default export of "+im.Module), nil
					}
				}
			}
			return heal.Fix{}, na("no named import of %s", m[1])
		}
		m := noMemberRE.FindStringSubmatch(msg)
		name := m[1] + m[3]
		suggestion := m[2]
		if mm := meantRE.FindStringSubmatch(msg); mm != nil && suggestion == "" {
			suggestion = mm[1]
		}
		for _, im := range imps {
			i := slices.IndexFunc(im.Named, func(sp tsedit.Spec) bool { return sp.Name == name })
			if i < 0 {
				continue
			}
			sp := im.Named[i]
			if suggestion == "" {
				// A project module whose default export has that name.
				if target, ok := moduleFile(p.Files, file, im.Module); ok {
					if _, def := exportedNames(p.Files, target); def == name && im.Default == "" {
						out := tsedit.RemoveNamed(src, file, im.Module, sp.Local())
						out = tsedit.AddDefault(out, file, im.Module, sp.Local())
						return one(file, out, "import "+name+" as the default export of "+im.Module), nil
					}
				}
				return heal.Fix{}, na("%s exports no %s and no correction is suggested", im.Module, name)
			}
			repl := tsedit.Spec{Name: suggestion, Alias: sp.Local(), Type: sp.Type}
			if repl.Alias == suggestion {
				repl.Alias = ""
			}
			inner := make([]string, 0, len(im.Named))
			for j, o := range im.Named {
				if j == i {
					inner = append(inner, repl.String())
				} else {
					inner = append(inner, o.String())
				}
			}
			out := tsedit.Apply(src, tsedit.Edit{Start: im.BraceOpen + 1, End: im.BraceClose, Text: " " + strings.Join(inner, ", ") + " "})
			return one(file, out, "import "+suggestion+" (the export "+name+" meant) from "+im.Module), nil
		}
		return heal.Fix{}, na("no import of %s in %s", name, file)
	},
}

// fixDefaultImport turns a default import of a module without a default
// export into the named import (or namespace import) it meant.
func fixDefaultImport(p heal.Params, file string, s *tsedit.Scan, imps []tsedit.Import) (heal.Fix, error) {
	for _, im := range imps {
		if im.Default == "" {
			continue
		}
		target, ok := moduleFile(p.Files, file, im.Module)
		if !ok {
			continue
		}
		named, def := exportedNames(p.Files, target)
		if def != "" {
			continue
		}
		d := im.Default
		without := removeDefault(s.Src, im)
		if !tsedit.Referenced(s, d) {
			return one(file, without, "drop the unused default import of "+im.Module), nil
		}
		switch {
		case slices.Contains(named, d):
			out := tsedit.AddNamed(without, file, im.Module, tsedit.Spec{Name: d})
			return one(file, out, "import "+d+" by name from "+im.Module), nil
		case usedAsNamespace(s.Code, d, named):
			q := tsedit.QuoteOf(s.Src)
			out := tsedit.AddLine(without, file, "import * as "+d+" from "+q+im.Module+q+tsedit.Semi(s.Src))
			return one(file, out, "import "+im.Module+" as a namespace"), nil
		}
		var comps []string
		for _, n := range named {
			if n[0] >= 'A' && n[0] <= 'Z' && !slices.Contains(typeNames(p.Files, target), n) {
				comps = append(comps, n)
			}
		}
		if len(comps) == 1 && len(tsedit.WordIndex(s.Code, d)) > 0 {
			out := tsedit.AddNamed(without, file, im.Module, tsedit.Spec{Name: comps[0], Alias: d})
			return one(file, out, "import "+comps[0]+" (the module's one component) as "+d), nil
		}
	}
	return heal.Fix{}, na("no default import of a project module to correct")
}

// removeDefault drops the default binding of an import, the whole
// declaration when it binds nothing else.
func removeDefault(src []byte, im tsedit.Import) []byte {
	if len(im.Named) == 0 && im.Namespace == "" {
		return tsedit.RemoveImport(src, im)
	}
	stmt := string(src[im.Start:im.End])
	re := regexp.MustCompile(`^import\s+` + regexp.QuoteMeta(im.Default) + `\s*,\s*`)
	return tsedit.Apply(src, tsedit.Edit{Start: im.Start, End: im.End, Text: re.ReplaceAllString(stmt, "import ")})
}

// usedAsNamespace reports name.member uses where every member is an export.
func usedAsNamespace(code []byte, name string, exports []string) bool {
	ms := regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\.([\w$]+)`).FindAllSubmatch(code, -1)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if !slices.Contains(exports, string(m[1])) {
			return false
		}
	}
	return true
}

func typeNames(files heal.Files, file string) []string {
	src, err := files.ReadFile(file)
	if err != nil {
		return nil
	}
	var out []string
	for _, m := range exportTypeRE.FindAllSubmatch(tsedit.ParseFile(file, src).Code, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// known are the imports generated code forgets, by name: module, and
// whether the name is a type or a default export.
var known = map[string]struct {
	module  string
	typ, df bool
}{}

func init() {
	add := func(module string, typ, df bool, names ...string) {
		for _, n := range names {
			known[n] = struct {
				module  string
				typ, df bool
			}{module, typ, df}
		}
	}
	add("react", false, false, "useState", "useEffect", "useMemo", "useCallback", "useRef", "useContext", "useReducer",
		"useTransition", "useId", "useActionState", "useOptimistic", "useLayoutEffect", "useDeferredValue",
		"useSyncExternalStore", "createContext", "Fragment", "Suspense", "forwardRef", "memo", "startTransition", "use")
	add("react", true, false, "ReactNode", "FormEvent", "ChangeEvent", "MouseEvent", "KeyboardEvent", "FocusEvent",
		"ReactElement", "CSSProperties", "ComponentProps", "PropsWithChildren", "Dispatch", "SetStateAction", "FC",
		"RefObject", "ComponentType", "HTMLAttributes", "ButtonHTMLAttributes", "InputHTMLAttributes")
	add("react", false, true, "React")
	add("next/link", false, true, "Link")
	add("next/image", false, true, "Image")
	add("next/navigation", false, false, "useRouter", "usePathname", "useSearchParams", "useParams", "notFound", "redirect",
		"permanentRedirect", "useSelectedLayoutSegment")
	add("next/headers", false, false, "cookies", "headers", "draftMode")
	add("next/server", false, false, "NextResponse")
	add("next/server", true, false, "NextRequest")
	add("next/cache", false, false, "revalidatePath", "revalidateTag", "unstable_cache")
	add("next", true, false, "Metadata", "Viewport", "NextConfig")
	add("react-dom", false, false, "useFormStatus", "createPortal")
}

var cannotFindRE = regexp.MustCompile(`Cannot find name '([\w$]+)'|^ReferenceError: ([\w$]+) is not defined|'([\w$]+)' is not defined`)

// importMissing imports a name the code uses without importing it: the
// React, Next.js and DOM-type names generated code forgets, or a name
// exactly one project module exports.
var importMissing = &rule{
	name: "import.add-missing",
	accepts: func(d diag.Diagnostic) bool {
		return (is(d, diag.Runtime, diag.ImportError) || d.Code == "TS2304" || d.Code == "TS2552") && cannotFindRE.MatchString(d.Message)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		m := cannotFindRE.FindStringSubmatch(p.Diag.Message)
		name := m[1] + m[2] + m[3]
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		if tsedit.Binds(tsedit.Imports(s), name) {
			return heal.Fix{}, na("%s is imported already", name)
		}
		if k, ok := known[name]; ok {
			var out []byte
			if k.df {
				out = tsedit.AddDefault(src, file, k.module, name)
			} else {
				out = tsedit.AddNamed(src, file, k.module, tsedit.Spec{Name: name, Type: k.typ})
			}
			return one(file, out, "import "+name+" from "+k.module), nil
		}
		var from []string
		typ := false
		for _, f := range codeFiles(p.Files) {
			if f == file {
				continue
			}
			named, _ := exportedNames(p.Files, f)
			if slices.Contains(named, name) {
				from = append(from, f)
				typ = slices.Contains(typeNames(p.Files, f), name)
			}
		}
		if len(from) != 1 {
			return heal.Fix{}, na("%d project modules export %s", len(from), name)
		}
		out := tsedit.AddNamed(src, file, specFor(p.Files, file, from[0]), tsedit.Spec{Name: name, Type: typ})
		return one(file, out, "import "+name+" from "+from[0]), nil
	},
}

// deprecatedModules are entry points with an App Router or React 19
// replacement.
var deprecatedModules = map[string]string{
	"next/legacy/image": "next/image",
	"@next/font/google": "next/font/google",
	"@next/font/local":  "next/font/local",
}

// deprecatedImports moves imports of deprecated entry points to their
// replacements: next/legacy/image to next/image (layout and objectFit
// props become fill and style), @next/font to next/font, react-dom's
// useFormState to React's useActionState.
var deprecatedImports = &rule{
	name: "import.deprecated",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Type, diag.DeprecatedAPI) || is(d, diag.Runtime, diag.ImportError) && strings.Contains(d.Message, "useFormState")
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		out := src
		var notes []string
		for _, im := range tsedit.Imports(s) {
			if to, ok := deprecatedModules[im.Module]; ok {
				out = tsedit.SetModule(out, im, to)
				notes = append(notes, im.Module+" → "+to)
				if im.Module == "next/legacy/image" {
					out = legacyImageProps(out)
				}
				break
			}
		}
		if tsedit.Uses(tsedit.ParseFile(file, out).Code, "useFormState") {
			out = tsedit.RemoveNamed(out, file, "react-dom", "useFormState")
			out = []byte(regexp.MustCompile(`\buseFormState\b`).ReplaceAllString(string(out), "useActionState"))
			out = tsedit.AddNamed(out, file, "react", tsedit.Spec{Name: "useActionState"})
			notes = append(notes, "useFormState → useActionState")
		}
		if len(notes) == 0 {
			return heal.Fix{}, na("no deprecated import in %s", file)
		}
		return one(file, out, strings.Join(notes, "; ")), nil
	},
}

// legacyImageProps rewrites next/legacy/image props for next/image.
func legacyImageProps(src []byte) []byte {
	s := string(src)
	s = regexp.MustCompile(`\slayout=["']fill["']`).ReplaceAllString(s, " fill")
	s = regexp.MustCompile(`\slayout=["']responsive["']`).ReplaceAllString(s, ` sizes="100vw" style={{ width: "100%", height: "auto" }}`)
	s = regexp.MustCompile(`\slayout=["'](?:intrinsic|fixed)["']`).ReplaceAllString(s, "")
	s = regexp.MustCompile(`\sobjectFit=["'](\w+)["']`).ReplaceAllString(s, ` style={{ objectFit: "$1" }}`)
	return []byte(s)
}

package rules

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

// configMove says what became of a Next.js option: removed (to "") or
// moved to a top-level key.
type configMove struct {
	path string // "swcMinify" or "experimental.appDir"
	to   string // top-level key it moved to, "" when removed
}

// nextConfigMoves are the options older code sets that Next.js 15 and 16
// no longer accept. Flags that changed meaning (dynamicIO, ppr became
// cacheComponents, which changes how every page renders) are removed, not
// renamed: the app was written without them.
var nextConfigMoves = []configMove{
	{"swcMinify", ""}, {"target", ""}, {"optimizeFonts", ""}, {"analyticsId", ""},
	{"experimental.appDir", ""}, {"experimental.serverActions", ""}, {"experimental.instrumentationHook", ""},
	{"experimental.dynamicIO", ""}, {"experimental.ppr", ""}, {"experimental.after", ""},
	{"experimental.esmExternals", ""}, {"experimental.swcMinify", ""}, {"experimental.fontLoaders", ""},
	{"experimental.serverComponentsExternalPackages", "serverExternalPackages"},
	{"experimental.bundlePagesExternals", "bundlePagesRouterDependencies"},
	{"experimental.turbo", "turbopack"}, {"experimental.typedRoutes", "typedRoutes"},
	{"experimental.reactCompiler", "reactCompiler"}, {"experimental.outputFileTracingRoot", "outputFileTracingRoot"},
	{"experimental.outputFileTracingIncludes", "outputFileTracingIncludes"},
	{"experimental.outputFileTracingExcludes", "outputFileTracingExcludes"},
}

var (
	unknownKeyRE  = regexp.MustCompile(`'(\w+)' does not exist in type '(ExperimentalConfig|NextConfig)'`)
	unrecKeyRE    = regexp.MustCompile(`Unrecognized key\(s\) in object: ((?:'\w+'(?:, )?)+)(?: at "(\w+)")?`)
	replacedKeyRE = regexp.MustCompile("`experimental\\.(\\w+)` has been (?:replaced by|moved to|renamed to)")
)

// nextOptions removes or moves the Next.js options the installed version
// rejects: the ones the diagnostics name, and every other known removed or
// moved option in the same file, so one cycle fixes them all.
var nextOptions = &rule{
	name: "config.next-options",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Configuration, diag.NextConfig) &&
			(unknownKeyRE.MatchString(d.Message) || unrecKeyRE.MatchString(d.Message) || replacedKeyRE.MatchString(d.Message+d.Excerpt))
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file := p.Diag.File
		if !strings.HasPrefix(file, "next.config.") {
			file = firstExisting(p.Files, "next.config.ts", "next.config.mjs", "next.config.js")
		}
		src, err := read(p, file)
		if err != nil {
			return heal.Fix{}, err
		}
		named := namedOptions(append([]diag.Diagnostic{p.Diag}, p.Failing...))
		out, done := src, []string{}
		for _, mv := range nextConfigMoves {
			if next, ok := moveOption(file, out, mv); ok {
				out = next
				done = append(done, describeMove(mv))
			}
		}
		for _, path := range named {
			if next, ok := moveOption(file, out, configMove{path: path}); ok {
				out = next
				done = append(done, describeMove(configMove{path: path}))
			}
		}
		if len(done) == 0 {
			return heal.Fix{}, na("none of the rejected options is in %s", file)
		}
		return one(file, out, strings.Join(done, "; ")), nil
	},
}

func describeMove(mv configMove) string {
	if mv.to == "" {
		return "remove " + mv.path
	}
	return "move " + mv.path + " to " + mv.to
}

func firstExisting(files heal.Files, names ...string) string {
	for _, n := range names {
		if exists(files, n) {
			return n
		}
	}
	return names[0]
}

// namedOptions collects the option paths the diagnostics reject.
func namedOptions(ds []diag.Diagnostic) []string {
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, d := range ds {
		if d.Category != diag.Configuration {
			continue
		}
		if m := unknownKeyRE.FindStringSubmatch(d.Message); m != nil {
			if m[2] == "ExperimentalConfig" {
				add("experimental." + m[1])
			} else {
				add(m[1])
			}
		}
		if m := unrecKeyRE.FindStringSubmatch(d.Message); m != nil {
			for _, k := range regexp.MustCompile(`'(\w+)'`).FindAllStringSubmatch(m[1], -1) {
				if m[2] != "" {
					add(m[2] + "." + k[1])
				} else {
					add(k[1])
				}
			}
		}
		if m := replacedKeyRE.FindStringSubmatch(d.Message + d.Excerpt); m != nil {
			add("experimental." + m[1])
		}
	}
	return out
}

// configObject finds the braces of the exported configuration object.
func configObject(s *tsedit.Scan) (open int, ok bool) {
	for _, re := range []string{`\bnextConfig\b[^=\n]*=\s*\{`, `module\.exports\s*=\s*\{`, `export\s+default\s+\{`, `\bconfig\b[^=\n]*=\s*\{`} {
		if m := regexp.MustCompile(re).FindIndex(s.Code); m != nil {
			return m[1] - 1, true
		}
	}
	return 0, false
}

// property finds key: value directly inside the object whose '{' is at
// open, returning the span to delete (the whole lines it takes) and the
// value's text.
func property(s *tsedit.Scan, open int, key string) (start, end int, value string, ok bool) {
	close := s.Close(open)
	if close < 0 {
		return 0, 0, "", false
	}
	re := regexp.MustCompile(`(?:^|[\s,{])["']?(` + regexp.QuoteMeta(key) + `)["']?\s*:`)
	for _, m := range re.FindAllSubmatchIndex(s.Code[open+1:close], -1) {
		kStart := open + 1 + m[2]
		if depthIn(s, open, kStart) != 0 {
			continue
		}
		if kStart > 0 && (s.Src[kStart-1] == '"' || s.Src[kStart-1] == '\'') {
			kStart--
		}
		vStart := tsedit.SkipSpace(s.Code, open+1+m[1])
		vEnd := tsedit.ExprEnd(s, vStart)
		value = strings.TrimSpace(string(s.Src[vStart:vEnd]))
		end = vEnd
		if end < len(s.Code) && s.Code[end] == ',' {
			end++
		}
		// Take whole lines when the property stands on its own.
		ls := tsedit.LineStart(s.Src, kStart)
		if strings.TrimSpace(string(s.Src[ls:kStart])) == "" {
			le := tsedit.LineEnd(s.Src, end)
			if strings.TrimSpace(string(s.Src[end:le])) == "" {
				kStart, end = ls, min(le+1, len(s.Src))
			}
		}
		return kStart, end, value, true
	}
	return 0, 0, "", false
}

// depthIn counts the brackets open between the object's brace and off.
func depthIn(s *tsedit.Scan, open, off int) int {
	depth := 0
	for i := open + 1; i < off; i++ {
		switch s.Code[i] {
		case '{', '(', '[':
			if c := s.Close(i); c > 0 && c < off {
				i = c
				continue
			}
			depth++
		}
	}
	return depth
}

// moveOption removes an option (and an experimental block it empties),
// adding it at the top level when it moved there.
func moveOption(file string, src []byte, mv configMove) ([]byte, bool) {
	s := tsedit.ParseFile(file, src)
	obj, ok := configObject(s)
	if !ok {
		return src, false
	}
	parent, key := obj, mv.path
	if group, k, nested := strings.Cut(mv.path, "."); nested {
		gs, _, v, ok := property(s, obj, group)
		if !ok || !strings.HasPrefix(v, "{") {
			return src, false
		}
		parent = tsedit.SkipSpace(s.Code, strings.Index(string(s.Code[gs:]), "{")+gs)
		key = k
	}
	start, end, value, ok := property(s, parent, key)
	if !ok {
		return src, false
	}
	if mv.path == "experimental.serverActions" && strings.HasPrefix(value, "{") {
		return src, false // the object form configures Server Actions and is still valid
	}
	out := tsedit.Apply(src, tsedit.Edit{Start: start, End: end})
	if mv.to != "" {
		s2 := tsedit.ParseFile(file, out)
		if o, ok := configObject(s2); ok {
			if _, _, _, has := property(s2, o, mv.to); !has {
				c := s2.Close(o)
				ind := tsedit.Indent(out, c) + "  "
				at := tsedit.PrevNonSpace(s2.Code, c) + 1
				sep := ""
				if s2.Code[at-1] != ',' && s2.Code[at-1] != '{' {
					sep = ","
				}
				out = tsedit.Apply(out, tsedit.Edit{Start: at, End: at, Text: sep + "\n" + ind + mv.to + ": " + value + ","})
			}
		}
	}
	// An experimental block left empty goes too.
	s3 := tsedit.ParseFile(file, out)
	if o, ok := configObject(s3); ok {
		if gs, ge, v, ok := property(s3, o, "experimental"); ok && regexp.MustCompile(`^\{\s*\}$`).MatchString(v) {
			out = tsedit.Apply(out, tsedit.Edit{Start: gs, End: ge})
		}
	}
	return out, true
}

var esmRE = regexp.MustCompile(`(?i)(module|require|exports|__dirname|__filename) is not defined in ES module scope|Cannot use import statement outside a module|require\(\) of ES Module`)

// esmConfig turns CommonJS (module.exports, require) in an ES module file
// (.mjs) into import and export.
var esmConfig = &rule{
	name: "config.esm",
	accepts: func(d diag.Diagnostic) bool {
		return esmRE.MatchString(d.Message) && (strings.HasSuffix(d.File, ".mjs") || strings.HasSuffix(d.File, ".js"))
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		src, err := read(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		out, err := toESM(src)
		if err != nil {
			return heal.Fix{}, err
		}
		if unchanged(src, out) {
			return heal.Fix{}, na("no CommonJS in %s", p.Diag.File)
		}
		return one(p.Diag.File, out, "use ES module syntax in "+p.Diag.File), nil
	},
}

var (
	moduleExportsRE = regexp.MustCompile(`(?m)^module\.exports\s*=\s*`)
	namedExportRE   = regexp.MustCompile(`(?m)^(?:module\.)?exports\.(\w+)\s*=\s*`)
	requireRE       = regexp.MustCompile(`(?m)^(?:const|let|var)\s+(\w+|\{[^}]*\})\s*=\s*require\(\s*(["'][^"']+["'])\s*\);?`)
	anyRequireRE    = regexp.MustCompile(`\brequire\s*\(`)
)

func toESM(src []byte) ([]byte, error) {
	out := moduleExportsRE.ReplaceAll(src, []byte("export default "))
	out = namedExportRE.ReplaceAll(out, []byte("export const $1 = "))
	out = requireRE.ReplaceAllFunc(out, func(m []byte) []byte {
		g := requireRE.FindSubmatch(m)
		binding := string(g[1])
		if strings.HasPrefix(binding, "{") {
			binding = regexp.MustCompile(`(\w+)\s*:\s*(\w+)`).ReplaceAllString(binding, "$1 as $2")
		}
		return []byte(fmt.Sprintf("import %s from %s;", binding, g[2]))
	})
	if anyRequireRE.Match(tsedit.Parse(out, false).Code) {
		return nil, na("require() is used where an import cannot replace it")
	}
	return out, nil
}

package rules

import (
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var (
	tailwindDirectiveRE = regexp.MustCompile(`(?m)^[ \t]*@tailwind\s+(?:base|components|utilities|variants|screens)\s*;?[ \t]*\n?`)
	tailwindImportRE    = regexp.MustCompile(`@import\s+["']tailwindcss(?:/[\w.-]+)?["']|@reference\s+["']`)
	unknownUtilityRE    = regexp.MustCompile("Cannot apply unknown utility class `([^`]+)`")
	postcssPluginRE     = regexp.MustCompile("(?s)`tailwindcss` directly as a PostCSS plugin|Cannot find module '(?:tailwindcss|autoprefixer)'")
	postcssFiles        = []string{"postcss.config.mjs", "postcss.config.js", "postcss.config.cjs", "postcss.config.ts"}
)

// v3Utilities are utilities Tailwind v4 removed, with their replacement.
var v3Utilities = map[string]string{
	"flex-shrink-0": "shrink-0", "flex-shrink": "shrink", "flex-grow-0": "grow-0", "flex-grow": "grow",
	"overflow-ellipsis": "text-ellipsis", "decoration-slice": "box-decoration-slice", "decoration-clone": "box-decoration-clone",
}

// tailwindV4 moves a Tailwind v3 setup to v4: the PostCSS plugin is
// @tailwindcss/postcss (autoprefixer is built in), stylesheets import
// "tailwindcss" instead of the @tailwind directives, a stylesheet that
// applies utilities without importing Tailwind references it, a
// tailwind.config file is loaded with @config, and removed utilities in
// @apply get their v4 names.
var tailwindV4 = &rule{
	name: "config.tailwind-v4",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Configuration, diag.TailwindConfig, diag.PostCSSConfig)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		var fix heal.Fix
		var notes []string
		msg := p.Diag.Message + "\n" + p.Diag.Excerpt
		if postcssPluginRE.MatchString(msg) || strings.HasPrefix(path.Base(p.Diag.File), "postcss.config.") {
			if ch, ok := postcssV4(p.Files); ok {
				fix.Changes = append(fix.Changes, ch)
				notes = append(notes, "use @tailwindcss/postcss in "+ch.Path)
			}
		}
		css := p.Diag.File
		if !strings.HasSuffix(css, ".css") {
			css = ""
		}
		if css == "" && len(fix.Changes) == 0 {
			css = firstExisting(p.Files, "app/globals.css", "src/app/globals.css", "styles/globals.css")
		}
		if css != "" {
			if src, err := p.Files.ReadFile(css); err == nil {
				if out, note := cssV4(p.Files, css, src, msg); !unchanged(src, out) {
					fix.Changes = append(fix.Changes, heal.Change{Path: css, Data: out})
					notes = append(notes, note)
				}
			}
		}
		if len(fix.Changes) == 0 {
			return heal.Fix{}, na("no Tailwind v3 setup found")
		}
		if ch, ok, err := ensurePostcssPackage(ctx, p); err != nil {
			return heal.Fix{}, err
		} else if ok {
			fix.Changes = append(fix.Changes, ch)
			notes = append(notes, "declare @tailwindcss/postcss")
		}
		fix.Note = strings.Join(notes, "; ")
		return fix, nil
	},
}

// postcssV4 rewrites the PostCSS configuration's plugins to Tailwind v4's.
func postcssV4(files heal.Files) (heal.Change, bool) {
	for _, f := range postcssFiles {
		src, err := files.ReadFile(f)
		if err != nil {
			continue
		}
		if !regexp.MustCompile(`["']?tailwindcss["']?\s*[:,)\]}]|require\(["']tailwindcss["']\)|autoprefixer`).Match(src) {
			continue
		}
		s := tsedit.Parse(src, false)
		m := regexp.MustCompile(`\bplugins\s*:\s*[\[{]`).FindIndex(s.Code)
		if m == nil {
			continue
		}
		open := m[1] - 1
		close := s.Close(open)
		if close < 0 {
			continue
		}
		ind := tsedit.Indent(src, m[0])
		var keep []string
		if src[open] == '{' {
			// Keep other plugins of the object form.
			for _, e := range regexp.MustCompile(`(?m)^\s*(["']?[\w@/.-]+["']?)\s*:\s*(\{[^{}]*\}|true|false)\s*,?\s*$`).FindAllSubmatch(src[open+1:close], -1) {
				name := strings.Trim(string(e[1]), `"'`)
				if name != "tailwindcss" && name != "autoprefixer" && name != "@tailwindcss/postcss" {
					keep = append(keep, ind+"  "+string(e[1])+": "+string(e[2])+",")
				}
			}
		}
		body := "{\n" + ind + "  \"@tailwindcss/postcss\": {},\n"
		for _, k := range keep {
			body += k + "\n"
		}
		body += ind + "}"
		out := tsedit.Apply(src, tsedit.Edit{Start: open, End: close + 1, Text: body})
		return heal.Change{Path: f, Data: out}, !unchanged(src, out)
	}
	return heal.Change{}, false
}

// cssV4 updates one stylesheet for Tailwind v4.
func cssV4(files heal.Files, file string, src []byte, msg string) ([]byte, string) {
	if tailwindDirectiveRE.Match(src) {
		first := tailwindDirectiveRE.FindIndex(src)
		out := tailwindDirectiveRE.ReplaceAll(src, nil)
		at := min(first[0], len(out))
		out = tsedit.Apply(out, tsedit.Edit{Start: at, End: at, Text: "@import \"tailwindcss\";\n"})
		return out, "replace the @tailwind directives with @import \"tailwindcss\" in " + file
	}
	m := unknownUtilityRE.FindStringSubmatch(msg)
	if m == nil {
		return src, ""
	}
	utility := strings.TrimPrefix(m[1], "!")
	if repl, ok := v3Utilities[utility]; ok {
		out := regexp.MustCompile(`(@apply[^;\n]*?)\b`+regexp.QuoteMeta(utility)+`\b`).ReplaceAll(src, []byte("${1}"+repl))
		return out, "rename " + utility + " to " + repl + " in " + file
	}
	if !tailwindImportRE.Match(src) {
		if isRootStylesheet(files, file) {
			return append([]byte("@import \"tailwindcss\";\n"), src...), "import tailwindcss in " + file
		}
		return append([]byte("@reference \"tailwindcss\";\n"), src...), "reference tailwindcss in " + file
	}
	if cfg := firstExisting(files, "tailwind.config.ts", "tailwind.config.js", "tailwind.config.mjs", "tailwind.config.cjs"); exists(files, cfg) &&
		!strings.Contains(string(src), "@config") {
		loc := tailwindImportRE.FindIndex(src)
		end := tsedit.LineEnd(src, loc[1])
		rel := relPath(path.Dir(file), cfg)
		if !strings.HasPrefix(rel, ".") {
			rel = "./" + rel
		}
		return tsedit.Apply(src, tsedit.Edit{Start: end, End: end, Text: "\n@config \"" + rel + "\";"}), "load " + cfg + " with @config in " + file
	}
	return src, ""
}

// isRootStylesheet reports a stylesheet imported by a root layout.
func isRootStylesheet(files heal.Files, css string) bool {
	for _, l := range []string{"app/layout.tsx", "src/app/layout.tsx", "app/layout.jsx", "app/layout.js"} {
		src, err := files.ReadFile(l)
		if err != nil {
			continue
		}
		for _, im := range tsedit.Imports(tsedit.ParseFile(l, src)) {
			if r, ok := resolveSpec(files, l, im.Module); ok && r == css {
				return true
			}
		}
	}
	return false
}

// ensurePostcssPackage declares @tailwindcss/postcss when the PostCSS
// configuration now names it and package.json does not.
func ensurePostcssPackage(ctx context.Context, p heal.Params) (heal.Change, bool, error) {
	data, err := p.Files.ReadFile("package.json")
	if err != nil {
		return heal.Change{}, false, nil
	}
	pkg, err := parsePkg(data)
	if err != nil {
		return heal.Change{}, false, nil
	}
	if _, _, ok := pkg.declared("@tailwindcss/postcss"); ok {
		return heal.Change{}, false, nil
	}
	rng := ""
	if tw, _, ok := pkg.declared("tailwindcss"); ok {
		if v, ok := minVersion(tw); ok && v.major >= 4 {
			rng = tw
		}
	}
	if rng == "" {
		if p.Registry == nil {
			return heal.Change{}, false, na("@tailwindcss/postcss is not declared and no registry can be asked")
		}
		v, err := chooseVersion(ctx, p.Registry, "@tailwindcss/postcss", 0, pkg.all(), true)
		if err != nil {
			return heal.Change{}, false, err
		}
		rng = "^" + v.String()
	}
	out, err := setDep(data, "devDependencies", "@tailwindcss/postcss", rng)
	if err != nil {
		return heal.Change{}, false, na("%v", err)
	}
	return heal.Change{Path: "package.json", Data: out}, true, nil
}

package rules

import (
	"context"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var fontFetchRE = regexp.MustCompile("Failed to fetch (?:font )?`[^`]+`|Failed to fetch font|fonts\\.googleapis\\.com|next/font: error")

// googleFonts replaces next/font/google, which downloads fonts while
// building (builds run without network), with Tailwind's system font
// stack: the font loader calls go, font.className becomes "font-sans".
var googleFonts = &rule{
	name:    "config.offline-fonts",
	accepts: func(d diag.Diagnostic) bool { return fontFetchRE.MatchString(d.Message + "\n" + d.Excerpt) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		files := []string{p.Diag.File}
		if p.Diag.File == "" {
			files = codeFiles(p.Files)
		}
		var fix heal.Fix
		for _, f := range files {
			src, err := p.Files.ReadFile(f)
			if err != nil {
				continue
			}
			if out, ok := dropGoogleFonts(f, src); ok {
				fix.Changes = append(fix.Changes, heal.Change{Path: f, Data: out})
			}
		}
		if len(fix.Changes) == 0 {
			return heal.Fix{}, na("no next/font/google loader to replace")
		}
		fix.Note = "use the system font stack instead of downloading Google Fonts at build time"
		return fix, nil
	},
}

func dropGoogleFonts(file string, src []byte) ([]byte, bool) {
	s := tsedit.ParseFile(file, src)
	im, ok := tsedit.FindImport(tsedit.Imports(s), "next/font/google")
	if !ok {
		return nil, false
	}
	out := string(src)
	for _, loader := range im.Locals() {
		decl := regexp.MustCompile(`(?m)^(?:export\s+)?const\s+([\w$]+)\s*=\s*` + regexp.QuoteMeta(loader) + `\(`)
		for {
			sc := tsedit.ParseFile(file, []byte(out))
			m := decl.FindSubmatchIndex(sc.Code)
			if m == nil {
				break
			}
			name := string(sc.Code[m[2]:m[3]])
			end := sc.Close(m[1] - 1)
			if end < 0 {
				return nil, false
			}
			end++
			if end < len(sc.Code) && sc.Code[end] == ';' {
				end++
			}
			out = string(tsedit.Apply([]byte(out), tsedit.Edit{Start: m[0], End: lineAfter([]byte(out), end)}))
			out = regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\.className\b`).ReplaceAllString(out, `"font-sans"`)
			out = regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\.variable\b`).ReplaceAllString(out, `""`)
			out = regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\.style\b`).ReplaceAllString(out, `{}`)
			if tsedit.Referenced(tsedit.ParseFile(file, []byte(out)), name) {
				return nil, false
			}
		}
	}
	res := tsedit.RemoveImport([]byte(out), mustImport(file, []byte(out)))
	return []byte(strings.ReplaceAll(string(res), `{"font-sans"}`, `"font-sans"`)), true
}

func mustImport(file string, src []byte) tsedit.Import {
	im, _ := tsedit.FindImport(tsedit.Imports(tsedit.ParseFile(file, src)), "next/font/google")
	return im
}

package diag

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

var (
	// app/page.tsx(2,55): error TS2307: Cannot find module 'x'.
	tscPlainRE = regexp.MustCompile(`^(\S.*?)\((\d+),(\d+)\): (error|warning) (TS\d+): (.*)$`)
	// app/page.tsx:2:55 - error TS2307: Cannot find module 'x'.
	tscPrettyRE = regexp.MustCompile(`^(\S.*?):(\d+):(\d+) - (error|warning) (TS\d+): (.*)$`)
	// error TS5023: Unknown compiler option 'x'.
	tscGlobalRE = regexp.MustCompile(`^(error|warning) (TS\d+): (.*)$`)
	// a related location under a --pretty error: "  app/page.tsx:6:31"
	tscRelatedRE = regexp.MustCompile(`^\s+\S+:\d+:\d+$`)
	// a --pretty code frame line: "6   code" or the squiggle under it
	tscFrameRE = regexp.MustCompile(`^\s*\d+ .*$|^\s*~+\s*$`)
	// a type the generated Next.js validator imports: typeof import("…/route")
	importedTypeRE = regexp.MustCompile(`(?:typeof import\(|File )["']([^"']+)["']`)
)

func parseTSC(lines []string, o options) []Diagnostic {
	var ds []Diagnostic
	for i := 0; i < len(lines); i++ {
		d, next, ok := tscAt(lines, i, o)
		if ok {
			ds = append(ds, d)
			i = next - 1
		}
	}
	return ds
}

// tscAt reads a TypeScript diagnostic starting at lines[i] and returns it
// with the index of the first line after it.
func tscAt(lines []string, i int, o options) (Diagnostic, int, bool) {
	l := lines[i]
	pa := pather{o.root}
	var d Diagnostic
	pretty := false
	if m := tscPlainRE.FindStringSubmatch(l); m != nil {
		d = Diagnostic{File: pa.any(m[1]), Line: atoi(m[2]), Column: atoi(m[3]), Code: m[5], Message: m[6], Severity: severity(m[4])}
	} else if m := tscPrettyRE.FindStringSubmatch(l); m != nil {
		d = Diagnostic{File: pa.any(m[1]), Line: atoi(m[2]), Column: atoi(m[3]), Code: m[5], Message: m[6], Severity: severity(m[4])}
		pretty = true
	} else if m := tscGlobalRE.FindStringSubmatch(l); m != nil {
		d = Diagnostic{Code: m[2], Message: m[3], Severity: severity(m[1])}
	} else {
		return Diagnostic{}, i, false
	}
	d.Tool = ToolTSC
	msg := []string{d.Message}
	j := i + 1
	// Continuation lines of the message chain are indented.
	for ; j < len(lines) && indented(lines[j]) && !tscRelatedRE.MatchString(lines[j]); j++ {
		msg = append(msg, strings.TrimPrefix(lines[j], "  "))
	}
	if pretty {
		var frame []string
		related := false
	body:
		for ; j < len(lines); j++ {
			l := lines[j]
			switch {
			case tscPrettyRE.MatchString(l), strings.HasPrefix(l, "Found "):
				break body
			case blank(l):
			case tscRelatedRE.MatchString(l):
				related = true
			case tscFrameRE.MatchString(l):
				if !related {
					frame = append(frame, l)
				}
			case related && indented(l):
				msg = append(msg, strings.TrimSpace(l))
			default:
				break body
			}
		}
		d.Excerpt = trimExcerpt(frame)
	}
	d.Message = pa.scrub(strings.Join(msg, "\n"))
	remapGenerated(&d, o)
	return d, j, true
}

func severity(s string) Severity {
	if s == "warning" {
		return SeverityWarning
	}
	return SeverityError
}

// remapGenerated moves an error to the source file where the fix belongs:
// from a file Next.js generates (.next/types/validator.ts checks route and
// page exports) to the file it checks, and from an import of a file that is
// not a module to that file. The line is unknown there.
func remapGenerated(d *Diagnostic, o options) {
	if d.Code == "TS2306" && !strings.HasPrefix(d.File, ".next/") {
		// "File 'x' is not a module" is reported where x is imported; the
		// mistake is in x.
		if m := importedTypeRE.FindStringSubmatch(d.Message); m != nil {
			if f := (pather{o.root}).any(m[1]); f != "" && !strings.HasPrefix(f, "node_modules/") {
				if d.Excerpt == "" && d.File != "" {
					d.Excerpt = fmt.Sprintf("imported at %s:%d:%d", d.File, d.Line, d.Column)
				}
				d.File, d.Line, d.Column = f, 0, 0
			}
		}
		return
	}
	if !strings.HasPrefix(d.File, ".next/") {
		return
	}
	// .next/types/app/x/page.ts checks app/x/page.tsx (Next.js 13–15).
	if rest, ok := strings.CutPrefix(d.File, ".next/types/"); ok && (strings.HasPrefix(rest, "app/") || strings.HasPrefix(rest, "pages/")) {
		d.File, d.Line, d.Column = withExtension(strings.TrimSuffix(rest, path.Ext(rest)), o.fsys), 0, 0
		return
	}
	m := importedTypeRE.FindStringSubmatch(d.Message)
	if m == nil {
		return
	}
	f := pather{o.root}.any(m[1])
	if f == "" || strings.HasPrefix(f, ".next/") || strings.HasPrefix(f, "node_modules/") {
		return
	}
	d.File, d.Line, d.Column = withExtension(f, o.fsys), 0, 0
}

// withExtension completes a module path printed without its extension:
// from the project tree when there is one, else by the App Router's
// conventions (route handlers are .ts, everything else .tsx).
func withExtension(f string, fsys fs.FS) string {
	if path.Ext(f) != "" && codeExts[path.Ext(f)] {
		return f
	}
	exts := []string{".tsx", ".ts", ".jsx", ".js", ".mjs"}
	if path.Base(f) == "route" {
		exts = []string{".ts", ".js", ".tsx", ".jsx", ".mjs"}
	}
	if fsys != nil {
		for _, e := range exts {
			if _, err := fs.Stat(fsys, f+e); err == nil {
				return f + e
			}
		}
	}
	return f + exts[0]
}

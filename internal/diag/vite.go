package diag

import (
	"regexp"
	"strings"
)

var (
	// "[UNRESOLVED_IMPORT] Could not resolve …", "[vite]: Rollup failed to resolve import …",
	// "[vite:esbuild] Transform failed with 1 error:", "[plugin:vite:react-babel] …"
	viteCodeRE = regexp.MustCompile(`^(?:\w*Error: )?\[([^\]\s]+)\]:? (.*)$`)
	// rolldown's "╭─[ src/App.tsx:1:20 ]"
	viteBoxLocRE = regexp.MustCompile(`╭─\[\s*(\S+?):(\d+):(\d+)\s*\]`)
	// esbuild: "/abs/src/App.tsx:7:8: ERROR: Expected ")" but found "}""
	esbuildLocRE = regexp.MustCompile(`^\s*(\S+?):(\d+):(\d+): (?:ERROR|error): (.*)$`)
	// esbuild's own format: "✘ [ERROR] message" then "    src/App.tsx:7:8:"
	esbuildErrRE   = regexp.MustCompile(`^✘ \[ERROR\] (.*)$`)
	esbuildWhereRE = regexp.MustCompile(`^\s+(\S+?):(\d+):(\d+):$`)
	viteFromRE     = regexp.MustCompile(`from "([^"]+)"`)
	babelLocRE     = regexp.MustCompile(`^(\S+?): (.*) \((\d+):(\d+)\)$`)
)

func parseVite(lines []string, o options) []Diagnostic {
	pa := pather{o.root}
	var ds []Diagnostic
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if d, next, ok := tscAt(lines, i, o); ok {
			ds = append(ds, d)
			i = next - 1
			continue
		}
		var d Diagnostic
		switch m := viteCodeRE.FindStringSubmatch(l); {
		case m != nil:
			code := strings.TrimPrefix(strings.TrimPrefix(m[1], "plugin:"), "builtin:")
			d = Diagnostic{Tool: ToolVite, Code: code, Message: strings.TrimSpace(m[2])}
			if code == "vite" {
				d.Code = ""
				if f := viteFromRE.FindStringSubmatch(d.Message); f != nil {
					d.File = pa.any(f[1])
				}
			}
			if b := babelLocRE.FindStringSubmatch(d.Message); b != nil && strings.Contains(b[1], "/") {
				d.File, d.Message, d.Line, d.Column = pa.any(b[1]), b[2], atoi(b[3]), atoi(b[4])
			}
		case esbuildErrRE.MatchString(l):
			d = Diagnostic{Tool: ToolVite, Code: "esbuild", Message: esbuildErrRE.FindStringSubmatch(l)[1]}
		default:
			if m := esbuildLocRE.FindStringSubmatch(l); m != nil && !indented(l) {
				d = Diagnostic{Tool: ToolVite, Code: "esbuild", File: pa.any(m[1]), Line: atoi(m[2]), Column: atoi(m[3]), Message: m[4]}
				break
			}
			continue
		}
		d.Severity = SeverityError
		i = viteBody(&d, lines, i+1, pa) - 1
		d.Message = pa.scrub(d.Message)
		ds = append(ds, d)
	}
	return ds
}

// viteBody reads the location and code frame under a vite error and returns
// the index of the first line after them.
func viteBody(d *Diagnostic, lines []string, j int, pa pather) int {
	var frame []string
	for ; j < len(lines); j++ {
		l := lines[j]
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "at ") || viteCodeRE.MatchString(l) || esbuildErrRE.MatchString(l) ||
			blank(l) && len(frame) > 0 {
			break
		}
		if m := viteBoxLocRE.FindStringSubmatch(l); m != nil {
			d.File, d.Line, d.Column = pa.any(m[1]), atoi(m[2]), atoi(m[3])
			continue
		}
		if m := esbuildLocRE.FindStringSubmatch(l); m != nil {
			d.File, d.Line, d.Column, d.Message = pa.any(m[1]), atoi(m[2]), atoi(m[3]), m[4]
			continue
		}
		if m := esbuildWhereRE.FindStringSubmatch(l); m != nil && d.File == "" {
			d.File, d.Line, d.Column = pa.any(m[1]), atoi(m[2]), atoi(m[3])
			continue
		}
		if isFrameLine(l) || len(frame) > 0 && indented(l) {
			frame = append(frame, l)
		}
	}
	d.Excerpt = pa.scrub(trimExcerpt(frame))
	return j
}

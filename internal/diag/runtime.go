package diag

import (
	"net/url"
	"regexp"
	"strings"
)

var (
	// "[/tasks] console.error: text (http://host/chunk.js:1:2)", "pageerror: TypeError: …"
	browserRE = regexp.MustCompile(`^(?:\[(/[^\]]*)\]\s+)?(console\.(?:error|warn)|pageerror):\s*(.*)$`)
	// the location a browser console message carries at its end
	consoleLocRE = regexp.MustCompile(`\s*\((\w+://[^()\s]+):\d+:\d+\)$`)
	// older Next.js dev servers name the place before the error: "⨯ app/page.tsx (15:16) @ map"
	nextDevLocRE = regexp.MustCompile(`^\s*⨯ (\S+) \((\d+):(\d+)\) @ (.*)$`)
	// the dev overlay's "Source" section: "components/Clock.tsx (9:5) @ Clock"
	overlaySourceRE = regexp.MustCompile(`^(\S+\.\w+) \((\d+):(\d+)\) @ (.*)$`)
)

func parseRuntime(tool Tool, lines []string, o options) []Diagnostic {
	if tool == "" {
		tool = ToolRuntime
	}
	pa := pather{o.root}
	var ds []Diagnostic
	var at *Diagnostic // a location announced for the next error
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := browserRE.FindStringSubmatch(l); m != nil {
			d, next := browserProblem(tool, m, lines, i+1, o)
			ds = append(ds, d)
			i = next - 1
			continue
		}
		if m := overlaySourceRE.FindStringSubmatch(l); m != nil && i > 0 && lines[i-1] == "Source" && len(ds) > 0 && ds[len(ds)-1].File == "" {
			last := &ds[len(ds)-1]
			last.File, last.Line, last.Column = pa.any(m[1]), atoi(m[2]), atoi(m[3])
			continue
		}
		if m := nextDevLocRE.FindStringSubmatch(l); m != nil {
			at = &Diagnostic{File: pa.any(m[1]), Line: atoi(m[2]), Column: atoi(m[3])}
			continue
		}
		if d, next, ok := tscAt(lines, i, o); ok {
			ds = append(ds, d)
			i = next - 1
			continue
		}
		if isJSError(l) {
			d, next := jsBlock(tool, l, lines, i+1, o)
			if at != nil && d.File == "" {
				d.File, d.Line, d.Column = at.File, at.Line, at.Column
			}
			at = nil
			ds = append(ds, d)
			i = next - 1
		}
	}
	return ds
}

// browserProblem reads one console message or page error reported by the
// browser that loaded the app.
func browserProblem(tool Tool, m []string, lines []string, j int, o options) (Diagnostic, int) {
	pa := pather{o.root}
	route, kind, text := m[1], m[2], strings.TrimSpace(m[3])
	if kind == "pageerror" {
		d, next := jsBlock(tool, text, lines, j, o)
		d.Test = route
		return d, next
	}
	d := Diagnostic{Tool: tool, Code: kind, Test: route, Severity: SeverityError}
	if kind == "console.warn" {
		d.Severity = SeverityWarning
	}
	if loc := consoleLocRE.FindStringSubmatch(text); loc != nil {
		d.Excerpt = "at " + loc[1]
		text = strings.TrimSpace(text[:len(text)-len(loc[0])])
		if u, err := url.Parse(loc[1]); err == nil && strings.HasPrefix(text, "Failed to load resource") {
			text += ": " + u.Path // the resource is the subject, not a script location
		}
	}
	d.Message = pa.scrub(text)
	return d, j
}

package diag

import (
	"regexp"
	"strings"
)

var (
	// " FAIL  tests/store.test.ts > store > creates a task"
	// " FAIL  tests/missing.test.ts [ tests/missing.test.ts ]" (the file failed to load)
	// " FAIL  |unit| tests/store.test.ts > …" (a workspace project)
	vitestFailRE = regexp.MustCompile(`^\s*FAIL\s+(?:\|[^|]+\|\s+)?(\S+?)(?:\s+>\s+(.+?))?(?:\s+\[ .* \])?$`)
	// "⎯⎯⎯⎯[1/3]⎯" and "⎯⎯ Failed Tests 2 ⎯⎯" separators
	vitestRuleRE = regexp.MustCompile(`^\s*⎯`)
)

func parseVitest(lines []string, o options) []Diagnostic {
	var ds []Diagnostic
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := vitestFailRE.FindStringSubmatch(l); m != nil {
			d, next := vitestFailure(lines, i+1, m[1], m[2], o)
			if d.Message != "" {
				ds = append(ds, d)
			}
			i = next - 1
			continue
		}
		if tscPlainRE.MatchString(l) || tscPrettyRE.MatchString(l) { // vitest --typecheck
			if d, next, ok := tscAt(lines, i, o); ok {
				ds = append(ds, d)
				i = next - 1
			}
			continue
		}
		if strings.Contains(l, "Unhandled Error") || strings.Contains(l, "Unhandled Rejection") {
			for j := i + 1; j < len(lines) && !vitestRuleRE.MatchString(lines[j]); j++ {
				if !indented(lines[j]) && isJSError(lines[j]) {
					d, next := vitestFailure(lines, j, "", "", o)
					ds = append(ds, d)
					i = next - 1
					break
				}
			}
		}
	}
	return ds
}

// vitestFailure reads one failure: the error line, the expected/received
// diff, the locations ("❯ file:line:col") and the code frame.
func vitestFailure(lines []string, i int, file, test string, o options) (Diagnostic, int) {
	pa := pather{o.root}
	d := Diagnostic{Tool: ToolVitest, Test: strings.TrimSpace(test), Severity: SeverityError}
	if file != "" {
		d.File = pa.any(file)
	}
	var excerpt []string
	located := false
	j := i
	for ; j < len(lines); j++ {
		l := lines[j]
		if vitestRuleRE.MatchString(l) || vitestFailRE.MatchString(l) ||
			strings.HasPrefix(strings.TrimSpace(l), "Test Files ") {
			break
		}
		t := strings.TrimSpace(l)
		switch {
		case d.Message == "" && (isJSError(l) || strings.HasPrefix(t, "Error:")):
			msg, code := jsMessage(t)
			d.Message, d.Code = pa.scrub(msg), code
		case d.Message == "" && t != "":
			d.Message = pa.scrub(t)
		case strings.HasPrefix(t, "❯ "):
			if f, ln, c, ok := stackFrame(t); ok && !located {
				if rel := pa.file(f); rel != "" {
					d.File, d.Line, d.Column = rel, ln, c
					located = true
				}
			}
		case strings.HasPrefix(t, "at "), strings.HasPrefix(t, "Serialized Error:"), strings.HasPrefix(t, "This error originated in"),
			strings.HasPrefix(t, "The latest test that might"):
		default:
			if t != "" || len(excerpt) > 0 {
				excerpt = append(excerpt, l)
			}
		}
	}
	d.Excerpt = pa.scrub(trimExcerpt(excerpt))
	return d, j
}

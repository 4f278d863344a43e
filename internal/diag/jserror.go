package diag

import (
	"regexp"
	"strings"
)

var (
	// jsErrorRE matches the first line of a thrown JavaScript error as Node.js,
	// Next.js ("⨯ TypeError: …") and test runners print it.
	jsErrorRE = regexp.MustCompile(`^(?:\s*⨯\s*)?(?:Uncaught\s+)?((?:[A-Z][A-Za-z]*)?Error|[A-Z][A-Za-z]*Exception)(?:\s*\[([A-Z0-9_]+)\])?:\s*(.*)$`)
	// jsPropRE matches a property of a printed error object: "  code: 'ENOENT',".
	jsPropRE = regexp.MustCompile(`^\s+(code|errno|syscall|path|input|digest): '?([^',]*)'?,?$`)
	causeRE  = regexp.MustCompile(`^\s*\[cause\]:\s*(.*)$`)
	// wrapperRE matches errors that only say which step failed.
	wrapperRE = regexp.MustCompile(`^(?:Error: )?(?:Failed to collect (?:configuration|page data) for|An error occurred in the Server Components render|Failed to load)`)
)

// isJSError reports whether l starts a thrown error.
func isJSError(l string) bool { return jsErrorRE.MatchString(l) }

// jsMessage returns the message of an error header line, keeping the error
// name unless it is the plain "Error".
func jsMessage(l string) (msg, code string) {
	m := jsErrorRE.FindStringSubmatch(l)
	if m == nil {
		return strings.TrimSpace(l), ""
	}
	if m[1] == "Error" {
		return strings.TrimSpace(m[3]), m[2]
	}
	return strings.TrimSpace(m[1] + ": " + strings.TrimSpace(m[3])), m[2]
}

// startsSomething reports whether a line at column 0 begins a new report
// rather than continuing the current error's text.
func startsSomething(l string) bool {
	if indented(l) || blank(l) {
		return false
	}
	for _, p := range []string{"./", "> ", "⨯", "✓", "⚠", "▲", "○", "Import trace", "Export encountered",
		"Error occurred prerendering", "npm ", "FAIL ", " FAIL", "console.", "pageerror:", "Node.js v"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return isJSError(l) || tscPlainRE.MatchString(l) || tscPrettyRE.MatchString(l)
}

// jsBlock reads a thrown error whose first line is header and whose body
// starts at lines[j]: its message, the first stack frame inside the project,
// the code frame and printed properties. It returns the index of the first
// line after the error.
func jsBlock(tool Tool, header string, lines []string, j int, o options) (Diagnostic, int) {
	pa := pather{o.root}
	msg, code := jsMessage(header)
	d := Diagnostic{Tool: tool, Code: code, Severity: SeverityError}
	var excerpt, causes []string
	inStack, inCause := false, false
	for ; j < len(lines); j++ {
		l := lines[j]
		t := strings.TrimSpace(l)
		if blank(l) {
			break
		}
		if !indented(l) && !strings.HasPrefix(t, ">") && t != "}" && t != "{" {
			if inStack || startsSomething(l) {
				break
			}
			excerpt = append(excerpt, l) // more message text, e.g. a hint
			continue
		}
		if f, ln, c, ok := stackFrame(l); ok || strings.HasPrefix(t, "at ") || strings.HasPrefix(t, "[at ") {
			inStack = true
			if ok && d.File == "" {
				if rel := pa.file(f); rel != "" {
					d.File, d.Line, d.Column = rel, ln, c
				}
			}
			continue
		}
		if m := causeRE.FindStringSubmatch(l); m != nil {
			cm, _ := jsMessage(m[1])
			causes = append(causes, "cause: "+cm)
			inCause = true
			continue
		}
		if m := jsPropRE.FindStringSubmatch(l); m != nil {
			if m[1] == "code" && d.Code == "" {
				d.Code = m[2]
			}
			if m[1] == "input" && !inCause {
				excerpt = append(excerpt, t)
			}
			continue
		}
		if t == "{" || t == "}" || strings.HasPrefix(t, "digest:") {
			continue
		}
		if !inCause {
			excerpt = append(excerpt, l)
		}
	}
	if len(causes) > 0 && wrapperRE.MatchString(msg) {
		// "Failed to collect configuration for /x" says where; the cause says what.
		msg = strings.TrimPrefix(causes[0], "cause: ") + "\nwhile: " + msg
		causes = causes[1:]
	}
	if len(causes) > 0 {
		msg += "\n" + strings.Join(causes, "\n")
	}
	d.Message = pa.scrub(msg)
	d.Excerpt = pa.scrub(trimExcerpt(excerpt))
	return d, j
}

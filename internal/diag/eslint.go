package diag

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

var (
	// "  4:50  error  Unexpected any. Specify a different type  @typescript-eslint/no-explicit-any"
	eslintStylishRE = regexp.MustCompile(`^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)(?:\s{2,}(\S+))?$`)
	// `next lint`: "3:10  Error: 'x' is defined but never used.  @typescript-eslint/no-unused-vars"
	eslintNextRE = regexp.MustCompile(`^(\d+):(\d+)\s+(Error|Warning):\s+(.+?)(?:\s{2,}(\S+))?$`)
	// a file heading: an absolute path or "./path" alone on its line
	eslintFileRE = regexp.MustCompile(`^(?:/|\./|[A-Za-z]:\\)\S*\.\w+$`)
)

type eslintFile struct {
	FilePath string `json:"filePath"`
	Messages []struct {
		RuleID   *string `json:"ruleId"`
		Severity int     `json:"severity"`
		Message  string  `json:"message"`
		Line     int     `json:"line"`
		Column   int     `json:"column"`
		Fatal    bool    `json:"fatal"`
	} `json:"messages"`
	Source string `json:"source"`
}

func parseESLint(lines []string, o options) []Diagnostic {
	if ds, ok := eslintJSON(lines, o); ok {
		return ds
	}
	pa := pather{o.root}
	var ds []Diagnostic
	file := ""
	for i, l := range lines {
		if eslintFileRE.MatchString(l) {
			file = pa.any(l)
			continue
		}
		m := eslintStylishRE.FindStringSubmatch(l)
		if m == nil {
			m = eslintNextRE.FindStringSubmatch(l)
		}
		if m != nil && file != "" {
			sev := SeverityError
			if strings.EqualFold(m[3], "warning") {
				sev = SeverityWarning
			}
			ds = append(ds, Diagnostic{Tool: ToolESLint, File: file, Line: atoi(m[1]), Column: atoi(m[2]),
				Code: m[5], Message: pa.scrub(m[4]), Severity: sev})
			continue
		}
		if strings.HasPrefix(l, "Oops! Something went wrong!") {
			ds = append(ds, eslintCrash(lines[i+1:], pa))
			break
		}
	}
	return ds
}

// eslintJSON reads `eslint --format json`.
func eslintJSON(lines []string, o options) ([]Diagnostic, bool) {
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	start := strings.Index(text, "[{")
	if start < 0 || !strings.HasSuffix(text, "]") {
		return nil, false
	}
	var files []eslintFile
	if err := json.Unmarshal([]byte(text[start:]), &files); err != nil {
		return nil, false
	}
	pa := pather{o.root}
	var ds []Diagnostic
	for _, f := range files {
		for _, m := range f.Messages {
			if m.Severity < 1 {
				continue
			}
			d := Diagnostic{Tool: ToolESLint, File: pa.any(f.FilePath), Line: max(m.Line, 0), Column: max(m.Column, 0),
				Message: pa.scrub(m.Message), Severity: SeverityError}
			if m.RuleID != nil {
				d.Code = *m.RuleID
			}
			if m.Severity == 1 {
				d.Severity = SeverityWarning
			}
			if f.Source != "" && m.Line > 0 {
				d.Excerpt = sourceExcerpt(f.Source, m.Line)
			}
			ds = append(ds, d)
		}
	}
	return ds, true
}

// sourceExcerpt returns the lines around line n of src, numbered.
func sourceExcerpt(src string, n int) string {
	ls := strings.Split(src, "\n")
	var out []string
	for i := max(1, n-2); i <= min(len(ls), n+2); i++ {
		mark := "  "
		if i == n {
			mark = "> "
		}
		out = append(out, mark+strconv.Itoa(i)+" | "+ls[i-1])
	}
	return strings.Join(out, "\n")
}

// eslintCrash reads ESLint's "Oops! Something went wrong!" report: a
// configuration that cannot be loaded.
func eslintCrash(rest []string, pa pather) Diagnostic {
	var body []string
	for _, l := range rest {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "ESLint: ") {
			continue
		}
		body = append(body, l)
	}
	msg := "ESLint could not run"
	if len(body) > 0 {
		msg, _ = jsMessage(strings.TrimSpace(body[0]))
	}
	return Diagnostic{Tool: ToolESLint, Code: "config", Message: pa.scrub(msg), Excerpt: pa.scrub(trimExcerpt(body)), Severity: SeverityError}
}

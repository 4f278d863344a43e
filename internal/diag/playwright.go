package diag

import (
	"regexp"
	"strings"
)

var (
	// "  1) e2e/tasks.spec.ts:5:1 › shows the heading ───" (list, line and dot
	// reporters); a project prefix "[chromium] › " may come first.
	pwFailRE = regexp.MustCompile(`^\s+\d+\) (?:\[[^\]]+\] › )?(\S+?):(\d+):(\d+) › (.+?)\s*─*$`)
	// "  4 failed" / "  2 passed (3.1s)" summary lines end the last failure.
	pwSummaryRE = regexp.MustCompile(`^\s+\d+ (?:failed|passed|flaky|skipped|did not run|interrupted)\b`)
	pwTimeoutRE = regexp.MustCompile(`^Test timeout of \d+ms exceeded`)
)

func parsePlaywright(lines []string, o options) []Diagnostic {
	pa := pather{o.root}
	var ds []Diagnostic
	for i := 0; i < len(lines); i++ {
		m := pwFailRE.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		d := Diagnostic{Tool: ToolPlaywright, File: pa.any(m[1]), Line: atoi(m[2]), Column: atoi(m[3]),
			Test: strings.Join(strings.Split(m[4], " › "), " > "), Severity: SeverityError}
		var excerpt []string
		timeout := false
		j := i + 1
		for ; j < len(lines) && !pwFailRE.MatchString(lines[j]) && !pwSummaryRE.MatchString(lines[j]); j++ {
			t := strings.TrimSpace(lines[j])
			switch {
			case pwTimeoutRE.MatchString(t):
				timeout = true
				if d.Message == "" {
					d.Message = strings.TrimSuffix(t, ".")
				}
			case d.Message == "" && (isJSError(t) || strings.HasPrefix(t, "Error:")):
				d.Message, _ = jsMessage(t)
			case strings.HasPrefix(t, "at "):
				if f, ln, c, ok := stackFrame(t); ok {
					if rel := pa.file(f); rel != "" {
						d.File, d.Line, d.Column = rel, ln, c
					}
				}
			case strings.HasPrefix(t, "Error Context:"), strings.HasPrefix(t, "attachment #"), strings.HasPrefix(t, "Retry #"):
			case d.Message != "":
				excerpt = append(excerpt, strings.TrimPrefix(lines[j], "    "))
			}
		}
		if d.Message == "" {
			d.Message = "test failed"
		}
		if timeout {
			d.Code = "timeout"
		}
		d.Message = pa.scrub(d.Message)
		d.Excerpt = pa.scrub(trimExcerpt(excerpt))
		ds = append(ds, d)
		i = j - 1
	}
	return ds
}

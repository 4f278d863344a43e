package diag

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

var (
	npmPrefixRE = regexp.MustCompile(`^npm (error|ERR!|warn|WARN)(?: |$)`)
	// peer react@"^18.0.0" from framer-motion@10.18.0
	npmDepRE = regexp.MustCompile(`^(peer(?:Optional)? )?(\S+?)@"([^"]*)" from (.+)$`)
	// x@1.0.0 requires a peer of y@^2 but none is installed (npm 6); ✕ missing peer y@^2 (pnpm)
	npmMissingPeerRE = regexp.MustCompile(`requires a peer of \S+ but none (?:is|was) installed|missing peer \S+|unmet peer \S+`)
	npmExitRE        = regexp.MustCompile(`^(?:code|errno) (\d+)$`)
	npmOldScriptRE   = regexp.MustCompile("^\\S+@\\S+ [\\w:.-]+: `(.*)`$")
)

// npmLine is one line npm printed with its level prefix removed.
type npmLine struct {
	at   int
	text string
}

func parseNPM(lines []string, o options) []Diagnostic {
	var errs, warns []npmLine
	for i, l := range lines {
		m := npmPrefixRE.FindStringSubmatch(l)
		if m == nil {
			if t := strings.TrimSpace(l); npmMissingPeerRE.MatchString(t) && !strings.HasPrefix(t, "npm") {
				warns = append(warns, npmLine{i, t}) // pnpm's peer report
			}
			continue
		}
		text := strings.TrimSpace(l[len(m[0]):])
		if m[1] == "error" || m[1] == "ERR!" {
			errs = append(errs, npmLine{i, text})
		} else {
			warns = append(warns, npmLine{i, text})
		}
	}
	var ds []Diagnostic
	if len(errs) > 0 {
		ds = append(ds, npmError(lines, errs, o))
	}
	ds = append(ds, npmWarnings(warns)...)
	return ds
}

func npmField(ls []npmLine, key string) string {
	for _, l := range ls {
		if v, ok := strings.CutPrefix(l.text, key+" "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func npmExcerpt(ls []npmLine) string {
	var out []string
	for _, l := range ls {
		if strings.HasPrefix(l.text, "A complete log of this run") || strings.HasPrefix(l.text, "/") && strings.Contains(l.text, "_logs/") {
			continue
		}
		out = append(out, l.text)
	}
	return trimExcerpt(out)
}

// npmError reads the one error npm stops at.
func npmError(lines []string, errs []npmLine, o options) Diagnostic {
	pa := pather{o.root}
	code := npmField(errs, "code")
	d := Diagnostic{Tool: ToolNPM, Code: code, Severity: SeverityError, Excerpt: pa.scrub(npmExcerpt(errs))}
	switch {
	case code == "ERESOLVE":
		d.File, d.Message = "package.json", eresolve(errs, "could not resolve")
	case code == "E404":
		d.File, d.Message = "package.json", npmFirst(errs, func(t string) bool {
			return strings.HasPrefix(t, "404") && strings.ContainsAny(t, `'"`)
		}, "404 ")
	case code == "ETARGET":
		d.File, d.Message = "package.json", npmFirst(errs, func(t string) bool { return strings.HasPrefix(t, "notarget No matching") }, "notarget ")
	case code == "EJSONPARSE":
		d.File, d.Message = "package.json", npmFirst(errs, func(t string) bool { return strings.HasPrefix(t, "JSON.parse") }, "")
	case code == "ELIFECYCLE" || npmFirst(errs, func(t string) bool { return t == "command failed" }, "") != "":
		npmLifecycle(&d, lines, errs, pa)
	case strings.HasPrefix(code, "E") && npmFirst(errs, isNetworkText, "") != "":
		d.Message = npmFirst(errs, isNetworkText, "network ")
		d.Message = strings.TrimPrefix(d.Message, "FetchError: ")
	default:
		d.Message = npmFirst(errs, func(t string) bool {
			for _, k := range []string{"code ", "syscall ", "errno ", "path ", "dest ", "A complete log"} {
				if strings.HasPrefix(t, k) {
					return false
				}
			}
			return t != ""
		}, "")
		for _, pre := range []string{"nospc ", "enoent ", "Error: "} {
			d.Message = strings.TrimPrefix(d.Message, pre)
		}
		if p := npmField(errs, "path"); p != "" {
			d.File = pa.file(p)
		}
	}
	if d.Message == "" {
		d.Message = "npm failed with " + code
	}
	d.Message = pa.scrub(d.Message)
	return d
}

func isNetworkText(t string) bool {
	return strings.Contains(t, "request to ") && strings.Contains(t, "failed")
}

// npmFirst returns the first line that matches, without prefix.
func npmFirst(ls []npmLine, match func(string) bool, prefix string) string {
	for _, l := range ls {
		if match(l.text) {
			return strings.TrimSpace(strings.TrimPrefix(l.text, prefix))
		}
	}
	return ""
}

// eresolve states a dependency conflict in one line: the dependency that
// could not be satisfied, who asked for it, and what the tree holds.
func eresolve(ls []npmLine, verb string) string {
	found, want := "", ""
	for i, l := range ls {
		t := l.text
		if v, ok := strings.CutPrefix(t, "Found: "); ok && found == "" {
			found = v
		}
		if t == "Could not resolve dependency:" && i+1 < len(ls) {
			if m := npmDepRE.FindStringSubmatch(ls[i+1].text); m != nil {
				kind := "dependency"
				if m[1] != "" {
					kind = "peer"
				}
				rng := strings.ReplaceAll(m[3], " ", "") // one token: "^16.8.0||^17"
				want = fmt.Sprintf("%s %s@%s required by %s", kind, m[2], rng, m[4])
			}
		}
	}
	switch {
	case want != "" && found != "":
		return fmt.Sprintf("%s %s, found %s", verb, want, found)
	case want != "":
		return verb + " " + want
	}
	return npmFirst(ls, func(t string) bool { return strings.HasPrefix(t, "ERESOLVE") }, "")
}

// npmScript is a failed lifecycle script as npm reports it.
type npmScript struct {
	cmd, status string
	owner       string // the dependency whose script failed; "" for the project's own
}

// lifecycleScript reads npm's report of a failed script. A script whose
// path is the project root (or, without a root, not under node_modules) is
// the project's own.
func lifecycleScript(errs []npmLine, pa pather) npmScript {
	sc := npmScript{cmd: npmField(errs, "command sh -c")}
	for _, l := range errs {
		if m := npmExitRE.FindStringSubmatch(l.text); m != nil && sc.status == "" {
			sc.status = m[1]
		}
		if m := npmOldScriptRE.FindStringSubmatch(l.text); m != nil && sc.cmd == "" {
			sc.cmd = m[1]
		}
		if v, ok := strings.CutPrefix(l.text, "Exit status "); ok && sc.status == "" {
			sc.status = v
		}
	}
	if p := npmField(errs, "path"); p != "" && strings.TrimSuffix(p, "/") != strings.TrimSuffix(pa.root, "/") {
		if rel, _ := pa.rel(p); rel != "" && (pa.root != "" || strings.Contains(rel, "node_modules/")) {
			if i := strings.LastIndex(rel, "node_modules/"); i >= 0 {
				sc.owner = rel[i+len("node_modules/"):]
			} else {
				sc.owner = path.Base(rel)
			}
		}
	}
	return sc
}

// npmRootScript returns the command of the project's own script that npm
// reports as failed.
func npmRootScript(lines []string, o options) (string, bool) {
	var errs []npmLine
	for i, l := range lines {
		if m := npmPrefixRE.FindStringSubmatch(l); m != nil && (m[1] == "error" || m[1] == "ERR!") {
			errs = append(errs, npmLine{i, strings.TrimSpace(l[len(m[0]):])})
		}
	}
	if npmFirst(errs, func(t string) bool { return t == "command failed" || strings.HasPrefix(t, "Failed at") }, "") == "" {
		return "", false
	}
	sc := lifecycleScript(errs, pather{o.root})
	return sc.cmd, sc.owner == "" && sc.cmd != ""
}

// npmLifecycle describes a failed install or run script: whose script, its
// exit status, and (in the excerpt) the command and what it printed.
func npmLifecycle(d *Diagnostic, lines []string, errs []npmLine, pa pather) {
	sc := lifecycleScript(errs, pa)
	d.Code = "ELIFECYCLE"
	d.File = "package.json"
	switch {
	case sc.owner != "":
		d.Message = fmt.Sprintf("install script of %q failed", sc.owner)
	default:
		d.Message = fmt.Sprintf("script %q failed", sc.cmd)
	}
	if sc.status != "" {
		d.Message += " (exit code " + sc.status + ")"
	}
	// The command, then what the script printed just before npm's report.
	out := []string{"$ " + sc.cmd}
	first := errs[0].at
	for i := max(0, first-10); i < first; i++ {
		if l := lines[i]; !blank(l) && !npmBannerRE.MatchString(l) && !strings.HasPrefix(l, "> ") {
			out = append(out, l)
		}
	}
	after := false
	for _, l := range errs {
		if after && !strings.HasPrefix(l.text, "A complete log") {
			out = append(out, l.text)
		}
		after = after || strings.HasPrefix(l.text, "command sh -c") || strings.HasPrefix(l.text, "Failed at")
	}
	d.Excerpt = pa.scrub(trimExcerpt(out))
}

// npmWarnings keeps the warnings that name a dependency problem: an
// overridden or missing peer dependency.
func npmWarnings(ws []npmLine) []Diagnostic {
	var ds []Diagnostic
	for i, w := range ws {
		switch {
		case strings.HasPrefix(w.text, "ERESOLVE overriding peer dependency"):
			block := ws[i:]
			for k := 1; k < len(block); k++ {
				if strings.HasPrefix(block[k].text, "ERESOLVE") || block[k].at-block[k-1].at > 1 {
					block = block[:k]
					break
				}
			}
			ds = append(ds, Diagnostic{Tool: ToolNPM, File: "package.json", Code: "ERESOLVE", Severity: SeverityWarning,
				Message: eresolve(block, "overriding peer dependency:"), Excerpt: npmExcerpt(block)})
		case npmMissingPeerRE.MatchString(w.text):
			ds = append(ds, Diagnostic{Tool: ToolNPM, File: "package.json", Code: "EPEERINVALID", Severity: SeverityWarning,
				Message: strings.TrimLeft(w.text, "✕│└├─┬ ")})
		}
	}
	return ds
}

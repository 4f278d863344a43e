package heal

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/stages"
)

// EscalationFile is the human-readable account of an escalated run, beside
// report.json.
const EscalationFile = healDir + "/escalation.md"

// maxDiffLines bounds each attempt's diff quoted in the escalation.
const maxDiffLines = 80

// escalate ends healing: it explains what still fails, what was tried
// (with each attempt's diff) and which version to go back to, in the
// report and in .nexusgen/heal/escalation.md.
func (h *Healer) escalate(s *session, r *engine.Run, current []diag.Diagnostic, ev engine.Event, why string) stages.HealOutcome {
	h.forget(r.ID)
	failing := errorsOf(current)
	if len(failing) > 20 {
		failing = failing[:20]
	}
	attempts := r.Report.Heal.Attempts
	summary := fmt.Sprintf("the %s still fails after %d heal attempts: %s", stageName(r.FailedStage), len(attempts), why)
	if len(attempts) == 0 {
		summary = fmt.Sprintf("the %s fails and nothing was tried: %s", stageName(r.FailedStage), why)
	}
	esc := &report.Escalation{
		Summary:  summary,
		Failing:  failing,
		Tried:    tried(attempts),
		LastGood: lastGood(r),
	}
	if esc.Failing == nil {
		esc.Failing = []diag.Diagnostic{}
	}
	if esc.Tried == nil {
		esc.Tried = []string{}
	}
	if err := report.WriteFileAtomic(filepath.Join(r.WS.Dir(), filepath.FromSlash(EscalationFile)), []byte(Markdown(esc, attempts))); err != nil {
		h.cfg.Log.Warn("write escalation", "err", err)
	}
	return stages.HealOutcome{Event: ev, Escalation: esc}
}

func stageName(st engine.Stage) string {
	if st == "" {
		return "build"
	}
	return string(st)
}

// tried describes each attempt in one paragraph with its diff.
func tried(attempts []report.Attempt) []string {
	var out []string
	for _, a := range attempts {
		verdict := "fixed its error"
		if !a.OK {
			verdict = "did not fix it"
			if a.Error != "" {
				verdict += " (" + a.Error + ")"
			}
		}
		files := "no files"
		if len(a.Files) > 0 {
			files = strings.Join(a.Files, ", ")
		}
		line := fmt.Sprintf("#%d %s via %s (%s) on %s: changed %s, %d lines; %s", a.N, a.Category+"/"+diag.Category(subclassOr(a.Subclass)),
			a.Fixer, a.Source, shortSig(a.Signature), files, a.DiffLines, verdict)
		if a.Diff != "" {
			line += "\n" + clip(a.Diff, maxDiffLines)
		}
		out = append(out, line)
	}
	return out
}

func shortSig(sig string) string {
	parts := strings.Split(sig, "|")
	return parts[len(parts)-1]
}

func clip(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n… %d more lines in report.json", len(lines)-n)
}

// lastGood names the version to roll back to.
func lastGood(r *engine.Run) string {
	if hasLastGood(r.WS) {
		return lastGoodDir + "/files (the files of the last build that passed; " + LastGoodIndex + " lists them)"
	}
	return "none: no build of this project has passed yet; the files as they were before healing are in " + originalDir + "/files"
}

// Markdown renders an escalation for a person.
func Markdown(e *report.Escalation, attempts []report.Attempt) string {
	var b strings.Builder
	b.WriteString("# The healer gave up\n\n")
	b.WriteString(sentence(e.Summary) + "\n\n## Still failing\n\n")
	for _, d := range e.Failing {
		loc := d.File
		if d.Line > 0 {
			loc += fmt.Sprintf(":%d", d.Line)
		}
		if loc == "" {
			loc = "(no file)"
		}
		fmt.Fprintf(&b, "- `%s` %s/%s: %s\n", loc, d.Category, subclassOr(d.Subclass), firstLine(d.Message))
	}
	b.WriteString("\n## What was tried\n\n")
	if len(attempts) == 0 {
		b.WriteString("Nothing: no fixer applies to these errors.\n")
	}
	for _, t := range e.Tried {
		head, diff, _ := strings.Cut(t, "\n")
		b.WriteString("- " + head + "\n")
		if diff != "" {
			b.WriteString("\n```diff\n" + diff + "\n```\n\n")
		}
	}
	b.WriteString("\n## Last good version\n\n" + e.LastGood + "\n")
	return b.String()
}

// sentence capitalises the first letter.
func sentence(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

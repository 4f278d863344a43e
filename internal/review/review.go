// Package review is the static reviewer: rules over the source files a coder
// wrote, looking for security problems, accessibility mistakes, slow
// patterns and deprecated APIs (the plan's deprecation table) before the
// build spends time on them.
package review

import (
	"bufio"
	"bytes"
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// Severities.
const (
	Info    = "info"
	Warning = "warning"
	Error   = "error"
)

// Rule is one check over a line of a source file.
type Rule struct {
	ID       string
	Severity string
	Message  string
	// Files limits the rule to paths matching this pattern (empty: all sources).
	Files *regexp.Regexp
	// Match finds the problem on a line.
	Match *regexp.Regexp
	// Unless skips lines (or, with FileUnless, files) that also match.
	Unless     *regexp.Regexp
	FileUnless *regexp.Regexp
	// FileIf runs the rule only on files that match.
	FileIf *regexp.Regexp
}

var appDir = regexp.MustCompile(`^(src/)?app/`)

// Rules are the reviewer's checks.
var Rules = []Rule{
	{ID: "security/eval", Severity: Error, Message: "eval() or new Function() runs strings as code",
		Match: regexp.MustCompile(`\beval\s*\(|new\s+Function\s*\(`)},
	{ID: "security/secret-in-client", Severity: Error, Message: "a secret environment variable is read in a client component; only NEXT_PUBLIC_ variables reach the browser",
		FileIf: regexp.MustCompile(`(?m)^\s*["']use client["']`), Match: regexp.MustCompile(`process\.env\.(?:[A-Z0-9_]*(?:SECRET|TOKEN|PASSWORD|PRIVATE|API_KEY)[A-Z0-9_]*)`)},
	{ID: "security/hardcoded-secret", Severity: Error, Message: "a credential is written into the source",
		Match: regexp.MustCompile(`(?i)\b(sk-[a-z0-9]{20,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{30,})|-----BEGIN [A-Z ]*PRIVATE KEY-----`)},
	{ID: "security/inner-html", Severity: Warning, Message: "dangerouslySetInnerHTML renders raw HTML; make sure it is not user input",
		Match: regexp.MustCompile(`dangerouslySetInnerHTML`), Unless: regexp.MustCompile(`__html:\s*themeScript`)},
	{ID: "security/target-blank", Severity: Warning, Message: `target="_blank" without rel="noopener noreferrer"`,
		Match: regexp.MustCompile(`target=["']_blank["']`), Unless: regexp.MustCompile(`rel=`)},
	{ID: "deprecated/pages-router-data", Severity: Error, Message: "getServerSideProps/getStaticProps are Pages Router APIs; use Server Components or generateStaticParams",
		Files: appDir, Match: regexp.MustCompile(`\bexport\s+(async\s+)?function\s+(getServerSideProps|getStaticProps|getInitialProps)\b`)},
	{ID: "deprecated/next-router", Severity: Error, Message: "next/router does not work in the App Router; import from next/navigation",
		Match: regexp.MustCompile(`from\s+["']next/router["']`)},
	{ID: "deprecated/legacy-image", Severity: Error, Message: "next/legacy/image is deprecated; use next/image",
		Match: regexp.MustCompile(`from\s+["']next/legacy/image["']`)},
	{ID: "deprecated/next-head", Severity: Warning, Message: "next/head has no effect in the App Router; export metadata instead",
		Files: appDir, Match: regexp.MustCompile(`from\s+["']next/head["']`)},
	{ID: "offline/google-font", Severity: Error, Message: "next/font/google downloads fonts at build time and fails offline; use a system font stack or next/font/local",
		Match: regexp.MustCompile(`from\s+["']next/font/google["']`)},
	{ID: "tailwind/v3-directive", Severity: Error, Message: "@tailwind directives are Tailwind v3; use @import \"tailwindcss\"",
		Files: regexp.MustCompile(`\.css$`), Match: regexp.MustCompile(`^\s*@tailwind\s+(base|components|utilities)`)},
	{ID: "a11y/img-alt", Severity: Warning, Message: "<img> without alt text",
		Match: regexp.MustCompile(`<img\b`), Unless: regexp.MustCompile(`\balt=`)},
	{ID: "a11y/positive-tabindex", Severity: Warning, Message: "a positive tabIndex breaks the natural focus order",
		Match: regexp.MustCompile(`tabIndex=\{?["']?[1-9]`)},
	{ID: "a11y/click-on-div", Severity: Warning, Message: "onClick on a div or span is not keyboard accessible; use a button",
		Match: regexp.MustCompile(`<(div|span)\b[^>]*\bonClick=`)},
	{ID: "perf/fetch-in-effect", Severity: Info, Message: "data fetched in useEffect; a Server Component can fetch it before render",
		Match: regexp.MustCompile(`useEffect\(\s*\(\)\s*=>\s*\{?\s*fetch\(`)},
	{ID: "types/explicit-any", Severity: Warning, Message: "explicit any weakens strict TypeScript",
		Files: regexp.MustCompile(`\.tsx?$`), Match: regexp.MustCompile(`:\s*any\b|<any>|as\s+any\b`)},
	{ID: "react/missing-use-client", Severity: Error, Message: "this component uses client hooks but has no \"use client\" directive",
		Files: regexp.MustCompile(`\.tsx$`), Match: regexp.MustCompile(`\buse(State|Effect|Reducer|Ref|Context|SyncExternalStore|Transition)\s*[<(]`),
		FileUnless: regexp.MustCompile(`(?m)^\s*["']use client["']`)},
}

var sourceFile = regexp.MustCompile(`\.(tsx?|jsx?|mjs|css)$`)

// Dir reviews the given files of a workspace (all sources when files is empty).
func Dir(ctx context.Context, ws *workspace.Workspace, files []string) ([]report.Finding, error) {
	if len(files) == 0 {
		all, err := ws.Files()
		if err != nil {
			return nil, err
		}
		files = all
	}
	var out []report.Finding
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !sourceFile.MatchString(f) || strings.HasSuffix(f, ".d.ts") {
			continue
		}
		data, err := ws.ReadFile(f)
		if err != nil {
			continue // deleted since it was written
		}
		out = append(out, File(f, data)...)
	}
	return out, nil
}

// File reviews one file's content.
func File(name string, data []byte) []report.Finding {
	var out []report.Finding
	for _, rule := range Rules {
		if rule.Files != nil && !rule.Files.MatchString(name) {
			continue
		}
		if rule.FileIf != nil && !rule.FileIf.Match(data) {
			continue
		}
		if rule.FileUnless != nil && rule.FileUnless.Match(data) {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
		for line := 1; sc.Scan(); line++ {
			text := sc.Text()
			if isComment(text, path.Ext(name)) || !rule.Match.MatchString(text) {
				continue
			}
			if rule.Unless != nil && rule.Unless.MatchString(text) {
				continue
			}
			out = append(out, report.Finding{Rule: rule.ID, Severity: rule.Severity, File: name, Line: line, Message: rule.Message})
			if rule.FileUnless != nil {
				break // one finding per file is enough for file-level rules
			}
		}
	}
	return out
}

func isComment(line, ext string) bool {
	t := strings.TrimSpace(line)
	if ext == ".css" {
		return strings.HasPrefix(t, "/*")
	}
	return strings.HasPrefix(t, "//") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "/*")
}

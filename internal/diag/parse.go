package diag

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// Option adjusts how output is read.
type Option func(*options)

type options struct {
	root string
	fsys fs.FS
}

// WithRoot names the project directory as the tool saw it. Absolute paths
// under it become relative, and it is removed from messages and excerpts.
// Without it, absolute paths are cut at the first top-level name of an app
// (app/, src/, components/, …) or at node_modules/.
func WithRoot(dir string) Option { return func(o *options) { o.root = dir } }

// WithFS gives read access to the project tree (rooted at the project
// directory). It is optional: with it, a module that cannot be resolved is
// told apart as a wrong path (the file exists elsewhere) or a missing file,
// and paths printed without an extension are completed.
func WithFS(fsys fs.FS) Option { return func(o *options) { o.fsys = fsys } }

func newOptions(opts []Option) options {
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	return o
}

// Parse reads the output of a failed command run with tool and returns its
// diagnostics, classified and without duplicates: errors before the warnings
// that name a likely cause, and likely causes before their consequences —
// machine, network, configuration, syntax, dependency, runtime, type —
// otherwise in output order.
//
// A failed command always yields at least one diagnostic: when the output
// holds nothing Parse recognises, the result is one diagnostic whose Message
// is the last meaningful line and whose Excerpt holds the last meaningful
// lines, classified from that text when it can be and UNKNOWN otherwise.
// Output that is empty or blank, or holds only lines that say nothing about
// a failure (npm's "> pkg@1.0.0 script" banner, progress lines), yields none. Output of `npm run <script>` given as ToolNPM is read with the
// parser of the program the script runs.
func Parse(tool Tool, output string, opts ...Option) []Diagnostic {
	o := newOptions(opts)
	lines := splitLines(output)
	if tool == ToolNPM && !npmFailed(lines) {
		if t, ok := scriptTool(lines); ok {
			tool = t
		}
	}
	ds := parseLines(tool, lines, o)
	if tool == ToolNPM {
		ds = expandScript(ds, lines, o)
	}
	ds = append(ds, parseResource(tool, lines, ds)...)
	if len(ds) == 0 {
		if d, ok := fallback(tool, lines, o); ok {
			ds = append(ds, d)
		}
	}
	for i := range ds {
		ds[i] = o.classify(ds[i])
	}
	return order(dedupe(ds))
}

func parseLines(tool Tool, lines []string, o options) []Diagnostic {
	switch tool {
	case ToolNPM:
		return parseNPM(lines, o)
	case ToolTSC:
		return parseTSC(lines, o)
	case ToolNext:
		return parseNext(lines, o)
	case ToolESLint:
		return parseESLint(lines, o)
	case ToolVitest:
		return parseVitest(lines, o)
	case ToolPlaywright:
		return parsePlaywright(lines, o)
	case ToolVite:
		return parseVite(lines, o)
	default:
		return parseRuntime(tool, lines, o)
	}
}

// ParseNPM, ParseTSC, ParseNext, ParseESLint, ParseVitest, ParsePlaywright,
// ParseVite and ParseRuntime read one tool's output. They return what the
// output states — location, code, message, excerpt — with paths relative to
// the root, but leave Category and Subclass empty, add no fallback and
// remove no duplicates: that is Parse's work.
func ParseNPM(output string, opts ...Option) []Diagnostic {
	return parseNPM(splitLines(output), newOptions(opts))
}

// ParseTSC reads `tsc` output, plain or --pretty. See ParseNPM.
func ParseTSC(output string, opts ...Option) []Diagnostic {
	return parseTSC(splitLines(output), newOptions(opts))
}

// ParseNext reads `next build` output (Turbopack and webpack). TypeScript
// errors from its type-checking pass come back with Tool set to ToolTSC, so
// the same mistake reads the same under `tsc` and `next build`. See ParseNPM.
func ParseNext(output string, opts ...Option) []Diagnostic {
	return parseNext(splitLines(output), newOptions(opts))
}

// ParseESLint reads ESLint's stylish, `next lint` or JSON output. See ParseNPM.
func ParseESLint(output string, opts ...Option) []Diagnostic {
	return parseESLint(splitLines(output), newOptions(opts))
}

// ParseVitest reads Vitest's default reporter. See ParseNPM.
func ParseVitest(output string, opts ...Option) []Diagnostic {
	return parseVitest(splitLines(output), newOptions(opts))
}

// ParsePlaywright reads Playwright's list and line reporters. See ParseNPM.
func ParsePlaywright(output string, opts ...Option) []Diagnostic {
	return parsePlaywright(splitLines(output), newOptions(opts))
}

// ParseVite reads `vite build` output (rolldown, Rollup and esbuild
// messages, and the `tsc -b` that usually precedes it). See ParseNPM.
func ParseVite(output string, opts ...Option) []Diagnostic {
	return parseVite(splitLines(output), newOptions(opts))
}

// ParseRuntime reads the logs of a running app: Node.js stack traces,
// `next start`/`next dev` request errors ("⨯ TypeError: …"), the dev
// overlay's "Unhandled Runtime Error", and browser problems in this format,
// one per line (stack lines of a page error indented below it):
//
//	console.error: <text> [(<url>:<line>:<col>)]
//	console.warn: <text>
//	pageerror: <Error name>: <message>
//
// A line may start with "[<page path>] " to say where it was seen; the path
// goes to Diagnostic.Test. See ParseNPM.
func ParseRuntime(output string, opts ...Option) []Diagnostic {
	return parseRuntime(ToolRuntime, splitLines(output), newOptions(opts))
}

// expandScript replaces npm's report that a project script failed with what
// the script's own program reported, when that program is known.
func expandScript(ds []Diagnostic, lines []string, o options) []Diagnostic {
	cmd, ok := npmRootScript(lines, o)
	if !ok {
		return ds
	}
	t, ok := toolOfCommand(cmd)
	if !ok {
		return ds
	}
	sub := parseLines(t, lines, o)
	if len(sub) == 0 {
		return ds
	}
	out := slices.DeleteFunc(slices.Clone(ds), func(d Diagnostic) bool { return d.Code == "ELIFECYCLE" })
	return append(sub, out...)
}

// npmBannerRE matches the two banner lines `npm run` prints.
var npmBannerRE = regexp.MustCompile(`^> \S+@\S+ [\w:.-]+$|^> \S+ [\w:.-]+$`)

// scriptTool reads npm's "> pkg@1.0.0 build" / "> next build" banner and
// returns the tool the script runs.
func scriptTool(lines []string) (Tool, bool) {
	for i := 0; i+1 < len(lines); i++ {
		if !npmBannerRE.MatchString(lines[i]) || !strings.HasPrefix(lines[i+1], "> ") {
			continue
		}
		if t, ok := toolOfCommand(strings.TrimPrefix(lines[i+1], "> ")); ok {
			return t, true
		}
	}
	return "", false
}

func toolOfCommand(cmd string) (Tool, bool) {
	f := strings.Fields(cmd)
	for len(f) > 0 && (f[0] == "npx" || f[0] == "exec" || strings.Contains(f[0], "=")) {
		f = f[1:]
	}
	if len(f) == 0 {
		return "", false
	}
	switch prog := f[0]; {
	case prog == "tsc" || prog == "vue-tsc":
		return ToolTSC, true
	case prog == "next" && len(f) > 1 && f[1] == "lint", prog == "eslint":
		return ToolESLint, true
	case prog == "next":
		return ToolNext, true
	case prog == "vitest":
		return ToolVitest, true
	case prog == "playwright":
		return ToolPlaywright, true
	case prog == "vite":
		return ToolVite, true
	case prog == "node" || prog == "tsx":
		return ToolRuntime, true
	}
	return "", false
}

// npmFailed reports whether npm itself reported an error code.
func npmFailed(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, "npm error code ") || strings.HasPrefix(l, "npm ERR! code ") {
			return true
		}
	}
	return false
}

// resourceRE finds the failures of the machine rather than the code, in the
// output of any tool.
var resourceRE = regexp.MustCompile(`(?i)JavaScript heap out of memory|Reached heap limit|^Killed$|` +
	`exited with code: null and signal: SIGKILL|ENOSPC: no space left on device|System limit for number of file watchers reached|` +
	`EMFILE: too many open files|Cannot allocate memory|CPU time limit exceeded`)

// resourceHint is a cheap test for the words resourceRE looks for.
func resourceHint(l string) bool {
	l = strings.ToLower(l)
	for _, w := range []string{"memory", "heap", "killed", "sigkill", "enospc", "watchers", "emfile", "allocate", "cpu time"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// parseResource finds out-of-memory, disk and process-limit failures that
// the tool's own parser did not report.
func parseResource(tool Tool, lines []string, have []Diagnostic) []Diagnostic {
	if slices.ContainsFunc(have, func(d Diagnostic) bool { return resourceRE.MatchString(d.Message) }) {
		return nil
	}
	var ds []Diagnostic
	for i, l := range lines {
		if !resourceHint(l) {
			continue
		}
		t := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(l, "npm error "), "⨯ "))
		if !resourceRE.MatchString(t) {
			continue
		}
		if slices.ContainsFunc(have, func(d Diagnostic) bool { return strings.Contains(d.Message, t) }) ||
			slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Message == t }) {
			continue
		}
		lo := max(0, i-3)
		ds = append(ds, Diagnostic{Tool: tool, Message: t, Excerpt: trimExcerpt(lines[lo:min(len(lines), i+4)])})
	}
	return ds
}

// noiseRE matches lines that say nothing about a failure.
var noiseRE = regexp.MustCompile(`^(?:> \S.*|npm (?:error|ERR!) A complete log of this run.*|npm (?:notice|warn deprecated).*|` +
	`Node\.js v\d.*|[✓○ƒ▲]\s.*|\s*(?:Creating an optimized production build|Collecting page data|Generating static pages).*|` +
	`\s*Route \(.*|\s*[┌├└│].*|\s*⚠ No build cache found.*|npm (?:error|ERR!)\s*)$`)

// fallback turns unrecognised output into one diagnostic.
func fallback(tool Tool, lines []string, o options) (Diagnostic, bool) {
	var keep []string
	for _, l := range lines {
		if blank(l) || noiseRE.MatchString(l) {
			continue
		}
		keep = append(keep, l)
	}
	if len(keep) == 0 {
		return Diagnostic{}, false
	}
	if len(keep) > 15 {
		keep = keep[len(keep)-15:]
	}
	msg := strings.TrimSpace(keep[len(keep)-1])
	for j := len(keep) - 1; j >= 0; j-- {
		if errWordRE.MatchString(keep[j]) {
			msg = strings.TrimSpace(keep[j])
			break
		}
	}
	pa := pather{o.root}
	return Diagnostic{Tool: tool, Message: pa.scrub(msg), Excerpt: pa.scrub(trimExcerpt(keep)), Category: Unknown}, true
}

var errWordRE = regexp.MustCompile(`(?i)\b(?:error|failed|failure|fatal|cannot|can't|unable|exception|ERR!)\b`)

// dedupe drops repeated diagnostics: the same location and message twice,
// or a message without a file that another diagnostic also reports with one.
func dedupe(ds []Diagnostic) []Diagnostic {
	type key struct {
		tool       Tool
		file, code string
		line, col  int
		msg        string
	}
	seen := map[key]bool{}
	out := ds[:0:0]
	for _, d := range ds {
		first := firstLine(d.Message)
		k := key{d.Tool, d.File, d.Code, d.Line, d.Column, first}
		if seen[k] {
			continue
		}
		if d.File == "" && slices.ContainsFunc(ds, func(e Diagnostic) bool {
			return e.File != "" && e.Tool == d.Tool && firstLine(e.Message) == first
		}) {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}

// causeRank orders categories by how likely an error of one is to cause
// errors of the others: a missing package or a syntax error leaves names
// untyped and modules empty, so the type errors downstream come last.
var causeRank = map[Category]int{
	Resource: 0, Network: 1, Configuration: 2, Syntax: 3, Dependency: 4, Runtime: 5, Type: 6, Unknown: 7,
}

// order puts errors before warnings and likely causes before likely
// consequences (causeRank), keeping output order otherwise.
func order(ds []Diagnostic) []Diagnostic {
	rank := func(d Diagnostic) int {
		r := causeRank[d.Category]
		if d.Severity == SeverityWarning {
			r += len(causeRank)
		}
		return r
	}
	slices.SortStableFunc(ds, func(a, b Diagnostic) int { return rank(a) - rank(b) })
	return ds
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

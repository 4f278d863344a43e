package diag

import (
	"path"
	"regexp"
	"strconv"
	"strings"
)

// ansiRE matches CSI sequences (colours, cursor movement) and OSC sequences
// (hyperlinks, window titles) as terminals and CI logs carry them.
var ansiRE = regexp.MustCompile(`\x1b\[[0-9;:?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]`)

// StripANSI removes terminal escape sequences and resolves carriage-return
// overwrites (progress lines) so only what a reader finally saw remains.
func StripANSI(s string) string {
	s = ansiRE.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !strings.Contains(s, "\r") {
		return s
	}
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		if j := strings.LastIndexByte(strings.TrimRight(l, "\r"), '\r'); j >= 0 {
			ls[i] = l[j+1:]
		} else {
			ls[i] = strings.TrimRight(l, "\r")
		}
	}
	return strings.Join(ls, "\n")
}

// splitLines strips escapes and splits output into lines without trailing
// blanks.
func splitLines(output string) []string {
	ls := strings.Split(StripANSI(output), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " \t")
	}
	return ls
}

// atoi parses a line or column number; anything unusable is 0.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func indented(l string) bool { return l != "" && (l[0] == ' ' || l[0] == '\t') }

func blank(l string) bool { return strings.TrimSpace(l) == "" }

// frameRE matches the lines of a code frame in the styles of Babel/Next.js
// ("> 12 | code", "   |   ^"), Vitest ("  6| code"), SWC (",-[file]",
// ": ^^^", "`----") and rolldown ("╭─[ file ]", "│").
var frameRE = regexp.MustCompile("^\\s*(?:>\\s*)?\\d+\\s*\\|.*$|^\\s+\\|.*$|^\\s*,-\\[.*$|^\\s+:\\s.*$|^\\s*`-+$|^\\s*\\d*\\s*[│╭╰├─]")

func isFrameLine(l string) bool { return frameRE.MatchString(l) }

// codeExts are the file kinds a diagnostic may point at.
var codeExts = map[string]bool{
	".ts": true, ".tsx": true, ".js": true, ".jsx": true, ".mjs": true, ".cjs": true,
	".mts": true, ".cts": true, ".css": true, ".scss": true, ".sass": true, ".json": true,
	".mdx": true, ".md": true, ".html": true, ".vue": true, ".svelte": true,
}

// rootMarkers are top-level names of a generated app; an absolute path
// outside the known root is cut at the first of them.
var rootMarkers = map[string]bool{
	"app": true, "src": true, "pages": true, "components": true, "lib": true, "hooks": true,
	"utils": true, "styles": true, "public": true, "types": true, "tests": true, "test": true,
	"e2e": true, "__tests__": true, "scripts": true, "data": true, "prisma": true, ".next": true,
	"package.json": true, "tsconfig.json": true, "next.config.ts": true, "next.config.mjs": true,
	"next.config.js": true, "postcss.config.mjs": true, "postcss.config.js": true,
	"eslint.config.mjs": true, "eslint.config.js": true, "vite.config.ts": true, "index.html": true,
}

// pather makes the paths tools print relative to the project root.
type pather struct{ root string }

// rel returns p relative to the project root with forward slashes, and
// whether p lies in the project. It never returns an absolute path: an
// absolute path outside the root is cut at node_modules or at the first
// top-level name of an app, or reduced to its base name.
func (pa pather) rel(p string) (string, bool) {
	p = strings.TrimSpace(p)
	p = strings.Trim(p, `"'`+"`")
	p = strings.TrimPrefix(p, "file://")
	p = strings.ReplaceAll(p, `\`, "/")
	if i := strings.LastIndexByte(p, '!'); i >= 0 { // webpack loader chains
		p = p[i+1:]
	}
	if i := strings.IndexAny(p, "?#"); i > 0 {
		p = p[:i]
	}
	for _, pre := range []string{"turbopack:///[project]/", "[project]/", "webpack-internal:///", "webpack://"} {
		p = strings.TrimPrefix(p, pre)
	}
	if strings.HasPrefix(p, "(") { // webpack layer: "(app-pages-browser)/./components/x.tsx"
		if i := strings.Index(p, ")/"); i > 0 {
			p = p[i+2:]
		}
	}
	if p == "" || strings.HasPrefix(p, "node:") || strings.HasPrefix(p, "<") ||
		strings.Contains(p, "://") || strings.HasPrefix(p, "[") {
		return "", false
	}
	if len(p) >= 2 && p[1] == ':' && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z') { // drive letter
		p = p[2:]
	}
	abs := strings.HasPrefix(p, "/")
	inside := true
	if abs {
		root := strings.TrimSuffix(strings.ReplaceAll(pa.root, `\`, "/"), "/")
		switch {
		case root != "" && strings.HasPrefix(p, root+"/"):
			p = p[len(root)+1:]
		default:
			p, inside = cutAbsolute(p)
			if root != "" {
				inside = false
			}
		}
	}
	p = path.Clean(p)
	p = strings.TrimLeft(p, "/")
	if p == "." || p == "" {
		return "", false
	}
	if strings.HasPrefix(p, "node_modules/") || strings.Contains(p, "/node_modules/") || strings.HasPrefix(p, ".next/") {
		inside = false
	}
	return p, inside
}

// cutAbsolute guesses the project-relative part of an absolute path.
func cutAbsolute(p string) (string, bool) {
	if i := strings.Index(p, "/node_modules/"); i >= 0 {
		return p[i+1:], false
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, seg := range parts {
		if rootMarkers[seg] && i > 0 {
			return strings.Join(parts[i:], "/"), true
		}
	}
	return parts[len(parts)-1], false
}

// file returns the project-relative form of p when it names a source file
// of the project, or "".
func (pa pather) file(p string) string {
	r, ok := pa.rel(p)
	if !ok || !codeExts[path.Ext(r)] && !isConfigName(path.Base(r)) {
		return ""
	}
	return r
}

// any returns the relative form of p, whether or not it is in the project;
// used for the primary location a tool names.
func (pa pather) any(p string) string {
	r, _ := pa.rel(p)
	return r
}

// scrub replaces the root in free text so messages read the same on every
// machine.
func (pa pather) scrub(s string) string {
	root := strings.TrimSuffix(pa.root, "/")
	if root == "" || root == "." {
		return s
	}
	s = strings.ReplaceAll(s, "file://"+root+"/", "")
	return strings.ReplaceAll(s, root+"/", "")
}

func isConfigName(base string) bool {
	return strings.HasPrefix(base, "next.config.") || strings.HasPrefix(base, "postcss.config.") ||
		strings.HasPrefix(base, "tailwind.config.") || strings.HasPrefix(base, "eslint.config.") ||
		strings.HasPrefix(base, ".eslintrc") || strings.HasPrefix(base, "vite.config.") ||
		strings.HasPrefix(base, "vitest.config.") || strings.HasPrefix(base, "playwright.config.") ||
		base == "package.json" || base == "tsconfig.json"
}

// locRE splits "file:line:col" or "file:line".
var locRE = regexp.MustCompile(`^(.*?):(\d+)(?::(\d+))?$`)

// splitLoc splits a location into path, line and column.
func splitLoc(s string) (string, int, int) {
	m := locRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return strings.TrimSpace(s), 0, 0
	}
	return m[1], atoi(m[2]), atoi(m[3])
}

// stackFrame reads a JavaScript stack line ("at fn (file:1:2)", "at
// file:1:2", "[at …]", Vitest's "❯ fn file:1:2") and returns its location.
func stackFrame(l string) (file string, line, col int, ok bool) {
	t := strings.TrimSpace(l)
	switch {
	case strings.HasPrefix(t, "❯ "):
		t = strings.TrimSpace(t[len("❯ "):])
		if i := strings.LastIndexByte(t, ' '); i >= 0 {
			t = t[i+1:]
		}
	case strings.HasPrefix(t, "at "), strings.HasPrefix(t, "[at "):
		t = strings.TrimPrefix(strings.TrimPrefix(t, "["), "at ")
		t = strings.TrimSuffix(t, "]")
		if i := strings.Index(t, ") ["); i >= 0 { // turbopack appends "[chunk:l:c]"
			t = t[:i+1]
		}
		if strings.HasSuffix(t, ")") {
			if i := strings.LastIndex(t, " ("); i >= 0 {
				t = t[i+2 : len(t)-1]
			} else if i := strings.IndexByte(t, '('); i >= 0 {
				t = t[i+1 : len(t)-1]
			}
		} else if i := strings.LastIndexByte(t, ' '); i >= 0 {
			t = t[i+1:]
		}
	default:
		return "", 0, 0, false
	}
	f, ln, c := splitLoc(t)
	if ln == 0 || f == "" {
		return "", 0, 0, false
	}
	return f, ln, c, true
}

// docSlug returns the slug of a nextjs.org/docs/messages link in s.
func docSlug(s string) string {
	const p = "nextjs.org/docs/messages/"
	i := strings.Index(s, p)
	if i < 0 {
		return ""
	}
	rest := s[i+len(p):]
	end := strings.IndexFunc(rest, func(r rune) bool {
		return r != '-' && r != '_' && (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
	if end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// trimExcerpt bounds an excerpt to what a reader (or a prompt) needs.
func trimExcerpt(ls []string) string {
	for len(ls) > 0 && blank(ls[0]) {
		ls = ls[1:]
	}
	for len(ls) > 0 && blank(ls[len(ls)-1]) {
		ls = ls[:len(ls)-1]
	}
	const maxLines, maxBytes = 40, 4000
	if len(ls) > maxLines {
		ls = ls[:maxLines]
	}
	s := strings.Join(ls, "\n")
	if len(s) > maxBytes {
		s = s[:maxBytes]
		for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
			s = s[:len(s)-1]
		}
		if len(s) > 0 && s[len(s)-1] >= 0xC0 {
			s = s[:len(s)-1]
		}
	}
	return s
}

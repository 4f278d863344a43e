package diag

import (
	"regexp"
	"strings"
)

// Signature returns the normalised form of a diagnostic that the fix cache
// is keyed by: tool, category, subclass, code and the first sentence of the
// message with its particulars abstracted — quoted names and types become
// <q>, paths <path>, package@version <pkg>, environment variable names
// <env>, numbers <n>, links <url> (a trailing "Read more: <link>" is
// dropped). The same mistake in another file, app or identifier has the
// same signature:
//
//	next|DEPENDENCY|missing_package|module-not-found|Module not found: Can't resolve <q>
//
// The file, line and column are not part of it; Subjects keeps the names
// the signature abstracts, for a fix recipe to fill back in.
func Signature(d Diagnostic) string {
	return strings.Join([]string{string(d.Tool), string(d.Category), d.Subclass, d.Code, normalise(firstLine(d.Message))}, "|")
}

// Key is Signature with the concrete subjects appended: two diagnostics
// share a key only when the same mistake concerns the same names.
func Key(d Diagnostic) string {
	return Signature(d) + "|" + strings.Join(Subjects(d), ",")
}

// Subjects returns the particulars Signature abstracts from the first line
// of the message, without repeats: quoted names, types and module
// specifiers ("date-fns", "createdAt"), package@version references
// ("react@^18.0.0"), hook and environment variable names, and paths.
func Subjects(d Diagnostic) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	line := firstLine(d.Message)
	rest := scanQuoted(line, func(q string) { add(q) })
	for _, m := range pkgRE.FindAllString(rest, -1) {
		add(m)
	}
	for _, m := range exportRE.FindAllString(rest, -1) {
		add(strings.Fields(m)[1])
	}
	for _, m := range hookRE.FindAllString(rest, -1) {
		add(m)
	}
	for _, m := range pathRE.FindAllString(urlRE.ReplaceAllString(rest, ""), -1) {
		add(strings.TrimSpace(m))
	}
	for _, m := range envNameRE.FindAllString(rest, -1) {
		if !isErrorCode(m) {
			add(m)
		}
	}
	return out
}

// isErrorCode tells Node.js and libuv error codes (ERR_INVALID_URL,
// EAI_AGAIN) from environment variable names.
func isErrorCode(s string) bool {
	return strings.HasPrefix(s, "ERR_") || strings.HasPrefix(s, "EAI_")
}

var (
	urlRE = regexp.MustCompile(`\b[a-z][a-z0-9+.-]*://\S+`)
	// "Read more: <link>" and the like carry nothing once the link is gone.
	moreRE = regexp.MustCompile(`(?i)[\s.]*(?:(?:read more|learn more|see more info here|see more info|more info)\s*:?\s*)?<url>\s*$`)
	// environment variable names: DATABASE_URL, NEXT_PUBLIC_API_KEY
	// React hooks named without quotes ("needs useState")
	hookRE    = regexp.MustCompile(`\buse[A-Z]\w*\b`)
	envNameRE = regexp.MustCompile(`\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b`)
	hostRE    = regexp.MustCompile(`\b(ENOTFOUND|EAI_AGAIN) \S+`)
	pkgRE     = regexp.MustCompile(`(?:@[\w.-]+/)?[\w.-]*[A-Za-z][\w.-]*@[\w.^~<>=*|-]*\d[\w.^~<>=*|-]*`)
	pathRE    = regexp.MustCompile(`(?:\.{0,2}/)?(?:[\w@.\[\]()-]+/)+[\w@.\[\]()-]+|(?:^|\s)(?:/[\w@.\[\]()-]+)+|\b[\w-]+\.(?:tsx?|jsx?|mjs|cjs|css|json|mdx)\b`)
	numRE     = regexp.MustCompile(`\b\d+(?:\.\d+)*\b|\b[0-9a-f]{7,}\b`)
	wsRE      = regexp.MustCompile(`\s+`)
	// the end of a sentence, once quoted text and numbers are abstracted
	sentenceEndRE = regexp.MustCompile(`[.;] [A-Z<]`)
	// Turbopack names a missing export without quotes
	exportRE = regexp.MustCompile(`\bExport \S+ doesn't exist`)
)

// normalise abstracts the particulars of one message line.
func normalise(s string) string {
	s = urlRE.ReplaceAllString(s, "<url>")
	s = moreRE.ReplaceAllString(s, "")
	s = hostRE.ReplaceAllString(s, "$1 <host>")
	s = scanQuoted(s, nil)
	s = exportRE.ReplaceAllString(s, "Export <q> doesn't exist")
	s = hookRE.ReplaceAllString(s, "<q>")
	s = envNameRE.ReplaceAllStringFunc(s, func(m string) string {
		if isErrorCode(m) {
			return m
		}
		return "<env>"
	})
	s = pkgRE.ReplaceAllString(s, "<pkg>")
	s = pathRE.ReplaceAllStringFunc(s, func(m string) string {
		if strings.Contains(m, "<") {
			return m
		}
		if m[0] == ' ' || m[0] == '\t' {
			return m[:1] + "<path>"
		}
		return "<path>"
	})
	s = numRE.ReplaceAllString(s, "<n>")
	s = wsRE.ReplaceAllString(strings.TrimSpace(s), " ")
	if loc := sentenceEndRE.FindStringIndex(s); loc != nil {
		s = s[:loc[0]] // advice and hints follow the first sentence and change between versions
	}
	return strings.TrimRight(s, ".:")
}

// scanQuoted replaces each quoted span ('…', "…", `…`) with <q>, calling
// found with its content. A quote only opens after a character that is not
// a letter or digit and only closes before one, so the apostrophes of
// "Can't" and "You're" are left alone.
func scanQuoted(s string, found func(string)) string {
	var b strings.Builder
	rs := []rune(s)
	word := func(i int) bool {
		if i < 0 || i >= len(rs) {
			return false
		}
		r := rs[i]
		return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
	}
	for i := 0; i < len(rs); i++ {
		q := rs[i]
		if (q != '\'' && q != '"' && q != '`') || word(i-1) {
			b.WriteRune(q)
			continue
		}
		end := -1
		for j := i + 1; j < len(rs); j++ {
			if rs[j] == q && !word(j+1) {
				end = j
				break
			}
		}
		if end < 0 {
			b.WriteRune(q)
			continue
		}
		if found != nil {
			found(string(rs[i+1 : end]))
		}
		b.WriteString("<q>")
		i = end
	}
	return b.String()
}

// Similarity compares two signatures for a fix cache's second-level match:
// 0 when their categories differ, else the Jaccard index of their tokens
// (tool, subclass, code and the words of the normalised message), so 1 for
// equal signatures and close to 1 for the same mistake reported in slightly
// different words (another tool, another version).
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	fa, fb := strings.Split(a, "|"), strings.Split(b, "|")
	if len(fa) > 1 && len(fb) > 1 && fa[1] != fb[1] {
		return 0
	}
	ta, tb := sigTokens(fa), sigTokens(fb)
	if len(ta) == 0 && len(tb) == 0 {
		return 0
	}
	inter := 0
	for t := range ta {
		if tb[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(ta)+len(tb)-inter)
}

func sigTokens(fields []string) map[string]bool {
	set := map[string]bool{}
	for i, f := range fields {
		if i == 1 {
			continue // the category gates the comparison instead
		}
		if i < 4 {
			if f != "" {
				set["#"+f] = true
			}
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(f), func(r rune) bool {
			return r == ' ' || r == ',' || r == ';' || r == '(' || r == ')' || r == '|'
		}) {
			set[w] = true
		}
	}
	return set
}

package architect

import (
	"strings"
	"unicode"
)

type tokKind int

const (
	tWord tokKind = iota
	tNum
	tPunct
	tQuote
)

// token is one word, number, punctuation mark or quoted phrase.
type token struct {
	text string // as written (for quotes: the inner text)
	low  string
	kind tokKind
}

func (t token) is(words ...string) bool {
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

func (t token) word() bool { return t.kind == tWord }

// sentence is a run of tokens ended by . ! ? ; or a line break.
type sentence struct {
	text string
	toks []token
}

var replacer = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201c", "\"", "\u201d", "\"", "\u00ab", "\"", "\u00bb", "\"",
	"\u2013", "-", "\u2014", " - ", "\u2212", "-", "\u00d7", " * ", "\u2026", "...",
	"\u00a0", " ", "\u3000", " ", "\uff08", "(", "\uff09", ")", "\uff1a", ":", "\uff0c", ",",
	"\uff1b", ";", "\uff01", "!", "\uff1f", "?", "\u3001", ",", "\u3002", ".",
	"grade book", "gradebook", "Grade book", "Gradebook", "Grade Book", "Gradebook",
)

// normalise unifies quotes, dashes and full-width punctuation.
func normalise(s string) string {
	return replacer.Replace(s)
}

var abbreviations = map[string]bool{"e.g": true, "i.e": true, "etc": true, "vs": true, "mr": true, "mrs": true, "dr": true, "st": true, "eg": true, "ie": true, "approx": true, "incl": true, "no": true}

// splitSentences cuts text at sentence ends outside parentheses and quotes.
func splitSentences(text string) []string {
	var out []string
	var cur strings.Builder
	depth := 0
	runes := []rune(text)
	flush := func() {
		s := strings.TrimSpace(cur.String())
		if s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
		if r == '\n' {
			if i+1 < len(runes) && (runes[i+1] == '\n' || isBullet(runes[i+1:])) || startsList(runes[i+1:]) || endsLine(cur.String()) {
				flush()
				depth = 0
				continue
			}
			cur.WriteRune(' ')
			continue
		}
		cur.WriteRune(r)
		if depth > 0 {
			continue
		}
		if r == ';' || r == '!' || r == '?' {
			flush()
			continue
		}
		if r == '.' {
			next := rune(0)
			if i+1 < len(runes) {
				next = runes[i+1]
			}
			if (unicode.IsDigit(next) || unicode.IsLetter(next) || next == '.') && !isCJK(next) && !isCJK(r) {
				continue
			}
			if abbreviations[strings.ToLower(lastWord(cur.String()))] {
				continue
			}
			flush()
		}
	}
	flush()
	return out
}

func isBullet(rs []rune) bool {
	s := strings.TrimLeft(string(rs), " \t")
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ")
}

func startsList(rs []rune) bool {
	s := strings.TrimLeft(string(rs), " \t")
	if isBullet([]rune(s)) {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < len(s)-1 && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

func endsLine(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ":") || s == ""
}

func lastWord(s string) string {
	s = strings.TrimSuffix(s, ".")
	i := strings.LastIndexFunc(s, func(r rune) bool { return r == ' ' || r == '(' })
	return strings.TrimLeft(s[i+1:], "\"'")
}

// tokenise splits a sentence into tokens. Hyphens and apostrophes inside
// words stay ("to-do", "on-site", "driver's"); number ranges split ("0-100").
func tokenise(s string) []token {
	var toks []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"' || (r == '\'' && openQuote(rs, i)):
			j := i + 1
			for j < len(rs) && rs[j] != r {
				j++
			}
			if j < len(rs) && j-i > 1 && j-i < 80 {
				inner := strings.TrimSpace(string(rs[i+1 : j]))
				toks = append(toks, token{text: inner, low: strings.ToLower(inner), kind: tQuote})
				i = j + 1
				continue
			}
			i++
		case unicode.IsDigit(r):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || ((rs[j] == '.' || rs[j] == ',') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) && (rs[j] == '.' || j+3 < len(rs) && allDigits(rs[j+1:j+4])))) {
				j++
			}
			if j < len(rs) && unicode.IsLetter(rs[j]) && !isCJK(rs[j]) {
				for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
					j++
				}
				w := string(rs[i:j])
				toks = append(toks, token{text: w, low: strings.ToLower(w), kind: tWord})
			} else {
				n := strings.ReplaceAll(string(rs[i:j]), ",", "")
				toks = append(toks, token{text: n, low: n, kind: tNum})
			}
			i = j
		case isCJK(r):
			j := i
			for j < len(rs) && isCJK(rs[j]) {
				j++
			}
			w := string(rs[i:j])
			toks = append(toks, token{text: w, low: w, kind: tWord})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) {
				c := rs[j]
				if (unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)) && !isCJK(c) {
					j++
					continue
				}
				if (c == '-' || c == '\'' || c == '&') && j+1 < len(rs) && unicode.IsLetter(rs[j+1]) && !isCJK(rs[j+1]) {
					j++
					continue
				}
				break
			}
			w := string(rs[i:j])
			toks = append(toks, token{text: w, low: strings.ToLower(w), kind: tWord})
			i = j
		default:
			toks = append(toks, token{text: string(r), low: string(r), kind: tPunct})
			i++
		}
	}
	return toks
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// openQuote reports whether the apostrophe at i opens a quoted phrase rather
// than sitting inside a word.
func openQuote(rs []rune, i int) bool {
	if i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1])) {
		return false
	}
	for j := i + 1; j < len(rs) && j < i+80; j++ {
		if rs[j] == '\'' && (j+1 == len(rs) || !unicode.IsLetter(rs[j+1])) {
			return j > i+1
		}
	}
	return false
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) || r == 'ー'
}

// doc is the analysed prompt.
type doc struct {
	raw       string
	lang      string
	sentences []sentence
}

func newDoc(prompt string) *doc {
	text := normalise(prompt)
	d := &doc{raw: text, lang: detectLanguage(text)}
	for _, s := range splitSentences(text) {
		d.sentences = append(d.sentences, sentence{text: s, toks: tokenise(s)})
	}
	return d
}

// words joins token texts with spaces.
func words(toks []token) string {
	var parts []string
	for _, t := range toks {
		parts = append(parts, t.text)
	}
	return strings.Join(parts, " ")
}

func lows(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.low
	}
	return out
}

// hasASCIILetter reports whether s has a letter a-z or A-Z.
func hasASCIILetter(s string) bool {
	for _, r := range s {
		if r < 128 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

package palette

import (
	"slices"
	"strings"
	"unicode"
)

// Lookup returns the #rrggbb value of a colour name. It knows the CSS keywords
// with or without spaces ("dark olive green", "darkolivegreen"), gray and grey,
// everyday words ("burgundy", "dark brown", "light goldenrod") and compounds of
// a modifier and a known colour ("pale orange", "azure mist").
func Lookup(name string) (hex string, ok bool) {
	words := nameWords(name)
	if len(words) == 0 || len(words) > 5 {
		return "", false
	}
	if len(words) == 1 && strings.HasPrefix(words[0], "#") {
		if c, err := parseHex(words[0][1:]); err == nil {
			return c.Hex(), true
		}
		return "", false
	}
	if words[len(words)-1] == "color" || words[len(words)-1] == "colour" {
		words = words[:len(words)-1]
		if len(words) == 0 {
			return "", false
		}
	}
	if hex, ok := lookupWord(strings.Join(words, "")); ok {
		return hex, true
	}
	if len(words) < 2 {
		return "", false
	}
	if mod, ok := prefixModifiers[words[0]]; ok {
		if base, ok := Lookup(strings.Join(words[1:], " ")); ok {
			return mod(MustParse(base)).Hex(), true
		}
	}
	if mod, ok := suffixModifiers[words[len(words)-1]]; ok {
		if base, ok := Lookup(strings.Join(words[:len(words)-1], " ")); ok {
			return mod(MustParse(base)).Hex(), true
		}
	}
	if len(words) == 2 {
		head, okHead := lookupWord(words[0])
		tail, okTail := lookupWord(words[1])
		if okHead && okTail {
			return Mix(MustParse(tail), MustParse(head), 0.35).Hex(), true
		}
	}
	return "", false
}

func lookupWord(squeezed string) (string, bool) {
	if hex, ok := cssColours[squeezed]; ok {
		return hex, true
	}
	if hex, ok := commonColours[squeezed]; ok {
		return hex, true
	}
	if strings.Contains(squeezed, "grey") {
		return lookupWord(strings.ReplaceAll(squeezed, "grey", "gray"))
	}
	return "", false
}

// IsCSS reports whether name is a CSS colour keyword, spaces ignored.
func IsCSS(name string) bool {
	_, ok := cssColours[strings.Join(nameWords(name), "")]
	return ok
}

// Names lists the CSS colour keywords in alphabetical order.
func Names() []string {
	out := make([]string, 0, len(cssColours))
	for k := range cssColours {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func nameWords(name string) []string {
	return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
	})
}

// Mention is a colour named in free text.
type Mention struct {
	// Text is the mention as written; Name is its lower-case words.
	Text string
	Name string
	Hex  string
	// Start and End are byte offsets of the mention in the text.
	Start, End int
}

// Scan finds colour names and #hex values in text, longest name first, left
// to right: "dark slate blue" is one mention, not "dark" and "slate blue".
// Modifier compounds count only when the base is a colour ("pale orange"),
// so "dark mode" is not a colour.
func Scan(text string) []Mention {
	words := scanWords(text)
	var out []Mention
	for i := 0; i < len(words); {
		n, hex := longestAt(text, words, i)
		if n == 0 {
			i++
			continue
		}
		start, end := words[i].start, words[i+n-1].end
		out = append(out, Mention{
			Text:  text[start:end],
			Name:  strings.Join(nameWords(text[start:end]), " "),
			Hex:   hex,
			Start: start,
			End:   end,
		})
		i += n
	}
	return out
}

func longestAt(text string, words []span, i int) (int, string) {
	for n := min(4, len(words)-i); n >= 1; n-- {
		if !adjacent(text, words[i:i+n]) {
			continue
		}
		phrase := text[words[i].start:words[i+n-1].end]
		last := strings.ToLower(text[words[i+n-1].start:words[i+n-1].end])
		if n > 1 && (last == "color" || last == "colour") {
			continue
		}
		if n == 1 {
			w := strings.ToLower(phrase)
			if strings.HasPrefix(w, "#") {
				if len(w) != 4 && len(w) != 7 {
					continue
				}
			} else if _, ok := lookupWord(strings.ReplaceAll(w, "-", "")); !ok {
				continue
			}
		}
		if hex, ok := Lookup(phrase); ok {
			return n, hex
		}
	}
	return 0, ""
}

// adjacent reports whether the words are separated only by spaces or hyphens.
func adjacent(text string, ws []span) bool {
	for k := 1; k < len(ws); k++ {
		gap := text[ws[k-1].end:ws[k].start]
		if strings.Trim(gap, " -") != "" || len(gap) > 2 {
			return false
		}
	}
	return true
}

type span struct{ start, end int }

func scanWords(text string) []span {
	var out []span
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '#' && start < 0)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

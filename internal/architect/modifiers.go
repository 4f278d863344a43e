package architect

import (
	"strconv"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

type parenPart struct {
	kind     string
	value    string
	min, max *float64
}

// parenMeaning reads units, ranges and markers in brackets after a field:
// "(days)", "(1-5)", "($)", "(optional)", "(yes/no)", "(e.g. 'Basic')".
func parenMeaning(toks []token) []parenPart {
	if len(toks) == 0 {
		return nil
	}
	var out []parenPart
	if toks[0].is("e.g", "eg", "such", "like", "for", "i.e", "ie") {
		return []parenPart{{kind: "help", value: clip("For example: "+strings.TrimSpace(strings.TrimPrefix(words(toks[1:]), "as")), 200)}}
	}
	var f fieldDraft
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case unitAt(toks, i) != "":
			out = append(out, parenPart{kind: "unit", value: unitAt(toks, i)})
			i += unitLen(toks, i) - 1
		case rangeAt(toks, i, &f):
			out = append(out, parenPart{kind: "range", min: f.Min, max: f.Max})
			i += rangeLen(toks, i) - 1
		case t.is("optional"):
			out = append(out, parenPart{kind: "optional"})
		case t.is("required", "mandatory"):
			out = append(out, parenPart{kind: "required"})
		case boolMarkerAt(toks, i):
			out = append(out, parenPart{kind: "bool"})
			i += 2
		case t.kind == tPunct && strings.ContainsAny(t.low, "$€£¥₹"):
			out = append(out, parenPart{kind: "unit", value: t.low})
		}
	}
	return out
}

// optionsFromParen reads values listed in brackets: "(low, medium, high)",
// "(run/bike/swim)". Units, ranges and examples are not values.
func optionsFromParen(toks []token) []string {
	if len(toks) == 0 || len(parenMeaning(toks)) > 0 {
		return nil
	}
	var opts []string
	var cur []token
	for _, t := range toks {
		if t.low == "," || t.low == "/" || t.is("or", "and") {
			if len(cur) > 0 {
				opts = append(opts, optionText(cur))
			}
			cur = nil
			continue
		}
		if t.low == "(" || t.low == ")" || t.low == ":" {
			return nil
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		opts = append(opts, optionText(cur))
	}
	for _, o := range opts {
		if len(strings.Fields(o)) > 4 {
			return nil
		}
	}
	return opts
}

func unitAt(toks []token, i int) string {
	if i >= len(toks) {
		return ""
	}
	if i+1 < len(toks) {
		two := toks[i].low + " " + toks[i+1].low
		if u, ok := unitWords[two]; ok {
			return u
		}
		if _, ok := currencyWords[two]; ok {
			return two
		}
	}
	if u, ok := unitWords[toks[i].low]; ok && toks[i].low != "m" && toks[i].low != "l" && toks[i].low != "g" {
		return u
	}
	if _, ok := currencyWords[toks[i].low]; ok && toks[i].low != "won" && toks[i].low != "$" {
		return toks[i].low
	}
	return ""
}

func unitLen(toks []token, i int) int {
	if i+1 < len(toks) {
		two := toks[i].low + " " + toks[i+1].low
		if _, ok := unitWords[two]; ok {
			return 2
		}
		if _, ok := currencyWords[two]; ok {
			return 2
		}
	}
	return 1
}

func isUnitOrRange(toks []token, i int) bool {
	var f fieldDraft
	return rangeAt(toks, i, &f) || unitAt(toks, i+1) != ""
}

// rangeAt reads "0-100", "1 to 5", "from 1 to 5", "between 1 and 10",
// "out of 10" at i and sets f.Min and f.Max.
func rangeAt(toks []token, i int, f *fieldDraft) bool {
	n := func(j int) (float64, bool) {
		if j < len(toks) && toks[j].kind == tNum {
			v, err := strconv.ParseFloat(toks[j].low, 64)
			return v, err == nil
		}
		return 0, false
	}
	set := func(lo, hi float64) bool {
		if lo > hi {
			lo, hi = hi, lo
		}
		f.Min, f.Max = num(lo), num(hi)
		return true
	}
	if lo, ok := n(i); ok {
		if i+2 < len(toks) && (toks[i+1].low == "-" || toks[i+1].is("to")) {
			if hi, ok := n(i + 2); ok {
				return set(lo, hi)
			}
		}
		return false
	}
	if toks[i].is("from", "between") {
		if lo, ok := n(i + 1); ok && i+3 < len(toks) && toks[i+2].is("to", "and", "-") {
			if hi, ok := n(i + 3); ok {
				return set(lo, hi)
			}
		}
	}
	if toks[i].is("out") && i+2 < len(toks) && toks[i+1].is("of") {
		if hi, ok := n(i + 2); ok {
			return set(min(1, hi), hi)
		}
	}
	return false
}

func rangeLen(toks []token, i int) int {
	if toks[i].is("from", "between") {
		return 4
	}
	return 3
}

func isYesNo(opts []string) bool {
	if len(opts) != 2 {
		return false
	}
	a, b := strings.ToLower(opts[0]), strings.ToLower(opts[1])
	return (a == "yes" && b == "no") || (a == "true" && b == "false") || (a == "y" && b == "n")
}

func cleanOptions(opts []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, o := range opts {
		o = strings.TrimSpace(strings.Trim(o, "\"'"))
		o = clip(o, 60)
		if o == "" || seen[strings.ToLower(o)] {
			continue
		}
		seen[strings.ToLower(o)] = true
		out = append(out, o)
		if len(out) == prd.MaxOptions {
			break
		}
	}
	return out
}

// clip cuts s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !runeStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n])
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }

package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// item is one element of a list in a prompt: "a priority (low, medium,
// high)" is the words [a priority] with options [low medium high].
type item struct {
	toks    []token
	paren   []token  // what stood in parentheses after the words
	options []string // values listed in parentheses or after a colon
	alt     []token  // "remote or on-site": the words after "or"
	end     int      // index in the sentence just past the item
}

// listEnders end a list of fields when they start an item or follow one.
var listEnders = set("where", "which", "who", "that", "so", "then", "while", "when", "linked",
	"belonging", "attached", "tied", "associated", "connected", "per", "can", "could", "should",
	"must", "will", "would", "may", "are", "is", "were", "was", "be", "users", "user", "visitors",
	"people", "customers", "staff", "players", "agents", "admins", "they", "it", "we", "i", "you",
	"etc", "e.g", "for", "to", "on", "using", "via", "into", "showing", "shown", "sorted", "grouped",
	"filtered", "ordered", "listed", "displayed", "but", "because", "if", "unless", "as")

// listVerbs start a new clause when they open an item ("…, mark them done").
var listVerbs = set("mark", "show", "see", "display", "delete", "remove", "edit", "view", "check",
	"filter", "sort", "search", "list", "track", "let", "allow", "include", "add", "create", "send",
	"move", "assign", "change", "update", "export", "print", "share", "rate", "book", "highlight",
	"compute", "calculate", "get", "make", "keep", "use", "support", "provide", "offer", "notify",
	"remind", "email", "browse", "manage", "record", "log", "post", "publish", "upload", "play",
	"take", "start", "stop", "open", "close", "archive", "pin", "star", "favorite", "vote", "reply",
	"comment", "invite", "join", "leave", "follow", "subscribe", "generate", "compare", "count")

// maxListTokens bounds how far one list is read; a field list never runs
// this long, and the bound keeps planning linear on run-on text.
const maxListTokens = 240

// parseList reads items from toks[i:] separated by commas, "and", "or" and
// "&", with parenthesised details and colon-introduced values attached to
// the item before them. It stops at a clause boundary.
func parseList(toks []token, i int) []item {
	if limit := i + maxListTokens; limit < len(toks) {
		toks = toks[:limit]
	}
	var items []item
	var cur item
	push := func(end int) {
		if len(cur.toks) > 0 || len(cur.paren) > 0 {
			cur.end = end
			items = append(items, cur)
		}
		cur = item{}
	}
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.low == "(" || t.low == "[":
			j := closing(toks, i)
			if len(cur.toks) == 0 && len(items) > 0 && cur.paren == nil {
				items[len(items)-1].paren = toks[i+1 : j]
				items[len(items)-1].end = min(j+1, len(toks))
			} else {
				cur.paren = toks[i+1 : j]
			}
			i = j + 1
			continue
		case t.low == ")" || t.low == "]":
			push(i)
			return items
		case t.low == ":" && len(cur.toks) > 0:
			opts, next := parseOptionRun(toks, i+1)
			if len(opts) >= 2 {
				cur.options = opts
				push(next)
				i = next
				if endsList(toks, i) {
					return items
				}
				continue
			}
			push(i)
			return items
		case t.low == "," || t.low == "&" || t.is("and", "plus") || (t.low == "/" && len(cur.toks) > 0 && !boolMarkerAt(toks, i)):
			push(i)
			i++
			if i < len(toks) && toks[i].is("and", "or", "plus") {
				i++
			}
			if i+1 < len(toks) && toks[i].is("as") && toks[i+1].is("well") {
				i += 3
			}
			if endsList(toks, i) || recordClause(toks, i) {
				return items
			}
			continue
		case t.low == "or" && i+1 < len(toks) && toks[i+1].is("not") && len(cur.toks) > 0:
			cur.toks = append(cur.toks, t, toks[i+1])
			i += 2
			continue
		case t.low == "or":
			if alt, next, ok := alternative(toks, i+1); ok && len(cur.toks) > 0 && len(cur.toks) <= 2 {
				cur.alt = alt
				i = next
				continue
			}
			push(i)
			i++
			if endsList(toks, i) {
				return items
			}
			continue
		case t.is("as") && i+2 < len(toks) && toks[i+1].is("well") && toks[i+2].is("as"):
			push(i)
			i += 3
			continue
		case t.kind == tPunct && !strings.ContainsAny(t.low, "$€£¥₹%-'/#+*"):
			push(i)
			return items
		case len(cur.toks) > 0 && listEnders[t.low] && !insideItem(cur, toks, i) && (!cur.toks[0].is("whether") || len(cur.toks) >= 6):
			push(i)
			return items
		}
		cur.toks = append(cur.toks, t)
		i++
	}
	push(i)
	return items
}

// closing returns the index of the bracket closing the one at i, or len(toks).
func closing(toks []token, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].low {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return len(toks)
}

// insideItem keeps prepositions that belong to a field name: "date of
// visit", "cooking time in minutes", "price per night", "rating from 1 to 5".
func insideItem(cur item, toks []token, i int) bool {
	t := toks[i]
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].low
	}
	switch t.low {
	case "to", "for":
		return len(cur.toks) > 0 && (cur.toks[len(cur.toks)-1].kind == tNum || cur.toks[0].is("how")) || t.low == "to" && isNumTok(toks, i+1) ||
			t.low == "to" && len(cur.toks) == 1 && cur.toks[0].is("days", "hours", "minutes", "weeks", "months", "years") && i+1 < len(toks) && toks[i+1].word() // "days to harvest"
	case "per":
		_, unit := unitWords[next]
		return unit || next == "night" || next == "hour" || next == "day" || next == "week" || next == "month" || next == "person" || next == "unit" || next == "item" || next == "serving" || amountHead(cur) && i+1 < len(toks) && toks[i+1].word() && !looksPlural(next) && !determiners[next]
	case "on":
		return next == "sale" || next == "site" || next == "call" || datedOn(cur, toks, i)
	case "so":
		return next == "far"
	case "as":
		return false
	case "is", "are":
		return len(cur.toks) == 0
	}
	return false
}

// datedOn keeps "on" after a participle that ends an item: "applied on",
// "posted on" name the date of the event.
func datedOn(cur item, toks []token, i int) bool {
	if len(cur.toks) != 1 || !participle(cur.toks[0].low) {
		return false
	}
	if i+2 < len(toks) && toks[i+1].is("date", "day") {
		i++ // "planted on date"
	}
	return i+1 == len(toks) || toks[i+1].low == "," || toks[i+1].is("and", "or") || toks[i+1].kind == tPunct
}

func participle(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") || irregularParticiples[w]
}

func isNumTok(toks []token, i int) bool { return i < len(toks) && toks[i].kind == tNum }

// endsList reports whether the item starting at i begins a new clause.
func endsList(toks []token, i int) bool {
	if i >= len(toks) {
		return true
	}
	t := toks[i]
	if t.is("where", "when") && i+1 < len(toks) && participle(toks[i+1].low) && (i+2 == len(toks) || toks[i+2].kind == tPunct || toks[i+2].is("and", "or")) {
		return false // "where found", "when bought" name a field
	}
	if listEnders[t.low] && !t.is("for") || t.is("each", "every") && i+1 < len(toks) && toks[i+1].is("with") {
		return true
	}
	if listVerbs[t.low] {
		if !nounVerbs[t.low] {
			return true
		}
		if i+1 < len(toks) && (determiners[toks[i+1].low] || pronouns[toks[i+1].low] || toks[i+1].is("by", "between", "off")) {
			return true
		}
	}
	if base := verbBase(t.low); base != "" && !nounVerbs[base] && !nounOnlyIng[t.low] && i+1 < len(toks) && (determiners[toks[i+1].low] || pronouns[toks[i+1].low]) {
		return true
	}
	return false
}

// recordClause reports whether the item starting at i declares records of
// its own: in "pets with a name and species, and visits of a pet with a date
// and cost" the list of pet fields ends before "visits". Such an item is a
// plural noun phrase, optionally owned ("of a pet", "inside a course"),
// followed by "with" or "have" and at least two fields.
func recordClause(toks []token, i int) bool {
	plural := false
	for j := i; j < len(toks) && j-i <= 6; j++ {
		t := toks[j]
		switch {
		case t.kind != tWord:
			return false
		case (withWords[t.low] || hasVerbs[t.low] && t.is("has", "have", "contain", "contains", "include", "includes")) && j > i:
			n := len(parseList(toks, j+1))
			_, known := nounPriors[singularWord(toks[j-1].low)]
			return plural && (n >= 2 || n == 1 && known)
		case determiners[t.low] || t.is("of", "inside", "within", "in", "for", "on", "under"):
		case looksPlural(t.low) && !pronouns[t.low]:
			plural = true
		}
	}
	return false
}

// alternative reads "B" in "A or B" when both sides are one or two plain
// words ("remote or on-site"), which makes one yes/no or choice field.
func alternative(toks []token, i int) ([]token, int, bool) {
	j := i
	for j < len(toks) && j-i < 2 && toks[j].word() && !toks[j].is("and", "or") && !listEnders[toks[j].low] {
		j++
	}
	if j == i {
		return nil, i, false
	}
	if j < len(toks) && toks[j].low != "," && toks[j].low != "." && toks[j].low != ")" && !toks[j].is("and") {
		return nil, i, false
	}
	alt := toks[i:j]
	if fieldish(lows(alt)) {
		return nil, i, false
	}
	return alt, j, true
}

// parseOptionRun reads enum values after a colon: "lead, proposal, won,
// lost". It stops at a closing bracket, at a clause boundary, or at an item
// that looks like a field in its own right ("vegetarian yes/no").
func parseOptionRun(toks []token, i int) ([]string, int) {
	var opts []string
	var cur []token
	flush := func() {
		if len(cur) > 0 {
			opts = append(opts, optionText(cur))
		}
		cur = nil
	}
	start := i
	for i < len(toks) {
		t := toks[i]
		if t.low == ")" || t.low == "]" || t.low == ";" || t.low == "." || t.low == ":" {
			break
		}
		if t.low == "(" {
			break
		}
		if t.low == "," || t.is("and", "or") || t.low == "/" && !boolMarkerAt(toks, i) {
			flush()
			i++
			if i < len(toks) && toks[i].is("and", "or") {
				i++
			}
			if len(opts) >= 2 && looksLikeField(toks, i) {
				return opts, i
			}
			if endsList(toks, i) {
				return opts, i
			}
			continue
		}
		if len(cur) >= 4 || (len(cur) > 0 && listEnders[t.low]) {
			break
		}
		cur = append(cur, t)
		i++
	}
	flush()
	if len(opts) < 2 {
		return nil, start
	}
	return opts, i
}

func optionText(toks []token) string {
	var parts []string
	for _, t := range toks {
		parts = append(parts, t.text)
	}
	s := strings.Join(parts, " ")
	if len(s) > 60 {
		s = strings.TrimSpace(s[:60])
	}
	return s
}

// looksLikeField reports whether the item at i is a field rather than one
// more value: it carries a yes/no marker or brackets, or is a known field word.
func looksLikeField(toks []token, i int) bool {
	var ws []string
	for j := i; j < len(toks) && j-i < 5; j++ {
		t := toks[j]
		if t.low == "," || t.low == ")" || t.is("and", "or") {
			break
		}
		if t.low == "(" || t.low == ":" || boolMarkerAt(toks, j) || t.is("flag", "checkbox", "toggle") {
			return true
		}
		ws = append(ws, t.low)
	}
	return fieldish(ws)
}

// fieldish reports whether words name a typed field the lexicon knows.
func fieldish(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	phrase := strings.Join(ws, " ")
	if _, ok := phraseHints[phrase]; ok {
		return true
	}
	_, ok := headHints[ws[len(ws)-1]]
	return ok || ws[0] == "how" || ws[0] == "whether" || unitLead(ws) != ""
}

// boolMarkerAt reports whether a yes/no marker ("yes/no", "y/n",
// "true/false") sits at or around index i.
func boolMarkerAt(toks []token, i int) bool {
	for j := max(0, i-2); j <= i && j < len(toks); j++ {
		if j+2 < len(toks) && toks[j+1].low == "/" {
			pair := toks[j].low + "/" + toks[j+2].low
			if pair == "yes/no" || pair == "y/n" || pair == "true/false" || pair == "on/off" {
				return true
			}
		}
	}
	return false
}

// amountHead reports whether an item so far names an amount ("price",
// "cost", "calories"): "price per candle" is one field.
func amountHead(cur item) bool {
	if len(cur.toks) == 0 {
		return false
	}
	hn, ok := headHints[cur.toks[len(cur.toks)-1].low]
	return ok && (hn.typ == prd.Money || hn.typ == prd.Number)
}

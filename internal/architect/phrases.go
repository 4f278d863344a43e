package architect

import (
	"strings"
	"unicode"
)

// isVerbAt reports whether toks[j] acts as a verb where it stands.
func isVerbAt(toks []token, j int) bool {
	t := toks[j]
	if !t.word() {
		return false
	}
	base := verbBase(t.low)
	if base == "" || nounOnlyIng[t.low] {
		return false
	}
	if !nounVerbs[base] && !nounVerbs[t.low] {
		return true
	}
	// A word that is both noun and verb is a noun before "with", a bracket
	// or the end of a clause, and after a determiner; it is a verb at the
	// start of a clause (in its base form), after "to" or a modal, after a
	// plural subject, or before a determiner.
	if j+1 >= len(toks) || toks[j+1].kind == tPunct || toks[j+1].is("with", "and", "or", "per", "of", "that", "which", "in", "on", "from", "linked", "belonging") {
		return false
	}
	if j > 0 && (determiners[toks[j-1].low] || toks[j-1].is("of", "for")) {
		return false
	}
	if j == 0 || toks[j-1].kind == tPunct {
		if t.low != base {
			return false
		}
		return toks[j+1].word() || toks[j+1].kind == tQuote
	}
	prev := toks[j-1]
	if prev.is("to", "and", "or", "then", "can", "could", "should", "must", "will", "would", "may", "might", "i", "we", "you", "they", "users", "people", "also", "easily", "quickly") {
		return true
	}
	if j+1 < len(toks) && (determiners[toks[j+1].low] || pronouns[toks[j+1].low]) {
		return true
	}
	if prev.word() && looksPlural(prev.low) && !stopNouns[prev.low] && j+1 < len(toks) && toks[j+1].word() {
		return true
	}
	return false
}

// boundary reports whether toks[j] cannot be part of a noun phrase.
func boundary(toks []token, j int) bool {
	t := toks[j]
	if t.kind == tQuote {
		return true
	}
	if t.kind == tPunct {
		return t.low != "-" && t.low != "'" && t.low != "&"
	}
	if determiners[t.low] || prepositions[t.low] || conjunctions[t.low] || modals[t.low] || adverbs[t.low] {
		return true
	}
	if pronouns[t.low] && t.low != "people" && t.low != "users" && t.low != "user" && t.low != "visitors" {
		return true
	}
	return isVerbAt(toks, j)
}

// npBefore returns the noun phrase that ends just before index i, with its
// start index.
func npBefore(toks []token, i int) (int, []token) {
	j := i - 1
	for j >= 0 && !boundary(toks, j) && i-j <= 5 {
		j--
	}
	return j + 1, toks[j+1 : i]
}

// npAfter returns the noun phrase starting at i after determiners and
// quantities, and the index just past it.
func npAfter(toks []token, i int) ([]token, int) {
	for i < len(toks) && (determiners[toks[i].low] || toks[i].kind == tNum || numberWords[toks[i].low] > 0 || toks[i].is("of") && i > 0 && determiners[toks[i-1].low]) {
		i++
	}
	j := i
	for j < len(toks) && !boundary(toks, j) && j-i < 5 {
		j++
	}
	return toks[i:j], j
}

// nounNoise are adjectives dropped from entity names.
var nounNoise = set("internal", "new", "existing", "own", "all", "basic", "simple", "online",
	"upcoming", "recent", "various", "different", "detailed", "specific", "individual",
	"multiple", "custom", "optional", "latest", "current", "available", "unique", "relevant",
	"nearby", "local", "related", "corresponding", "past", "previous", "active", "open",
	"favorite", "favourite", "personal", "electronic", "digital", "real-time", "historical",
	"interactive", "public", "private", "anonymous", "entire", "full", "daily", "weekly",
	"monthly", "certain", "selected", "desired", "potential", "prospective", "interested",
	"whole", "main", "key", "important", "popular", "featured", "top", "best", "good", "great",
	"comprehensive", "advanced", "modern", "minimalistic", "smart", "tiny", "small", "large",
	"big", "user-created", "user-submitted", "creative", "additional", "extra", "general",
	"overall", "total", "such", "both", "whose", "free", "paid", "premium", "quick", "easy",
	"own", "others'", "other", "users'", "user's", "unnecessary", "necessary", "further")

// leadStop are words dropped from the front of a record name: "user
// profiles" are profiles.
var leadStop = set("user", "users", "visitor", "visitors", "website", "site", "app", "system", "platform", "data", "information", "online", "web", "customer's", "users'", "personal")

// recordStops are abstractions alone that name records with a modifier:
// "the goal of the app" is no record, "savings goals" are.
var recordStops = set("goal")

// properName reports whether a phrase is written as a name ("Lena Ortiz").
func properName(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	if len(toks) == 1 && toks[0].kind == tWord {
		w := toks[0].low
		if looksPlural(w) || verbBase(w) != "" || nounPriors[singularWord(w)] != nil || nounAliases[w] != "" || appNouns[w] || stopNouns[w] {
			return false
		}
	}
	for _, t := range toks {
		if t.kind == tQuote {
			return true
		}
		r := []rune(t.text)
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

// nounName turns a noun phrase into an entity name: noise adjectives and
// filler heads dropped, aliases resolved, the head made singular, lower case.
func nounName(toks []token) (string, bool) {
	var ws []string
	for _, t := range toks {
		if t.kind != tWord {
			continue
		}
		ws = append(ws, strings.Trim(t.low, "'"))
	}
	return nounNameWords(ws)
}

func nounNameWords(ws []string) (string, bool) {
	for len(ws) > 0 && determiners[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) > 1 && nounNoise[ws[0]] {
		if a, ok := resolveAlias(ws); ok {
			return a, true // "key results" are records, though "key" alone is noise
		}
	}
	for len(ws) > 0 && (nounNoise[ws[0]] || determiners[ws[0]]) {
		ws = ws[1:]
	}
	for k := range ws {
		ws[k] = strings.TrimSuffix(ws[k], "'s")
	}
	if len(ws) == 0 {
		return "", false
	}
	var clean []string
	for _, w := range ws {
		if !nounNoise[w] {
			clean = append(clean, w)
		}
	}
	if len(clean) > 0 && len(clean) < len(ws) {
		if a, ok := resolveAlias(clean); ok {
			return a, true
		}
		ws = clean
	}
	if a, ok := resolveAlias(ws); ok {
		return a, true
	}
	if _, known := nounPriors[singularOf(strings.Join(ws, " "), "en")]; known {
		return singularOf(strings.Join(ws, " "), "en"), true
	}
	for len(ws) > 1 && fillerHeads[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
		if a, ok := resolveAlias(ws); ok {
			return a, true
		}
	}
	if len(ws) > 3 {
		ws = ws[len(ws)-3:]
	}
	for len(ws) > 1 && (leadStop[ws[0]] || nounNoise[ws[0]]) {
		ws = ws[1:]
	}
	head := ws[len(ws)-1]
	if (stopNouns[head] || stopNouns[singularWord(head)]) && (len(ws) <= 1 || !recordStops[singularWord(head)]) {
		return "", false
	}
	if !isWordy(head) {
		return "", false
	}
	for _, w := range ws {
		if verbBase(w) != "" && !nounVerbs[verbBase(w)] && !nounOnlyIng[w] && len(ws) > 1 && w != head {
			return "", false
		}
	}
	name := singularOf(strings.Join(ws, " "), "en")
	if _, known := nounPriors[name]; !known && len(ws) > 1 {
		if _, headKnown := nounPriors[singularWord(head)]; headKnown && !genericHeads[head] {
			return singularWord(head), true
		}
	}
	return name, true
}

// resolveAlias maps known phrasings to canonical entity names ("to-dos" ->
// task, "table reservation" -> reservation, "work hours" -> time entry).
func resolveAlias(ws []string) (string, bool) {
	for k := 0; k < len(ws); k++ {
		phrase := strings.Join(ws[k:], " ")
		if a, ok := nounAliases[phrase]; ok {
			return a, true
		}
		if a, ok := nounAliases[singularOf(phrase, "en")]; ok {
			return a, true
		}
		if k == 0 && len(ws) == 1 {
			break
		}
	}
	return "", false
}

func isWordy(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

package architect

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// fieldDraft is a field with the reason for its type.
type fieldDraft struct {
	prd.Field
	why string
}

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "single": 1, "a couple": 2}

// leadingNoise are words that open a field phrase but are not its name.
var leadingNoise = set("a", "an", "the", "their", "its", "his", "her", "my", "your", "our",
	"some", "any", "optional", "required", "mandatory", "an optional", "each", "every", "also",
	"basic", "short", "brief", "simple", "full", "free", "multiple", "several", "various", "own",
	"personal", "custom", "relevant", "detailed", "current", "plus", "with", "by")

var formatWords = map[string]string{"markdown": "Markdown is supported.", "rich": "Formatted text.", "html": "HTML is allowed.", "multiline": ""}

// typeField turns a list item into a typed field. ok is false when the item
// is not a field (a clause, an empty phrase, a page or feature name).
func typeField(it item, entity, lang string) (fieldDraft, bool) {
	if lang != "en" && lang != "" {
		return typeForeignField(it, entity, lang)
	}
	toks := it.toks
	var f fieldDraft
	f.Type = ""
	var helps []string
	count := 0
	// Strip leading determiners and count words.
	for len(toks) > 0 {
		t := toks[0]
		if n, ok := numberWords[t.low]; ok && len(toks) > 1 {
			count = n
			toks = toks[1:]
			continue
		}
		if t.kind == tNum && len(toks) > 1 && !isUnitOrRange(toks, 0) {
			if n, err := strconv.Atoi(t.low); err == nil && n < 50 {
				count = n
			}
			toks = toks[1:]
			continue
		}
		if leadingNoise[t.low] && len(toks) > 1 {
			toks = toks[1:]
			continue
		}
		if t.low == "optional" || t.low == "required" || leadingVerbs[t.low] && len(toks) > 1 && toks[1].kind == tWord {
			toks = toks[1:]
			continue
		}
		break
	}
	var name []string
	perAt := -1
	var boolMarked bool
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case boolMarkerAt(toks, i) && (t.is("yes", "no", "y", "n", "true", "false", "on", "off") || t.low == "/"):
			boolMarked = true
		case t.is("flag", "checkbox", "toggle", "boolean", "switch") && len(name) > 0:
			boolMarked = true
		case t.low == "or" && i+1 < len(toks) && toks[i+1].is("not"):
			boolMarked = true
			i++
		case t.is("per") && len(name) > 0 && i+1 < len(toks):
			perAt = len(name)
			name = append(name, "per", toks[i+1].low)
			i++
		case t.is("in") && i+1 < len(toks) && unitAt(toks, i+1) != "":
			u, n := unitAt(toks, i+1), unitLen(toks, i+1)
			if c, ok := currencyWords[u]; ok {
				f.Type, f.Unit = prd.Money, c
			} else {
				f.Unit = u
			}
			i += n
		case rangeAt(toks, i, &f):
			i += rangeLen(toks, i) - 1
		case t.kind == tPunct && strings.ContainsAny(t.low, "$€£¥₹"):
			f.Type, f.Unit = prd.Money, currencyWords[t.low]
		case t.low == "%":
			f.Unit = "%"
		case formatWords[t.low] != "" || (t.low == "rich" && i+1 < len(toks) && toks[i+1].is("text")):
			if h := formatWords[t.low]; h != "" {
				helps = append(helps, h)
			}
			if t.low == "rich" {
				i++
			}
		default:
			name = append(name, t.low)
		}
	}
	for _, p := range parenMeaning(it.paren) {
		switch p.kind {
		case "unit":
			if c, ok := currencyWords[p.value]; ok {
				f.Type, f.Unit = prd.Money, c
			} else {
				f.Unit = p.value
			}
		case "range":
			f.Min, f.Max = p.min, p.max
		case "required":
			f.Required = true
		case "bool":
			boolMarked = true
		case "help":
			helps = append(helps, p.value)
		}
	}
	name = trimNoise(name)
	for k := 0; k+1 < len(name); k++ {
		name[k] = strings.TrimSuffix(name[k], "'s")
	}
	if len(name) > 3 {
		var kept []string
		for _, w := range name {
			if w != "the" && w != "a" && w != "an" {
				kept = append(kept, w)
			}
		}
		name = kept
	}
	if _, _, _, named := idiom(name); len(name) == 0 || len(name) > 7 || clauseLike(name) && !named {
		return f, false
	}
	if len(name) > 3 && name[0] != "how" && name[0] != "whether" && !knownPhrase(name) {
		return f, false
	}
	phrase := strings.Join(name, " ")
	var idiomType prd.FieldType
	if rename, t, unit, ok := idiom(name); ok {
		phrase, idiomType = rename, t
		boolMarked = boolMarked || t == prd.Boolean
		if f.Type == "" {
			f.Type = t
		}
		if f.Unit == "" {
			f.Unit = unit
		}
	}
	typing := strings.Fields(phrase)
	if perAt > 0 && perAt < len(typing) {
		typing = typing[:perAt]
	}
	hn, how := lookupHint(typing)
	if hn.rename != "" {
		phrase = hn.rename
	}
	if u := unitLead(typing); u != "" && f.Unit == "" && f.Type == "" && (hn.typ == "" || hn.typ == prd.Text || hn.typ == prd.Tags || hn.typ == prd.Number && hn.unit == "" && len(typing) > 1) {
		hn = hint{typ: prd.Number, unit: u, min: num(0)}
		how = "a number in " + u
	}
	if idiomType == prd.Number && (hn.typ == "" || hn.typ == prd.Text || hn.typ == prd.Tags) {
		hn, how = hMin(prd.Number, 0), "a count"
	}
	if hn.typ == prd.Money && (phrase == "value" || phrase == "reading") && measured[lastWordOf(entity)] {
		hn, how = h(prd.Number), "a number (the value of a "+entity+")"
	}
	if phrase == "day of week" && len(it.options) < 2 {
		it.options = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	}
	switch {
	case len(it.options) >= 2 || len(optionsFromParen(it.paren)) >= 2:
		opts := it.options
		if len(opts) < 2 {
			opts = optionsFromParen(it.paren)
		}
		if isYesNo(opts) {
			f.Type, f.why = prd.Boolean, "yes/no"
		} else {
			f.Type, f.Options, f.why = prd.Enum, cleanOptions(opts), "a choice of the listed values"
		}
	case len(it.alt) > 0:
		f.Type = prd.Boolean
		f.Help = fmt.Sprintf("Yes for %s, no for %s.", phrase, words(it.alt))
		f.why = fmt.Sprintf("yes/no (%s or %s)", phrase, words(it.alt))
	case boolMarked:
		f.Type, f.why = prd.Boolean, "yes/no"
	case f.Type == prd.Money:
		f.why = "money"
	case f.Min != nil && f.Max != nil && (hn.typ == prd.Rating || strings.Contains(phrase, "rating") || strings.Contains(phrase, "star")):
		f.Type, f.why = prd.Rating, fmt.Sprintf("a rating from %g to %g", *f.Min, *f.Max)
	case f.Min != nil || f.Max != nil:
		f.Type, f.why = prd.Number, "a number in the given range"
	case f.Unit != "" && (hn.typ == "" || hn.typ == prd.Time || hn.typ == prd.Text || hn.typ == prd.Date || hn.typ == prd.Enum || hn.typ == prd.Money && currencyWords[f.Unit] == "" && !isCurrencyCode(f.Unit)):
		f.Type, f.why = prd.Number, "a number in "+f.Unit
	case hn.typ != "":
		f.Type, f.why = hn.typ, how
		if f.Unit == "" {
			f.Unit = hn.unit
		}
		if f.Min == nil && f.Max == nil {
			f.Min, f.Max = hn.min, hn.max
		}
		if hn.typ == prd.Enum {
			f.Options = hn.options
			if _, own := phraseHints[phrase]; !own && (strings.HasSuffix(phrase, "status") || phrase == "state" || phrase == "stage") {
				f.Options = optionsFor(entity)
			}
			f.why = "a choice of " + strings.Join(f.Options, ", ") + " (default values)"
		}
	case f.Unit != "":
		f.Type, f.why = prd.Number, "a number in "+f.Unit
	default:
		f.Type, f.why = prd.Text, "text"
	}
	if f.Type == prd.Money && f.Unit == "" {
		f.Unit = languageCurrency["en"]
	}
	if f.Type != prd.Number && f.Type != prd.Money && f.Type != prd.Rating {
		if f.Type != prd.Money {
			f.Unit = ""
		}
		f.Min, f.Max = nil, nil
	}
	if f.Type == prd.Rating && f.Min == nil {
		f.Min, f.Max = num(1), num(5)
	}
	if f.Type == prd.ImageURL || f.Type == prd.URL {
		phrase = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(phrase, " url"), " link"))
		if phrase == "" {
			phrase = "link"
		}
	}
	if f.Type == prd.Tags && count > 1 {
		helps = append(helps, fmt.Sprintf("%d values, separated by commas.", count))
	} else if f.Type == prd.Tags {
		helps = append(helps, "Separate values with commas.")
	}
	f.Name = clip(phrase, 60)
	f.Help = clip(strings.TrimSpace(strings.Join(append([]string{f.Help}, helps...), " ")), 200)
	return f, true
}

// clauseLike reports whether words start with an action rather than name a
// field: "query historical data", "managing hospital finances".
func clauseLike(ws []string) bool {
	if len(ws) < 2 {
		return false
	}
	w := ws[0]
	base := verbBase(w)
	if base == "" || nounOnlyIng[w] {
		return false
	}
	if _, ok := phraseHints[strings.Join(ws, " ")]; ok {
		return false
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") {
		return false
	}
	if strings.HasSuffix(w, "ing") {
		switch w {
		case "opening", "closing", "cooking", "starting", "ending", "shipping", "billing", "selling", "asking", "meeting", "training", "parking", "reading", "listing", "booking", "rating", "landing", "mailing", "building", "checking", "boarding", "running", "working", "waiting", "remaining":
			return false
		}
		return true
	}
	return !nounVerbs[base] || w == "query" || w == "view" || w == "display" || w == "compare" || w == "search" || w == "check" || w == "print" || w == "export"
}

// knownPhrase reports whether a long phrase still names a field the lexicon
// knows ("date of last visit").
func knownPhrase(ws []string) bool {
	if len(ws) > 5 {
		return false
	}
	if ws[0] == "number" && ws[1] == "of" || unitLead(ws) != "" {
		return true
	}
	if _, ok := phraseHints[strings.Join(ws, " ")]; ok {
		return true
	}
	_, ok := headHints[ws[len(ws)-1]]
	return ok && !strings.HasSuffix(ws[len(ws)-2], "ing")
}

// lookupHint types a phrase: the whole phrase, then its last words, then
// yes/no words, then dates like "last watered".
func lookupHint(ws []string) (hint, string) {
	phrase := strings.Join(ws, " ")
	if len(ws) > 1 && (ws[len(ws)-1] == "url" || ws[len(ws)-1] == "link") {
		for _, w := range ws[:len(ws)-1] {
			if hn, ok := headHints[w]; ok && hn.typ == prd.ImageURL || w == "cover" || w == "avatar" || w == "thumbnail" || w == "logo" {
				return h(prd.ImageURL), "an image link"
			}
		}
	}
	if hn, ok := phraseHints[phrase]; ok {
		return hn, describeType(hn.typ)
	}
	for k := 1; k < len(ws); k++ {
		if hn, ok := phraseHints[strings.Join(ws[k:], " ")]; ok && (hn.typ != prd.Enum || k <= 0 || ws[len(ws)-1] == "status") {
			return hn, describeType(hn.typ) + " (from \"" + strings.Join(ws[k:], " ") + "\")"
		}
	}
	last := ws[len(ws)-1]
	if len(ws) >= 2 && boolTails[last] {
		return h(prd.Boolean), "yes/no (\"" + phrase + "\")"
	}
	if hn, ok := headHints[last]; ok {
		return hn, describeType(hn.typ) + " (from \"" + last + "\")"
	}
	if len(ws) >= 2 && (strings.HasSuffix(last, "ed") || irregularParticiples[last]) {
		if hn, ok := headHints[ws[len(ws)-2]]; ok && hn.typ != prd.Time {
			return hn, describeType(hn.typ) + " (from \"" + ws[len(ws)-2] + "\")"
		}
	}
	for _, w := range ws {
		switch w {
		case "email", "e-mail":
			return h(prd.Email), "an email address"
		case "phone", "mobile", "telephone":
			return h(prd.Phone), "a phone number"
		case "url", "link":
			for _, v := range ws {
				if hn, ok := headHints[v]; ok && hn.typ == prd.ImageURL {
					return h(prd.ImageURL), "an image link"
				}
			}
			return h(prd.URL), "a link"
		case "date":
			return h(prd.Date), "a date"
		}
	}
	if len(ws) == 1 && flagWords[last] || len(ws) == 2 && (ws[0] == "is" || ws[0] == "has") {
		return h(prd.Boolean), "yes/no"
	}
	if len(ws) == 2 && last == "on" && participle(ws[0]) {
		return h(prd.Date), "a date (\"" + phrase + "\")"
	}
	if len(ws) >= 2 && (ws[0] == "last" || ws[0] == "first" || ws[0] == "next") && strings.HasSuffix(last, "ed") {
		return h(prd.Date), "a date (\"" + phrase + "\")"
	}
	if len(ws) >= 2 && (ws[0] == "number" && ws[1] == "of" || ws[0] == "total" || ws[0] == "count") {
		return hMin(prd.Number, 0), "a count"
	}
	if len(ws) >= 3 && (ws[1] == "to" || ws[1] == "until" || ws[1] == "before") && (ws[0] == "days" || ws[0] == "hours" || ws[0] == "minutes" || ws[0] == "weeks" || ws[0] == "months") {
		return hUnit(prd.Number, ws[0]), "a number of " + ws[0]
	}
	if len(ws) == 1 && countNouns[last] {
		return hMin(prd.Number, 0), "a count (\"" + last + "\")"
	}
	if len(ws) == 1 && looksPlural(last) && !uncountable[last] {
		if hn, ok := headHints[singularWord(last)]; ok && (hn.typ == prd.Date || hn.typ == prd.Money || hn.typ == prd.Number || hn.typ == prd.Rating) {
			return hn, describeType(hn.typ) + " (from \"" + singularWord(last) + "\")"
		}
		return h(prd.Tags), "a list of values (plural name)"
	}
	return hint{}, ""
}

func describeType(t prd.FieldType) string {
	switch t {
	case prd.Text:
		return "text"
	case prd.LongText:
		return "long text"
	case prd.Number:
		return "a number"
	case prd.Money:
		return "money"
	case prd.Date:
		return "a date"
	case prd.Time:
		return "a time"
	case prd.Boolean:
		return "yes/no"
	case prd.Enum:
		return "a choice"
	case prd.Email:
		return "an email address"
	case prd.URL:
		return "a link"
	case prd.ImageURL:
		return "an image link"
	case prd.Rating:
		return "a rating"
	case prd.Phone:
		return "a phone number"
	case prd.Tags:
		return "a list of tags"
	}
	return string(t)
}

// idiom rewrites phrasings that describe a field rather than name it:
// "how often to water" is a watering interval in days, "how many guests"
// is a number of guests.
func idiom(ws []string) (string, prd.FieldType, string, bool) {
	if len(ws) >= 3 && ws[0] == "how" && ws[1] == "often" {
		v := ws[len(ws)-1]
		if ws[2] == "to" || ws[2] == "you" || ws[2] == "i" || ws[2] == "it" {
			v = ws[len(ws)-1]
		}
		if b := verbBase(v); b != "" {
			v = b
		}
		return gerund(v) + " interval", prd.Number, "days", true
	}
	if len(ws) >= 3 && ws[0] == "how" && (ws[1] == "many" || ws[1] == "much") {
		return strings.Join(ws[2:], " "), prd.Number, "", true
	}
	if len(ws) >= 2 && ws[0] == "whether" {
		return whetherName(ws[1:]), prd.Boolean, "", true
	}
	if len(ws) >= 3 && ws[0] == "day" && ws[1] == "of" && ws[len(ws)-1] == "week" {
		return "day of week", prd.Enum, "", true
	}
	if len(ws) >= 3 && ws[0] == "list" && ws[1] == "of" {
		return strings.Join(ws[2:], " "), prd.LongText, "", true
	}
	if len(ws) == 2 && (ws[1] == "available" || ws[1] == "left" || ws[1] == "remaining" || ws[1] == "open") && placeNouns[ws[0]] {
		return ws[0], prd.Number, "", true // "spots available", "tickets left"
	}
	if len(ws) >= 2 && ws[0] == "when" {
		return strings.Join(ws[1:], " ") + " date", prd.Date, "", true
	}
	return "", "", "", false
}

var placeNouns = set("spots", "places", "seats", "slots", "spaces", "tickets", "rooms", "beds", "units", "copies")

// boolTails end phrases that are yes or no: "pets allowed", "breakfast
// included", "parking available".
var boolTails = set("allowed", "included", "available", "enabled", "accepted", "provided", "friendly", "required", "permitted", "welcome")

// countNouns alone name how many of something a record holds: "bottles",
// "copies", "servings".
var countNouns = set("bottles", "copies", "units", "pieces", "servings", "portions", "packs", "boxes", "cans", "jars", "pairs", "laps", "reps", "sets", "rounds", "tickets", "seats", "spots", "beds", "bedrooms", "bathrooms", "floors", "rooms", "pages", "chapters", "episodes", "visits", "views", "likes", "votes", "points", "goals", "wins", "losses", "stars", "steps", "glasses", "cups")

// leadingVerbs open a field item by accident: "log bedtime, wake time".
var leadingVerbs = set("log", "record", "track", "enter", "add", "note", "store", "save")

func trimNoise(ws []string) []string {
	for len(ws) > 0 && (leadingNoise[ws[0]] || determiners[ws[0]]) && len(ws) > 1 {
		ws = ws[1:]
	}
	for len(ws) > 0 && (ws[len(ws)-1] == "etc" || ws[len(ws)-1] == "field" || ws[len(ws)-1] == "value" && len(ws) > 1 && headHints[ws[len(ws)-2]].typ != "") {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 1 && (determiners[ws[0]] || pronouns[ws[0]] || conjunctions[ws[0]]) {
		return nil
	}
	return ws
}

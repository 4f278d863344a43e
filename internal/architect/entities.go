package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// appNouns name the app itself ("habit tracker", "recipe sharing site"):
// a list after them names the app's parts, not an entity's fields.
var appNouns = set("app", "application", "apps", "website", "site", "web", "webpage", "platform",
	"system", "tool", "tracker", "manager", "maker", "builder", "board", "portal", "dashboard",
	"log", "catalog", "catalogue", "crm", "blog", "shop", "store", "page", "hub", "directory",
	"planner", "organizer", "organiser", "journal", "diary", "game", "generator", "editor",
	"clone", "program", "mini-program", "software", "solution", "service", "gradebook", "kanban",
	"marketplace", "forum", "community", "network", "management", "database", "suite",
	"wiki", "landing", "homepage", "portfolio", "cv", "resume", "interface", "prototype", "mvp",
	"saas", "product", "tracking", "booking", "manager's", "list")

// isAppNoun reports whether a noun phrase names the app rather than a record.
func isAppNoun(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1]
	return appNouns[last.low] || properName(toks)
}

var hasVerbs = set("has", "have", "contain", "contains", "include", "includes", "store", "stores", "need", "needs", "hold", "holds", "carry", "carries", "consist", "record", "records", "list", "lists")

var withWords = set("with", "including", "containing", "having", "choosing", "selecting", "entering", "specifying", "featuring", "capturing")

// readDeclarations finds entities declared together with their fields.
func (m *model) readDeclarations() {
	for si, s := range m.d.sentences {
		m.readSentence(si, s.toks)
	}
}

func (m *model) readSentence(si int, toks []token) {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		pos := si*1000 + i
		switch {
		case t.is("each", "every") && (i == 0 || !toks[i-1].is("for", "of", "per", "to", "in", "on")):
			np, j := npAfter(toks, i+1)
			if len(np) == 0 || j >= len(toks) {
				continue
			}
			k := j
			if toks[k].is("should", "must", "can", "will", "may") && k+1 < len(toks) {
				k++
			}
			if hasVerbs[toks[k].low] || toks[k].low == ":" || toks[k].is("with") {
				if toks[k].is("consist") && k+1 < len(toks) && toks[k+1].is("of") || k+1 < len(toks) && toks[k+1].low == ":" {
					k++
				}
				m.declare(np, parseList(toks, k+1), pos, false)
			}
		case withWords[t.low] || t.is("such") && i+1 < len(toks) && toks[i+1].is("as"):
			start := i + 1
			strict := t.is("including", "such", "featuring")
			if t.is("such") {
				start = i + 2
			}
			np := m.subjectBefore(toks, i)
			s, direct := npBefore(toks, i)
			record := len(direct) > 0 && verbRecordBefore(toks, s)
			var link *ownerLink
			if len(direct) > 0 && !record {
				if xs, x := m.ownedSubject(toks, s); x != nil && verbRecordBefore(toks, xs) {
					record = true
				} else if x != nil {
					s, np, link = m.redirectOwned(toks, s, direct, pos)
				}
			}
			if link == nil && (len(np) == 0 && i > 0 && toks[i-1].kind == tQuote || isAppNoun(np)) {
				if t.is("with") {
					m.appItems = append(m.appItems, appItem{items: parseList(toks, start), pos: pos})
				}
				continue
			}
			if len(np) == 0 || record {
				continue
			}
			if items := parseList(toks, start); link == nil && (m.containsNested(items) || groupingList(items)) {
				// "a recipe book with recipes (name, time) and ratings": the
				// phrase before "with" holds records, it is not one.
				m.appItems = append(m.appItems, appItem{items: items, pos: pos})
				continue
			}
			if s > 0 && toks[s-1].is("connects", "connect", "connecting", "match", "matches", "matching", "pair", "pairs", "share", "shares", "communicate", "compare", "replace", "help", "helps") {
				continue
			}
			items := parseList(toks, start)
			if opens := s == 0 || toks[s-1].kind == tPunct; !strict && opens && len(np) > 0 && looksPlural(np[len(np)-1].low) && len(items) >= 2 && shortItems(items) && fieldLike(items, 0.2) {
				// "Wines with name, winery and vintage": records opening a
				// clause with a list of short names are declared even when
				// the lexicon knows few of the fields.
				m.noteOwner(link, m.declare(np, items, pos, false))
				continue
			}
			m.noteOwner(link, m.declareIf(np, items, pos, strict))
		case hasVerbs[t.low] && i > 0 && !nounBeforeFields(toks, i):
			end := i
			if modals[toks[i-1].low] && i > 1 {
				end = i - 1
			}
			k := i + 1
			if t.is("consist") && k < len(toks) && toks[k].is("of") {
				k++
			}
			items := parseList(toks, k)
			start, np := npBefore(toks, end)
			if len(np) == 0 {
				if subj := clauseSubject(toks, end); subj != nil && (!actorNoun(subj) || peopleRecords(subj, items)) {
					m.declareIf(subj, items, pos, false)
				}
				continue
			}
			start, np, link := m.redirectOwned(toks, start, np, pos)
			if isAppNoun(np) || pronouns[np[0].low] || actorNoun(np) && !peopleRecords(np, items) {
				continue
			}
			if start > 0 && toks[start-1].kind != tPunct && !toks[start-1].is("and", "the", "each", "every", "all", "our", "my", "their", "your", "a", "an", "where", "whose") {
				continue
			}
			m.hasMany(np, items, pos)
			opens := start == 0 || toks[start-1].kind == tPunct || start == 1 && determiners[toks[0].low]
			if opens && len(items) >= 2 && shortItems(items) && fieldLike(items, 0.3) {
				m.noteOwner(link, m.declare(np, items, pos, false))
				continue
			}
			m.noteOwner(link, m.declareIf(np, items, pos, false))
		case t.low == "(":
			s, np := npBefore(toks, i)
			_, np, link := m.redirectOwned(toks, s, np, pos)
			j := closing(toks, i)
			if len(np) == 0 || j >= len(toks) {
				continue
			}
			inner := toks[i+1 : j]
			if len(parenMeaning(inner)) > 0 && !hasComma(inner) {
				i = j
				continue
			}
			items := parseList(inner, 0)
			if head := np[len(np)-1].low; head == "columns" || head == "lanes" || head == "stages" || head == "statuses" || head == "states" {
				m.columns = cleanOptions(optionsFromParen(inner))
				continue
			}
			share := 0.5
			if looksPlural(np[len(np)-1].low) && len(items) >= 2 && shortItems(items) {
				share = 0.3
			}
			if (fieldLike(items, share) || m.lang != "en" && len(items) >= 2 && shortItems(items) && fieldLikeForeign(items, m.lang)) && (len(items) >= 2 || looksPlural(np[len(np)-1].low)) {
				m.noteOwner(link, m.declare(np, items, pos, false))
				i = j
			}
		case t.low == ":" || dashAt(toks, i):
			start, np := npBefore(toks, i)
			if len(np) > 0 && isAppNoun(np) && !properName(np) {
				m.subjectLists = append(m.subjectLists, appItem{items: parseList(toks, i+1), pos: pos})
			}
			if len(np) == 0 || isAppNoun(np) {
				continue
			}
			start, np, link := m.redirectOwned(toks, start, np, pos)
			lead := start > 0 && (toks[start-1].is("each", "every", "track", "log", "record", "store", "manage", "for") || verbBase(toks[start-1].low) != "" || start > 1 && toks[start-1].is("my", "our", "your", "their") && verbBase(toks[start-2].low) != "")
			items := parseList(toks, i+1)
			if len(items) == 0 || len(items[0].toks) > 3 || !shortItems(items) || personNoun(np[len(np)-1].low) || anyNested(items) || items[0].toks[len(items[0].toks)-1].is("with") || containsToken(items[0].toks, "with") {
				continue
			}
			if lead && fieldLike(items, 0.3) || fieldLike(items, 0.6) && len(items) >= 2 {
				m.noteOwner(link, m.declare(np, items, pos, false))
			}
		}
	}
	m.readStates(toks)
}

// nounBeforeFields reports whether a has-verb at i is a plural noun with
// its fields in parentheses: "attendance records (date, present)".
func nounBeforeFields(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i+1].low == "(" && looksPlural(toks[i].low) && toks[i-1].kind == tWord && !modals[toks[i-1].low]
}

// dashAt reports whether toks[i] is a dash between words ("Job tracker —
// company, role, salary"), which introduces a list like a colon.
func dashAt(toks []token, i int) bool {
	return toks[i].low == "-" && i > 0 && i+1 < len(toks) && toks[i-1].kind == tWord && toks[i+1].kind == tWord
}

// subjectBefore finds the noun phrase a "with" list belongs to: the phrase
// just before it, the subject of a passive ("members can be added with"),
// or after a comma the first plural noun of the clause ("books I want to
// read, am reading, or finished, with title, …").
func (m *model) subjectBefore(toks []token, i int) []token {
	_, np := npBefore(toks, i)
	if len(np) > 0 {
		return np
	}
	if i >= 2 && toks[i-1].low == ")" {
		// "subscriptions (Netflix, Spotify) with a monthly cost": the
		// examples in parentheses stand beside the records.
		for o := i - 2; o > 0; o-- {
			if toks[o].low == "(" {
				if _, np = npBefore(toks, o); len(np) > 0 {
					return np
				}
				break
			}
		}
	}
	if i >= 2 && toks[i-1].is("each", "every") && toks[i-2].low == "," {
		_, np = npBefore(toks, i-2) // "many services, each with a date"
		return np
	}
	j := i - 1
	if j >= 1 && verbBase(toks[j].low) != "" && (strings.HasSuffix(toks[j].low, "ed") || strings.HasSuffix(toks[j].low, "en")) && toks[j-1].is("be", "been", "is", "are", "get") {
		j -= 2
		for j >= 0 && modals[toks[j].low] {
			j--
		}
		_, np = npBefore(toks, j+1)
		return np
	}
	if j >= 0 && toks[j].low == "," {
		if _, prev := npBefore(toks, j); !toks[i].is("with") && len(prev) > 0 && !isAppNoun(prev) && verbBase(prev[len(prev)-1].low) == "" && !flagWords[prev[len(prev)-1].low] {
			if _, ok := nounName(prev); ok {
				return prev
			}
		}
		for k := 0; k < j; k++ {
			if toks[k].low == ":" || k == 0 {
				s := k
				if toks[k].low == ":" {
					s = k + 1
				}
				np, _ := npAfter(toks, s)
				if len(np) > 0 && looksPlural(np[len(np)-1].low) && !isAppNoun(np) {
					return np
				}
			}
		}
	}
	return nil
}

// actorNoun reports whether a phrase names people using the app.
func actorNoun(np []token) bool {
	if len(np) != 1 {
		return false
	}
	return np[0].is("users", "user", "visitors", "people", "customers", "players", "staff", "agents", "admins", "administrators", "members", "students", "teachers", "employees", "guests", "clients", "buyers", "sellers", "kids", "children", "owners", "patients", "parents", "travelers", "travellers", "diners", "shoppers", "fans", "attendees", "renters", "tenants", "i", "we", "you", "they")
}

// peopleRecords reports whether people the app serves are also records
// with the fields listed: "clients have a name and an email" declares
// clients, "users have access to reports" does not.
func peopleRecords(np []token, items []item) bool {
	if len(np) != 1 || np[0].is("users", "user", "visitors", "people", "i", "we", "you", "they", "staff") {
		return false
	}
	return len(items) >= 2 && fieldLike(items, 0.6)
}

// nameOf names the record a noun phrase stands for, in the prompt's language.
func (m *model) nameOf(np []token) (string, bool) {
	if m.lang == "en" || m.lang == "" {
		return nounName(np)
	}
	if len(np) == 1 && np[0].low == "measurements" {
		return "", false
	}
	sg, _, ok := m.foreignName(np)
	return sg, ok
}

// fieldLikeForeign reports whether items of another language name fields
// the lexicon knows.
func fieldLikeForeign(items []item, lang string) bool {
	n := 0
	for _, it := range items {
		var ws []string
		for _, t := range it.toks {
			if t.kind == tWord && !determiners[t.low] {
				ws = append(ws, strings.ToLower(t.text))
			}
		}
		if conceptFor(lang, strings.Join(ws, " ")) != "" || len(it.options) > 0 || len(it.paren) > 0 {
			n++
		}
	}
	return n > 0 && n*3 >= len(items)
}

// nestedEntity reports whether a list item declares a record of its own:
// "a gallery of projects (title, year, description)".
func nestedEntity(it item) bool {
	if len(it.paren) == 0 || len(it.toks) == 0 {
		return false
	}
	items := parseList(it.paren, 0)
	last := it.toks[len(it.toks)-1].low
	return len(items) >= 2 && fieldLike(items, 0.5) && looksPlural(last) && !fieldish([]string{last})
}

// nestedEntity is nestedEntity in the prompt's language: in other languages
// a noun followed by two or more short field names in parentheses.
func (m *model) nestedEntity(it item) bool {
	if m.lang == "en" || m.lang == "" {
		return nestedEntity(it)
	}
	if len(it.paren) == 0 || len(it.toks) == 0 {
		return false
	}
	items := parseList(it.paren, 0)
	return len(items) >= 2 && shortItems(items) && (fieldLikeForeign(items, m.lang) || fieldLike(items, 0.5))
}

// groupingList reports whether a list is one grouping noun with its values:
// "a recipe box with categories (breakfast, lunch, dinner)".
func groupingList(items []item) bool {
	if len(items) != 1 || len(items[0].toks) == 0 || len(items[0].paren) == 0 {
		return false
	}
	return groupingNouns[singularWord(items[0].toks[len(items[0].toks)-1].low)]
}

// containsNested reports whether a list holds a record with its own field
// list in parentheses.
func (m *model) containsNested(items []item) bool {
	for _, it := range items {
		if m.nestedEntity(it) {
			return true
		}
	}
	return false
}

func anyNested(items []item) bool {
	for _, it := range items {
		if len(it.paren) > 0 && fieldLike(parseList(it.paren, 0), 0.5) {
			return true
		}
	}
	return false
}

func containsToken(toks []token, w string) bool {
	for _, t := range toks {
		if t.low == w {
			return true
		}
	}
	return false
}

func hasComma(toks []token) bool {
	for _, t := range toks {
		if t.low == "," {
			return true
		}
	}
	return false
}

// shortItems reports whether every item is short enough to be a field name.
func shortItems(items []item) bool {
	for _, it := range items {
		ws := trimNoise(lows(it.toks))
		if len(ws) > 5 && (len(ws) > 8 || ws[0] != "how" && ws[0] != "whether") {
			return false
		}
	}
	return true
}

// fieldLike reports whether at least share of the items are typed fields.
func fieldLike(items []item, share float64) bool {
	if len(items) == 0 {
		return false
	}
	n := 0
	for _, it := range items {
		ws := trimNoise(lows(it.toks))
		if len(ws) == 0 {
			continue
		}
		if fieldish(ws) || fieldish(ws[len(ws)-1:]) || len(it.alt) > 0 || flagWords[ws[len(ws)-1]] || boolItem(it) {
			n++
		}
	}
	return float64(n) >= share*float64(len(items)) && n > 0
}

func boolItem(it item) bool {
	for i := range it.toks {
		if boolMarkerAt(it.toks, i) || it.toks[i].is("flag", "checkbox") {
			return true
		}
	}
	return false
}

// measureHead reports whether a phrase names measurements ("real-time
// data", "air quality metrics").
func measureHead(np []token) bool {
	if len(np) == 0 {
		return false
	}
	return np[len(np)-1].is("data", "metrics", "statistics", "stats", "measurements", "readings", "values", "figures", "indicators", "information")
}

// declareIf declares an entity when the list reads as its fields: strict
// lists ("including", "such as") must be mostly typed fields, others need
// one typed field or a known kind of record. It reports whether it did.
func (m *model) declareIf(np []token, items []item, pos int, strict bool) bool {
	if len(items) == 0 {
		return false
	}
	name, ok := m.nameOf(np)
	if !ok {
		if !strict || !measureHead(np) || !fieldLike(items, 0.6) {
			return false
		}
		name, np = "measurement", []token{{text: "measurements", low: "measurements", kind: tWord}}
		m.assume("Measurements listed in the prompt are recorded with a date.")
		defer func() {
			if e := m.entity("measurement"); e != nil && firstOfType(e, prd.Date) == "" {
				e.fields = append([]fieldDraft{{Field: prd.Field{Name: "date", Type: prd.Date, Required: true}, why: "a date"}}, e.fields...)
			}
		}()
	}
	_, known := nounPriors[or(m.conceptOf(name), name)]
	if m.lang != "en" {
		known = m.conceptOf(name) != ""
		if !fieldLikeForeign(items, m.lang) && !known {
			return false
		}
		return m.declare(np, items, pos, false)
	}
	switch {
	case strict && !fieldLike(items, 0.5):
		return false
	case !strict && !known && !fieldLike(items, 0.34):
		return false
	case !strict && known && !fieldLike(items, 0.2) && !m.refersToEntities(items):
		return false
	case !strict && !fieldLike(items, 0.2):
		m.subRecords(name, items, pos)
		return false
	}
	return m.declare(np, items, pos, false)
}

// subRecords reads "quizzes with questions": the listed things are records
// of their own that belong to the first.
func (m *model) subRecords(parent string, items []item, pos int) {
	p := m.ensureEntity(parent, pos)
	if p == nil {
		return
	}
	for _, it := range items {
		if len(trimNoise(lows(it.toks))) > 3 {
			continue
		}
		if name, ok := nounName(it.toks); ok {
			if _, known := nounPriors[name]; known {
				if c := m.ensureEntity(name, pos+1); c != nil && oneOf(it.toks) {
					m.relate(p.name, c.name, "")
				} else if c != nil {
					m.relate(c.name, p.name, "")
				}
			}
		}
	}
}

// oneOf reports whether an item names a single record ("a doctor"), which
// the record listing it refers to, rather than many that belong to it.
func oneOf(toks []token) bool {
	return len(toks) > 1 && toks[0].is("a", "an", "one", "the") && !looksPlural(toks[len(toks)-1].low)
}

func (m *model) refersToEntities(items []item) bool {
	for _, it := range items {
		if len(trimNoise(lows(it.toks))) > 3 {
			continue
		}
		if name, ok := nounName(it.toks); ok {
			if _, known := nounPriors[name]; known {
				return true
			}
		}
	}
	return false
}

// declare records an entity with the fields listed for it.
func (m *model) declare(np []token, items []item, pos int, _ bool) bool {
	name, ok := m.nameOf(np)
	if !ok {
		return false
	}
	e := m.ensureEntity(name, pos)
	if e == nil {
		return false
	}
	for _, it := range items {
		if m.nestedEntity(it) {
			continue
		}
		f, ok := typeField(it, e.name, m.lang)
		if !ok {
			continue
		}
		if e.addField(f) {
			e.explicit = true
			m.typed = append(m.typed, typedNote{entity: e.name, field: f.Name, why: f.why})
		}
	}
	return true
}

// readStates reads states listed after a record and a pronoun: "books I want
// to read, am reading, or finished" gives a status with those values.
func (m *model) readStates(toks []token) {
	for i := 0; i+2 < len(toks); i++ {
		if !toks[i+1].is("i", "we", "you", "they") || !toks[i].word() {
			continue
		}
		e := m.entity(singularWord(toks[i].low))
		if e == nil {
			continue
		}
		var opts []string
		var cur []string
		flush := func() {
			ws := cur
			for len(ws) > 1 && (ws[0] == "am" || ws[0] == "are" || ws[0] == "have" || ws[0] == "i" || ws[0] == "we" || ws[0] == "i'm" || ws[0] == "i've" || ws[0] == "or" || ws[0] == "and") {
				ws = ws[1:]
			}
			if len(ws) > 0 && len(ws) <= 4 {
				opts = append(opts, strings.Join(ws, " "))
			}
			cur = nil
		}
		for j := i + 2; j < len(toks); j++ {
			t := toks[j]
			if t.is("with") || t.kind == tPunct && t.low != "," {
				break
			}
			if t.low == "," || t.is("or") {
				flush()
				continue
			}
			cur = append(cur, t.low)
		}
		flush()
		if len(opts) >= 2 && e.field("status") == nil {
			opts = cleanOptions(opts)
			e.addField(fieldDraft{Field: prd.Field{Name: "status", Type: prd.Enum, Options: opts}, why: "the states listed in the prompt"})
			m.typed = append(m.typed, typedNote{entity: e.name, field: "status", why: "a choice of " + strings.Join(opts, ", ")})
			e.explicit = true
		}
	}
}

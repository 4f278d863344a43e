package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// readFeatures ties feature phrases in each sentence to entities and fields.
func (m *model) readFeatures() {
	for _, s := range m.d.sentences {
		toks := s.toks
		low := " " + strings.ToLower(s.text) + " "
		e := m.entityIn(toks)
		for i, t := range toks {
			switch {
			case t.is("search", "searching", "searchable", "searches", "lookup"):
				m.readSearch(toks, i, e)
			case t.is("filter", "filtering", "filtered", "filters", "filterable", "narrow"):
				m.readFilter(toks, i, e)
			case t.is("sorted", "sort", "sorting", "sortable", "ordered") || t.is("order") && i+1 < len(toks) && toks[i+1].is("by"):
				m.readSort(toks, i, e)
			case t.is("browse", "browsing", "grouped", "organized", "organised", "categorized", "categorised") && i+2 < len(toks) && toks[i+1].is("by", "into"):
				m.readFilter(toks, i, e)
			case t.is("categories") && i > 0 && toks[i-1].is("different", "by"):
				m.readFilter(toks, i, e)
			case t.is("mark", "marked", "marking", "flag") && e != nil:
				m.readMark(toks, i, e)
			case t.low == "(" && i > 0 && e != nil && choiceHeads[toks[i-1].low]:
				m.readLateChoices(toks, i, e)
			}
		}
		m.readListPhrases(toks, low, e)
		m.readCalc(toks, low, e)
	}
}

// readSearch reads "search recipes by name", "search by title", "a search
// function"; without a field, search covers all text fields.
func (m *model) readSearch(toks []token, i int, e *entityDraft) {
	j := i + 1
	if j < len(toks) && toks[j].is("for", "through", "across", "in") {
		j++
	}
	if named := m.entityAfter(toks, j); named != nil {
		e = named
	}
	if e == nil {
		return
	}
	field := ""
	for k := j; k < len(toks) && k < j+6; k++ {
		if toks[k].kind == tPunct || toks[k].is("and", "or") {
			break
		}
		if toks[k].is("by") {
			ws, _ := phraseAfter(toks, k+1, 3)
			field = m.resolveField(e, ws)
			break
		}
	}
	if field != "" && !isTextual(e, field) {
		field = ""
	}
	m.addFeature(prd.Feature{Kind: prd.FeatureSearch, Entity: e.name, Field: field, Label: "Search " + e.plural})
}

// entityAfter finds the entity a verb acts on: the last one named before the
// next full verb or the end of the clause ("searching, filtering, and
// booking apartments" -> apartment).
func (m *model) entityAfter(toks []token, j int) *entityDraft {
	var found *entityDraft
	for k := j; k < len(toks) && k < j+8; k++ {
		t := toks[k]
		if t.is("by", "on", "with", "to") || t.kind == tPunct && t.low != "," || k > j && isVerbAt(toks, k) && !strings.HasSuffix(t.low, "ing") {
			break
		}
		if e := m.entityNamedIn(toks[k:min(len(toks), k+1)]); e != nil {
			found = e
		} else if k+1 < len(toks) {
			if e := m.entityNamedIn(toks[k : k+2]); e != nil && len(strings.Fields(e.name)) > 1 {
				found = e
			}
		}
	}
	return found
}

func isTextual(e *entityDraft, field string) bool {
	f := e.field(field)
	return f != nil && (f.Type == prd.Text || f.Type == prd.LongText || f.Type == prd.Tags || f.Type == prd.Email || f.Type == prd.Enum)
}

// readFilter reads "filter books by availability", "filter by city and max
// price", "tag filter", "browse posts by category".
func (m *model) readFilter(toks []token, i int, e *entityDraft) {
	if named := m.entityNamedIn(toks[i:min(len(toks), i+4)]); named != nil {
		e = named
	}
	if e == nil {
		return
	}
	added := false
	if i > 0 && toks[i].is("filter", "filters") {
		ws, _ := phraseBefore(toks, i, 2)
		if f := m.resolveField(e, ws); f != "" {
			m.addFilter(e, f, ws)
			added = true
		}
	}
	for k := i + 1; k < len(toks) && k < i+6; k++ {
		if !toks[k].is("by", "on", "based", "using") {
			continue
		}
		if toks[k].is("based") && k+1 < len(toks) && toks[k+1].is("on") {
			k++
		}
		for p := k + 1; p < len(toks); {
			ws, next := phraseAfter(toks, p, 3)
			if f := m.resolveField(e, ws); f != "" {
				m.addFilter(e, f, ws)
				added = true
			}
			if next < len(toks) && (toks[next].low == "," || toks[next].is("and", "or")) {
				p = next + 1
				continue
			}
			break
		}
		break
	}
	if !added {
		if f := defaultFilterField(e); f != "" {
			m.addFilter(e, f, nil)
			m.assume("Filtering %s uses %q.", e.plural, f)
		}
	}
}

func (m *model) addFilter(e *entityDraft, field string, ws []string) {
	ft := prd.Feature{Kind: prd.FeatureFilter, Entity: e.name, Field: field, Label: "Filter by " + field}
	if len(ws) > 0 {
		switch ws[0] {
		case "max", "maximum":
			ft.Compare, ft.Label = "le", "Maximum "+field
		case "min", "minimum":
			ft.Compare, ft.Label = "ge", "Minimum "+field
		}
	}
	m.addFeature(ft)
}

// defaultFilterField is the field a bare "filter" most likely means: a
// choice, a yes/no, a category or tags.
func defaultFilterField(e *entityDraft) string {
	if f := firstOfType(e, prd.Enum, prd.Boolean); f != "" {
		return f
	}
	for _, f := range e.fields {
		if containsWord(f.Name, "category") || containsWord(f.Name, "type") || containsWord(f.Name, "genre") || containsWord(f.Name, "city") {
			return f.Name
		}
	}
	return firstOfType(e, prd.Tags)
}

func phraseBefore(toks []token, i, n int) ([]string, int) {
	j := i
	for j > 0 && i-j < n && toks[j-1].word() && !determiners[toks[j-1].low] && !prepositions[toks[j-1].low] && !conjunctions[toks[j-1].low] && !isVerbAt(toks, j-1) {
		j--
	}
	return lows(toks[j:i]), j
}

// readSort reads "sorted by date", "sort by price", "ordered by rating".
func (m *model) readSort(toks []token, i int, e *entityDraft) {
	if named := m.entityNamedIn(toks[max(0, i-3):min(len(toks), i+4)]); named != nil {
		e = named
	}
	if e == nil {
		return
	}
	for k := i + 1; k < len(toks) && k < i+5; k++ {
		if !toks[k].is("by") {
			continue
		}
		for p := k + 1; p < len(toks); {
			ws, next := phraseAfter(toks, p, 3)
			if f := m.resolveField(e, ws); f != "" {
				m.addFeature(prd.Feature{Kind: prd.FeatureSort, Entity: e.name, Field: f, Order: sortOrder(e, f, toks), Label: "Sort by " + f})
			}
			if next < len(toks) && (toks[next].low == "," || toks[next].is("and", "or", "then")) {
				p = next + 1
				continue
			}
			break
		}
		return
	}
	if f := firstOfType(e, prd.Date); f != "" {
		m.addFeature(prd.Feature{Kind: prd.FeatureSort, Entity: e.name, Field: f, Order: sortOrder(e, f, toks), Label: "Sort by " + f})
	}
}

// upcoming are records whose dates lie ahead: the soonest comes first.
var upcoming = set("appointment", "event", "booking", "reservation", "task", "card", "session", "shift", "class", "workshop", "trip", "flight", "ticket", "assignment", "deadline", "contest", "tour", "match")

func sortOrder(e *entityDraft, field string, toks []token) string {
	text := " " + strings.Join(lows(toks), " ") + " "
	switch {
	case strings.Contains(text, " descending") || strings.Contains(text, " newest") || strings.Contains(text, " latest") || strings.Contains(text, " highest") || strings.Contains(text, " most ") || strings.Contains(text, " recent"):
		return "desc"
	case strings.Contains(text, " ascending") || strings.Contains(text, " oldest") || strings.Contains(text, " lowest") || strings.Contains(text, " cheapest") || strings.Contains(text, " earliest") || strings.Contains(text, " soonest"):
		return "asc"
	}
	f := e.field(field)
	if f == nil {
		return "asc"
	}
	switch f.Type {
	case prd.Date, prd.Time:
		if upcoming[e.name] || strings.Contains(f.Name, "due") {
			return "asc"
		}
		return "desc"
	case prd.Rating, prd.Boolean:
		return "desc"
	case prd.Number:
		if strings.Contains(f.Name, "score") || strings.Contains(f.Name, "points") || strings.Contains(f.Name, "votes") {
			return "desc"
		}
	}
	return "asc"
}

// readListPhrases reads features named by phrases rather than verbs: detail
// pages, favourites, pinning, check-ins, streaks, kanban boards.
func (m *model) readListPhrases(toks []token, low string, e *entityDraft) {
	if e == nil {
		return
	}
	has := func(ps ...string) bool {
		for _, p := range ps {
			if strings.Contains(low, p) {
				return true
			}
		}
		return false
	}
	if has("page for each", "page for every", "page per ", "detail page", "details page", "detail view", "own page", "dedicated page", "individual page", "view details", "view detailed", "detailed information", "property details", "product details", "course details", "details of each", "full details", "profile page", "click on a", "click a ", "open a ", "open articles", "open artical", "view the details", "see details", "view detail") {
		target := e
		for i, t := range toks {
			if t.is("each", "every", "per", "a", "the") && i > 0 && (toks[i-1].is("for") || t.is("per")) {
				if named := m.entityNamedIn(toks[i+1 : min(len(toks), i+3)]); named != nil {
					target = named
				}
			}
		}
		if named := m.entityNamedIn(detailTarget(toks)); named != nil {
			target = named
		}
		m.addFeature(prd.Feature{Kind: prd.FeatureDetail, Entity: target.name, Label: capital(target.name) + " details"})
	}
	if has("favorite", "favourite", "bookmark", "wishlist", "wish list", " star ", "starred", "save for later", "collect favorite", " collection", "shortlist", "like button", "saved items", "saved list") && !has("data collection", "collection of") {
		m.addFeature(prd.Feature{Kind: prd.FeatureFavorite, Entity: e.name, Label: "Favourites"})
	}
	if has("pinned", " pin ", " pin,") {
		f := m.ensureFlag(e, "pinned")
		m.addFeature(prd.Feature{Kind: prd.FeaturePinned, Entity: e.name, Field: f, Label: "Pinned first"})
		if has("first", "top") {
			m.addFeature(prd.Feature{Kind: prd.FeatureSort, Entity: e.name, Field: f, Order: "desc", Label: "Pinned first"})
		}
	}
	if has("check them off", "check it off", "check off", "checked off", "check-in", "check in ", "mark them done each", "mark as done each", "tick off", "daily check") && !has("check-in date", "check in date") && e.field("check-in") == nil && e.field("check in") == nil {
		if daily := has("each day", "every day", "daily", "per day", "streak", "habit", "check-in", "check in ", "each morning", "every morning"); daily {
			m.addFeature(prd.Feature{Kind: prd.FeatureCheckIn, Entity: e.name, Label: "Done today"})
		} else if firstOfType(e, prd.Boolean) == "" {
			flag := "done" // a list checked off once: groceries, packing
			for _, w := range []string{"bought", "packed", "purchased", "collected", "visited", "watched", "read", "completed"} {
				if has(" " + w + " ") {
					flag = w
					break
				}
			}
			m.ensureFlag(e, flag)
		}
	}
	if has("streak") {
		m.addFeature(prd.Feature{Kind: prd.FeatureCheckIn, Entity: e.name, Label: "Done today"})
		m.addFeature(prd.Feature{Kind: prd.FeatureStreak, Entity: e.name, Label: "Current streak"})
	}
	if has("mark them done", "mark it done", "mark them as done", "mark as done", "mark tasks as completed", "marking tasks as completed", "mark as complete", "mark them complete", "mark complete", "as completed", "mark them finished", "tick them") {
		if firstOfType(e, prd.Boolean) == "" || e.field("done") == nil && e.field("completed") == nil {
			m.ensureFlag(e, "done")
		}
	}
	if has("kanban", "columns", "drag and drop", "drag-and-drop", "moved between", "move between", "move cards", "swimlane", "change status", "change the status", "status workflow") {
		m.readBoard(low, e)
	}
	if has(" menu") {
		for _, cand := range m.entities {
			if f := cand.field("category"); f != nil && (f.Type == prd.Enum || f.Type == prd.Text) {
				m.addFeature(prd.Feature{Kind: prd.FeatureFilter, Entity: cand.name, Field: "category", Label: "Menu by category"})
			}
		}
	}
	if has("newsletter", "mailing list", "subscribe to updates", "email signup", "email sign-up", "sign up for updates", "waitlist", "wait list", "subscribe for updates", "subscribe to our") {
		m.addFeature(prd.Feature{Kind: prd.FeatureNewsletter, Label: "Newsletter"})
		m.signup = true
	}
	if has("contact form", "contact us", "contact page", "get in touch", "contact the ", "contact information", "contact info", "contact details", "reach out", "send a message", "send us a message", "inquiry form", "enquiry form") {
		m.addFeature(prd.Feature{Kind: prd.FeatureContact, Label: "Contact"})
	}
}

// detailTarget returns the words after "view"/"open" in a detail phrase.
func detailTarget(toks []token) []token {
	for i, t := range toks {
		if t.is("view", "open", "see") && i+1 < len(toks) {
			return toks[i+1 : min(len(toks), i+4)]
		}
	}
	return nil
}

// ensureFlag returns the yes/no field named like name, adding it if needed.
// choiceHeads name fields whose values a prompt may list in passing.
var choiceHeads = set("status", "stage", "state", "priority", "severity", "level", "type", "category")

// readLateChoices reads a field named with its values outside a field list:
// "reviewers can change the status (submitted, accepted, rejected)".
func (m *model) readLateChoices(toks []token, i int, e *entityDraft) {
	name := toks[i-1].low
	opts := cleanOptions(optionsFromParen(toks[i+1 : closing(toks, i)]))
	if len(opts) < 2 || len(opts) > 12 {
		return
	}
	for _, f := range e.fields {
		if strings.HasSuffix(f.Name, " "+name) && f.Type == prd.Enum {
			return // "a pet type (dog, cat)" was read with the fields
		}
	}
	if f := e.field(name); f != nil {
		if f.Type == prd.Enum || f.Type == prd.Text {
			f.Type, f.Options = prd.Enum, opts
		}
		return
	}
	e.addField(fieldDraft{Field: prd.Field{Name: name, Type: prd.Enum, Options: opts}, why: "a choice of " + strings.Join(opts, ", ")})
	m.assume("%s: added a %s field with the values the prompt lists.", capital(e.name), name)
}

// readMark reads "mark as claimed", "mark them as sold", "mark an item
// returned": a yes/no field named by the state.
func (m *model) readMark(toks []token, i int, e *entityDraft) {
	j := i + 1
	for j < len(toks) && j <= i+3 && (determiners[toks[j].low] || pronouns[toks[j].low] || toks[j].is("as", "it", "them", "one", "each") || m.entityByWords([]string{toks[j].low}) != nil) {
		j++
	}
	if j >= len(toks) || toks[j].kind != tWord || !participle(toks[j].low) && !flagWords[toks[j].low] {
		return
	}
	if j+1 < len(toks) && toks[j+1].kind == tWord && !toks[j+1].is("and", "or", "when", "if", "once", "after") {
		return // "mark completed tasks …": a phrase, not a state
	}
	if toks[j].is("done", "complete", "completed", "finished") {
		return // read with the done flags
	}
	m.ensureFlag(e, toks[j].low)
}

func (m *model) ensureFlag(e *entityDraft, name string) string {
	if f := m.resolveField(e, []string{name}); f != "" {
		if fd := e.field(f); fd != nil && fd.Type == prd.Boolean {
			return f
		}
	}
	if e.field(name) == nil {
		e.addField(fieldDraft{Field: prd.Field{Name: name, Type: prd.Boolean}, why: "yes/no"})
		m.assume("%s: added a %q yes/no field.", capital(e.name), name)
	}
	return name
}

// readBoard makes a kanban board over a status field whose values are the
// board's columns.
func (m *model) readBoard(low string, e *entityDraft) {
	if firstOfType(e, prd.Enum) == "" && len(m.columns) < 2 {
		for _, other := range m.entities {
			if other.field("status") != nil || other.field("stage") != nil {
				e = other
				break
			}
		}
	}
	field := ""
	for _, f := range e.fields {
		if f.Type == prd.Enum && (containsWord(f.Name, "status") || containsWord(f.Name, "stage") || containsWord(f.Name, "state") || containsWord(f.Name, "column")) {
			field = f.Name
		}
	}
	if len(m.columns) >= 2 {
		if fd := e.field("status"); fd != nil {
			fd.Type, fd.Options = prd.Enum, m.columns
		} else {
			e.addField(fieldDraft{Field: prd.Field{Name: "status", Type: prd.Enum, Options: m.columns}, why: "the board's columns"})
			m.assume("%s: the board's columns (%s) are the values of a %q field.", capital(e.name), strings.Join(m.columns, ", "), "status")
		}
		field = "status"
	}
	if field == "" {
		if !strings.Contains(low, "kanban") && !strings.Contains(low, "column") {
			return
		}
		opts := optionsFor(e.name)
		e.addField(fieldDraft{Field: prd.Field{Name: "status", Type: prd.Enum, Options: opts}, why: "board columns"})
		m.assume("%s: the board has the columns %s.", capital(e.name), strings.Join(opts, ", "))
		field = "status"
	}
	m.addFeature(prd.Feature{Kind: prd.FeatureBoard, Entity: e.name, Field: field, Label: "Board"})
}

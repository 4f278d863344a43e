package architect

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/nexusgen/nexusgen/internal/prd"
)

var nameTriggers = set("called", "named", "titled", "entitled", "brand", "branded")

// explicitName finds a name the prompt gives the app: a quoted or
// capitalised name after "called", "named" or "for", or a capitalised name
// after "promoting".
func (m *model) explicitName() (string, bool) {
	for _, s := range m.d.sentences {
		toks := s.toks
		for i := 0; i+1 < len(toks); i++ {
			t := toks[i]
			after := toks[i+1]
			switch {
			case nameTriggers[t.low] && after.kind == tQuote:
				return cleanName(after.text), true
			case nameTriggers[t.low]:
				if n := capitalRun(toks, i+1, 1); n != "" {
					return n, true
				}
			case t.is("for", "promoting", "about", "at") && after.kind == tQuote && i > 0:
				return cleanName(after.text), true
			case t.is("for", "promoting") && i > 0:
				if n := capitalRun(toks, i+1, 2); n != "" {
					return n, true
				}
			}
		}
	}
	return "", false
}

// capitalRun reads a run of capitalised words ("The All-In Bourbon Bar",
// "Global Institute of Information Security") of at least minWords words.
func capitalRun(toks []token, i, minWords int) string {
	var ws []string
	lead := i
	if i < len(toks) && toks[i].is("the") {
		i++
	}
	caps := 0
	for j := i; j < len(toks); j++ {
		t := toks[j]
		if t.kind != tWord && t.kind != tNum {
			break
		}
		r := []rune(t.text)
		upper := unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])
		// A small word between capitalised ones: "Bank of America".
		joins := t.is("of", "and", "&", "de", "the", "for") && caps > 0 && j+1 < len(toks) && len(toks[j+1].text) > 0 && unicode.IsUpper([]rune(toks[j+1].text)[0])
		if !upper && !joins {
			break
		}
		if upper {
			caps++
		}
		ws = append(ws, t.text)
		if len(ws) > 6 {
			return ""
		}
	}
	if caps < minWords || caps == 0 {
		return ""
	}
	if lead < len(toks) && toks[lead].text == "The" {
		ws = append([]string{"The"}, ws...)
	}
	return cleanName(strings.Join(ws, " "))
}

func cleanName(s string) string {
	s = strings.TrimSpace(strings.Trim(s, "\"'.,:;!?"))
	return clip(s, 60)
}

// genericHeads name the app's medium; a name keeps them out ("recipe
// sharing site" -> "Recipe Sharing").
var genericHeads = set("app", "apps", "application", "website", "site", "web", "webpage", "platform", "mini-program", "program", "software", "solution", "interface", "page")

var nameNoise = set("a", "an", "the", "simple", "tiny", "small", "personal", "modern", "advanced",
	"comprehensive", "minimalistic", "minimal", "high-performance", "smart", "online", "web-based",
	"cross-platform", "mobile", "basic", "little", "quick", "new", "complete", "full", "fully",
	"functional", "responsive", "text-based", "browser", "web", "based", "real-time", "beautiful",
	"nice", "clean", "cool", "my", "our", "your", "own", "multi-page", "single", "one-page", "one",
	"please", "implement", "build", "create", "make", "develop", "design", "i", "want", "need",
	"nonprofit", "non-profit", "self-hosted", "interactive", "dynamic", "custom", "professional")

// niceNames are good app names for a main entity when the prompt only says
// "an app" or "a site".
var niceNames = map[string]string{
	"task": "To-Do List", "recipe": "Recipe Box", "note": "Notebook", "plant": "Plant Care",
	"habit": "Habit Tracker", "expense": "Expense Tracker", "book": "Bookshelf", "workout": "Workout Log",
	"post": "Blog", "project": "Portfolio", "property": "Home Finder", "job": "Job Board",
	"quiz": "Quiz Maker", "donation": "Donation Tracker", "movie": "Watchlist", "card": "Kanban Board",
	"link": "Link Tree",
}

// deriveName builds a name from how the prompt describes the app: its own
// noun phrase ("Habit Tracker", "Library Catalog"), its purpose ("Stock
// Reports"), or the main record ("Recipe Box").
func (m *model) deriveName() string {
	kind := m.kindWords
	head := ""
	if len(kind) > 0 {
		head = kind[len(kind)-1]
	}
	var mods []string
	for _, w := range kind {
		if !nameNoise[w] {
			mods = append(mods, w)
		}
	}
	main := m.main()
	name := m.nameFrom(mods, head, main)
	ws := strings.Fields(name)
	if len(ws) == 1 && main != nil && (singularWord(strings.ToLower(ws[0])) == main.name || strings.ToLower(ws[0]) == main.plural) {
		if n, ok := niceNames[main.name]; ok {
			return n
		}
		return titleName(main.plural)
	}
	if len(ws) == 1 && main != nil && upperWords[strings.ToLower(ws[0])] == "" && !appNouns[strings.ToLower(ws[0])] && nounPriors[singularWord(strings.ToLower(ws[0]))] == nil && nounAliases[strings.ToLower(ws[0])] == "" {
		if m.purpose != "" && len(strings.Fields(m.purpose)) <= 3 {
			return titleName(m.purpose + " " + ws[0])
		}
		return titleName(ws[0] + " " + main.plural)
	}
	return name
}

func (m *model) nameFrom(mods []string, head string, main *entityDraft) string {
	bare := true
	for _, w := range mods {
		if !genericHeads[w] {
			bare = false
		}
	}
	if bare && main != nil && m.purpose != "" && strings.Contains(" "+m.purpose+" ", " "+main.plural+" ") {
		if n, ok := niceNames[main.name]; ok {
			return n
		}
	}
	switch {
	case len(mods) == 0 && m.purpose != "":
		return titleName(m.purpose)
	case len(mods) == 0 && main != nil:
		if n, ok := niceNames[main.name]; ok {
			return n
		}
		return titleName(main.plural)
	case len(mods) == 0:
		return "My App"
	}
	if genericHeads[head] {
		mods = mods[:len(mods)-1]
		for len(mods) > 0 && genericHeads[mods[len(mods)-1]] {
			mods = mods[:len(mods)-1]
		}
		if len(mods) == 0 || len(mods) == 1 && appNouns[mods[0]] && m.purpose != "" {
			if m.purpose != "" {
				return titleName(strings.Join(append(strings.Fields(m.purpose), mods...), " "))
			}
			if main != nil {
				if n, ok := niceNames[main.name]; ok {
					return n
				}
				return titleName(main.plural)
			}
		}
		if main != nil && (len(mods) == 1 || len(mods) == 2 && (processWords[mods[1]] || strings.HasSuffix(mods[1], "ing"))) && (singularWord(mods[0]) == main.name || nounAliases[mods[0]] == main.name) {
			if n, ok := niceNames[main.name]; ok {
				return n
			}
		}
	}
	if len(mods) == 1 && m.forWhom != "" && appNouns[mods[0]] {
		return titleName(m.forWhom + " " + mods[0])
	}
	limit := 4
	for _, w := range mods {
		if w == "and" || w == "of" {
			limit = 5
		}
	}
	if len(mods) > limit {
		mods = mods[len(mods)-limit:]
	}
	for len(mods) > 1 && minorWords[mods[0]] {
		mods = mods[1:]
	}
	return titleName(strings.Join(mods, " "))
}

var minorWords = set("of", "and", "the", "for", "a", "an", "in", "on", "to", "&")

var upperWords = map[string]string{"crm": "CRM", "faq": "FAQ", "q&a": "Q&A", "cv": "CV", "html": "HTML", "sms": "SMS", "dmv": "DMV", "saas": "SaaS", "ai": "AI", "api": "API", "hr": "HR", "it": "IT", "erp": "ERP", "seo": "SEO", "aqi": "AQI", "pdf": "PDF", "diy": "DIY", "ui": "UI", "2048": "2048", "rsvp": "RSVP", "rsvps": "RSVPs", "bmi": "BMI", "roi": "ROI", "kpi": "KPI", "kpis": "KPIs", "okr": "OKR", "okrs": "OKRs", "vat": "VAT", "gpa": "GPA", "sku": "SKU", "url": "URL", "usd": "USD", "nft": "NFT", "ev": "EV", "pto": "PTO", "ceo": "CEO", "b2b": "B2B"}

// titleName capitalises a name for display: "wheel of fortune" ->
// "Wheel of Fortune", "to-do list" -> "To-Do List".
func titleName(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		lw := strings.ToLower(w)
		if u, ok := upperWords[lw]; ok {
			ws[i] = u
			continue
		}
		if i > 0 && minorWords[lw] {
			ws[i] = lw
			continue
		}
		parts := strings.Split(w, "-")
		for k, p := range parts {
			if p != "" {
				parts[k] = prd.Title(p)
				if strings.Contains(p, "'") {
					parts[k] = strings.ToUpper(p[:1]) + p[1:]
				}
			}
		}
		ws[i] = strings.Join(parts, "-")
	}
	return clip(strings.Join(ws, " "), 80)
}

var buildVerbs = set("implement", "build", "create", "make", "develop", "design", "write", "code", "generate", "want", "need", "set")

// readKind finds the prompt's own description of the app: the object of
// "build"/"implement", or the opening noun phrase ("Habit tracker: …"), and
// what it is for ("for generating stock reports", "for a teacher").
func (m *model) readKind() {
	if len(m.d.sentences) == 0 {
		return
	}
	toks := m.d.sentences[0].toks
	start := 0
	for i, t := range toks {
		if i > 4 {
			break
		}
		if t.is("help") && i == start && i+1 < len(toks) && toks[i+1].is("me", "us") {
			start = i + 2
			continue
		}
		if t.is("please") || buildVerbs[t.low] && (i == start || toks[i-1].is("to", "please", "i", "we", "me", "you")) || t.is("to", "i", "we", "me", "you") && i == start {
			start = i + 1
		}
	}
	// "I run a small dog-walking business": the business names the app.
	if start < len(toks) && start > 0 && toks[start].is("run", "own", "manage", "operate", "sell", "teach", "coach", "organise", "organize", "host", "have") {
		start++
	}
	// "Keep track of my books", "Track my running shoes: …" (an imperative
	// opening the prompt, so written with a capital): the object names it.
	switch {
	case matchAt(toks, start, []string{"keep", "track", "of"}) || matchAt(toks, start, []string{"keep", "tabs", "on"}):
		start += 3
	case start < len(toks) && start+1 < len(toks) && toks[start].is("track", "log", "add", "manage", "record", "organise", "organize", "store", "collect", "catalog", "catalogue", "plan") && toks[start].text != strings.ToLower(toks[start].text) && !appNouns[toks[start+1].low]:
		start++
	}
	kindEnd := start
	var kind []string
	for j := start; j < len(toks) && j < start+10; j++ {
		t := toks[j]
		if t.kind != tWord && t.kind != tNum {
			break
		}
		if t.is("of") && j+1 < len(toks) && len(kind) > 0 && !appNouns[kind[len(kind)-1]] {
			kind = append(kind, "of")
			continue
		}
		if t.is("for", "where", "that", "which", "to", "with", "called", "named", "in", "on", "who", "so", "by", "from", "at") || t.is("and") && len(kind) > 0 && (appNouns[kind[len(kind)-1]] || j+1 < len(toks) && (pronouns[toks[j+1].low] || strings.HasPrefix(toks[j+1].low, "i'") || toks[j+1].is("when", "what", "where", "how", "which", "who", "whether", "if"))) {
			break
		}
		if determiners[t.low] && len(kind) == 0 {
			continue
		}
		if len(kind) > 0 && clauseVerb(toks, j, kind) {
			return // the prompt opens with a clause about records or people, not with the app
		}
		kind = append(kind, t.low)
		kindEnd = j + 1
	}
	for len(kind) > 0 && kind[len(kind)-1] == "of" {
		kind = kind[:len(kind)-1]
	}
	m.kindWords = kind
	for j := kindEnd; j+1 < len(toks); j++ {
		if !toks[j].is("for", "to", "that", "which") {
			continue
		}
		k := j + 1
		for k+1 < len(toks) && adverbs[toks[k].low] {
			k++
		}
		for k+2 < len(toks) && verbBase(toks[k].low) != "" && toks[k+1].is("and", "or") && verbBase(toks[k+2].low) != "" {
			k += 2
		}
		if verb := verbBase(toks[k].low); verb != "" && (strings.HasSuffix(toks[k].low, "ing") || !toks[j].is("for")) && (!nounOnlyIng[toks[k].low] || k+1 < len(toks) && toks[k+1].word() && !prepositions[toks[k+1].low]) {
			np, _ := npAfter(toks, k+1)
			if len(np) > 0 && !stopNouns[np[len(np)-1].low] {
				m.purpose = strings.ToLower(words(np))
			}
			break
		}
		np, _ := npAfter(toks, k)
		if len(np) > 0 && !properName(np) {
			phrase := strings.ToLower(words(np))
			last := np[len(np)-1].low
			if personNoun(last) {
				m.forWhom = phrase
			} else if !stopNouns[last] || appNouns[last] {
				m.purpose = phrase
				m.owner = phrase
			}
		}
		break
	}
	m.kindEntity = kindEntity(kind)
}

// clauseVerb reports whether toks[j] is the verb of a clause whose subject
// is kind: "rentals have days", "volunteers sign up", "patients book".
func clauseVerb(toks []token, j int, kind []string) bool {
	t := toks[j]
	switch {
	case hasVerbs[t.low] && !nounVerbs[t.low] && !t.is("lists", "records"), modals[t.low], t.is("belong", "belongs"):
		return true
	case strings.HasSuffix(t.low, "s") && verbBase(t.low) != "" && verbBase(t.low) != t.low && !nounVerbs[verbBase(t.low)]:
		return true
	}
	return isVerbAt(toks, j) && looksPlural(kind[len(kind)-1])
}

// processWords end a description of what an app does ("recipe sharing",
// "appointment booking"); the record is the word before them.
var processWords = set("booking", "bookings", "management", "tracking", "sharing", "logging", "listing", "listings", "mapping", "publishing", "leasing", "rental", "simulation", "recruitment", "analytics", "manufacturing", "learning", "sending", "generation", "traceability", "reporting", "planning", "scheduling")

// kindEntity is the record the app's own description names: "polls
// website" -> poll, "recipe sharing site" -> recipe.
func kindEntity(kind []string) string {
	for k := 0; k+1 < len(kind); k++ {
		if a, ok := nounAliases[kind[k]+" "+kind[k+1]]; ok && genericHeads[kind[k+1]] {
			return a // "job application tracker": the application is the record
		}
	}
	var mods []string
	for _, w := range kind {
		if !nameNoise[w] && !genericHeads[w] {
			mods = append(mods, w)
		}
	}
	for k := 0; k < len(mods); k++ {
		if a, ok := nounAliases[strings.Join(mods[k:], " ")]; ok {
			return a
		}
	}
	for len(mods) > 0 && (appNouns[mods[len(mods)-1]] || processWords[mods[len(mods)-1]] || strings.HasSuffix(mods[len(mods)-1], "ing")) {
		mods = mods[:len(mods)-1]
	}
	for k := 0; k < len(mods); k++ {
		phrase := strings.Join(mods[k:], " ")
		if a, ok := nounAliases[phrase]; ok {
			return a
		}
		sg := singularOf(phrase, "en")
		if a, ok := nounAliases[sg]; ok {
			return a
		}
		if _, ok := nounPriors[sg]; ok && k == 0 && sg != "service" && sg != "resource" && sg != "group" {
			return sg
		}
	}
	return ""
}

var people = set("freelancer", "freelancers", "teacher", "teachers", "photographer", "designer",
	"developer", "developers", "artist", "writer", "student", "students", "women", "men", "kids",
	"children", "families", "parents", "engineers", "engineer", "team", "teams", "nonprofit",
	"coach", "coaches", "tutor", "therapist", "doctor", "doctors", "nurses", "musician", "band",
	"chef", "landlord", "landlords", "runners", "gardeners", "readers", "employees", "managers",
	"volunteers", "members", "customers", "businesses", "startups", "agencies", "professionals",
	"researchers", "athletes", "players", "gamers", "travelers", "travellers", "seniors", "adults")

func personNoun(w string) bool { return people[w] }

// audience says who the app is for, from "for a teacher", the people the
// prompt says use it, or the kind of app.
func (m *model) audience() string {
	if f, ok := localTitles[m.lang]["audience"]; ok {
		return clip(fmt.Sprintf(f, m.appName), 500)
	}
	if m.forWhom != "" {
		return clip(capital(withArticle(m.forWhom)), 500)
	}
	actors := map[string]bool{}
	var order []string
	for _, s := range m.d.sentences {
		for i, t := range s.toks {
			if !t.is("users", "visitors", "customers", "staff", "players", "students", "members", "agents", "admins", "administrators", "employees", "teachers", "buyers", "sellers", "kids", "children", "guests", "clients", "companies", "advertisers", "coaches", "drivers", "athletes", "readers", "authors", "donors", "volunteers", "managers", "people") {
				continue
			}
			if i+1 < len(s.toks) && (modals[s.toks[i+1].low] || verbBase(s.toks[i+1].low) != "") {
				if !actors[t.low] {
					actors[t.low] = true
					order = append(order, t.low)
				}
			}
		}
	}
	if len(order) == 0 && m.personal() {
		if main := m.main(); main != nil {
			return "One person keeping track of their own " + main.plural
		}
	}
	if len(order) > 0 {
		if len(order) > 3 {
			order = order[:3]
		}
		return clip(capital(joinAnd(order)), 500)
	}
	switch m.archetype {
	case "landing":
		return "Prospective customers of " + m.appName
	case "portfolio":
		return "Prospective clients, employers and collaborators"
	case "brochure":
		return "Prospective customers looking for information and a way to get in touch"
	case "tracker", "todo":
		return "One person keeping their own records"
	}
	return "People who use " + m.appName
}

// personal reports whether the prompt speaks of the user's own records.
func (m *model) personal() bool {
	low := " " + strings.ToLower(m.d.raw) + " "
	return strings.Contains(low, " my ") || strings.Contains(low, " i ") || strings.Contains(low, "personal ")
}

func withArticle(s string) string {
	if strings.HasPrefix(s, "a ") || strings.HasPrefix(s, "an ") || looksPlural(lastWordOf(s)) {
		return s
	}
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

func lastWordOf(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func joinAnd(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

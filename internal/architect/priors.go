package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// priorFields returns the usual fields of a kind of record, typed by the
// same lexicon as fields the user lists, and the name of the title field.
func priorFields(name, text string) ([]fieldDraft, string, bool) {
	variants, ok := nounPriors[name]
	if !ok {
		return nil, "", false
	}
	spec := variants[len(variants)-1].fields
	for _, v := range variants {
		if v.when != "" && containsAnyWord(text, strings.Fields(v.when)) {
			spec = v.fields
			break
		}
	}
	fields, display := parseSpec(spec, name)
	return fields, display, true
}

// parseSpec reads "title!; due date; stage: lead, won, lost" into fields.
func parseSpec(spec, entity string) ([]fieldDraft, string) {
	var out []fieldDraft
	display := ""
	for _, part := range strings.Split(spec, ";") {
		part = strings.TrimSpace(part)
		title := strings.HasSuffix(part, "!")
		part = strings.TrimSuffix(part, "!")
		toks := tokenise(part)
		items := parseList(toks, 0)
		if len(items) == 0 {
			continue
		}
		it := items[0]
		if len(items) > 1 && strings.Contains(part, ":") {
			it = item{toks: it.toks, options: it.options}
		}
		f, ok := typeField(it, entity, "en")
		if !ok {
			continue
		}
		if title {
			display = f.Name
			f.Required = true
		}
		out = append(out, f)
	}
	return out, display
}

// containsAnyWord reports whether text has one of the words as a whole word.
func containsAnyWord(text string, ws []string) bool {
	low := " " + strings.ToLower(text) + " "
	low = strings.NewReplacer(",", " ", ".", " ", ":", " ", ";", " ", "(", " ", ")", " ", "!", " ", "?", " ", "\"", " ").Replace(low)
	for _, w := range ws {
		if strings.Contains(low, " "+w+" ") || strings.Contains(low, " "+w+"s ") {
			return true
		}
	}
	return false
}

// selfTitled are records whose own text is what they are: a question
// without its question is no question.
var selfTitled = set("question", "comment", "reply", "answer", "message", "review", "poll", "word", "flashcard", "quote", "testimonial", "faq")

// fillFromPriors gives entities without listed fields their usual fields,
// and adds the title of self-titled records when the user left it out.
func (m *model) fillFromPriors() {
	for _, e := range m.entities {
		if m.lang != "en" {
			if len(e.fields) == 0 && !m.translatePriors(e) {
				e.fields = []fieldDraft{{Field: prd.Field{Name: or(tables.fieldsEN[m.lang]["name"], "name"), Ident: "name", Type: prd.Text, Required: true}, why: "text"}}
			}
			if len(e.fields) > 0 && !e.explicit {
				m.assume("%s: no fields were listed, so it has the usual ones (%s).", capital(e.name), fieldList(e.fields))
			}
			continue
		}
		fields, display, known := priorFields(e.name, m.d.raw)
		switch {
		case len(e.fields) == 0 && known:
			e.fields = fields
			e.display = display
			m.assume("%s: no fields were listed, so it has the usual ones (%s).", capital(e.name), fieldList(fields))
		case len(e.fields) == 0:
			e.fields = genericFields(e.name)
			m.assume("%s: no fields were listed, so it has a name and a description.", capital(e.name))
		case firstOfType(e, prd.Text) == "" && (m.namedExamples(e) || known && (display == "title" || display == "name") && e.field(display) == nil && !hasTitleField(e) && firstOfType(e, prd.Enum) == ""):
			title := or(display, "name")
			if title != "title" {
				title = "name"
			}
			f := fieldDraft{Field: prd.Field{Name: title, Type: prd.Text, Required: true}, why: "text"}
			e.fields = append([]fieldDraft{f}, e.fields...)
			e.display = title
			m.assume("%s: added a %s to tell records apart; the prompt listed none.", capital(e.name), title)
		case known && selfTitled[e.name] && display != "" && e.field(display) == nil && !hasTitleField(e):
			for _, f := range fields {
				if f.Name == display {
					f.Required = false
					e.fields = append([]fieldDraft{f}, e.fields...)
					e.display = f.Name
					m.assume("%s: added a %q field to hold the %s itself.", capital(e.name), f.Name, e.name)
				}
			}
		}
	}
}

// namedExamples reports whether the prompt names examples of the records
// in parentheses: "subscriptions (Netflix, Spotify)".
func (m *model) namedExamples(e *entityDraft) bool {
	for _, s := range m.d.sentences {
		toks := s.toks
		for i := 0; i+2 < len(toks); i++ {
			w := toks[i].low
			if (w == e.name || w == e.plural || singularWord(w) == e.name) && toks[i+1].low == "(" && properName(toks[i+2:i+3]) {
				return true
			}
		}
	}
	return false
}

func genericFields(entity string) []fieldDraft {
	fields, _ := parseSpec("name!; description", entity)
	return fields
}

func hasTitleField(e *entityDraft) bool {
	for _, f := range e.fields {
		if titleWords[f.Name] || strings.Contains(f.Name, e.name) {
			return true
		}
	}
	return false
}

var titleWords = set("name", "title", "subject", "nickname", "full name", "headline", "label", "question", "text", "body", "content", "word", "term")

func fieldList(fields []fieldDraft) string {
	var names []string
	for _, f := range fields {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

func capital(s string) string { return prd.Title(s) }

// archetypes are the kinds of app, tried in order; the first whose cue is in
// the prompt wins. Each names the entities assumed when the prompt names none.
var archetypes = []struct {
	name     string
	cues     []string
	entities []string
}{
	{"landing", []string{"landing page", "one-page website", "one page website", "one-page site", "single-page website", "single page website", "coming soon page", "launch page", "marketing page", "marketing site", "waitlist page", "promotional page", "one-pager"}, nil},
	{"portfolio", []string{"portfolio", "cv website", "resume website", "personal website", "biography website", "link tree", "linktree", "showcase team projects"}, []string{"project"}},
	{"board", []string{"kanban", "task board", "trello"}, []string{"card"}},
	{"quiz", []string{"quiz", "trivia", "practice test", "flashcard", "exam"}, []string{"quiz", "question"}},
	{"forum", []string{"forum", "discussion platform", "discussion board", "q&a", "question and answer"}, []string{"post", "reply"}},
	{"blog", []string{"blog", "publishing platform", "news site", "magazine", "journal website", "article publishing"}, []string{"post", "comment"}},
	{"crm", []string{"crm", "customer relationship", "sales pipeline", "sales leads"}, []string{"contact", "deal"}},
	{"game", []string{"game", "puzzle", "play chess", "wheel of fortune"}, []string{"score"}},
	{"store", []string{"e-commerce", "ecommerce", "online store", "online shop", "webshop", "marketplace", "shop"}, []string{"product", "order"}},
	{"brochure", []string{"company website", "business website", "clinic", "clinical office", "dental office", "law office", "medical office", "office information", "restaurant", "bourbon bar", "cocktail bar", "wine bar", "coffee bar", "sports bar", "bakery", "cafe", "studio", "firm", "company to", "for a company", "services website"}, []string{"service"}},
	{"booking", []string{"booking", "reservation", "appointment", "rental", "schedule a", "book a"}, []string{"booking"}},
	{"dashboard", []string{"dashboard", "analytics", "monitoring", "statistics", "reporting"}, []string{"record"}},
	{"tracker", []string{"tracker", "track my", "tracking", "log my", "keep track", "logbook", "diary", "journal"}, []string{"entry"}},
	{"catalog", []string{"catalog", "catalogue", "library", "directory", "listings", "database", "inventory", "collection"}, []string{"item"}},
	{"todo", []string{"to-do", "todo", "to do list", "task list", "checklist"}, []string{"task"}},
}

// detectArchetype names the kind of app from cue phrases: first in how
// the prompt names the app ("expense tracker"), then anywhere in it.
func detectArchetype(kind, text string) (string, []string) {
	if kind != "" {
		if name, ents := detectArchetype("", kind); name != "app" {
			return name, ents
		}
	}
	low := strings.ToLower(text)
	for _, a := range archetypes {
		for _, c := range a.cues {
			if containsPhrase(low, c) {
				return a.name, a.entities
			}
		}
	}
	return "app", []string{"item"}
}

// containsPhrase reports whether phrase occurs in low at word boundaries.
func containsPhrase(low, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(low[i:], phrase)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(phrase)
		okStart := start == 0 || !isLetterByte(low[start-1])
		okEnd := end == len(low) || !isLetterByte(low[end]) || low[end] == 's' && (end+1 == len(low) || !isLetterByte(low[end+1]))
		if okStart && okEnd {
			return true
		}
		i = start + 1
	}
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }

package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// fieldSynonyms map words people use for a field to words in field names.
var fieldSynonyms = map[string][]string{
	"availability": {"available", "availability", "in stock"}, "available": {"available", "availability"},
	"tag": {"tags", "tag", "labels", "keywords"}, "tags": {"tags", "labels", "keywords"},
	"price": {"price", "cost", "rate", "amount", "fee", "salary"}, "cost": {"cost", "price", "amount"},
	"date": {"date", "day", "deadline", "due"}, "time": {"time", "slot"}, "name": {"name", "title", "nickname"},
	"title": {"title", "name", "subject"}, "stock": {"quantity", "stock", "in stock"},
	"items": {"quantity", "stock"}, "quantity": {"quantity", "stock", "qty"}, "amount": {"amount", "value", "price", "total"},
	"spent": {"amount", "cost", "price", "total"}, "raised": {"amount", "donation", "value"}, "earned": {"amount", "price", "fee", "total", "revenue"}, "donated": {"amount", "donation", "value"},
	"spending": {"amount", "cost"}, "revenue": {"revenue", "amount", "total", "price"}, "sales": {"amount", "total", "quantity"},
	"location": {"location", "city", "address", "place"}, "place": {"location", "city"}, "city": {"city", "location"},
	"genre": {"genre", "category", "type"}, "kind": {"type", "category"}, "type": {"type", "category", "kind"},
	"category": {"category", "type", "genre"}, "categories": {"category", "type", "genre"},
	"rating": {"rating", "stars", "score"}, "stars": {"rating", "stars"}, "score": {"score", "grade", "points", "rating"},
	"grade": {"score", "grade"}, "due": {"due date", "deadline"}, "deadline": {"due date", "deadline"},
	"status": {"status", "stage", "state"}, "stage": {"stage", "status"}, "state": {"status", "state", "stage"},
	"author": {"author", "writer", "by"}, "distance": {"distance"}, "duration": {"duration", "time", "length"},
	"remote": {"remote"}, "pinned": {"pinned", "pin"}, "done": {"done", "completed", "finished", "complete"},
	"completed": {"done", "completed", "finished"}, "finished": {"finished", "done", "completed", "status"},
	"priority": {"priority", "urgency"}, "subject": {"subject", "title"}, "size": {"size", "square meters", "area"},
}

// resolveField finds the field of e a phrase refers to: exact name, plural
// or singular, a synonym, or a field whose name contains the phrase. A
// related entity's name also counts (features may group by a relation).
func (m *model) resolveField(e *entityDraft, ws []string) string {
	ws = trimNoise(ws)
	if e == nil || len(ws) == 0 {
		return ""
	}
	for len(ws) > 1 && (ws[0] == "max" || ws[0] == "min" || ws[0] == "maximum" || ws[0] == "minimum" || ws[0] == "their" || ws[0] == "its") {
		ws = ws[1:]
	}
	phrase := strings.Join(ws, " ")
	cands := []string{phrase, singularWord(phrase), pluralWord(phrase)}
	for _, c := range cands {
		if e.field(c) != nil {
			return c
		}
	}
	for _, to := range m.relationsFrom(e.name) {
		for _, c := range cands {
			if c == to || m.entity(c) != nil && m.entity(c).name == to {
				return to
			}
		}
	}
	words := append([]string{phrase, singularWord(phrase)}, fieldSynonyms[phrase]...)
	words = append(words, fieldSynonyms[singularWord(phrase)]...)
	for _, w := range words {
		for _, f := range e.fields {
			if containsWord(f.Name, w) {
				return f.Name
			}
		}
	}
	if phrase == "date" || phrase == "day" || phrase == "newest" || phrase == "recent" {
		if f := firstOfType(e, prd.Date); f != "" {
			return f
		}
	}
	return ""
}

func containsWord(name, w string) bool {
	if name == w {
		return true
	}
	return strings.HasPrefix(name, w+" ") || strings.HasSuffix(name, " "+w) || strings.Contains(name, " "+w+" ")
}

func firstOfType(e *entityDraft, types ...prd.FieldType) string {
	for _, t := range types {
		for _, f := range e.fields {
			if f.Type == t {
				return f.Name
			}
		}
	}
	return ""
}

// entityIn finds the entity a sentence talks about: the first one named in
// it, or the main entity.
func (m *model) entityIn(toks []token) *entityDraft {
	if e := m.entityNamedIn(toks); e != nil {
		return e
	}
	return m.main()
}

func (m *model) entityNamedIn(toks []token) *entityDraft {
	for i := range toks {
		for n := 3; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			ws := lows(toks[i : i+n])
			if e := m.entity(strings.Join(ws, " ")); e != nil {
				return e
			}
			if e := m.entity(singularOf(strings.Join(ws, " "), m.lang)); e != nil {
				return e
			}
			if n == 1 {
				if a, ok := nounAliases[singularWord(ws[0])]; ok {
					if e := m.entity(a); e != nil {
						return e
					}
				}
			}
		}
	}
	return nil
}

// phraseAfter collects up to n content words from i, stopping at
// punctuation, conjunctions and verbs.
func phraseAfter(toks []token, i, n int) ([]string, int) {
	var out []string
	for i < len(toks) && len(out) < n {
		t := toks[i]
		if t.kind == tPunct || t.is("and", "or", "on", "in", "with", "to", "so", "then", "for", "from", "at", "using", "per", "by", "as", "of", "than", "that", "which", "where", "when") || isVerbAt(toks, i) && len(out) > 0 {
			break
		}
		if !determiners[t.low] || t.low == "max" || t.low == "min" {
			out = append(out, strings.TrimSuffix(t.low, "'s"))
		}
		i++
	}
	return out, i
}

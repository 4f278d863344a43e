package edit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// determiners are words before a name that do not belong to it.
var determiners = []string{"the", "a", "an", "my", "our", "your", "all", "each", "every", "any", "some", "new", "another", "its", "their"}

// pronouns refer to the entity the request named last.
var pronouns = map[string]bool{"them": true, "they": true, "it": true, "those": true, "these": true, "each one": true, "the records": true, "records": true, "items": true, "the items": true, "the list": true}

// norm is a name as comparable words: lower case, without determiners,
// possessive endings and the words "field" or "entity".
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Trim(s, " \"'`“”‘’.,;:!?")
	ws := strings.Fields(strings.NewReplacer("'s ", " ", "’s ", " ", "s' ", "s ").Replace(s + " "))
	for len(ws) > 1 && slices.Contains(determiners, ws[0]) {
		ws = ws[1:]
	}
	for len(ws) > 1 && slices.Contains([]string{"field", "fields", "column", "columns", "entity", "property", "attribute", "value", "too", "also", "page", "pages", "section", "screen", "list", "table", "tab"}, ws[len(ws)-1]) {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(prd.Words(strings.Join(ws, " ")), " ")
}

// singular strips a plural ending: "categories" → "category", "boxes" → "box".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

// entityNamed finds the entity a phrase names: its name or plural, in any
// case, with or without determiners.
func entityNamed(p *prd.PRD, phrase string) (prd.Entity, bool) {
	n := norm(phrase)
	if n == "" {
		return prd.Entity{}, false
	}
	for _, e := range p.Entities {
		for _, name := range []string{e.Name, e.Plural, e.Ident, e.PluralIdent} {
			if name != "" && norm(name) == n {
				return e, true
			}
		}
	}
	for _, e := range p.Entities {
		if singular(n) == norm(e.Name) || n == singular(norm(e.Plural)) {
			return e, true
		}
	}
	return prd.Entity{}, false
}

// fieldNamed finds the field of e a phrase names: its name, label or
// identifier, singular or plural.
func fieldNamed(e prd.Entity, phrase string) (prd.Field, bool) {
	n := norm(phrase)
	if n == "" {
		return prd.Field{}, false
	}
	squeezed := strings.ReplaceAll(n, " ", "")
	for _, f := range e.Fields {
		fn := norm(f.Name)
		withUnit := f.Unit != "" && (norm(f.Name+" "+f.Unit) == n || norm(f.Name+" in "+f.Unit) == n)
		if fn == n || strings.ToLower(f.Key()) == squeezed || withUnit {
			return f, true
		}
	}
	for _, f := range e.Fields {
		if fn := norm(f.Name); singular(fn) == singular(n) {
			return f, true
		}
	}
	return prd.Field{}, false
}

// relationNamed finds the entity e links to that a phrase names.
func relationNamed(p *prd.PRD, e prd.Entity, phrase string) (string, bool) {
	to, ok := entityNamed(p, phrase)
	if !ok {
		return "", false
	}
	for _, r := range p.RelationsFrom(e.Name) {
		if r.To == to.Name {
			return to.Name, true
		}
	}
	return "", false
}

func entityNames(p *prd.PRD) string {
	var names []string
	for _, e := range p.Entities {
		names = append(names, e.Name)
	}
	if len(names) == 0 {
		return "(none)"
	}
	return strings.Join(names, ", ")
}

func fieldNames(e prd.Entity) string {
	var names []string
	for _, f := range e.Fields {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// noEntity explains a phrase that names no entity.
func noEntity(p *prd.PRD, phrase string) error {
	var cands []string
	for _, e := range p.Entities {
		cands = append(cands, e.Name, e.Plural)
	}
	return refuse("there is no entity %q; entities: %s%s", norm(phrase), entityNames(p), didYouMean(norm(phrase), cands))
}

// noField explains a phrase that names no field of e.
func noField(e prd.Entity, phrase string) error {
	var cands []string
	for _, f := range e.Fields {
		cands = append(cands, f.Name)
	}
	return refuse("%s has no field %q; fields: %s%s", e.Name, norm(phrase), fieldNames(e), didYouMean(norm(phrase), cands))
}

// didYouMean suggests the candidate closest to s, when one is close.
func didYouMean(s string, cands []string) string {
	best, bestD := "", 1<<30
	for _, c := range cands {
		if d := distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" || bestD == 0 || bestD > max(2, len([]rune(s))/3) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// searchable are the field types the list's search box looks through.
var searchable = []prd.FieldType{prd.Text, prd.LongText, prd.Email, prd.URL, prd.Phone, prd.Enum}

// filterable are the field types the list can filter by.
var filterable = []prd.FieldType{prd.Enum, prd.Boolean, prd.Tags, prd.Text}

// checkFeatureField says whether an entity's list can search, filter or
// sort by the named field ("" for search means every text field).
func checkFeatureField(p *prd.PRD, e prd.Entity, kind prd.FeatureKind, field string) error {
	if kind != prd.FeatureSearch && kind != prd.FeatureFilter && kind != prd.FeatureSort {
		return refuse("%s cannot be added by an edit", kind)
	}
	if field == "" {
		if kind != prd.FeatureSearch {
			return refuse("say which field to %s %s by; fields: %s", kind, e.Plural, fieldNames(e))
		}
		if len(fieldsOfTypes(e, searchable)) == 0 {
			return refuse("%s have no text fields to search", e.Plural)
		}
		return nil
	}
	if _, ok := relationNamed(p, e, field); ok {
		if kind == prd.FeatureFilter {
			return nil
		}
		return refuse("%s cannot be %s by the linked %s; they can be filtered by it", e.Plural, pastTense(kind), field)
	}
	f, ok := e.Field(field)
	if !ok {
		return noField(e, field)
	}
	switch {
	case kind == prd.FeatureSearch && !slices.Contains(searchable, f.Type):
		return refuse("%s cannot be searched by %s (a %s field); search looks through text fields: %s", e.Plural, f.Name, f.Type, orNone(fieldsOfTypes(e, searchable)))
	case kind == prd.FeatureFilter && !slices.Contains(filterable, f.Type):
		return refuse("%s cannot be filtered by %s (a %s field); filters work on choice, yes/no, tag and text fields: %s", e.Plural, f.Name, f.Type, orNone(fieldsOfTypes(e, filterable)))
	}
	return nil
}

func pastTense(kind prd.FeatureKind) string {
	return map[prd.FeatureKind]string{prd.FeatureSearch: "searched", prd.FeatureFilter: "filtered", prd.FeatureSort: "sorted"}[kind]
}

func fieldsOfTypes(e prd.Entity, types []prd.FieldType) []string {
	var out []string
	for _, f := range e.Fields {
		if slices.Contains(types, f.Type) {
			out = append(out, f.Name)
		}
	}
	return out
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

package architect

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// buildEntities turns drafts into PRD entities that satisfy every rule of
// prd.Validate: unique names, identifiers and routes, at least one field,
// unique field keys, well-formed enums and a display field.
func (m *model) buildEntities(reserved map[string]bool) []prd.Entity {
	var out []prd.Entity
	types := map[string]bool{}
	routes := map[string]bool{}
	for r := range reserved {
		routes[r] = true
	}
	for n, d := range m.entities {
		if len(out) == prd.MaxEntities {
			break
		}
		e := prd.Entity{Name: clip(d.name, 60), Plural: clip(d.plural, 60), Ident: d.ident, PluralIdent: d.pluralIdent, Description: d.description}
		if strings.TrimSpace(e.Plural) == "" {
			e.Plural = e.Name
		}
		if !hasASCIILetter(e.Name) || prd.Kebab(e.Plural) == "" {
			if e.Ident == "" {
				e.Ident = fmt.Sprintf("item %d", n+1)
			}
			if e.PluralIdent == "" {
				e.PluralIdent = pluralWord(e.Ident)
			}
		}
		for k := 2; types[e.Type()] || routes[e.Route()] || e.Route() == "/"; k++ {
			base := or(d.ident, d.name)
			if !hasASCIILetter(base) {
				base = "item"
			}
			e.Ident = fmt.Sprintf("%s %d", identWords(base), k)
			e.PluralIdent = fmt.Sprintf("%s %d", pluralWord(identWords(base)), k)
			if k > 50 {
				break
			}
		}
		if e.Ident != "" && !identPattern.MatchString(e.Ident) || e.PluralIdent != "" && !identPattern.MatchString(e.PluralIdent) {
			continue
		}
		e.Fields = buildFields(d.fields)
		if len(e.Fields) == 0 {
			e.Fields = []prd.Field{{Name: "name", Type: prd.Text, Required: true}}
		}
		e.Display = pickDisplay(e.Fields, d.display)
		for i := range e.Fields {
			if f := &e.Fields[i]; f.Name == e.Display && (f.Type == prd.Text || f.Type == prd.LongText) {
				f.Required = true
			}
		}
		types[e.Type()] = true
		routes[e.Route()] = true
		out = append(out, e)
	}
	return out
}

var identPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9 ]*$`)

// identWords keeps ASCII letters, digits and spaces, starting with a letter.
func identWords(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == ' ') {
			b.WriteRune(r)
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	for out != "" && (out[0] < 'a' || out[0] > 'z') {
		out = strings.TrimSpace(out[1:])
	}
	if out == "" {
		return "item"
	}
	return clip(out, 50)
}

func buildFields(drafts []fieldDraft) []prd.Field {
	var out []prd.Field
	keys := map[string]bool{}
	for _, d := range drafts {
		f := d.Field
		f.Name = clip(strings.TrimSpace(strings.ReplaceAll(strings.ToLower(f.Name), "e-mail", "email")), 60)
		if f.Name == "" || len(out) == prd.MaxFields {
			continue
		}
		if !hasASCIILetter(f.Name) && f.Ident == "" {
			f.Ident = fmt.Sprintf("field %d", len(out)+1)
		}
		if f.Ident != "" && !identPattern.MatchString(f.Ident) {
			f.Ident = identWords(f.Ident)
		}
		if keys[f.Key()] {
			continue
		}
		if !slices.Contains(prd.FieldTypes, f.Type) {
			f.Type = prd.Text
		}
		if f.Type == prd.Enum {
			f.Options = cleanOptions(f.Options)
			if len(f.Options) < 2 {
				f.Type, f.Options = prd.Text, nil
			}
		} else {
			f.Options = nil
		}
		if f.Min != nil && f.Max != nil && *f.Min > *f.Max {
			f.Min, f.Max = f.Max, f.Min
		}
		f.Unit = clip(f.Unit, 20)
		f.Help = clip(f.Help, 200)
		keys[f.Key()] = true
		out = append(out, f)
	}
	return out
}

// pickDisplay chooses the field that titles a record: the one marked, a
// name or title, the first text field, or the first field.
func pickDisplay(fields []prd.Field, marked string) string {
	for _, f := range fields {
		if f.Name == marked {
			return f.Name
		}
	}
	for _, w := range []string{"name", "title", "subject", "nickname", "full name", "question text", "question"} {
		for _, f := range fields {
			if f.Name == w {
				return f.Name
			}
		}
	}
	for _, f := range fields {
		if f.Type == prd.Text && (strings.HasSuffix(f.Name, " name") || strings.HasSuffix(f.Name, "title")) {
			return f.Name
		}
	}
	for _, t := range []prd.FieldType{prd.Text, prd.Enum, prd.Email, prd.Date} {
		for _, f := range fields {
			if f.Type == t {
				return f.Name
			}
		}
	}
	return fields[0].Name
}

// buildRelations keeps relations between entities that made it into the PRD.
func (m *model) buildRelations(entities []prd.Entity) []prd.Relation {
	names := map[string]bool{}
	for _, e := range entities {
		names[e.Name] = true
	}
	var out []prd.Relation
	for _, r := range m.relations {
		if names[r.From] && names[r.To] && r.From != r.To && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

var (
	validOps      = set("sum", "avg", "count", "min", "max")
	validCompares = set("lt", "le", "gt", "ge", "eq", "ne")
)

// buildFeatures keeps features whose entity, fields and parameters resolve.
func buildFeatures(features []prd.Feature, entities []prd.Entity, relations []prd.Relation) []prd.Feature {
	byName := map[string]prd.Entity{}
	for _, e := range entities {
		byName[e.Name] = e
	}
	related := func(from, to string) bool {
		for _, r := range relations {
			if r.From == from && r.To == to {
				return true
			}
		}
		return false
	}
	var out []prd.Feature
	for _, f := range features {
		if f.Entity != "" {
			e, ok := byName[f.Entity]
			if !ok {
				continue
			}
			bad := false
			for _, name := range []string{f.Field, f.Field2, f.GroupBy} {
				if name == "" || name == "date" || name == "week" {
					continue
				}
				if _, ok := e.Field(name); !ok && !related(e.Name, name) {
					bad = true
				}
			}
			if bad {
				continue
			}
		}
		if f.Via != "" {
			if _, ok := byName[f.Via]; !ok {
				continue
			}
		}
		if f.Op != "" && !validOps[f.Op] {
			f.Op = ""
		}
		if f.Compare != "" && !validCompares[f.Compare] {
			f.Compare = ""
		}
		if f.Order != "" && f.Order != "asc" && f.Order != "desc" {
			f.Order = ""
		}
		f.Limit = max(0, min(100, f.Limit))
		f.Label = clip(f.Label, 80)
		f.Expression = clip(f.Expression, 200)
		if !slices.ContainsFunc(out, func(g prd.Feature) bool { return g == f }) {
			out = append(out, f)
		}
	}
	return out
}

var pathPattern = regexp.MustCompile(`^/[a-z0-9\-/\[\]]*$`)

// cleanPages drops pages whose paths repeat or break the schema.
func cleanPages(pages []prd.Page) []prd.Page {
	var out []prd.Page
	seen := map[string]bool{}
	for _, p := range pages {
		p.Title = clip(strings.TrimSpace(p.Title), 80)
		if p.Title == "" {
			p.Title = "Page"
		}
		if !pathPattern.MatchString(p.Path) || seen[p.Path] {
			continue
		}
		seen[p.Path] = true
		out = append(out, p)
	}
	return out
}

// safeSamples keeps sample values the schema allows, keyed by real fields.
func safeSamples(e prd.Entity, records []prd.Record) []prd.Record {
	var out []prd.Record
	for _, r := range records {
		clean := prd.Record{}
		for k, v := range r {
			if _, ok := e.Field(k); !ok {
				continue
			}
			switch v.(type) {
			case string, float64, bool, []any, nil:
				clean[k] = v
			}
		}
		if len(clean) > 0 && len(out) < 50 {
			out = append(out, clean)
		}
	}
	return out
}

var langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

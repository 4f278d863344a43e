package edit

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// Apply applies ops in order to a copy of p and returns the new PRD, which
// passes Validate and the schema, and what each op did. Each change is also
// recorded in the new PRD's assumptions as "Edit: …". p is not modified.
func Apply(p *prd.PRD, ops []Op) (*prd.PRD, []Result, error) {
	next, err := clone(p)
	if err != nil {
		return nil, nil, err
	}
	var results []Result
	for _, op := range ops {
		res, err := op.apply(next)
		if err != nil {
			return nil, nil, err
		}
		results = append(results, res)
		if res.Changed {
			next.Assumptions = append(next.Assumptions, "Edit: "+res.Note+".")
		}
	}
	if err := next.Validate(); err != nil {
		return nil, nil, &RequestError{Msg: "the change would leave an invalid app: " + err.Error()}
	}
	if err := next.CheckSchema(); err != nil {
		return nil, nil, &RequestError{Msg: "the change would leave an invalid app: " + err.Error()}
	}
	return next, results, nil
}

// clone deep-copies a PRD.
func clone(p *prd.PRD) (*prd.PRD, error) {
	data, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	var out prd.PRD
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// entityAt returns the entity named name, for changing in place.
func entityAt(p *prd.PRD, name string) (*prd.Entity, error) {
	for i := range p.Entities {
		if p.Entities[i].Name == name {
			return &p.Entities[i], nil
		}
	}
	return nil, refuse("there is no entity %q; entities: %s", name, entityNames(p))
}

func fieldIndex(e *prd.Entity, name string) int {
	return slices.IndexFunc(e.Fields, func(f prd.Field) bool { return f.Name == name })
}

func (o AddField) apply(p *prd.PRD) (Result, error) {
	e, err := entityAt(p, o.Entity)
	if err != nil {
		return Result{}, err
	}
	for _, f := range e.Fields {
		if f.Key() == o.Field.Key() {
			return unchanged("%s already has a field %s", e.Name, describeField(f))
		}
	}
	for _, r := range p.RelationsFrom(e.Name) {
		if r.To == o.Field.Name {
			return unchanged("each %s already links to a %s", e.Name, r.To)
		}
	}
	if len(e.Fields) >= prd.MaxFields {
		return Result{}, refuse("%s already has %d fields, the most an entity can have", e.Name, len(e.Fields))
	}
	e.Fields = append(e.Fields, o.Field)
	return changed("added field %s to %s", describeField(o.Field), e.Name)
}

func (o RemoveField) apply(p *prd.PRD) (Result, error) {
	e, err := entityAt(p, o.Entity)
	if err != nil {
		return Result{}, err
	}
	i := fieldIndex(e, o.Field)
	if i < 0 {
		return Result{}, refuse("%s has no field %q; fields: %s", e.Name, o.Field, fieldNames(*e))
	}
	if len(e.Fields) == 1 {
		return Result{}, refuse("%s is the only field of %s; remove the entity instead", o.Field, e.Name)
	}
	e.Fields = slices.Delete(e.Fields, i, i+1)
	if e.Display == o.Field {
		e.Display = e.Fields[0].Name
	}
	for _, s := range e.Samples {
		delete(s, o.Field)
	}
	dropped := dropFeatures(p, func(f prd.Feature) bool {
		return f.Entity == e.Name && featureUses(f, o.Field)
	})
	return changed("removed field %s from %s%s", o.Field, e.Name, alsoRemoved(dropped))
}

func (o RenameField) apply(p *prd.PRD) (Result, error) {
	e, err := entityAt(p, o.Entity)
	if err != nil {
		return Result{}, err
	}
	i := fieldIndex(e, o.From)
	if i < 0 {
		return Result{}, refuse("%s has no field %q; fields: %s", e.Name, o.From, fieldNames(*e))
	}
	if o.To == o.From {
		return unchanged("the field %s of %s already has that name", o.From, e.Name)
	}
	renamed := e.Fields[i]
	renamed.Name, renamed.Ident = o.To, ""
	for j, f := range e.Fields {
		if j != i && f.Key() == renamed.Key() {
			return Result{}, refuse("%s already has a field %q", e.Name, f.Name)
		}
	}
	for _, r := range p.RelationsFrom(e.Name) {
		if r.To == o.To {
			return Result{}, refuse("each %s already links to a %s; choose another name", e.Name, r.To)
		}
	}
	e.Fields[i] = renamed
	if e.Display == o.From {
		e.Display = o.To
	}
	for _, s := range e.Samples {
		if v, ok := s[o.From]; ok {
			delete(s, o.From)
			s[o.To] = v
		}
	}
	for k := range p.Features {
		f := &p.Features[k]
		if f.Entity != e.Name {
			continue
		}
		refs := []*string{&f.Field, &f.Field2, &f.GroupBy}
		if f.Kind == prd.FeatureHighlight {
			refs = append(refs, &f.Value) // a highlight may compare two fields
		}
		for _, ref := range refs {
			if *ref == o.From {
				*ref = o.To
			}
		}
		f.Expression = replaceWords(f.Expression, o.From, o.To)
	}
	return changed("renamed field %s of %s to %s", o.From, e.Name, o.To)
}

func (o AddEntity) apply(p *prd.PRD) (Result, error) {
	if _, ok := p.Entity(o.Entity.Name); ok {
		return unchanged("there is already an entity %s", o.Entity.Name)
	}
	if len(p.Entities) >= prd.MaxEntities {
		return Result{}, refuse("the app already has %d entities, the most it can have", len(p.Entities))
	}
	for _, e := range p.Entities {
		if e.Route() == o.Entity.Route() {
			return Result{}, refuse("the route %s of %s is taken by %s", o.Entity.Route(), o.Entity.Name, e.Name)
		}
	}
	p.Entities = append(p.Entities, o.Entity)
	e := o.Entity
	insertPage(p, prd.Page{Kind: prd.PageList, Title: prd.TitleCase(e.Plural), Path: e.Route(), Entity: e.Name, InNav: true})
	var fields []string
	for _, f := range e.Fields {
		fields = append(fields, describeField(f))
	}
	var links []string
	for _, r := range o.Relations {
		p.Relations = append(p.Relations, r)
		links = append(links, fmt.Sprintf("each %s links to a %s", r.From, r.To))
	}
	note := fmt.Sprintf("added entity %s with %s", e.Name, strings.Join(fields, ", "))
	if len(links) > 0 {
		note += "; " + strings.Join(links, ", ")
	}
	return changed("%s", note)
}

func (o RemoveEntity) apply(p *prd.PRD) (Result, error) {
	if _, err := entityAt(p, o.Entity); err != nil {
		return Result{}, err
	}
	if len(p.Entities) == 1 {
		return Result{}, refuse("%s is the app's only entity and cannot be removed", o.Entity)
	}
	p.Entities = slices.DeleteFunc(p.Entities, func(e prd.Entity) bool { return e.Name == o.Entity })
	p.Pages = slices.DeleteFunc(p.Pages, func(pg prd.Page) bool { return pg.Entity == o.Entity })
	var unlinked []string
	p.Relations = slices.DeleteFunc(p.Relations, func(r prd.Relation) bool {
		if r.From == o.Entity || r.To == o.Entity {
			unlinked = append(unlinked, r.From+" → "+r.To)
			return true
		}
		return false
	})
	dropped := dropFeatures(p, func(f prd.Feature) bool {
		return f.Entity == o.Entity || f.Via == o.Entity || featureUses(f, o.Entity)
	})
	note := "removed entity " + o.Entity
	if len(unlinked) > 0 {
		note += " and its links (" + strings.Join(unlinked, ", ") + ")"
	}
	return changed("%s%s", note, alsoRemoved(dropped))
}

// featureUses reports whether a feature reads the named field (or relation).
func featureUses(f prd.Feature, name string) bool {
	if f.Field == name || f.Field2 == name || f.GroupBy == name || f.Kind == prd.FeatureHighlight && f.Value == name {
		return true
	}
	return f.Expression != "" && replaceWords(f.Expression, name, "\x00") != f.Expression
}

// dropFeatures removes the features drop selects and names them.
func dropFeatures(p *prd.PRD, drop func(prd.Feature) bool) []string {
	var names []string
	p.Features = slices.DeleteFunc(p.Features, func(f prd.Feature) bool {
		if drop(f) {
			names = append(names, featureName(f))
			return true
		}
		return false
	})
	return names
}

func featureName(f prd.Feature) string {
	if f.Label != "" {
		return strings.ToLower(f.Label)
	}
	return strings.ReplaceAll(string(f.Kind), "_", " ")
}

func alsoRemoved(features []string) string {
	if len(features) == 0 {
		return ""
	}
	return " (also removed: " + strings.Join(features, ", ") + ")"
}

// replaceWords replaces whole-word occurrences of from in s ("daily rate *
// days" with "days" → "nights" leaves "daily" alone).
func replaceWords(s, from, to string) string {
	if s == "" || from == "" {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], from)
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		at := i + j
		end := at + len(from)
		if boundary(s, at-1) && boundary(s, end) {
			b.WriteString(s[i:at] + to)
		} else {
			b.WriteString(s[i:end])
		}
		i = end
	}
	return b.String()
}

func boundary(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	c := s[i]
	return (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '_'
}

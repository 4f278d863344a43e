package prd

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// ValidationError lists every problem found in a PRD, so a model (or a
// person) can fix them all in one pass.
type ValidationError struct {
	Problems []string
}

func (e *ValidationError) Error() string {
	return "invalid PRD: " + strings.Join(e.Problems, "; ")
}

var hexColour = regexp.MustCompile(`^#[0-9a-f]{6}$`)

// Limits keep generated apps within what the renderers lay out well.
const (
	MaxEntities = 12
	MaxFields   = 24
	MaxOptions  = 30
)

// Validate checks the semantic rules the JSON Schema cannot express: names
// unique per scope, identifiers and routes distinct, references resolving.
func (p *PRD) Validate() error {
	v := &validator{}
	if p.SchemaVersion != SchemaVersion {
		v.addf("schema_version is %d, want %d", p.SchemaVersion, SchemaVersion)
	}
	if strings.TrimSpace(p.AppName) == "" {
		v.addf("app_name is empty")
	}
	if len(p.Entities) > MaxEntities {
		v.addf("%d entities, at most %d", len(p.Entities), MaxEntities)
	}
	names := map[string]bool{}
	keys := map[string]string{}
	routes := map[string]string{"/": "home"}
	for _, pg := range p.Pages {
		if pg.Kind != PageList && pg.Kind != PageDetail && pg.Path != "" {
			routes[pg.Path] = "page " + pg.Title
		}
	}
	for i, e := range p.Entities {
		where := fmt.Sprintf("entities[%d] %q", i, e.Name)
		if strings.TrimSpace(e.Name) == "" || strings.TrimSpace(e.Plural) == "" {
			v.addf("%s: name and plural are required", where)
			continue
		}
		if names[e.Name] {
			v.addf("%s: duplicate entity name", where)
		}
		names[e.Name] = true
		if other, ok := keys[e.Type()]; ok {
			v.addf("%s: identifier %s clashes with %s", where, e.Type(), other)
		}
		keys[e.Type()] = e.Name
		if e.Route() == "/" {
			v.addf("%s: plural %q gives no route; set plural_ident", where, e.Plural)
		} else if other, ok := routes[e.Route()]; ok {
			v.addf("%s: route %s clashes with %s", where, e.Route(), other)
		}
		routes[e.Route()] = e.Name
		v.fields(where, e)
	}
	for i, r := range p.Relations {
		where := fmt.Sprintf("relations[%d]", i)
		if !names[r.From] {
			v.addf("%s: from %q is not an entity", where, r.From)
		}
		if !names[r.To] {
			v.addf("%s: to %q is not an entity", where, r.To)
		}
		if r.From == r.To {
			v.addf("%s: an entity cannot relate to itself", where)
		}
		if r.Kind != ManyToOne {
			v.addf("%s: kind %q, want %q", where, r.Kind, ManyToOne)
		}
	}
	for i, f := range p.Features {
		where := fmt.Sprintf("features[%d] %s", i, f.Kind)
		if f.Entity == "" {
			continue
		}
		e, ok := p.Entity(f.Entity)
		if !ok {
			v.addf("%s: entity %q does not exist", where, f.Entity)
			continue
		}
		for _, fieldName := range []string{f.Field, f.Field2, f.GroupBy} {
			if fieldName != "" && fieldName != "date" && fieldName != "week" {
				if _, ok := e.Field(fieldName); !ok && !p.isRelationName(e.Name, fieldName) {
					v.addf("%s: field %q is not a field of %q", where, fieldName, e.Name)
				}
			}
		}
		if f.Via != "" && !names[f.Via] {
			v.addf("%s: via %q is not an entity", where, f.Via)
		}
	}
	for i, pg := range p.Pages {
		if pg.Kind == PageTool && !slices.Contains(Tools, pg.Tool) {
			v.addf("pages[%d] %q: tool %q, want one of %s", i, pg.Title, pg.Tool, strings.Join(Tools, ", "))
		}
		if pg.Kind != PageTool && pg.Tool != "" {
			v.addf("pages[%d] %q: only tool pages name a tool", i, pg.Title)
		}
		if pg.Entity != "" && !names[pg.Entity] {
			v.addf("pages[%d] %q: entity %q does not exist", i, pg.Title, pg.Entity)
		}
		if !strings.HasPrefix(pg.Path, "/") {
			v.addf("pages[%d] %q: path %q must start with /", i, pg.Title, pg.Path)
		}
	}
	t := p.Theme
	for name, c := range map[string]string{"primary": t.Primary, "accent": t.Accent, "background": t.Background, "surface": t.Surface, "text": t.Text} {
		if !hexColour.MatchString(c) {
			v.addf("theme.%s %q is not a #rrggbb colour", name, c)
		}
	}
	if !slices.Contains([]string{"light", "dark", "system"}, t.Mode) {
		v.addf("theme.mode %q, want light, dark or system", t.Mode)
	}
	if len(v.problems) > 0 {
		slices.Sort(v.problems)
		return &ValidationError{Problems: v.problems}
	}
	return nil
}

// isRelationName reports whether name is an entity the given entity refers to.
func (p *PRD) isRelationName(entity, name string) bool {
	for _, r := range p.RelationsFrom(entity) {
		if r.To == name {
			return true
		}
	}
	return false
}

type validator struct{ problems []string }

func (v *validator) addf(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

func (v *validator) fields(where string, e Entity) {
	if len(e.Fields) == 0 {
		v.addf("%s: no fields", where)
	}
	if len(e.Fields) > MaxFields {
		v.addf("%s: %d fields, at most %d", where, len(e.Fields), MaxFields)
	}
	seen := map[string]string{}
	for j, f := range e.Fields {
		fw := fmt.Sprintf("%s.fields[%d] %q", where, j, f.Name)
		if strings.TrimSpace(f.Name) == "" {
			v.addf("%s: name is empty", fw)
			continue
		}
		if other, ok := seen[f.Key()]; ok {
			v.addf("%s: identifier %s clashes with %q", fw, f.Key(), other)
		}
		seen[f.Key()] = f.Name
		if !slices.Contains(FieldTypes, f.Type) {
			v.addf("%s: unknown type %q", fw, f.Type)
		}
		if f.Type == Enum && len(f.Options) < 2 {
			v.addf("%s: an enum needs at least two options", fw)
		}
		if len(f.Options) > MaxOptions {
			v.addf("%s: %d options, at most %d", fw, len(f.Options), MaxOptions)
		}
		if f.Type != Enum && len(f.Options) > 0 {
			v.addf("%s: options given for a %s field", fw, f.Type)
		}
		opts := map[string]bool{}
		for _, o := range f.Options {
			if strings.TrimSpace(o) == "" || opts[o] {
				v.addf("%s: option %q is empty or repeated", fw, o)
			}
			opts[o] = true
		}
		if f.Min != nil && f.Max != nil && *f.Min > *f.Max {
			v.addf("%s: min %v is above max %v", fw, *f.Min, *f.Max)
		}
	}
	if e.Display != "" {
		if _, ok := e.Field(e.Display); !ok {
			v.addf("%s: display field %q is not a field", where, e.Display)
		}
	}
}

package prd

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	tests := []struct{ in, camel, pascal, kebab, title string }{
		{"due date", "dueDate", "DueDate", "due-date", "Due date"},
		{"Due Date", "dueDate", "DueDate", "due-date", "Due date"},
		{"unitPrice", "unitPrice", "UnitPrice", "unit-price", "Unit price"},
		{"SKU", "sku", "Sku", "sku", "SKU"},
		{"cover image URL", "coverImageUrl", "CoverImageUrl", "cover-image-url", "Cover image URL"},
		{"time-slot", "timeSlot", "TimeSlot", "time-slot", "Time slot"},
		{"1st place", "n1stPlace", "N1stPlace", "1st-place", "1st place"},
		{"class", "classValue", "Class", "class", "Class"},
		{"id", "idValue", "Id", "id", "ID"},
		{"Bücher", "buecher", "Buecher", "buecher", "Bücher"},
		{"タスク", "item", "Item", "", "タスク"},
	}
	for _, tt := range tests {
		if got := Camel(tt.in); got != tt.camel {
			t.Errorf("Camel(%q) = %q, want %q", tt.in, got, tt.camel)
		}
		if got := Pascal(tt.in); got != tt.pascal {
			t.Errorf("Pascal(%q) = %q, want %q", tt.in, got, tt.pascal)
		}
		if got := Kebab(tt.in); got != tt.kebab {
			t.Errorf("Kebab(%q) = %q, want %q", tt.in, got, tt.kebab)
		}
		if got := Title(tt.in); got != tt.title {
			t.Errorf("Title(%q) = %q, want %q", tt.in, got, tt.title)
		}
	}
}

func valid() *PRD {
	return &PRD{
		SchemaVersion: SchemaVersion, AppName: "Tasks", Summary: "s", Archetype: "tracker", Language: "en",
		Entities: []Entity{
			{Name: "task", Plural: "tasks", Display: "title", Fields: []Field{
				{Name: "title", Type: Text, Required: true},
				{Name: "priority", Type: Enum, Options: []string{"low", "high"}},
			}},
			{Name: "project", Plural: "projects", Display: "name", Fields: []Field{{Name: "name", Type: Text}}},
		},
		Relations:   []Relation{{From: "task", To: "project", Kind: ManyToOne}},
		Pages:       []Page{{Kind: PageHome, Title: "Home", Path: "/", InNav: true}},
		Features:    []Feature{{Kind: FeatureSort, Entity: "task", Field: "title"}},
		Theme:       Theme{Primary: "#112233", Accent: "#445566", Background: "#ffffff", Surface: "#ffffff", Text: "#000000", Mode: "light", Source: "default"},
		Assumptions: []string{}, OutOfScope: []string{},
	}
}

func TestValidateAcceptsAValidPRD(t *testing.T) {
	p := valid()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := p.CheckSchema(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateFindsEveryProblem(t *testing.T) {
	tests := []struct {
		name string
		edit func(*PRD)
		want string
	}{
		{"duplicate entity", func(p *PRD) { p.Entities[1].Name = "task" }, "duplicate entity"},
		{"route clash", func(p *PRD) { p.Entities[1].Plural = "tasks" }, "clashes"},
		{"enum without options", func(p *PRD) { p.Entities[0].Fields[1].Options = nil }, "at least two options"},
		{"options on text", func(p *PRD) { p.Entities[0].Fields[0].Options = []string{"a", "b"} }, "options given"},
		{"repeated option", func(p *PRD) { p.Entities[0].Fields[1].Options = []string{"a", "a"} }, "repeated"},
		{"field key clash", func(p *PRD) {
			p.Entities[0].Fields[1].Name = "Title"
			p.Entities[0].Fields[1].Type = Text
			p.Entities[0].Fields[1].Options = nil
		}, "clashes"},
		{"dangling relation", func(p *PRD) { p.Relations[0].To = "ghost" }, `"ghost" is not an entity`},
		{"self relation", func(p *PRD) { p.Relations[0].To = "task" }, "itself"},
		{"feature on missing field", func(p *PRD) { p.Features[0].Field = "colour" }, "not a field"},
		{"bad colour", func(p *PRD) { p.Theme.Primary = "navy" }, "theme.primary"},
		{"bad mode", func(p *PRD) { p.Theme.Mode = "sepia" }, "theme.mode"},
		{"no fields", func(p *PRD) { p.Entities[1].Fields = nil; p.Entities[1].Display = "" }, "no fields"},
		{"display missing", func(p *PRD) { p.Entities[0].Display = "nope" }, "display field"},
		{"min above max", func(p *PRD) { lo, hi := 5.0, 1.0; p.Entities[0].Fields[0].Min, p.Entities[0].Fields[0].Max = &lo, &hi }, "above max"},
		{"no route", func(p *PRD) { p.Entities[1].Plural = "プロジェクト" }, "plural_ident"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.edit(p)
			err := p.Validate()
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate() = %v, want a ValidationError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestParseChecksTheSchema(t *testing.T) {
	good, _ := json.Marshal(valid())
	if _, err := Parse(good); err != nil {
		t.Fatalf("Parse(valid) = %v", err)
	}
	for name, doc := range map[string]string{
		"not json":      `{"app_name":`,
		"missing keys":  `{"schema_version":1}`,
		"unknown field": strings.Replace(string(good), `"summary"`, `"sumary":"x","summary"`, 1),
		"bad type":      strings.Replace(string(good), `"type":"text"`, `"type":"string"`, 1),
		"bad path":      strings.Replace(string(good), `"path":"/"`, `"path":"home"`, 1),
	} {
		if _, err := Parse([]byte(doc)); err == nil {
			t.Errorf("%s: Parse accepted it", name)
		}
	}
}

func TestIdentsGiveRoutesToNonLatinNames(t *testing.T) {
	e := Entity{Name: "タスク", Plural: "タスク", Ident: "task", PluralIdent: "tasks"}
	if e.Route() != "/tasks" || e.Type() != "Task" || e.Label() != "タスク" {
		t.Errorf("route %q type %q label %q", e.Route(), e.Type(), e.Label())
	}
}

func FuzzParse(f *testing.F) {
	good, _ := json.Marshal(valid())
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"schema_version":1,"entities":[{"name":"","fields":[]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("Parse accepted a PRD that Validate rejects: %v", err)
		}
		for _, e := range p.Entities {
			if e.Route() == "/" || strings.ContainsAny(e.Route(), " \\") {
				t.Fatalf("bad route %q", e.Route())
			}
		}
	})
}

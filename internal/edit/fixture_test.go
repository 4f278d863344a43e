package edit

import (
	"testing"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// fixture is a small valid app: tasks, projects and products.
func fixture(t testing.TB) *prd.PRD {
	t.Helper()
	p := &prd.PRD{
		SchemaVersion: prd.SchemaVersion, AppName: "Task Tracker", Summary: "Tasks, projects and products.", Archetype: "tracker", Language: "en",
		Entities: []prd.Entity{
			{Name: "task", Plural: "tasks", Display: "title", Fields: []prd.Field{
				{Name: "title", Type: prd.Text, Required: true},
				{Name: "due date", Type: prd.Date},
				{Name: "notes", Type: prd.LongText},
				{Name: "priority", Type: prd.Enum, Options: []string{"low", "medium", "high"}},
			}},
			{Name: "project", Plural: "projects", Display: "name", Fields: []prd.Field{
				{Name: "name", Type: prd.Text, Required: true},
				{Name: "deadline", Type: prd.Date},
			}},
			{Name: "product", Plural: "products", Display: "name", Fields: []prd.Field{
				{Name: "name", Type: prd.Text, Required: true},
				{Name: "price", Type: prd.Money, Unit: "USD"},
				{Name: "category", Type: prd.Enum, Options: []string{"books", "games", "music"}},
			}, Samples: []prd.Record{{"name": "Chess set", "price": 30.0, "category": "games"}}},
		},
		Relations: []prd.Relation{},
		Pages: []prd.Page{
			{Kind: prd.PageHome, Title: "Home", Path: "/", InNav: true},
			{Kind: prd.PageList, Title: "Tasks", Path: "/tasks", Entity: "task", InNav: true},
			{Kind: prd.PageList, Title: "Projects", Path: "/projects", Entity: "project", InNav: true},
			{Kind: prd.PageList, Title: "Products", Path: "/products", Entity: "product", InNav: true},
		},
		Features: []prd.Feature{
			{Kind: prd.FeatureSearch, Entity: "task", Field: "title", Label: "Search tasks"},
			{Kind: prd.FeatureFilter, Entity: "task", Field: "priority", Label: "Filter by priority"},
		},
		Theme:       prd.Theme{Primary: "#4f46e5", Accent: "#ac46e5", Background: "#faf9fe", Surface: "#f4f3fa", Text: "#1f2937", Mode: "light", Source: "default"},
		Assumptions: []string{}, OutOfScope: []string{},
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := p.CheckSchema(); err != nil {
		t.Fatal(err)
	}
	return p
}

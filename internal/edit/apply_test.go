package edit

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/palette"
	"github.com/nexusgen/nexusgen/internal/prd"
)

func apply(t *testing.T, p *prd.PRD, ops ...Op) (*prd.PRD, []Result) {
	t.Helper()
	next, res, err := Apply(p, ops)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return next, res
}

func TestApplyLeavesTheOriginalAlone(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	before := len(p.Entities[0].Fields)
	next, res := apply(t, p, AddField{Entity: "task", Field: prd.Field{Name: "estimate", Type: prd.Number, Unit: "hours"}})
	if len(p.Entities[0].Fields) != before {
		t.Error("Apply changed its input")
	}
	if _, ok := next.Entities[0].Field("estimate"); !ok {
		t.Error("the field was not added")
	}
	want := "Edit: added field estimate (number, hours) to task."
	if got := next.Assumptions[len(next.Assumptions)-1]; got != want || !res[0].Changed {
		t.Errorf("assumption %q (changed %v), want %q", got, res[0].Changed, want)
	}
}

func TestApplyAddingWhatExistsChangesNothing(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	next, res := apply(t, p,
		AddField{Entity: "task", Field: prd.Field{Name: "Notes", Type: prd.Text}},
		AddFeature{Feature: prd.Feature{Kind: prd.FeatureSearch, Entity: "task", Field: "title"}},
		AddEntity{Entity: p.Entities[1]},
		SetDarkMode{Mode: DarkOff},
		RemoveFeature{Feature: prd.FeatureSort, Entity: "task"},
	)
	for _, r := range res {
		if r.Changed {
			t.Errorf("%q reported a change", r.Note)
		}
	}
	if len(next.Assumptions) != len(p.Assumptions) {
		t.Errorf("assumptions grew: %v", next.Assumptions)
	}
}

func TestRemoveFieldDropsWhatUsesIt(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	p.Features = append(p.Features, prd.Feature{Kind: prd.FeatureComputed, Entity: "product", Expression: "price * 2", Label: "Double"})
	next, res := apply(t, p,
		RemoveField{Entity: "task", Field: "priority"},
		RemoveField{Entity: "task", Field: "title"},
		RemoveField{Entity: "product", Field: "price"},
	)
	task, _ := next.Entity("task")
	if task.Display != "due date" {
		t.Errorf("display %q after removing the title, want the first remaining field", task.Display)
	}
	if next.Has(prd.FeatureFilter, "task") || next.Has(prd.FeatureSearch, "task") || next.Has(prd.FeatureComputed, "product") {
		t.Errorf("features that used removed fields remain: %+v", next.Features)
	}
	if !strings.Contains(res[0].Note, "also removed: filter by priority") {
		t.Errorf("note %q does not say the filter went too", res[0].Note)
	}
	product, _ := next.Entity("product")
	if _, ok := product.Samples[0]["price"]; ok {
		t.Error("the samples still have the removed field")
	}
}

func TestRenameFieldFollowsReferences(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	p.Features = append(p.Features, prd.Feature{Kind: prd.FeatureComputed, Entity: "product", Expression: "price * 2 + priceless", Label: "x"})
	next, _ := apply(t, p, RenameField{Entity: "task", From: "title", To: "name"}, RenameField{Entity: "product", From: "price", To: "cost"})
	task, _ := next.Entity("task")
	if task.Display != "name" || task.Fields[0].Name != "name" || task.Fields[0].Type != prd.Text || !task.Fields[0].Required {
		t.Errorf("renamed field %+v, display %q", task.Fields[0], task.Display)
	}
	if f := next.FeaturesOf(prd.FeatureSearch, "task"); f[0].Field != "name" {
		t.Errorf("search still on %q", f[0].Field)
	}
	if f := next.FeaturesOf(prd.FeatureComputed, "product"); f[0].Expression != "cost * 2 + priceless" {
		t.Errorf("expression %q", f[0].Expression)
	}
	product, _ := next.Entity("product")
	if product.Samples[0]["cost"] != 30.0 {
		t.Errorf("sample %v", product.Samples[0])
	}
}

func TestAddEntityAddsItsPageAndLinks(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	client := prd.Entity{Name: "client", Plural: "clients", Display: "name", Fields: []prd.Field{{Name: "name", Type: prd.Text, Required: true}}}
	next, _ := apply(t, p, AddEntity{Entity: client, Relations: []prd.Relation{{From: "client", To: "project", Kind: prd.ManyToOne}}})
	i := slices.IndexFunc(next.Pages, func(pg prd.Page) bool { return pg.Entity == "client" })
	if i != 4 || next.Pages[i].Path != "/clients" || next.Pages[i].Kind != prd.PageList {
		t.Errorf("pages %+v", next.Pages)
	}
	if len(next.RelationsFrom("client")) != 1 {
		t.Errorf("relations %+v", next.Relations)
	}
}

func TestRemoveEntityCleansUp(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	p.Relations = []prd.Relation{{From: "task", To: "project", Kind: prd.ManyToOne}}
	p.Features = append(p.Features,
		prd.Feature{Kind: prd.FeatureFilter, Entity: "task", Field: "project"},
		prd.Feature{Kind: prd.FeatureAggregate, Entity: "task", Op: "count", Via: "project"},
		prd.Feature{Kind: prd.FeatureSort, Entity: "project", Field: "deadline"})
	next, res := apply(t, p, RemoveEntity{Entity: "project"})
	if _, ok := next.Entity("project"); ok || len(next.Relations) != 0 {
		t.Fatal("the entity or its relation remains")
	}
	for _, f := range next.Features {
		if f.Entity == "project" || f.Via == "project" || f.Field == "project" {
			t.Errorf("feature %+v remains", f)
		}
	}
	for _, pg := range next.Pages {
		if pg.Entity == "project" {
			t.Errorf("page %+v remains", pg)
		}
	}
	if !strings.Contains(res[0].Note, "task → project") {
		t.Errorf("note %q", res[0].Note)
	}
}

func TestAddDashboardGivesItSomethingToShow(t *testing.T) {
	t.Parallel()
	next, res := apply(t, fixture(t), AddPage{Page: prd.PageDashboard}, AddPage{Page: prd.PageContact}, AddPage{Page: prd.PageAbout})
	if !hasPage(next, prd.PageDashboard) || len(next.FeaturesOf(prd.FeatureAggregate, "")) != 3 || len(next.FeaturesOf(prd.FeatureChart, "")) != 1 {
		t.Errorf("features %+v", next.Features)
	}
	if !next.Has(prd.FeatureContact, "") {
		t.Error("the contact page has no contact form feature")
	}
	var kinds []prd.PageKind
	for _, pg := range next.Pages {
		kinds = append(kinds, pg.Kind)
	}
	want := []prd.PageKind{prd.PageHome, prd.PageList, prd.PageList, prd.PageList, prd.PageDashboard, prd.PageAbout, prd.PageContact}
	if !slices.Equal(kinds, want) {
		t.Errorf("pages %v, want %v", kinds, want)
	}
	if !strings.Contains(res[0].Note, "number of tasks") {
		t.Errorf("note %q", res[0].Note)
	}
	again, _ := apply(t, next, RemovePage{Page: prd.PageContact})
	if again.Has(prd.FeatureContact, "") || hasPage(again, prd.PageContact) {
		t.Error("the contact page or its form remains")
	}
}

func TestDarkModeTransitions(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	toggled, _ := apply(t, p, SetDarkMode{Mode: DarkFlip})
	if !toggled.Theme.DarkToggle || toggled.Theme.Mode != "system" || !toggled.Has(prd.FeatureDarkMode, "") {
		t.Errorf("flip on: %+v", toggled.Theme)
	}
	back, _ := apply(t, toggled, SetDarkMode{Mode: DarkFlip})
	if back.Theme.DarkToggle || back.Theme.Mode != "light" || back.Has(prd.FeatureDarkMode, "") || back.Theme.Background != p.Theme.Background {
		t.Errorf("flip off: %+v", back.Theme)
	}
	dark, _ := apply(t, p, SetDarkMode{Mode: DarkAlways})
	if dark.Theme.Mode != "dark" || luminance(dark.Theme.Background) > 0.1 || !dark.Has(prd.FeatureDarkMode, "") {
		t.Errorf("always: %+v", dark.Theme)
	}
	light, _ := apply(t, dark, SetDarkMode{Mode: DarkOff})
	if light.Theme.Mode != "light" || luminance(light.Theme.Background) < 0.8 {
		t.Errorf("off after dark: %+v", light.Theme)
	}
}

func TestFeaturesAreCheckedAgainstFieldTypes(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	_, _, err := Apply(p, []Op{AddFeature{Feature: prd.Feature{Kind: prd.FeatureSearch, Entity: "product", Field: "price"}}})
	if !errors.Is(err, ErrRequest) || !strings.Contains(err.Error(), "search looks through text fields: name, category") {
		t.Errorf("search by price: %v", err)
	}
	next, res := apply(t, p,
		AddFeature{Feature: prd.Feature{Kind: prd.FeatureSort, Entity: "product", Field: "price", Order: "asc"}},
		AddFeature{Feature: prd.Feature{Kind: prd.FeatureSort, Entity: "product", Field: "price", Order: "desc"}})
	if f := next.FeaturesOf(prd.FeatureSort, "product"); len(f) != 1 || f[0].Order != "desc" || !res[1].Changed {
		t.Errorf("sort order not updated: %+v", f)
	}
}

func TestAddRelationReplacesATextField(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	p.Entities[0].Fields = append(p.Entities[0].Fields, prd.Field{Name: "project", Type: prd.Text})
	next, res := apply(t, p, AddRelation{Relation: prd.Relation{From: "task", To: "project", Kind: prd.ManyToOne}})
	task, _ := next.Entity("task")
	if _, ok := task.Field("project"); ok || len(next.Relations) != 1 {
		t.Errorf("fields %+v relations %+v", task.Fields, next.Relations)
	}
	if !strings.Contains(res[0].Note, "became the link") {
		t.Errorf("note %q", res[0].Note)
	}
	unlinked, _ := apply(t, next, RemoveRelation{A: "project", B: "task"})
	if len(unlinked.Relations) != 0 {
		t.Error("the relation remains")
	}
}

func TestApplyRefusesAnInvalidResult(t *testing.T) {
	t.Parallel()
	p := fixture(t)
	_, _, err := Apply(p, []Op{AddField{Entity: "task", Field: prd.Field{Name: "status", Type: prd.Enum}}})
	if !errors.Is(err, ErrRequest) || !strings.Contains(err.Error(), "at least two options") {
		t.Errorf("Apply = %v", err)
	}
	_, _, err = Apply(p, []Op{AddPage{Page: prd.PageHome}})
	if !errors.Is(err, ErrRequest) {
		t.Errorf("adding a home page: %v", err)
	}
}

func luminance(hex string) float64 {
	return palette.MustParse(hex).Luminance()
}

package architect

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/palette"
	"github.com/nexusgen/nexusgen/internal/prd"
)

func planFor(t testing.TB, prompt string) *prd.PRD {
	t.Helper()
	p, err := Offline{}.Plan(context.Background(), Params{Prompt: prompt})
	if err != nil {
		t.Fatalf("Plan(%q): %v", prompt, err)
	}
	if err := p.CheckSchema(); err != nil {
		t.Fatalf("Plan(%q) breaks the schema: %v", prompt, err)
	}
	return p
}

// hasFieldLabelled reports whether an entity has an input whose label
// contains want, as generated forms label inputs with the field name.
// Relations count too: their select is labelled with the related entity.
func hasFieldLabelled(p *prd.PRD, e prd.Entity, want string) bool {
	want = strings.ToLower(want)
	for _, f := range e.Fields {
		if strings.Contains(strings.ToLower(f.Label()), want) {
			return true
		}
	}
	for _, r := range p.RelationsFrom(e.Name) {
		if strings.Contains(r.To, want) {
			return true
		}
	}
	return false
}

// featureHolds maps the loose feature names of the eval file to the PRD.
func featureHolds(p *prd.PRD, name string) bool {
	hasPage := func(k prd.PageKind) bool {
		return slices.ContainsFunc(p.Pages, func(pg prd.Page) bool { return pg.Kind == k })
	}
	switch name {
	case "crud":
		return len(p.Entities) > 0
	case "search":
		return p.Has(prd.FeatureSearch, "")
	case "filter":
		return p.Has(prd.FeatureFilter, "")
	case "sort":
		return p.Has(prd.FeatureSort, "") || p.Has(prd.FeaturePinned, "")
	case "dashboard":
		return hasPage(prd.PageDashboard) && (p.Has(prd.FeatureAggregate, "") || p.Has(prd.FeatureChart, ""))
	case "relation":
		return len(p.Relations) > 0
	case "landing":
		return p.Landing != nil
	case "newsletter form":
		return p.Has(prd.FeatureNewsletter, "")
	case "email validation":
		return p.Landing != nil && p.Landing.Signup
	case "gallery":
		return slices.ContainsFunc(p.Entities, func(e prd.Entity) bool {
			return slices.ContainsFunc(e.Fields, func(f prd.Field) bool { return f.Type == prd.ImageURL })
		})
	case "contact form":
		return p.Has(prd.FeatureContact, "") && hasPage(prd.PageContact)
	case "detail page":
		return p.Has(prd.FeatureDetail, "") && hasPage(prd.PageDetail)
	case "low stock highlight":
		return slices.ContainsFunc(p.FeaturesOf(prd.FeatureHighlight, ""), func(f prd.Feature) bool { return f.Compare == "lt" && f.Value == "5" })
	case "streak":
		return p.Has(prd.FeatureStreak, "") && p.Has(prd.FeatureCheckIn, "")
	case "board", "status workflow":
		return p.Has(prd.FeatureBoard, "")
	case "menu by category":
		return slices.ContainsFunc(p.FeaturesOf(prd.FeatureFilter, ""), func(f prd.Feature) bool { return f.Field == "category" })
	case "chart":
		return p.Has(prd.FeatureChart, "") && hasPage(prd.PageDashboard)
	case "aggregate":
		return p.Has(prd.FeatureAggregate, "")
	case "dark mode":
		return p.Has(prd.FeatureDarkMode, "") && (p.Theme.DarkToggle || p.Theme.Mode == "dark")
	case "play mode", "score":
		return p.Has(prd.FeaturePlay, "") && hasPage(prd.PagePlay)
	case "due today":
		return p.Has(prd.FeatureDue, "")
	case "ranking":
		return p.Has(prd.FeatureRanking, "")
	case "progress":
		return p.Has(prd.FeatureProgress, "")
	case "highlight":
		return p.Has(prd.FeatureHighlight, "")
	case "computed":
		return p.Has(prd.FeatureComputed, "")
	case "capacity":
		return p.Has(prd.FeatureCapacity, "")
	}
	return false
}

func TestEvalPrompts(t *testing.T) {
	t.Parallel()
	for _, ev := range readJSONL[evalPrompt](t, "testdata/prompts.jsonl") {
		t.Run(ev.ID, func(t *testing.T) {
			t.Parallel()
			checkExpect(t, ev)
		})
	}
}

// checkExpect plans an eval prompt and checks every expectation it lists.
func checkExpect(t *testing.T, ev evalPrompt) {
	t.Helper()
	p := planFor(t, ev.Prompt)
	for _, want := range ev.Expect.Entities {
		e, ok := p.Entity(want.Name)
		if !ok {
			t.Errorf("no entity %q; have %v", want.Name, entityNames(p))
			continue
		}
		for _, f := range want.Fields {
			if !hasFieldLabelled(p, e, f) {
				t.Errorf("%s: no field labelled %q; have %v", e.Name, f, fieldNames(e))
			}
		}
	}
	if len(ev.Expect.Entities) == 0 && len(p.Entities) > 0 {
		t.Errorf("want no entities, have %v", entityNames(p))
	}
	for _, f := range ev.Expect.Features {
		if !featureHolds(p, f) {
			t.Errorf("feature %q missing", f)
		}
	}
	for _, pg := range ev.Expect.Pages {
		if !slices.ContainsFunc(p.Pages, func(x prd.Page) bool { return string(x.Kind) == pg }) {
			t.Errorf("no %s page", pg)
		}
	}
	for role, name := range ev.Expect.Theme {
		hex, _ := palette.Lookup(name)
		got := map[string]string{"primary": p.Theme.Primary, "background": p.Theme.Background}[role]
		if got != hex || p.Theme.Source != "prompt" {
			t.Errorf("theme %s = %s (%s), want %s (%s)", role, got, p.Theme.Source, hex, name)
		}
	}
	for key, typ := range ev.Expect.Types {
		entity, field, _ := strings.Cut(key, ".")
		e, _ := p.Entity(entity)
		if f, ok := e.Field(field); !ok || string(f.Type) != typ {
			t.Errorf("%s is %q, want %s", key, f.Type, typ)
		}
	}
	for _, rel := range ev.Expect.Relations {
		from, to, _ := strings.Cut(rel, "->")
		if !slices.ContainsFunc(p.Relations, func(r prd.Relation) bool { return r.From == from && r.To == to }) {
			t.Errorf("no relation %s; have %v", rel, p.Relations)
		}
	}
	for entity, fields := range ev.Expect.Absent {
		e, _ := p.Entity(entity)
		for _, name := range fields {
			if _, ok := e.Field(name); ok {
				t.Errorf("%s has %q, which the prompt gave to another record", entity, name)
			}
		}
	}
}

func entityNames(p *prd.PRD) []string {
	var out []string
	for _, e := range p.Entities {
		out = append(out, e.Name)
	}
	return out
}

func fieldNames(e prd.Entity) []string {
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Name)
	}
	return out
}

type webgenCase struct {
	ID          string `json:"id"`
	Instruction string `json:"instruction"`
	Background  string `json:"background"`
	Component   string `json:"component"`
}

// TestWebGen plans every WebGen-Bench instruction: each must give a valid
// PRD with records or content, a real name, and the exact colours the
// instruction names for background and components.
func TestWebGen(t *testing.T) {
	t.Parallel()
	cases := readJSONL[webgenCase](t, "testdata/webgen.jsonl")
	coloured, withEntities := 0, 0
	for _, c := range cases {
		p := planFor(t, c.Instruction)
		if len(p.Entities) == 0 && p.Landing == nil && !slices.ContainsFunc(p.Pages, func(pg prd.Page) bool { return pg.Kind == prd.PageTool }) {
			t.Errorf("%s: no entities, no landing content and no tool", c.ID)
		}
		if len(p.Entities) > 0 {
			withEntities++
		}
		if p.AppName == "" || p.AppName == "My App" || len(strings.Fields(p.AppName)) > 6 {
			t.Errorf("%s: poor app name %q", c.ID, p.AppName)
		}
		low := strings.ToLower(c.Instruction)
		if !strings.Contains(low, strings.ToLower(c.Background)) {
			continue
		}
		bg, _ := palette.Lookup(c.Background)
		comp, _ := palette.Lookup(c.Component)
		if p.Theme.Background != bg || p.Theme.Primary != comp || p.Theme.Source != "prompt" {
			t.Errorf("%s: theme %s/%s, want %s (%s) / %s (%s)", c.ID, p.Theme.Background, p.Theme.Primary, bg, c.Background, comp, c.Component)
			continue
		}
		coloured++
	}
	t.Logf("%d of %d instructions planned with entities; %d with the named colours", withEntities, len(cases), coloured)
}

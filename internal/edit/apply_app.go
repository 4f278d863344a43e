package edit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/palette"
	"github.com/nexusgen/nexusgen/internal/prd"
)

// pageRank orders pages as the architect does: home, lists, details,
// dashboard, play, about, content, contact.
var pageRank = map[prd.PageKind]int{
	prd.PageHome: 0, prd.PageList: 1, prd.PageDetail: 2, prd.PageDashboard: 3,
	prd.PagePlay: 4, prd.PageTool: 4, prd.PageAbout: 5, prd.PageContent: 6, prd.PageContact: 7,
}

// insertPage adds pg after the last page that comes before its kind.
func insertPage(p *prd.PRD, pg prd.Page) {
	at := len(p.Pages)
	for i, have := range p.Pages {
		if pageRank[have.Kind] > pageRank[pg.Kind] {
			at = i
			break
		}
	}
	p.Pages = slices.Insert(p.Pages, at, pg)
}

func hasPage(p *prd.PRD, kind prd.PageKind) bool {
	return slices.ContainsFunc(p.Pages, func(pg prd.Page) bool { return pg.Kind == kind })
}

func (o AddPage) apply(p *prd.PRD) (Result, error) {
	if o.Page != prd.PageAbout && o.Page != prd.PageContact && o.Page != prd.PageDashboard {
		return Result{}, refuse("pages that can be added: about, contact, dashboard")
	}
	if hasPage(p, o.Page) {
		return unchanged("the app already has a %s page", o.Page)
	}
	pg := prd.Page{Kind: o.Page, Title: prd.Title(string(o.Page)), Path: "/" + string(o.Page), InNav: true}
	note := fmt.Sprintf("added %s page %s", o.Page, pg.Path)
	switch o.Page {
	case prd.PageAbout:
		pg.Body = fmt.Sprintf("%s was made to keep things simple, fast and pleasant to use.", p.AppName)
	case prd.PageContact:
		pg.Body = fmt.Sprintf("Questions, ideas or a project in mind? Send %s a message and you will get a reply within two working days.", p.AppName)
		if !p.Has(prd.FeatureContact, "") {
			p.Features = append(p.Features, prd.Feature{Kind: prd.FeatureContact, Label: "Contact"})
		}
	case prd.PageDashboard:
		if added := addInsights(p); len(added) > 0 {
			note += " showing " + strings.Join(added, ", ")
		}
	}
	insertPage(p, pg)
	return changed("%s", note)
}

// addInsights gives a dashboard something to show when the app has no
// summaries yet: the number of each entity's records, and a chart of the
// first choice field.
func addInsights(p *prd.PRD) []string {
	for _, f := range p.Features {
		switch f.Kind {
		case prd.FeatureAggregate, prd.FeatureChart, prd.FeatureRanking, prd.FeatureProgress:
			return nil
		}
	}
	var added []string
	charted := false
	for i, e := range p.Entities {
		if i == 4 {
			break
		}
		label := "Number of " + e.Plural
		p.Features = append(p.Features, prd.Feature{Kind: prd.FeatureAggregate, Entity: e.Name, Op: "count", Label: prd.Title(label)})
		added = append(added, strings.ToLower(label))
		for _, f := range e.Fields {
			if f.Type == prd.Enum && !charted {
				label := fmt.Sprintf("%s by %s", prd.Title(e.Plural), f.Name)
				p.Features = append(p.Features, prd.Feature{Kind: prd.FeatureChart, Entity: e.Name, GroupBy: f.Name, Op: "count", Label: label})
				added = append(added, "a chart of "+strings.ToLower(label))
				charted = true
			}
		}
	}
	return added
}

func (o RemovePage) apply(p *prd.PRD) (Result, error) {
	if o.Page != prd.PageAbout && o.Page != prd.PageContact && o.Page != prd.PageDashboard {
		return Result{}, refuse("pages that can be removed: about, contact, dashboard")
	}
	if !hasPage(p, o.Page) {
		return unchanged("the app has no %s page", o.Page)
	}
	p.Pages = slices.DeleteFunc(p.Pages, func(pg prd.Page) bool { return pg.Kind == o.Page })
	if o.Page == prd.PageContact {
		dropFeatures(p, func(f prd.Feature) bool { return f.Kind == prd.FeatureContact })
	}
	return changed("removed the %s page", o.Page)
}

func (o SetTheme) apply(p *prd.PRD) (Result, error) {
	old, t := p.Theme, o.Theme
	if old.Primary == t.Primary && old.Accent == t.Accent && old.Background == t.Background && old.Mode == t.Mode && old.DarkToggle == t.DarkToggle {
		return unchanged("the theme already has those colours")
	}
	p.Theme = t
	syncDarkFeature(p)
	return changed("theme colours from %q: primary %s, accent %s, background %s", o.Request, t.Primary, t.Accent, t.Background)
}

func (o SetDarkMode) apply(p *prd.PRD) (Result, error) {
	t := &p.Theme
	mode := o.Mode
	if mode == DarkFlip {
		mode = DarkToggle
		if t.DarkToggle || t.Mode == "dark" {
			mode = DarkOff
		}
	}
	defer syncDarkFeature(p)
	switch mode {
	case DarkToggle:
		if t.DarkToggle {
			return unchanged("the app already has a light/dark switch")
		}
		t.DarkToggle = true
		if t.Mode != "dark" {
			t.Mode = "system"
		}
		return changed("added a light/dark switch; the app follows the system setting until it is used")
	case DarkAlways:
		if t.Mode == "dark" && !t.DarkToggle {
			return unchanged("the app is already dark")
		}
		if t.Mode != "dark" {
			setColours(t, themeOf(*t).DarkVariant())
		}
		t.Mode, t.DarkToggle = "dark", false
		return changed("made the app dark (background %s, primary %s)", t.Background, t.Primary)
	case DarkOff:
		if !t.DarkToggle && t.Mode != "dark" {
			return unchanged("the app has no dark mode")
		}
		if t.Mode == "dark" {
			setColours(t, lightTheme(*t))
		}
		t.Mode, t.DarkToggle = "light", false
		return changed("removed dark mode; the app is light (background %s, primary %s)", t.Background, t.Primary)
	}
	return Result{}, refuse("unknown dark mode %q", o.Mode)
}

// themeOf is a PRD theme as the palette sees it.
func themeOf(t prd.Theme) palette.Theme {
	return palette.Theme{Primary: t.Primary, Accent: t.Accent, Background: t.Background, Surface: t.Surface, Text: t.Text, Dark: t.Mode == "dark"}
}

func setColours(t *prd.Theme, c palette.Theme) {
	t.Primary, t.Accent, t.Background, t.Surface, t.Text = c.Primary, c.Accent, c.Background, c.Surface, c.Text
}

// lightTheme turns a dark theme light around its primary colour, darkened
// until it stands out on a light background.
func lightTheme(t prd.Theme) palette.Theme {
	primary, err := palette.Parse(t.Primary)
	if err != nil {
		return palette.Default()
	}
	for i := 0; i < 10 && palette.Contrast(primary, palette.White) < 3; i++ {
		primary = palette.Darken(primary, 0.15)
	}
	return palette.Build(palette.Request{Primary: primary.Hex()})
}

// syncDarkFeature keeps the dark mode feature in step with the theme.
func syncDarkFeature(p *prd.PRD) {
	want := p.Theme.DarkToggle || p.Theme.Mode == "dark"
	has := p.Has(prd.FeatureDarkMode, "")
	switch {
	case want && !has:
		p.Features = append(p.Features, prd.Feature{Kind: prd.FeatureDarkMode, Label: "Dark mode"})
	case !want && has:
		dropFeatures(p, func(f prd.Feature) bool { return f.Kind == prd.FeatureDarkMode })
	}
}

func (o AddFeature) apply(p *prd.PRD) (Result, error) {
	f := o.Feature
	e, err := entityAt(p, f.Entity)
	if err != nil {
		return Result{}, err
	}
	if err := checkFeatureField(p, *e, f.Kind, f.Field); err != nil {
		return Result{}, err
	}
	what := describeFeature(*e, f)
	for i, have := range p.Features {
		if have.Kind != f.Kind || have.Entity != f.Entity || have.Field != f.Field {
			continue
		}
		if f.Kind == prd.FeatureSort && have.Order != f.Order {
			p.Features[i].Order = f.Order
			return changed("%s now sort %s first", e.Plural, orderWords(f.Order))
		}
		return unchanged("%s already", what)
	}
	p.Features = append(p.Features, f)
	return changed("%s", what)
}

func describeFeature(e prd.Entity, f prd.Feature) string {
	verb := map[prd.FeatureKind]string{prd.FeatureSearch: "searched", prd.FeatureFilter: "filtered", prd.FeatureSort: "sorted"}[f.Kind]
	s := fmt.Sprintf("%s can be %s", e.Plural, verb)
	if f.Field != "" {
		s += " by " + f.Field
	}
	if f.Kind == prd.FeatureSort && f.Order == "desc" {
		s += " (" + orderWords(f.Order) + " first)"
	}
	return s
}

func orderWords(order string) string {
	if order == "desc" {
		return "highest or latest"
	}
	return "lowest or earliest"
}

func (o RemoveFeature) apply(p *prd.PRD) (Result, error) {
	if _, err := entityAt(p, o.Entity); err != nil {
		return Result{}, err
	}
	dropped := dropFeatures(p, func(f prd.Feature) bool {
		return f.Kind == o.Feature && f.Entity == o.Entity && (o.Field == "" || f.Field == o.Field)
	})
	if len(dropped) == 0 {
		return unchanged("%s have no %s to remove", o.Entity, o.Feature)
	}
	return changed("removed %s", strings.Join(dropped, ", "))
}

func (o AddRelation) apply(p *prd.PRD) (Result, error) {
	r := o.Relation
	from, err := entityAt(p, r.From)
	if err != nil {
		return Result{}, err
	}
	if _, err := entityAt(p, r.To); err != nil {
		return Result{}, err
	}
	if r.From == r.To {
		return Result{}, refuse("an entity cannot link to itself")
	}
	for _, have := range p.Relations {
		switch {
		case have.From == r.From && have.To == r.To:
			return unchanged("each %s already links to a %s", r.From, r.To)
		case have.From == r.To && have.To == r.From:
			return Result{}, refuse("each %s already links to a %s; a link goes one way", r.To, r.From)
		}
	}
	note := fmt.Sprintf("each %s links to a %s", r.From, r.To)
	if i := fieldIndex(from, r.To); i >= 0 && len(from.Fields) > 1 {
		// The typed-in name becomes a choice of the linked records.
		from.Fields = slices.Delete(from.Fields, i, i+1)
		if from.Display == r.To {
			from.Display = from.Fields[0].Name
		}
		for _, s := range from.Samples {
			delete(s, r.To)
		}
		note += fmt.Sprintf(" (the text field %s became the link)", r.To)
	}
	p.Relations = append(p.Relations, r)
	return changed("%s", note)
}

func (o RemoveRelation) apply(p *prd.PRD) (Result, error) {
	i := slices.IndexFunc(p.Relations, func(r prd.Relation) bool {
		return r.From == o.A && r.To == o.B || r.From == o.B && r.To == o.A
	})
	if i < 0 {
		return unchanged("%s and %s are not linked", o.A, o.B)
	}
	r := p.Relations[i]
	p.Relations = slices.Delete(p.Relations, i, i+1)
	dropped := dropFeatures(p, func(f prd.Feature) bool {
		return f.Entity == r.From && (featureUses(f, r.To) || f.Via == r.To) || f.Entity == r.To && f.Via == r.From
	})
	return changed("each %s no longer links to a %s%s", r.From, r.To, alsoRemoved(dropped))
}

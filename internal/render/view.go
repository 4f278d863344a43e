package render

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// appView is the PRD as the templates see it.
type appView struct {
	*prd.PRD
	Slug     string
	Entities []*entityView
	Nav      []navItem
	Theme    themeView
	Pages    []pageView
	Year     int
	// Initial is the letter drawn in the logo mark.
	Initial string
	// Hero copy of the home page.
	Headline, Subheadline, CallToAction string
	// Insights are every summary the features ask for.
	Insights []insight
	Target   Target
}

// HasDashboard reports whether the app has a dashboard page.
func (v *appView) HasDashboard() bool {
	for _, pg := range v.Pages {
		if pg.Kind == prd.PageDashboard {
			return true
		}
	}
	return false
}

// needs reports whether a shared file is used by this app.
func (v *appView) needs(file string) bool {
	if needed, ofTool := v.needsForTool(file); ofTool {
		return needed
	}
	switch file {
	case "components/theme-toggle.tsx":
		return v.Theme.Toggle
	case "components/signup-form.tsx":
		return v.Landing != nil && v.Landing.Signup
	case "components/record-count.tsx":
		return len(v.Entities) > 0
	case "components/contact-form.tsx":
		return v.hasPage(prd.PageContact)
	case "components/bar-chart.tsx":
		for _, in := range v.Insights {
			if in.Chart {
				return true
			}
		}
		return false
	}
	return true
}

// needsForTool reports whether file belongs to a tool and, if so, whether
// one of the app's tools uses it.
func (v *appView) needsForTool(file string) (needed, ofTool bool) {
	for tool, a := range toolAssets {
		switch file {
		case "components/tools/" + a.File + ".tsx", "lib/tools/" + a.Lib + ".ts", "tests/unit/tool-" + a.Test + ".test.ts":
			if v.hasTool(tool) {
				return true, true
			}
			ofTool = true
		}
	}
	return false, ofTool
}

// ToolPages are the app's tool pages.
func (v *appView) ToolPages() []pageView {
	var out []pageView
	for _, pg := range v.Pages {
		if pg.Kind == prd.PageTool {
			out = append(out, pg)
		}
	}
	return out
}

// HomeTool is the tool the home page shows, when the app has one.
func (v *appView) HomeTool() *pageData {
	for _, pg := range v.ToolPages() {
		return &pageData{App: v, Page: pg}
	}
	return nil
}

func (v *appView) hasTool(tool string) bool {
	return slices.ContainsFunc(v.ToolPages(), func(pg pageView) bool { return pg.Tool == tool })
}

func (v *appView) hasPage(k prd.PageKind) bool {
	for _, pg := range v.Pages {
		if pg.Kind == k {
			return true
		}
	}
	return false
}

type navItem struct {
	Href  string
	Label string
}

type pageView struct {
	prd.Page
	Dir string // folder under app/
}

// entityView is one entity with every derived name and the code snippets
// its files need.
type entityView struct {
	prd.Entity
	Key, Type, PluralKey, PluralType string
	Route, Label, PluralLabel        string
	File                             string // kebab base name of its component files
	StorageKey                       string
	Fields                           []fieldView
	Display                          fieldView
	Refs                             []fieldView // fields that reference another entity
	Children                         []*entityView
	Search                           []fieldView // text fields the search box looks through
	Filters                          []fieldView // enum, boolean and relation fields to filter by
	Ranges                           []fieldView // numeric fields with a maximum to filter by
	Sorts                            []sortView
	Samples                          []string // TypeScript object literals of sample records
	// Blurb is the one-line description on the home page card.
	Blurb string
	// HasDetail is true when each record has a page of its own.
	HasDetail bool
}

type sortView struct {
	Value string // option value
	Label string
	Key   string
	Desc  bool
	Kind  string // text | number | date | boolean
}

func newAppView(p *prd.PRD, year int) (*appView, error) {
	v := &appView{PRD: p, Slug: p.Slug(), Theme: newThemeView(p.Theme), Year: year}
	v.Initial = initial(p.AppName)
	v.Headline, v.Subheadline = p.AppName, p.Summary
	if l := p.Landing; l != nil {
		v.Headline, v.Subheadline, v.CallToAction = l.Headline, l.Subheadline, l.CallToAction
	}
	byName := map[string]*entityView{}
	for _, e := range p.Entities {
		ev := newEntityView(v.Slug, e)
		v.Entities = append(v.Entities, ev)
		byName[e.Name] = ev
	}
	for _, r := range p.Relations {
		from, to := byName[r.From], byName[r.To]
		if from == nil || to == nil {
			return nil, fmt.Errorf("relation %s -> %s names a missing entity", r.From, r.To)
		}
		ref := fieldView{
			Field:   prd.Field{Name: to.Name, Type: prd.Text, Required: r.Required},
			Key:     to.Key + "Id",
			Label:   to.Label,
			InputID: from.File + "-" + prd.Kebab(to.Key) + "-id",
			TSType:  "string", DraftType: "string", EmptyDraft: `""`,
			Ref: to,
		}
		from.Refs = append(from.Refs, ref)
		// The reference goes right after the record's title field.
		at := slices.IndexFunc(from.Fields, func(f fieldView) bool { return f.Name == from.Display.Name }) + 1
		from.Fields = slices.Insert(from.Fields, at, ref)
		to.Children = append(to.Children, from)
	}
	for _, ev := range v.Entities {
		ev.features(p)
	}
	v.Insights = v.insights()
	for _, ev := range v.Entities {
		ev.HasDetail = v.detailPages(ev)
	}
	if v.CallToAction == "" {
		v.CallToAction = "Get started"
		if len(v.Entities) > 0 {
			v.CallToAction = "Open " + strings.ToLower(v.Entities[0].PluralLabel)
		}
	}
	v.Nav = append(v.Nav, navItem{Href: "/", Label: "Home"})
	for _, ev := range v.Entities {
		v.Nav = append(v.Nav, navItem{Href: ev.Route, Label: ev.PluralLabel})
	}
	for _, pg := range p.Pages {
		if pg.Kind == prd.PageHome || pg.Kind == prd.PageList || pg.Kind == prd.PageDetail {
			continue
		}
		if pg.Kind == prd.PageDashboard && len(v.Insights) == 0 || pg.Kind == prd.PagePlay && v.play() == nil {
			continue // nothing to show
		}
		v.Pages = append(v.Pages, pageView{Page: pg, Dir: strings.Trim(pg.Path, "/")})
		if pg.InNav {
			v.Nav = append(v.Nav, navItem{Href: pg.Path, Label: pg.Title})
		}
	}
	return v, nil
}

// localNames are identifiers the templates declare inside components; an
// entity whose variable would be one of them gets a longer one ("items"
// of an inventory are stored as itemsList).
var localNames = map[string]bool{
	"address": true, "answer": true, "cards": true, "choices": true, "chosen": true, "column": true,
	"count": true, "current": true, "data": true, "date": true, "day": true, "days": true,
	"done": true, "draft": true, "due": true, "editing": true, "empty": true, "error": true,
	"errors": true, "event": true, "form": true, "found": true, "full": true, "groups": true,
	"hours": true, "hydrated": true, "id": true, "index": true, "item": true, "items": true,
	"key": true, "label": true, "links": true, "list": true, "listed": true, "match": true,
	"max": true, "media": true, "month": true, "name": true, "nav": true, "needle": true,
	"next": true, "notify": true, "now": true, "offset": true, "option": true, "options": true,
	"page": true, "parent": true, "parsed": true, "path": true, "pending": true, "picked": true,
	"points": true, "problem": true, "query": true, "record": true, "ref": true, "related": true,
	"removed": true, "result": true, "results": true, "revealed": true, "round": true, "route": true,
	"routes": true, "row": true, "rows": true, "sample": true, "samples": true, "saved": true,
	"score": true, "sent": true, "sort": true, "state": true, "streak": true, "taken": true,
	"text": true, "title": true, "toasts": true, "total": true, "updated": true, "value": true,
	"values": true, "visible": true, "week": true,
}

func newEntityView(slug string, e prd.Entity) *entityView {
	ev := &entityView{
		Entity: e, Key: e.Key(), Type: e.Type(), PluralKey: e.PluralKey(), PluralType: e.PluralType(),
		Route: e.Route(), Label: e.Label(), PluralLabel: e.PluralLabel(),
		File: prd.Kebab(e.Type()),
	}
	if ev.PluralKey == ev.Key {
		ev.PluralKey += "List"
		ev.PluralType += "List"
	}
	ev.StorageKey = slug + ":" + prd.Kebab(ev.PluralType)
	if localNames[ev.Key] {
		ev.Key += "Record"
	}
	if localNames[ev.PluralKey] {
		ev.PluralKey += "List"
	}
	ev.Blurb = e.Description
	if ev.Blurb == "" {
		ev.Blurb = "Add, edit and keep track of your " + strings.ToLower(ev.PluralLabel) + "."
	}
	for _, f := range e.Fields {
		ev.Fields = append(ev.Fields, newFieldView(ev, f))
	}
	ev.Display = ev.Fields[0]
	for _, f := range ev.Fields {
		if f.Name == e.DisplayField().Name {
			ev.Display = f
		}
	}
	return ev
}

func newFieldView(ev *entityView, f prd.Field) fieldView {
	fv := fieldView{Field: f, Key: f.Key(), InputID: ev.File + "-" + prd.Kebab(f.Key())}
	fv.Label = f.Label()
	if f.Unit != "" && f.Type != prd.Money {
		fv.Label += " (" + f.Unit + ")"
	}
	if f.Type == prd.Rating {
		_, hi := fv.bounds()
		lo, _ := fv.bounds()
		fv.Label += " (" + lo + "–" + hi + ")"
	}
	switch f.Type {
	case prd.Number, prd.Money, prd.Rating:
		fv.TSType, fv.DraftType, fv.EmptyDraft = "number | null", "string", `""`
	case prd.Boolean:
		fv.TSType, fv.DraftType, fv.EmptyDraft = "boolean", "boolean", "false"
	case prd.Tags:
		fv.TSType, fv.DraftType, fv.EmptyDraft = "string[]", "string", `""`
	case prd.Enum:
		fv.OptionsVar = upperSnake(ev.Type+" "+f.Key()) + "_OPTIONS"
		fv.OptionType = ev.Type + prd.Pascal(f.Key())
		fv.TSType, fv.DraftType, fv.EmptyDraft = fv.OptionType, "string", jsString(f.Options[0])
	default:
		fv.TSType, fv.DraftType, fv.EmptyDraft = "string", "string", `""`
	}
	return fv
}

// features derives the search, filter and sort controls of the list.
func (ev *entityView) features(p *prd.PRD) {
	field := func(name string) (fieldView, bool) {
		for _, f := range ev.Fields {
			if f.Name == name || (f.Ref != nil && f.Ref.Name == name) {
				return f, true
			}
		}
		return fieldView{}, false
	}
	for _, ft := range p.FeaturesOf(prd.FeatureSearch, ev.Name) {
		if f, ok := field(ft.Field); ok && f.isText() {
			ev.Search = appendField(ev.Search, f)
		}
	}
	if p.Has(prd.FeatureSearch, ev.Name) && len(ev.Search) == 0 {
		for _, f := range ev.Fields {
			if f.isText() && f.Type != prd.ImageURL && f.Type != prd.URL {
				ev.Search = append(ev.Search, f)
			}
		}
	}
	for _, ft := range p.FeaturesOf(prd.FeatureFilter, ev.Name) {
		f, ok := field(ft.Field)
		switch {
		case !ok:
		case f.Ref == nil && f.isNumeric():
			ev.Ranges = appendField(ev.Ranges, f)
		case f.Type == prd.Enum || f.Type == prd.Boolean || f.Ref != nil || f.Type == prd.Tags || f.Type == prd.Text:
			ev.Filters = appendField(ev.Filters, f)
		}
	}
	for _, ft := range p.FeaturesOf(prd.FeatureSort, ev.Name) {
		f, ok := field(ft.Field)
		if !ok || f.Ref != nil {
			continue
		}
		kind := "text"
		switch {
		case f.isNumeric():
			kind = "number"
		case f.Type == prd.Date || f.Type == prd.Time:
			kind = "date"
		case f.Type == prd.Boolean:
			kind = "boolean"
		}
		asc := sortView{Value: f.Key + "-asc", Key: f.Key, Kind: kind, Label: f.Field.Label() + sortSuffix(kind, false)}
		desc := sortView{Value: f.Key + "-desc", Key: f.Key, Kind: kind, Desc: true, Label: f.Field.Label() + sortSuffix(kind, true)}
		if ft.Order == "desc" {
			ev.Sorts = append(ev.Sorts, desc, asc)
		} else {
			ev.Sorts = append(ev.Sorts, asc, desc)
		}
	}
}

func sortSuffix(kind string, desc bool) string {
	switch kind {
	case "number":
		if desc {
			return " (high to low)"
		}
		return " (low to high)"
	case "date":
		if desc {
			return " (latest first)"
		}
		return " (earliest first)"
	case "boolean":
		if desc {
			return " (yes first)"
		}
		return " (no first)"
	}
	if desc {
		return " (Z to A)"
	}
	return " (A to Z)"
}

func appendField(list []fieldView, f fieldView) []fieldView {
	for _, g := range list {
		if g.Key == f.Key {
			return list
		}
	}
	return append(list, f)
}

func upperSnake(s string) string {
	return strings.ToUpper(strings.Join(prd.Words(prd.Camel(s)), "_"))
}

// initial is the first letter or digit of name, upper-cased, for the logo mark.
func initial(name string) string {
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return string(unicode.ToUpper(r))
		}
	}
	return "A"
}

// detailPages reports whether an entity gets a page per record: when the
// prompt asks for one, or when other records belong to it.
func (v *appView) detailPages(e *entityView) bool {
	return v.Has(prd.FeatureDetail, e.Name) || len(e.Children) > 0
}

package render

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// entityData is what the per-entity templates render: the app, the entity,
// and the snippets that depend on which features the entity has.
type entityData struct {
	App *appView
	E   *entityView
}

type uses struct{ Number, Boolean, Tags, Enum bool }

// Uses says which storage readers the entity's lib file needs.
func (d entityData) Uses() uses {
	var u uses
	for _, f := range d.E.Fields {
		switch {
		case f.Ref != nil:
		case f.isNumeric():
			u.Number = true
		case f.Type == prd.Boolean:
			u.Boolean = true
		case f.Type == prd.Tags:
			u.Tags = true
		case f.Type == prd.Enum:
			u.Enum = true
		}
	}
	return u
}

// ValidateImports lists the lib/validate functions the entity's checks call.
func (d entityData) ValidateImports() string {
	var all []string
	for _, f := range d.E.Fields {
		all = append(all, f.Check())
		if f.Type == prd.Tags {
			all = append(all, "splitList(")
		}
	}
	return importsUsed(strings.Join(all, " "), "date", "email", "first", "imageUrl", "maxLength", "numberIn", "phone", "required", "splitList", "time", "url")
}

// FieldImports lists the components/fields components the form uses.
func (d entityData) FieldImports() string {
	var all strings.Builder
	for _, f := range d.E.Fields {
		all.WriteString(f.Input(d.E.Key) + "\n")
	}
	var out []string
	for _, c := range []string{"CheckboxField", "InputField", "SelectField", "TextAreaField"} {
		if strings.Contains(all.String(), "<"+c+" ") {
			out = append(out, c)
		}
	}
	return strings.Join(out, ", ")
}

// FormatImports lists the lib/format functions the list uses.
func (d entityData) FormatImports() string {
	var all strings.Builder
	for _, f := range d.Details() {
		all.WriteString(f.Display("x") + "\n")
	}
	return importsUsed(all.String(), "formatDate", "formatMoney", "formatNumber", "formatTime")
}

// TitleExpr is the expression titling a record named by the entity key.
func (d entityData) TitleExpr() string {
	e := d.E
	f := e.Display
	v := e.Key + "." + f.Key
	untitled := jsString("Untitled " + strings.ToLower(e.Label))
	switch {
	case f.Ref != nil:
		return untitled
	case f.isNumeric():
		return fmt.Sprintf("%s === null ? %s : String(%s)", v, untitled, v)
	case f.Type == prd.Boolean:
		return jsString(e.Label)
	case f.Type == prd.Tags:
		return fmt.Sprintf("%s.join(\", \") || %s", v, untitled)
	}
	return fmt.Sprintf("%s.trim() || %s", v, untitled)
}

// Description is the lead paragraph of the entity's page.
func (d entityData) Description() string {
	if d.E.Description != "" {
		return d.E.Description
	}
	return fmt.Sprintf("Add, edit and review your %s. Everything is saved in this browser.", strings.ToLower(d.E.PluralLabel))
}

// SearchPlaceholder names what the search box looks through.
func (d entityData) SearchPlaceholder() string {
	var names []string
	for _, f := range d.E.Search {
		names = append(names, strings.ToLower(f.Field.Label()))
	}
	if len(names) > 3 {
		return "Type to search…"
	}
	return "Search by " + joinWords(names) + "…"
}

// Image is the first image field, shown as the card's picture.
func (d entityData) Image() *fieldView {
	for _, f := range d.E.Fields {
		if f.Type == prd.ImageURL && f.Ref == nil {
			return &f
		}
	}
	return nil
}

// Badges are the enum fields, shown as pills beside the title (not the
// one that is the title).
func (d entityData) Badges() []fieldView {
	var out []fieldView
	for _, f := range d.E.Fields {
		if f.Type == prd.Enum && f.Ref == nil && f.Key != d.E.Display.Key {
			out = append(out, f)
		}
	}
	return out
}

// Toggles are the boolean fields, switched right from the list.
func (d entityData) Toggles() []fieldView {
	var out []fieldView
	for _, f := range d.E.Fields {
		if f.Type == prd.Boolean && f.Ref == nil {
			out = append(out, f)
		}
	}
	return out
}

// Details are the fields listed under the title.
func (d entityData) Details() []fieldView {
	var out []fieldView
	img := d.Image()
	for _, f := range d.E.Fields {
		if f.Key == d.E.Display.Key || (img != nil && f.Key == img.Key) {
			continue
		}
		if f.Ref == nil && (f.Type == prd.Enum || f.Type == prd.Boolean) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// PinnedKey is the boolean field whose records show first, if any.
func (d entityData) PinnedKey() string {
	for _, ft := range d.App.FeaturesOf(prd.FeaturePinned, d.E.Name) {
		for _, f := range d.E.Fields {
			if f.Name == ft.Field && f.Type == prd.Boolean {
				return f.Key
			}
		}
	}
	return ""
}

// compareOps are the TypeScript operators of the PRD's comparisons.
var compareOps = map[string]string{"lt": "<", "le": "<=", "gt": ">", "ge": ">=", "eq": "===", "ne": "!=="}

// highlight returns the condition marking a record and its badge text.
func (d entityData) highlight() (cond, label string) {
	for _, ft := range d.App.FeaturesOf(prd.FeatureHighlight, d.E.Name) {
		for _, f := range d.E.Fields {
			if f.Name != ft.Field || f.Ref != nil {
				continue
			}
			op := compareOps[ft.Compare]
			if op == "" {
				continue
			}
			v := d.E.Key + "." + f.Key
			label = ft.Label
			if label == "" {
				label = "Needs attention"
			}
			if other, ok := d.E.field(ft.Value); ok && f.isNumeric() && other.isNumeric() && other.Ref == nil {
				w := d.E.Key + "." + other.Key
				return fmt.Sprintf("%s !== null && %s !== null && %s %s %s", v, w, v, op, w), label
			}
			if f.isNumeric() {
				return fmt.Sprintf("%s !== null && %s %s %s", v, v, op, ft.Value), label
			}
			return fmt.Sprintf("%s %s %s", v, op, jsString(ft.Value)), label
		}
	}
	return "", ""
}

// HighlightClass adds the highlight style to a record's card.
func (d entityData) HighlightClass() string {
	cond, _ := d.highlight()
	if cond == "" {
		return ""
	}
	return fmt.Sprintf(` ${%s ? "border-danger bg-danger/5" : ""}`, cond)
}

// HighlightBadge is the JSX of the badge shown on highlighted records.
func (d entityData) HighlightBadge() string {
	cond, label := d.highlight()
	if cond == "" {
		return ""
	}
	return fmt.Sprintf("\n                {%s ? (\n                  <span className=\"rounded-full bg-danger px-2.5 py-0.5 text-xs font-semibold text-surface\">%s</span>\n                ) : null}", cond, jsxText(label))
}

// FilterTest is the predicate keeping items that match the field's filter.
func (f fieldView) FilterTest() string {
	v := "item." + f.Key
	switch {
	case f.Type == prd.Boolean && f.Ref == nil:
		return fmt.Sprintf("String(%s) === %sFilter", v, f.Key)
	case f.Type == prd.Tags && f.Ref == nil:
		return fmt.Sprintf("%s.includes(%sFilter)", v, f.Key)
	}
	return fmt.Sprintf("%s === %sFilter", v, f.Key)
}

// FilterOptions is the expression listing the filter's choices.
func (f fieldView) FilterOptions() string {
	switch {
	case f.Ref != nil:
		return fmt.Sprintf("%sItems.map((item) => ({ value: item.id, label: %sTitle(item) }))", f.Ref.Key, f.Ref.Key)
	case f.Type == prd.Enum:
		return f.OptionsVar + ".map((option) => ({ value: option, label: option }))"
	case f.Type == prd.Boolean:
		return `[{ value: "true", label: "Yes" }, { value: "false", label: "No" }]`
	case f.Type == prd.Tags:
		return fmt.Sprintf("[...new Set(items.flatMap((item) => item.%s))].sort().map((value) => ({ value, label: value }))", f.Key)
	}
	return fmt.Sprintf("[...new Set(items.map((item) => item.%s).filter((value) => value !== \"\"))].sort().map((value) => ({ value, label: value }))", f.Key)
}

// DisplayJSX renders the stored value of record rec in a list.
func (f fieldView) DisplayJSX(rec string) string {
	v := rec + "." + f.Key
	switch {
	case f.Ref != nil && f.Ref.HasDetail:
		return fmt.Sprintf("{%s ? (\n                    <Link href={`%s/${%s}`} className=\"text-primary-ink hover:underline\">\n                      {%s}\n                    </Link>\n                  ) : \"—\"}", v, f.Ref.Route, v, f.Display(rec))
	case f.Ref != nil:
	case f.Type == prd.URL || f.Type == prd.ImageURL:
		return fmt.Sprintf("{%s ? (\n                    <a href={%s} className=\"text-primary-ink underline underline-offset-2\" rel=\"noopener noreferrer\" target=\"_blank\">\n                      {%s}\n                    </a>\n                  ) : \"—\"}", v, v, v)
	case f.Type == prd.Email:
		return fmt.Sprintf("{%s ? (\n                    <a href={`mailto:${%s}`} className=\"text-primary-ink underline underline-offset-2\">\n                      {%s}\n                    </a>\n                  ) : \"—\"}", v, v, v)
	}
	if f.Type == prd.Boolean && f.Ref == nil {
		return "{" + f.Display(rec) + "}" // never empty
	}
	return fmt.Sprintf("{%s || \"—\"}", f.Display(rec))
}

// Compare is the comparison of records a and b for the sort option.
func (s sortView) Compare() string {
	a, b := "a", "b"
	if s.Desc {
		a, b = b, a
	}
	switch s.Kind {
	case "number":
		return fmt.Sprintf("(%s.%s ?? 0) - (%s.%s ?? 0)", a, s.Key, b, s.Key)
	case "boolean":
		return fmt.Sprintf("Number(%s.%s) - Number(%s.%s)", a, s.Key, b, s.Key)
	}
	return fmt.Sprintf("%s.%s.localeCompare(%s.%s)", a, s.Key, b, s.Key)
}

func joinWords(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

// importsUsed lists, comma-separated, the names among fns that code calls.
func importsUsed(code string, fns ...string) string {
	var out []string
	for _, fn := range fns {
		if regexp.MustCompile(`\b` + fn + `\(`).MatchString(code) {
			out = append(out, fn)
		}
	}
	return strings.Join(out, ", ")
}

// Insights are the summaries of this entity's records.
func (d entityData) Insights() []insight {
	var out []insight
	for _, in := range d.App.Insights {
		if in.Entity == d.E {
			out = append(out, in)
		}
	}
	return out
}

// pageData is what a page template renders.
type pageData struct {
	App  *appView
	Page pageView
}

// Component is the page's React component name.
func (d pageData) Component() string { return prd.Pascal(d.Page.Title) + "Page" }

// toolAssets are the files each tool brings: its component (name and file
// under components/tools), the logic module under lib/tools it may share
// with another tool, and that module's unit test.
var toolAssets = map[string]struct{ Component, File, Lib, Test string }{
	prd.ToolTimer:      {"Timer", "timer", "clock", "clock"},
	prd.ToolStopwatch:  {"Stopwatch", "stopwatch", "clock", "clock"},
	prd.ToolCalculator: {"Calculator", "calculator", "calculator", "calculator"},
	prd.ToolConverter:  {"Converter", "converter", "converter", "converter"},
	prd.ToolTicTacToe:  {"TicTacToe", "tictactoe", "tictactoe", "tictactoe"},
	prd.Tool2048:       {"Game2048", "game2048", "game2048", "2048"},
}

// ToolComponent is the component a tool page shows.
func (d pageData) ToolComponent() string { return toolAssets[d.Page.Tool].Component }

// ToolFile is its file under components/tools.
func (d pageData) ToolFile() string { return toolAssets[d.Page.Tool].File }

// Description is the page's meta description.
func (d pageData) Description() string {
	if ps := d.Paragraphs(); len(ps) > 0 {
		return truncateWords(ps[0], 155)
	}
	return d.Page.Title + " — " + d.App.AppName
}

// Paragraphs splits the page body on blank lines.
func (d pageData) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(d.Page.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func truncateWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		cut = n
	}
	return strings.TrimRight(s[:cut], ",.;: ") + "…"
}

// Lookups are the other entities whose records the list reads.
func (d entityData) Lookups() []*entityView {
	var out []*entityView
	for _, r := range d.E.Refs {
		if !slices.Contains(out, r.Ref) {
			out = append(out, r.Ref)
		}
	}
	if c := d.Capacity(); c != nil && !slices.Contains(out, c.From) {
		out = append(out, c.From)
	}
	return out
}

// FilterOptionVars are the option constants the list imports.
func (d entityData) FilterOptionVars() []string {
	var out []string
	for _, f := range d.E.Filters {
		if f.OptionsVar != "" && f.Ref == nil && !slices.Contains(out, f.OptionsVar) {
			out = append(out, f.OptionsVar)
		}
	}
	if b := d.Board(); b != nil && !slices.Contains(out, b.OptionsVar) {
		out = append(out, b.OptionsVar)
	}
	return out
}

// ListFormatImports lists the lib/format functions the list uses.
func (d entityData) ListFormatImports() string {
	var all strings.Builder
	for _, f := range d.Details() {
		all.WriteString(f.Display("x") + "\n")
	}
	for _, c := range d.Computed() {
		all.WriteString(c.Format + "\n")
	}
	if d.Streak() || d.Due() != nil {
		all.WriteString("today()\n")
	}
	return importsUsed(all.String(), "formatDate", "formatMoney", "formatNumber", "formatTime", "today")
}

// Narrows reports whether the list can be narrowed (search, filters, toggles).
func (d entityData) Narrows() bool {
	return len(d.E.Search) > 0 || len(d.E.Filters) > 0 || len(d.E.Ranges) > 0 || d.Favorite() || d.Due() != nil
}

// Toolbar reports whether the list has a search and filter panel.
func (d entityData) Toolbar() bool { return d.Narrows() }

// MemoDeps are the dependencies of the visible-records memo.
func (d entityData) MemoDeps() string {
	deps := []string{"items"}
	if len(d.E.Search) > 0 {
		deps = append(deps, "query")
	}
	for _, f := range d.E.Filters {
		deps = append(deps, f.Key+"Filter")
	}
	for _, f := range d.E.Ranges {
		deps = append(deps, f.Key+"Max")
	}
	if d.Favorite() {
		deps = append(deps, "starredOnly")
	}
	if d.Due() != nil {
		deps = append(deps, "dueOnly", "day")
	}
	if len(d.E.Sorts) > 0 {
		deps = append(deps, "sort")
	}
	return strings.Join(deps, ", ")
}

// Detail reports whether records have a page of their own.
func (d entityData) Detail() bool { return d.App.detailPages(d.E) }

// AllDetails are every field but the title and the picture, for the detail page.
func (d entityData) AllDetails() []fieldView {
	var out []fieldView
	img := d.Image()
	for _, f := range d.E.Fields {
		if f.Key == d.E.Display.Key || (img != nil && f.Key == img.Key) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// DetailLookups are the entities the detail page reads besides its own.
func (d entityData) DetailLookups() []*entityView {
	var out []*entityView
	for _, r := range d.E.Refs {
		if !slices.Contains(out, r.Ref) {
			out = append(out, r.Ref)
		}
	}
	for _, c := range d.E.Children {
		if !slices.Contains(out, c) && c != d.E {
			out = append(out, c)
		}
	}
	return out
}

// DetailFormatImports lists the lib/format functions the detail page uses.
func (d entityData) DetailFormatImports() string {
	var all strings.Builder
	for _, f := range d.AllDetails() {
		all.WriteString(f.Display("x") + "\n")
	}
	return importsUsed(all.String(), "formatDate", "formatMoney", "formatNumber", "formatTime")
}

// RefTo is child's reference field to this entity.
func (d entityData) RefTo(child *entityView) fieldView {
	for _, r := range child.Refs {
		if r.Ref == d.E {
			return r
		}
	}
	return fieldView{}
}

// DoneKey is a boolean field that marks a record finished ("done",
// "completed"), whose records are shown struck through.
func (d entityData) DoneKey() string {
	for _, f := range d.Toggles() {
		switch strings.ToLower(f.Name) {
		case "done", "completed", "complete", "finished", "archived", "resolved", "closed", "paid":
			return f.Key
		}
	}
	return ""
}

// NeedsLink reports whether the list links to record pages (its own or
// those of the records it refers to).
func (d entityData) NeedsLink() bool {
	if d.Detail() {
		return true
	}
	for _, f := range d.Details() {
		if f.Ref != nil && f.Ref.HasDetail {
			return true
		}
	}
	return false
}

// ComputedVia are the related entities computed values read.
func (d entityData) ComputedVia() []*entityView {
	var out []*entityView
	for _, c := range d.Computed() {
		if c.Via != nil && !slices.Contains(out, c.Via) {
			out = append(out, c.Via)
		}
	}
	return out
}

// RefKeyOf is this entity's reference field key to the related entity.
func (d entityData) RefKeyOf(to *entityView) string {
	for _, r := range d.E.Refs {
		if r.Ref == to {
			return r.Key
		}
	}
	return ""
}

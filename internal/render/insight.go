package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// insight is one computed summary of an entity's records: a single figure,
// figures per group (with a chart), a percentage or a count of due records.
type insight struct {
	Kind   string // stat | groups | progress
	Title  string
	Entity *entityView
	// Expr is the TypeScript computing the value: number | null for stat,
	// Point[] for groups, a whole percentage for progress.
	Expr string
	// Format is a TypeScript function formatting one number.
	Format string
	// Detail is the secondary line of a progress insight.
	Detail string
	Chart  bool
	// Names are entities whose records the expression looks up by id.
	Names []*entityView
}

// ID is a stable identifier for the insight's variable.
func (in insight) Var(i int) string { return fmt.Sprintf("insight%d", i) }

func (v *appView) insights() []insight {
	var out []insight
	for _, f := range v.Features {
		e := v.entity(f.Entity)
		if e == nil {
			continue
		}
		if in, ok := v.insight(e, f); ok {
			out = append(out, in)
		}
	}
	return out
}

// filterCondition is the TypeScript keeping the records an aggregate is
// about ("unpaid": status !== "paid"), or "" when it covers them all.
func filterCondition(e *entityView, f prd.Feature) string {
	if f.Kind != prd.FeatureAggregate || f.Field2 == "" {
		return ""
	}
	field, ok := e.field(f.Field2)
	op := compareOps[f.Compare]
	if !ok || f.Compare != "eq" && f.Compare != "ne" || field.Ref != nil {
		return ""
	}
	switch field.Type {
	case prd.Enum:
		return fmt.Sprintf("item.%s %s %s", field.Key, op, jsString(f.Value))
	case prd.Boolean:
		return fmt.Sprintf("item.%s %s %s", field.Key, op, map[string]string{"true": "true", "false": "false"}[f.Value])
	}
	return ""
}

func (v *appView) entity(name string) *entityView {
	for _, e := range v.Entities {
		if e.Name == name {
			return e
		}
	}
	return nil
}

func (v *appView) insight(e *entityView, f prd.Feature) (insight, bool) {
	items := e.Key + "Items"
	if cond := filterCondition(e, f); cond != "" {
		items = fmt.Sprintf("%s.filter((item) => %s)", items, cond)
	}
	in := insight{Entity: e}
	value, format, label := v.measure(e, f)
	op := f.Op
	if op == "" {
		op = "sum"
		if value == "" {
			op = "count"
		}
	}
	if value == "" {
		value = "1"
	}
	measure := fmt.Sprintf("(item) => %s", value)
	switch f.Kind {
	case prd.FeatureAggregate, prd.FeatureChart, prd.FeatureRanking:
		group, groupLabel, byLabel, names := v.grouping(e, f)
		in.Names = names
		title := f.Label
		if title == "" {
			title = opTitle(op, label, e)
		}
		if group == "" && f.Kind == prd.FeatureChart && e.Display.Key != "" {
			// A chart with nothing to group by compares the records
			// themselves: one bar per record, the largest first.
			group, groupLabel = fmt.Sprintf("String(item.%s)", e.Display.Key), strings.ToLower(e.Label)
			in.Kind, in.Chart = "groups", true
			if f.Label == "" {
				title += " by " + groupLabel
			}
			in.Title, in.Format = title, format
			in.Expr = fmt.Sprintf("groupBy(%s, (item) => %s, %s, %q, false).slice(0, %d)", items, group, measure, op, maxRecordBars)
			return in, true
		}
		if group == "" {
			in.Kind, in.Title = "stat", title
			in.Expr = fmt.Sprintf("aggregate(%s.map(%s), %q)", items, measure, op)
			in.Format = format
			if op == "count" {
				in.Format = "(value) => formatNumber(value)"
			}
			return in, true
		}
		in.Kind, in.Chart = "groups", true
		if f.Label == "" {
			title += " by " + groupLabel
		}
		in.Title = title
		in.Expr = fmt.Sprintf("groupBy(%s, (item) => %s, %s, %q, %v)", items, group, measure, op, byLabel)
		if f.Kind == prd.FeatureRanking {
			limit := f.Limit
			if limit <= 0 {
				limit = 5
			}
			in.Expr += fmt.Sprintf(".slice(0, %d)", limit)
			if f.Label == "" {
				in.Title = fmt.Sprintf("Top %d %s by %s", limit, strings.ToLower(groupLabelPlural(v, f, groupLabel)), strings.ToLower(label))
			}
		}
		in.Format = format
		if op == "count" {
			in.Format = "(value) => formatNumber(value)"
		}
		return in, true
	case prd.FeatureProgress:
		fv, ok := e.field(f.Field)
		if !ok {
			return in, false
		}
		target := f.Value
		test := ""
		switch fv.Type {
		case prd.Boolean:
			test = "item." + fv.Key
			target = fv.Field.Label()
		case prd.Enum:
			if !slices.Contains(fv.Options, target) {
				target = fv.Options[len(fv.Options)-1]
			}
			test = fmt.Sprintf("item.%s === %s", fv.Key, jsString(target))
		default:
			return in, false
		}
		in.Kind = "progress"
		in.Title = f.Label
		if in.Title == "" {
			in.Title = fmt.Sprintf("%s %s", e.PluralLabel, strings.ToLower(target))
		}
		done := fmt.Sprintf("%s.filter((item) => %s).length", items, test)
		in.Expr = fmt.Sprintf("percent(%s, %s.length)", done, items)
		in.Detail = fmt.Sprintf("`${%s} of ${%s.length} %s`", done, items, strings.ToLower(e.PluralLabel))
		return in, true
	}
	return in, false
}

// maxRecordBars bounds a chart of records by their own values.
const maxRecordBars = 12

// measure is the TypeScript value of one record a feature aggregates, its
// number format and its label ("" value: the feature counts records).
func (v *appView) measure(e *entityView, f prd.Feature) (value, format, label string) {
	fv, ok := e.field(f.Field)
	if !ok || !fv.isNumeric() {
		return "", "(value) => formatNumber(value)", e.PluralLabel
	}
	format = fmt.Sprintf("(value) => formatNumber(value, %s)", jsString(fv.Unit))
	if fv.Type == prd.Money {
		format = fmt.Sprintf("(value) => formatMoney(value, %s)", jsString(currency(fv.Unit)))
	}
	return "item." + fv.Key, format, fv.Field.Label()
}

// grouping is how a feature groups records: an expression for the group's
// label, the label of the grouping, whether to order by label (time), and
// the entities whose names the expression looks up.
func (v *appView) grouping(e *entityView, f prd.Feature) (expr, label string, byLabel bool, names []*entityView) {
	by := f.GroupBy
	if by == "" && f.Via != "" {
		by = f.Via
	}
	switch by {
	case "":
		return "", "", false, nil
	case "week", "date":
		if d := e.firstOfType(prd.Date); d != nil {
			return fmt.Sprintf("weekOf(item.%s)", d.Key), "week", true, nil
		}
		return "", "", false, nil
	}
	if fv, ok := e.field(by); ok {
		switch {
		case fv.Ref != nil:
			return fmt.Sprintf("%sName(item.%s)", fv.Ref.Key, fv.Key), strings.ToLower(fv.Ref.Label), false, []*entityView{fv.Ref}
		case fv.Type == prd.Date:
			return fmt.Sprintf("weekOf(item.%s)", fv.Key), "week", true, nil
		case fv.Type == prd.Boolean:
			return fmt.Sprintf("item.%s ? \"Yes\" : \"No\"", fv.Key), strings.ToLower(fv.Field.Label()), false, nil
		case fv.Type == prd.Tags:
			return fmt.Sprintf("item.%s[0] ?? \"\"", fv.Key), strings.ToLower(fv.Field.Label()), false, nil
		case fv.isNumeric():
			return fmt.Sprintf("String(item.%s ?? \"\")", fv.Key), strings.ToLower(fv.Field.Label()), true, nil
		}
		return "item." + fv.Key, strings.ToLower(fv.Field.Label()), false, nil
	}
	return "", "", false, nil
}

func groupLabelPlural(v *appView, f prd.Feature, fallback string) string {
	if to := v.entity(f.Via); to != nil {
		return to.PluralLabel
	}
	return fallback
}

func opTitle(op, label string, e *entityView) string {
	switch op {
	case "avg":
		return "Average " + strings.ToLower(label)
	case "count":
		return "Number of " + strings.ToLower(e.PluralLabel)
	case "min":
		return "Lowest " + strings.ToLower(label)
	case "max":
		return "Highest " + strings.ToLower(label)
	}
	return "Total " + strings.ToLower(label)
}

// field finds a field by name, or the reference to an entity by its name.
func (ev *entityView) field(name string) (fieldView, bool) {
	for _, f := range ev.Fields {
		if f.Name == name || (f.Ref != nil && f.Ref.Name == name) {
			return f, true
		}
	}
	return fieldView{}, false
}

func (ev *entityView) firstOfType(t prd.FieldType) *fieldView {
	for i, f := range ev.Fields {
		if f.Type == t && f.Ref == nil {
			return &ev.Fields[i]
		}
	}
	return nil
}

// insightsData is what the insights template renders.
type insightsData struct {
	App       *appView
	Component string
	Heading   string
	Insights  []insight
	// Dashboard lays insights out on their own page (with empty states).
	Dashboard bool
}

// Entities lists every entity the insights read, in a stable order.
func (d insightsData) Entities() []*entityView {
	var out []*entityView
	add := func(e *entityView) {
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	for _, in := range d.Insights {
		add(in.Entity)
	}
	for _, in := range d.Insights {
		for _, n := range in.Names {
			add(n)
		}
	}
	return out
}

// NameLookups are the entities whose titles insights look up by id.
func (d insightsData) NameLookups() []*entityView {
	var out []*entityView
	for _, in := range d.Insights {
		for _, n := range in.Names {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// StatsImports lists the lib/stats functions used.
func (d insightsData) StatsImports() string {
	var all strings.Builder
	for _, in := range d.Insights {
		all.WriteString(in.Expr + "\n")
	}
	return importsUsed(all.String(), "aggregate", "groupBy", "percent", "weekOf")
}

// FormatImports lists the lib/format functions used.
func (d insightsData) FormatImports() string {
	var all strings.Builder
	for _, in := range d.Insights {
		all.WriteString(in.Format + "\n")
	}
	return importsUsed(all.String(), "formatMoney", "formatNumber")
}

// HasChart reports whether any insight draws a chart.
func (d insightsData) HasChart() bool {
	for _, in := range d.Insights {
		if in.Chart {
			return true
		}
	}
	return false
}

package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// extra is a stored value that no form edits: stars, check-in dates.
type extra struct {
	Key, TSType, Default, Parse string
}

// dueView is a "needs doing" rule: the last date plus an interval in days.
type dueView struct {
	Last     fieldView
	Interval fieldView
	Label    string
	Action   string // button text ("Watered today")
	// Days is how many days one unit of the interval lasts: 1 for days,
	// 7 for weeks, 30 for months, 365 for years.
	Days int
}

// Scale is the TypeScript multiplying the interval into days.
func (v dueView) Scale() string {
	if v.Days <= 1 {
		return ""
	}
	return fmt.Sprintf(" * %d", v.Days)
}

// PastDue is a last-done date in the unit tests that is one day more than
// three intervals before 2026-03-14.
func (v dueView) PastDue() string {
	return time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -(3*max(v.Days, 1) + 1)).Format("2006-01-02")
}

// intervalDays reads the unit of an interval field.
func intervalDays(unit string) int {
	switch strings.TrimSuffix(strings.ToLower(unit), "s") {
	case "week":
		return 7
	case "month":
		return 30
	case "year":
		return 365
	}
	return 1
}

// capacityView limits how many records of From may refer to one record.
type capacityView struct {
	Field fieldView   // the capacity field on the limited entity
	From  *entityView // the entity whose records take places
	Ref   fieldView   // From's reference to the limited entity
}

// computedView is a value derived from other fields.
type computedView struct {
	Label  string
	Fn     string // TypeScript function name
	Expr   string // TypeScript expression over item (and parent)
	Format string
	// Via is the related entity whose fields the expression also reads,
	// through the record's reference RefKey; nil when it reads only its own.
	Via    *entityView
	RefKey string
}

// Extras are the stored values the features add to the entity.
func (d entityData) Extras() []extra {
	var out []extra
	if d.App.Has(prd.FeatureFavorite, d.E.Name) {
		out = append(out, extra{Key: "starred", TSType: "boolean", Default: "false", Parse: "readBoolean(value.starred)"})
	}
	if d.Streak() {
		out = append(out, extra{Key: "checkIns", TSType: "string[]", Default: "[]", Parse: "readList(value.checkIns)"})
	}
	return out
}

// Streak reports whether records are checked off day by day.
func (d entityData) Streak() bool {
	return d.App.Has(prd.FeatureStreak, d.E.Name) || d.App.Has(prd.FeatureCheckIn, d.E.Name)
}

// Target is a numeric field that sets a weekly goal for check-ins.
func (d entityData) Target() *fieldView {
	if !d.Streak() {
		return nil
	}
	for i, f := range d.E.Fields {
		if f.Ref == nil && f.isNumeric() && strings.Contains(strings.ToLower(f.Name), "target") {
			return &d.E.Fields[i]
		}
	}
	return nil
}

// Favorite reports whether records can be starred.
func (d entityData) Favorite() bool { return d.App.Has(prd.FeatureFavorite, d.E.Name) }

// Due is the entity's "needs doing today" rule, if any.
func (d entityData) Due() *dueView {
	for _, ft := range d.App.FeaturesOf(prd.FeatureDue, d.E.Name) {
		last, ok1 := d.E.field(ft.Field)
		interval, ok2 := d.E.field(ft.Field2)
		if !ok1 || !ok2 || last.Type != prd.Date || !interval.isNumeric() {
			continue
		}
		label := ft.Label
		if label == "" {
			label = "Due today"
		}
		action := "Done today"
		if w := strings.Fields(strings.ToLower(last.Name)); len(w) == 2 && w[0] == "last" {
			action = prd.Title(w[1]) + " today"
		}
		return &dueView{Last: last, Interval: interval, Label: label, Action: action, Days: intervalDays(interval.Unit)}
	}
	return nil
}

// Board is the enum field whose values are the board's columns, if any.
func (d entityData) Board() *fieldView {
	for _, ft := range d.App.FeaturesOf(prd.FeatureBoard, d.E.Name) {
		if f, ok := d.E.field(ft.Field); ok && f.Type == prd.Enum && f.Ref == nil {
			return &f
		}
	}
	return nil
}

// Capacity is the rule limiting this entity's places, if any.
func (d entityData) Capacity() *capacityView {
	for _, ft := range d.App.FeaturesOf(prd.FeatureCapacity, d.E.Name) {
		field, ok := d.E.field(ft.Field)
		from := d.App.entity(ft.Via)
		if !ok || !field.isNumeric() || from == nil {
			continue
		}
		for _, ref := range from.Refs {
			if ref.Ref == d.E {
				return &capacityView{Field: field, From: from, Ref: ref}
			}
		}
	}
	return nil
}

// Limits are the capacity rules that apply to this entity's references.
func (d entityData) Limits() []capacityView {
	var out []capacityView
	for _, other := range d.App.Entities {
		if c := (entityData{App: d.App, E: other}).Capacity(); c != nil && c.From == d.E {
			out = append(out, *c)
		}
	}
	return out
}

// Computed are the derived values shown on each record.
func (d entityData) Computed() []computedView {
	var out []computedView
	for i, ft := range d.App.FeaturesOf(prd.FeatureComputed, d.E.Name) {
		var via *entityView
		refKey := ""
		for _, r := range d.E.Refs {
			if r.Ref.Name == ft.Via {
				via, refKey = r.Ref, r.Key
			}
		}
		expr, money, usesVia, ok := compileExpression(ft.Expression, d.E, via)
		if !ok {
			continue
		}
		if !usesVia {
			via, refKey = nil, ""
		}
		label := ft.Label
		if label == "" {
			label = prd.Title(ft.Expression)
		}
		format := "(value: number) => formatNumber(value)"
		switch {
		case percentExpression(ft.Expression, label):
			format = "(value: number) => (Number.isFinite(value) ? `${formatNumber(Math.round(value))}%` : \"–\")"
		case money:
			format = `(value: number) => formatMoney(value, "USD")`
		}
		out = append(out, computedView{Label: label, Fn: fmt.Sprintf("%sComputed%d", d.E.Key, i+1), Expr: expr, Format: format, Via: via, RefKey: refKey})
	}
	return out
}

// percentExpression reports whether a computed value is a percentage: a
// ratio times 100, or labelled as one.
func percentExpression(expr, label string) bool {
	l := strings.ToLower(label)
	return strings.HasSuffix(strings.TrimSpace(expr), "* 100") && (strings.Contains(expr, "/") || strings.Contains(l, "progress") || strings.Contains(l, "percent") || strings.Contains(l, "%"))
}

// UsesSpan reports whether a computed value counts the days of the
// record's date range.
func (d entityData) UsesSpan() bool {
	for _, c := range d.Computed() {
		if strings.Contains(c.Expr, "spanDays(") {
			return true
		}
	}
	return false
}

// compileExpression turns "daily rate * days" into TypeScript over item,
// matching the longest field names first: the record's own fields, then
// those of the related record (parent) when via is set. It reports whether
// any operand is money and whether the parent is read, and false when a
// word is not a field or a number.
func compileExpression(src string, e, via *entityView) (expr string, money, usesVia, ok bool) {
	src = strings.NewReplacer("×", "*", "÷", "/", " x ", " * ", " times ", " * ").Replace(strings.ToLower(src))
	var b strings.Builder
	rest := strings.TrimSpace(src)
	operands := 0
	for rest != "" {
		switch c := rest[0]; {
		case c == ' ':
			rest = rest[1:]
			continue
		case strings.ContainsRune("+-*/()", rune(c)):
			b.WriteString(" " + string(c) + " ")
			rest = rest[1:]
			continue
		case c >= '0' && c <= '9' || c == '.':
			n := 0
			for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '.') {
				n++
			}
			b.WriteString(rest[:n])
			rest = rest[n:]
			operands++
			continue
		}
		owner := "item"
		f, found := longestField(rest, e)
		if !found && via != nil {
			owner = "parent"
			f, found = longestField(rest, via)
		}
		if !found {
			days, ok := spanDays(rest, e)
			if !ok {
				return "", false, false, false
			}
			b.WriteString(days)
			rest = rest[len(prd.SpanTerm(rest)):]
			operands++
			continue
		}
		fmt.Fprintf(&b, "(%s?.%s ?? 0)", owner, f.Key)
		money = money || f.Type == prd.Money
		usesVia = usesVia || owner == "parent"
		rest = rest[len(f.Name):]
		operands++
	}
	if operands == 0 {
		return "", false, false, false
	}
	expr = strings.ReplaceAll(strings.Join(strings.Fields(b.String()), " "), "(item?.", "(item.")
	return expr, money, usesVia, true
}

// spanDays compiles a day-count term ("days", "nights") at the start of
// text into the days between the record's start and end dates.
func spanDays(text string, e *entityView) (string, bool) {
	if prd.SpanTerm(text) == "" {
		return "", false
	}
	start, end, ok := prd.DateSpan(e.Entity.Fields)
	if !ok {
		return "", false
	}
	from, _ := e.field(start)
	to, _ := e.field(end)
	return fmt.Sprintf("spanDays(item.%s, item.%s)", from.Key, to.Key), true
}

// longestField finds the numeric field of e whose name starts text, the
// longest such name winning.
func longestField(text string, e *entityView) (fieldView, bool) {
	best := -1
	for i, f := range e.Fields {
		name := strings.ToLower(f.Name)
		if f.Ref == nil && f.isNumeric() && strings.HasPrefix(text, name) && (best < 0 || len(name) > len(e.Fields[best].Name)) {
			best = i
		}
	}
	if best < 0 {
		return fieldView{}, false
	}
	return e.Fields[best], true
}

// Play is the quiz rule of the app: questions, their options and answer.
type playView struct {
	Question *entityView
	Parent   *entityView // the quiz the questions belong to (nil: one pool)
	Prompt   fieldView   // the question's text
	Options  fieldView   // tags or long text, one option per item or line
	Answer   fieldView
	Label    string
}

// play finds the app's play feature, if any.
func (v *appView) play() *playView {
	for _, ft := range v.FeaturesOf(prd.FeaturePlay, "") {
		q := v.entity(ft.Entity)
		if q == nil {
			continue
		}
		answer, ok1 := q.field(ft.Field)
		options, ok2 := q.field(ft.Field2)
		if !ok1 || !ok2 || answer.Ref != nil || options.Ref != nil {
			continue
		}
		pv := &playView{Question: q, Prompt: q.Display, Options: options, Answer: answer, Label: ft.Label}
		if pv.Label == "" {
			pv.Label = "Play"
		}
		for _, ref := range q.Refs {
			if ref.Ref.Name == ft.Via {
				pv.Parent = ref.Ref
			}
		}
		return pv
	}
	return nil
}

// OptionsExpr lists a question's options as a string[] expression.
func (pv playView) OptionsExpr() string {
	v := "question." + pv.Options.Key
	switch pv.Options.Type {
	case prd.Tags:
		return v
	case prd.LongText:
		return v + `.split(/\r?\n/)`
	}
	return v + `.split(/[,;\n]/)`
}

// RefKey is the question's reference to its parent.
func (pv playView) RefKey() string {
	for _, r := range pv.Question.Refs {
		if r.Ref == pv.Parent {
			return r.Key
		}
	}
	return ""
}

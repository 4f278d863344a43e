package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// compareWords turn a comparison into an operator: "fewer than 5",
// "passes 800 km", "reaches 10", "drops below 3".
var compareWords = map[string]string{
	"fewer": "lt", "less": "lt", "below": "lt", "under": "lt", "lower": "lt", "beneath": "lt", "<": "lt",
	"more": "gt", "over": "gt", "above": "gt", "greater": "gt", "higher": "gt", "exceeds": "gt",
	"exceeding": "gt", "exceed": "gt", "exceeded": "gt", "passes": "gt", "pass": "gt", "passed": "gt",
	"past": "gt", "beyond": "gt", "tops": "gt", ">": "gt", "reaches": "ge", "reach": "ge",
	"reached": "ge", "hits": "ge", "hit": "ge", "longer": "gt", "shorter": "lt", "bigger": "gt",
	"larger": "gt", "smaller": "lt", "heavier": "gt", "lighter": "lt", "cheaper": "lt",
	"costlier": "gt", "pricier": "gt",
}

// alertCues say the prompt wants some records to stand out.
var alertCues = []string{"highlight", "flag", "warn", "alert", "mark ", "low stock", "overdue", " red", "notify", "warning", "stand out", "badge", "in orange", "in yellow"}

// readHighlight reads "highlight products with fewer than 5 items in
// stock", "flag overdue tasks", "warn when a pair passes 800 km", "alert
// me if the balance drops below 100", "mark plants red when …".
func (m *model) readHighlight(toks []token, low string, e *entityDraft) {
	if !containsAny(low, alertCues) {
		return
	}
	if named := m.entityNamedIn(toks); named != nil {
		e = named
	}
	for i := range toks {
		cmp, j, ok := comparisonAt(toks, i)
		if !ok {
			continue
		}
		value := toks[j].low
		unit, written := unitAt(toks, j+1), ""
		if unit != "" {
			written = toks[j+1].low
		}
		if j+1 < len(toks) && toks[j+1].low == "%" {
			unit = "%"
		}
		if j+2 < len(toks) && toks[j+1].is("or") && toks[j+2].is("more", "above", "higher") {
			cmp = "ge"
		} else if j+2 < len(toks) && toks[j+1].is("or") && toks[j+2].is("less", "fewer", "below", "lower") {
			cmp = "le"
		}
		money := j > 0 && toks[j-1].kind == tPunct && strings.ContainsAny(toks[j-1].low, "$€£¥₹") || currencyWords[unit] != ""
		target, field := m.comparedField(e, toks, i, j, unit, money)
		if field == "" {
			continue
		}
		shown := written
		if unit == "%" {
			shown = "%"
		}
		if money && toks[j-1].kind == tPunct {
			shown = toks[j-1].low
		} else if money && currencyWords[written] == "" {
			shown = ""
		}
		f := target.field(field)
		m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: target.name, Field: field, Compare: cmp, Value: value, Label: highlightLabel(f, cmp, value, shown)})
		return
	}
	for i := range toks {
		if target, field, other, cmp := m.fieldComparison(e, toks, i); field != "" {
			label := "Below " + other
			if cmp == "gt" || cmp == "ge" {
				label = "Above " + other
			}
			if f := target.field(field); strings.Contains(f.Name, "stock") || strings.Contains(f.Name, "quantity") {
				label = highlightLabel(f, cmp, "", "")
			}
			m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: target.name, Field: field, Compare: cmp, Value: other, Label: upperFirst(label)})
			return
		}
	}
	if strings.Contains(low, "low stock") || strings.Contains(low, "low-stock") || strings.Contains(low, "running low") {
		m.lowStock(e)
		return
	}
	if strings.Contains(low, "overdue") || strings.Contains(low, "past due") || strings.Contains(low, "late ") {
		if m.hasFeatureOn(prd.FeatureDue, e.name) {
			return // "overdue" is the interval's due date
		}
		if f := dueField(e); f != "" {
			m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: e.name, Field: f, Compare: "lt", Value: "today", Label: "Overdue"})
		}
	}
}

// lowStock marks records whose stock is low when the prompt gives no
// threshold: below their reorder level when they have one, else under 5.
func (m *model) lowStock(e *entityDraft) {
	for _, c := range append([]*entityDraft{e}, m.entities...) {
		stock := ""
		for _, f := range c.fields {
			if f.Type == prd.Number && (strings.Contains(f.Name, "stock") || strings.Contains(f.Name, "quantity")) {
				stock = f.Name
				break
			}
		}
		if stock == "" {
			continue
		}
		for _, f := range c.fields {
			if f.Type == prd.Number && (strings.Contains(f.Name, "reorder") || strings.Contains(f.Name, "minimum") || strings.HasPrefix(f.Name, "min ")) {
				m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: c.name, Field: stock, Compare: "lt", Value: f.Name, Label: "Low stock"})
				return
			}
		}
		m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: c.name, Field: stock, Compare: "lt", Value: "5", Label: "Low stock"})
		m.assume("Low stock means fewer than 5 %s.", stock)
		return
	}
}

// fieldComparison reads a comparison of two fields of one record at i:
// "when quantity falls below the reorder level", "if spent is more than
// budget". It returns the record, the compared field, the field it is
// compared with and the operator.
func (m *model) fieldComparison(e *entityDraft, toks []token, i int) (*entityDraft, string, string, string) {
	cmp, ok := compareWords[toks[i].low]
	if !ok || toks[i].kind == tPunct {
		return nil, "", "", ""
	}
	j := i + 1
	for j < len(toks) && toks[j].is("than", "the", "its", "their", "his", "her", "a", "an", "my", "our") {
		j++
	}
	rest, _ := phraseAfter(toks, j, 3)
	if len(rest) == 0 || j < len(toks) && toks[j].kind == tNum {
		return nil, "", "", ""
	}
	k := i
	for k > 0 && toks[k-1].is("is", "are", "goes", "go", "gets", "get", "drops", "drop", "falls", "fall", "runs", "run", "dips", "sinks", "rises", "climbs", "was", "were") {
		k--
	}
	numeric := func(c *entityDraft, name string) bool {
		f := c.field(name)
		return name != "" && f != nil && (f.Type == prd.Number || f.Type == prd.Money)
	}
	cands := []*entityDraft{e}
	for _, c := range m.entities {
		if c != e {
			cands = append(cands, c)
		}
	}
	for _, c := range cands {
		other := strings.Join(rest, " ")
		if c.field(other) == nil {
			other = m.resolveField(c, rest)
		}
		if !numeric(c, other) {
			continue
		}
		for n := min(4, k); n >= 1; n-- {
			before := toks[k-n : k]
			if containsPunct(before) {
				continue
			}
			if f := m.resolveField(c, lows(before)); f != other && numeric(c, f) {
				return c, f, other, cmp
			}
		}
		// "parts below their minimum quantity": the quantity is compared.
		ws := strings.Fields(other)
		for k := 1; k < len(ws); k++ {
			if f := strings.Join(ws[k:], " "); numeric(c, f) {
				return c, f, other, cmp
			}
		}
	}
	return nil, "", "", ""
}

// comparisonAt reads a comparison starting at i: a compare word, "at
// least", "at most" or a sign, then "than" or a currency sign, then a
// number at the returned index.
func comparisonAt(toks []token, i int) (string, int, bool) {
	t := toks[i]
	cmp, ok := compareWords[t.low]
	j := i + 1
	switch {
	case t.is("at") && i+1 < len(toks) && toks[i+1].is("least"):
		cmp, ok, j = "ge", true, i+2
	case t.is("at") && i+1 < len(toks) && toks[i+1].is("most"):
		cmp, ok, j = "le", true, i+2
	case (t.low == "<" || t.low == ">") && i+1 < len(toks) && toks[i+1].low == "=":
		cmp, j = cmp[:1]+"e", i+2
	}
	if !ok {
		return "", 0, false
	}
	for n := 0; j < len(toks) && n < 2 && (toks[j].is("than", "the", "a") || toks[j].kind == tPunct && strings.ContainsAny(toks[j].low, "$€£¥₹")); n++ {
		j++
	}
	if j >= len(toks) || toks[j].kind != tNum {
		return "", 0, false
	}
	return cmp, j, true
}

// comparedField finds the numeric field a comparison is about: the words
// after the number ("5 items in stock"), a field measured in the unit
// after it ("800 km"), the words before the comparison ("when stock is
// below 10"), or the record's only number. Other entities are tried when
// e has none of them.
func (m *model) comparedField(e *entityDraft, toks []token, i, j int, unit string, money bool) (*entityDraft, string) {
	if money {
		unit = ""
	}
	numeric := func(e *entityDraft, name string) bool {
		f := e.field(name)
		return name != "" && f != nil && (f.Type == prd.Number || f.Type == prd.Money || f.Type == prd.Rating)
	}
	rest, _ := phraseAfter(toks, j+1, 4)
	k := i
	for k > 0 && toks[k-1].is("is", "are", "goes", "go", "gets", "get", "drops", "drop", "falls", "fall", "runs", "run", "has", "have", "reads", "climbs", "rises", "dips", "sinks", "was", "were") {
		k--
	}
	var befores [][]string
	for n := min(4, k); n >= 1; n-- {
		if ws := lows(toks[k-n : k]); !containsPunct(toks[k-n : k]) {
			befores = append(befores, ws)
		}
	}
	try := func(c *entityDraft) string {
		if f := m.resolveField(c, rest); numeric(c, f) {
			return f
		}
		if len(rest) > 0 {
			if f := m.resolveField(c, rest[len(rest)-1:]); numeric(c, f) {
				return f
			}
		}
		if unit != "" {
			for _, f := range c.fields {
				if f.Unit == unit && numeric(c, f.Name) {
					return f.Name
				}
			}
		}
		for _, before := range befores {
			if f := m.resolveField(c, before); numeric(c, f) {
				return f
			}
		}
		return ""
	}
	if f := try(e); f != "" {
		return e, f
	}
	for _, c := range m.entities {
		if c != e {
			if f := try(c); f != "" {
				return c, f
			}
		}
	}
	order := []prd.FieldType{prd.Number, prd.Money}
	if money {
		order = []prd.FieldType{prd.Money, prd.Number}
	}
	return e, firstOfType(e, order...)
}

// highlightLabel names the records that stand out: "Low stock", "Over 800
// km", "Over $500", "High balance". unit is the unit as written after the
// value, or a currency sign written before it.
func highlightLabel(f *fieldDraft, cmp, value, unit string) string {
	if strings.Contains(f.Name, "stock") || strings.Contains(f.Name, "quantity") {
		if cmp == "lt" || cmp == "le" {
			return "Low stock"
		}
	}
	if unit == "" && f.Type == prd.Number {
		unit = f.Unit
	}
	if unit != "" {
		sep := " "
		if unit == "%" {
			sep = ""
		}
		if strings.ContainsAny(unit, "$€£¥₹") {
			value, unit, sep = unit+value, "", ""
		}
		switch cmp {
		case "gt":
			return "Over " + value + sep + unit
		case "ge":
			return value + sep + unit + " or more"
		case "lt":
			return "Under " + value + sep + unit
		case "le":
			return value + sep + unit + " or less"
		}
	}
	if cmp == "gt" || cmp == "ge" {
		return "High " + f.Name
	}
	return "Low " + f.Name
}

func containsPunct(toks []token) bool {
	for _, t := range toks {
		if t.kind == tPunct {
			return true
		}
	}
	return false
}

// dueField is the date by which a record is due: one named like a due
// date or deadline, else the record's first date.
func dueField(e *entityDraft) string {
	for _, f := range e.fields {
		if f.Type == prd.Date && (strings.Contains(f.Name, "due") || strings.Contains(f.Name, "deadline") || strings.Contains(f.Name, "return") || strings.Contains(f.Name, "expir") || strings.HasPrefix(f.Name, "end")) {
			return f.Name
		}
	}
	return firstOfType(e, prd.Date)
}

package architect

import (
	"strconv"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

var opWords = map[string]string{"×": "*", "x": "*", "*": "*", "times": "*", "multiplied": "*", "+": "+", "plus": "+", "-": "-", "minus": "-", "/": "/", "divided": "/", "over": "/"}

// readComputed reads "total = daily rate × days", "price is rate times
// days" and "the price is calculated as …". Each operand is a field of the
// record or of the one record it belongs to ("rentals of a car": a
// rental's price may use the car's daily rate); the feature's Via then
// names that related entity.
func (m *model) readComputed(toks []token, low string, e *entityDraft) {
	for i, t := range toks {
		equates := t.low == "=" || t.is("equals") || t.is("is", "are") && i+1 < len(toks)
		if i == 0 || !equates {
			continue
		}
		lhs, _ := phraseBefore(toks, i, 3)
		for len(lhs) > 1 && (strings.HasSuffix(lhs[0], "'s") || lhs[0] == "each" || lhs[0] == "every") {
			lhs = lhs[1:]
		}
		j := i + 1
		explicit := t.low == "=" || t.is("equals")
		for j < len(toks) && toks[j].is("calculated", "computed", "as", "the", "a", "an") {
			explicit = explicit || toks[j].is("calculated", "computed")
			j++
		}
		terms, layout, ok := exprTerms(toks, j)
		if !ok || len(lhs) == 0 || !explicit && len(terms) < 2 {
			continue
		}
		owner, via, expr := m.resolveExpr(e, toks, terms, layout)
		if owner == nil {
			continue
		}
		m.addFeature(prd.Feature{Kind: prd.FeatureComputed, Entity: owner.name, Via: via, Expression: clip(expr, 200), Label: clip(labelCase(lhs), 80)})
		if via != "" {
			m.assume("%s: %s uses fields of the %s it belongs to.", capital(owner.name), strings.Join(lhs, " "), via)
		}
	}
	if strings.Contains(low, "total") && e.field("quantity") != nil {
		if p := firstOfType(e, prd.Money); p != "" && !m.hasFeature(prd.FeatureComputed) {
			m.addFeature(prd.Feature{Kind: prd.FeatureComputed, Entity: e.name, Expression: p + " * quantity", Label: "Total"})
			m.assume("%s: the total is %s × quantity.", capital(e.name), p)
		}
	}
}

// exprTerms reads a formula from j: operand phrases, operators and
// brackets ("weight / (height * height)"). layout lists the formula with
// "" standing for each operand in turn. It stops at other punctuation, a
// clause word or a bracket it did not open, and fails on a formula that
// does not parse.
func exprTerms(toks []token, j int) (terms [][]string, layout []string, ok bool) {
	var cur []string
	depth, ops := 0, 0
	operand := true // an operand or "(" comes next
	flush := func() {
		if len(cur) > 0 {
			terms, layout, cur, operand = append(terms, cur), append(layout, ""), nil, false
		}
	}
loop:
	for ; j < len(toks); j++ {
		t := toks[j]
		op, isOp := opWords[t.low]
		switch {
		case t.low == "(" && operand && len(cur) == 0:
			depth++
			layout = append(layout, "(")
		case t.low == ")" && depth > 0:
			flush()
			if operand {
				return nil, nil, false
			}
			depth--
			layout = append(layout, ")")
		case isOp && (t.kind == tPunct || len(cur) > 0):
			flush()
			if operand {
				return nil, nil, false
			}
			layout, operand = append(layout, op), true
			ops++
			if j+1 < len(toks) && toks[j+1].is("by") {
				j++
			}
		case t.kind == tPunct || t.is("and", "for", "so", "then", "when", "where", "which", "with", "on", "in"):
			break loop
		case !operand && len(cur) == 0:
			break loop
		default:
			if len(cur) >= 4 {
				return nil, nil, false
			}
			cur = append(cur, t.low)
		}
	}
	flush()
	if depth != 0 || operand || ops == 0 {
		return nil, nil, false
	}
	return terms, layout, true
}

// resolveExpr finds the entity whose fields, or whose owner's fields, name
// every operand: the sentence's entity first, then the others. It returns
// the entity, the related entity used (if any) and the expression.
func (m *model) resolveExpr(e *entityDraft, toks []token, terms [][]string, layout []string) (*entityDraft, string, string) {
	cands := []*entityDraft{}
	add := func(c *entityDraft) {
		for _, d := range cands {
			if d == c {
				return
			}
		}
		if c != nil {
			cands = append(cands, c)
		}
	}
	add(e)
	for i := range toks {
		add(m.entityNamedIn(toks[i:min(len(toks), i+3)]))
	}
	add(m.main())
	for _, c := range m.entities {
		add(c)
	}
	for _, exact := range []bool{true, false} {
		for _, c := range cands {
			if via, expr, ok := m.compose(c, terms, layout, exact); ok {
				return c, via, expr
			}
		}
	}
	return m.composeLinked(cands, terms, layout)
}

// composeLinked reads a formula over the fields of two records the prompt
// did not link ("cars with a daily rate; bookings with start and end
// dates. Price = daily rate × days"): the record that holds the rest of the
// formula gets a reference to the other one.
func (m *model) composeLinked(cands []*entityDraft, terms [][]string, layout []string) (*entityDraft, string, string) {
	for _, c := range cands {
		for _, p := range m.entities {
			if p == c || m.hasRelation(c.name, p.name) {
				continue
			}
			m.relations = append(m.relations, prd.Relation{From: c.name, To: p.name, Kind: prd.ManyToOne, Required: true})
			if via, expr, ok := m.compose(c, terms, layout, false); ok && via == p.name {
				m.assume("Each %s refers to a %s, whose fields its %s uses.", c.name, p.name, expr)
				return c, via, expr
			}
			m.relations = m.relations[:len(m.relations)-1]
		}
	}
	return nil, "", ""
}

// compose writes the expression over c's fields, or over those of the one
// entity c belongs to. Exact passes accept only fields named as written;
// two different operands may not resolve to the same field.
func (m *model) compose(c *entityDraft, terms [][]string, layout []string, exact bool) (string, string, bool) {
	via, parts := "", make([]string, 0, len(layout))
	used := map[string]string{}
	k := 0
	for _, part := range layout {
		if part != "" {
			parts = append(parts, part)
			continue
		}
		term := terms[k]
		k++
		name := m.operand(c, term, &via, exact)
		written := strings.Join(term, " ")
		if name == "" || used[name] != "" && used[name] != written {
			return "", "", false
		}
		used[name] = written
		parts = append(parts, name)
	}
	expr := strings.Join(parts, " ")
	expr = strings.ReplaceAll(strings.ReplaceAll(expr, "( ", "("), " )", ")")
	return via, expr, true
}

// operand resolves one operand: a number, a numeric field of c, or a
// numeric field of the one entity c belongs to (recorded in via).
func (m *model) operand(c *entityDraft, term []string, via *string, exact bool) string {
	if _, err := strconv.ParseFloat(strings.Join(term, ""), 64); err == nil {
		return strings.Join(term, "")
	}
	numeric := func(e *entityDraft, name string) bool {
		f := e.field(name)
		return f != nil && (f.Type == prd.Number || f.Type == prd.Money || f.Type == prd.Rating)
	}
	resolve := func(e *entityDraft) string {
		if !exact {
			return m.resolveField(e, term)
		}
		phrase := strings.Join(trimNoise(term), " ")
		for _, n := range []string{phrase, singularWord(phrase), pluralWord(phrase)} {
			if e.field(n) != nil {
				return n
			}
		}
		return ""
	}
	if f := resolve(c); f != "" && numeric(c, f) {
		return f
	}
	if t := strings.Join(term, " "); prd.SpanTerm(t) == t && c.field(t) == nil {
		if _, _, ok := prd.DateSpan(c.prdFields()); ok {
			return t
		}
	}
	for _, to := range m.relationsFrom(c.name) {
		if *via != "" && *via != to {
			continue
		}
		p := m.entity(to)
		if p == nil {
			continue
		}
		if f := resolve(p); f != "" && numeric(p, f) && c.field(f) == nil {
			*via = to
			return f
		}
	}
	return ""
}

// labelCase writes words as a label: the first capitalised, initialisms
// in capitals ("BMI", "VAT").
func labelCase(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w
		if u, ok := upperWords[w]; ok {
			out[i] = u
		} else if i == 0 {
			out[i] = upperFirst(w)
		}
	}
	return strings.Join(out, " ")
}

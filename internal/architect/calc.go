package architect

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

var aggregateWords = map[string]string{
	"total": "sum", "totals": "sum", "sum": "sum", "average": "avg",
	"averages": "avg", "avg": "avg", "mean": "avg", "count": "count", "number": "count",
	"maximum": "max", "highest": "max", "minimum": "min", "lowest": "min",
}

// readCalc reads aggregates, charts, highlights, progress, rankings, due
// dates and computed values in a sentence.
func (m *model) readCalc(toks []token, low string, e *entityDraft) {
	if e == nil {
		return
	}
	ws := lows(toks)
	charted := hasWordPrefix(ws, "chart", "graph", "visualiz", "visualis", "plot")
	for i, w := range ws {
		op, ok := aggregateWords[w]
		if !ok || charted {
			continue
		}
		if w == "number" && (i+1 >= len(ws) || ws[i+1] != "of") || w == "count" && i > 0 && ws[i-1] == "word" {
			continue
		}
		if (w == "highest" || w == "lowest") && !strings.Contains(low, " per ") {
			continue
		}
		m.readAggregate(toks, i, op, e)
	}
	if i := indexOf(ws, "'s"); i < 0 {
		for i, w := range ws {
			if strings.HasSuffix(w, "'s") && i+1 < len(ws) {
				if op, ok := aggregateWords[ws[i+1]]; ok {
					m.possessiveAggregate(toks, i, op, e)
				}
			}
		}
	}
	if charted {
		m.readChart(toks, low, e)
	}
	m.readHighlight(toks, low, e)
	m.readProgress(toks, low, e)
	m.readRanking(toks, low, e)
	m.readDue(toks, low, e)
	m.readComputed(toks, low, e)
}

// hasWordPrefix reports whether a word starts with one of the prefixes.
func hasWordPrefix(ws []string, prefixes ...string) bool {
	for _, w := range ws {
		for _, p := range prefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

func indexOf(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return -1
}

// readAggregate reads "total spent per category", "average score per
// student", "total raised per campaign", "number of tasks by status".
func (m *model) readAggregate(toks []token, i int, op string, e *entityDraft) {
	if named := m.entityNamedIn(toks[i:min(len(toks), i+6)]); named != nil && numericField(named) != "" {
		e = named
	}
	if numericField(e) == "" {
		for _, other := range m.entities {
			if numericField(other) != "" && (m.hasRelation(other.name, e.name) || other == m.main()) {
				e = other
				break
			}
		}
	}
	var valueWords []string
	j := i + 1
	if j < len(toks) && toks[j].is("of") {
		j++
	}
	valueWords, j = phraseAfter(toks, j, 3)
	word := toks[i].low
	if len(valueWords) > 0 && (valueWords[0] == "spent" || valueWords[0] == "raised" || valueWords[0] == "spending") {
		word = valueWords[0]
	}
	field := m.resolveField(e, valueWords)
	if f := e.field(field); f == nil || (f.Type != prd.Money && f.Type != prd.Number && f.Type != prd.Rating) {
		field = numericField(e)
	}
	if op == "count" {
		field = ""
	} else if field == "" {
		return
	}
	group, via := "", ""
	for k := j; k < len(toks) && k < j+6; k++ {
		if toks[k].is("per", "by") || toks[k].is("for") && k+1 < len(toks) && toks[k+1].is("each", "every") || toks[k].is("of") && k+1 < len(toks) && toks[k+1].is("each") {
			n := k + 1
			if toks[k].is("for", "of") {
				n++
			}
			gw, _ := phraseAfter(toks, n, 2)
			group, via = m.groupTarget(e, gw)
			break
		}
	}
	if group == "" && via == "" && op != "count" && !strings.Contains(strings.ToLower(words(toks)), "total") && !strings.Contains(strings.ToLower(words(toks)), "average") {
		return
	}
	label := aggregateLabel(op, word, field, e)
	if group != "" {
		label += " per " + group
	}
	if via != "" {
		label += " per " + via
	}
	m.addFeature(prd.Feature{Kind: prd.FeatureAggregate, Entity: e.name, Field: field, Op: op, GroupBy: group, Via: via, Label: clip(label, 80)})
	m.wantDashboard = true
}

// groupTarget resolves what an aggregate is grouped by: a field of e, or an
// entity e belongs to.
func (m *model) groupTarget(e *entityDraft, ws []string) (group, via string) {
	if len(ws) == 0 {
		return "", ""
	}
	if other := m.entityByWords(ws); other != nil && other != e {
		if !m.hasRelation(e.name, other.name) {
			m.relate(e.name, other.name, "the prompt groups "+e.plural+" by "+other.name)
		}
		return "", other.name
	}
	if ws[0] == "week" || ws[0] == "weekly" {
		return "week", ""
	}
	if ws[0] == "day" || ws[0] == "date" {
		return "date", ""
	}
	return m.resolveField(e, ws), ""
}

func aggregateLabel(op, word, field string, e *entityDraft) string {
	switch {
	case word == "spent":
		return "Total spent"
	case word == "raised":
		return "Total raised"
	case op == "sum":
		return "Total " + field
	case op == "avg":
		return "Average " + field
	case op == "count":
		return "Number of " + e.plural
	case op == "max":
		return "Highest " + field
	}
	return "Lowest " + field
}

// possessiveAggregate reads "each student's average".
func (m *model) possessiveAggregate(toks []token, i int, op string, e *entityDraft) {
	owner := m.entity(singularWord(strings.TrimSuffix(toks[i].low, "'s")))
	if owner == nil {
		return
	}
	src := e
	if src == owner {
		for _, r := range m.relations {
			if r.To == owner.name {
				src = m.entity(r.From)
			}
		}
	}
	if src == nil || src == owner {
		return
	}
	field := numericField(src)
	if field == "" {
		return
	}
	m.relate(src.name, owner.name, "")
	m.addFeature(prd.Feature{Kind: prd.FeatureAggregate, Entity: src.name, Field: field, Op: op, Via: owner.name, Label: clip(aggregateLabel(op, "", field, src)+" per "+owner.name, 80)})
	m.wantDashboard = true
}

// numericField is the field sums and averages most likely mean: money
// first, then scores and ratings, then any number.
func numericField(e *entityDraft) string {
	if f := firstOfType(e, prd.Money); f != "" {
		return f
	}
	for _, f := range e.fields {
		if f.Type == prd.Number && (strings.Contains(f.Name, "score") || strings.Contains(f.Name, "points")) {
			return f.Name
		}
	}
	return firstOfType(e, prd.Number, prd.Rating)
}

// readChart reads "weekly totals in a chart", "a chart of spending by category".
func (m *model) readChart(toks []token, low string, e *entityDraft) {
	if named := m.entityNamedIn(toks); named != nil && numericField(named) != "" {
		e = named
	}
	if numericField(e) == "" {
		for _, other := range m.entities {
			if numericField(other) != "" {
				e = other
				break
			}
		}
	}
	group := ""
	switch {
	case strings.Contains(low, "week"):
		group = "week"
	case strings.Contains(low, "daily") || strings.Contains(low, "per day") || strings.Contains(low, " day"):
		group = "date"
	}
	if i := strings.Index(low, " by "); i >= 0 && group == "" {
		gw := strings.Fields(low[i+4:])
		if len(gw) > 2 {
			gw = gw[:2]
		}
		group, _ = m.groupTarget(e, gw)
	}
	if group == "" {
		if f := firstOfType(e, prd.Enum); f != "" {
			group = f
		} else if firstOfType(e, prd.Date) != "" {
			group = "week"
		}
	}
	fields := numericFields(e, 2)
	if len(fields) == 0 {
		m.addFeature(prd.Feature{Kind: prd.FeatureChart, Entity: e.name, Op: "count", GroupBy: group, Label: clip("Number of "+e.plural+byLabel(group), 80)})
		m.wantDashboard = true
		return
	}
	op := "sum"
	if strings.Contains(low, "average") {
		op = "avg"
	}
	for _, f := range fields {
		m.addFeature(prd.Feature{Kind: prd.FeatureChart, Entity: e.name, Field: f, Op: op, GroupBy: group, Label: clip(capital(f)+byLabel(group), 80)})
	}
	m.wantDashboard = true
}

func byLabel(group string) string {
	switch group {
	case "":
		return ""
	case "week":
		return " per week"
	case "date":
		return " per day"
	}
	return " by " + group
}

func numericFields(e *entityDraft, n int) []string {
	var out []string
	for _, t := range []prd.FieldType{prd.Money, prd.Number} {
		for _, f := range e.fields {
			if f.Type == t && len(out) < n && !strings.Contains(f.Name, "year") {
				out = append(out, f.Name)
			}
		}
	}
	return out
}

var compareWords = map[string]string{
	"fewer": "lt", "less": "lt", "below": "lt", "under": "lt", "lower": "lt", "more": "gt",
	"over": "gt", "above": "gt", "greater": "gt", "higher": "gt", "exceeds": "gt", "exceeding": "gt",
}

// readHighlight reads "highlight products with fewer than 5 items in
// stock", "flag overdue tasks", "warn when stock is below 10".
func (m *model) readHighlight(toks []token, low string, e *entityDraft) {
	if !strings.Contains(low, "highlight") && !strings.Contains(low, "flag ") && !strings.Contains(low, "warn") && !strings.Contains(low, "alert") && !strings.Contains(low, "mark ") && !strings.Contains(low, "low stock") && !strings.Contains(low, "overdue") && !strings.Contains(low, " red") {
		return
	}
	if named := m.entityNamedIn(toks); named != nil {
		e = named
	}
	for i, t := range toks {
		cmp, ok := compareWords[t.low]
		if !ok || i+2 >= len(toks) {
			continue
		}
		j := i + 1
		if toks[j].is("than") {
			j++
		}
		if j >= len(toks) || toks[j].kind != tNum {
			continue
		}
		value := toks[j].low
		rest, _ := phraseAfter(toks, j+1, 4)
		field := m.resolveField(e, rest)
		if field == "" && len(rest) > 0 {
			field = m.resolveField(e, rest[len(rest)-1:])
		}
		if f := e.field(field); field == "" || f == nil || (f.Type != prd.Number && f.Type != prd.Money && f.Type != prd.Rating) {
			before, _ := phraseBefore(toks, i, 3)
			field = m.resolveField(e, before)
		}
		if f := e.field(field); field == "" || f == nil || (f.Type != prd.Number && f.Type != prd.Money && f.Type != prd.Rating) {
			field = firstOfType(e, prd.Number)
		}
		if field == "" {
			continue
		}
		if toks[i].is("at") {
			cmp = "ge"
		}
		label := "Low " + field
		if cmp == "gt" || cmp == "ge" {
			label = "High " + field
		}
		if strings.Contains(field, "stock") || strings.Contains(field, "quantity") {
			label = "Low stock"
		}
		m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: e.name, Field: field, Compare: cmp, Value: value, Label: label})
		return
	}
	if strings.Contains(low, "overdue") || strings.Contains(low, "past due") || strings.Contains(low, "late ") {
		if f := firstOfType(e, prd.Date); f != "" {
			m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: e.name, Field: f, Compare: "lt", Value: "today", Label: "Overdue"})
		}
	}
}

// readProgress reads "progress as percentage of books finished".
func (m *model) readProgress(toks []token, low string, e *entityDraft) {
	if !strings.Contains(low, "progress") && !strings.Contains(low, "percentage") && !strings.Contains(low, "percent of") && !strings.Contains(low, "% of") && !strings.Contains(low, "share of") {
		return
	}
	if named := m.entityNamedIn(toks); named != nil {
		e = named
	}
	for i, t := range toks {
		if !t.is("of") || i+2 >= len(toks) {
			continue
		}
		np, end := npAfter(toks, i+1)
		if len(np) > 1 && (flagWords[np[len(np)-1].low] || verbBase(np[len(np)-1].low) != "") {
			end--
			np = np[:len(np)-1]
		}
		if len(np) == 0 || end >= len(toks) {
			continue
		}
		state := toks[end].low
		if toks[end].is("that", "which", "marked", "are", "is") && end+1 < len(toks) {
			state = toks[end+1].low
			if toks[end+1].is("are", "is", "marked", "as") && end+2 < len(toks) {
				state = toks[end+2].low
			}
		}
		if named := m.entityByWords(lows(np)); named != nil {
			e = named
		}
		if field, value := m.stateField(e, state); field != "" {
			m.addFeature(prd.Feature{Kind: prd.FeatureProgress, Entity: e.name, Field: field, Compare: "eq", Value: value, Label: clip(capital(e.plural)+" "+state, 80)})
			m.wantDashboard = true
			return
		}
	}
}

// stateField finds the field and value that mean a state: an enum option
// ("finished") or a yes/no field ("done").
func (m *model) stateField(e *entityDraft, state string) (string, string) {
	for _, f := range e.fields {
		if f.Type == prd.Enum {
			for _, o := range f.Options {
				if strings.EqualFold(o, state) {
					return f.Name, o
				}
			}
		}
	}
	for _, f := range e.fields {
		if f.Type == prd.Boolean && (f.Name == state || fieldSynonymMatch(state, f.Name)) {
			return f.Name, "true"
		}
	}
	if flagWords[state] {
		return m.ensureFlag(e, state), "true"
	}
	return "", ""
}

func fieldSynonymMatch(word, field string) bool {
	for _, s := range fieldSynonyms[word] {
		if s == field {
			return true
		}
	}
	return false
}

// readRanking reads "the top 5 donors", "a leaderboard", "rankings".
func (m *model) readRanking(toks []token, low string, e *entityDraft) {
	limit := 0
	var target []token
	for i, t := range toks {
		if t.is("top", "best") && i+1 < len(toks) {
			j := i + 1
			if toks[j].kind == tNum {
				limit, _ = strconv.Atoi(toks[j].low)
				j++
			} else if n, ok := numberWords[toks[j].low]; ok {
				limit = n
				j++
			}
			if limit > 0 {
				target, _ = npAfter(toks, j)
				break
			}
		}
	}
	leaderboard := strings.Contains(low, "leaderboard") || strings.Contains(low, "ranking") || strings.Contains(low, "high score")
	if limit == 0 && !leaderboard {
		return
	}
	if limit == 0 || limit > 100 {
		limit = 10
	}
	to := m.entityByWords(lows(target))
	if to != nil {
		var from *entityDraft
		for _, r := range m.relations {
			if r.To == to.name {
				if cand := m.entity(r.From); cand != nil && numericField(cand) != "" {
					from = cand
				}
			}
		}
		if from == nil {
			for _, cand := range m.entities {
				if cand != to && numericField(cand) != "" && (sharedStem(cand.name, to.name) || len(m.entities) == 2) {
					from = cand
					m.relate(cand.name, to.name, "needed to rank "+to.plural)
				}
			}
		}
		if from != nil {
			m.addFeature(prd.Feature{Kind: prd.FeatureRanking, Entity: from.name, Field: numericField(from), Op: "sum", Via: to.name, Limit: limit, Label: clip(fmt.Sprintf("Top %d %s", limit, to.plural), 80)})
			m.wantDashboard = true
			return
		}
		if numericField(to) != "" {
			e = to
		}
	}
	if e == nil || numericField(e) == "" {
		return
	}
	group := ""
	for _, f := range e.fields {
		if f.Type == prd.Text && (strings.Contains(f.Name, "player") || strings.Contains(f.Name, "name") || strings.Contains(f.Name, "team")) {
			group = f.Name
			break
		}
	}
	op := "max"
	if group == "" {
		op = ""
	}
	m.addFeature(prd.Feature{Kind: prd.FeatureRanking, Entity: e.name, Field: numericField(e), Op: op, GroupBy: group, Limit: limit, Label: clip(fmt.Sprintf("Top %d", limit), 80)})
	m.wantDashboard = true
}

// readDue reads "show which plants need water today", "what is due today".
func (m *model) readDue(toks []token, low string, e *entityDraft) {
	if !strings.Contains(low, "today") && !strings.Contains(low, "due ") && !strings.Contains(low, "overdue") {
		return
	}
	if named := m.entityNamedIn(toks); named != nil {
		e = named
	}
	last, interval := "", ""
	for _, f := range e.fields {
		if f.Type == prd.Date && (strings.HasPrefix(f.Name, "last ") || strings.Contains(f.Name, "last")) {
			last = f.Name
		}
		if f.Type == prd.Number && strings.Contains(f.Name, "interval") || f.Type == prd.Number && f.Unit == "days" {
			interval = f.Name
		}
	}
	if last == "" || interval == "" {
		return
	}
	label := "Due today"
	for i, t := range toks {
		if t.is("need", "needs") && i+1 < len(toks) {
			ws, _ := phraseAfter(toks, i+1, 2)
			if len(ws) > 0 && ws[len(ws)-1] == "today" {
				ws = ws[:len(ws)-1]
			}
			if len(ws) > 0 {
				label = "Needs " + strings.Join(ws, " ") + " today"
			}
		}
	}
	m.addFeature(prd.Feature{Kind: prd.FeatureDue, Entity: e.name, Field: last, Field2: interval, Label: clip(label, 80)})
}

var opWords = map[string]string{"×": "*", "x": "*", "*": "*", "times": "*", "multiplied": "*", "+": "+", "plus": "+", "-": "-", "minus": "-", "/": "/", "divided": "/", "over": "/"}

// readComputed reads "total = daily rate × days", "price is rate times days".
func (m *model) readComputed(toks []token, low string, e *entityDraft) {
	for i, t := range toks {
		if !(t.low == "=" || t.is("equals") || t.is("is") && i+1 < len(toks) && toks[i+1].is("calculated", "computed")) || i == 0 {
			continue
		}
		lhs, _ := phraseBefore(toks, i, 3)
		j := i + 1
		for j < len(toks) && toks[j].is("calculated", "computed", "as") {
			j++
		}
		var expr []string
		var cur []string
		flush := func() bool {
			if len(cur) == 0 {
				return true
			}
			f := m.resolveField(e, cur)
			if f == "" {
				if _, err := strconv.ParseFloat(strings.Join(cur, ""), 64); err != nil {
					return false
				}
				f = strings.Join(cur, "")
			}
			expr = append(expr, f)
			cur = nil
			return true
		}
		ok := true
		for ; j < len(toks) && ok; j++ {
			tl := toks[j].low
			if op, isOp := opWords[tl]; isOp {
				ok = flush()
				expr = append(expr, op)
				if j+1 < len(toks) && toks[j+1].is("by") {
					j++
				}
				continue
			}
			if toks[j].kind == tPunct || toks[j].is("and", "for", "per") {
				break
			}
			cur = append(cur, tl)
		}
		ok = ok && flush()
		if !ok || len(expr) < 3 || len(lhs) == 0 {
			continue
		}
		m.addFeature(prd.Feature{Kind: prd.FeatureComputed, Entity: e.name, Expression: clip(strings.Join(expr, " "), 200), Label: clip(capital(strings.Join(lhs, " ")), 80)})
	}
	if strings.Contains(low, "total") && e.field("quantity") != nil {
		if p := firstOfType(e, prd.Money); p != "" && !m.hasFeature(prd.FeatureComputed) {
			m.addFeature(prd.Feature{Kind: prd.FeatureComputed, Entity: e.name, Expression: p + " * quantity", Label: "Total"})
			m.assume("%s: the total is %s × quantity.", capital(e.name), p)
		}
	}
}

package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

var aggregateWords = map[string]string{
	"total": "sum", "totals": "sum", "sum": "sum", "average": "avg",
	"averages": "avg", "avg": "avg", "mean": "avg", "count": "count", "number": "count",
	"maximum": "max", "highest": "max", "minimum": "min", "lowest": "min",
}

// countPhrases rewrites "the vote count per book" as "the number of votes
// per book", the form readAggregate reads.
func (m *model) countPhrases(toks []token) []token {
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i+1].is("count", "counts") || toks[i].kind != tWord {
			continue
		}
		e := m.entity(singularWord(toks[i].low))
		if e == nil {
			continue
		}
		out := append([]token{}, toks[:i]...)
		out = append(out, token{text: "number", low: "number", kind: tWord}, token{text: "of", low: "of", kind: tWord}, token{text: e.plural, low: e.plural, kind: tWord})
		return append(out, toks[i+2:]...)
	}
	return toks
}

// readCalc reads aggregates, charts, highlights, progress, rankings, due
// dates and computed values in a sentence.
func (m *model) readCalc(toks []token, low string, e *entityDraft) {
	if e == nil {
		return
	}
	toks = m.countPhrases(toks)
	ws := lows(toks)
	charted := hasWordPrefix(ws, "chart", "graph", "visualiz", "visualis", "plot") && !strings.Contains(low, "flowchart") && !strings.Contains(low, "org chart") && !strings.Contains(low, "organizational chart")
	for i, w := range ws {
		op, ok := aggregateWords[w]
		if !ok || charted || i > 0 && strings.HasSuffix(ws[i-1], "'s") {
			continue
		}
		if w == "number" && (i+1 >= len(ws) || ws[i+1] != "of") || w == "count" && i > 0 && ws[i-1] == "word" {
			continue
		}
		if m.listedField(ws, i) || inFormula(ws, i) {
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
	m.readDue(toks, low, e)
	m.readHighlight(toks, low, e)
	m.readProgress(toks, low, e)
	m.readRanking(toks, low, e)
	m.readComputed(toks, low, e)
}

// inFormula reports whether the word at i stands in a formula ("revenue =
// number of candles sold × price"), which names fields, not an aggregate.
func inFormula(ws []string, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 8; k-- {
		switch ws[k] {
		case "=", "equals":
			return true
		case ".", ";", "(", ")":
			return false
		}
	}
	return false
}

// computedNamed returns the computed value the words name, if any.
func (m *model) computedNamed(ws []string) *prd.Feature {
	phrase := strings.Join(ws, " ")
	for i, f := range m.features {
		if f.Kind == prd.FeatureComputed && phrase != "" && strings.EqualFold(f.Label, phrase) {
			return &m.features[i]
		}
	}
	return nil
}

// listedField reports whether the aggregate word at i opens a field name
// in a list ("pages read, and total pages", "with number of guests"),
// which asks for no aggregate.
func (m *model) listedField(ws []string, i int) bool {
	if i > 0 && ws[i-1] != "," && ws[i-1] != "and" && ws[i-1] != "with" && ws[i-1] != ":" && ws[i-1] != "(" && !determiners[ws[i-1]] {
		return false
	}
	for n := 2; n <= 5 && i+n <= len(ws); n++ {
		if m.isFieldName(strings.Join(ws[i:i+n], " ")) {
			return true
		}
	}
	return false
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
	if named := m.entityNamedIn(toks[i:min(len(toks), i+6)]); named != nil && (numericField(named) != "" || op == "count") {
		e = named
	}
	if numericField(e) == "" && op != "count" {
		for _, other := range m.entities {
			if numericField(other) != "" && (m.hasRelation(other.name, e.name) || other == m.main()) {
				e = other
				break
			}
		}
	}
	if numericField(e) == "" && op != "count" {
		for _, other := range m.entities {
			if numericField(other) != "" {
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
	if c := m.computedNamed(valueWords); c != nil {
		m.assume("%s is computed per %s; totals of computed values are not planned, so the dashboard does not sum it.", capital(c.Label), c.Entity)
		return
	}
	if len(valueWords) > 0 && (valueWords[0] == "spent" || valueWords[0] == "raised" || valueWords[0] == "spending" || valueWords[0] == "earned" || valueWords[0] == "donated") {
		word = valueWords[0]
	}
	field := m.resolveField(e, valueWords)
	if field == "" && len(valueWords) > 0 {
		for _, other := range m.entities {
			if f := other.field(m.resolveField(other, valueWords)); f != nil && (f.Type == prd.Money || f.Type == prd.Number) {
				e, field = other, f.Name
				break
			}
		}
	}
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
	text := strings.ToLower(words(toks))
	if group == "" && via == "" && (op != "count" && !strings.Contains(text, "total") && !strings.Contains(text, "average") || containsAny(text, []string{"=", "×", " times ", "multiplied"})) {
		return
	}
	label := aggregateLabel(op, word, field, e)
	if group != "" {
		label += " per " + group
	}
	if via != "" {
		label += " per " + via
	}
	ft := prd.Feature{Kind: prd.FeatureAggregate, Entity: e.name, Field: field, Op: op, GroupBy: group, Via: via}
	if by, cmp, value, w := aggregateFilter(e, toks[max(0, i-2):min(len(toks), j+3)]); by != "" && by != group {
		ft.Field2, ft.Compare, ft.Value = by, cmp, value
		if op == "count" && group == "" && via == "" {
			label = upperFirst(w) + " " + e.plural // "Paid invoices"
		} else {
			label += " (" + w + ")" // "Total amount (unpaid)"
		}
	}
	ft.Label = clip(label, 80)
	m.addFeature(ft)
	m.wantDashboard = true
}

var (
	doneWords   = set("done", "completed", "complete", "finished")
	undoneWords = set("incomplete", "unfinished", "undone", "pending", "open", "remaining")
)

// aggregateFilter reads a state that narrows an aggregate: "the total
// unpaid" sums records whose status is not paid, "the number of open
// tickets" counts those whose status is open, "completed tasks" those
// whose done flag is set. It returns the field, the comparison, the value
// and the word that said it.
func aggregateFilter(e *entityDraft, toks []token) (field, compare, value, word string) {
	for k, t := range toks {
		w := t.low
		not := k > 0 && toks[k-1].is("not", "non")
		for _, f := range e.fields {
			switch f.Type {
			case prd.Enum:
				for _, o := range f.Options {
					o = strings.ToLower(o)
					switch {
					case w == o && !not:
						return f.Name, "eq", o, w
					case w == o:
						return f.Name, "ne", o, "not " + o
					case w == "un"+o || w == "non-"+o || w == "not-"+o:
						return f.Name, "ne", o, w
					}
				}
			case prd.Boolean:
				same := w == f.Name || doneWords[w] && doneWords[f.Name]
				switch {
				case same && !not:
					return f.Name, "eq", "true", w
				case same || w == "un"+f.Name || undoneWords[w] && doneWords[f.Name]:
					return f.Name, "eq", "false", w
				}
			}
		}
	}
	return "", "", "", ""
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
	case word == "earned":
		return "Total earned"
	case word == "donated":
		return "Total donated"
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
		gw := strings.FieldsFunc(low[i+4:], func(r rune) bool { return r == ' ' || r == '.' || r == ',' || r == ';' })
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
	if (group == "week" || group == "date") && firstOfType(e, prd.Date) == "" && e.addField(fieldDraft{Field: prd.Field{Name: "date", Type: prd.Date, Required: true}, why: "a date"}) {
		m.assume("%s: added a date so the chart can group them by %s.", capital(e.plural), map[string]string{"week": "week", "date": "day"}[group])
	}
	fields := numericFields(e, 2)
	if named := namedNumbers(e, low); len(named) > 0 && len(named) <= 2 {
		fields = named
	}
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

// namedNumbers lists the numeric fields of e a sentence names ("chart
// weight per week").
func namedNumbers(e *entityDraft, low string) []string {
	var out []string
	for _, f := range e.fields {
		if (f.Type == prd.Number || f.Type == prd.Money) && containsPhrase(low, f.Name) {
			out = append(out, f.Name)
		}
	}
	return out
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
	m.recordProgress(e)
}

// recordProgress reads the progress of each record towards its own
// target: "saved so far" of a "target amount", "pages read" of "pages".
func (m *model) recordProgress(e *entityDraft) {
	if e == nil || m.hasFeatureOn(prd.FeatureComputed, e.name) {
		return
	}
	numeric := func(f fieldDraft) bool { return f.Type == prd.Number || f.Type == prd.Money }
	target, current := "", ""
	for _, f := range e.fields {
		if !numeric(f) {
			continue
		}
		switch {
		case target == "" && containsAny(" "+f.Name+" ", []string{" target", " goal", " budget", " total ", " quota", " limit"}):
			target = f.Name
		case current == "" && containsAny(" "+f.Name+" ", []string{" saved", " raised", " current", " so far", " spent", " done", " completed", " read", " progress", " collected", " paid"}):
			current = f.Name
		}
	}
	if target == "" || current == "" {
		return
	}
	m.addFeature(prd.Feature{Kind: prd.FeatureComputed, Entity: e.name, Expression: current + " / " + target + " * 100", Label: "Progress"})
	m.assume("%s: progress is %s as a percentage of %s.", capital(e.name), current, target)
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

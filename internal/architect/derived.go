package architect

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

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
		if f.Type == prd.Number && (strings.Contains(f.Name, "interval") || strings.Contains(f.Name, "frequency") || strings.HasPrefix(f.Name, "every") || f.Unit == "days" || f.Unit == "weeks" || f.Unit == "months") {
			interval = f.Name
		}
	}
	if last == "" || interval == "" {
		return
	}
	label := "Due today"
	if strings.Contains(low, "overdue") {
		label = "Overdue"
	}
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

package architect

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// readPlay turns a quiz into something to play: questions with options
// and a correct answer, taken one by one with a score at the end.
func (m *model) readPlay() {
	low := strings.ToLower(m.d.raw)
	if !containsAny(low, []string{"quiz", "trivia", "practice test", "exam", "flashcard", "take a test", "test yourself", "question bank"}) {
		return
	}
	for _, q := range m.entities {
		answer, options := "", ""
		for _, f := range q.fields {
			switch {
			case strings.Contains(f.Name, "correct") || strings.HasSuffix(f.Name, "answer") || f.Name == "back" || f.Name == "solution" || f.Name == "translation":
				answer = f.Name
			case strings.Contains(f.Name, "option") || strings.Contains(f.Name, "choice"):
				options = f.Name
			}
		}
		if answer == "" {
			continue
		}
		via := ""
		for _, r := range m.relations {
			if r.From == q.name {
				via = r.To
			}
		}
		m.addFeature(prd.Feature{Kind: prd.FeaturePlay, Entity: q.name, Field: answer, Field2: options, Via: via, Label: "Take a quiz"})
		return
	}
}

// assemble builds the PRD from the model and makes sure every part passes
// validation; anything that cannot be made valid is left out.
func (m *model) assemble(theme prd.Theme) *prd.PRD {
	p := &prd.PRD{
		SchemaVersion: prd.SchemaVersion,
		AppName:       clip(or(strings.TrimSpace(m.appName), "My App"), 80),
		Archetype:     clip(m.archetype, 40),
		Language:      m.lang,
		Theme:         theme,
	}
	if !langPattern.MatchString(p.Language) {
		p.Language = "en"
	}
	reserved := map[string]bool{"/": true, "/about": true, "/contact": true, "/dashboard": true, "/play": true}
	for _, cp := range m.contentPage {
		reserved[cp.Path] = true
	}
	p.Entities = m.buildEntities(reserved)
	for i := range p.Entities {
		if wantsSamples(m.archetype, p.Entities[i].Name) {
			p.Entities[i].Samples = safeSamples(p.Entities[i], samplesFor(p.Entities[i]))
			if len(p.Entities[i].Samples) > 0 {
				m.assume("%s: the list starts with %d sample records so it is not empty on first load.", capital(p.Entities[i].Plural), len(p.Entities[i].Samples))
			}
		}
	}
	p.Relations = m.buildRelations(p.Entities)
	p.Features = buildFeatures(m.features, p.Entities, p.Relations)
	if m.archetype == "landing" || len(p.Entities) == 0 && m.archetype != "tool" {
		p.Landing = m.buildLanding()
		if p.Landing.Signup && !p.Has(prd.FeatureNewsletter, "") {
			p.Features = append(p.Features, prd.Feature{Kind: prd.FeatureNewsletter, Label: "Newsletter"})
		}
	}
	p.Pages = cleanPages(m.buildPages(p.Entities, p.Features))
	p.Summary = clip(m.summary(p), 2000)
	p.Audience = m.audience()
	p.Assumptions = append([]string{}, m.assumptions...)
	p.OutOfScope = append([]string{}, m.outOfScope...)
	if p.Relations == nil {
		p.Relations = []prd.Relation{}
	}
	if p.Features == nil {
		p.Features = []prd.Feature{}
	}
	if p.Entities == nil {
		p.Entities = []prd.Entity{}
	}
	return p
}

// summary is the app's one-line pitch, written in the product's voice
// from what it manages and the features asked for (it becomes the hero
// text and the meta description). Prompts in other languages keep their
// own opening sentence, since the pitch is written in English.
func (m *model) summary(p *prd.PRD) string {
	if p.Landing != nil && p.Landing.Subheadline != "" {
		return p.Landing.Subheadline
	}
	if m.archetype == "tool" && p.Language == "en" {
		var names []string
		for _, t := range m.tools {
			names = append(names, strings.ToLower(t.title))
		}
		return upperFirst(joinAnd(names)) + ", right in your browser: nothing to install, nothing to sign up for."
	}
	if p.Language != "en" || len(p.Entities) == 0 {
		return m.opening(p)
	}
	var b strings.Builder
	first := p.Entities[0]
	switch len(p.Entities) {
	case 1:
		fmt.Fprintf(&b, "Add, organise and review your %s", first.Plural)
		if with := notableFields(first, p.Language); with != "" {
			b.WriteString(" with " + with)
		}
		b.WriteString(" in one tidy place.")
	default:
		var names []string
		for _, e := range p.Entities {
			names = append(names, e.Plural)
		}
		fmt.Fprintf(&b, "Keep your %s together in one tidy place.", joinAnd(names))
	}
	if extras := featurePhrases(p); len(extras) > 0 {
		b.WriteString(" " + upperFirst(joinAnd(extras)) + ".")
	}
	return b.String()
}

// opening restates the prompt's first sentence.
func (m *model) opening(p *prd.PRD) string {
	opening := ""
	if len(m.d.sentences) > 0 {
		opening = strings.TrimSpace(m.d.sentences[0].text)
	}
	opening = stripRequest(opening)
	if r := []rune(opening); len(r) > 0 {
		opening = string(unicode.ToUpper(r[0])) + string(r[1:])
	}
	opening = clip(opening, 300)
	if opening != "" && !strings.ContainsAny(opening[len(opening)-1:], ".!?。") {
		opening += "."
	}
	if opening == "" {
		opening = p.AppName + "."
	}
	return opening
}

// notableFields names up to two distinctive fields of e in the plural
// ("due dates and priorities"), skipping titles and names.
func notableFields(e prd.Entity, lang string) string {
	var out []string
	for _, f := range e.Fields {
		last := lastWordOf(f.Name)
		if f.Name == e.Display || f.Type == prd.Boolean || f.Type == prd.LongText || !isNounLike(last) {
			continue // "saved so far" has no plural
		}
		out = append(out, pluralOf(f.Name, lang))
		if len(out) == 2 {
			break
		}
	}
	return joinAnd(out)
}

// isNounLike reports whether a field's last word can take a plural.
func isNounLike(w string) bool {
	if adverbs[w] || prepositions[w] || participle(w) && !strings.HasSuffix(w, "eed") || boolTails[w] || strings.HasSuffix(w, "ly") {
		return false
	}
	switch w {
	case "far", "left", "so", "now", "ago", "yet", "too", "per", "off", "out", "up", "down":
		return false
	}
	return true
}

// featurePhrases describe the features beyond listing records.
func featurePhrases(p *prd.PRD) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, f := range p.Features {
		switch f.Kind {
		case prd.FeatureSearch:
			add("search in a keystroke")
		case prd.FeatureFilter, prd.FeatureSort:
			add("filter and sort as you like")
		case prd.FeatureAggregate, prd.FeatureChart, prd.FeatureRanking:
			add("see the totals at a glance")
		case prd.FeatureStreak, prd.FeatureCheckIn:
			add("build streaks day by day")
		case prd.FeatureDue:
			add("see what needs attention today")
		case prd.FeatureBoard:
			add("move work across the board")
		case prd.FeaturePlay:
			add("play and see your score")
		case prd.FeatureProgress:
			add("watch your progress grow")
		case prd.FeatureFavorite:
			add("star your favourites")
		}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// stripRequest turns "Please implement a website for X" into "A website for X".
func stripRequest(s string) string {
	low := strings.ToLower(s)
	for _, pre := range []string{"please implement ", "please create ", "please develop ", "please build ", "please make ", "please design ", "implement ", "create ", "develop ", "build me ", "build ", "make me ", "make ", "i want ", "i need ", "we need ", "design "} {
		if strings.HasPrefix(low, pre) {
			rest := s[len(pre):]
			if rest == "" {
				return s
			}
			return strings.ToUpper(rest[:1]) + rest[1:]
		}
	}
	return s
}

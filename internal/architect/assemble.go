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
			case strings.Contains(f.Name, "correct") || f.Name == "answer" || f.Name == "back":
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
	if m.archetype == "landing" || len(p.Entities) == 0 {
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

// summary restates the prompt's opening and lists what the app manages.
func (m *model) summary(p *prd.PRD) string {
	var b strings.Builder
	opening := ""
	if len(m.d.sentences) > 0 {
		opening = strings.TrimSpace(m.d.sentences[0].text)
	}
	opening = stripRequest(opening)
	if r := []rune(opening); len(r) > 0 {
		opening = string(unicode.ToUpper(r[0])) + string(r[1:])
	}
	if opening != "" {
		b.WriteString(clip(opening, 600))
		if !strings.HasSuffix(opening, ".") && !strings.HasSuffix(opening, "!") && !strings.HasSuffix(opening, "?") && !strings.HasSuffix(opening, "。") {
			b.WriteString(".")
		}
	}
	if len(p.Entities) > 0 {
		var parts []string
		for _, e := range p.Entities {
			var fs []string
			for i, f := range e.Fields {
				if i == 5 {
					fs = append(fs, "…")
					break
				}
				fs = append(fs, f.Name)
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", e.Plural, strings.Join(fs, ", ")))
		}
		fmt.Fprintf(&b, " %s keeps %s.", p.AppName, joinAnd(parts))
	}
	var labels []string
	for _, f := range p.Features {
		if f.Label != "" && len(labels) < 6 {
			labels = append(labels, strings.ToLower(f.Label))
		}
	}
	if len(labels) > 0 {
		fmt.Fprintf(&b, " Features: %s.", strings.Join(labels, ", "))
	}
	return strings.TrimSpace(b.String())
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

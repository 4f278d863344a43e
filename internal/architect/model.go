package architect

import (
	"fmt"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// entityDraft is an entity while the prompt is being read.
type entityDraft struct {
	name, plural       string
	ident, pluralIdent string
	description        string
	display            string
	fields             []fieldDraft
	explicit           bool // the prompt listed the fields
	pos                int  // order of first mention
}

// prdFields are the entity's fields as the PRD will hold them.
func (e *entityDraft) prdFields() []prd.Field {
	out := make([]prd.Field, len(e.fields))
	for i, f := range e.fields {
		out[i] = f.Field
	}
	return out
}

func (e *entityDraft) field(name string) *fieldDraft {
	for i := range e.fields {
		if e.fields[i].Name == name {
			return &e.fields[i]
		}
	}
	return nil
}

// addField appends f unless a field with the same identifier exists.
func (e *entityDraft) addField(f fieldDraft) bool {
	key := prd.Camel(or(f.Ident, f.Name))
	for _, g := range e.fields {
		if prd.Camel(or(g.Ident, g.Name)) == key {
			return false
		}
	}
	if len(e.fields) >= prd.MaxFields {
		return false
	}
	e.fields = append(e.fields, f)
	return true
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// model collects everything read from the prompt.
type model struct {
	d             *doc
	lang          string
	entities      []*entityDraft
	relations     []prd.Relation
	features      []prd.Feature
	assumptions   []string
	outOfScope    []string
	archetype     string
	appName       string
	explicitApp   bool
	wantPages     map[prd.PageKind]bool
	contentPage   []prd.Page
	signup        bool
	appItems      []appItem // what the app itself is said to have
	subjectLists  []appItem // lists after the app's name and a colon
	columns       []string  // kanban columns
	typed         []typedNote
	wantDashboard bool
	kindWords     []string    // the app's own noun phrase
	purpose       string      // "stock reports" in "a website for generating stock reports"
	forWhom       string      // "freelancer" in "a CRM for a freelancer"
	groupField    string      // "folder" in "a notes app with folders"
	groupOptions  []string    // its values when the prompt lists them: "categories (breakfast, lunch)"
	tools         []toolCue   // tools asked for: a timer, a calculator, 2048
	kindEntity    string      // "poll" in "a polls website"
	owner         string      // "solar company" in "a website for a solar company"
	owners        []ownerLink // "rentals of a car": records and what they belong to
}

// appItem is a list that follows the app's own name: "a notes app with folders".
type appItem struct {
	items []item
	pos   int
}

// typedNote records why a field got its type, for the assumptions.
type typedNote struct{ entity, field, why string }

func (m *model) assume(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	for _, a := range m.assumptions {
		if a == s {
			return
		}
	}
	m.assumptions = append(m.assumptions, s)
}

func (m *model) exclude(s string) {
	for _, a := range m.outOfScope {
		if a == s {
			return
		}
	}
	m.outOfScope = append(m.outOfScope, s)
}

// entity finds a draft by singular or plural name.
func (m *model) entity(name string) *entityDraft {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return nil
	}
	for _, e := range m.entities {
		if e.name == name || e.plural == name || e.ident != "" && e.ident == name {
			return e
		}
	}
	return nil
}

// entityByWords finds an entity named by the end of a phrase ("internal
// comments" -> comment).
func (m *model) entityByWords(ws []string) *entityDraft {
	for k := 0; k < len(ws); k++ {
		phrase := strings.Join(ws[k:], " ")
		if e := m.entity(phrase); e != nil {
			return e
		}
		if e := m.entity(singularOf(phrase, m.lang)); e != nil {
			return e
		}
	}
	return nil
}

// ensureEntity returns the entity with the name, creating it.
func (m *model) ensureEntity(name string, pos int) *entityDraft {
	if e := m.entity(name); e != nil {
		if pos < e.pos {
			e.pos = pos
		}
		return e
	}
	if len(m.entities) >= prd.MaxEntities {
		return nil
	}
	e := &entityDraft{name: name, plural: pluralOf(name, m.lang), pos: pos}
	if m.lang == "en" {
		if p, ok := pluralOverride[name]; ok {
			e.plural = p
		}
	}
	m.entities = append(m.entities, e)
	return e
}

// pluralOverride holds entity plurals that read better than the rule.
var pluralOverride = map[string]string{"news item": "news items", "person": "people", "staff member": "staff members"}

func (m *model) hasRelation(from, to string) bool {
	for _, r := range m.relations {
		if r.From == from && r.To == to || r.From == to && r.To == from {
			return true
		}
	}
	return false
}

func (m *model) relate(from, to string, why string) {
	if from == to || from == "" || to == "" || m.hasRelation(from, to) || m.entity(from) == nil || m.entity(to) == nil {
		return
	}
	m.relations = append(m.relations, prd.Relation{From: from, To: to, Kind: prd.ManyToOne, Required: false})
	if why != "" {
		m.assume("Each %s belongs to one %s (%s).", from, to, why)
	}
}

func (m *model) addFeature(f prd.Feature) {
	for _, g := range m.features {
		if g.Kind == f.Kind && g.Entity == f.Entity && g.Field == f.Field && g.GroupBy == f.GroupBy && g.Op == f.Op && g.Via == f.Via && g.Compare == f.Compare && g.Value == f.Value {
			return
		}
	}
	m.features = append(m.features, f)
}

func (m *model) hasFeature(k prd.FeatureKind) bool {
	for _, f := range m.features {
		if f.Kind == k {
			return true
		}
	}
	return false
}

// main is the entity the app is mostly about: the first one declared with
// fields, else the first one.
func (m *model) main() *entityDraft {
	var best *entityDraft
	for _, e := range m.entities {
		if best == nil || e.explicit && !best.explicit || e.explicit == best.explicit && e.pos < best.pos {
			best = e
		}
	}
	return best
}

// hasFeatureOn reports whether entity already has a feature of kind k.
func (m *model) hasFeatureOn(k prd.FeatureKind, entity string) bool {
	for _, f := range m.features {
		if f.Kind == k && f.Entity == entity {
			return true
		}
	}
	return false
}

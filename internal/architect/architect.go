package architect

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// Params is what the offline architect reads.
type Params struct {
	// Prompt is the user's description, already validated non-empty and at
	// most 20,000 characters.
	Prompt string
	// Documents are the plain text of attached documents.
	Documents []string
	// Colours are #rrggbb colours extracted from an uploaded logo, dominant first.
	Colours []string
}

// Offline plans apps without a language model. Its zero value is ready to
// use; Logger, when set, receives a debug line per plan.
type Offline struct {
	Logger *slog.Logger
}

// ErrEmptyPrompt is returned for a prompt with no words.
var ErrEmptyPrompt = errors.New("architect: prompt is empty")

// maxDocumentText bounds how much attached text is read for field lists.
const maxDocumentText = 20000

// Plan reads the prompt and returns a PRD that passes prd.Validate and the
// PRD schema. The same input always gives the same PRD.
func (o Offline) Plan(ctx context.Context, p Params) (*prd.PRD, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(p.Prompt) == "" {
		return nil, ErrEmptyPrompt
	}
	out := plan(p)
	if err := out.Validate(); err != nil {
		return nil, fmt.Errorf("architect: planned an invalid PRD: %w", err)
	}
	if o.Logger != nil {
		o.Logger.Debug("planned app", "app", out.AppName, "archetype", out.Archetype, "language", out.Language, "entities", len(out.Entities), "features", len(out.Features))
	}
	return out, nil
}

// plan runs the layers in order: language and sentences, the app's own
// description, declared entities, entities in prose, relations, priors,
// features, theme, naming and pages, then assembles a valid PRD.
func plan(p Params) *prd.PRD {
	m := &model{d: newDoc(p.Prompt), wantPages: map[prd.PageKind]bool{}}
	m.lang = m.d.lang
	if m.lang == "en" {
		m.readKind()
	}
	m.archetype, _ = detectArchetype(strings.Join(m.kindWords, " "), m.d.raw)
	if m.archetype == "brochure" && m.toolKind() {
		m.archetype = "app" // "a pet clinic app", "my bakery's orders": run the business, not advertise it
	}
	if m.lang == "en" {
		m.readDeclarations()
		m.readDocuments(p.Documents)
		m.readAppItems()
		m.readSubjectFields()
		m.readRelations()
		m.readTools()
		if m.archetype != "tool" {
			m.addProseEntities()
		}
	} else {
		m.readForeign()
		if len(m.entities) == 0 {
			m.foreignDefault()
		}
	}
	m.resolveOwners()
	m.fillDefaults()
	m.fieldsToRelations()
	m.fillFromPriors()
	m.fieldsToRelations()
	m.linkSubRecords()
	m.applyGroupField()
	if m.lang == "en" {
		m.readFeatures()
		m.readPlay()
	} else {
		m.readForeignFeatures()
	}
	m.readPageWords()
	m.capacity()
	theme := m.buildTheme(p.Colours)
	m.appName, m.explicitApp = m.explicitName()
	if !m.explicitApp {
		m.appName = m.deriveName()
		if m.lang != "en" {
			m.appName = m.foreignAppName()
		}
		if m.archetype == "landing" && m.lang == "en" {
			m.appName = or(m.productName(), m.landingName())
		}
	}
	m.notes()
	return m.assemble(theme)
}

// toolKind reports whether the app's own description names a tool or the
// records it keeps rather than a site.
func (m *model) toolKind() bool {
	if len(m.kindWords) == 0 {
		return false
	}
	head := strings.TrimSuffix(m.kindWords[len(m.kindWords)-1], "'s")
	switch head {
	case "website", "site", "web", "webpage", "page", "homepage", "portal":
		return false
	case "app", "application", "tool", "system", "tracker", "manager", "management", "software", "dashboard", "planner", "crm", "scheduler", "log", "organizer", "organiser":
		return true
	}
	_, known := nounPriors[singularWord(head)]
	return known && looksPlural(head)
}

// readDocuments reads field lists from attached documents ("Each order
// has …"); free prose in documents is not mined for entities.
func (m *model) readDocuments(docs []string) {
	total := 0
	for _, doc := range docs {
		if total >= maxDocumentText {
			break
		}
		text := doc
		if len(text) > maxDocumentText-total {
			text = clip(text, maxDocumentText-total)
		}
		total += len(text)
		d := newDoc(text)
		if d.lang != "en" {
			continue
		}
		saved := m.d
		m.d = d
		before := len(m.entities)
		m.readDeclarations()
		m.d = saved
		if len(m.entities) > before {
			m.assume("Some entities and fields come from the attached documents.")
		}
	}
}

// addProseEntities adds records the prompt talks about without listing
// fields. With declared entities present only strong candidates join.
func (m *model) addProseEntities() {
	cands := m.proseEntities()
	declared := len(m.entities)
	if k := m.kindEntity; k != "" && declared == 0 && m.archetype != "landing" && !m.ownerNoun(k) {
		m.ensureEntity(k, 0)
	}
	limit := 6
	if declared > 0 {
		limit = 2
	}
	added := 0
	for _, c := range cands {
		if added >= limit || len(m.entities) >= prd.MaxEntities {
			break
		}
		if m.entity(c.name) != nil || m.isFieldName(c.name) || m.namedOtherwise(c) || declared > 0 && m.onlyTheApp(c) {
			continue
		}
		if _, known := nounPriors[c.name]; declared > 0 && (!c.made && !known || c.score < 6) {
			continue
		}
		if m.archetype == "landing" && declared == 0 {
			continue
		}
		if m.ensureEntity(c.name, 100000+added) != nil {
			added++
		}
	}
}

// namedOtherwise reports whether the words behind a candidate already name
// a declared entity: with rentals declared, "car rental" (a booking) is
// the rentals themselves.
func (m *model) namedOtherwise(c candidate) bool {
	for _, h := range c.heads {
		if e := m.entity(h); e != nil && e.name != c.name && e.explicit {
			return true
		}
	}
	return false
}

// onlyTheApp reports whether a candidate is named only by the app's own
// name ("Sleep diary" names the app, whose records are nights).
func (m *model) onlyTheApp(c candidate) bool {
	if c.name != m.kindEntity || len(m.kindWords) == 0 || c.mentioned > 1 {
		return false
	}
	return appNouns[m.kindWords[len(m.kindWords)-1]]
}

func (m *model) isFieldName(name string) bool {
	for _, e := range m.entities {
		if e.field(name) != nil || e.field(pluralWord(name)) != nil {
			return true
		}
	}
	return false
}

// readSubjectFields reads a field list that follows the app's own name
// ("Sleep log: date, hours slept, whether I napped", "a weight log with
// date and weight in kg") as the fields of the records the app keeps, when
// the prompt declares no records of its own.
func (m *model) readSubjectFields() {
	for _, e := range m.entities {
		if e.explicit {
			return
		}
	}
	lists := append(append([]appItem{}, m.subjectLists...), m.appItems...)
	for _, l := range lists {
		if len(l.items) < 2 || !fieldLike(l.items, 0.5) || anyNested(l.items) {
			continue
		}
		name, ok := m.subjectNoun()
		if k := m.kindEntity; k != "" {
			name, ok = k, true
		}
		if !ok {
			return
		}
		m.declare([]token{{text: name, low: name, kind: tWord}}, l.items, l.pos, false)
		m.assume("The list after the app's name gives the fields of its %s.", pluralOf(name, m.lang))
		return
	}
}

// fillDefaults gives the app the records its kind usually has when the
// prompt names none (landing pages may have none).
func (m *model) fillDefaults() {
	if len(m.entities) > 0 || m.archetype == "landing" || m.archetype == "tool" {
		return
	}
	_, names := detectArchetype(strings.Join(m.kindWords, " "), m.d.raw)
	if len(m.kindWords) > 0 {
		if name, ok := nounNameWords(append([]string(nil), m.kindWords...)); ok {
			if _, known := nounPriors[name]; known {
				names = []string{name}
			}
		}
	}
	for i, n := range names {
		if n == "entry" || n == "item" || n == "record" {
			if name, ok := m.subjectNoun(); ok {
				n = name
			}
		}
		m.ensureEntity(n, 200000+i)
	}
	if len(names) > 0 {
		m.assume("The prompt names no records, so the app manages %s, as a %s app usually does.", joinAnd(pluralAll(names, m.lang)), m.archetype)
	}
}

// subjectNoun is the first modifier of the app's own description that can
// name a record ("mood tracker" -> mood entry).
func (m *model) subjectNoun() (string, bool) {
	for _, w := range m.kindWords {
		if nameNoise[w] || appNouns[w] || genericHeads[w] || stopNouns[w] || containerHeads[w] {
			continue
		}
		if a, ok := nounAliases[w]; ok {
			return a, true
		}
		if _, ok := nounPriors[w]; ok {
			return w, true
		}
		return singularWord(w) + " entry", true
	}
	return "", false
}

func pluralAll(names []string, lang string) []string {
	var out []string
	for _, n := range names {
		out = append(out, pluralOf(n, lang))
	}
	return out
}

// applyGroupField gives the main records a field for "an app with folders".
func (m *model) applyGroupField() {
	main := m.main()
	if m.groupField == "" || main == nil || m.entity(m.groupField) != nil {
		return
	}
	t := prd.Text
	if m.groupField == "tag" || m.groupField == "label" {
		t = prd.Tags
	}
	if len(m.groupOptions) > 0 && t == prd.Text {
		t = prd.Enum
		if f := main.field(m.groupField); f != nil && (f.Type == prd.Text || f.Type == prd.Enum) {
			f.Type, f.Options = prd.Enum, m.groupOptions
			if !m.hasFeatureOn(prd.FeatureFilter, main.name) {
				m.addFeature(prd.Feature{Kind: prd.FeatureFilter, Entity: main.name, Field: m.groupField, Label: "Filter by " + m.groupField})
			}
			return
		}
	}
	if main.addField(fieldDraft{Field: prd.Field{Name: m.groupField, Type: t, Options: m.groupOptions}, why: "grouping"}) {
		m.assume("%s: each has a %q field to group them.", capital(main.plural), m.groupField)
		m.addFeature(prd.Feature{Kind: prd.FeatureFilter, Entity: main.name, Field: m.groupField, Label: "Filter by " + m.groupField})
	}
}

// capacity stops sign-ups once a record with a capacity is full. A count
// of places limits records of people taking a place (RSVPs, sign-ups,
// tickets), records of something that happens once (an event with a date
// and a capacity), or any related records when the prompt says a record
// can be full; a car's seats do not limit its rentals.
func (m *model) capacity() {
	full := containsAny(" "+strings.ToLower(m.d.raw)+" ", fullCues)
	for _, r := range m.relations {
		to := m.entity(r.To)
		if to == nil {
			continue
		}
		for _, f := range to.fields {
			if f.Type != prd.Number || !placesField(f.Name) {
				continue
			}
			once := strings.Contains(f.Name, "capacity") && firstOfType(to, prd.Date, prd.Time) != ""
			if !full && !takesPlace[r.From] && !once {
				continue
			}
			m.addFeature(prd.Feature{Kind: prd.FeatureCapacity, Entity: to.name, Field: f.Name, Via: r.From, Label: "Full"})
			m.assume("A %s cannot take more %s than its %s.", to.name, pluralOf(r.From, m.lang), f.Name)
		}
	}
}

// takesPlace are records of a person taking one place.
var takesPlace = set("rsvp", "registration", "enrollment", "sign-up", "ticket", "attendee", "participant", "passenger", "entrant", "seat booking")

// fullCues say a record can run out of places.
var fullCues = []string{" full ", " full.", " full,", "sold out", "fully booked", "no more ", "can't take more", "cannot take more", "can not take more", "spots left", "seats left", "places left", "remaining seats", "remaining spots", "until full", "is full", "are full", "once full", "capacity is reached", "capacity reached", "over capacity", "at capacity", "exceed the capacity", "exceed its capacity", "overbook"}

// placesField reports whether a field counts the places a record offers.
func placesField(name string) bool {
	switch name {
	case "capacity", "seats", "spots", "places", "slots", "spaces", "max attendees", "max participants", "maximum attendees", "maximum participants", "available seats", "available spots", "total seats":
		return true
	}
	return strings.HasSuffix(name, " capacity")
}

// notes records how fields were typed and what is out of scope.
func (m *model) notes() {
	byEntity := map[string][]string{}
	var order []string
	for _, t := range m.typed {
		if _, ok := byEntity[t.entity]; !ok {
			order = append(order, t.entity)
		}
		byEntity[t.entity] = append(byEntity[t.entity], fmt.Sprintf("%q as %s", t.field, t.why))
	}
	for _, e := range order {
		if m.entity(e) != nil {
			m.assume("%s fields typed from their names: %s.", capital(e), strings.Join(byEntity[e], ", "))
		}
	}
	m.assume("Data is stored in the browser, so it persists across reloads on one device.")
	low := strings.ToLower(m.d.raw)
	scope := []struct {
		cues []string
		note string
	}{
		{[]string{"payment", "pay ", "checkout", "purchase", "billing", "buy "}, "Real payments: checkout is simulated, no money changes hands."},
		{[]string{"login", "log in", "sign in", "register", "registration", "account", "authentication", "permission", "user management"}, "Real user accounts and authentication: records are not tied to a signed-in user."},
		{[]string{"email", "sms", "notification", "whatsapp", "newsletter", "alert"}, "Sending emails, text messages or push notifications: messages are recorded but not delivered."},
		{[]string{"real-time", "live ", "chat", "multiplayer"}, "Real-time sync between users: each browser keeps its own data."},
		{[]string{" ai ", "chatbot", "recommendation", "predict", "machine learning", "recogni", "automatically generate"}, "Machine learning and AI features: results are rule-based or entered by hand."},
		{[]string{"api", "integration", "import from", "third-party", "youtube", "stock data", "weather forecast"}, "Live data from third-party services: data is entered in the app."},
		{[]string{"upload", "download", "pdf", "attachment", "file"}, "File storage: files are referenced by link rather than uploaded."},
		{[]string{"map", "location", "gps"}, "Interactive maps: locations are shown as text."},
	}
	for _, s := range scope {
		if containsAny(" "+low+" ", s.cues) {
			m.exclude(s.note)
		}
	}
}

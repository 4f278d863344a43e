package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// linkWords introduce the entity a record belongs to: "deals linked to a
// contact", "grades per student".
var linkWords = [][]string{
	{"linked", "to"}, {"belonging", "to"}, {"belongs", "to"}, {"belong", "to"}, {"attached", "to"}, {"tied", "to"},
	{"assigned", "to"}, {"related", "to"}, {"associated", "with"}, {"connected", "to"},
	{"per"}, {"for", "each"}, {"for", "every"}, {"of", "each"}, {"under", "a"}, {"within", "a"},
	{"inside", "a"}, {"is", "for"}, {"are", "for"}, {"grouped", "by"}, {"organized", "by"}, {"organised", "by"}, {"in", "a"},
}

// subNouns are records that hang off another record: comments on a post,
// RSVPs to an event, answers to a question.
var subNouns = set("comment", "reply", "review", "answer", "rsvp", "vote", "bid", "condolence",
	"attachment", "rating", "response", "line item", "sign-up")

// verbRecords turn what people do to a record into a record of its own:
// "people can RSVP to an event" gives rsvps of an event.
var verbRecords = map[string]string{
	"rsvp": "rsvp", "book": "booking", "reserve": "reservation", "apply": "application",
	"enroll": "enrollment", "enrol": "enrollment", "register": "registration", "sign": "sign-up",
	"vote": "vote", "comment": "comment", "review": "review", "bid": "bid", "donate": "donation",
	"reply": "reply", "answer": "answer", "submit": "submission", "volunteer": "sign-up",
	"order": "order", "attend": "rsvp", "subscribe": "subscriber",
	"check": "checkout", "borrow": "loan",
}

// readRelations finds explicit links between entities and the records
// created by what people do to an entity.
func (m *model) readRelations() {
	for si, s := range m.d.sentences {
		toks := s.toks
		for i := 0; i < len(toks); i++ {
			for _, lw := range linkWords {
				if !matchAt(toks, i, lw) {
					continue
				}
				from := m.entityBefore(toks, i)
				if from == nil && (lw[0] == "per" || lw[0] == "linked" || lw[0] == "belonging") {
					from = m.declaredIn(si, i)
				}
				np, _ := npAfter(toks, i+len(lw))
				if from == nil || len(np) == 0 {
					continue
				}
				to := m.entityByWords(lows(np))
				if to == nil {
					name, ok := nounName(np)
					if !ok || from.field(name) != nil || !m.isRecordNoun(name) {
						continue
					}
					if _, known := nounPriors[name]; !known && lw[0] != "linked" && lw[0] != "belonging" && lw[0] != "attached" {
						continue
					}
					to = m.ensureEntity(name, si*1000+i)
					if to == nil {
						continue
					}
				}
				if lw[0] == "belong" || lw[0] == "belongs" || lw[0] == "belonging" || lw[0] == "is" || lw[0] == "are" {
					m.own(from.name, to.name)
				} else {
					m.relate(from.name, to.name, "")
				}
			}
			m.readVerbRecord(toks, i, si)
		}
	}
}

// declaredIn returns the entity declared last before token i of sentence si.
func (m *model) declaredIn(si, i int) *entityDraft {
	var best *entityDraft
	for _, e := range m.entities {
		if e.pos/1000 == si && e.pos%1000 < i && (best == nil || e.pos > best.pos) && e.explicit {
			best = e
		}
	}
	return best
}

func matchAt(toks []token, i int, ws []string) bool {
	if i+len(ws) > len(toks) {
		return false
	}
	for k, w := range ws {
		if toks[i+k].low != w {
			return false
		}
	}
	return true
}

// entityBefore finds the entity named just before index i, skipping a
// bracketed field list: "deals (title, value) linked to".
func (m *model) entityBefore(toks []token, i int) *entityDraft {
	j := i
	if j > 0 && toks[j-1].low == ")" {
		depth := 0
		for k := j - 1; k >= 0; k-- {
			if toks[k].low == ")" {
				depth++
			}
			if toks[k].low == "(" {
				depth--
				if depth == 0 {
					j = k
					break
				}
			}
		}
	}
	_, np := npBefore(toks, j)
	if len(np) == 0 {
		return nil
	}
	return m.entityByWords(lows(np))
}

func (m *model) isRecordNoun(name string) bool {
	if stopNouns[name] {
		return false
	}
	for _, e := range m.entities {
		for _, f := range e.fields {
			if f.Name == name {
				return false
			}
		}
	}
	return true
}

// bookingLike records are already what a verb creates: to "book an
// appointment" makes an appointment, not a booking of one.
var bookingLike = set("appointment", "reservation", "booking", "order", "application", "registration", "enrollment", "ticket", "session", "rsvp", "sign-up", "subscription",
	"visit", "consultation", "checkup", "check-up", "meeting", "treatment", "massage", "haircut", "fitting", "viewing", "test drive")

// readVerbRecord reads "<people> can <verb> (to|for|on) a <entity> (with
// their <fields>)": the fields describe the new record, which belongs to
// the entity, and to the people when they are records of the app too.
func (m *model) readVerbRecord(toks []token, i, si int) {
	rec, np, end, ok := verbRecordAt(toks, i)
	if !ok {
		return
	}
	if end < len(toks) && toks[end].is("for", "on", "at", "in", "from") {
		if _, next := npAfter(toks, end+1); next < len(toks) && toks[next].is("with") {
			end = next
		}
	}
	listed := end < len(toks) && toks[end].is("with", "by", "giving", "providing", "entering", "choosing", "selecting", "specifying")
	parent := m.entityByWords(lows(np))
	if parent == nil {
		if name, ok := nounName(np); ok && (nounPriors[name] != nil || listed && m.isRecordNoun(name)) {
			parent = m.ensureEntity(name, si*1000+i-1)
		}
	}
	if parent == nil || parent.name == rec || bookingLike[parent.name] {
		return
	}
	e := m.ensureEntity(rec, si*1000+i)
	if e == nil {
		return
	}
	if listed {
		m.declare([]token{{text: rec, low: rec, kind: tWord}}, parseList(toks, end+1), si*1000+i, false)
	}
	m.own(e.name, parent.name)
	if _, subj := npBefore(toks, i); len(subj) > 0 {
		if who := m.entityByWords(lows(subj)); who != nil && who != e && who != parent {
			m.relate(e.name, who.name, "")
		}
	}
}

// fieldsToRelations turns fields that name another entity into relations.
func (m *model) fieldsToRelations() {
	for _, e := range m.entities {
		var keep []fieldDraft
		for _, f := range e.fields {
			other := m.entityByWords(strings.Fields(f.Name))
			if other == nil {
				other = m.entity(singularWord(f.Name))
			}
			if other != nil && other != e && (f.Type == prd.Text || f.Type == prd.Tags || f.Type == prd.LongText) && len(strings.Fields(f.Name)) <= 2 {
				if looksPlural(f.Name) || f.Type == prd.Tags {
					m.relate(other.name, e.name, "")
				} else {
					m.relate(e.name, other.name, "")
				}
				m.assume("%s: %q links to the %s records instead of being a field.", capital(e.name), f.Name, other.name)
				continue
			}
			keep = append(keep, f)
		}
		e.fields = keep
	}
}

// linkSubRecords links records that hang off another one (comments on a
// ticket) and records whose names go together (donations and donors).
func (m *model) linkSubRecords() {
	main := m.main()
	for _, e := range m.entities {
		if main == nil || e == main || !subNouns[e.name] || len(m.relationsFrom(e.name)) > 0 {
			continue
		}
		if len(m.relationsFrom(main.name)) > 0 && m.hasRelation(main.name, e.name) {
			continue
		}
		m.relate(e.name, main.name, "a "+e.name+" is about a "+main.name)
	}
	m.inferStemRelations()
}

// inferStemRelations links "donation" to "donor" when the prompt needs
// them together (a ranking of donors by donations) or they share a stem.
func (m *model) inferStemRelations() {
	for _, a := range m.entities {
		for _, b := range m.entities {
			if a == b || m.hasRelation(a.name, b.name) {
				continue
			}
			if sharedStem(a.name, b.name) && a.explicit && b.explicit && hasNumeric(a) && !hasNumeric(b) {
				m.relate(a.name, b.name, "the names go together")
			}
		}
	}
}

func sharedStem(a, b string) bool {
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5
}

func hasNumeric(e *entityDraft) bool {
	for _, f := range e.fields {
		if f.Type == prd.Money || f.Type == prd.Number {
			return true
		}
	}
	return false
}

func (m *model) relationsFrom(name string) []string {
	var out []string
	for _, r := range m.relations {
		if r.From == name {
			out = append(out, r.To)
		}
	}
	return out
}

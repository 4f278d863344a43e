package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// ownerLink is a record that the prompt says belongs to another one
// ("rentals of a car", "visits of a pet"), kept until every sentence has
// been read so that the owner may be declared later in the prompt.
type ownerLink struct {
	from  string
	owner []string // the owner's words as written
	pos   int
}

// containerHeads name a collection rather than a record: in "a list of
// books with a title" the fields belong to the books.
var containerHeads = set("list", "lists", "collection", "collections", "gallery", "galleries",
	"catalog", "catalogue", "library", "directory", "database", "archive", "feed", "menu",
	"set", "series", "selection", "range", "variety", "number", "lot", "group", "bunch",
	"portfolio", "showcase", "index", "inventory", "log", "record", "history", "queue", "pile",
	"stack", "kind", "kinds", "type", "types", "sort", "board", "overview", "summary")

// ownedSubject reads "X of a Y", "X for a Y" and, where X opens a clause or
// follows a verb, "X to/on/in/from a Y" and the passive "X are booked for a
// Y", where Y starts at start: the fields listed next belong to X, which
// belongs to Y. It returns X and where it starts, or nil when the phrase is
// not owned (a list, menu or gallery of things is a collection, not an
// owner).
func (m *model) ownedSubject(toks []token, start int) (int, []token) {
	k := start - 1
	if k < 1 || !determiners[toks[k].low] || toks[k].is("their", "its", "my", "our", "your", "his", "her", "all", "some", "any", "many", "more", "most", "few", "much", "them", "it", "it's", "they", "which", "what", "whose") {
		return 0, nil
	}
	k--
	if !toks[k].is("of", "for", "to", "on", "in", "from", "inside", "within") {
		return 0, nil
	}
	loose := !toks[k].is("of", "for")
	if k >= 2 && passiveAt(toks, k-1) {
		k -= 2
	}
	xs, x := npBefore(toks, k)
	for len(x) > 1 && strings.HasSuffix(x[len(x)-1].low, "ed") && len(x[len(x)-1].low) > 4 {
		x = x[:len(x)-1]
	}
	if len(x) == 0 || isAppNoun(x) || actorNoun(x) || containerHeads[x[len(x)-1].low] || pronouns[x[0].low] {
		return 0, nil
	}
	if loose && xs > 0 && toks[xs-1].kind != tPunct && !toks[xs-1].is("and", "the", "my", "our", "their", "your") && verbBase(toks[xs-1].low) == "" {
		return 0, nil
	}
	if _, ok := m.nameOf(x); !ok {
		return 0, nil
	}
	return xs, x
}

// redirectOwned applies ownedSubject to the phrase np that starts at start,
// just before a field list: it returns the phrase the fields belong to, its
// start, and the link to its owner, which the caller notes with noteOwner
// once the fields are declared.
func (m *model) redirectOwned(toks []token, start int, np []token, pos int) (int, []token, *ownerLink) {
	if len(np) == 0 {
		return start, np, nil
	}
	xs, x := m.ownedSubject(toks, start)
	if x == nil {
		return start, np, nil
	}
	name, _ := m.nameOf(x)
	return xs, x, &ownerLink{from: name, owner: lows(np), pos: pos}
}

// noteOwner keeps a link for resolveOwners.
func (m *model) noteOwner(l *ownerLink, declared bool) {
	if l != nil && declared && l.from != "" {
		m.owners = append(m.owners, *l)
	}
}

// resolveOwners links the records read as "X of a Y" to their owners,
// creating an owner the prompt names only in passing when it is a known
// kind of record.
func (m *model) resolveOwners() {
	for _, o := range m.owners {
		from := m.entity(o.from)
		if from == nil {
			continue
		}
		to := m.entityByWords(o.owner)
		if to == nil {
			name, ok := nounNameWords(append([]string(nil), o.owner...))
			if m.lang != "en" {
				name, ok = "", false
			}
			if _, known := nounPriors[name]; !ok || !known || !m.isRecordNoun(name) {
				continue
			}
			to = m.ensureEntity(name, o.pos+1)
		}
		if to != nil && to != from {
			m.own(from.name, to.name)
		}
	}
}

// own records that each from record belongs to exactly one to record.
func (m *model) own(from, to string) {
	for i, r := range m.relations {
		if r.From == from && r.To == to {
			m.relations[i].Required = true
			return
		}
	}
	if from == to || m.hasRelation(from, to) || m.entity(from) == nil || m.entity(to) == nil {
		return
	}
	m.relations = append(m.relations, prd.Relation{From: from, To: to, Kind: prd.ManyToOne, Required: true})
}

// clauseSubject finds the subject of a clause whose verb follows "and":
// in "pets belong to an owner and have a name" the fields belong to pets.
func clauseSubject(toks []token, i int) []token {
	if i < 1 || !toks[i-1].is("and") {
		return nil
	}
	start := 0
	for k := i - 1; k >= 0; k-- {
		if toks[k].kind == tPunct && toks[k].low != "-" && toks[k].low != "'" && toks[k].low != "(" && toks[k].low != ")" {
			start = k + 1
			break
		}
	}
	np, end := npAfter(toks, start)
	each := start < len(toks) && toks[start].is("each", "every")
	if len(np) == 0 || end >= i-1 || isAppNoun(np) && !each || pronouns[np[0].low] && !actorNoun(np) {
		return nil
	}
	if !isVerbAt(toks, end) && verbBase(toks[end].low) == "" && !toks[end].is("belong", "belongs", "belonging", "live", "lives", "sit", "sits", "come", "comes", "go", "goes") && !modals[toks[end].low] {
		return nil
	}
	return np
}

// verbRecordAt reads "<verb> (up) (to|for|in|on) (a) <object>" at i, where
// the verb makes a record of its own: "volunteers sign up for a shift"
// makes sign-ups of a shift. It returns the record's name, the object and
// the index just past it.
func verbRecordAt(toks []token, i int) (rec string, np []token, end int, ok bool) {
	t := toks[i]
	rec, ok = verbRecords[t.low]
	if !ok {
		rec, ok = verbRecords[verbBase(t.low)]
	}
	if !ok || !verbRecordSubject(toks, i) {
		return "", nil, 0, false
	}
	j := i + 1
	if verbBase(t.low) == "sign" || verbBase(t.low) == "check" {
		if j >= len(toks) || !toks[j].is("up", "out") || verbBase(t.low) == "sign" && !toks[j].is("up") || verbBase(t.low) == "check" && !toks[j].is("out") {
			return "", nil, 0, false
		}
		j++
	}
	if j < len(toks) && verbParticles[toks[j].low] {
		j++
	} else if rec == "submission" {
		return "", nil, 0, false // what is submitted is the record itself
	}
	np, end = npAfter(toks, j)
	if len(np) == 0 {
		return "", nil, 0, false
	}
	if name, named := nounName(np); !named || bookingLike[name] || name == rec {
		return "", nil, 0, false
	}
	return rec, np, end, true
}

// verbRecordBefore reports whether the phrase starting at s is the object
// of a verb that makes a record of its own; the fields listed after it
// then belong to that record, not to the object.
func verbRecordBefore(toks []token, s int) bool {
	k := s - 1
	for k >= 0 && determiners[toks[k].low] {
		k--
	}
	for n := 0; k >= 0 && n < 2 && verbParticles[toks[k].low]; n++ {
		k--
	}
	if k < 0 {
		return false
	}
	_, np, end, ok := verbRecordAt(toks, k)
	return ok && end-len(np) == s
}

// passiveAt reports whether toks[i] is a past participle after a form of
// "be": "walks are booked", "sessions get scheduled".
func passiveAt(toks []token, i int) bool {
	if i < 1 || !toks[i-1].is("is", "are", "was", "were", "be", "been", "get", "gets", "got") {
		return false
	}
	w := toks[i].low
	return verbBase(w) != "" && w != verbBase(w) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || irregularParticiples[w])
}

var irregularParticiples = set("made", "sold", "bought", "paid", "kept", "left", "sent", "held", "set", "put", "run", "read", "built", "found", "brought", "taught", "lent", "spent", "won", "shown", "written", "taken", "given", "chosen")

// verbRecordSubject reports whether the word before the verb at i lets it
// act as a verb: a modal, the people using the app, "to", "and", a comma,
// or a plural noun ("volunteers sign up").
func verbRecordSubject(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	prev := toks[i-1]
	if passiveAt(toks, i) {
		return false
	}
	if modals[prev.low] || actorNoun(toks[i-1:i]) || prev.is("to", "and", ",") {
		return true
	}
	if !prev.word() || determiners[prev.low] || prepositions[prev.low] || conjunctions[prev.low] || stopNouns[prev.low] {
		return false
	}
	if looksPlural(prev.low) && verbBase(prev.low) == "" {
		return true
	}
	return i > 1 && toks[i-2].is("each", "every") && toks[i].low != verbBase(toks[i].low)
}

// manyWords open "has many rentals": the records that belong to the subject.
var manyWords = set("many", "multiple", "several", "numerous", "lots", "any")

// hasMany reads "a car has many rentals": each rental belongs to a car.
// The rentals may be declared later in the prompt.
func (m *model) hasMany(np []token, items []item, pos int) {
	owner, ok := m.nameOf(np)
	if !ok {
		return
	}
	for _, it := range items {
		if len(it.toks) < 2 || !manyWords[it.toks[0].low] {
			continue
		}
		rest := it.toks[1:]
		if len(rest) > 0 && rest[0].is("of") {
			rest = rest[1:]
		}
		if name, ok := m.nameOf(rest); ok && len(rest) <= 3 && looksPlural(rest[len(rest)-1].low) {
			m.owners = append(m.owners, ownerLink{from: name, owner: strings.Fields(owner), pos: pos})
		}
	}
}

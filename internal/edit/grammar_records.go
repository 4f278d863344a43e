package edit

import (
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

var (
	renameTo     = regexp.MustCompile(`^(?:rename|relabel) (?:the )?(.+?) (?:to|as|into) (?:be called |be |called )?(.+)$`)
	renameNameOf = regexp.MustCompile(`^(?:change|set) the (?:name|label) of (?:the )?(.+?) to (.+)$`)
	renameChange = regexp.MustCompile(`^(?:change|rename) (?:the )?(.+? (?:field|column)) (?:to|into) (?:be called |be |called )?(.+)$`)
	qualifiedOf  = regexp.MustCompile(`^(.+?) (?:of|in|on|for|from) (?:the |all |each |every )?(.+)$`)
	possessive   = regexp.MustCompile(`^(.+?)(?:'s|s') (.+)$`)
)

// rename reads "rename title to name", "rename the title of tasks to
// name", "rename task title to name in tasks", "change the name of the
// title field to name".
func (r *reader) rename(s string) ([]Op, error) {
	var m []string
	for _, re := range []*regexp.Regexp{renameNameOf, renameChange, renameTo} {
		if m = re.FindStringSubmatch(s); m != nil {
			break
		}
	}
	if m == nil {
		return nil, nil
	}
	from, to := m[1], m[2]
	var in *prd.Entity
	if q := qualifiedOf.FindStringSubmatch(to); q != nil {
		if e, ok := entityNamed(r.work, q[2]); ok {
			to, in = q[1], &e
		}
	}
	e, f, err := r.qualifiedField(from, in)
	if err != nil {
		if other, ok := entityNamed(r.work, from); ok && in == nil {
			return nil, refuse("renaming an entity (%s) is not supported; rename its fields, or add a new entity and remove this one", other.Name)
		}
		return nil, err
	}
	name := norm(strings.Trim(to, `"'`))
	if name == "" || len(name) > 60 || !strings.ContainsFunc(name, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
		return nil, refuse("%q is not a usable field name", to)
	}
	return []Op{RenameField{Entity: e.Name, From: f.Name, To: name}}, nil
}

// qualifiedField resolves "title", "title of tasks", "tasks' title",
// "task title" to an entity and its field; in, when set, is the entity the
// clause named elsewhere.
func (r *reader) qualifiedField(phrase string, in *prd.Entity) (prd.Entity, prd.Field, error) {
	if in != nil {
		r.last = in.Name
		if f, ok := fieldNamed(*in, phrase); ok {
			return *in, f, nil
		}
		return prd.Entity{}, prd.Field{}, noField(*in, phrase)
	}
	for _, re := range []*regexp.Regexp{qualifiedOf, possessive} {
		if q := re.FindStringSubmatch(phrase); q != nil {
			entityPart, fieldPart := q[2], q[1]
			if re == possessive {
				entityPart, fieldPart = q[1], q[2]
			}
			if e, ok := entityNamed(r.work, entityPart); ok {
				return r.qualifiedField(fieldPart, &e)
			}
		}
	}
	words := strings.Fields(norm(phrase))
	for k := 1; k < len(words); k++ {
		if e, ok := entityNamed(r.work, strings.Join(words[:k], " ")); ok {
			if f, ok := fieldNamed(e, strings.Join(words[k:], " ")); ok {
				r.last = e.Name
				return e, f, nil
			}
		}
	}
	return r.fieldAnywhere(phrase)
}

var (
	removeWhat = regexp.MustCompile(`^(?:remove|delete|drop|get rid of|take out|take away|lose) (?:the )?(.+?)(?: (?:from|in|on|of) (?:the |all |each |every )?(.+))?$`)
	noNeed     = regexp.MustCompile(`^(?:each |every |the )?(.+?) (?:don't|do not|doesn't|does not|no longer|shouldn't|should not|won't|will not) (?:need|needs|have|has|require|requires) (?:a |an |the |any )?(.+)$`)
)

// remove reads "remove notes from tasks", "delete the due date field",
// "remove projects", "tasks don't need notes".
func (r *reader) remove(s string) ([]Op, error) {
	var what, from string
	if m := removeWhat.FindStringSubmatch(s); m != nil {
		what, from = m[1], m[2]
	} else if m := noNeed.FindStringSubmatch(s); m != nil {
		what, from = m[2], m[1]
	} else {
		return nil, nil
	}
	if from == "" {
		if e, ok := entityNamed(r.work, what); ok {
			return []Op{RemoveEntity{Entity: e.Name}}, nil
		}
	}
	var ops []Op
	for _, item := range listItems(what, false) {
		var e prd.Entity
		var f prd.Field
		var err error
		if from != "" {
			in, err := r.entity(from)
			if err != nil {
				return nil, err
			}
			e, f, err = r.qualifiedField(item, &in)
			if err != nil {
				if to, ok := relationNamed(r.work, in, item); ok {
					return nil, refuse("removing the link from %s to %s is not supported", in.Name, to)
				}
				return nil, err
			}
		} else if e, f, err = r.qualifiedField(item, nil); err != nil {
			return nil, refuse("no entity or field is called %q; entities: %s", norm(item), entityNames(r.work))
		}
		ops = append(ops, RemoveField{Entity: e.Name, Field: f.Name})
	}
	return ops, nil
}

var (
	addTo    = regexp.MustCompile(`^(?:add|include|put|insert|create|attach|append) (.+) (?:to|on|onto|for|in|into) (?:the |each |every |all |my |our )?(.+)$`)
	should   = regexp.MustCompile(`^(?:each |every |all |the )?(.+?) (?:should|must|need to|needs to|will|could|can|would) (?:also )?(?:have|has|store|record|track|include|get|show|contain|carry)(?: a| an| the| some)? (.+)$`)
	eachHas  = regexp.MustCompile(`^(?:each|every|all|a|an) (.+?) (?:also )?(?:has|have|needs|need|gets|get|contains|contain|includes|include|requires|require|carries) (.+)$`)
	entHas   = regexp.MustCompile(`^(.+?) (?:also )?(?:need|needs|require|requires|get|gets|has|have|contain|contains|include|includes) (.+)$`)
	give     = regexp.MustCompile(`^give (?:each |every |all |the )?(.+)$`)
	recordOn = regexp.MustCompile(`^(?:record|store|track|keep track of|capture|save|log) (?:the |a |an )?(.+?) (?:for|of|on|per|with|in) (?:each |every |all |the )?(.+)$`)
	appWords = map[string]bool{"app": true, "site": true, "website": true, "application": true, "the app": true}
)

// addField reads "add a notes field to tasks", "tasks should also have an
// estimate in hours", "each task has a due date", "give tasks a priority".
func (r *reader) addField(s string) ([]Op, error) {
	if entityPage.MatchString(s) {
		return nil, nil
	}
	if m := addTo.FindStringSubmatch(s); m != nil {
		target := norm(m[2])
		if appWords[target] || target == "it" && len(r.work.Entities) != 1 {
			return r.newEntity(m[1])
		}
		if ops, err := r.linkedEntity(m[1], m[2]); err != nil || len(ops) > 0 {
			return ops, err
		}
		targets, err := r.entities(m[2])
		if err != nil {
			return nil, err
		}
		var ops []Op
		for _, e := range targets {
			got, err := r.fieldOps(e, m[1])
			if err != nil {
				return nil, err
			}
			ops = append(ops, got...)
		}
		return ops, nil
	}
	for _, re := range []*regexp.Regexp{should, eachHas} {
		if m := re.FindStringSubmatch(s); m != nil {
			if appWords[norm(m[1])] {
				return r.clause("add " + m[2])
			}
			if e, ok := entityNamed(r.work, m[1]); ok || pronouns[norm(m[1])] {
				if !ok {
					var err error
					if e, err = r.entity(m[1]); err != nil {
						return nil, err
					}
				}
				r.last = e.Name
				return r.fieldOps(e, m[2])
			}
			return r.entityWith(m[1], m[2])
		}
	}
	if m := entHas.FindStringSubmatch(s); m != nil {
		if e, ok := entityNamed(r.work, m[1]); ok {
			r.last = e.Name
			return r.fieldOps(e, m[2])
		}
	}
	if m := give.FindStringSubmatch(s); m != nil {
		words := strings.Fields(m[1])
		for k := len(words) - 1; k >= 1; k-- {
			if e, ok := entityNamed(r.work, strings.Join(words[:k], " ")); ok {
				r.last = e.Name
				return r.fieldOps(e, strings.Join(words[k:], " "))
			}
		}
	}
	if m := recordOn.FindStringSubmatch(s); m != nil {
		if e, ok := entityNamed(r.work, m[2]); ok {
			r.last = e.Name
			return r.fieldOps(e, m[1])
		}
	}
	return nil, nil
}

// linkedTo ends a phrase naming new records that belong to another:
// "contributions with amount and date linked (to a goal)".
var linkedTo = regexp.MustCompile(`\s+(?:linked|belonging|attached|assigned|related|tied|connected)$`)

// linkedEntity reads "add contributions with amount and date linked to a
// goal": new records with their fields, each belonging to the target.
func (r *reader) linkedEntity(phrase, target string) ([]Op, error) {
	loc := linkedTo.FindStringIndex(phrase)
	if loc == nil {
		intro := fieldsIntro.FindStringIndex(phrase)
		if intro == nil {
			return nil, nil
		}
		words := strings.Fields(norm(phrase[:intro[0]]))
		if len(words) == 0 || singular(words[len(words)-1]) == words[len(words)-1] {
			return nil, nil // "a note with markdown to tasks" is a field
		}
		loc = []int{len(phrase), len(phrase)}
	}
	owner, err := r.entity(target)
	if err != nil {
		return nil, err
	}
	ops, err := r.newEntity(phrase[:loc[0]])
	if err != nil || len(ops) != 1 {
		return ops, err
	}
	add, ok := ops[0].(AddEntity)
	if !ok {
		return ops, nil
	}
	if !slices.ContainsFunc(add.Relations, func(rel prd.Relation) bool { return rel.To == owner.Name }) {
		add.Relations = append(add.Relations, prd.Relation{From: add.Entity.Name, To: owner.Name, Kind: prd.ManyToOne, Required: true})
	}
	return []Op{add}, nil
}

// entities resolves "tasks" or "tasks and projects".
func (r *reader) entities(phrase string) ([]prd.Entity, error) {
	if e, err := r.entity(phrase); err == nil {
		return []prd.Entity{e}, nil
	} else if items := listItems(phrase, false); len(items) < 2 {
		return nil, err
	}
	var out []prd.Entity
	for _, item := range listItems(phrase, false) {
		e, err := r.entity(item)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// fieldIntro are words before a field list that are not part of it.
var fieldIntro = regexp.MustCompile(`^(?:a |an |the |some )?(?:new |another |extra |additional )?(?:(?:field|column|property|attribute)s? (?:called |named |for )?)?`)
var fieldOutro = regexp.MustCompile(`\s+(?:field|fields|column|columns|property|attribute)$`)

// fieldOps types a field list for an entity; items that name another
// entity become links instead.
func (r *reader) fieldOps(e prd.Entity, what string) ([]Op, error) {
	what = strings.TrimSpace(fieldOutro.ReplaceAllString(fieldIntro.ReplaceAllString(strings.TrimSpace(what), ""), ""))
	if what == "" {
		return nil, refuse("say which field to add to %s", e.Plural)
	}
	items := []string{what}
	if optionList.FindStringSubmatch(what) == nil {
		items = listItems(what, false)
	}
	var ops []Op
	var plain []string
	for _, item := range items {
		other, ok := entityNamed(r.work, item)
		if !ok || other.Name == e.Name {
			plain = append(plain, item)
			continue
		}
		rel := prd.Relation{From: e.Name, To: other.Name, Kind: prd.ManyToOne}
		if n := norm(item); n == norm(other.Plural) && other.Plural != other.Name || strings.HasPrefix(n, "many ") {
			rel.From, rel.To = other.Name, e.Name
		}
		ops = append(ops, AddRelation{Relation: rel})
	}
	if len(plain) == 0 {
		return ops, nil
	}
	phrase := plain[len(plain)-1]
	if len(plain) > 1 {
		phrase = strings.Join(plain[:len(plain)-1], ", ") + " and " + phrase
	}
	fields, err := r.typer.fields(r.ctx, or(e.Ident, e.Name), phrase)
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		ops = append(ops, AddField{Entity: e.Name, Field: f})
	}
	return ops, nil
}

var (
	entityAdd   = regexp.MustCompile(`^(?:add|create|include|set up|build|introduce) (?:a |an |the |some )?(?:new )?(?:(?:page|section|list|table|entity|collection|tab|screen|area) (?:for|of|called|named) )?(.+)$`)
	entityPage  = regexp.MustCompile(`^(?:add|create|include|set up|build|introduce) (?:a |an |the |some )?(?:new )?(?:page|section|list|table|entity|collection|tab|screen|area) (?:for|of|called|named) `)
	entityTrack = regexp.MustCompile(`^(?:track|manage|keep track of|store|keep|record|list|handle|organi[sz]e|log) (?:my |our |the )?(.+)$`)
	fieldsIntro = regexp.MustCompile(` with | having | containing | that has | that have | where each has |: | \(`)
)

// addEntity reads "add a projects page with name and deadline", "track
// clients too: name, email", "add clients".
func (r *reader) addEntity(s string) ([]Op, error) {
	m := entityAdd.FindStringSubmatch(s)
	if m == nil {
		m = entityTrack.FindStringSubmatch(s)
	}
	if m == nil {
		return nil, nil
	}
	return r.newEntity(m[1])
}

// newEntity reads "clients with name and email" or "clients".
func (r *reader) newEntity(phrase string) ([]Op, error) {
	noun, fields := phrase, ""
	if loc := fieldsIntro.FindStringIndex(phrase); loc != nil {
		noun, fields = phrase[:loc[0]], strings.TrimSuffix(phrase[loc[1]:], ")")
	}
	noun = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(noun), " too"), " as well")
	return r.entityWith(noun, fields)
}

// entityWith adds the entity noun names with the fields listed (or the
// usual ones), or adds the fields when the entity exists.
func (r *reader) entityWith(noun, fields string) ([]Op, error) {
	words := strings.Fields(norm(noun))
	if len(words) == 0 || len(words) > 3 || slices.ContainsFunc(words, func(w string) bool { return !isWord(w) }) {
		return nil, nil
	}
	if e, ok := entityNamed(r.work, noun); ok {
		r.last = e.Name
		if fields == "" {
			return []Op{AddEntity{Entity: e}}, nil
		}
		return r.fieldOps(e, fields)
	}
	e, known, err := r.typer.entity(r.ctx, noun, fields)
	if err != nil {
		return nil, err
	}
	if !known && fields == "" && singular(words[len(words)-1]) == words[len(words)-1] {
		// "add a logout button": not records the app should keep.
		return nil, nil
	}
	op := AddEntity{Entity: e}
	kept := e.Fields[:0:0]
	for _, f := range e.Fields {
		if other, ok := entityNamed(r.work, f.Name); ok && other.Name != e.Name {
			op.Relations = append(op.Relations, prd.Relation{From: e.Name, To: other.Name, Kind: prd.ManyToOne})
			continue
		}
		kept = append(kept, f)
	}
	if len(kept) == 0 {
		kept = []prd.Field{{Name: "name", Type: prd.Text, Required: true}}
	}
	op.Entity.Fields = kept
	if _, ok := op.Entity.Field(op.Entity.Display); !ok {
		op.Entity.Display = kept[0].Name
	}
	r.last = e.Name
	return []Op{op}, nil
}

func isWord(w string) bool {
	return w != "" && !strings.ContainsFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) && len(w) <= 30
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

package edit

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// Help lists the edits a request can ask for, with examples.
const Help = `Edits I understand (several may be joined with "and", commas or full stops):
  add a field       "add a notes field to tasks", "tasks should also have an estimate in hours"
  remove a field    "remove notes from tasks"
  rename a field    "rename title to name", "rename the title of tasks to name"
  add an entity     "add a projects page with name and deadline", "track clients too: name, email"
  remove an entity  "remove projects"
  link entities     "link tasks to projects", "each task belongs to a project"
  pages             "add an about page", "add a contact page", "add a dashboard", "remove the about page"
  colours           "use a green theme", "make the background white and components navy"
  dark mode         "add dark mode", "make it dark", "remove dark mode", "toggle dark mode"
  search/filter/sort "let me search tasks by title", "filter books by genre", "sort products by price"`

// Parse reads a request into ops against p. Clauses are read in order and
// each is resolved against p as changed by the clauses before it, so "add
// projects with a name and link tasks to projects" works. p is not modified.
func Parse(ctx context.Context, planner Planner, p *prd.PRD, request string) ([]Op, error) {
	work, err := clone(p)
	if err != nil {
		return nil, err
	}
	r := &reader{ctx: ctx, typer: typer{planner: planner}, work: work}
	parts := clauses(request, r.startsInstruction)
	if len(parts) == 0 {
		return nil, &RequestError{Msg: "the request is empty\n" + Help}
	}
	var ops []Op
	for _, raw := range parts {
		got, err := r.clause(raw)
		if err == nil && len(got) == 0 {
			err = refuse("not understood\n%s", Help)
		}
		for _, op := range got {
			if err != nil {
				break
			}
			_, err = op.apply(r.work)
		}
		if err != nil {
			var re *RequestError
			if errors.As(err, &re) && re.Clause == "" {
				re.Clause = strings.TrimSpace(raw)
			}
			return nil, err
		}
		ops = append(ops, got...)
	}
	return ops, nil
}

// reader holds what reading a request needs between clauses.
type reader struct {
	ctx   context.Context
	typer typer
	// work is the PRD with the clauses read so far applied.
	work *prd.PRD
	// last is the entity named last, which "them" and "it" refer to.
	last string
}

// matchers read one kind of clause each, in order of precedence; a matcher
// that does not recognise a clause returns no ops and no error.
func matchers() []func(r *reader, s string) ([]Op, error) {
	return []func(r *reader, s string) ([]Op, error){
		(*reader).darkMode,
		(*reader).page,
		(*reader).feature,
		(*reader).theme,
		(*reader).relation,
		(*reader).rename,
		(*reader).remove,
		(*reader).addField,
		(*reader).addEntity,
	}
}

func (r *reader) clause(raw string) ([]Op, error) {
	s := tidy(raw)
	if s == "" {
		return nil, nil
	}
	for _, m := range matchers() {
		ops, err := m(r, s)
		if err != nil || len(ops) > 0 {
			return ops, err
		}
	}
	return nil, nil
}

// entity resolves a phrase to an entity of the working PRD, remembering it
// for later pronouns.
func (r *reader) entity(phrase string) (prd.Entity, error) {
	n := norm(phrase)
	if pronouns[n] || pronouns[strings.ToLower(strings.TrimSpace(phrase))] || n == "" {
		if e, ok := r.work.Entity(r.last); ok {
			return e, nil
		}
		if len(r.work.Entities) == 1 {
			return r.work.Entities[0], nil
		}
		return prd.Entity{}, refuse("say which entity you mean; entities: %s", entityNames(r.work))
	}
	e, ok := entityNamed(r.work, phrase)
	if !ok {
		return prd.Entity{}, noEntity(r.work, phrase)
	}
	r.last = e.Name
	return e, nil
}

// fieldAnywhere finds the entity that has a field named by phrase, when
// the clause does not say: the entity named last first, then the only one.
func (r *reader) fieldAnywhere(phrase string) (prd.Entity, prd.Field, error) {
	if e, ok := r.work.Entity(r.last); ok {
		if f, ok := fieldNamed(e, phrase); ok {
			return e, f, nil
		}
	}
	var hits []prd.Entity
	var field prd.Field
	for _, e := range r.work.Entities {
		if f, ok := fieldNamed(e, phrase); ok {
			hits = append(hits, e)
			field = f
		}
	}
	switch len(hits) {
	case 1:
		r.last = hits[0].Name
		return hits[0], field, nil
	case 0:
		var all []string
		for _, e := range r.work.Entities {
			all = append(all, e.Name+": "+fieldNames(e))
		}
		return prd.Entity{}, prd.Field{}, refuse("no entity has a field %q; fields are %s", norm(phrase), strings.Join(all, "; "))
	}
	var names []string
	for _, e := range hits {
		names = append(names, e.Plural)
	}
	return prd.Entity{}, prd.Field{}, refuse("%q is a field of %s; say which, e.g. %q", norm(phrase), strings.Join(names, " and "), "… in "+names[0])
}

// clauses cuts a request into clauses: at full stops, semicolons and line
// breaks, and at "and", "then" or commas when a new instruction follows
// ("add a priority to tasks and sort them by due date"), as starts says.
// Parentheses are never cut.
func clauses(request string, starts func(words []string) bool) []string {
	var out []string
	for _, sentence := range splitOutside(request, func(s string, i int) int {
		switch {
		case s[i] == '\n' || s[i] == ';':
			return 1
		case (s[i] == '.' || s[i] == '!' || s[i] == '?') && (i+1 == len(s) || s[i+1] == ' '):
			return 1
		}
		return 0
	}) {
		out = append(out, splitOutside(sentence, func(s string, i int) int { return instructionBreak(s, i, starts) })...)
	}
	return slices.DeleteFunc(out, func(s string) bool { return strings.Trim(s, " ,.") == "" })
}

// joiners may join two instructions.
var joiners = []string{", and then ", ", and ", ", then ", " and then ", " and also ", " and ", " then ", ", also ", ", "}

// starters begin an instruction.
var starters = []string{"add", "remove", "delete", "drop", "rename", "relabel", "sort", "order", "filter", "search", "let", "make", "use", "change", "switch", "turn", "enable", "disable", "toggle", "link", "connect", "relate", "assign", "track", "include", "give", "put", "create", "insert", "get", "also", "please", "i", "each", "every", "allow", "support", "paint", "set", "record", "store", "show", "hide", "call"}

// subjectVerbs follow an entity that starts an instruction ("tasks should
// also have …", "projects need …").
var subjectVerbs = []string{"should", "must", "need", "needs", "have", "has", "can", "also", "get", "gets", "belong", "belongs", "don't", "no", "shouldn't", "will"}

func instructionBreak(s string, i int, starts func([]string) bool) int {
	if s[i] != ',' && s[i] != ' ' {
		return 0
	}
	head := strings.ToLower(s[i:min(len(s), i+16)])
	for _, j := range joiners {
		if !strings.HasPrefix(head, j) {
			continue
		}
		next := strings.ToLower(s[i+len(j) : min(len(s), i+len(j)+80)])
		if starts(strings.Fields(next)) {
			return len(j)
		}
		return 0
	}
	return 0
}

// startsInstruction reports whether words begin a new instruction: a verb
// of the grammar, or an entity followed by what it should have.
func (r *reader) startsInstruction(words []string) bool {
	if len(words) == 0 {
		return false
	}
	if slices.Contains(starters, strings.Trim(words[0], ",.'")) {
		return true
	}
	for n := 1; n <= 2 && n < len(words); n++ {
		if _, ok := entityNamed(r.work, strings.Join(words[:n], " ")); ok && slices.Contains(subjectVerbs, words[n]) {
			return true
		}
	}
	return false
}

// splitOutside cuts s where cut returns a separator length, except inside
// parentheses or quotes.
func splitOutside(s string, cut func(s string, i int) int) []string {
	var out []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		case '"':
			quoted = !quoted
		}
		if depth > 0 || quoted {
			continue
		}
		if n := cut(s, i); n > 0 {
			out = append(out, s[start:i])
			start = i + n
			i += n - 1
		}
	}
	return append(out, s[start:])
}

// fillers are openings that carry no instruction.
var fillers = []string{"please", "can you", "could you", "would you", "kindly", "also", "and", "then", "now", "ok", "okay", "so", "just", "next",
	"i want you to", "i'd like you to", "i would like you to", "i also want to", "i want to", "i'd like to", "i would like to", "we want to", "we need to", "i need to", "let's", "lets"}

// wishes ask for something to be there: "i want a dashboard" = "add a dashboard".
var wishes = []string{"i want", "i need", "we need", "we want", "i'd like", "i would like", "give me", "there should be", "can we have", "can i have", "can i get", "i also want", "i also need"}

// tidy lower-cases a clause and strips politeness: "Please add a notes
// field to tasks, too." → "add a notes field to tasks".
func tidy(raw string) string {
	s := strings.ToLower(strings.Join(strings.Fields(raw), " "))
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	trim := func() { s = strings.TrimSpace(strings.Trim(s, " .!?,;:")) }
	trim()
	for changed := true; changed; {
		changed = false
		for _, f := range fillers {
			if strings.HasPrefix(s, f+" ") {
				s, changed = s[len(f)+1:], true
				trim()
			}
		}
		for _, suf := range []string{" please", " too", " as well", " also", " thanks", " thank you"} {
			if strings.HasSuffix(s, suf) {
				s, changed = s[:len(s)-len(suf)], true
				trim()
			}
		}
	}
	for _, w := range wishes {
		for _, det := range []string{" a ", " an ", " some ", " the "} {
			if strings.HasPrefix(s, w+det) {
				return "add" + det + s[len(w+det):]
			}
		}
	}
	return s
}

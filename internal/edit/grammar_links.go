package edit

import (
	"regexp"

	"github.com/nexusgen/nexusgen/internal/prd"
)

var (
	relLink   = regexp.MustCompile(`^(?:link|connect|relate|associate|tie) (?:each |every )?(.+?) (?:to|with) (?:a |an |the |one )?(.+)$`)
	relAssign = regexp.MustCompile(`^assign (?:each |every )?(.+?) to (?:a |an |the |one )?(.+)$`)
	relBelong = regexp.MustCompile(`^(?:each |every )?(.+?) (?:(should|must|can|will) )?(?:belongs? to|be(?:long)? to|(?:is|are|be) (?:linked|assigned|attached|connected|tied) to|(?:is|are) part of|goes? (?:in|into)) (?:a |an |the |one )?(.+)$`)
	relMany   = regexp.MustCompile(`^(?:each |every )?(.+?) (?:has|have|contain|contains|can have|should have|hold|holds) many (.+)$`)
)

var relUnlink = regexp.MustCompile(`^(?:(?:remove|delete|drop) (?:the )?(?:link|links|relation|relationship|connection) (?:between|from) |unlink |disconnect )(?:each |every )?(.+?) (?:and|from|to) (?:a |an |the )?(.+)$|^(?:each |every )?(.+?) (?:no longer|don't|do not|should not|shouldn't) (?:belong|belongs|link) to (?:a |an |the )?(.+)$`)

// relation reads "link tasks to projects", "each task belongs to a
// project", "projects have many tasks", "unlink tasks from projects".
func (r *reader) relation(s string) ([]Op, error) {
	var from, to string
	required := false
	switch {
	case relUnlink.MatchString(s):
		m := relUnlink.FindStringSubmatch(s)
		a, err := r.entity(firstOf(m[1], m[3]))
		if err != nil {
			return nil, err
		}
		b, err := r.entity(firstOf(m[2], m[4]))
		if err != nil {
			return nil, err
		}
		return []Op{RemoveRelation{A: a.Name, B: b.Name}}, nil
	case relLink.MatchString(s):
		m := relLink.FindStringSubmatch(s)
		from, to = m[1], m[2]
	case relAssign.MatchString(s):
		m := relAssign.FindStringSubmatch(s)
		from, to = m[1], m[2]
	case relBelong.MatchString(s):
		m := relBelong.FindStringSubmatch(s)
		if _, ok := entityNamed(r.work, m[1]); !ok && !pronouns[norm(m[1])] {
			return nil, nil
		}
		from, to, required = m[1], m[3], m[2] == "must"
	case relMany.MatchString(s):
		m := relMany.FindStringSubmatch(s)
		_, ok1 := entityNamed(r.work, m[1])
		_, ok2 := entityNamed(r.work, m[2])
		if !ok1 || !ok2 {
			return nil, nil
		}
		from, to = m[2], m[1]
	default:
		return nil, nil
	}
	a, err := r.entity(from)
	if err != nil {
		return nil, err
	}
	b, err := r.entity(to)
	if err != nil {
		return nil, err
	}
	r.last = a.Name
	return []Op{AddRelation{Relation: prd.Relation{From: a.Name, To: b.Name, Kind: prd.ManyToOne, Required: required}}}, nil
}

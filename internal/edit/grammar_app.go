package edit

import (
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

var (
	darkWords = regexp.MustCompile(`\b(dark|light|night)[ -]?(mode|theme|scheme)\b|\btheme (toggle|switch|switcher)\b|\b(light/dark|dark/light|dark and light|light and dark)\b|^(make|turn) (it|the app|everything|the site) (dark|light)$|^go dark$|^(use|switch to) (a )?(dark|light)( one)?$|\b(be|look) (dark|light)$`)
	darkOff   = regexp.MustCompile(`^(remove|delete|drop|disable|turn off|switch off|get rid of|no|without|hide)\b|\blight (mode|theme)\b|(make|turn) (it|the app|everything|the site) light$|\b(be|look) light$`)
	darkFlip  = regexp.MustCompile(`^(toggle|flip)\b`)
	darkAsk   = regexp.MustCompile(`\b(toggle|switcher|switch between|option|optional|support|supports|let (me|us|users|people|visitors)|allow)\b|^(add|enable|turn on|switch on|include|offer)\b`)
	darkOn    = regexp.MustCompile(`^(make|turn|use|switch to|go|always)\b|\bonly\b|\balways\b|\b(be|look) dark$`)
)

// darkMode reads "add dark mode", "make it dark", "remove dark mode",
// "toggle dark mode".
func (r *reader) darkMode(s string) ([]Op, error) {
	if !darkWords.MatchString(s) || len(colourMentions(s)) > 0 {
		return nil, nil
	}
	mode := DarkToggle
	switch {
	case darkOff.MatchString(s) && !strings.Contains(s, "toggle") && !strings.Contains(s, "switch between"):
		mode = DarkOff
	case darkFlip.MatchString(s):
		mode = DarkFlip
	case darkAsk.MatchString(s):
		mode = DarkToggle
	case darkOn.MatchString(s):
		mode = DarkAlways
	}
	return []Op{SetDarkMode{Mode: mode}}, nil
}

var pageClause = regexp.MustCompile(`^(?:(add|include|create|put|show|build|make)|(remove|delete|drop|hide|get rid of|take out)) (?:a |an |the |my )?(?:new |simple )?(about(?: us| me)?|contact(?: us)?|dashboard|stats|statistics|analytics|overview)(?: page| section| screen| tab| form| view)?(?: (?:to|from|on|in) (?:the |my )?(?:app|site|website|nav|navigation|menu))?$`)

// page reads "add an about page", "add a dashboard", "remove the contact page".
func (r *reader) page(s string) ([]Op, error) {
	m := pageClause.FindStringSubmatch(s)
	if m == nil {
		return nil, nil
	}
	kind := prd.PageDashboard
	switch {
	case strings.HasPrefix(m[3], "about"):
		kind = prd.PageAbout
	case strings.HasPrefix(m[3], "contact"):
		kind = prd.PageContact
	}
	if m[2] != "" {
		return []Op{RemovePage{Page: kind}}, nil
	}
	if kind == prd.PageDashboard && len(r.work.Entities) == 0 {
		return nil, refuse("a dashboard summarises records, and the app has none")
	}
	return []Op{AddPage{Page: kind}}, nil
}

// theme reads colour requests: "use a green theme", "make the background
// white and components navy", "make it teal".
var themeLead = regexp.MustCompile(`^(make|use|paint|change|switch|set|go|turn|apply|colou?r|i want)\b`)

func (r *reader) theme(s string) ([]Op, error) {
	if len(colourMentions(s)) == 0 || !themeLead.MatchString(s) && !hasAnyWord(s, themeContext) {
		return nil, nil
	}
	th, ok, err := r.typer.theme(r.ctx, s, r.work.Theme)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, refuse("could not tell which colours to use; name them, e.g. \"use a green theme\" or \"make the background white and buttons navy\"")
	}
	return []Op{SetTheme{Theme: th, Request: s}}, nil
}

const featureAsk = `(?:let (?:me|us|users|people|visitors|the user) |allow (?:me|us|users|people|visitors) to |make it possible to |i can |users can |be able to |can )?`

var (
	featureVerbBy   = regexp.MustCompile(`^` + featureAsk + `(search|filter|sort|order)(?: through| in| for)? (.+?) by (.+)$`)
	featureBy       = regexp.MustCompile(`^` + featureAsk + `(search|filter|sort|order) (?:the list |the records |records |items )?by (.+?)(?: (?:in|on|for|of) (.+))?$`)
	featureWhole    = regexp.MustCompile(`^` + featureAsk + `(search|filter|sort|order)(?: through| in)? (.+)$`)
	featureMake     = regexp.MustCompile(`^make (.+?) (searchable|filterable|sortable)(?: by (.+))?$`)
	featureNouns    = `(search|search box|search bar|searching|filter|filters|filtering|sort|sorting|sort option|sort options|ordering)(?: (?:box|bar|option|options|control|dropdown|menu|field))?`
	featureAdd      = regexp.MustCompile(`^(?:add|enable|include|create|put|show) (?:a |an |the )?(?:(.+?) )?` + featureNouns + `(?: by (.+?))?(?: (?:to|for|on|in) (?:the )?(.+?))?(?: by (.+))?$`)
	featureRemove   = regexp.MustCompile(`^(?:remove|delete|drop|disable|get rid of|take out|turn off) (?:the )?(?:(.+?) )?` + featureNouns + `(?: by (.+?))?(?: (?:from|on|in|of|for) (?:the )?(.+?))?$`)
	sortOrderSuffix = regexp.MustCompile(`[\s,(]+(?:in |from )?(ascending|descending|asc|desc|newest first|latest first|most recent first|oldest first|earliest first|highest first|lowest first|cheapest first|most expensive first|biggest first|largest first|smallest first|high to low|low to high|a to z|z to a|a-z|z-a)(?: order)?\)?$`)
)

// feature reads search, filter and sort requests: "let me search tasks by
// title", "sort products by price, highest first", "add a genre filter to
// books", "remove search from tasks".
func (r *reader) feature(s string) ([]Op, error) {
	var verb, entity, fields string
	remove := false
	if m := featureRemove.FindStringSubmatch(s); m != nil {
		verb, fields, entity, remove = m[2], firstOf(m[3], m[1]), m[4], true
	} else if m := featureVerbBy.FindStringSubmatch(s); m != nil {
		verb, entity, fields = m[1], m[2], m[3]
	} else if m := featureBy.FindStringSubmatch(s); m != nil {
		verb, fields, entity = m[1], m[2], m[3]
		if entity != "" {
			if _, ok := entityNamed(r.work, entity); !ok {
				fields, entity = m[2]+" in "+m[3], ""
			}
		}
	} else if m := featureWhole.FindStringSubmatch(s); m != nil && r.namesEntity(m[2]) {
		verb, entity = m[1], m[2]
	} else if m := featureMake.FindStringSubmatch(s); m != nil {
		verb, entity, fields = m[2], m[1], m[3]
	} else if m := featureAdd.FindStringSubmatch(s); m != nil {
		verb, entity, fields = m[2], m[4], firstOf(m[3], m[5], m[1])
	} else {
		return nil, nil
	}
	kind := featureKind(verb)
	e, err := r.entity(entity)
	if err != nil {
		return nil, err
	}
	order := ""
	if o := sortOrderSuffix.FindStringSubmatch(fields); o != nil {
		fields = strings.TrimSpace(fields[:len(fields)-len(o[0])])
		order = orderOf(o[1])
	}
	if remove {
		names, err := r.featureFields(e, fields, kind)
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return []Op{RemoveFeature{Feature: kind, Entity: e.Name}}, nil
		}
		var ops []Op
		for _, n := range names {
			ops = append(ops, RemoveFeature{Feature: kind, Entity: e.Name, Field: n})
		}
		return ops, nil
	}
	names, err := r.featureFields(e, fields, kind)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		names = []string{""}
	}
	var ops []Op
	for _, n := range names {
		if err := checkFeatureField(r.work, e, kind, n); err != nil {
			return nil, err
		}
		f := prd.Feature{Kind: kind, Entity: e.Name, Field: n, Order: order}
		switch kind {
		case prd.FeatureSearch:
			f.Label = "Search " + e.Plural
		case prd.FeatureFilter:
			f.Label = "Filter by " + n
		case prd.FeatureSort:
			f.Label = "Sort by " + n
			if f.Order == "" {
				f.Order = "asc"
			}
		}
		ops = append(ops, AddFeature{Feature: f})
	}
	return ops, nil
}

// featureFields resolves "title", "title and notes", "project" (a link).
func (r *reader) featureFields(e prd.Entity, phrase string, kind prd.FeatureKind) ([]string, error) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" || (kind == prd.FeatureSearch && (phrase == "anything" || phrase == "everything" || phrase == "any field")) {
		return nil, nil
	}
	if f, ok := fieldNamed(e, phrase); ok {
		return []string{f.Name}, nil
	}
	if to, ok := relationNamed(r.work, e, phrase); ok {
		return []string{to}, nil
	}
	var names []string
	for _, part := range listItems(phrase, true) {
		if f, ok := fieldNamed(e, part); ok {
			names = append(names, f.Name)
		} else if to, ok := relationNamed(r.work, e, part); ok {
			names = append(names, to)
		} else {
			return nil, noField(e, part)
		}
	}
	return names, nil
}

func featureKind(verb string) prd.FeatureKind {
	switch {
	case strings.HasPrefix(verb, "search"):
		return prd.FeatureSearch
	case strings.HasPrefix(verb, "filter"):
		return prd.FeatureFilter
	}
	return prd.FeatureSort
}

func orderOf(words string) string {
	switch words {
	case "descending", "desc", "newest first", "latest first", "most recent first", "highest first", "most expensive first",
		"biggest first", "largest first", "high to low", "z to a", "z-a":
		return "desc"
	}
	return "asc"
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// listItems splits "a, b and c" (and "a or b" when or is set) outside
// parentheses.
func listItems(s string, or bool) []string {
	seps := []string{", and ", ", or ", ", ", " and ", " & "}
	if or {
		seps = append(seps, " or ")
	}
	parts := splitOutside(s, func(s string, i int) int {
		for _, sep := range seps {
			if strings.HasPrefix(s[i:], sep) {
				return len(sep)
			}
		}
		return 0
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// namesEntity reports whether a phrase names an entity or is a pronoun for one.
func (r *reader) namesEntity(phrase string) bool {
	if _, ok := entityNamed(r.work, phrase); ok {
		return true
	}
	return pronouns[norm(phrase)] && (r.last != "" || len(r.work.Entities) == 1)
}

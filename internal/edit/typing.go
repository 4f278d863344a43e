package edit

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/palette"
	"github.com/nexusgen/nexusgen/internal/prd"
)

// Planner writes a PRD for a prompt: the offline architect or a model. An
// edit asks it to type fields, name entities and read colours, so that an
// edit and a new app understand words the same way.
type Planner interface {
	Plan(ctx context.Context, p architect.Params) (*prd.PRD, error)
}

// typer reads names, types and colours with a Planner.
type typer struct {
	planner Planner
}

func (t typer) plan(ctx context.Context, prompt string) (*prd.PRD, error) {
	p, err := t.planner.Plan(ctx, architect.Params{Prompt: prompt})
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, refuse("could not read %q: %v", prompt, err)
	}
	return p, nil
}

// optionList rewrites "priority with low, medium and high" as "priority
// (low, medium, high)", the form the architect reads as choices.
var optionList = regexp.MustCompile(`^(.+?)\s+(?:field\s+)?with\s+(?:the\s+)?(?:options|values|choices|levels)?\s*(?::\s*)?(.+(?:,| or ).+)$`)

// fields types a list of fields as the architect would for the entity:
// "an estimate in hours" → estimate (number, hours).
func (t typer) fields(ctx context.Context, entity, phrase string) ([]prd.Field, error) {
	phrase = strings.TrimSpace(phrase)
	if m := optionList.FindStringSubmatch(phrase); m != nil {
		opts := strings.NewReplacer(" and ", ", ", " or ", ", ").Replace(m[2])
		phrase = m[1] + " (" + opts + ")"
	}
	required := regexp.MustCompile(`\b(required|mandatory)\b`).MatchString(phrase)
	p, err := t.plan(ctx, fmt.Sprintf("Each %s has %s.", entity, phrase))
	if err != nil {
		return nil, err
	}
	if len(p.Entities) == 0 || len(p.Entities[0].Fields) == 0 {
		return nil, refuse("could not read a field from %q", phrase)
	}
	fields := p.Entities[0].Fields
	if f := fields[0]; len(fields) > 1 && (f.Name == "title" || f.Name == "name") && !slices.Contains(strings.Fields(norm(phrase)), f.Name) {
		fields = fields[1:] // the architect gives untitled records a title; an edit adds only what it names
	}
	for i := range fields {
		fields[i].Required = required && len(fields) == 1
	}
	return fields, nil
}

// entity names and types a new entity from a noun and, optionally, its
// fields; with none, the fields a record of its kind usually has. known
// says whether the architect knew the kind of record.
func (t typer) entity(ctx context.Context, noun, fieldPhrase string) (e prd.Entity, known bool, err error) {
	noun = norm(noun)
	if noun == "" {
		return prd.Entity{}, false, refuse("name the records to add, e.g. \"add clients with name and email\"")
	}
	var prompts []string
	if fieldPhrase != "" {
		if m := optionList.FindStringSubmatch(fieldPhrase); m != nil && !strings.Contains(m[1], ",") {
			fieldPhrase = m[1] + " (" + strings.NewReplacer(" and ", ", ", " or ", ", ").Replace(m[2]) + ")"
		}
		prompts = append(prompts, fmt.Sprintf("Each %s has %s.", noun, fieldPhrase))
	} else {
		prompts = append(prompts, fmt.Sprintf("An app to track %s.", noun), fmt.Sprintf("Each %s has a name and notes.", noun))
	}
	for i, prompt := range prompts {
		p, err := t.plan(ctx, prompt)
		if err != nil {
			return prd.Entity{}, false, err
		}
		for _, e := range p.Entities {
			last := i == len(prompts)-1
			if len(e.Fields) > 0 && (last || names(e, noun)) {
				e.Samples = nil
				e.Description = ""
				return e, fieldPhrase != "" || i == 0, nil
			}
		}
	}
	return prd.Entity{}, false, refuse("could not read an entity from %q", noun)
}

// names reports whether the entity is what noun names.
func names(e prd.Entity, noun string) bool {
	n := norm(noun)
	return n == norm(e.Name) || n == norm(e.Plural) || singular(n) == norm(e.Name)
}

// themeContext are words that make colour names in a clause about the
// app's look; a clause without them gets " theme" added.
var themeContext = []string{"theme", "colour", "color", "palette", "scheme", "background", "primary", "accent", "button", "component", "header", "brand", "element", "ui", "interface", "style", "look"}

// theme reads the colours a clause asks for, keeping the app's dark mode.
// ok is false when the clause names no colour for the app's look.
func (t typer) theme(ctx context.Context, clause string, current prd.Theme) (prd.Theme, bool, error) {
	if len(colourMentions(clause)) == 0 {
		return prd.Theme{}, false, nil
	}
	sentence := clause
	if !hasAnyWord(strings.ToLower(clause), themeContext) {
		sentence += " theme"
	}
	prompt := "A simple app. " + strings.TrimSuffix(sentence, ".") + "."
	switch {
	case current.DarkToggle:
		prompt += " Support dark mode."
	case current.Mode == "dark" && !strings.Contains(strings.ToLower(clause), "light"):
		prompt += " Dark theme."
	}
	p, err := t.plan(ctx, prompt)
	if err != nil {
		return prd.Theme{}, false, err
	}
	if p.Theme.Source != "prompt" {
		return prd.Theme{}, false, nil
	}
	return p.Theme, true, nil
}

// colourMentions are the colours a clause names, without words that only
// look like colours in an edit ("dark mode", "light theme").
func colourMentions(clause string) []palette.Mention {
	var out []palette.Mention
	for _, m := range palette.Scan(clause) {
		if m.Name == "dark" || m.Name == "light" {
			continue
		}
		out = append(out, m)
	}
	return out
}

// hasAnyWord reports whether s contains one of the words as a whole word
// or word prefix ("buttons" has "button").
func hasAnyWord(s string, words []string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }) {
		for _, w := range words {
			if strings.HasPrefix(f, w) {
				return true
			}
		}
	}
	return false
}

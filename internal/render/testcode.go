package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// SampleDraft is a valid form value for the field, written so that a
// stored record converts back to exactly this draft.
func (f fieldView) SampleDraft() string {
	if f.Ref != nil {
		return `"ref-1"`
	}
	switch f.Type {
	case prd.LongText:
		return jsString("First line\nSecond line")
	case prd.Number, prd.Money, prd.Rating:
		lo, hi := f.bounds()
		switch {
		case lo != "undefined" && hi != "undefined":
			return jsString(lo)
		case lo != "undefined":
			return jsString(lo)
		case hi != "undefined":
			return jsString(hi)
		}
		if f.Type == prd.Money {
			return `"12.5"`
		}
		return `"3"`
	case prd.Date:
		return `"2026-03-14"`
	case prd.Time:
		return `"09:30"`
	case prd.Enum:
		return jsString(f.Options[len(f.Options)-1])
	case prd.Boolean:
		return "true"
	case prd.Email:
		return `"ada@example.com"`
	case prd.URL:
		return `"https://example.com/page"`
	case prd.ImageURL:
		return `"https://example.com/image.png"`
	case prd.Phone:
		return `"+1 555 0100"`
	case prd.Tags:
		return `"alpha, beta"`
	}
	return jsString("Sample " + strings.ToLower(f.Field.Label()))
}

// Invalid is a form value the field must reject, or "" when every value of
// its input is acceptable.
func (f fieldView) Invalid() string {
	if f.Ref != nil {
		return ""
	}
	switch f.Type {
	case prd.Email:
		return `"not an email"`
	case prd.URL:
		return `"example dot com"`
	case prd.Number, prd.Money, prd.Rating:
		_, hi := f.bounds()
		if hi != "undefined" {
			return jsString(hi + "1")
		}
		return `"twelve"`
	case prd.Date:
		return `"14/03/2026"`
	case prd.Phone:
		return `"call me"`
	case prd.Text:
		return `"x".repeat(201)`
	}
	return ""
}

// RequiredKeys are the fields an empty form must flag, as a sorted
// TypeScript array literal.
func (d entityData) RequiredKeys() string {
	var keys []string
	for _, f := range d.E.Fields {
		if f.Required && f.Type != prd.Boolean && f.EmptyDraft == `""` {
			keys = append(keys, jsString(f.Key))
		}
	}
	slices.Sort(keys)
	return "[" + strings.Join(keys, ", ") + "]"
}

// SmokeEntities are the entities the smoke test can add without first
// creating a related record.
func (v *appView) SmokeEntities() []*entityView {
	var out []*entityView
	for _, e := range v.Entities {
		needsRef := false
		for _, r := range e.Refs {
			needsRef = needsRef || r.Required
		}
		if !needsRef && e.Display.Ref == nil && (e.Display.Type == prd.Text || e.Display.Type == prd.LongText) {
			out = append(out, e)
		}
	}
	return out
}

// SmokeFill is the Playwright code filling the fields a smoke test must set.
func (e *entityView) SmokeFill() []string {
	var out []string
	for _, f := range e.Fields {
		if f.Ref != nil || !f.Required && f.Key != e.Display.Key {
			continue
		}
		label := labelPattern(f.Label)
		switch f.Type {
		case prd.Enum:
			out = append(out, fmt.Sprintf("await form.getByLabel(%s).selectOption(%s);", label, jsString(f.Options[0])))
		case prd.Boolean:
		case prd.Date:
			out = append(out, fmt.Sprintf("await form.getByLabel(%s).fill(\"2026-03-14\");", label))
		case prd.Time:
			out = append(out, fmt.Sprintf("await form.getByLabel(%s).fill(\"09:30\");", label))
		default:
			if f.Key == e.Display.Key {
				out = append(out, fmt.Sprintf("await form.getByLabel(%s).fill(name);", label))
				continue
			}
			v := strings.Trim(f.SampleDraft(), `"`)
			out = append(out, fmt.Sprintf("await form.getByLabel(%s).fill(%s);", label, jsString(v)))
		}
	}
	return out
}

// labelPattern is a regular expression literal matching a label exactly,
// with or without the required-field asterisk.
func labelPattern(label string) string {
	var b strings.Builder
	for _, r := range label {
		if strings.ContainsRune(`\^$.|?*+()[]{}/`, r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return "/^" + b.String() + "\\*?$/"
}

package edit

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// ErrRequest marks a request that cannot be applied as asked: not
// understood, naming something the app does not have, or leaving an invalid
// PRD. Nothing has been changed when it is returned.
var ErrRequest = errors.New("edit request")

// RequestError explains why a request, or one clause of it, was refused.
type RequestError struct {
	// Clause is the part of the request that failed ("" for the whole).
	Clause string
	Msg    string
}

func (e *RequestError) Error() string {
	if e.Clause == "" {
		return e.Msg
	}
	return fmt.Sprintf("%q: %s", e.Clause, e.Msg)
}

// Unwrap makes every RequestError match ErrRequest.
func (e *RequestError) Unwrap() error { return ErrRequest }

func refuse(format string, args ...any) error {
	return &RequestError{Msg: fmt.Sprintf(format, args...)}
}

// Op is one typed change to a PRD. Parse makes them with every name
// resolved against the PRD they were read for; Apply applies them in order.
type Op interface {
	// Kind names the operation: add_field, remove_field, rename_field,
	// add_entity, remove_entity, add_page, remove_page, set_theme,
	// set_dark_mode, add_feature, remove_feature, add_relation or
	// remove_relation.
	Kind() string
	// apply changes p in place.
	apply(p *prd.PRD) (Result, error)
}

// Result is what one op did to a PRD.
type Result struct {
	// Note describes the change in a line ("added field estimate (number,
	// hours) to task") or, when nothing changed, why.
	Note    string
	Changed bool
}

func changed(format string, args ...any) (Result, error) {
	return Result{Note: fmt.Sprintf(format, args...), Changed: true}, nil
}

func unchanged(format string, args ...any) (Result, error) {
	return Result{Note: fmt.Sprintf(format, args...)}, nil
}

// AddField adds a typed field to an entity.
type AddField struct {
	Entity string
	Field  prd.Field
}

// RemoveField removes a field, and the features that use it, from an entity.
type RemoveField struct {
	Entity, Field string
}

// RenameField renames a field, keeping its type and options.
type RenameField struct {
	Entity, From, To string
}

// AddEntity adds an entity with its list page, and links it to existing
// entities its fields named.
type AddEntity struct {
	Entity    prd.Entity
	Relations []prd.Relation
}

// RemoveEntity removes an entity with its pages, relations and features.
type RemoveEntity struct {
	Entity string
}

// AddPage adds an about, contact or dashboard page.
type AddPage struct {
	Page prd.PageKind
}

// RemovePage removes an about, contact or dashboard page.
type RemovePage struct {
	Page prd.PageKind
}

// SetTheme replaces the theme's colours with ones read from a request.
type SetTheme struct {
	Theme prd.Theme
	// Request is the words the colours were read from.
	Request string
}

// DarkMode is what a request asks of dark mode.
type DarkMode string

// The dark mode requests.
const (
	// DarkToggle follows the system setting with a light/dark switch.
	DarkToggle DarkMode = "toggle"
	// DarkAlways makes the app dark.
	DarkAlways DarkMode = "always"
	// DarkOff makes the app light with no switch.
	DarkOff DarkMode = "off"
	// DarkFlip turns dark mode off when the app has it and on (with a
	// switch) when it does not.
	DarkFlip DarkMode = "flip"
)

// SetDarkMode changes the app's dark mode.
type SetDarkMode struct {
	Mode DarkMode
}

// AddFeature adds search, filter or sort to an entity's list.
type AddFeature struct {
	Feature prd.Feature
}

// RemoveFeature removes search, filter or sort from an entity's list; an
// empty Field removes every feature of the kind on the entity.
type RemoveFeature struct {
	Feature       prd.FeatureKind
	Entity, Field string
}

// AddRelation makes each From record refer to one To record.
type AddRelation struct {
	Relation prd.Relation
}

// RemoveRelation removes the link between two entities, in whichever
// direction it goes, with the features that use it.
type RemoveRelation struct {
	A, B string
}

// Kind implements Op.
func (AddField) Kind() string { return "add_field" }

// Kind implements Op.
func (RemoveField) Kind() string { return "remove_field" }

// Kind implements Op.
func (RenameField) Kind() string { return "rename_field" }

// Kind implements Op.
func (AddEntity) Kind() string { return "add_entity" }

// Kind implements Op.
func (RemoveEntity) Kind() string { return "remove_entity" }

// Kind implements Op.
func (AddPage) Kind() string { return "add_page" }

// Kind implements Op.
func (RemovePage) Kind() string { return "remove_page" }

// Kind implements Op.
func (SetTheme) Kind() string { return "set_theme" }

// Kind implements Op.
func (SetDarkMode) Kind() string { return "set_dark_mode" }

// Kind implements Op.
func (AddFeature) Kind() string { return "add_feature" }

// Kind implements Op.
func (RemoveFeature) Kind() string { return "remove_feature" }

// Kind implements Op.
func (AddRelation) Kind() string { return "add_relation" }

// Kind implements Op.
func (RemoveRelation) Kind() string { return "remove_relation" }

var (
	_ Op = AddField{}
	_ Op = RemoveField{}
	_ Op = RenameField{}
	_ Op = AddEntity{}
	_ Op = RemoveEntity{}
	_ Op = AddPage{}
	_ Op = RemovePage{}
	_ Op = SetTheme{}
	_ Op = SetDarkMode{}
	_ Op = AddFeature{}
	_ Op = RemoveFeature{}
	_ Op = AddRelation{}
	_ Op = RemoveRelation{}
)

// describeField is "estimate (number, hours)".
func describeField(f prd.Field) string {
	parts := []string{strings.ReplaceAll(string(f.Type), "_", " ")}
	if f.Unit != "" {
		parts = append(parts, f.Unit)
	}
	if len(f.Options) > 0 {
		parts = append(parts, strings.Join(f.Options, "/"))
	}
	if f.Required {
		parts = append(parts, "required")
	}
	return fmt.Sprintf("%s (%s)", f.Name, strings.Join(parts, ", "))
}

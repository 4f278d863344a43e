package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// fieldView is one field as the templates need it: every TypeScript snippet
// that depends on the field's type is computed here, in typed Go, so the
// templates stay free of type switches.
type fieldView struct {
	prd.Field
	Key        string
	Label      string // visible label, with unit
	InputID    string
	TSType     string // type of the stored value
	DraftType  string // type of the form value
	EmptyDraft string // initial form value
	OptionsVar string // enum: name of the options constant
	OptionType string // enum: name of the union type
	Ref        *entityView
}

// isText reports whether the stored value is a plain string (searchable).
func (f fieldView) isText() bool {
	switch f.Type {
	case prd.Text, prd.LongText, prd.Email, prd.URL, prd.ImageURL, prd.Phone, prd.Enum:
		return true
	}
	return f.Ref == nil && f.Type == ""
}

func (f fieldView) isNumeric() bool {
	switch f.Type {
	case prd.Number, prd.Money, prd.Rating:
		return true
	}
	return false
}

// ToDraft converts a stored record (named rec) to the form value.
func (f fieldView) ToDraft(rec string) string {
	v := rec + "." + f.Key
	switch {
	case f.Ref != nil:
		return v
	case f.isNumeric():
		return fmt.Sprintf("%s === null ? \"\" : String(%s)", v, v)
	case f.Type == prd.Tags:
		return v + `.join(", ")`
	}
	return v
}

// FromDraft converts the form value (in draft) to the stored value.
func (f fieldView) FromDraft() string {
	v := "draft." + f.Key
	switch {
	case f.Ref != nil:
		return v
	case f.isNumeric():
		return fmt.Sprintf("%s.trim() === \"\" ? null : Number(%s)", v, v)
	case f.Type == prd.Tags:
		return "splitList(" + v + ")"
	case f.Type == prd.Boolean:
		return v
	case f.Type == prd.Enum:
		return fmt.Sprintf("readOption(%s, %s, %s)", v, f.OptionsVar, jsString(f.Options[0]))
	case f.Type == prd.Date, f.Type == prd.Time:
		return v
	}
	return v + ".trim()"
}

// Parse reads the stored value from an untrusted object (named value).
func (f fieldView) Parse() string {
	v := "value." + f.Key
	switch {
	case f.Ref != nil:
		return "readText(" + v + ")"
	case f.isNumeric():
		return "readNumber(" + v + ")"
	case f.Type == prd.Boolean:
		return "readBoolean(" + v + ")"
	case f.Type == prd.Tags:
		return "readList(" + v + ")"
	case f.Type == prd.Enum:
		return fmt.Sprintf("readOption(%s, %s, %s)", v, f.OptionsVar, jsString(f.Options[0]))
	}
	return "readText(" + v + ")"
}

// Check is the validation expression for the field (undefined when valid).
func (f fieldView) Check() string {
	v := "draft." + f.Key
	label := jsString(f.Field.Label())
	var checks []string
	if f.Required && f.Type != prd.Boolean {
		if f.Ref != nil {
			checks = append(checks, fmt.Sprintf("%s === \"\" ? %s : undefined", v, jsString("Choose a "+strings.ToLower(f.Ref.Label)+".")))
		} else {
			checks = append(checks, fmt.Sprintf("required(%s, %s)", v, label))
		}
	}
	switch f.Type {
	case prd.Text, prd.Phone:
		checks = append(checks, fmt.Sprintf("maxLength(%s, %s, 200)", v, label))
	case prd.LongText:
		checks = append(checks, fmt.Sprintf("maxLength(%s, %s, 5000)", v, label))
	case prd.Tags:
		checks = append(checks, fmt.Sprintf("maxLength(%s, %s, 500)", v, label))
	case prd.Email:
		checks = append(checks, fmt.Sprintf("email(%s, %s)", v, label))
	case prd.URL:
		checks = append(checks, fmt.Sprintf("url(%s, %s)", v, label))
	case prd.ImageURL:
		checks = append(checks, fmt.Sprintf("imageUrl(%s, %s)", v, label))
	case prd.Date:
		checks = append(checks, fmt.Sprintf("date(%s, %s)", v, label))
	case prd.Time:
		checks = append(checks, fmt.Sprintf("time(%s, %s)", v, label))
	case prd.Number, prd.Money, prd.Rating:
		lo, hi := f.bounds()
		whole := "false"
		if f.Type == prd.Rating {
			whole = "true"
		}
		checks = append(checks, fmt.Sprintf("numberIn(%s, %s, %s, %s, %s)", v, label, lo, hi, whole))
	}
	if f.Type == prd.Phone {
		checks = append(checks, fmt.Sprintf("phone(%s, %s)", v, label))
	}
	switch len(checks) {
	case 0:
		return "undefined"
	case 1:
		return checks[0]
	}
	return "first(" + strings.Join(checks, ", ") + ")"
}

// bounds are the JavaScript min and max arguments ("undefined" when open).
func (f fieldView) bounds() (string, string) {
	lo, hi := "undefined", "undefined"
	if f.Min != nil {
		lo = num(*f.Min)
	} else if f.Type == prd.Money || f.Type == prd.Rating {
		lo = "0"
	}
	if f.Max != nil {
		hi = num(*f.Max)
	} else if f.Type == prd.Rating {
		hi = "5"
	}
	if f.Type == prd.Rating && f.Min == nil {
		lo = "1"
	}
	return lo, hi
}

// Input is the JSX of the field's form control.
func (f fieldView) Input(entityKey string) string {
	set := fmt.Sprintf("(value) => set(%s, value)", jsString(f.Key))
	common := fmt.Sprintf("id=%s label=%s value={draft.%s} error={errors.%s} onChange={%s}",
		jsxAttr(f.InputID), jsxAttr(f.Label), f.Key, f.Key, set)
	if f.Required {
		common += " required"
	}
	if f.Help != "" {
		common += " hint=" + jsxAttr(f.Help)
	}
	switch {
	case f.Ref != nil:
		return fmt.Sprintf("<SelectField %s options={%sOptions} placeholder=%s />",
			common, f.Ref.PluralKey, jsxAttr("Choose a "+strings.ToLower(f.Ref.Label)+"…"))
	}
	switch f.Type {
	case prd.LongText:
		return "<TextAreaField " + common + " />"
	case prd.Enum:
		return fmt.Sprintf("<SelectField %s options={%s.map((option) => ({ value: option, label: option }))} />", common, f.OptionsVar)
	case prd.Boolean:
		hint := ""
		if f.Help != "" {
			hint = " hint=" + jsxAttr(f.Help)
		}
		return fmt.Sprintf("<CheckboxField id=%s label=%s checked={draft.%s} onChange={(checked) => set(%s, checked)}%s />",
			jsxAttr(f.InputID), jsxAttr(f.Label), f.Key, jsString(f.Key), hint)
	case prd.Number, prd.Money, prd.Rating:
		lo, hi := f.bounds()
		step := `"any"`
		switch f.Type {
		case prd.Money:
			step = "{0.01}"
		case prd.Rating:
			step = "{1}"
		}
		attrs := ` type="number" inputMode="decimal" step=` + step
		if lo != "undefined" {
			attrs += " min={" + lo + "}"
		}
		if hi != "undefined" {
			attrs += " max={" + hi + "}"
		}
		return "<InputField " + common + attrs + " />"
	case prd.Date:
		return "<InputField " + common + ` type="date" />`
	case prd.Time:
		return "<InputField " + common + ` type="time" />`
	case prd.Email:
		return "<InputField " + common + ` type="email" inputMode="email" placeholder="name@example.com" />`
	case prd.URL:
		return "<InputField " + common + ` type="url" inputMode="url" placeholder="https://" />`
	case prd.ImageURL:
		return "<InputField " + common + ` type="url" inputMode="url" placeholder="https://…/image.jpg" />`
	case prd.Phone:
		return "<InputField " + common + ` type="tel" inputMode="tel" autoComplete="tel" />`
	case prd.Tags:
		return "<InputField " + common + ` placeholder="Separate with commas" />`
	}
	return "<InputField " + common + " />"
}

// Display is the JSX expression showing the stored value of record rec.
func (f fieldView) Display(rec string) string {
	v := rec + "." + f.Key
	switch {
	case f.Ref != nil:
		return fmt.Sprintf("%sName(%s)", f.Ref.Key, v)
	}
	switch f.Type {
	case prd.Money:
		return fmt.Sprintf("formatMoney(%s, %s)", v, jsString(currency(f.Unit)))
	case prd.Number:
		return fmt.Sprintf("formatNumber(%s, %s)", v, jsString(f.Unit))
	case prd.Rating:
		_, hi := f.bounds()
		return fmt.Sprintf("(%s === null ? \"\" : `${%s} / %s`)", v, v, hi)
	case prd.Date:
		return "formatDate(" + v + ")"
	case prd.Time:
		return "formatTime(" + v + ")"
	case prd.Boolean:
		return fmt.Sprintf("%s ? \"Yes\" : \"No\"", v)
	case prd.Tags:
		return v + `.join(", ")`
	}
	return v
}

func currency(unit string) string {
	if len(unit) == 3 && strings.ToUpper(unit) == unit {
		return unit
	}
	return "USD"
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // JSON strings are valid JavaScript string literals.
	return strings.TrimSuffix(buf.String(), "\n")
}

// jsxAttr is s as a JSX attribute value: a plain quoted string when that is
// unambiguous, an expression otherwise (JSX attribute strings have no escapes).
func jsxAttr(s string) string {
	if strings.ContainsAny(s, `\"{}`) || strings.ContainsFunc(s, isControl) {
		return "{" + jsString(s) + "}"
	}
	return `"` + s + `"`
}

// jsxText is s as JSX text content, an expression when it holds characters JSX treats specially.
func jsxText(s string) string {
	if strings.ContainsAny(s, "{}<>&\\`'\"") || strings.ContainsFunc(s, isControl) {
		return "{" + jsString(s) + "}"
	}
	return s
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

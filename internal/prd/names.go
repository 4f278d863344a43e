package prd

import (
	"strings"
	"unicode"
)

// Words splits a human name into lower-case ASCII-safe words: "Due date" ->
// [due date], "unitPrice" -> [unit price], "SKU" -> [sku].
func Words(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	runes := []rune(name)
	for i, r := range runes {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// Split camelCase: a lower letter followed by an upper one.
			if unicode.IsUpper(r) && i > 0 && unicode.IsLower(runes[i-1]) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return words
}

// Camel is the lowerCamelCase identifier of a name: "due date" -> "dueDate".
// A name starting with a digit gets a leading "n".
func Camel(name string) string {
	ws := Words(name)
	var b strings.Builder
	for i, w := range ws {
		if i == 0 {
			b.WriteString(w)
			continue
		}
		b.WriteString(upperFirst(w))
	}
	return identifier(b.String(), false)
}

// Pascal is the UpperCamelCase identifier of a name: "time slot" -> "TimeSlot".
func Pascal(name string) string {
	var b strings.Builder
	for _, w := range Words(name) {
		b.WriteString(upperFirst(w))
	}
	return identifier(b.String(), true)
}

// Kebab is the kebab-case form of a name: "Time Slots" -> "time-slots".
// Letters outside ASCII are transliterated where common and dropped otherwise.
func Kebab(name string) string {
	return strings.Join(Words(identifierWords(name)), "-")
}

// Title capitalises the first letter: "due date" -> "Due date".
func Title(name string) string {
	ws := Words(name)
	for i, w := range ws {
		if u, ok := initialisms[w]; ok {
			ws[i] = u
		}
	}
	return upperFirst(strings.Join(ws, " "))
}

// TitleCase capitalises every word: "due date" -> "Due Date".
func TitleCase(name string) string {
	ws := Words(name)
	for i, w := range ws {
		if u, ok := initialisms[w]; ok {
			ws[i] = u
			continue
		}
		ws[i] = upperFirst(w)
	}
	return strings.Join(ws, " ")
}

// initialisms are written in capitals in labels: "SKU", "ISBN", "URL".
var initialisms = map[string]string{
	"sku": "SKU", "isbn": "ISBN", "url": "URL", "id": "ID", "vin": "VIN", "gpa": "GPA", "rsvp": "RSVP",
	"faq": "FAQ", "api": "API", "bmi": "BMI", "vat": "VAT", "crm": "CRM", "seo": "SEO", "pdf": "PDF",
	"sms": "SMS", "kpi": "KPI", "okr": "OKR", "roi": "ROI", "usd": "USD", "eur": "EUR", "gbp": "GBP",
	"dob": "DOB", "ip": "IP", "ui": "UI", "ux": "UX", "ceo": "CEO", "cpu": "CPU", "gpu": "GPU",
	"ram": "RAM", "ssd": "SSD", "tv": "TV", "eta": "ETA", "mpg": "MPG", "kwh": "kWh", "ph": "pH",
	"uv": "UV", "aqi": "AQI", "hr": "HR", "diy": "DIY", "pto": "PTO", "nda": "NDA", "qr": "QR",
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// identifier makes s a valid ASCII JavaScript identifier: letters outside
// ASCII are transliterated where common and dropped otherwise. Type names
// (upper) start with a capital.
func identifier(s string, upper bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			if t, ok := translit[unicode.ToLower(r)]; ok {
				if unicode.IsUpper(r) {
					t = upperFirst(t)
				}
				b.WriteString(t)
			}
		}
	}
	out := b.String()
	prefix := "n"
	if upper {
		prefix = "N"
	}
	switch {
	case out == "":
		out = "item"
		if upper {
			out = "Item"
		}
	case out[0] >= '0' && out[0] <= '9':
		out = prefix + out
	case !upper && reserved[out]:
		out += "Value"
	}
	return out
}

var translit = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "ae", 'ã': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'í': "i", 'ì': "i",
	'î': "i", 'ï': "i", 'ñ': "n", 'ó': "o", 'ò': "o", 'ô': "o", 'ö': "oe",
	'õ': "o", 'ø': "o", 'ú': "u", 'ù': "u", 'û': "u", 'ü': "ue", 'ß': "ss",
	'ł': "l", 'ś': "s", 'ź': "z", 'ż': "z", 'ć': "c", 'ń': "n", 'ę': "e", 'ą': "a",
}

// reserved are identifiers a generated record type may not use as keys,
// because the renderers use them or JavaScript forbids them.
var reserved = map[string]bool{
	"id": true, "createdAt": true, "updatedAt": true, "starred": true,
	"class": true, "function": true, "default": true, "delete": true, "new": true,
	"return": true, "var": true, "let": true, "const": true, "this": true,
	"typeof": true, "void": true, "with": true, "yield": true, "enum": true,
	"import": true, "export": true, "extends": true, "super": true, "switch": true,
	"case": true, "in": true, "instanceof": true, "for": true, "while": true,
	"do": true, "if": true, "else": true, "try": true, "catch": true, "finally": true,
	"throw": true, "break": true, "continue": true, "debugger": true, "null": true,
	"true": true, "false": true, "constructor": true, "prototype": true, "__proto__": true,
}

// Key is the field's identifier in generated code.
func (f Field) Key() string { return Camel(or(f.Ident, f.Name)) }

// Label is the field's visible label.
func (f Field) Label() string { return Title(f.Name) }

// Key is the entity's lowerCamelCase identifier ("timeSlot").
func (e Entity) Key() string { return Camel(or(e.Ident, e.Name)) }

// Type is the entity's TypeScript type name ("TimeSlot").
func (e Entity) Type() string { return Pascal(or(e.Ident, e.Name)) }

// PluralKey is the lowerCamelCase plural ("timeSlots").
func (e Entity) PluralKey() string { return Camel(or(e.PluralIdent, e.Plural)) }

// PluralType is the UpperCamelCase plural ("TimeSlots").
func (e Entity) PluralType() string { return Pascal(or(e.PluralIdent, e.Plural)) }

// Route is the entity's list route ("/time-slots").
func (e Entity) Route() string { return "/" + Kebab(or(e.PluralIdent, e.Plural)) }

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Label is the singular label ("Time slot").
func (e Entity) Label() string { return Title(e.Name) }

// PluralLabel is the plural label ("Time slots").
func (e Entity) PluralLabel() string { return Title(e.Plural) }

// Field returns the field with the given name.
func (e Entity) Field(name string) (Field, bool) {
	for _, f := range e.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// DisplayField returns the field that titles a record.
func (e Entity) DisplayField() Field {
	if f, ok := e.Field(e.Display); ok {
		return f
	}
	if len(e.Fields) > 0 {
		return e.Fields[0]
	}
	return Field{Name: "name", Type: Text}
}

// Entity returns the entity with the given name.
func (p *PRD) Entity(name string) (Entity, bool) {
	for _, e := range p.Entities {
		if e.Name == name {
			return e, true
		}
	}
	return Entity{}, false
}

// RelationsFrom lists the relations whose From is the named entity.
func (p *PRD) RelationsFrom(name string) []Relation {
	var out []Relation
	for _, r := range p.Relations {
		if r.From == name {
			out = append(out, r)
		}
	}
	return out
}

// RelationsTo lists the relations whose To is the named entity.
func (p *PRD) RelationsTo(name string) []Relation {
	var out []Relation
	for _, r := range p.Relations {
		if r.To == name {
			out = append(out, r)
		}
	}
	return out
}

// FeaturesOf lists the features of a kind, for an entity ("" matches any).
func (p *PRD) FeaturesOf(kind FeatureKind, entity string) []Feature {
	var out []Feature
	for _, f := range p.Features {
		if f.Kind == kind && (entity == "" || f.Entity == entity) {
			out = append(out, f)
		}
	}
	return out
}

// Has reports whether the PRD has a feature of the kind for the entity ("" matches any).
func (p *PRD) Has(kind FeatureKind, entity string) bool {
	return len(p.FeaturesOf(kind, entity)) > 0
}

// Slug is the npm package name of the app.
func (p *PRD) Slug() string {
	s := strings.Join(Words(identifierWords(p.AppName)), "-")
	if s == "" {
		return "app"
	}
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	return s
}

// identifierWords keeps only ASCII letters, digits and separators, transliterating what it can.
func identifierWords(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case r < unicode.MaxASCII:
			b.WriteByte(' ')
		default:
			if t, ok := translit[unicode.ToLower(r)]; ok {
				b.WriteString(t)
			} else {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

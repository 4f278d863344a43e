package architect

import (
	"strings"
	"unicode"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// foreignAlerts are the words of other languages that ask for records to
// stand out, and their comparisons ("menor que 5", "mehr als 100").
var foreignAlerts = map[string]struct {
	cues, lt, gt, overdue []string
}{
	"es": {cues: []string{"avis", "alert", "resalt", "marca", "destaca", "advert"}, lt: []string{"menor que", "menos de", "por debajo de", "inferior a", "baja de"}, gt: []string{"mayor que", "más de", "mas de", "por encima de", "superior a", "supera", "pasa de"}, overdue: []string{"vencid", "atrasad"}},
	"pt": {cues: []string{"avis", "alert", "destac", "marca"}, lt: []string{"menor que", "menos de", "abaixo de", "inferior a"}, gt: []string{"maior que", "mais de", "acima de", "superior a", "ultrapassa", "passa de"}, overdue: []string{"vencid", "atrasad"}},
	"fr": {cues: []string{"alert", "signal", "surlign", "évidence", "avert", "préven", "marque"}, lt: []string{"inférieur à", "inférieure à", "moins de", "en dessous de", "sous"}, gt: []string{"supérieur à", "supérieure à", "plus de", "au-dessus de", "dépasse"}, overdue: []string{"en retard", "échu"}},
	"de": {cues: []string{"warn", "hervorheb", "markier", "benachrichtig", "alarm", "hinweis"}, lt: []string{"weniger als", "kleiner als", "niedriger als", "unter"}, gt: []string{"mehr als", "größer als", "höher als", "überschreitet", "über"}, overdue: []string{"überfällig"}},
	"it": {cues: []string{"avvis", "segnal", "evidenz", "allert"}, lt: []string{"meno di", "inferiore a", "inferiori a", "sotto"}, gt: []string{"più di", "superiore a", "superiori a", "sopra", "supera"}, overdue: []string{"scadut", "in ritardo"}},
	"nl": {cues: []string{"waarschuw", "markeer", "marker", "melding"}, lt: []string{"minder dan", "lager dan", "kleiner dan", "onder"}, gt: []string{"meer dan", "hoger dan", "groter dan", "boven"}, overdue: []string{"achterstallig", "te laat"}},
}

// readForeignHighlight reads warnings in the prompt's language: "avisar
// cuando el stock sea menor que 5" marks products whose stock is below 5.
func (m *model) readForeignHighlight(low string) {
	words, ok := foreignAlerts[m.lang]
	if !ok || !containsAny(low, words.cues) {
		return
	}
	e, field := m.fieldMentioned(low)
	if e == nil {
		e = m.main()
	}
	if e == nil {
		return
	}
	if f := e.field(field); f == nil || f.Type != prd.Number && f.Type != prd.Money && f.Type != prd.Rating {
		field = firstOfType(e, prd.Number, prd.Money)
	}
	for _, side := range []struct {
		cmp     string
		phrases []string
	}{{"lt", words.lt}, {"gt", words.gt}} {
		for _, p := range side.phrases {
			i := strings.Index(low, " "+p+" ")
			if i < 0 || field == "" {
				continue
			}
			if value := leadingNumber(low[i+len(p)+2:]); value != "" {
				sign := map[string]string{"lt": " < ", "gt": " > "}[side.cmp]
				m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: e.name, Field: field, Compare: side.cmp, Value: value, Label: field + sign + value})
				return
			}
		}
	}
	if containsAny(low, words.overdue) {
		if f := dueField(e); f != "" {
			m.addFeature(prd.Feature{Kind: prd.FeatureHighlight, Entity: e.name, Field: f, Compare: "lt", Value: "today", Label: f})
		}
	}
}

// leadingNumber reads the number that opens s, after spaces and a currency
// sign; thousands separators are dropped.
func leadingNumber(s string) string {
	s = strings.TrimLeft(s, " $€£¥₹")
	var b strings.Builder
	for i, r := range s {
		switch {
		case unicode.IsDigit(r):
			b.WriteRune(r)
		case (r == '.' || r == ',') && b.Len() > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			if r == ',' && len(s) >= i+4 && allASCIIDigits(s[i+1:i+4]) && (len(s) == i+4 || s[i+4] < '0' || s[i+4] > '9') {
				continue
			}
			b.WriteByte('.')
		default:
			return b.String()
		}
	}
	return b.String()
}

func allASCIIDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

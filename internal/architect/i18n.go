package architect

import (
	"strings"
	"unicode"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// readForeign reads a prompt in a language other than English: CJK
// languages by their own patterns, languages in the Latin alphabet by
// mapping their grammar words to English and reusing the sentence patterns.
func (m *model) readForeign() {
	if m.lang == "zh" || m.lang == "ja" {
		m.readCJK()
		return
	}
	grammar, ok := functionWords[m.lang]
	if !ok {
		m.readAnyLanguage()
		return
	}
	for si, s := range m.d.sentences {
		toks := make([]token, len(s.toks))
		for i, t := range s.toks {
			toks[i] = t
			if t.kind == tWord {
				toks[i].text = t.low
			}
			if en, ok := grammar[t.low]; ok && t.kind == tWord {
				toks[i].low = en
			}
			if strings.HasPrefix(t.low, "d'") || strings.HasPrefix(t.low, "l'") {
				toks[i].low = t.low
			}
		}
		m.readSentence(si, toks)
	}
}

// foreignName turns a noun phrase of a Latin-alphabet language into an
// entity name: the dictionary first, then the language's plural rules. The
// head is the last word, which for Romance languages is usually the only one.
func (m *model) foreignName(toks []token) (string, string, bool) {
	var ws []string
	for _, t := range toks {
		if t.kind == tWord && !determiners[t.low] {
			ws = append(ws, strings.ToLower(t.text))
		}
	}
	if len(ws) == 0 {
		return "", "", false
	}
	if m.lang != "de" && m.lang != "nl" && len(ws) > 1 {
		ws = ws[len(ws)-1:]
	}
	phrase := strings.Join(ws, " ")
	if n, ok := tables.nouns[m.lang][phrase]; ok {
		return n.sg, n.pl, true
	}
	last := ws[len(ws)-1]
	if n, ok := tables.nouns[m.lang][last]; ok {
		return n.sg, n.pl, true
	}
	if m.lang == "de" && strings.HasSuffix(last, "n") {
		if n, ok := tables.nouns["de"][strings.TrimSuffix(last, "n")]; ok {
			return n.sg, n.pl, true // dative plural: "mit Rezepten"
		}
	}
	if _, isField := tables.fields[m.lang][phrase]; isField || len([]rune(last)) < 3 || !hasLetter(last) {
		return "", "", false
	}
	sg := singularOf(phrase, m.lang)
	return sg, pluralOf(sg, m.lang), true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// conceptOf returns the English concept of a record name in the prompt's
// language ("aufgabe" -> task), or "".
func (m *model) conceptOf(name string) string {
	if n, ok := tables.nouns[m.lang][name]; ok {
		return n.concept
	}
	return ""
}

// typeForeignField types a field named in another language through the
// English concept its words name, keeping the user's words as the name.
func typeForeignField(it item, entity, lang string) (fieldDraft, bool) {
	var ws []string
	toks, unit := it.toks, ""
	if n := len(toks); n >= 3 && toks[n-2].low == "in" && unitWords[strings.ToLower(toks[n-1].text)] != "" {
		unit, toks = unitWords[strings.ToLower(toks[n-1].text)], toks[:n-2] // "distance en mètres"
	}
	for _, t := range toks {
		if t.kind == tWord && !determiners[t.low] && !leadingNoise[t.low] && t.low != "a" && t.low != "the" && t.low != "their" {
			ws = append(ws, strings.ToLower(t.text))
		} else if t.kind == tNum || t.low == "-" || t.low == "/" {
			ws = append(ws, t.text)
		}
	}
	name := strings.TrimSpace(strings.Join(ws, " "))
	if name == "" || len([]rune(name)) > 60 || len(ws) > 5 {
		return fieldDraft{}, false
	}
	concept := contextConcept(lang, name, conceptFor(lang, name), entity)
	eng := item{toks: tokenise(or(concept, "label")), paren: translateUnits(it.paren), options: it.options, alt: it.alt}
	if boolMarkerForeign(it.toks) {
		eng.toks = append(eng.toks, token{text: "flag", low: "flag", kind: tWord})
	}
	f, ok := typeField(eng, entity, "en")
	if !ok {
		return fieldDraft{}, false
	}
	f.Name = clip(stripNumbers(name), 60)
	if f.Name == "" {
		return fieldDraft{}, false
	}
	f.Help = ""
	if f.Type == prd.Money {
		f.Unit = languageCurrency[lang]
	}
	if unit != "" && (f.Type == prd.Text || f.Type == prd.Number) {
		f.Type, f.Unit = prd.Number, unit
		f.why = "a number in " + unit
	}
	if !hasASCIILetter(f.Name) {
		f.Ident = concept
	}
	if concept == "" {
		f.why = "text (the word is not in the lexicon)"
	} else {
		f.why = describeType(f.Type) + " (\"" + f.Name + "\" means " + concept + ")"
	}
	return f, true
}

// conceptFor finds the English concept of a field phrase: the whole
// phrase, then its longest known part.
func conceptFor(lang, phrase string) string {
	dict := tables.fields[lang]
	if c, ok := dict[phrase]; ok {
		return c
	}
	best, bestLen := "", 0
	for w, c := range dict {
		if len(w) > bestLen && strings.Contains(phrase, w) && (len([]rune(w)) >= 2 || phrase == w) {
			if !isCJKText(phrase) && !wordIn(phrase, w) {
				continue
			}
			best, bestLen = c, len(w)
		} else if len(w) == bestLen && strings.Contains(phrase, w) && c < best {
			best = c
		}
	}
	return best
}

func wordIn(phrase, w string) bool {
	for _, f := range strings.Fields(phrase) {
		if f == w || strings.HasSuffix(f, w) && len(w) > 4 {
			return true
		}
	}
	return strings.Contains(" "+phrase+" ", " "+w+" ")
}

func isCJKText(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

func stripNumbers(s string) string {
	return strings.TrimSpace(strings.TrimLeft(s, "0123456789 "))
}

func translateUnits(toks []token) []token {
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = t
		if u, ok := foreignUnits[t.low]; ok {
			out[i].low, out[i].text = u, u
		}
	}
	return out
}

func boolMarkerForeign(toks []token) bool {
	for i := range toks {
		if boolMarkerAt(toks, i) {
			return true
		}
	}
	return false
}

// readForeignFeatures reads search, filter and sort requests in the
// prompt's language and ties them to the fields named near them.
func (m *model) readForeignFeatures() {
	cues := map[prd.FeatureKind][]string{
		prd.FeatureSearch: {"such", "recherch", "buscar", "búsqueda", "pesquis", "cerca", "zoek", "搜索", "查找", "检索", "検索"},
		prd.FeatureFilter: {"filter", "filtr", "筛选", "过滤", "絞り込", "フィルタ"},
		prd.FeatureSort:   {"sortier", "trier", "triés", "ordenar", "ordenad", "ordina", "sorteer", "排序", "並べ替え", "並び替え", "順"},
	}
	for _, s := range m.d.sentences {
		low := strings.ToLower(s.text)
		m.readForeignHighlight(" " + low + " ")
		for _, kind := range []prd.FeatureKind{prd.FeatureSearch, prd.FeatureFilter, prd.FeatureSort} {
			if !containsAny(low, cues[kind]) {
				continue
			}
			e, field := m.fieldMentioned(low)
			if e == nil {
				e = m.main()
			}
			if e == nil {
				continue
			}
			switch kind {
			case prd.FeatureSearch:
				if field != "" && !isTextual(e, field) {
					field = ""
				}
				m.addFeature(prd.Feature{Kind: kind, Entity: e.name, Field: field, Label: e.plural})
			case prd.FeatureFilter:
				if field == "" {
					field = defaultFilterField(e)
				}
				if field != "" {
					m.addFeature(prd.Feature{Kind: kind, Entity: e.name, Field: field, Label: field})
				}
			case prd.FeatureSort:
				if field == "" {
					field = firstOfType(e, prd.Date)
				}
				if field != "" {
					m.addFeature(prd.Feature{Kind: kind, Entity: e.name, Field: field, Order: sortOrder(e, field, nil), Label: field})
				}
			}
		}
	}
}

// fieldMentioned finds the longest field name that occurs in a sentence.
func (m *model) fieldMentioned(low string) (*entityDraft, string) {
	var best *entityDraft
	field := ""
	for _, e := range m.entities {
		for _, f := range e.fields {
			if len(f.Name) > len(field) && strings.Contains(low, f.Name) {
				best, field = e, f.Name
			}
		}
	}
	return best, field
}

// translatePriors gives a record named in another language the usual
// fields of its kind, named in that language where the lexicon knows the
// words.
func (m *model) translatePriors(e *entityDraft) bool {
	concept := m.conceptOf(e.name)
	fields, display, ok := priorFields(concept, "")
	if !ok {
		fields, display = genericFields("item"), "name"
	}
	var out []fieldDraft
	shown := ""
	for _, f := range fields {
		word, ok := tables.fieldsEN[m.lang][f.Name]
		if !ok {
			continue
		}
		if f.Name == display {
			shown = word
		}
		f.Name, f.Help = word, ""
		if !hasASCIILetter(word) {
			f.Ident = identWords(fieldConcept(word, m.lang))
		}
		if f.Type == prd.Money {
			f.Unit = languageCurrency[m.lang]
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return false
	}
	e.fields, e.display = out, shown
	return true
}

func fieldConcept(word, lang string) string { return tables.fields[lang][word] }

// foreignDefault finds a record the prompt names even without a field list:
// the first word the lexicon knows as a record.
func (m *model) foreignDefault() {
	low := strings.ToLower(m.d.raw)
	best, bestAt := foreignNoun{}, -1
	for w, n := range tables.nouns[m.lang] {
		i := strings.Index(low, w)
		if i < 0 || len([]rune(w)) < 2 || !isCJKText(w) && !wordIn(strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || r == '\'' || r == '-' {
				return r
			}
			return ' '
		}, low), w) {
			continue
		}
		if bestAt < 0 || i < bestAt || i == bestAt && w > best.sg {
			best, bestAt = n, i
		}
	}
	if bestAt < 0 {
		e := m.ensureEntity(or(tables.fieldsEN[m.lang]["name"], "item"), 0)
		if e != nil && !hasASCIILetter(e.name) {
			e.ident, e.pluralIdent = "item", "items"
		}
		m.assume("The prompt names no records the lexicon knows, so the app keeps simple named items.")
		return
	}
	e := m.ensureEntity(best.sg, 0)
	if e != nil {
		e.plural = best.pl
		if !hasASCIILetter(best.sg) {
			e.ident, e.pluralIdent = best.concept, pluralWord(best.concept)
		}
	}
}

// foreignAppName names the app in the prompt's language after its main
// records.
func (m *model) foreignAppName() string {
	main := m.main()
	if main == nil {
		return "App"
	}
	switch m.lang {
	case "zh":
		return main.name + "管理"
	case "ja":
		return main.name + "管理"
	}
	return titleName(main.plural)
}

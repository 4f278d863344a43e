package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// appWordsAnyLanguage name an app in languages without a lexicon here.
var appWordsAnyLanguage = set("приложение", "приложения", "сайт", "система", "app", "앱", "애플리케이션", "어플", "웹사이트", "사이트", "uygulama", "uygulaması", "aplikacja", "aplikace", "εφαρμογή", "应用", "アプリ")

// conceptsAnyLanguage type field names of languages without a lexicon by
// a few common words; the concept also names the field in code.
var conceptsAnyLanguage = map[string]struct {
	concept string
	typ     prd.FieldType
}{
	"дата": {"date", prd.Date}, "날짜": {"date", prd.Date}, "tarih": {"date", prd.Date}, "data": {"date", prd.Date},
	"сумма": {"amount", prd.Money}, "цена": {"price", prd.Money}, "стоимость": {"cost", prd.Money}, "금액": {"amount", prd.Money},
	"가격": {"price", prd.Money}, "비용": {"cost", prd.Money}, "fiyat": {"price", prd.Money}, "tutar": {"amount", prd.Money},
	"количество": {"quantity", prd.Number}, "수량": {"quantity", prd.Number}, "miktar": {"quantity", prd.Number},
	"время": {"time", prd.Time}, "시간": {"time", prd.Time}, "saat": {"time", prd.Time},
	"телефон": {"phone", prd.Phone}, "전화": {"phone", prd.Phone}, "전화번호": {"phone", prd.Phone}, "telefon": {"phone", prd.Phone},
	"email": {"email", prd.Email}, "почта": {"email", prd.Email}, "이메일": {"email", prd.Email}, "e-posta": {"email", prd.Email},
	"описание": {"description", prd.LongText}, "설명": {"description", prd.LongText}, "açıklama": {"description", prd.LongText},
	"название": {"name", prd.Text}, "имя": {"name", prd.Text}, "이름": {"name", prd.Text}, "제목": {"title", prd.Text}, "ad": {"name", prd.Text},
}

// readAnyLanguage reads a prompt in a language the architect has no
// grammar for, from its own words: "Приложение для учёта расходов: сумма,
// категория, дата" keeps records named by the words before the colon with
// the fields listed after it.
func (m *model) readAnyLanguage() {
	for si, s := range m.d.sentences {
		toks := s.toks
		for i, t := range toks {
			if t.low != ":" {
				continue
			}
			var head []string
			for j := i - 1; j >= 0 && toks[j].kind == tWord && i-j <= 5; j-- {
				head = append([]string{toks[j].low}, head...)
			}
			for len(head) > 0 && appWordsAnyLanguage[head[len(head)-1]] {
				head = head[:len(head)-1]
			}
			if len(head) > 2 {
				head = head[len(head)-2:]
			}
			if m.lang == "ru" && len(head) > 1 {
				head = head[len(head)-1:] // "для учёта расходов": the expenses
			}
			fields := listAnyLanguage(toks[i+1:])
			if len(head) == 0 || len(fields) < 2 {
				continue
			}
			e := m.ensureEntity(strings.Join(head, " "), si*1000+i)
			if e == nil {
				return
			}
			if !hasASCIILetter(e.name) {
				e.ident, e.pluralIdent = "item", "items"
			}
			for _, name := range fields {
				f := fieldDraft{Field: prd.Field{Name: clip(name, 60), Type: prd.Text}, why: "text"}
				if c, ok := conceptsAnyLanguage[lastWordOf(name)]; ok {
					f.Type, f.why = c.typ, "a "+string(c.typ)+" (\""+name+"\")"
					f.Ident = c.concept
				}
				if e.addField(f) {
					e.explicit = true
				}
			}
			if len(e.fields) > 0 {
				e.fields[0].Required = true
			}
			m.assume("The prompt's language has no lexicon here: the words before the colon name the records and the list after it their fields.")
			return
		}
	}
}

// listAnyLanguage splits a list at commas, dropping a trailing verb
// ("시간을 기록합니다" keeps 시간).
func listAnyLanguage(toks []token) []string {
	var out []string
	var cur []string
	flush := func() {
		for len(cur) > 1 && anyLanguageVerb(cur[len(cur)-1]) {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 && len(cur) <= 4 {
			w := cur[len(cur)-1]
			for _, p := range []string{"을", "를", "은", "는", "이", "가"} {
				if r := []rune(w); len(r) > 2 && strings.HasSuffix(w, p) {
					w = strings.TrimSuffix(w, p)
					break
				}
			}
			cur[len(cur)-1] = w
			out = append(out, strings.Join(cur, " "))
		}
		cur = nil
	}
	for _, t := range toks {
		switch {
		case t.low == "," || t.low == "،" || t.low == ";":
			flush()
		case t.kind == tPunct:
			flush()
			return out
		case t.kind == tWord && (t.low == "и" || t.low == "및" || t.low == "ve" || t.low == "i" || t.low == "a"):
			flush()
		case t.kind == tWord:
			cur = append(cur, t.low)
		}
	}
	flush()
	return out
}

func anyLanguageVerb(w string) bool {
	return strings.HasSuffix(w, "니다") || strings.HasSuffix(w, "요") || strings.HasSuffix(w, "ть") || strings.HasSuffix(w, "mek") || strings.HasSuffix(w, "mak")
}

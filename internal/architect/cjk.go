package architect

import (
	"fmt"
	"strings"
	"unicode"
)

// Chinese and Japanese are written without spaces, so records and their
// fields are read from the characters around trigger words: "每个任务有标题、
// 截止日期和优先级（低、中、高）", "各タスクにはタイトル、期限、優先度（低、中、
// 高）があります", "书籍（书名、作者）".

var (
	cjkEach    = []string{"每一个", "每一条", "每个", "每条", "每本", "每位", "每项", "每篇", "每件", "每道", "每次", "各", "それぞれの"}
	cjkHas     = []string{"都包括", "都包含", "都有", "包括", "包含", "含有", "记录", "需要", "有", "には", "は", "に"}
	cjkListEnd = []string{"があります", "がある", "を持ちます", "を持つ", "を含みます", "を含む", "を記録", "を登録", "が必要", "等", "など"}
	cjkCut     = []string{"添加", "记录", "管理", "创建", "可以", "能够", "发布", "登记", "录入", "查看", "一个", "一款", "的", "和", "在", "用", "把", "将", "を", "が", "の", "で", "と", "も", "できる", "する", "追加", "管理", "作成", "登録", "記録", "アプリ", "应用", "系统", "网站"}
	cjkSeps    = []string{",", "和", "与", "及", "以及", "或", "と", "や", "および", "及び", "、"}
)

// readCJK finds records declared with their fields in Chinese or Japanese.
func (m *model) readCJK() {
	for si, s := range m.d.sentences {
		text := s.text
		for _, clause := range strings.Split(text, "。") {
			m.readCJKClause(clause, si)
		}
	}
}

func (m *model) readCJKClause(clause string, si int) {
	rs := []rune(clause)
	for i := 0; i < len(rs); i++ {
		rest := string(rs[i:])
		// "每个X有…", "各Xには…"
		if p, ok := hasPrefixAny(rest, cjkEach); ok && (p != "各" || i == 0 || !isCJK(rs[i-1])) {
			after := []rune(rest[len(p):])
			for j := 1; j < len(after) && j <= 8; j++ {
				if h, ok := hasPrefixAny(string(after[j:]), cjkHas); ok {
					name := strings.TrimSpace(string(after[:j]))
					list := string(after[j:])[len(h):]
					m.declareCJK(name, list, si*1000+i)
					return
				}
			}
		}
		if rs[i] == '(' {
			name := cjkNounBefore(string(rs[:i]))
			end := strings.IndexRune(string(rs[i:]), ')')
			if name != "" && end > 0 {
				inner := string(rs[i+1:])[:end-len(string(rs[i]))]
				if items := splitCJK(inner); len(items) >= 2 && cjkFieldLike(items, m.lang) {
					m.declareCJK(name, inner, si*1000+i)
					i += len([]rune(inner))
					continue
				}
			}
		}
		if rs[i] == ':' {
			name := cjkNounBefore(string(rs[:i]))
			if name != "" && cjkFieldLike(splitCJK(string(rs[i+1:])), m.lang) {
				m.declareCJK(name, string(rs[i+1:]), si*1000+i)
				return
			}
		}
		for _, h := range []string{"包括", "包含", "含有", "都有", "には", "は"} {
			if !strings.HasPrefix(rest, h) || i == 0 {
				continue
			}
			name := cjkNounBefore(string(rs[:i]))
			list := rest[len(h):]
			if name != "" && cjkFieldLike(splitCJK(cutCJKList(list)), m.lang) {
				m.declareCJK(name, list, si*1000+i)
				return
			}
		}
	}
}

// nounSuffix finds the longest known record word that ends name.
func nounSuffix(lang, name string) (foreignNoun, bool) {
	var best foreignNoun
	bestLen := 0
	for w, n := range tables.nouns[lang] {
		l := len([]rune(w))
		if strings.HasSuffix(name, w) && (l > bestLen || l == bestLen && w < best.sg) && (l >= 2 || w == name) {
			best, bestLen = n, l
		}
	}
	return best, bestLen > 0
}

func hasPrefixAny(s string, ps []string) (string, bool) {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return p, true
		}
	}
	return "", false
}

// cjkNounBefore reads the noun that ends a stretch of text: a known record
// word, a katakana run, or the last few characters after a verb or particle.
func cjkNounBefore(s string) string {
	s = strings.TrimSpace(s)
	for _, c := range cjkCut {
		if i := strings.LastIndex(s, c); i >= 0 && i+len(c) < len(s) {
			s = s[i+len(c):]
		}
	}
	if i := strings.LastIndexAny(s, " ,.;:!?"); i >= 0 {
		s = s[i+1:]
	}
	rs := []rune(s)
	if len(rs) == 0 {
		return ""
	}
	for _, r := range rs {
		if !isCJK(r) {
			return ""
		}
	}
	if len(rs) > 5 {
		rs = rs[len(rs)-4:]
	}
	return string(rs)
}

// cutCJKList ends a list at the verb phrase that closes it.
func cutCJKList(s string) string {
	end := len(s)
	for _, e := range cjkListEnd {
		if i := strings.Index(s, e); i >= 0 && i < end {
			end = i
		}
	}
	for _, e := range []string{"。", ".", ";", "!", "?"} {
		if i := strings.Index(s, e); i >= 0 && i < end {
			end = i
		}
	}
	return s[:end]
}

// splitCJK splits a list on commas and conjunctions, keeping bracketed
// values with the item before them.
func splitCJK(s string) []string {
	var out []string
	var cur strings.Builder
	depth := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth == 0 {
			if sep, ok := hasPrefixAny(string(rs[i:]), cjkSeps); ok {
				if t := strings.TrimSpace(cur.String()); t != "" {
					out = append(out, t)
				}
				cur.Reset()
				i += len([]rune(sep)) - 1
				continue
			}
		}
		cur.WriteRune(r)
	}
	if t := strings.TrimSpace(cur.String()); t != "" {
		out = append(out, t)
	}
	return out
}

func cjkFieldLike(items []string, lang string) bool {
	n := 0
	for _, it := range items {
		base, _, _ := strings.Cut(it, "(")
		if conceptFor(lang, strings.TrimSpace(base)) != "" {
			n++
		}
	}
	return n > 0 && n*2 >= len(items)
}

// declareCJK records an entity with the fields listed after it.
func (m *model) declareCJK(name, list string, pos int) {
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > 12 {
		return
	}
	concept := m.conceptOf(name)
	if concept == "" {
		if n, ok := nounSuffix(m.lang, name); ok {
			name, concept = n.sg, n.concept
		}
	}
	e := m.ensureEntity(name, pos)
	if e == nil {
		return
	}
	if concept != "" {
		e.ident, e.pluralIdent = concept, pluralWord(concept)
	} else if !hasASCIILetter(name) {
		k := len(m.entities)
		e.ident, e.pluralIdent = fmt.Sprintf("item %d", k), fmt.Sprintf("items %d", k)
	}
	for _, raw := range splitCJK(cutCJKList(list)) {
		f, ok := m.cjkField(raw, e.name)
		if ok && e.addField(f) {
			e.explicit = true
			m.typed = append(m.typed, typedNote{entity: e.name, field: f.Name, why: f.why})
		}
	}
}

// cjkField types one listed field: "优先级(低,中,高)" is a choice, "频率
// (天)" a number of days, "是否完成" a yes/no.
func (m *model) cjkField(raw, entity string) (fieldDraft, bool) {
	base, paren, _ := strings.Cut(raw, "(")
	paren = strings.TrimSuffix(strings.TrimSpace(paren), ")")
	base = strings.TrimSpace(base)
	for _, p := range []string{"一个", "一", "和", "以及", "还有", "的"} {
		base = strings.TrimPrefix(base, p)
	}
	boolean := false
	for _, p := range []string{"是否", "有无"} {
		if strings.HasPrefix(base, p) {
			base, boolean = strings.TrimPrefix(base, p), true
		}
	}
	base = strings.TrimFunc(base, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	if base == "" || len([]rune(base)) > 20 {
		return fieldDraft{}, false
	}
	it := item{toks: tokenise(base)}
	if paren != "" {
		it.paren = tokenise(strings.ReplaceAll(paren, "/", ","))
		if opts := splitCJK(paren); len(opts) >= 2 && !strings.Contains(paren, "/") {
			it.options = opts
			it.paren = nil
		} else if strings.Contains(paren, "/") {
			if o := strings.Split(paren, "/"); len(o) == 2 && (o[0] == "是" || o[0] == "はい") {
				boolean = true
				it.paren = nil
			}
		}
	}
	if boolean {
		it.toks = append(it.toks, tokenise("yes/no")...)
	}
	f, ok := typeForeignField(it, entity, m.lang)
	if !ok {
		return f, false
	}
	f.Name = clip(base, 60)
	concept := conceptFor(m.lang, base)
	if !hasASCIILetter(f.Name) {
		f.Ident = identWords(or(concept, "field"))
		if concept == "" {
			f.Ident = ""
		}
	}
	return f, true
}

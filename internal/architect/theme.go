package architect

import (
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/palette"
	"github.com/nexusgen/nexusgen/internal/prd"
)

// colourContext are words that make a colour name in a sentence about the
// app's look rather than about something else ("gold" as a game resource).
var colourContext = []string{"color", "colour", "theme", "palette", "scheme", "background", "component",
	"element", " ui", "interface", "button", "control", "cards", "layout", "canvas", "accent",
	"primary", "header", "style", "styling", "tone", "shade", "hue", "brand", "#", "farb", "couleur",
	"color", "cores", "cor ", "tema", "thème", "颜色", "色", "主题"}

var backgroundWords = []string{"background", "backdrop", "base color", "base colour", "canvas", "layout", "body", "page color", "page colour", "surface", "hintergrund", "fond", "fondo", "fundo", "背景"}
var componentWords = []string{"component", "element", " ui", "interface", "control", "button", "card", "block", "piece", "visual", "highlight", "primary", "main color", "main colour", "header", "nav", "link", "brand", "detail", "styling", "komponent", "composant", "componente", "组件", "按钮"}
var accentWords = []string{"accent", "secondary"}
var textWords = []string{"text", "font"}

// foreignColours name basic colours in other languages.
var foreignColours = map[string]map[string]string{
	"de": {"rot": "red", "grün": "green", "blau": "blue", "gelb": "yellow", "schwarz": "black", "weiß": "white", "weiss": "white", "grau": "gray", "lila": "purple", "rosa": "pink", "braun": "brown", "dunkelblau": "navy", "hellblau": "light blue", "dunkelgrün": "dark green", "hellgrün": "light green", "türkis": "turquoise", "orange": "orange", "violett": "violet", "beige": "beige"},
	"fr": {"rouge": "red", "vert": "green", "verte": "green", "bleu": "blue", "bleue": "blue", "jaune": "yellow", "noir": "black", "noire": "black", "blanc": "white", "blanche": "white", "gris": "gray", "violet": "violet", "rose": "pink", "marron": "brown", "orange": "orange", "beige": "beige", "turquoise": "turquoise"},
	"es": {"rojo": "red", "verde": "green", "azul": "blue", "amarillo": "yellow", "negro": "black", "blanco": "white", "gris": "gray", "morado": "purple", "rosa": "pink", "marrón": "brown", "naranja": "orange", "beige": "beige", "turquesa": "turquoise"},
	"pt": {"vermelho": "red", "verde": "green", "azul": "blue", "amarelo": "yellow", "preto": "black", "branco": "white", "cinza": "gray", "roxo": "purple", "rosa": "pink", "marrom": "brown", "laranja": "orange", "bege": "beige", "turquesa": "turquoise"},
	"it": {"rosso": "red", "verde": "green", "blu": "blue", "giallo": "yellow", "nero": "black", "bianco": "white", "grigio": "gray", "viola": "purple", "rosa": "pink", "marrone": "brown", "arancione": "orange"},
	"zh": {"红色": "red", "绿色": "green", "蓝色": "blue", "黄色": "yellow", "黑色": "black", "白色": "white", "灰色": "gray", "紫色": "purple", "粉色": "pink", "橙色": "orange", "棕色": "brown", "深蓝色": "navy", "天蓝色": "sky blue"},
	"ja": {"赤": "red", "緑": "green", "青": "blue", "黄色": "yellow", "黒": "black", "白": "white", "灰色": "gray", "紫": "purple", "ピンク": "pink", "オレンジ": "orange", "茶色": "brown", "紺": "navy", "水色": "light blue"},
}

// translateColours rewrites colour words of other languages as English
// colour names so the palette can read them.
func translateColours(s, lang string) string {
	words, ok := foreignColours[lang]
	if !ok {
		return s
	}
	if lang == "zh" || lang == "ja" {
		keys := make([]string, 0, len(words))
		for k := range words {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int { return len(b) - len(a) })
		for _, k := range keys {
			s = strings.ReplaceAll(s, k, " "+words[k]+" ")
		}
		return s
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' })
	for i, f := range fields {
		core := strings.Trim(strings.ToLower(f), ".,;:!?()\"'")
		for _, suf := range []string{"", "es", "er", "en", "em", "e", "s", "a", "o", "as", "os"} {
			if en, ok := words[strings.TrimSuffix(core, suf)]; ok && len(core) > len(suf)+2 {
				fields[i] = strings.Replace(strings.ToLower(f), core, en, 1)
				break
			}
		}
	}
	return strings.Join(fields, " ")
}

// colourRole is what a named colour is for.
type colourRole int

const (
	roleNone colourRole = iota
	roleBackground
	rolePrimary
	roleAccent
	roleText
)

type namedColour struct {
	name, hex string
	role      colourRole
}

// readColours finds colours named for the app's look and what each is for.
func (m *model) readColours() []namedColour {
	var out []namedColour
	for _, s := range m.d.sentences {
		low := " " + strings.ToLower(s.text) + " "
		if !containsAny(low, colourContext) {
			continue
		}
		for _, clause := range colourClauses(translateColours(s.text, m.lang)) {
			mentions := palette.Scan(clause)
			cl := " " + strings.ToLower(clause) + " "
			for _, mt := range mentions {
				if skipMention(cl, mt) {
					continue
				}
				role := roleOf(cl, len(mentions))
				if len(mentions) > 1 {
					role = roleNear(cl, mentions, mt)
				}
				out = append(out, namedColour{name: mt.Name, hex: mt.Hex, role: role})
			}
		}
	}
	return out
}

// skipMention drops colour words used as something else: "dark mode" is
// handled elsewhere, "white space" and "black friday" are not colours.
func skipMention(clause string, mt palette.Mention) bool {
	after := clause[min(len(clause), mt.End+1):]
	for _, w := range []string{"space", "paper", "list", "label", "friday", "box", "hat", "board", "collar", "wine", "house", "belt"} {
		if strings.HasPrefix(strings.TrimSpace(after), w) {
			return true
		}
	}
	return false
}

// colourClauses cuts a sentence where a new colour instruction may start.
func colourClauses(s string) []string {
	var out []string
	cur := s
	for _, sep := range []string{";", ",", " and ", " then ", " while ", " und ", " et ", " y ", " e ", "，", "、", "和"} {
		cur = strings.ReplaceAll(cur, sep, "\x00")
	}
	for _, p := range strings.Split(cur, "\x00") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// roleNear picks the role whose word stands closest to a colour mention in
// a clause that names several colours ("crimson buttons on a snow
// background").
func roleNear(clause string, all []palette.Mention, mt palette.Mention) colourRole {
	start, end := mt.Start+1, mt.End+1
	between := func(a, b int) bool {
		for _, o := range all {
			if o != mt && o.Start+1 >= a && o.End+1 <= b {
				return true
			}
		}
		return false
	}
	best, bestDist := roleNone, 1<<30
	for _, rw := range []struct {
		words []string
		role  colourRole
	}{{backgroundWords, roleBackground}, {accentWords, roleAccent}, {componentWords, rolePrimary}} {
		for _, w := range rw.words {
			for i := 0; ; {
				j := strings.Index(clause[i:], w)
				if j < 0 {
					break
				}
				pos := i + j
				d := pos - end
				if pos < start {
					d = start - (pos + len(w)) + 3
				}
				blocked := pos >= end && between(end, pos) || pos < start && between(pos, start)
				if d >= 0 && d < bestDist && !blocked {
					best, bestDist = rw.role, d
				}
				i = pos + len(w)
			}
		}
	}
	return best
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func roleOf(clause string, mentions int) colourRole {
	switch {
	case containsAny(clause, backgroundWords):
		return roleBackground
	case containsAny(clause, accentWords):
		return roleAccent
	case containsAny(clause, componentWords):
		return rolePrimary
	case containsAny(clause, textWords) && mentions == 1:
		return roleText
	}
	return roleNone
}

// domainPrimaries choose a default primary colour that suits the subject.
var domainPrimaries = []struct {
	words []string
	hex   string
	name  string
}{
	{[]string{"restaurant", "recipe", "food", "bakery", "cafe", "kitchen", "menu", "dish", "cook", "bar"}, "#c2410c", "warm orange"},
	{[]string{"plant", "garden", "nature", "farm", "agricultur", "eco", "environment", "recycl", "camping"}, "#15803d", "leaf green"},
	{[]string{"health", "medical", "clinic", "hospital", "fitness", "workout", "wellness", "doctor", "patient"}, "#0f766e", "teal"},
	{[]string{"expense", "budget", "finance", "invoice", "bank", "donation", "crm", "sales", "deal", "stock", "insurance"}, "#1d4ed8", "trustworthy blue"},
	{[]string{"course", "learn", "school", "student", "quiz", "grade", "study", "teacher", "vocabulary"}, "#7c3aed", "violet"},
	{[]string{"travel", "hotel", "trip", "flight", "booking", "rental", "apartment"}, "#0369a1", "sky blue"},
	{[]string{"game", "kids", "children", "fun", "party", "trivia"}, "#db2777", "playful pink"},
}

// buildTheme turns named colours, logo colours and dark-mode wishes into
// the app's theme. Named background and component colours are kept exactly.
func (m *model) buildTheme(logo []string) prd.Theme {
	named := m.readColours()
	req := palette.Request{}
	var names []string
	for _, c := range named {
		names = append(names, c.name)
		switch c.role {
		case roleBackground:
			if req.Background == "" {
				req.Background = c.hex
			}
		case rolePrimary:
			if req.Primary == "" {
				req.Primary = c.hex
			}
		case roleAccent:
			if req.Accent == "" {
				req.Accent = c.hex
			}
		}
	}
	for _, c := range named {
		if c.role != roleNone {
			continue
		}
		switch {
		case req.Background == "" && palette.MustParse(c.hex).Luminance() > 0.8 && len(named) > 1:
			req.Background = c.hex
		case req.Primary == "":
			req.Primary = c.hex
		case req.Accent == "" && c.hex != req.Primary:
			req.Accent = c.hex
		}
	}
	low := strings.ToLower(m.d.raw)
	darkToggle := containsAny(low, []string{"support dark mode", "dark mode toggle", "dark-mode toggle", "toggle dark", "light and dark", "light/dark", "dark and light", "dark/light", "switch to dark", "dark mode option", "optional dark", "toggle between light", "theme toggle", "theme switch", "dark mode support", "dunkelmodus", "mode sombre", "modo oscuro", "modo escuro", "深色模式", "暗色模式", "ダークモード"})
	darkOnly := !darkToggle && containsAny(low, []string{"dark theme", "dark mode", "dark-themed", "dark ui", "dark background", "dark look", "dark design", "night mode", "dunkles design", "thème sombre", "tema oscuro", "tema escuro", "暗色主题", "ダークテーマ"})
	req.Dark = darkOnly
	source := "default"
	switch {
	case len(named) > 0:
		source = "prompt"
		if req.Primary == "" && len(logo) > 0 {
			l := palette.FromLogo(logo)
			req.Primary, req.Accent = l.Primary, or(req.Accent, l.Accent)
			m.assume("The primary colour comes from the logo; the prompt named only the background.")
		}
	case len(logo) > 0 && palette.FromLogo(logo).Primary != "":
		l := palette.FromLogo(logo)
		req.Primary, req.Accent = l.Primary, l.Accent
		source = "logo"
		m.assume("Theme colours come from the uploaded logo (primary %s).", l.Primary)
	default:
		hex, name := palette.DefaultPrimary, "indigo"
		for _, d := range domainPrimaries {
			if containsAny(low, d.words) {
				hex, name = d.hex, d.name
				break
			}
		}
		if !darkOnly {
			req.Primary = hex
		}
		m.assume("No colours were named, so the theme is a %s primary on a light background.", name)
	}
	if req.Background == "" && req.Primary != "" && source == "prompt" {
		m.assume("The background is a faint tint of the primary colour; text colours are chosen for WCAG AA contrast.")
	}
	th := palette.Build(req)
	mode := "light"
	switch {
	case darkToggle:
		mode = "system"
	case th.Dark:
		mode = "dark"
	}
	if darkToggle || darkOnly {
		m.addFeature(prd.Feature{Kind: prd.FeatureDarkMode, Label: "Dark mode"})
	}
	if darkToggle {
		m.assume("Dark mode follows the system setting and can be switched with a toggle.")
	}
	return prd.Theme{
		Primary:    th.Primary,
		Accent:     th.Accent,
		Background: th.Background,
		Surface:    th.Surface,
		Text:       th.Text,
		Mode:       mode,
		DarkToggle: darkToggle,
		Source:     source,
		Names:      names,
	}
}

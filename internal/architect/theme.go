package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/palette"
	"github.com/nexusgen/nexusgen/internal/prd"
)

// colourContext are words that make a colour name in a sentence about the
// app's look rather than about something else ("gold" as a game resource).
var colourContext = []string{"color", "colour", "theme", "palette", "scheme", "background", "component",
	"element", " ui", "interface", "button", "control", "cards", "layout", "canvas", "accent",
	"primary", "header", "style", "styling", "tone", "shade", "hue", "brand", "#", "farbe", "farben",
	"couleur", "colores", "cores", "颜色", "色"}

var backgroundWords = []string{"background", "backdrop", "base color", "base colour", "canvas", "layout", "body", "page color", "page colour", "surface", "hintergrund", "fond", "fondo", "fundo", "背景"}
var componentWords = []string{"component", "element", " ui", "interface", "control", "button", "card", "block", "piece", "visual", "highlight", "primary", "main color", "main colour", "header", "nav", "link", "brand", "detail", "styling", "komponent", "composant", "componente", "组件", "按钮"}
var accentWords = []string{"accent", "secondary"}
var textWords = []string{"text", "font"}

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
		for _, clause := range colourClauses(s.text) {
			mentions := palette.Scan(clause)
			cl := " " + strings.ToLower(clause) + " "
			for _, mt := range mentions {
				if skipMention(cl, mt) {
					continue
				}
				out = append(out, namedColour{name: mt.Name, hex: mt.Hex, role: roleOf(cl, len(mentions))})
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
	for _, sep := range []string{";", ",", " and ", " with ", " then ", " while ", " und ", " et ", " y ", " e ", "，", "、", "和"} {
		var next []string
		for _, part := range strings.Split(cur, sep) {
			next = append(next, part)
		}
		cur = strings.Join(next, "\x00")
	}
	for _, p := range strings.Split(cur, "\x00") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
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

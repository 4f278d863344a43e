package palette

// Theme is a set of app colours as #rrggbb values. Background and Primary are
// what the user sees most; Text reads on Background and Surface, OnPrimary
// reads on Primary (buttons, badges).
type Theme struct {
	Primary    string
	Accent     string
	Background string
	Surface    string
	Text       string
	OnPrimary  string
	Dark       bool
}

// Request says which colours the user asked for; empty fields are chosen.
type Request struct {
	// Background and Primary are kept exactly when set.
	Background string
	Primary    string
	Accent     string
	// Dark asks for a dark theme when no background is given.
	Dark bool
}

// Default colours: a calm indigo on white, and its dark counterpart.
const (
	DefaultPrimary        = "#4f46e5"
	DefaultBackground     = "#ffffff"
	DefaultDarkBackground = "#0f172a"
)

// MinTextContrast is the WCAG AA ratio for body text.
const MinTextContrast = 4.5

// Default is the tasteful palette used when nothing is asked for.
func Default() Theme { return Build(Request{}) }

// Build makes an accessible theme around the requested colours. Requested
// colours are kept exactly (invalid ones are ignored); text colours are
// chosen to reach MinTextContrast on what they sit on.
func Build(r Request) Theme {
	bg, hasBG := parseOr(r.Background)
	primary, hasPrimary := parseOr(r.Primary)
	switch {
	case !hasBG && r.Dark:
		bg = MustParse(DefaultDarkBackground)
		if hasPrimary {
			bg = Mix(bg, primary, 0.06)
		}
	case !hasBG && hasPrimary:
		bg = Mix(White, primary, 0.03)
	case !hasBG:
		bg = White
	}
	if !hasPrimary {
		primary = MustParse(DefaultPrimary)
		if bg.IsDark() {
			primary = MustParse("#818cf8")
		}
		primary = ensureVisible(primary, bg)
	}
	accent, hasAccent := parseOr(r.Accent)
	if !hasAccent {
		accent = deriveAccent(primary, bg)
	}
	text := textOn(bg)
	return Theme{
		Primary:    primary.Hex(),
		Accent:     accent.Hex(),
		Background: bg.Hex(),
		Surface:    deriveSurface(bg, primary, text).Hex(),
		Text:       text.Hex(),
		OnPrimary:  OnColour(primary),
		Dark:       !text.IsDark(),
	}
}

func parseOr(s string) (RGB, bool) {
	if s == "" {
		return RGB{}, false
	}
	c, err := Parse(s)
	return c, err == nil
}

// OnColour is the readable text colour on bg: white or near-black, whichever
// contrasts more, with at least 4.5:1 either way (pure black when neither
// white nor near-black reaches it).
func OnColour(bg RGB) string {
	w, n := Contrast(bg, White), Contrast(bg, NearBlack)
	switch {
	case w >= n && w >= MinTextContrast:
		return White.Hex()
	case n >= MinTextContrast:
		return NearBlack.Hex()
	case w >= MinTextContrast:
		return White.Hex()
	}
	return Black.Hex()
}

// textOn picks body text for bg: a soft dark grey or off-white when it
// reaches 7:1, otherwise the most readable of the stronger candidates.
func textOn(bg RGB) RGB {
	candidates := []RGB{MustParse("#1f2937"), NearBlack, Black}
	if bg.IsDark() {
		candidates = []RGB{MustParse("#e5e7eb"), MustParse("#f3f4f6"), White}
	}
	for _, c := range candidates {
		if Contrast(c, bg) >= 7 {
			return c
		}
	}
	return MustParse(OnColour(bg))
}

// deriveSurface is the colour of cards and panels: a shade apart from the
// background, tinted by the primary colour, and still readable with text.
func deriveSurface(bg, primary, text RGB) RGB {
	var target RGB
	var amounts []float64
	switch {
	case bg.IsDark():
		target, amounts = Mix(White, primary, 0.1), []float64{0.07, 0.05, 0.03}
	case bg.Luminance() > 0.95:
		target, amounts = Mix(Black, primary, 0.5), []float64{0.03, 0.02}
	default:
		target, amounts = White, []float64{0.55, 0.4, 0.25, 0.1}
	}
	for _, t := range amounts {
		s := Mix(bg, target, t)
		if Contrast(s, text) >= MinTextContrast {
			return s
		}
	}
	if text.IsDark() {
		return Lighten(bg, 0.04)
	}
	return Darken(bg, 0.06)
}

// deriveAccent turns the primary hue a little and keeps it visible on bg.
func deriveAccent(primary, bg RGB) RGB {
	h, s, l := primary.HSL()
	if s < 0.12 {
		return ensureVisible(MustParse("#0ea5e9"), bg)
	}
	return ensureVisible(FromHSL(h+35, s, l), bg)
}

// ensureVisible lightens or darkens c until it reaches 3:1 against bg, the
// WCAG ratio for large text and interface components.
func ensureVisible(c, bg RGB) RGB {
	for i := 0; i < 20 && Contrast(c, bg) < 3; i++ {
		if bg.IsDark() {
			c = Lighten(c, 0.1)
		} else {
			c = Darken(c, 0.1)
		}
	}
	return c
}

// DarkVariant is the theme for dark mode: the same primary hue on a dark
// background, lightened where it would not stand out.
func (t Theme) DarkVariant() Theme {
	if t.Dark {
		return t
	}
	primary, err := Parse(t.Primary)
	if err != nil {
		primary = MustParse(DefaultPrimary)
	}
	bg := Mix(MustParse(DefaultDarkBackground), primary, 0.06)
	p := ensureVisible(primary, bg)
	accent, err := Parse(t.Accent)
	if err != nil {
		accent = deriveAccent(p, bg)
	}
	text := textOn(bg)
	return Theme{
		Primary:    p.Hex(),
		Accent:     ensureVisible(accent, bg).Hex(),
		Background: bg.Hex(),
		Surface:    deriveSurface(bg, p, text).Hex(),
		Text:       text.Hex(),
		OnPrimary:  OnColour(p),
		Dark:       true,
	}
}

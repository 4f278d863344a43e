package render

import (
	"github.com/nexusgen/nexusgen/internal/palette"
	"github.com/nexusgen/nexusgen/internal/prd"
)

// themeView holds the CSS custom properties of the app, light and dark.
// Requested colours are kept exactly; the colours derived from them (text
// on each surface, muted text, borders, link ink) are chosen for WCAG AA
// contrast.
type themeView struct {
	Light, Dark colours
	Mode        string // light | dark | system
	Toggle      bool
}

type colours struct {
	Background, Foreground, Surface, Muted, Border string
	Primary, OnPrimary, PrimaryInk, Accent, Danger string
	Scheme                                         string
}

func newThemeView(t prd.Theme) themeView {
	light := derive(t.Background, t.Surface, t.Text, t.Primary, t.Accent)
	dark := derive("#0b1120", "#111a2e", "#e5e7eb", t.Primary, t.Accent)
	if t.Mode == "dark" {
		// The requested colours are the dark ones; light is a quiet default.
		dark = light
		light = derive("#f8fafc", "#ffffff", "#0f172a", t.Primary, t.Accent)
	}
	return themeView{Light: light, Dark: dark, Mode: t.Mode, Toggle: t.DarkToggle}
}

func derive(bg, surface, text, primary, accent string) colours {
	dark := luminance(bg) < 0.2
	if !dark && luminance(surface) < luminance(bg) {
		// Cards read as raised when they are lighter than the page.
		surface = mix("#ffffff", bg, 0.85)
	}
	p := colours{Background: bg, Surface: surface, Primary: primary, Accent: accent}
	p.Scheme = "light"
	if dark {
		p.Scheme = "dark"
	}
	p.Foreground = text
	if contrast(text, bg) < 7 || contrast(text, surface) < 4.5 {
		p.Foreground = pick(bg, "#0f172a", "#f1f5f9")
	}
	// Muted text: as far toward the background as AA allows on both surfaces.
	p.Muted = p.Foreground
	for _, w := range []float64{0.55, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2} {
		m := mix(p.Foreground, bg, w)
		if contrast(m, bg) >= 4.6 && contrast(m, surface) >= 4.6 {
			p.Muted = m
			break
		}
	}
	p.Border = mix(p.Foreground, surface, 0.16)
	p.OnPrimary = palette.OnColour(colour(primary))
	// Links and accents drawn in the primary colour on the background.
	p.PrimaryInk = primary
	for w := 0.1; contrast(p.PrimaryInk, bg) < 4.6 || contrast(p.PrimaryInk, surface) < 4.6; w += 0.1 {
		if w > 1 {
			p.PrimaryInk = p.Foreground
			break
		}
		p.PrimaryInk = mix(p.Foreground, primary, w)
	}
	p.Danger = "#b91c1c"
	if dark {
		p.Danger = "#fca5a5"
	}
	if contrast(p.Danger, surface) < 4.6 {
		p.Danger = mix(p.Foreground, "#dc2626", 0.4)
	}
	return p
}

// pick returns whichever of a and b contrasts more with bg.
func pick(bg, a, b string) string {
	if contrast(a, bg) >= contrast(b, bg) {
		return a
	}
	return b
}

func colour(hex string) palette.RGB {
	c, err := palette.Parse(hex)
	if err != nil {
		return palette.Black
	}
	return c
}

func luminance(hex string) float64 { return colour(hex).Luminance() }

func contrast(a, b string) float64 { return palette.Contrast(colour(a), colour(b)) }

// mix blends w of a into b.
func mix(a, b string, w float64) string { return palette.Mix(colour(b), colour(a), w).Hex() }

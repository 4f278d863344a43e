package palette

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is an sRGB colour with 8 bits per channel.
type RGB struct{ R, G, B uint8 }

// Common colours.
var (
	White     = RGB{255, 255, 255}
	Black     = RGB{0, 0, 0}
	NearBlack = RGB{0x11, 0x18, 0x27}
)

// ErrNotColour is returned by Parse for text that names no colour.
var ErrNotColour = errors.New("not a colour")

// Parse reads "#rgb", "#rrggbb", "rrggbb", "rgb(r, g, b)" or a colour name
// ("dark olive green", "navy", "azure mist").
func Parse(s string) (RGB, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(t, "rgb(") && strings.HasSuffix(t, ")"):
		return parseFunc(t[4 : len(t)-1])
	case strings.HasPrefix(t, "#"):
		return parseHex(t[1:])
	}
	if c, err := parseHex(t); err == nil && len(t) == 6 {
		return c, nil
	}
	if hex, ok := Lookup(t); ok {
		return parseHex(hex[1:])
	}
	return RGB{}, fmt.Errorf("%w: %q", ErrNotColour, s)
}

// MustParse is Parse for colours known to be valid; it panics otherwise.
func MustParse(s string) RGB {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

func parseHex(h string) (RGB, error) {
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return RGB{}, fmt.Errorf("%w: %q has %d hex digits", ErrNotColour, h, len(h))
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("%w: %q", ErrNotColour, h)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

func parseFunc(args string) (RGB, error) {
	parts := strings.Split(args, ",")
	if len(parts) != 3 {
		return RGB{}, fmt.Errorf("%w: rgb() needs three values", ErrNotColour)
	}
	var ch [3]uint8
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 || n > 255 {
			return RGB{}, fmt.Errorf("%w: rgb() value %q", ErrNotColour, p)
		}
		ch[i] = uint8(n)
	}
	return RGB{ch[0], ch[1], ch[2]}, nil
}

// Hex is the colour as "#rrggbb".
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func (c RGB) String() string { return c.Hex() }

// Luminance is the WCAG relative luminance, 0 for black and 1 for white.
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// IsDark reports whether text on c should be light (see OnColour).
func (c RGB) IsDark() bool { return OnColour(c) == White.Hex() }

// Contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Mix blends a towards b by t (0 keeps a, 1 gives b).
func Mix(a, b RGB, t float64) RGB {
	t = clamp01(t)
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return RGB{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B)}
}

// Lighten moves c towards white by t.
func Lighten(c RGB, t float64) RGB { return Mix(c, White, t) }

// Darken moves c towards black by t.
func Darken(c RGB, t float64) RGB { return Mix(c, Black, t) }

func clamp01(t float64) float64 { return math.Max(0, math.Min(1, t)) }

// HSL returns hue (0-360), saturation and lightness (0-1).
func (c RGB) HSL() (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	d := mx - mn
	if d == 0 {
		return 0, 0, l
	}
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h * 60, s, l
}

// FromHSL builds a colour from hue (degrees), saturation and lightness (0-1).
func FromHSL(h, s, l float64) RGB {
	h = math.Mod(math.Mod(h, 360)+360, 360) / 360
	s, l = clamp01(s), clamp01(l)
	if s == 0 {
		v := uint8(math.Round(l * 255))
		return RGB{v, v, v}
	}
	var q float64
	if l < 0.5 {
		q = l * (1 + s)
	} else {
		q = l + s - l*s
	}
	p := 2*l - q
	ch := func(t float64) uint8 {
		t = math.Mod(t+1, 1)
		var v float64
		switch {
		case t < 1.0/6:
			v = p + (q-p)*6*t
		case t < 0.5:
			v = q
		case t < 2.0/3:
			v = p + (q-p)*(2.0/3-t)*6
		default:
			v = p
		}
		return uint8(math.Round(v * 255))
	}
	return RGB{ch(h + 1.0/3), ch(h), ch(h - 1.0/3)}
}

// Saturation is the HSL saturation of c, 0 for greys.
func (c RGB) Saturation() float64 {
	_, s, _ := c.HSL()
	return s
}

// Rotate turns the hue of c by deg degrees.
func Rotate(c RGB, deg float64) RGB {
	h, s, l := c.HSL()
	return FromHSL(h+deg, s, l)
}

func saturate(c RGB, t float64) RGB {
	h, s, l := c.HSL()
	return FromHSL(h, s+(1-s)*t, l)
}

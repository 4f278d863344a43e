package palette

import "math"

// FromLogo turns colours extracted from a logo (dominant first) into a theme
// request: the first vivid colour becomes primary, the next clearly different
// hue the accent. Near-white, near-black and grey colours are passed over
// unless the logo has nothing else.
func FromLogo(colours []string) Request {
	var parsed []RGB
	for _, s := range colours {
		if c, err := Parse(s); err == nil {
			parsed = append(parsed, c)
		}
	}
	var r Request
	var primary RGB
	for _, c := range parsed {
		if vivid(c) {
			primary, r.Primary = c, c.Hex()
			break
		}
	}
	if r.Primary == "" {
		for _, c := range parsed {
			if l := c.Luminance(); l > 0.02 && l < 0.85 {
				primary, r.Primary = c, c.Hex()
				break
			}
		}
	}
	if r.Primary == "" {
		return r
	}
	ph, _, _ := primary.HSL()
	for _, c := range parsed {
		h, _, _ := c.HSL()
		if vivid(c) && c != primary && hueDistance(h, ph) > 25 {
			r.Accent = c.Hex()
			break
		}
	}
	return r
}

func vivid(c RGB) bool {
	_, s, l := c.HSL()
	return s >= 0.25 && l > 0.12 && l < 0.9
}

func hueDistance(a, b float64) float64 {
	d := math.Abs(a - b)
	return math.Min(d, 360-d)
}

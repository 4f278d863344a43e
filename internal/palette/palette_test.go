package palette

import (
	"math"
	"strings"
	"testing"
)

func TestCSSNamesComplete(t *testing.T) {
	if n := len(cssColours); n != 148 {
		t.Fatalf("%d CSS colours, want 148", n)
	}
	for name, hex := range cssColours {
		if got, ok := Lookup(name); !ok || got != hex {
			t.Errorf("Lookup(%q) = %q, %v; want %q", name, got, ok, hex)
		}
		if _, err := Parse(hex); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestLookup(t *testing.T) {
	cases := []struct{ name, want string }{
		{"dark olive green", "#556b2f"},
		{"Dark Olive Green", "#556b2f"},
		{"dark-olive-green", "#556b2f"},
		{"alice blue", "#f0f8ff"},
		{"medium violet red", "#c71585"},
		{"light gray", "#d3d3d3"},
		{"light grey", "#d3d3d3"},
		{"slate grey", "#708090"},
		{"dim gray", "#696969"},
		{"navy", "#000080"},
		{"navy blue", "#000080"},
		{"forest green", "#228b22"},
		{"orange", "#ffa500"},
		{"dark brown", "#5c4033"},
		{"light goldenrod", "#fafad2"},
		{"honeydew", "#f0fff0"},
		{"white smoke", "#f5f5f5"},
		{"whitesmoke", "#f5f5f5"},
		{"papaya whip", "#ffefd5"},
		{"peach puff", "#ffdab9"},
		{"lemon chiffon", "#fffacd"},
		{"old lace", "#fdf5e6"},
		{"rebecca purple", "#663399"},
		{"burgundy", "#800020"},
		{"off-white", "#faf9f6"},
		{"green color", "#008000"},
		{"#1E40AF", "#1e40af"},
		{"#abc", "#aabbcc"},
	}
	for _, c := range cases {
		got, ok := Lookup(c.name)
		if !ok || got != c.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}

func TestLookupCompounds(t *testing.T) {
	cases := []struct {
		name string
		near string // the base the compound must stay close to
		dir  int    // +1 lighter, -1 darker, 0 either
	}{
		{"azure mist", "azure", 0},
		{"pale orange", "orange", +1},
		{"light orange", "orange", +1},
		{"deep teal", "teal", -1},
		{"dark gold", "gold", -1},
		{"soft lavender", "lavender", +1},
		{"muted red", "red", 0},
		{"sky blue haze", "skyblue", 0},
	}
	for _, c := range cases {
		got, ok := Lookup(c.name)
		if !ok {
			t.Errorf("Lookup(%q) found nothing", c.name)
			continue
		}
		base := MustParse(c.near)
		g := MustParse(got)
		switch {
		case c.dir > 0 && g.Luminance() <= base.Luminance():
			t.Errorf("%q = %s is not lighter than %s", c.name, got, base)
		case c.dir < 0 && g.Luminance() >= base.Luminance():
			t.Errorf("%q = %s is not darker than %s", c.name, got, base)
		}
	}
}

func TestLookupRejects(t *testing.T) {
	for _, s := range []string{"", "dark", "light", "mode", "dark mode", "dark theme", "light mode", "component", "azure mist blue green red", "#12", "#gggggg", "blueish", "colour"} {
		if got, ok := Lookup(s); ok {
			t.Errorf("Lookup(%q) = %q, want no colour", s, got)
		}
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want RGB
		err  bool
	}{
		{"#ffffff", White, false},
		{"#FFF", White, false},
		{"000000", Black, false},
		{"rgb(255, 0, 0)", RGB{255, 0, 0}, false},
		{" navy ", RGB{0, 0, 128}, false},
		{"dark olive green", RGB{0x55, 0x6b, 0x2f}, false},
		{"rgb(256,0,0)", RGB{}, true},
		{"rgb(1,2)", RGB{}, true},
		{"#12345", RGB{}, true},
		{"not a colour", RGB{}, true},
		{"", RGB{}, true},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if (err != nil) != c.err || got != c.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, err %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestContrast(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"#ffffff", "#000000", 21},
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#777777", "#ffffff", 4.48},
		{"#767676", "#ffffff", 4.54},
		{"#000080", "#ffffff", 16.0},
		{"#0000ff", "#ffffff", 8.59},
	}
	for _, c := range cases {
		got := Contrast(MustParse(c.a), MustParse(c.b))
		if math.Abs(got-c.want) > 0.02 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

func TestLuminance(t *testing.T) {
	if l := White.Luminance(); math.Abs(l-1) > 1e-9 {
		t.Errorf("white luminance %v", l)
	}
	if l := Black.Luminance(); l != 0 {
		t.Errorf("black luminance %v", l)
	}
}

func TestOnColourReadableOnEveryNamedColour(t *testing.T) {
	for _, name := range Names() {
		bg := MustParse(name)
		fg := MustParse(OnColour(bg))
		if c := Contrast(bg, fg); c < MinTextContrast {
			t.Errorf("text %s on %s (%s): contrast %.2f", fg, name, bg, c)
		}
	}
	if got := OnColour(MustParse("navy")); got != "#ffffff" {
		t.Errorf("on navy: %s", got)
	}
	if got := OnColour(MustParse("ivory")); got != NearBlack.Hex() {
		t.Errorf("on ivory: %s", got)
	}
}

func TestMixLightenDarken(t *testing.T) {
	if got := Mix(Black, White, 0.5); got != (RGB{128, 128, 128}) {
		t.Errorf("Mix = %v", got)
	}
	if got := Mix(Black, White, 2); got != White {
		t.Errorf("Mix clamps: %v", got)
	}
	if got := Lighten(MustParse("navy"), 1); got != White {
		t.Errorf("Lighten 1 = %v", got)
	}
	if got := Darken(MustParse("navy"), 0); got != MustParse("navy") {
		t.Errorf("Darken 0 = %v", got)
	}
}

func TestHSLRoundTrip(t *testing.T) {
	for _, name := range Names() {
		c := MustParse(name)
		h, s, l := c.HSL()
		back := FromHSL(h, s, l)
		d := func(a, b uint8) int {
			if a > b {
				return int(a - b)
			}
			return int(b - a)
		}
		if d(back.R, c.R) > 1 || d(back.G, c.G) > 1 || d(back.B, c.B) > 1 {
			t.Errorf("%s: %v -> %v", name, c, back)
		}
	}
}

func TestBuildKeepsRequestedColours(t *testing.T) {
	for _, bgName := range Names() {
		for _, pName := range []string{"navy", "teal", "dark olive green", "gold", "white", "black", "crimson"} {
			bg, _ := Lookup(bgName)
			p, _ := Lookup(pName)
			th := Build(Request{Background: bg, Primary: p})
			if th.Background != bg || th.Primary != p {
				t.Fatalf("Build(%s, %s) changed colours: %+v", bgName, pName, th)
			}
			checkReadable(t, bgName+"/"+pName, th)
		}
	}
}

func checkReadable(t *testing.T, label string, th Theme) {
	t.Helper()
	text := MustParse(th.Text)
	for _, on := range []string{th.Background, th.Surface} {
		if c := Contrast(text, MustParse(on)); c < MinTextContrast {
			t.Errorf("%s: text %s on %s contrast %.2f", label, th.Text, on, c)
		}
	}
	if c := Contrast(MustParse(th.OnPrimary), MustParse(th.Primary)); c < MinTextContrast {
		t.Errorf("%s: on-primary %s on %s contrast %.2f", label, th.OnPrimary, th.Primary, c)
	}
	for _, hex := range []string{th.Primary, th.Accent, th.Background, th.Surface, th.Text, th.OnPrimary} {
		if len(hex) != 7 || hex[0] != '#' || strings.ToLower(hex) != hex {
			t.Errorf("%s: %q is not #rrggbb", label, hex)
		}
	}
}

func TestBuildDefaults(t *testing.T) {
	d := Default()
	if d.Primary != DefaultPrimary || d.Background != DefaultBackground || d.Dark {
		t.Errorf("Default() = %+v", d)
	}
	checkReadable(t, "default", d)
	dark := Build(Request{Dark: true})
	if !dark.Dark || !MustParse(dark.Background).IsDark() {
		t.Errorf("dark = %+v", dark)
	}
	checkReadable(t, "dark", dark)
	if c := Contrast(MustParse(dark.Primary), MustParse(dark.Background)); c < 3 {
		t.Errorf("dark primary contrast %.2f", c)
	}
	green := Build(Request{Primary: "#008000"})
	if green.Primary != "#008000" || MustParse(green.Background).Luminance() < 0.9 {
		t.Errorf("green = %+v", green)
	}
	checkReadable(t, "green", green)
	navyBG := Build(Request{Background: "#000080"})
	if !navyBG.Dark || MustParse(navyBG.Text).Luminance() < 0.5 {
		t.Errorf("navy background = %+v", navyBG)
	}
	checkReadable(t, "navy bg", navyBG)
	if Build(Request{Primary: "nonsense"}).Primary != DefaultPrimary {
		t.Error("invalid request colour not ignored")
	}
}

func TestDarkVariant(t *testing.T) {
	for _, p := range []string{"#4f46e5", "#000080", "#008000", "#ffd700", "#000000", "#ffffff"} {
		light := Build(Request{Primary: p})
		dark := light.DarkVariant()
		if !dark.Dark {
			t.Errorf("%s: variant not dark", p)
		}
		checkReadableDark(t, p, dark)
		if dark.DarkVariant() != dark {
			t.Errorf("%s: variant of a dark theme changed", p)
		}
	}
}

func checkReadableDark(t *testing.T, label string, th Theme) {
	t.Helper()
	checkReadable(t, label, th)
	if c := Contrast(MustParse(th.Primary), MustParse(th.Background)); c < 3 {
		t.Errorf("%s: primary %s on %s contrast %.2f", label, th.Primary, th.Background, c)
	}
}

func TestScan(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Set the background color to white and the component color to navy.", []string{"white", "navy"}},
		{"Configure the background color to honeydew, with components using dark olive green.", []string{"honeydew", "dark olive green"}},
		{"Set page background to light pink; color all components with medium violet red.", []string{"light pink", "medium violet red"}},
		{"Set the background to azure mist, and apply dark slate blue to components.", []string{"azure mist", "dark slate blue"}},
		{"Assign light goldenrod to body backgrounds and olive drab to main components.", []string{"light goldenrod", "olive drab"}},
		{"Use a green color theme.", []string{"green"}},
		{"an orange and dark brown palette", []string{"orange", "dark brown"}},
		{"brand colour #1E40AF on off-white", []string{"#1E40AF", "off-white"}},
		{"Support dark mode and a light theme.", nil},
		{"Define the background as ghost white and components as slate gray.", []string{"ghost white", "slate gray"}},
	}
	for _, c := range cases {
		var got []string
		for _, m := range Scan(c.text) {
			got = append(got, m.Text)
			if c.text[m.Start:m.End] != m.Text {
				t.Errorf("offsets of %q wrong", m.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Scan(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestFromLogo(t *testing.T) {
	cases := []struct {
		in           []string
		primary, acc string
	}{
		{[]string{"#ffffff", "#1e40af", "#f59e0b"}, "#1e40af", "#f59e0b"},
		{[]string{"#000000", "#fefefe"}, "", ""},
		{[]string{"#333333", "#ffffff"}, "#333333", ""},
		{[]string{"bad", "#e11d48", "#e11d49"}, "#e11d48", ""},
		{nil, "", ""},
	}
	for _, c := range cases {
		r := FromLogo(c.in)
		if r.Primary != c.primary || r.Accent != c.acc {
			t.Errorf("FromLogo(%v) = %+v, want %s/%s", c.in, r, c.primary, c.acc)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"#fff", "navy", "rgb(1,2,3)", "dark olive green", "azure mist"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err == nil {
			if _, err := Parse(c.Hex()); err != nil {
				t.Fatalf("round trip %q: %v", s, err)
			}
		}
		for _, m := range Scan(s) {
			if s[m.Start:m.End] != m.Text {
				t.Fatalf("bad offsets for %q", s)
			}
		}
	})
}

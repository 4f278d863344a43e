package architect

import (
	"testing"

	"github.com/nexusgen/nexusgen/internal/palette"
)

func TestTheme(t *testing.T) {
	t.Parallel()
	cases := []struct {
		prompt           string
		background, prim string // colour names, "" when not named
		mode             string
		source           string
	}{
		{"A notes app. Set the background color to white and the component color to navy.", "white", "navy", "light", "prompt"},
		{"A blog. Use ivory for the background and forest green for components.", "ivory", "forest green", "light", "prompt"},
		{"A shop. Set the background color to honeydew and the component color to dark olive green.", "honeydew", "dark olive green", "light", "prompt"},
		{"A CRM. Set page background to light pink; color all components with medium violet red.", "light pink", "medium violet red", "light", "prompt"},
		{"A forum. Choose ghost white for global background and slate gray for all components.", "ghost white", "slate gray", "light", "prompt"},
		{"Polls. Initialize the background color with light gray and component color with dark red.", "light gray", "dark red", "light", "prompt"},
		{"Apply light goldenrod for layout; use olive drab for buttons and cards.", "light goldenrod", "olive drab", "light", "prompt"},
		{"Set the background to azure mist, and apply dark slate blue to components.", "azure mist", "dark slate blue", "light", "prompt"},
		{"Use a green color theme.", "", "green", "light", "prompt"},
		{"An app with background white, components navy.", "white", "navy", "light", "prompt"},
		{"A recipe site with an orange and dark brown palette.", "", "orange", "light", "prompt"},
		{"Buttons should be crimson on a snow background.", "snow", "crimson", "light", "prompt"},
		{"Use a black background with gold accents and white buttons.", "black", "white", "dark", "prompt"},
		{"A todo app with a dark theme.", "", "", "dark", "default"},
		{"Notes app. Support dark mode.", "", "", "system", "default"},
		{"A game where players collect gold, iron and wood.", "", "", "light", "default"},
		{"A task app with the primary color #1e40af.", "", "#1e40af", "light", "prompt"},
	}
	for _, c := range cases {
		p := planFor(t, c.prompt)
		th := p.Theme
		if c.background != "" {
			if hex, _ := palette.Lookup(c.background); th.Background != hex {
				t.Errorf("%q: background %s, want %s (%s)", c.prompt, th.Background, hex, c.background)
			}
		}
		if c.prim != "" {
			if hex, _ := palette.Lookup(c.prim); th.Primary != hex {
				t.Errorf("%q: primary %s, want %s (%s)", c.prompt, th.Primary, hex, c.prim)
			}
		}
		if th.Mode != c.mode || th.Source != c.source {
			t.Errorf("%q: mode %s source %s, want %s %s", c.prompt, th.Mode, th.Source, c.mode, c.source)
		}
		for _, on := range []string{th.Background, th.Surface} {
			if r := palette.Contrast(palette.MustParse(th.Text), palette.MustParse(on)); r < palette.MinTextContrast {
				t.Errorf("%q: text %s on %s has contrast %.2f", c.prompt, th.Text, on, r)
			}
		}
	}
}

func TestThemeFromLogo(t *testing.T) {
	t.Parallel()
	p, err := Offline{}.Plan(t.Context(), Params{Prompt: "A bakery website with a menu of cakes.", Colours: []string{"#ffffff", "#b45309", "#1e3a8a"}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Theme.Primary != "#b45309" || p.Theme.Accent != "#1e3a8a" || p.Theme.Source != "logo" {
		t.Errorf("theme %+v", p.Theme)
	}
	named, err := Offline{}.Plan(t.Context(), Params{Prompt: "A bakery. Use navy components.", Colours: []string{"#b45309"}})
	if err != nil {
		t.Fatal(err)
	}
	if named.Theme.Primary != "#000080" || named.Theme.Source != "prompt" {
		t.Errorf("prompt colours should win over the logo: %+v", named.Theme)
	}
}

package browsercheck

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// Widths are the device widths screenshots are taken at: phone, tablet, desktop.
var Widths = []int{375, 768, 1440}

// Shot is one saved screenshot.
type Shot struct {
	Path  string `json:"path"`
	Route string `json:"route"`
	Width int    `json:"width"`
}

// Screenshots fills every entity with a few records (so lists are not
// empty), then captures every page of the main navigation at each width
// into dir as <route>-<width>.png.
func Screenshots(ctx context.Context, page *Page, base string, p *prd.PRD, dir string, widths []int) ([]Shot, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, e := range p.Entities {
		if len(e.Samples) > 0 {
			continue // the app ships sample records
		}
		for range 2 {
			if res := addRecord(ctx, page, base, p, e, rand.IntN(9000)+1000); !res.OK {
				return nil, fmt.Errorf("add a %s: %s: %s", e.Name, res.Step, res.Error)
			}
		}
	}
	routes := []string{"/"}
	for _, e := range p.Entities {
		routes = append(routes, e.Route())
	}
	for _, pg := range p.Pages {
		if pg.Kind != prd.PageList && pg.Kind != prd.PageDetail && pg.Kind != prd.PageHome {
			routes = append(routes, pg.Path)
		}
	}
	var shots []Shot
	for _, route := range routes {
		for _, w := range widths {
			png, err := page.Screenshot(ctx, base+route, w)
			if err != nil {
				return shots, fmt.Errorf("screenshot %s at %d: %w", route, w, err)
			}
			name := strings.Trim(strings.ReplaceAll(route, "/", "-"), "-")
			if name == "" {
				name = "home"
			}
			path := filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, w))
			if err := os.WriteFile(path, png, 0o644); err != nil {
				return shots, err
			}
			shots = append(shots, Shot{Path: path, Route: route, Width: w})
		}
	}
	return shots, nil
}

package render

import "strings"

// layout is where a target puts what the common templates render, and
// which target templates wrap them in routes.
type layout struct {
	// moves relocates common once-templates ("globals.css" → "app/globals.css").
	moves map[string]string
	// entity lists the target's per-entity templates and their outputs.
	entity func(e *entityView, detail bool) map[string]string
	// pageWrapper is the target template wrapping a page body in a route.
	pageWrapper string
	pagePath    func(pg pageView) string
}

var layouts = map[Target]layout{
	Next: {
		moves: map[string]string{"globals.css": "app/globals.css", "icon.svg": "app/icon.svg"},
		entity: func(e *entityView, detail bool) map[string]string {
			out := map[string]string{"page.tsx.tmpl": "app" + e.Route + "/page.tsx"}
			if detail {
				out["detail-page.tsx.tmpl"] = "app" + e.Route + "/[id]/page.tsx"
			}
			return out
		},
		pageWrapper: "pages/page.tsx.tmpl",
		pagePath:    func(pg pageView) string { return "app/" + pg.Dir + "/page.tsx" },
	},
	Vite: {
		moves:  map[string]string{"globals.css": "src/index.css", "icon.svg": "public/icon.svg"},
		entity: func(*entityView, bool) map[string]string { return nil },
	},
}

// File is the page body's file name (without extension) under components/.
func (d pageData) File() string { return strings.ReplaceAll(d.Page.Dir, "/", "-") + "-page" }

// DetailPages reports whether an entity has a page per record.
func (v *appView) DetailPages(e *entityView) bool { return v.detailPages(e) }

// PageComponent names a page body's component.
func (v *appView) PageComponent(pg pageView) string { return pageData{App: v, Page: pg}.Component() }

// PageFile is a page body's file under components/.
func (v *appView) PageFile(pg pageView) string { return pageData{App: v, Page: pg}.File() }

// RouteRegex is the entity route escaped for a JavaScript regular expression.
func (ev *entityView) RouteRegex() string { return strings.ReplaceAll(ev.Route, "/", `\/`) }

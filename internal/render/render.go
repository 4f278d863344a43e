// Package render is the offline coder: it turns a PRD into a complete,
// buildable project from typed templates — no model involved. Its output is
// the known-good scaffold that model coders start from, so it follows the
// generated-app contract exactly: a route per entity linked from the main
// nav, labelled form fields, an "Add …" button, a list with Edit and Delete,
// validation, browser persistence, metadata, theme, accessible markup.
package render

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// Target is the kind of project rendered.
type Target string

// The targets.
const (
	Next Target = "next"
	Vite Target = "vite"
)

// File is one rendered file, its path relative to the project root.
type File struct {
	Path string
	Data []byte
}

// Options tune rendering.
type Options struct {
	Target Target
	// Now dates the output (the footer year); zero means time.Now.
	Now time.Time
}

//go:embed templates
var templates embed.FS

// Render renders the whole project for a validated PRD. The result is sorted
// by path and deterministic for a given PRD and options.
func Render(p *prd.PRD, opts Options) ([]File, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if opts.Target == "" {
		opts.Target = Next
	}
	lay, ok := layouts[opts.Target]
	if !ok {
		return nil, fmt.Errorf("render: unknown target %q (want next or vite)", opts.Target)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	app, err := newAppView(p, opts.Now.Year())
	if err != nil {
		return nil, err
	}
	app.Target = opts.Target
	r := &renderer{target: "templates/" + string(opts.Target), app: app, layout: lay, seen: map[string]bool{}}
	if err := r.run(); err != nil {
		return nil, err
	}
	slices.SortFunc(r.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return r.files, nil
}

const common = "templates/common"

type renderer struct {
	target string // the target's template folder
	layout layout
	app    *appView
	files  []File
	seen   map[string]bool
}

func (r *renderer) run() error {
	// The target's own files first: they override common files of the same path.
	for _, dir := range []string{r.target, common} {
		if err := r.static(dir + "/static"); err != nil {
			return err
		}
		if err := r.once(dir + "/once"); err != nil {
			return err
		}
	}
	for _, e := range r.app.Entities {
		if err := r.entity(e); err != nil {
			return err
		}
	}
	if err := r.pages(); err != nil {
		return err
	}
	if r.app.hasPage(prd.PagePlay) {
		if err := r.execute(common+"/parts/play.tsx.tmpl", "components/play.tsx", r.app.play()); err != nil {
			return err
		}
	}
	if r.app.HasDashboard() {
		data := insightsData{App: r.app, Component: "Dashboard", Heading: "Dashboard", Insights: r.app.Insights, Dashboard: true}
		if err := r.execute(common+"/parts/insights.tsx.tmpl", "components/dashboard.tsx", data); err != nil {
			return err
		}
	}
	return nil
}

// pages renders the pages that are not an entity's list or detail: a body
// component shared by every target, and the target's route wrapper.
func (r *renderer) pages() error {
	for _, pg := range r.app.Pages {
		name := common + "/pages/" + string(pg.Kind) + ".tsx.tmpl"
		if _, err := fs.Stat(templates, name); err != nil {
			return fmt.Errorf("render: no template for %s pages", pg.Kind)
		}
		data := pageData{App: r.app, Page: pg}
		if err := r.execute(name, "components/"+data.File()+".tsx", data); err != nil {
			return err
		}
		if r.layout.pageWrapper != "" {
			if err := r.execute(r.target+"/"+r.layout.pageWrapper, r.layout.pagePath(pg), data); err != nil {
				return err
			}
		}
	}
	return nil
}

// static copies the files that are the same in every app of the target.
func (r *renderer) static(dir string) error {
	return fs.WalkDir(templates, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return ignoreMissing(err)
		}
		rel := strings.TrimPrefix(p, dir+"/")
		if rel == "gitignore" {
			rel = ".gitignore" // embed skips dot files
		}
		if !r.app.needs(rel) {
			return nil
		}
		data, err := templates.ReadFile(p)
		if err != nil {
			return err
		}
		r.add(rel, data)
		return nil
	})
}

// once renders the app-wide templates.
func (r *renderer) once(dir string) error {
	return fs.WalkDir(templates, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return ignoreMissing(err)
		}
		rel := strings.TrimSuffix(strings.TrimPrefix(p, dir+"/"), ".tmpl")
		if moved, ok := r.layout.moves[rel]; ok {
			rel = moved
		}
		return r.execute(p, rel, r.app)
	})
}

// entity renders one entity's lib file, components, tests and routes.
func (r *renderer) entity(e *entityView) error {
	data := entityData{App: r.app, E: e}
	outputs := map[string]string{
		common + "/entity/lib.ts.tmpl":       "lib/" + e.File + ".ts",
		common + "/entity/form.tsx.tmpl":     "components/" + e.File + "-form.tsx",
		common + "/entity/list.tsx.tmpl":     "components/" + e.File + "-list.tsx",
		common + "/entity/manager.tsx.tmpl":  "components/" + e.File + "-manager.tsx",
		common + "/entity/unit.test.ts.tmpl": "tests/unit/" + e.File + ".test.ts",
	}
	if data.Detail() {
		outputs[common+"/entity/detail.tsx.tmpl"] = "components/" + e.File + "-detail.tsx"
	}
	for tmpl, out := range r.layout.entity(e, data.Detail()) {
		outputs[r.target+"/entity/"+tmpl] = out
	}
	for _, name := range slices.Sorted(maps.Keys(outputs)) {
		if err := r.execute(name, outputs[name], data); err != nil {
			return err
		}
	}
	if ins := data.Insights(); len(ins) > 0 {
		in := insightsData{App: r.app, Component: e.Type + "Insights", Heading: "Summary of " + strings.ToLower(e.PluralLabel), Insights: ins}
		if err := r.execute(common+"/parts/insights.tsx.tmpl", "components/"+e.File+"-insights.tsx", in); err != nil {
			return err
		}
	}
	return nil
}

func ignoreMissing(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func (r *renderer) execute(tmplPath, out string, data any) error {
	src, err := templates.ReadFile(tmplPath)
	if err != nil {
		return err
	}
	t, err := template.New(path.Base(tmplPath)).Funcs(funcs).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return fmt.Errorf("render: parse %s: %w", tmplPath, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return fmt.Errorf("render: %s: %w", out, err)
	}
	r.add(out, tidy(buf.Bytes()))
	return nil
}

// add keeps the first file written to a path (the target's version).
func (r *renderer) add(p string, data []byte) {
	if r.seen[p] {
		return
	}
	r.seen[p] = true
	r.files = append(r.files, File{Path: p, Data: data})
}

// tidy trims trailing spaces and collapses runs of blank lines that
// conditional template sections leave behind.
func tidy(src []byte) []byte {
	lines := strings.Split(string(src), "\n")
	var out []string
	blank := 0
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

var funcs = template.FuncMap{
	"q":       jsString,
	"jsxText": jsxText,
	"jsxAttr": jsxAttr,
	"lower":   strings.ToLower,
	"pascal":  prd.Pascal,
	"cols":    func(n int) int { return max(1, min(n, 4)) },
	"isIn": func(e *entityView, list []*entityView) bool {
		return slices.Contains(list, e)
	},
}

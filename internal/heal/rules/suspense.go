package rules

import (
	"context"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var (
	suspenseRE    = regexp.MustCompile(`(useSearchParams|usePathname|useParams)\(\) should be wrapped in a suspense boundary at page "([^"]+)"`)
	asyncClientRE = regexp.MustCompile(`async/await is not yet supported in Client Components`)
)

// suspenseBoundary wraps what reads the URL's search params in a
// <Suspense> boundary, as prerendering requires: the Client Components a
// page renders that call the hook, or the page itself (renamed …Content
// behind a new default export).
var suspenseBoundary = &rule{
	name:    "client.suspense-boundary",
	accepts: func(d diag.Diagnostic) bool { return suspenseRE.MatchString(d.Message) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		m := suspenseRE.FindStringSubmatch(p.Diag.Message)
		hook, page := m[1], routeFile(p.Files, m[2])
		src, s, err := parse(p, page)
		if err != nil {
			return heal.Fix{}, err
		}
		if regexp.MustCompile(`\b` + hook + `\s*\(`).Match(s.Code) {
			return wrapPage(page, s)
		}
		var edits []tsedit.Edit
		var names []string
		for _, im := range tsedit.Imports(s) {
			target, ok := moduleFile(p.Files, page, im.Module)
			if !ok {
				continue
			}
			tsrc, err := p.Files.ReadFile(target)
			if err != nil || !regexp.MustCompile(`\b`+hook+`\s*\(`).Match(tsrc) {
				continue
			}
			for _, local := range im.Locals() {
				for _, el := range s.Elements {
					if el.Name != local || el.End < 0 {
						continue
					}
					edits = append(edits, tsedit.Edit{Start: el.Start, End: el.Start, Text: "<Suspense fallback={null}>"},
						tsedit.Edit{Start: el.End, End: el.End, Text: "</Suspense>"})
					names = append(names, local)
				}
			}
		}
		if len(edits) == 0 {
			return heal.Fix{}, na("nothing %s renders calls %s", page, hook)
		}
		out := tsedit.Apply(src, edits...)
		out = tsedit.AddNamed(out, page, "react", tsedit.Spec{Name: "Suspense"})
		return one(page, out, "wrap "+strings.Join(names, ", ")+" in a Suspense boundary in "+page), nil
	},
}

// wrapPage renames a page component that calls the hook itself and
// exports a wrapper rendering it inside <Suspense>.
func wrapPage(page string, s *tsedit.Scan) (heal.Fix, error) {
	m := defaultFuncRE.FindSubmatchIndex(s.Code)
	if m == nil {
		return heal.Fix{}, na("%s has no named default export function", page)
	}
	name := string(s.Code[m[2]:m[3]])
	if strings.Contains(string(s.Code[m[0]:m[2]]), "async") {
		return heal.Fix{}, na("the page is async")
	}
	inner := name + "Content"
	head := string(s.Src[m[0]:m[2]])
	out := tsedit.Apply(s.Src, tsedit.Edit{Start: m[0], End: m[3], Text: strings.TrimSpace(strings.Replace(head, "export default", "", 1)) + " " + inner})
	out = append([]byte(strings.TrimRight(string(out), "\n")+"\n"), []byte("\nexport default function "+name+"() {\n  return (\n    <Suspense fallback={null}>\n      <"+inner+" />\n    </Suspense>\n  );\n}\n")...)
	out = tsedit.AddNamed(out, page, "react", tsedit.Spec{Name: "Suspense"})
	return one(page, out, "render "+name+" inside a Suspense boundary"), nil
}

// asyncClient fixes an async Client Component: one that awaits nothing
// stops being async; one that needs nothing of the browser becomes a
// Server Component.
var asyncClient = &rule{
	name:    "client.async-component",
	accepts: func(d diag.Diagnostic) bool { return asyncClientRE.MatchString(d.Message) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		src, s, err := parse(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		var edits []tsedit.Edit
		awaits := false
		for _, f := range tsedit.Funcs(s) {
			if !f.Async || f.Name == "" || f.Name[0] < 'A' || f.Name[0] > 'Z' || f.BodyOpen < 0 {
				continue
			}
			if regexp.MustCompile(`\bawait\b`).Match(s.Code[f.BodyOpen:f.BodyClose]) {
				awaits = true
				continue
			}
			loc := regexp.MustCompile(`\basync\s+`).FindIndex(s.Code[f.Start:])
			if loc != nil {
				edits = append(edits, tsedit.Edit{Start: f.Start + loc[0], End: f.Start + loc[1]})
			}
		}
		switch {
		case len(edits) > 0 && !awaits:
			return one(p.Diag.File, tsedit.Apply(src, edits...), "the component awaits nothing: make it synchronous"), nil
		case !needsClient(s.Code):
			return one(p.Diag.File, tsedit.RemoveDirective(src), "make "+p.Diag.File+" a Server Component, which may be async"), nil
		}
		return heal.Fix{}, na("the component both awaits and uses the browser")
	},
}

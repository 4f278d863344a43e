package rules

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var (
	// clientOnlyRE finds what only runs in the browser: hooks, contexts,
	// event handler props, browser globals.
	clientOnlyRE = regexp.MustCompile(`\buse[A-Z]\w*\s*[(<]|\bcreateContext\s*[(<]|\bon[A-Z]\w*=\{|\b(?:window|document|localStorage|sessionStorage|navigator)\s*[.\[]`)
	// serverExportRE finds exports only a Server Component file may have.
	serverExportRE = regexp.MustCompile(`\bexport\s+(?:const|let|async\s+function|function)\s+(?:metadata|generateMetadata|generateStaticParams|generateViewport|viewport|revalidate|dynamic|dynamicParams|fetchCache|runtime|preferredRegion|maxDuration)\b`)
	asyncDefaultRE = regexp.MustCompile(`\bexport\s+default\s+async\b`)
	// serverImportRE finds imports that only work on the server.
	serverImportRE = regexp.MustCompile(`from\s*["'](?:next/headers|server-only|fs|fs/promises|path|child_process|node:[\w/]+|crypto|os)["']`)
)

// needsClient reports whether code uses browser-only features.
func needsClient(code []byte) bool { return clientOnlyRE.Match(code) }

// serverBound reports why a file must stay a Server Component ("" when it need not).
func serverBound(s *tsedit.Scan) string {
	switch {
	case serverExportRE.Match(s.Code):
		return "it exports " + strings.Fields(string(serverExportRE.Find(s.Code)))[2]
	case asyncDefaultRE.Match(s.Code):
		return "its component is async"
	case serverImportRE.Match(s.Src):
		return "it imports a server-only module"
	}
	return ""
}

// useClient marks a component that uses hooks or contexts as a Client
// Component.
var useClient = &rule{
	name:    "client.use-client",
	accepts: func(d diag.Diagnostic) bool { return is(d, diag.Runtime, diag.UseClientMissing) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		src, s, err := parse(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		if d, _, _ := tsedit.Directive(src); d != "" {
			return heal.Fix{}, na("%s already has a \"use %s\" directive", p.Diag.File, d)
		}
		if why := serverBound(s); why != "" {
			return heal.Fix{}, na("%s cannot be a Client Component: %s", p.Diag.File, why)
		}
		return one(p.Diag.File, tsedit.AddDirective(src, "client"), "add \"use client\" to "+p.Diag.File), nil
	},
}

var handlerPropRE = regexp.MustCompile(`Event handlers cannot be passed to Client Component props|Functions cannot be passed directly to Client Components`)

// clientExtract moves interactive elements of a Server Component (an
// onClick on a <button>) into Client Components of their own; when an
// element needs the page's data, the whole page becomes a Client Component
// if nothing keeps it on the server.
var clientExtract = &rule{
	name:     "client.extract",
	variants: true,
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Runtime, diag.ServerClientBoundary) && handlerPropRE.MatchString(d.Message+d.Excerpt)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file := diagFile(p)
		src, s, err := parse(p, file)
		if err != nil {
			return heal.Fix{}, err
		}
		if d, _, _ := tsedit.Directive(src); d == "client" {
			return heal.Fix{}, na("%s is already a Client Component", file)
		}
		if !excluded(p.Exclude, "extract") {
			if fix, ok := extractHandlers(p.Files, file, s); ok {
				fix.Variant = "extract"
				return fix, nil
			}
		}
		if excluded(p.Exclude, "directive") {
			return heal.Fix{}, na("no other way")
		}
		if why := serverBound(s); why != "" {
			return heal.Fix{}, na("%s must stay a Server Component: %s", file, why)
		}
		fix := one(file, tsedit.AddDirective(src, "client"), "make "+file+" a Client Component")
		fix.Variant = "directive"
		return fix, nil
	},
}

// excluded reports whether the variant v is among ex, the variants already
// tried (heal.Params.Exclude).
func excluded(ex []string, v string) bool { return slices.Contains(ex, v) }

// diagFile is the file the diagnostic names or, when it names none, the
// page of the route its test visited.
func diagFile(p heal.Params) string {
	if p.Diag.File != "" {
		return p.Diag.File
	}
	return routeFile(p.Files, p.Diag.Test)
}

// routeFile maps a page path ("/tasks") to its page file.
func routeFile(files heal.Files, route string) string {
	if route == "" {
		return ""
	}
	r := strings.Trim(route, "/")
	for _, base := range []string{"app/", "src/app/"} {
		dir := base + r
		if r == "" {
			dir = strings.TrimSuffix(base, "/")
		}
		for _, ext := range []string{".tsx", ".jsx", ".js", ".ts"} {
			if exists(files, dir+"/page"+ext) {
				return dir + "/page" + ext
			}
		}
	}
	return ""
}

// jsGlobals are names an extracted element may use without importing them.
var jsGlobals = map[string]bool{
	"window": true, "document": true, "console": true, "alert": true, "confirm": true, "prompt": true, "location": true,
	"navigator": true, "localStorage": true, "sessionStorage": true, "fetch": true, "JSON": true, "Math": true, "Date": true,
	"Number": true, "String": true, "Boolean": true, "Array": true, "Object": true, "Promise": true, "setTimeout": true,
	"clearTimeout": true, "setInterval": true, "clearInterval": true, "encodeURIComponent": true, "decodeURIComponent": true,
	"URL": true, "URLSearchParams": true, "history": true, "undefined": true, "null": true, "true": true, "false": true,
	"this": true, "new": true, "typeof": true, "void": true, "return": true, "const": true, "let": true, "var": true,
	"async": true, "await": true, "if": true, "else": true, "function": true, "instanceof": true, "in": true, "of": true,
	"event": true, "scrollTo": true, "print": true, "requestAnimationFrame": true, "structuredClone": true, "crypto": true,
	"navigation": true, "as": true, "satisfies": true, "delete": true, "throw": true, "try": true, "catch": true, "finally": true,
}

var identRE = regexp.MustCompile(`[A-Za-z_$][\w$]*`)

// freeNames lists the identifiers an element's expressions use but do not
// declare.
func freeNames(s *tsedit.Scan, el *tsedit.Element) []string {
	seen := map[string]bool{}
	var out []string
	declared := map[string]bool{}
	for i := el.Start; i < el.End; i++ {
		if s.Code[i] != '{' {
			continue
		}
		end := s.Close(i)
		if end < 0 {
			continue
		}
		expr := s.Code[i+1 : end]
		for _, m := range regexp.MustCompile(`(?:const|let|var)\s+([\w$]+)|\(([^()]*)\)\s*=>|([\w$]+)\s*=>`).FindAllSubmatch(expr, -1) {
			for _, g := range m[1:] {
				for _, n := range identRE.FindAll(g, -1) {
					declared[string(n)] = true
				}
			}
		}
		for _, loc := range identRE.FindAllIndex(expr, -1) {
			a, b := i+1+loc[0], i+1+loc[1]
			name := string(s.Code[a:b])
			prev := tsedit.PrevNonSpace(s.Code, a)
			next := tsedit.SkipSpace(s.Code, b)
			if prev >= 0 && s.Code[prev] == '.' && (prev == 0 || s.Code[prev-1] != '.') {
				continue // a property
			}
			if next < len(s.Code) && s.Code[next] == ':' && prev >= 0 && (s.Code[prev] == '{' || s.Code[prev] == ',') {
				continue // an object key
			}
			if a > 0 && s.Code[a-1] >= '0' && s.Code[a-1] <= '9' {
				continue
			}
			if jsGlobals[name] || declared[name] || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, name)
		}
		i = end
	}
	return out
}

// extractHandlers moves each outermost intrinsic element with an event
// handler into components/<Name>.tsx, when everything the element uses is
// global or imported.
func extractHandlers(files heal.Files, file string, s *tsedit.Scan) (heal.Fix, bool) {
	imps := tsedit.Imports(s)
	var fix heal.Fix
	var edits []tsedit.Edit
	src := s.Src
	taken := map[string]bool{}
	lastEnd := -1
	var names []string
	for _, el := range s.Elements {
		if el.End < 0 || el.Start < lastEnd || el.Name == "" || el.Name[0] < 'a' || el.Name[0] > 'z' {
			continue
		}
		tag := string(s.Code[el.Start:el.TagEnd])
		if !regexp.MustCompile(`\son[A-Z]\w*\s*=\s*\{`).MatchString(tag) {
			continue
		}
		free := freeNames(s, el)
		var need []tsedit.Import
		ok := true
		for _, n := range free {
			found := false
			for _, im := range imps {
				if slices.Contains(im.Locals(), n) {
					found = true
					need = appendImport(need, im)
				}
			}
			ok = ok && found
		}
		if !ok {
			return heal.Fix{}, false // the element needs the page's data
		}
		lastEnd = el.End
		name := componentName(s, el, files, taken)
		taken[name] = true
		target := "components/" + name + ".tsx"
		fix.Changes = append(fix.Changes, heal.Change{Path: target, Data: clientComponent(files, file, target, name, src, el, need)})
		edits = append(edits, tsedit.Edit{Start: el.Start, End: el.End, Text: "<" + name + " />"})
		names = append(names, name)
	}
	if len(edits) == 0 {
		return heal.Fix{}, false
	}
	out := tsedit.Apply(src, edits...)
	for i, n := range names {
		out = tsedit.AddDefault(out, file, specFor(files, file, fix.Changes[i].Path), n)
	}
	fix.Changes = append(fix.Changes, heal.Change{Path: file, Data: out})
	fix.Note = "move the interactive " + strings.Join(names, ", ") + " into Client Components"
	return fix, true
}

func appendImport(list []tsedit.Import, im tsedit.Import) []tsedit.Import {
	for _, have := range list {
		if have.Start == im.Start {
			return list
		}
	}
	return append(list, im)
}

// componentName names an extracted element after its text ("Refresh" →
// RefreshButton) or its tag.
func componentName(s *tsedit.Scan, el *tsedit.Element, files heal.Files, taken map[string]bool) string {
	text := ""
	if el.TagEnd > 0 && el.CloseStart > el.TagEnd {
		inner := string(s.Code[el.TagEnd:el.CloseStart])
		inner = regexp.MustCompile(`\{[^}]*\}|<[^>]*>`).ReplaceAllString(inner, " ")
		words := strings.Fields(inner)
		if len(words) > 3 {
			words = words[:3]
		}
		text = pascal(strings.Join(words, " "))
	}
	suffix := map[string]string{"button": "Button", "a": "Link", "form": "Form", "input": "Input", "select": "Select"}[el.Name]
	if suffix == "" {
		suffix = pascal(el.Name)
	}
	base := text
	if !strings.HasSuffix(base, suffix) {
		base += suffix
	}
	if text == "" {
		base = "Client" + suffix
	}
	name := base
	for i := 2; taken[name] || exists(files, "components/"+name+".tsx"); i++ {
		name = base + strconv.Itoa(i)
	}
	return name
}

// clientComponent writes the Client Component holding one element.
func clientComponent(files heal.Files, from, target, name string, src []byte, el *tsedit.Element, need []tsedit.Import) []byte {
	var b strings.Builder
	b.WriteString("\"use client\";\n\n")
	for _, im := range need {
		line := string(src[im.Start:im.End])
		if f, ok := moduleFile(files, from, im.Module); ok {
			line = strings.Replace(line, im.Module, specFor(files, target, f), 1)
		}
		b.WriteString(line + "\n")
	}
	if len(need) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("export default function " + name + "() {\n  return (\n")
	ind := tsedit.Indent(src, el.Start)
	text := ind + string(src[el.Start:el.End])
	for _, l := range strings.Split(text, "\n") {
		b.WriteString("    " + strings.TrimPrefix(l, ind) + "\n")
	}
	b.WriteString("  );\n}\n")
	return []byte(b.String())
}

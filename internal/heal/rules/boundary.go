package rules

import (
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var notDefinedRE = regexp.MustCompile(`\b(window|document|localStorage|sessionStorage|navigator|location) is not defined`)

// browserDefaults are what a guarded browser value reads as on the server.
var browserDefaults = map[string]string{
	"innerWidth": "0", "innerHeight": "0", "outerWidth": "0", "outerHeight": "0", "scrollX": "0", "scrollY": "0",
	"devicePixelRatio": "1", "pageXOffset": "0", "pageYOffset": "0", "getItem": "null", "href": `""`, "pathname": `""`,
	"search": `""`, "hash": `""`, "host": `""`, "hostname": `""`, "origin": `""`, "userAgent": `""`, "language": `""`,
	"title": `""`, "cookie": `""`, "referrer": `""`, "onLine": "true", "length": "0",
}

// browserGuard makes code that reads browser globals while rendering on
// the server (window.innerWidth, localStorage.getItem) fall back to a
// neutral value there. Callbacks that only run in the browser (effects,
// event handlers) are left alone.
var browserGuard = &rule{
	name: "client.browser-guard",
	accepts: func(d diag.Diagnostic) bool {
		return d.Category == diag.Runtime && notDefinedRE.MatchString(d.Message)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		global := notDefinedRE.FindStringSubmatch(p.Diag.Message)[1]
		file := diagFile(p)
		src, s, err := parse(p, file)
		if err != nil {
			return heal.Fix{}, err
		}
		var edits []tsedit.Edit
		for _, at := range tsedit.WordIndex(s.Code, global) {
			if guarded(s, at, global) || browserOnlyCallback(s, at) {
				continue
			}
			end := memberChainEnd(s, at+len(global))
			next := tsedit.SkipSpace(s.Code, end)
			if next < len(s.Code) && s.Code[next] == '=' && (next+1 >= len(s.Code) || s.Code[next+1] != '=') {
				continue // an assignment; not something to guard inline
			}
			expr := string(src[at:end])
			def := "undefined"
			if m := regexp.MustCompile(`\.(\w+)\s*(?:\([^)]*\))?$`).FindStringSubmatch(expr); m != nil {
				if v, ok := browserDefaults[m[1]]; ok {
					def = v
				}
			}
			guard := "typeof " + global + " === \"undefined\""
			if global == "localStorage" || global == "sessionStorage" || global == "location" || global == "navigator" {
				guard = "typeof window === \"undefined\""
			}
			edits = append(edits, tsedit.Edit{Start: at, End: end, Text: "(" + guard + " ? " + def + " : " + expr + ")"})
		}
		if len(edits) == 0 {
			return heal.Fix{}, na("no unguarded use of %s in %s", global, file)
		}
		return one(file, tsedit.Apply(src, edits...), "guard "+global+" for server rendering in "+file), nil
	},
}

// memberChainEnd extends an expression over .member, [index] and (call) parts.
func memberChainEnd(s *tsedit.Scan, i int) int {
	for i < len(s.Code) {
		switch c := s.Code[i]; {
		case c == '.' || c == '?' && i+1 < len(s.Code) && s.Code[i+1] == '.':
			j := i + 1
			if c == '?' {
				j++
			}
			k := j
			for k < len(s.Code) && (s.Code[k] == '_' || s.Code[k] == '$' || s.Code[k] >= 'a' && s.Code[k] <= 'z' || s.Code[k] >= 'A' && s.Code[k] <= 'Z' || s.Code[k] >= '0' && s.Code[k] <= '9') {
				k++
			}
			if k == j {
				return i
			}
			i = k
		case c == '(' || c == '[':
			e := s.Close(i)
			if e < 0 {
				return i
			}
			i = e + 1
		default:
			return i
		}
	}
	return i
}

// guarded reports a use already behind a typeof check on its line.
func guarded(s *tsedit.Scan, at int, global string) bool {
	line := string(s.Src[tsedit.LineStart(s.Src, at):tsedit.LineEnd(s.Src, at)])
	return strings.Contains(line, "typeof "+global) || strings.Contains(line, "typeof window")
}

var browserCallbackRE = regexp.MustCompile(`(?:useEffect|useLayoutEffect|useCallback|addEventListener|setTimeout|requestAnimationFrame)\s*\(\s*$|\bon[A-Z]\w*\s*=\s*\{\s*$`)

// browserOnlyCallback reports a use inside a function that only the
// browser calls: an effect, an event handler, a timer.
func browserOnlyCallback(s *tsedit.Scan, at int) bool {
	for _, f := range tsedit.Funcs(s) {
		if !f.Contains(at) || !f.Arrow && f.Name != "" {
			continue
		}
		before := s.Code[max(0, f.Start-60):f.Start]
		if browserCallbackRE.Match(before) {
			return true
		}
	}
	// A named handler function referenced only from on…={name}.
	if f, ok := tsedit.Enclosing(s, at); ok && f.Name != "" && regexp.MustCompile(`^handle[A-Z]|^on[A-Z]`).MatchString(f.Name) {
		return true
	}
	return false
}

// serverModule handles a Client Component that imports Node.js modules:
// a file that needs nothing of the browser stops being a Client
// Component; a JSON file read with fs becomes a JSON import.
var serverModule = &rule{
	name:     "client.server-module",
	variants: true,
	accepts: func(d diag.Diagnostic) bool {
		if !is(d, diag.Runtime, diag.ServerClientBoundary) {
			return false
		}
		spec, ok := diag.ModuleSpecifier(d)
		return ok && nodeBuiltins[strings.TrimPrefix(strings.SplitN(spec, "/", 2)[0], "node:")]
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		src, s, err := parse(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		if d, _, _ := tsedit.Directive(src); d != "client" {
			return heal.Fix{}, na("%s is not a Client Component", p.Diag.File)
		}
		if !needsClient(s.Code) && !excluded(p.Exclude, "server-file") {
			fix := one(p.Diag.File, tsedit.RemoveDirective(src), "make "+p.Diag.File+" a Server Component: it uses nothing of the browser")
			fix.Variant = "server-file"
			return fix, nil
		}
		out, note, ok := jsonImports(p.Files, p.Diag.File, src)
		if !ok || excluded(p.Exclude, "json-import") {
			return heal.Fix{}, na("%s reads files at run time in the browser", p.Diag.File)
		}
		fix := one(p.Diag.File, out, note)
		fix.Variant = "json-import"
		return fix, nil
	},
}

var (
	readJSONRE = regexp.MustCompile(`JSON\.parse\(\s*(?:fs\.)?readFileSync\(\s*([^;]+?)\s*,\s*(?:["']utf-?8["']|\{\s*encoding\s*:\s*["']utf-?8["']\s*\})\s*\)\s*\)`)
	pathArgRE  = regexp.MustCompile(`^(?:path\.(?:join|resolve)\(\s*(process\.cwd\(\)|__dirname)\s*,\s*(.+)\)|(["'][^"']+["']))$`)
)

// jsonImports replaces JSON.parse(readFileSync(<json path>)) with an import
// of the JSON file and drops fs and path imports that are no longer used.
func jsonImports(files heal.Files, file string, src []byte) ([]byte, string, bool) {
	out := src
	var notes []string
	for {
		m := readJSONRE.FindSubmatchIndex(out)
		if m == nil {
			break
		}
		target, ok := jsonPath(files, file, strings.TrimSpace(string(out[m[2]:m[3]])))
		if !ok {
			return nil, "", false
		}
		name := camel(strings.TrimSuffix(path.Base(target), ".json")) + "Data"
		out = tsedit.Apply(out, tsedit.Edit{Start: m[0], End: m[1], Text: name})
		out = tsedit.AddDefault(out, file, specFor(files, file, target), name)
		notes = append(notes, "import "+target)
	}
	if len(notes) == 0 {
		return nil, "", false
	}
	return removeUnusedNode(out, file), "read the JSON at build time: " + strings.Join(notes, ", "), true
}

// removeUnusedNode drops remaining unused fs/path imports, one at a time.
func removeUnusedNode(src []byte, file string) []byte {
	for range 4 {
		s := tsedit.ParseFile(file, src)
		changed := false
		for _, im := range tsedit.Imports(s) {
			if m := strings.TrimPrefix(im.Module, "node:"); m != "fs" && m != "path" && m != "fs/promises" {
				continue
			}
			used := false
			for _, l := range im.Locals() {
				used = used || tsedit.Referenced(s, l)
			}
			if !used {
				src = tsedit.RemoveImport(src, im)
				changed = true
				break
			}
		}
		if !changed {
			break
		}
	}
	return src
}

// jsonPath resolves the path expression of a readFileSync call to a JSON
// file of the project.
func jsonPath(files heal.Files, file, expr string) (string, bool) {
	m := pathArgRE.FindStringSubmatch(expr)
	if m == nil {
		return "", false
	}
	var parts []string
	base := "."
	if m[3] != "" {
		parts = []string{strings.Trim(m[3], `"'`)}
	} else {
		if m[1] == "__dirname" {
			base = path.Dir(file)
		}
		for _, a := range strings.Split(m[2], ",") {
			a = strings.TrimSpace(a)
			if !regexp.MustCompile(`^["'][^"']+["']$`).MatchString(a) {
				return "", false
			}
			parts = append(parts, strings.Trim(a, `"'`))
		}
	}
	p := path.Clean(path.Join(append([]string{base}, parts...)...))
	if !strings.HasSuffix(p, ".json") || !exists(files, p) {
		return "", false
	}
	return p, true
}

// camel turns a file name into a camelCase identifier.
func camel(s string) string {
	p := pascal(s)
	if p == "" {
		return "file"
	}
	return strings.ToLower(p[:1]) + p[1:]
}

var (
	headersModuleRE = regexp.MustCompile(`next/headers`)
	cookieReadRE    = regexp.MustCompile(`\(\s*await\s+cookies\(\s*\)\s*\)\.get\(|\bcookies\(\s*\)\.get\(`)
)

const readCookieHelper = `
function readCookie(name: string): { name: string; value: string } | undefined {
  if (typeof document === "undefined") return undefined;
  for (const part of document.cookie.split("; ")) {
    const [key, ...rest] = part.split("=");
    if (key === name) return { name, value: decodeURIComponent(rest.join("=")) };
  }
  return undefined;
}
`

// clientCookies replaces next/headers' cookies().get(name) in a Client
// Component, where next/headers cannot run, with a read of document.cookie.
var clientCookies = &rule{
	name: "client.read-cookie",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Runtime, diag.ServerClientBoundary) && headersModuleRE.MatchString(d.Message+d.Excerpt)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		if d, _, _ := tsedit.Directive(src); d != "client" {
			return heal.Fix{}, na("%s is not a Client Component", file)
		}
		im, ok := tsedit.FindImport(tsedit.Imports(s), "next/headers")
		if !ok || len(im.Named) != 1 || im.Named[0].Name != "cookies" {
			return heal.Fix{}, na("%s uses more of next/headers than cookies", file)
		}
		local := im.Named[0].Local()
		out := cookieReadRE.ReplaceAll(src, []byte("readCookie("))
		if local != "cookies" || tsedit.Referenced(tsedit.ParseFile(file, out), local) {
			return heal.Fix{}, na("cookies() is used for more than reading one cookie")
		}
		out = tsedit.RemoveImport(out, im)
		out = append([]byte(strings.TrimRight(string(out), "\n")+"\n"), readCookieHelper...)
		return one(file, out, "read cookies from document.cookie in the Client Component "+file), nil
	},
}

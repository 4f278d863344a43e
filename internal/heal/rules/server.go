package rules

import (
	"context"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var topExportRE = regexp.MustCompile(`(?m)^export\s+(async\s+function|function|const|let|var|class|enum)\s+([\w$]+)`)

// serverActions makes a "use server" file export only async functions:
// a synchronous helper nothing else imports stops being exported; one that
// other files import moves, with what it needs, to <file>-helpers.ts.
var serverActions = &rule{
	name:    "server.actions-exports",
	accepts: func(d diag.Diagnostic) bool { return is(d, diag.Runtime, diag.ServerActions) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		files := []string{p.Diag.File}
		if src, err := p.Files.ReadFile(p.Diag.File); err != nil || !isServerFile(src) {
			files = nil
			for _, f := range codeFiles(p.Files) {
				if src, err := p.Files.ReadFile(f); err == nil && isServerFile(src) {
					files = append(files, f)
				}
			}
		}
		var fix heal.Fix
		var notes []string
		for _, file := range files {
			src, err := read(p, file)
			if err != nil {
				continue
			}
			changes, note, err := fixServerFile(p.Files, file, src)
			if err != nil {
				return heal.Fix{}, err
			}
			fix.Changes = append(fix.Changes, changes...)
			if note != "" {
				notes = append(notes, note)
			}
		}
		if len(fix.Changes) == 0 {
			return heal.Fix{}, na("no \"use server\" file exports anything but async functions")
		}
		fix.Note = strings.Join(notes, "; ")
		return fix, nil
	},
}

func isServerFile(src []byte) bool {
	d, _, _ := tsedit.Directive(src)
	return d == "server"
}

// syncExport is an export of a "use server" file that is not an async function.
type syncExport struct {
	name       string
	start, end int // the declaration
	kwStart    int // the "export " keyword
}

func syncExports(s *tsedit.Scan) []syncExport {
	var out []syncExport
	for _, m := range topExportRE.FindAllSubmatchIndex(s.Code, -1) {
		kind := string(s.Code[m[2]:m[3]])
		name := string(s.Code[m[4]:m[5]])
		if kind == "async function" {
			continue
		}
		end := -1
		switch kind {
		case "function", "class", "enum":
			if f, ok := funcAt(s, m[0]); ok && kind == "function" {
				end = f.BodyClose + 1
			} else if b := strings.IndexByte(string(s.Code[m[1]:]), '{'); b >= 0 {
				end = s.Close(m[1]+b) + 1
			}
		default:
			eq := strings.IndexByte(string(s.Code[m[1]:]), '=')
			if eq < 0 {
				continue
			}
			v := tsedit.SkipSpace(s.Code, m[1]+eq+1)
			if regexp.MustCompile(`^async\b`).Match(s.Code[v:]) {
				continue
			}
			end = tsedit.ExprEnd(s, v)
			if end < len(s.Code) && s.Code[end] == ';' {
				end++
			}
		}
		if end <= 0 {
			continue
		}
		out = append(out, syncExport{name: name, start: m[0], end: end, kwStart: m[0]})
	}
	return out
}

func funcAt(s *tsedit.Scan, start int) (tsedit.Func, bool) {
	for _, f := range tsedit.Funcs(s) {
		if f.Start == start && f.BodyClose > 0 {
			return f, true
		}
	}
	return tsedit.Func{}, false
}

func fixServerFile(files heal.Files, file string, src []byte) ([]heal.Change, string, error) {
	s := tsedit.ParseFile(file, src)
	exps := syncExports(s)
	if len(exps) == 0 {
		return nil, "", nil
	}
	users := importers(files, file)
	var moved []syncExport
	var edits []tsedit.Edit
	for _, e := range exps {
		if importedBy(files, users, file, e.name) {
			moved = append(moved, e)
			continue
		}
		edits = append(edits, tsedit.Edit{Start: e.kwStart, End: e.kwStart + len("export "), Text: ""})
	}
	var note []string
	if len(edits) > 0 {
		note = append(note, "stop exporting the synchronous helpers of "+file)
	}
	if len(moved) == 0 {
		return []heal.Change{{Path: file, Data: tsedit.Apply(src, edits...)}}, strings.Join(note, ""), nil
	}
	helper := strings.TrimSuffix(file, path.Ext(file)) + "-helpers.ts"
	if exists(files, helper) {
		return nil, "", na("%s exists", helper)
	}
	var body strings.Builder
	var names []string
	for _, e := range moved {
		body.WriteString(string(src[e.start:e.end]) + "\n\n")
		edits = append(edits, tsedit.Edit{Start: e.start, End: lineAfter(src, e.end)})
		names = append(names, e.name)
	}
	moveText := body.String()
	// Module-private declarations the moved code uses move along.
	for _, m := range regexp.MustCompile(`(?m)^(?:const|let|var|function|type|interface)\s+([\w$]+)`).FindAllSubmatchIndex(s.Code, -1) {
		n := string(s.Code[m[2]:m[3]])
		if !tsedit.Uses([]byte(moveText), n) {
			continue
		}
		end := tsedit.ExprEnd(s, m[1])
		if f, ok := funcAt(s, m[0]); ok {
			end = f.BodyClose + 1
		}
		if end < len(s.Code) && s.Code[end] == ';' {
			end++
		}
		moveText = "export " + string(src[m[0]:end]) + "\n\n" + moveText
		edits = append(edits, tsedit.Edit{Start: m[0], End: lineAfter(src, end)})
		names = append(names, n)
	}
	var head strings.Builder
	for _, im := range tsedit.Imports(s) {
		for _, l := range im.Locals() {
			if tsedit.Uses([]byte(moveText), l) {
				line := string(src[im.Start:im.End])
				if f, ok := moduleFile(files, file, im.Module); ok {
					line = strings.Replace(line, im.Module, specFor(files, helper, f), 1)
				}
				head.WriteString(line + "\n")
				break
			}
		}
	}
	helperSrc := head.String()
	if helperSrc != "" {
		helperSrc += "\n"
	}
	helperSrc += strings.TrimRight(moveText, "\n") + "\n"
	out := tsedit.Apply(src, edits...)
	code := tsedit.ParseFile(file, out).Code
	for _, n := range names {
		if tsedit.Uses(code, n) {
			out = tsedit.AddNamed(out, file, specFor(files, file, helper), tsedit.Spec{Name: n})
		}
	}
	changes := []heal.Change{{Path: helper, Data: []byte(helperSrc)}, {Path: file, Data: out}}
	for _, u := range users {
		usrc, err := files.ReadFile(u)
		if err != nil {
			continue
		}
		for _, im := range tsedit.Imports(tsedit.ParseFile(u, usrc)) {
			r, ok := resolveSpec(files, u, im.Module)
			if !ok || r != strings.TrimSuffix(file, path.Ext(file)) {
				continue
			}
			changed := usrc
			for _, sp := range im.Named {
				if slices.Contains(names, sp.Name) {
					changed = tsedit.RemoveNamed(changed, u, im.Module, sp.Local())
					changed = tsedit.AddNamed(changed, u, specFor(files, u, helper), sp)
				}
			}
			if !unchanged(usrc, changed) {
				changes = append(changes, heal.Change{Path: u, Data: changed})
			}
		}
	}
	note = append(note, "move "+strings.Join(names, ", ")+" to "+helper)
	return changes, strings.Join(note, "; "), nil
}

// importedBy reports whether one of users imports name from file.
func importedBy(files heal.Files, users []string, file, name string) bool {
	for _, u := range users {
		src, err := files.ReadFile(u)
		if err != nil {
			continue
		}
		for _, im := range tsedit.Imports(tsedit.ParseFile(u, src)) {
			r, ok := resolveSpec(files, u, im.Module)
			if !ok || r != strings.TrimSuffix(file, path.Ext(file)) {
				continue
			}
			for _, sp := range im.Named {
				if sp.Name == name {
					return true
				}
			}
		}
	}
	return false
}

var (
	envUseRE   = regexp.MustCompile(`process\.env\.([A-Z][A-Z0-9_]*)|process\.env\[["']([A-Z][A-Z0-9_]*)["']\]`)
	envRouteRE = regexp.MustCompile(`prerendering page "([^"]+)"|collect page data for (\S+)`)
)

// envGuard lets a build pass without an environment variable the code
// reads while prerendering: generateStaticParams returns no paths when the
// variable is unset (the pages render on request), and other route files
// render on request (dynamic). The variable is listed in .env.example.
var envGuard = &rule{
	name:    "env.guard",
	accepts: func(d diag.Diagnostic) bool { return is(d, diag.Runtime, diag.MissingEnv) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		return guardPrerender(p, true)
	},
}

// offlineFetch lets a build pass whose prerendering fetches from the
// network, which builds do not have: generateStaticParams falls back to no
// paths when the fetch fails, other route files render on request.
var offlineFetch = &rule{
	name: "env.offline-fetch",
	accepts: func(d diag.Diagnostic) bool {
		return d.Category == diag.Network && d.Tool != diag.ToolNPM
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		return guardPrerender(p, false)
	},
}

// guardPrerender makes a route survive prerendering without what it reads
// (an environment variable with env, the network without).
func guardPrerender(p heal.Params, env bool) (heal.Fix, error) {
	file := p.Diag.File
	if file == "" || !exists(p.Files, file) {
		route := p.Diag.Test
		if m := envRouteRE.FindStringSubmatch(p.Diag.Message + "\n" + p.Diag.Excerpt); m != nil && route == "" {
			route = m[1] + m[2]
		}
		file = routeFile(p.Files, route)
	}
	src, s, err := parse(p, file)
	if err != nil {
		return heal.Fix{}, err
	}
	var names []string
	for _, m := range envUseRE.FindAllSubmatch(s.Src, -1) {
		n := string(m[1]) + string(m[2])
		if !slices.Contains(names, n) && !strings.HasPrefix(n, "NEXT_PUBLIC_") && n != "NODE_ENV" {
			names = append(names, n)
		}
	}
	if env && len(names) == 0 {
		return heal.Fix{}, na("%s reads no environment variable", file)
	}
	var out []byte
	var note string
	f, hasParams := funcNamed(s, "generateStaticParams")
	switch {
	case !env && hasParams && regexp.MustCompile(`\bfetch\s*\(`).Match(s.Code[f.BodyOpen:f.BodyClose]):
		ind := tsedit.Indent(src, f.BodyOpen) + tsedit.IndentUnit(src)
		body := strings.Trim(string(src[f.BodyOpen+1:f.BodyClose]), "\n")
		var lines []string
		for _, l := range strings.Split(body, "\n") {
			if strings.TrimSpace(l) == "" {
				lines = append(lines, "")
			} else {
				lines = append(lines, tsedit.IndentUnit(src)+l)
			}
		}
		text := "\n" + ind + "try {\n" + strings.Join(lines, "\n") + "\n" + ind + "} catch {\n" + ind + tsedit.IndentUnit(src) + "return [];\n" + ind + "}\n" + tsedit.Indent(src, f.BodyOpen)
		out = tsedit.Apply(src, tsedit.Edit{Start: f.BodyOpen + 1, End: f.BodyClose, Text: text})
		note = "generateStaticParams returns no paths when the build cannot fetch them"
	case env && hasParams && envUseRE.Match(s.Src[f.BodyOpen:f.BodyClose]):
		var conds []string
		for _, n := range names {
			if tsedit.Uses(s.Src[f.BodyOpen:f.BodyClose], n) || strings.Contains(string(s.Src[f.BodyOpen:f.BodyClose]), n) {
				conds = append(conds, "!process.env."+n)
			}
		}
		ind := tsedit.Indent(src, f.BodyOpen) + tsedit.IndentUnit(src)
		out = tsedit.Apply(src, tsedit.Edit{Start: f.BodyOpen + 1, End: f.BodyOpen + 1,
			Text: "\n" + ind + "if (" + strings.Join(conds, " || ") + ") return [];"})
		note = "generateStaticParams returns no paths when " + strings.Join(names, ", ") + " is unset"
	case isRouteFile(file):
		if regexp.MustCompile(`\bexport\s+const\s+dynamic\b`).Match(s.Code) {
			return heal.Fix{}, na("%s already sets dynamic", file)
		}
		out = tsedit.AddLine(src, file, "\nexport const dynamic = \"force-dynamic\";")
		note = file + " renders on request instead of at build time"
	default:
		return heal.Fix{}, na("%s is not a route file", file)
	}
	fix := one(file, out, note)
	if ch, ok := envExample(p.Files, names); ok && env {
		fix.Changes = append(fix.Changes, ch)
	}
	return fix, nil
}

func funcNamed(s *tsedit.Scan, name string) (tsedit.Func, bool) {
	for _, f := range tsedit.Funcs(s) {
		if f.Name == name && f.BodyOpen > 0 && f.BodyClose > 0 {
			return f, true
		}
	}
	return tsedit.Func{}, false
}

// envExample adds the variables to .env.example.
func envExample(files heal.Files, names []string) (heal.Change, bool) {
	src, _ := files.ReadFile(".env.example")
	out := string(src)
	for _, n := range names {
		if regexp.MustCompile(`(?m)^` + n + `=`).MatchString(out) {
			continue
		}
		if out != "" && !strings.HasSuffix(out, "\n") {
			out += "\n"
		}
		out += n + "=\n"
	}
	if out == string(src) {
		return heal.Change{}, false
	}
	return heal.Change{Path: ".env.example", Data: []byte(out)}, true
}

package rules

import (
	"context"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

// jsxNamespace fixes uses of the global JSX namespace, which React 19's
// types no longer declare: React.JSX where the file binds React, an import
// of the JSX type otherwise.
var jsxNamespace = &rule{
	name: "types.jsx-namespace",
	accepts: func(d diag.Diagnostic) bool {
		return (d.Code == "TS2503" || d.Code == "TS2694" || is(d, diag.Type, diag.DeprecatedAPI)) && strings.Contains(d.Message, "'JSX'")
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		imps := tsedit.Imports(s)
		if tsedit.Binds(imps, "JSX") {
			return heal.Fix{}, na("JSX is imported already")
		}
		if tsedit.Binds(imps, "React") {
			var edits []tsedit.Edit
			for _, at := range tsedit.WordIndex(s.Code, "JSX") {
				edits = append(edits, tsedit.Edit{Start: at, End: at, Text: "React."})
			}
			return one(file, tsedit.Apply(src, edits...), "use React.JSX in "+file), nil
		}
		out := tsedit.AddNamed(src, file, "react", tsedit.Spec{Name: "JSX", Type: true})
		return one(file, out, "import the JSX type from react in "+file), nil
	},
}

var requestAPIRE = regexp.MustCompile(`\b(cookies|headers|draftMode)\(\s*\)`)

// awaitRequestAPI awaits cookies(), headers() and draftMode(), which return
// Promises since Next.js 15, making the functions that call them async.
var awaitRequestAPI = &rule{
	name:    "await.request-api",
	accepts: func(d diag.Diagnostic) bool { return is(d, diag.Type, diag.AsyncRequestAPI) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		if d, _, _ := tsedit.Directive(src); d == "client" {
			return heal.Fix{}, na("%s is a Client Component; request APIs belong on the server", file)
		}
		var edits []tsedit.Edit
		async := map[int]tsedit.Func{}
		for _, m := range requestAPIRE.FindAllIndex(s.Code, -1) {
			before := strings.TrimRight(string(s.Code[tsedit.LineStart(s.Code, m[0]):m[0]]), " \t(")
			if strings.HasSuffix(before, "await") || strings.HasSuffix(before, "function") || strings.HasSuffix(before, "import {") {
				continue
			}
			next := tsedit.SkipSpace(s.Code, m[1])
			if next < len(s.Code) && (s.Code[next] == '.' || s.Code[next] == '[') {
				edits = append(edits, tsedit.Edit{Start: m[0], End: m[1], Text: "(await " + string(src[m[0]:m[1]]) + ")"})
			} else {
				edits = append(edits, tsedit.Edit{Start: m[0], End: m[0], Text: "await "})
			}
			f, ok := tsedit.Enclosing(s, m[0])
			if !ok {
				return heal.Fix{}, na("a request API is called outside a function")
			}
			async[f.Start] = f
		}
		if len(edits) == 0 {
			return heal.Fix{}, na("no synchronous request API call in %s", file)
		}
		for _, f := range async {
			edits = append(edits, tsedit.MakeAsync(f)...)
		}
		return one(file, tsedit.Apply(src, edits...), "await the request APIs in "+file), nil
	},
}

var paramsTypeRE = regexp.MustCompile(`\b(params|searchParams)\??\s*:\s*\{`)

// awaitParams types params and searchParams as the Promises Next.js 15+
// passes to pages, layouts, route handlers and generateMetadata, and
// awaits them where they are read.
var awaitParams = &rule{
	name:    "await.params",
	accepts: func(d diag.Diagnostic) bool { return is(d, diag.Type, diag.AsyncParams) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		var edits []tsedit.Edit
		async := map[int]tsedit.Func{}
		for _, m := range paramsTypeRE.FindAllSubmatchIndex(s.Code, -1) {
			f, ok := tsedit.Enclosing(s, m[0])
			if !ok || m[0] < f.ParamsOpen || m[0] > f.ParamsClose || f.BodyOpen < 0 {
				continue
			}
			open := m[1] - 1
			close := s.Close(open)
			if close < 0 {
				continue
			}
			name := string(s.Code[m[2]:m[3]])
			edits = append(edits, tsedit.Edit{Start: open, End: open, Text: "Promise<"}, tsedit.Edit{Start: close + 1, End: close + 1, Text: ">"})
			// How the function reaches the value: `{ params }` or `props.params`.
			params := string(s.Code[f.ParamsOpen+1 : f.ParamsClose])
			access := name
			if !regexp.MustCompile(`\{[^}]*\b` + name + `\b[^}]*\}\s*:`).MatchString(params) {
				pm := regexp.MustCompile(`^\s*([\w$]+)\s*:`).FindStringSubmatch(params)
				if pm == nil {
					return heal.Fix{}, na("cannot tell how the function reads %s", name)
				}
				access = pm[1] + "." + name
			}
			uses := regexp.MustCompile(`(^|[^\w$.])(` + regexp.QuoteMeta(access) + `)\b(\s*[.\[])?`)
			body := s.Code[f.BodyOpen:f.BodyClose]
			for _, u := range uses.FindAllSubmatchIndex(body, -1) {
				a, b := f.BodyOpen+u[4], f.BodyOpen+u[5]
				prev := strings.TrimRight(string(s.Code[tsedit.LineStart(s.Code, a):a]), " \t(")
				if strings.HasSuffix(prev, "await") {
					continue
				}
				if u[6] >= 0 {
					edits = append(edits, tsedit.Edit{Start: a, End: b, Text: "(await " + access + ")"})
				} else {
					edits = append(edits, tsedit.Edit{Start: a, End: a, Text: "await "})
				}
			}
			async[f.Start] = f
		}
		if len(edits) == 0 {
			return heal.Fix{}, na("no params typed as a plain object in %s", file)
		}
		for _, f := range async {
			edits = append(edits, tsedit.MakeAsync(f)...)
		}
		return one(file, tsedit.Apply(src, edits...), "type params as a Promise and await it in "+file), nil
	},
}

// awaitPromise awaits an async call whose Promise is used as its value
// (`const tasks = fetchTasks()` then tasks.map), making the function that
// calls it async when it is a named function of a server file.
var awaitPromise = &rule{
	name:    "await.promise",
	accepts: func(d diag.Diagnostic) bool { return is(d, diag.Type, diag.AsyncMisuse) && d.Line > 0 },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		start, end, ok := tsedit.IdentAt(s.Code, at)
		if !ok {
			return heal.Fix{}, na("no name at the position")
		}
		// `tasks.map`: the position may name the property; step back to the object.
		if prev := tsedit.PrevNonSpace(s.Code, start); prev > 0 && s.Code[prev] == '.' {
			if a, b, ok := tsedit.IdentAt(s.Code, tsedit.PrevNonSpace(s.Code, prev)); ok {
				start, end = a, b
			}
		}
		name := string(s.Code[start:end])
		f, ok := tsedit.Enclosing(s, start)
		if !ok || f.BodyOpen < 0 {
			return heal.Fix{}, na("%s is not used inside a function body", name)
		}
		if f.Arrow && f.Name == "" {
			return heal.Fix{}, na("the call is inside a callback")
		}
		if d, _, _ := tsedit.Directive(src); d == "client" && !f.Async && f.Name != "" && f.Name[0] >= 'A' && f.Name[0] <= 'Z' {
			return heal.Fix{}, na("a Client Component cannot be async")
		}
		var edits []tsedit.Edit
		call := tsedit.SkipSpace(s.Code, end)
		switch {
		case call < len(s.Code) && s.Code[call] == '(':
			// The name is the async function itself.
			close := s.Close(call)
			after := tsedit.SkipSpace(s.Code, close+1)
			if after < len(s.Code) && (s.Code[after] == '.' || s.Code[after] == '[') {
				edits = append(edits, tsedit.Edit{Start: start, End: start, Text: "(await "}, tsedit.Edit{Start: close + 1, End: close + 1, Text: ")"})
			} else {
				edits = append(edits, tsedit.Edit{Start: start, End: start, Text: "await "})
			}
		default:
			decl := regexp.MustCompile(`\b(?:const|let|var)\s+` + regexp.QuoteMeta(name) + `\b[^=;]*=\s*`)
			body := s.Code[f.BodyOpen:start]
			locs := decl.FindAllIndex(body, -1)
			if len(locs) == 0 {
				return heal.Fix{}, na("%s is not assigned in the function", name)
			}
			init := f.BodyOpen + locs[len(locs)-1][1]
			if regexp.MustCompile(`^await\b`).Match(s.Code[init:]) {
				return heal.Fix{}, na("%s is awaited already", name)
			}
			if !regexp.MustCompile(`^[\w$.]+\s*(?:<[^>]*>)?\s*\(`).Match(s.Code[init:]) {
				return heal.Fix{}, na("%s is not assigned from a call", name)
			}
			edits = append(edits, tsedit.Edit{Start: init, End: init, Text: "await "})
		}
		edits = append(edits, tsedit.MakeAsync(f)...)
		return one(file, tsedit.Apply(src, edits...), "await the Promise "+name+" holds in "+file), nil
	},
}

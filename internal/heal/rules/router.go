package rules

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var nextRouterRE = regexp.MustCompile(`next/router|NextRouter`)

// routerNavigation moves Pages Router navigation to the App Router's
// next/navigation: useRouter keeps push/replace/back/refresh, pathname and
// query reads become usePathname and useSearchParams, and a Server
// Component that uses the hooks becomes a Client Component.
var routerNavigation = &rule{
	name: "router.next-navigation",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Runtime, diag.PagesRouterAPI) && nextRouterRE.MatchString(d.Message+d.Excerpt)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		im, ok := tsedit.FindImport(tsedit.Imports(s), "next/router")
		if !ok {
			return heal.Fix{}, na("%s does not import next/router", file)
		}
		if im.Default != "" || im.Namespace != "" {
			return heal.Fix{}, na("the Router singleton has no App Router equivalent")
		}
		for _, sp := range im.Named {
			if sp.Name != "useRouter" {
				return heal.Fix{}, na("%s from next/router has no App Router equivalent", sp.Name)
			}
		}
		out := tsedit.SetModule(src, im, "next/navigation")
		out, err = routerReads(file, out)
		if err != nil {
			return heal.Fix{}, err
		}
		note := "import useRouter from next/navigation in " + file
		if d, _, _ := tsedit.Directive(out); d == "" {
			if why := serverBound(tsedit.ParseFile(file, out)); why == "" {
				out = tsedit.AddDirective(out, "client")
				note += " and make it a Client Component"
			}
		}
		return one(file, out, note), nil
	},
}

var routerDeclRE = regexp.MustCompile(`\b(?:const|let)\s+(\w+)\s*=\s*useRouter\(\s*\)\s*;?`)

// routerReads rewrites router.pathname / asPath / query.x / isReady.
func routerReads(file string, src []byte) ([]byte, error) {
	code := tsedit.ParseFile(file, src).Code
	m := routerDeclRE.FindSubmatchIndex(code)
	if m == nil {
		return src, nil
	}
	r := string(code[m[2]:m[3]])
	bad := regexp.MustCompile(`\b` + r + `\.(events|locale|locales|defaultLocale|route|basePath|isFallback|isPreview|beforePopState)\b`)
	if bad.Match(code) {
		return nil, na("%s uses router.%s, which next/navigation does not have", file, bad.FindSubmatch(code)[1])
	}
	out := string(src)
	var hooks []string
	pathRE := regexp.MustCompile(`\b` + r + `\.(?:pathname|asPath)\b`)
	if pathRE.MatchString(out) {
		out = pathRE.ReplaceAllString(out, "pathname")
		hooks = append(hooks, "usePathname", "const pathname = usePathname();")
	}
	queryRE := regexp.MustCompile(`\b` + r + `\.query(?:\.(\w+)|\[\s*["'](\w+)["']\s*\])`)
	if queryRE.MatchString(out) {
		out = queryRE.ReplaceAllString(out, `searchParams.get("$1$2")`)
		hooks = append(hooks, "useSearchParams", "const searchParams = useSearchParams();")
	}
	if regexp.MustCompile(`\b` + r + `\.query\b`).MatchString(out) {
		return nil, na("%s uses router.query as a whole", file)
	}
	out = regexp.MustCompile(`\b`+r+`\.isReady\b`).ReplaceAllString(out, "true")
	if len(hooks) == 0 {
		return []byte(out), nil
	}
	// Declare the hooks after the router.
	decl := routerDeclRE.FindStringIndex(string(tsedit.ParseFile(file, []byte(out)).Code))
	ind := tsedit.Indent([]byte(out), decl[0])
	var lines []string
	for i := 0; i < len(hooks); i += 2 {
		lines = append(lines, ind+hooks[i+1])
	}
	end := tsedit.LineEnd([]byte(out), decl[1])
	res := tsedit.Apply([]byte(out), tsedit.Edit{Start: end, End: end, Text: "\n" + strings.Join(lines, "\n")})
	for i := 0; i < len(hooks); i += 2 {
		res = tsedit.AddNamed(res, file, "next/navigation", tsedit.Spec{Name: hooks[i]})
	}
	return res, nil
}

var dataFuncRE = regexp.MustCompile(`\bexport\s+(?:async\s+function|function|const)\s+(getServerSideProps|getStaticProps|getStaticPaths|getInitialProps)\b`)

// routerData turns Pages Router data fetching into App Router code:
// getServerSideProps and getStaticProps move into the (Server Component)
// page, which loads the data itself; getStaticPaths becomes
// generateStaticParams.
var routerData = &rule{
	name: "router.app-data",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Runtime, diag.PagesRouterAPI) && regexp.MustCompile(`get(?:ServerSideProps|StaticProps|StaticPaths|InitialProps)`).MatchString(d.Message+d.Excerpt)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file := p.Diag.File
		src, err := read(p, file)
		if err != nil {
			return heal.Fix{}, err
		}
		out := src
		var notes []string
		for range 3 {
			s := tsedit.ParseFile(file, out)
			m := dataFuncRE.FindSubmatchIndex(s.Code)
			if m == nil {
				break
			}
			name := string(s.Code[m[2]:m[3]])
			var next []byte
			switch name {
			case "getStaticPaths":
				next, err = toGenerateStaticParams(s, m[0])
			case "getServerSideProps", "getStaticProps":
				next, err = inlineProps(s, m[0], name)
			default:
				err = na("%s has no App Router equivalent to move to", name)
			}
			if err != nil {
				return heal.Fix{}, err
			}
			out = next
			notes = append(notes, "replace "+name)
		}
		if len(notes) == 0 {
			return heal.Fix{}, na("no Pages Router data function in %s", file)
		}
		for _, t := range []string{"GetServerSideProps", "GetStaticProps", "GetStaticPaths", "InferGetServerSidePropsType", "InferGetStaticPropsType", "GetServerSidePropsContext", "GetStaticPropsContext"} {
			if !tsedit.Referenced(tsedit.ParseFile(file, out), t) {
				out = tsedit.RemoveNamed(out, file, "next", t)
			}
		}
		return one(file, out, strings.Join(notes, "; ")+" with App Router data loading"), nil
	},
}

// dataFunc finds the function declared at start.
func dataFunc(s *tsedit.Scan, start int) (tsedit.Func, bool) {
	for _, f := range tsedit.Funcs(s) {
		if f.Start == start && f.BodyOpen > 0 && f.BodyClose > 0 {
			return f, true
		}
	}
	return tsedit.Func{}, false
}

// finalReturn finds the body's only return statement, which must be its last.
func finalReturn(s *tsedit.Scan, f tsedit.Func) (start, exprStart, end int, ok bool) {
	body := s.Code[f.BodyOpen+1 : f.BodyClose]
	locs := regexp.MustCompile(`\breturn\b`).FindAllIndex(body, -1)
	if len(locs) != 1 {
		return 0, 0, 0, false
	}
	start = f.BodyOpen + 1 + locs[0][0]
	exprStart = tsedit.SkipSpace(s.Code, start+len("return"))
	end = tsedit.ExprEnd(s, exprStart)
	if end < len(s.Code) && s.Code[end] == ';' {
		end++
	}
	if strings.TrimSpace(string(s.Code[end:f.BodyClose])) != "" {
		return 0, 0, 0, false
	}
	return start, exprStart, end, true
}

func inlineProps(s *tsedit.Scan, start int, name string) ([]byte, error) {
	f, ok := dataFunc(s, start)
	if !ok {
		return nil, na("cannot read %s", name)
	}
	if f.ParamsOpen >= 0 && strings.TrimSpace(string(s.Code[f.ParamsOpen+1:f.ParamsClose])) != "" {
		params := string(s.Code[f.ParamsOpen+1 : f.ParamsClose])
		body := s.Code[f.BodyOpen:f.BodyClose]
		for _, n := range identRE.FindAllString(params, -1) {
			if tsedit.Uses(body, n) {
				return nil, na("%s reads its context (%s)", name, n)
			}
		}
	}
	rs, re0, _, ok := finalReturn(s, f)
	if !ok || s.Code[re0] != '{' {
		return nil, na("%s does not end with one return of an object", name)
	}
	_, _, props, ok := property(s, re0, "props")
	if !ok {
		return nil, na("%s returns no props", name)
	}
	extra := ""
	if _, _, v, ok := property(s, re0, "revalidate"); ok {
		extra = "export const revalidate = " + v + ";\n\n"
	}
	for _, k := range []string{"notFound", "redirect"} {
		if _, _, _, ok := property(s, re0, k); ok {
			return nil, na("%s returns %s", name, k)
		}
	}
	pm := defaultFuncRE.FindSubmatchIndex(s.Code)
	if pm == nil {
		return nil, na("no page component to move the data into")
	}
	pageOpen := pm[1] - 1
	pageClose := s.Close(pageOpen)
	page, ok := dataFunc(s, pm[0])
	if !ok {
		return nil, na("cannot read the page component")
	}
	names := destructured(string(s.Src[pageOpen+1 : pageClose]))
	if names == nil && strings.TrimSpace(string(s.Code[pageOpen+1:pageClose])) != "" {
		return nil, na("the page takes its props as a whole")
	}
	prelude := strings.TrimRight(string(s.Src[f.BodyOpen+1:rs]), " \t")
	var decls []string
	ind := tsedit.Indent(s.Src, rs)
	if strings.HasPrefix(props, "{") {
		for _, n := range names {
			if v, ok := literalProp(props, n); ok && v != n {
				decls = append(decls, fmt.Sprintf("%sconst %s = %s;", ind, n, v))
			} else if !ok {
				return nil, na("the page reads %s, which %s does not return", n, name)
			}
		}
	} else if len(names) > 0 {
		decls = append(decls, fmt.Sprintf("%sconst { %s } = %s;", ind, strings.Join(names, ", "), props))
	}
	insert := strings.TrimLeft(prelude, "\n")
	if len(decls) > 0 {
		insert += strings.Join(decls, "\n") + "\n"
	}
	edits := []tsedit.Edit{
		{Start: lineStartOf(s.Src, f.Start), End: lineAfter(s.Src, f.BodyClose+1), Text: extra},
		{Start: pageOpen + 1, End: pageClose, Text: ""},
		{Start: page.BodyOpen + 1, End: page.BodyOpen + 1, Text: "\n" + strings.TrimRight(insert, "\n")},
	}
	if regexp.MustCompile(`\bawait\b`).MatchString(prelude) {
		edits = append(edits, tsedit.MakeAsync(page)...)
	}
	return tsedit.Apply(s.Src, edits...), nil
}

func lineStartOf(src []byte, off int) int { return tsedit.LineStart(src, off) }

// destructured reads the names of a `{ a, b }: Props` parameter (nil when
// the parameter is not destructured).
func destructured(param string) []string {
	param = strings.TrimSpace(param)
	if !strings.HasPrefix(param, "{") {
		return nil
	}
	end := strings.IndexByte(param, '}')
	if end < 0 {
		return nil
	}
	var out []string
	for _, part := range strings.Split(param[1:end], ",") {
		n := strings.TrimSpace(strings.SplitN(strings.SplitN(part, "=", 2)[0], ":", 2)[0])
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// literalProp finds name in an object literal's text: shorthand or name: value.
func literalProp(obj, name string) (string, bool) {
	inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(obj), "{"), "}")
	for _, part := range splitTop(inner) {
		k, v, hasV := strings.Cut(part, ":")
		if strings.TrimSpace(k) != name {
			continue
		}
		if !hasV {
			return name, true
		}
		return strings.TrimSpace(v), true
	}
	return "", false
}

// splitTop splits on commas outside brackets.
func splitTop(s string) []string {
	var out []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[last:i]))
				last = i + 1
			}
		}
	}
	if t := strings.TrimSpace(s[last:]); t != "" {
		out = append(out, t)
	}
	return out
}

func toGenerateStaticParams(s *tsedit.Scan, start int) ([]byte, error) {
	f, ok := dataFunc(s, start)
	if !ok {
		return nil, na("cannot read getStaticPaths")
	}
	rs, re0, re, ok := finalReturn(s, f)
	if !ok || s.Code[re0] != '{' {
		return nil, na("getStaticPaths does not end with one return of an object")
	}
	_, _, paths, ok := property(s, re0, "paths")
	if !ok {
		return nil, na("getStaticPaths returns no paths")
	}
	_, _, fallback, _ := property(s, re0, "fallback")
	ret := "return (" + paths + ").map((p) => p.params);"
	if regexp.MustCompile(`^\[\s*["'/]`).MatchString(paths) {
		return nil, na("getStaticPaths returns paths as strings")
	}
	edits := []tsedit.Edit{{Start: rs, End: re, Text: ret}}
	nameAt := regexp.MustCompile(`getStaticPaths`).FindIndex(s.Code[start:])
	edits = append(edits, tsedit.Edit{Start: start + nameAt[0], End: start + nameAt[1], Text: "generateStaticParams"})
	if strings.TrimSpace(fallback) == "false" {
		end := lineAfter(s.Src, f.BodyClose+1)
		edits = append(edits, tsedit.Edit{Start: end, End: end, Text: "export const dynamicParams = false;\n\n"})
	}
	return tsedit.Apply(s.Src, edits...), nil
}

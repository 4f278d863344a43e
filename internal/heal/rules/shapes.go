package rules

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var literalRE = regexp.MustCompile(`^(?:"([^"]*)"|'([^']*)')$`)

// typeDecl finds `type Name = …;` or `interface Name { … }` in the project:
// the file and the declaration's text after the name.
func typeDecl(files heal.Files, name string) (file, body string, ok bool) {
	re := regexp.MustCompile(`(?m)^(?:export\s+)?(?:type\s+` + regexp.QuoteMeta(name) + `\s*=|interface\s+` + regexp.QuoteMeta(name) + `\b[^{]*\{)`)
	for _, f := range codeFiles(files) {
		src, err := files.ReadFile(f)
		if err != nil {
			continue
		}
		s := tsedit.ParseFile(f, src)
		m := re.FindIndex(s.Code)
		if m == nil {
			continue
		}
		if s.Code[m[1]-1] == '{' {
			c := s.Close(m[1] - 1)
			if c < 0 {
				return "", "", false
			}
			return f, string(src[m[1]-1 : c+1]), true
		}
		end := tsedit.ExprEnd(s, tsedit.SkipSpace(s.Code, m[1]))
		return f, strings.TrimSpace(string(src[m[1]:end])), true
	}
	return "", "", false
}

// literalMembers resolves a type to the string literals of its union
// ("Priority" → low, medium, high); nil when it is not such a union.
func literalMembers(files heal.Files, typ string) []string {
	typ = stripNullish(typ)
	if regexp.MustCompile(`^[\w$]+$`).MatchString(typ) {
		_, body, ok := typeDecl(files, typ)
		if !ok {
			return nil
		}
		typ = body
	}
	var out []string
	for _, part := range strings.Split(typ, "|") {
		m := literalRE.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			return nil
		}
		out = append(out, m[1]+m[2])
	}
	return out
}

// stripNullish drops `| undefined` and `| null` from a type.
func stripNullish(t string) string {
	var keep []string
	for _, part := range strings.Split(t, "|") {
		p := strings.TrimSpace(part)
		if p != "undefined" && p != "null" && p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " | ")
}

// scales groups words that mean the same place on a scale.
var scales = [][]string{
	{"high", "urgent", "critical", "highest", "top", "asap", "important", "severe", "max", "maximum", "p0", "p1", "blocker", "major"},
	{"medium", "normal", "default", "moderate", "average", "mid", "standard", "regular", "p2"},
	{"low", "minor", "trivial", "lowest", "min", "minimum", "optional", "p3", "p4"},
}

// nearestMember picks the union member an invalid literal most likely meant.
func nearestMember(bad string, members, exclude []string) string {
	b := strings.ToLower(bad)
	for _, group := range scales {
		if !slices.Contains(group, b) {
			continue
		}
		for _, m := range members {
			if slices.Contains(group, strings.ToLower(m)) && !slices.Contains(exclude, m) {
				return m
			}
		}
	}
	best, bestD := "", 1<<30
	for _, m := range members {
		if slices.Contains(exclude, m) {
			continue
		}
		if d := editDistance(b, strings.ToLower(m)); d < bestD {
			best, bestD = m, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// literalUnion replaces a string literal that is not a member of the union
// the code expects with the member it most likely meant.
var literalUnion = &rule{
	name:     "types.literal-member",
	variants: true,
	accepts: func(d diag.Diagnostic) bool {
		m := assignRE.FindStringSubmatch(firstLine(d.Message))
		return is(d, diag.Type, diag.TypeMismatch) && d.Line > 0 && m != nil && literalRE.MatchString(m[1])
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		m := assignRE.FindStringSubmatch(firstLine(p.Diag.Message))
		lm := literalRE.FindStringSubmatch(m[1])
		bad := lm[1] + lm[2]
		members := literalMembers(p.Files, m[2])
		if len(members) == 0 {
			return heal.Fix{}, na("%s is not a union of string literals", m[2])
		}
		pick := nearestMember(bad, members, p.Exclude)
		if pick == "" {
			return heal.Fix{}, na("every member was tried")
		}
		src, err := read(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		re := regexp.MustCompile(`["']` + regexp.QuoteMeta(bad) + `["']`)
		loc := re.FindIndex(src[at:min(len(src), at+400)])
		if loc == nil {
			return heal.Fix{}, na("the literal is not near the position")
		}
		q := string(src[at+loc[0]])
		out := tsedit.Apply(src, tsedit.Edit{Start: at + loc[0], End: at + loc[1], Text: q + pick + q})
		fix := one(p.Diag.File, out, `use "`+pick+`", a valid `+stripNullish(m[2])+`, instead of "`+bad+`"`)
		fix.Variant = pick
		return fix, nil
	},
}

var setStateRE = regexp.MustCompile(`^SetStateAction<(.+)>$`)

// castAssign narrows a string (or number) passed where a union of literals
// is expected — a <select>'s value given to a Priority setter — with a
// type assertion, importing the type when the file does not see it.
var castAssign = &rule{
	name: "types.cast-to-union",
	accepts: func(d diag.Diagnostic) bool {
		m := assignRE.FindStringSubmatch(firstLine(d.Message))
		return is(d, diag.Type, diag.TypeMismatch) && d.Line > 0 && m != nil && (m[1] == "string" || m[1] == "number")
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		m := assignRE.FindStringSubmatch(firstLine(p.Diag.Message))
		target := stripNullish(m[2])
		if sm := setStateRE.FindStringSubmatch(target); sm != nil {
			target = stripNullish(sm[1])
		}
		if conv := conversion(m[1], target); conv != "" {
			return convert(p, conv, target)
		}
		if len(literalMembers(p.Files, target)) == 0 {
			return heal.Fix{}, na("%s is not a union of literals", target)
		}
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		start, end, ok := exprAt(s, offsetOf(src, p.Diag))
		if !ok {
			return heal.Fix{}, na("no expression at the position")
		}
		expr := strings.TrimSpace(string(src[start:end]))
		if strings.Contains(expr, " as ") {
			return heal.Fix{}, na("%s is asserted already", expr)
		}
		text := expr + " as " + target
		if strings.ContainsAny(expr, " ?:|&") {
			text = "(" + expr + ") as " + target
		}
		out := tsedit.Apply(src, tsedit.Edit{Start: start, End: end, Text: text})
		if regexp.MustCompile(`^[\w$]+$`).MatchString(target) && !declares(s, target) {
			if from, _, ok := typeDecl(p.Files, target); ok && from != file {
				out = tsedit.AddNamed(out, file, specFor(p.Files, file, from), tsedit.Spec{Name: target, Type: true})
			}
		}
		return one(file, out, "assert "+expr+" as "+target), nil
	},
}

// declares reports whether a file binds name (import or declaration).
func declares(s *tsedit.Scan, name string) bool {
	if tsedit.Binds(tsedit.Imports(s), name) {
		return true
	}
	return regexp.MustCompile(`(?m)^(?:export\s+)?(?:type|interface|enum|class|const|let|function)\s+` + regexp.QuoteMeta(name) + `\b`).Match(s.Code)
}

// conversion names the function that turns a primitive into another:
// a form field's string into a number, a number into text.
func conversion(from, to string) string {
	switch {
	case from == "string" && to == "number":
		return "Number"
	case from == "number" && to == "string":
		return "String"
	}
	return ""
}

// convert wraps the expression at the position in a conversion.
func convert(p heal.Params, fn, target string) (heal.Fix, error) {
	file, src, s, err := source(p)
	if err != nil {
		return heal.Fix{}, err
	}
	start, end, ok := exprAt(s, offsetOf(src, p.Diag))
	if !ok {
		return heal.Fix{}, na("no expression at the position")
	}
	expr := strings.TrimSpace(string(src[start:end]))
	out := tsedit.Apply(src, tsedit.Edit{Start: start, End: end, Text: fn + "(" + expr + ")"})
	return one(file, out, "convert "+expr+" to a "+target), nil
}

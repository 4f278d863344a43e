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
	missingOneRE  = regexp.MustCompile(`^Property '([\w$]+)' is missing in type '.*' but required in type '([\w$]+)(?:<[^']*>)?'`)
	missingManyRE = regexp.MustCompile(`is missing the following properties from type '([\w$]+)(?:<[^']*>)?': ([\w$, ]+?)(?:, and \d+ more)?\.?$`)
	didYouMeanRE  = regexp.MustCompile(`^(?:Property '([\w$]+)' does not exist on type '.*'|Cannot find name '([\w$]+)')\. Did you mean '([\w$]+)'\?`)
)

// missingProperty completes an object literal that lacks properties its
// type requires, with the value a new record of that type would start
// with: now for a timestamp, a fresh id, an empty string, zero, false, an
// empty list, the first member of a union.
var missingProperty = &rule{
	name: "types.missing-property",
	accepts: func(d diag.Diagnostic) bool {
		m := firstLine(d.Message)
		return is(d, diag.Type, diag.MissingProperty) && d.Line > 0 && (missingOneRE.MatchString(m) || missingManyRE.MatchString(m))
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		msg := firstLine(p.Diag.Message)
		var typ string
		var names []string
		if m := missingOneRE.FindStringSubmatch(msg); m != nil {
			names, typ = []string{m[1]}, m[2]
		} else {
			m := missingManyRE.FindStringSubmatch(msg)
			typ = m[1]
			for _, n := range strings.Split(m[2], ",") {
				names = append(names, strings.TrimSpace(n))
			}
		}
		_, body, ok := typeDecl(p.Files, typ)
		if !ok || !strings.HasPrefix(body, "{") {
			return heal.Fix{}, na("the declaration of %s is not in the project", typ)
		}
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		open := objectLiteralAfter(s, at)
		if open < 0 {
			return jsxAttributes(p, file, s, at, typ, body, names)
		}
		close := s.Close(open)
		var lines []string
		for _, n := range names {
			ft := fieldType(body, n)
			v := defaultFor(s, at, n, ft, p.Files)
			if v == "" {
				return heal.Fix{}, na("no default value for %s: %s", n, ft)
			}
			lines = append(lines, n+": "+v)
		}
		last := tsedit.PrevNonSpace(s.Code, close)
		multiline := strings.Contains(string(src[open:close]), "\n")
		var edits []tsedit.Edit
		if multiline {
			ind := tsedit.Indent(src, last)
			if last == open {
				ind = tsedit.Indent(src, open) + tsedit.IndentUnit(src)
			}
			text := ""
			if s.Code[last] != ',' && last != open {
				text = ","
			}
			for _, l := range lines {
				text += "\n" + ind + l + ","
			}
			edits = append(edits, tsedit.Edit{Start: last + 1, End: last + 1, Text: text})
		} else {
			sep := ", "
			if s.Code[last] == ',' || last == open {
				sep = " "
			}
			edits = append(edits, tsedit.Edit{Start: last + 1, End: last + 1, Text: sep + strings.Join(lines, ", ")})
		}
		return one(file, tsedit.Apply(src, edits...), "add "+strings.Join(lines, ", ")+" to the "+typ), nil
	},
}

// objectLiteralAfter finds the '{' of the object literal a type error
// points at: at the position or on the next lines.
func objectLiteralAfter(s *tsedit.Scan, at int) int {
	limit := min(len(s.Code), tsedit.LineEnd(s.Code, tsedit.LineEnd(s.Code, at)+1))
	for i := at; i < limit; i++ {
		if s.Code[i] != '{' || s.Close(i) < 0 {
			continue
		}
		prev := tsedit.PrevNonSpace(s.Code, i)
		if prev < 0 {
			continue
		}
		c := s.Code[prev]
		if c == '=' || c == '(' || c == ',' || c == ':' || c == '[' || c == '?' || c == '>' ||
			strings.HasSuffix(string(s.Code[max(0, prev-5):prev+1]), "return") {
			return i
		}
	}
	return -1
}

// fieldType reads a property's type from an interface or object type body.
func fieldType(body, name string) string {
	m := regexp.MustCompile(`(?m)(?:^|[{;,\s])` + regexp.QuoteMeta(name) + `\??\s*:\s*([^;,\n]+)`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[1]), "}"))
}

var dateishRE = regexp.MustCompile(`(?i)(?:At|Date|Time|On)$|^(?:date|time|timestamp|created|updated)$`)

// defaultFor is the initial value of a new record's field.
func defaultFor(s *tsedit.Scan, at int, name, typ string, files heal.Files) string {
	t := stripNullish(typ)
	switch {
	case t == "string" && dateishRE.MatchString(name):
		if f, ok := tsedit.Enclosing(s, at); ok && regexp.MustCompile(`\bnow\s*(?::\s*Date|=\s*new Date)`).Match(s.Code[max(f.ParamsOpen, f.Start):f.BodyClose]) {
			return "now.toISOString()"
		}
		return "new Date().toISOString()"
	case t == "string" && (name == "id" || strings.HasSuffix(name, "Id")):
		return "crypto.randomUUID()"
	case t == "string":
		return `""`
	case t == "number":
		return "0"
	case t == "boolean":
		return "false"
	case t == "Date":
		return "new Date()"
	case strings.HasSuffix(t, "[]") || strings.HasPrefix(t, "Array<"):
		return "[]"
	case strings.HasPrefix(t, "Record<") || strings.HasPrefix(t, "{"):
		return "{}"
	case regexp.MustCompile(`=>\s*void$`).MatchString(t):
		return "() => {}"
	case regexp.MustCompile(`=>\s*Promise<void>$`).MatchString(t):
		return "async () => {}"
	case t != typ && strings.Contains(typ, "null"):
		return "null"
	case t != typ:
		return "undefined"
	}
	if ms := literalMembers(files, t); len(ms) > 0 {
		return `"` + ms[0] + `"`
	}
	return ""
}

// didYouMean applies the spelling correction a type checker suggests for
// an unknown property or name.
var didYouMean = &rule{
	name: "types.did-you-mean",
	accepts: func(d diag.Diagnostic) bool {
		return d.Line > 0 && didYouMeanRE.MatchString(firstLine(d.Message))
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		m := didYouMeanRE.FindStringSubmatch(firstLine(p.Diag.Message))
		bad, good := m[1]+m[2], m[3]
		src, s, err := parse(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		start, end, ok := tsedit.IdentAt(s.Code, at)
		if !ok || string(s.Code[start:end]) != bad {
			line := s.Code[tsedit.LineStart(s.Code, at):tsedit.LineEnd(s.Code, at)]
			idx := tsedit.WordIndex(line, bad)
			if len(idx) != 1 {
				return heal.Fix{}, na("%s is not at the position", bad)
			}
			start = tsedit.LineStart(s.Code, at) + idx[0]
			end = start + len(bad)
		}
		out := tsedit.Apply(src, tsedit.Edit{Start: start, End: end, Text: good})
		return one(p.Diag.File, out, "use "+good+" instead of "+bad), nil
	},
}

// jsxAttributes gives a JSX element the required props it lacks.
func jsxAttributes(p heal.Params, file string, s *tsedit.Scan, at int, typ, body string, names []string) (heal.Fix, error) {
	for _, el := range s.Elements {
		if at < el.Start || at > el.Start+1+len(el.Name) || el.TagEnd < 0 {
			continue
		}
		end := el.TagEnd - 1
		if s.Code[end-1] == '/' {
			end--
		}
		end = tsedit.PrevNonSpace(s.Code, end) + 1
		var attrs []string
		for _, n := range names {
			v := defaultFor(s, at, n, fieldType(body, n), p.Files)
			switch {
			case v == "":
				return heal.Fix{}, na("no default value for the prop %s", n)
			case strings.HasPrefix(v, `"`):
				attrs = append(attrs, n+"="+v)
			default:
				attrs = append(attrs, n+"={"+v+"}")
			}
		}
		out := tsedit.Apply(s.Src, tsedit.Edit{Start: end, End: end, Text: " " + strings.Join(attrs, " ")})
		return one(file, out, "pass "+strings.Join(attrs, " ")+" to <"+el.Name+">"), nil
	}
	return heal.Fix{}, na("no object literal or element at the position")
}

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
	implicitParamRE = regexp.MustCompile(`Parameter '([\w$]+)' implicitly has an 'any(?:\[\])?' type`)
	indexAnyRE      = regexp.MustCompile(`expression of type '(?:string|number)' can't be used to index type`)
	handlerAttrRE   = regexp.MustCompile(`\b(on[A-Z]\w*)\s*=\s*\{\s*([\w$]+)\s*\}`)
)

// eventTypes maps a React event prop to its event type.
func eventType(prop string) string {
	p := strings.TrimPrefix(prop, "on")
	switch {
	case p == "Change":
		return "ChangeEvent"
	case p == "Submit" || p == "Reset" || p == "Input" || p == "Invalid":
		return "FormEvent"
	case strings.HasPrefix(p, "Key"):
		return "KeyboardEvent"
	case p == "Focus" || p == "Blur":
		return "FocusEvent"
	case strings.HasPrefix(p, "Drag") || p == "Drop":
		return "DragEvent"
	case strings.HasPrefix(p, "Touch"):
		return "TouchEvent"
	case strings.HasPrefix(p, "Pointer"):
		return "PointerEvent"
	case p == "Wheel":
		return "WheelEvent"
	case p == "Scroll":
		return "UIEvent"
	case p == "Copy" || p == "Cut" || p == "Paste":
		return "ClipboardEvent"
	case strings.HasPrefix(p, "Mouse") || p == "Click" || p == "DoubleClick" || p == "ContextMenu":
		return "MouseEvent"
	}
	return "SyntheticEvent"
}

var domElements = map[string]string{
	"input": "HTMLInputElement", "textarea": "HTMLTextAreaElement", "select": "HTMLSelectElement", "form": "HTMLFormElement",
	"button": "HTMLButtonElement", "a": "HTMLAnchorElement", "img": "HTMLImageElement", "div": "HTMLDivElement",
	"span": "HTMLSpanElement", "li": "HTMLLIElement", "ul": "HTMLUListElement", "p": "HTMLParagraphElement",
	"label": "HTMLLabelElement", "option": "HTMLOptionElement", "table": "HTMLTableElement", "tr": "HTMLTableRowElement",
}

// implicitAny types a parameter strict mode rejects as implicitly any: an
// event handler gets the event type of the element it is attached to, a
// function called with literals gets their type, an unused parameter
// unknown; and an index by a string into a typed record becomes a keyof
// index.
var implicitAny = &rule{
	name: "types.implicit-any",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Type, diag.ImplicitAny) && d.Line > 0 && (implicitParamRE.MatchString(d.Message) || indexAnyRE.MatchString(d.Message))
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		if indexAnyRE.MatchString(p.Diag.Message) {
			return keyofIndex(file, s, at)
		}
		name := implicitParamRE.FindStringSubmatch(p.Diag.Message)[1]
		start, end, ok := tsedit.IdentAt(s.Code, at)
		if !ok || string(s.Code[start:end]) != name {
			return heal.Fix{}, na("the parameter is not at the position")
		}
		f, ok := tsedit.Enclosing(s, start)
		if !ok || f.ParamsOpen < 0 || start < f.ParamsOpen || start > f.ParamsClose {
			return heal.Fix{}, na("%s is not a parameter of a function with a parameter list", name)
		}
		if f.Name == "" {
			return heal.Fix{}, na("%s belongs to a callback; its type comes from where it is passed", name)
		}
		typ, module := paramType(s, f, name)
		if typ == "" {
			return heal.Fix{}, na("nothing tells the type of %s", name)
		}
		out := tsedit.Apply(src, tsedit.Edit{Start: end, End: end, Text: ": " + typ})
		if module != "" {
			out = tsedit.AddNamed(out, file, module, tsedit.Spec{Name: strings.SplitN(typ, "<", 2)[0], Type: true})
		}
		return one(file, out, "type the parameter "+name+" as "+typ), nil
	},
}

// paramType infers a parameter's type from how its function is used.
func paramType(s *tsedit.Scan, f tsedit.Func, name string) (typ, module string) {
	for _, m := range handlerAttrRE.FindAllSubmatchIndex(s.Code, -1) {
		if string(s.Code[m[4]:m[5]]) != f.Name {
			continue
		}
		for _, el := range s.Elements {
			if el.Start < m[0] && el.TagEnd > m[0] {
				dom, ok := domElements[el.Name]
				if !ok && el.Name != "" && el.Name[0] >= 'a' && el.Name[0] <= 'z' {
					dom = "HTMLElement"
				} else if !ok {
					return "", ""
				}
				return eventType(string(s.Code[m[2]:m[3]])) + "<" + dom + ">", "react"
			}
		}
	}
	callRE := regexp.MustCompile(`\b` + regexp.QuoteMeta(f.Name) + `\(\s*("|'|-?\d|true\b|false\b)`)
	if m := callRE.FindSubmatch(s.Code); m != nil {
		switch string(m[1]) {
		case `"`, "'":
			return "string", ""
		case "true", "false":
			return "boolean", ""
		default:
			return "number", ""
		}
	}
	if f.BodyOpen > 0 && !tsedit.Uses(s.Code[f.BodyOpen:f.BodyClose], name) {
		return "unknown", ""
	}
	return "", ""
}

// keyofIndex turns obj[key] into obj[key as keyof typeof obj].
func keyofIndex(file string, s *tsedit.Scan, at int) (heal.Fix, error) {
	i := at
	for i < len(s.Code) && s.Code[i] != '[' && s.Code[i] != '\n' {
		i++
	}
	if i >= len(s.Code) || s.Code[i] != '[' {
		return heal.Fix{}, na("no index expression at the position")
	}
	obj := strings.TrimSpace(string(s.Src[at:i]))
	if !regexp.MustCompile(`^[\w$]+(?:\.[\w$]+)*$`).MatchString(obj) {
		return heal.Fix{}, na("the indexed object %q is not a plain name", obj)
	}
	close := s.Close(i)
	if close < 0 {
		return heal.Fix{}, na("unbalanced index")
	}
	out := tsedit.Apply(s.Src, tsedit.Edit{Start: close, End: close, Text: " as keyof typeof " + obj})
	return one(file, out, "index "+obj+" by its keys"), nil
}

var (
	possiblyRE = regexp.MustCompile(`^'([\w$.]+)' is possibly '(?:undefined|null)'|^Object is possibly '(?:undefined|null)'`)
	assignRE   = regexp.MustCompile(`^(?:Argument of type|Type) '(.+?)' is not assignable to (?:parameter of )?type '(.+?)'\.?$`)
)

// narrowUndefined handles values that may be undefined: a property read
// becomes optional (x?.y), or — the second choice — the value is asserted
// (x!); a possibly-undefined value passed where a string, number, boolean
// or array is required falls back to an empty one.
var narrowUndefined = &rule{
	name:     "types.narrow",
	variants: true,
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Type, diag.NullUndefined) && d.Line > 0
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		if m := assignRE.FindStringSubmatch(firstLine(p.Diag.Message)); m != nil {
			if m[1] == "null" || m[1] == "undefined" {
				return widenState(file, s, at, m[1])
			}
			return fallbackValue(file, s, at, m[2])
		}
		pm := possiblyRE.FindStringSubmatch(p.Diag.Message)
		if pm == nil {
			return heal.Fix{}, na("not a possibly-undefined value")
		}
		start, end, ok := tsedit.IdentAt(s.Code, at)
		if !ok {
			return heal.Fix{}, na("no value at the position")
		}
		// 'task.due' names a member chain: the undefined part ends after it.
		for k := strings.Count(pm[1], "."); k > 0; k-- {
			n := tsedit.SkipSpace(s.Code, end)
			if n >= len(s.Code) || s.Code[n] != '.' {
				break
			}
			if _, b, ok := tsedit.IdentAt(s.Code, tsedit.SkipSpace(s.Code, n+1)); ok {
				end = b
			}
		}
		end = chainBeforeLast(s, start, end)
		next := tsedit.SkipSpace(s.Code, end)
		variant := "optional"
		if excluded(p.Exclude, "optional") {
			variant = "assert"
		}
		if excluded(p.Exclude, "assert") && variant == "assert" {
			return heal.Fix{}, na("both ways were tried")
		}
		var text string
		switch {
		case variant == "assert":
			text = "!"
		case next < len(s.Code) && s.Code[next] == '.':
			text = "?"
		case next < len(s.Code) && (s.Code[next] == '[' || s.Code[next] == '('):
			text = "?."
		default:
			variant, text = "assert", "!"
		}
		fix := one(file, tsedit.Apply(src, tsedit.Edit{Start: end, End: end, Text: text}), variant+" the possibly undefined "+string(src[start:end]))
		fix.Variant = variant
		return fix, nil
	},
}

// chainBeforeLast extends a value over index accesses that another access
// follows: in items[0].title, items[0] is what may be undefined.
func chainBeforeLast(s *tsedit.Scan, start, end int) int {
	for {
		next := tsedit.SkipSpace(s.Code, end)
		if next >= len(s.Code) || s.Code[next] != '[' {
			return end
		}
		c := s.Close(next)
		if c < 0 {
			return end
		}
		after := tsedit.SkipSpace(s.Code, c+1)
		if after >= len(s.Code) || (s.Code[after] != '.' && s.Code[after] != '[') {
			return end
		}
		end = c + 1
	}
}

// fallbackValue appends `?? <empty value>` to an expression whose
// undefined the target type does not allow.
func fallbackValue(file string, s *tsedit.Scan, at int, target string) (heal.Fix, error) {
	def := map[string]string{"string": `""`, "number": "0", "boolean": "false"}[target]
	if def == "" && strings.HasSuffix(target, "[]") {
		def = "[]"
	}
	if def == "" {
		return heal.Fix{}, na("no empty value of type %s", target)
	}
	start, end, ok := exprAt(s, at)
	if !ok {
		return heal.Fix{}, na("no expression at the position")
	}
	expr := strings.TrimSpace(string(s.Src[start:end]))
	text := expr + " ?? " + def
	if strings.ContainsAny(expr, " ?:|&") {
		text = "(" + expr + ") ?? " + def
	}
	out := tsedit.Apply(s.Src, tsedit.Edit{Start: start, End: end, Text: text})
	return one(file, out, "fall back to "+def+" where "+expr+" is undefined"), nil
}

// exprAt finds the expression a type error points at: the value of a JSX
// attribute or variable declaration named there, else the expression
// starting there.
func exprAt(s *tsedit.Scan, at int) (start, end int, ok bool) {
	if a, b, isIdent := tsedit.IdentAt(s.Code, at); isIdent && a == at {
		n := tsedit.SkipSpace(s.Code, b)
		if n < len(s.Code) && s.Code[n] == '=' && n+1 < len(s.Code) && s.Code[n+1] != '=' && s.Code[n+1] != '>' {
			v := tsedit.SkipSpace(s.Code, n+1)
			if v < len(s.Code) && s.Code[v] == '{' {
				if c := s.Close(v); c > 0 {
					return tsedit.SkipSpace(s.Code, v+1), tsedit.PrevNonSpace(s.Code, c) + 1, true
				}
			}
			return v, tsedit.ExprEnd(s, v), true
		}
		if n < len(s.Code) && s.Code[n] == ':' {
			if eq := strings.IndexByte(string(s.Code[n:tsedit.LineEnd(s.Code, n)]), '='); eq > 0 {
				v := tsedit.SkipSpace(s.Code, n+eq+1)
				return v, tsedit.ExprEnd(s, v), true
			}
		}
	}
	end = tsedit.ExprEnd(s, at)
	return at, end, end > at
}

var useStateTypeRE = regexp.MustCompile(`useState\s*<`)

// widenState lets a state typed without null start as null:
// useState<Task>(null) becomes useState<Task | null>(null).
func widenState(file string, s *tsedit.Scan, at int, empty string) (heal.Fix, error) {
	line := s.Code[tsedit.LineStart(s.Code, at):min(len(s.Code), at+1)]
	locs := useStateTypeRE.FindAllIndex(line, -1)
	if len(locs) == 0 {
		return heal.Fix{}, na("the %s is not a useState initial value", empty)
	}
	open := tsedit.LineStart(s.Code, at) + locs[len(locs)-1][1] - 1
	depth, close := 0, -1
	for i := open; i < len(s.Code) && close < 0; i++ {
		switch s.Code[i] {
		case '<':
			depth++
		case '>':
			depth--
			if depth == 0 {
				close = i
			}
		}
	}
	if close < 0 {
		return heal.Fix{}, na("unbalanced type arguments")
	}
	typ := strings.TrimSpace(string(s.Src[open+1 : close]))
	out := tsedit.Apply(s.Src, tsedit.Edit{Start: close, End: close, Text: " | " + empty})
	return one(file, out, "let the state "+typ+" start as "+empty), nil
}

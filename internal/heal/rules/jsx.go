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
	closingTagRE = regexp.MustCompile(`Expected corresponding JSX closing tag for '?<?([\w.:-]+)>?'?`)
	jsxTokenRE   = regexp.MustCompile("Did you mean `\\{'([>}])'\\}`")
)

// jsxClosingTag repairs a closing tag that does not match its element:
// when the element it names is still open further out, the inner
// element's closing tag was left out and is inserted; otherwise the tag
// was misspelt and is renamed.
var jsxClosingTag = &rule{
	name:     "syntax.jsx-closing-tag",
	variants: true,
	accepts: func(d diag.Diagnostic) bool {
		return d.Category == diag.Syntax && d.Line > 0 && closingTagRE.MatchString(d.Message)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		want := closingTagRE.FindStringSubmatch(p.Diag.Message)[1]
		src, err := read(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		// The closing tag at the position: the last one starting before it
		// on its line, else the next one on the line.
		ls, le := tsedit.LineStart(src, at), tsedit.LineEnd(src, at)
		start := strings.LastIndex(string(src[ls:min(le, at+2)]), "</")
		if start >= 0 {
			start += ls
		} else if i := strings.Index(string(src[at:le]), "</"); i >= 0 {
			start = at + i
		} else {
			return heal.Fix{}, na("no closing tag at the position")
		}
		end := strings.IndexByte(string(src[start:]), '>')
		if end < 0 {
			return heal.Fix{}, na("the closing tag is cut off")
		}
		got := strings.TrimSpace(string(src[start+2 : start+end]))
		if got == want {
			return heal.Fix{}, na("the tag already matches")
		}
		variant := "rename"
		if stillOpen(src[:start], got) {
			variant = "insert"
		}
		if excluded(p.Exclude, variant) {
			variant = map[string]string{"rename": "insert", "insert": "rename"}[variant]
			if excluded(p.Exclude, variant) {
				return heal.Fix{}, na("both repairs were tried")
			}
		}
		var out []byte
		if variant == "insert" {
			out = tsedit.Apply(src, tsedit.Edit{Start: start, End: start, Text: "</" + want + ">"})
		} else {
			out = tsedit.Apply(src, tsedit.Edit{Start: start + 2, End: start + end, Text: want})
		}
		fix := one(p.Diag.File, out, variant+" the closing tag of <"+want+">")
		fix.Variant = variant
		return fix, nil
	},
}

// stillOpen reports whether more <name …> than </name> precede the end of src.
func stillOpen(src []byte, name string) bool {
	q := regexp.QuoteMeta(name)
	opens := len(regexp.MustCompile(`<`+q+`[\s>]`).FindAll(src, -1))
	selfClosed := len(regexp.MustCompile(`<`+q+`\b[^<>]*/>`).FindAll(src, -1))
	closes := len(regexp.MustCompile(`</`+q+`\s*>`).FindAll(src, -1))
	return opens-selfClosed > closes
}

// jsxTextToken escapes a '>' or '}' written as JSX text.
var jsxTextToken = &rule{
	name: "syntax.jsx-text-token",
	accepts: func(d diag.Diagnostic) bool {
		return d.Category == diag.Syntax && d.Line > 0 && jsxTokenRE.MatchString(d.Message)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		tok := jsxTokenRE.FindStringSubmatch(p.Diag.Message)[1]
		src, err := read(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		i := at
		for i < len(src) && src[i] != tok[0] && src[i] != '\n' {
			i++
		}
		if i >= len(src) || src[i] != tok[0] {
			return heal.Fix{}, na("no %s at the position", tok)
		}
		out := tsedit.Apply(src, tsedit.Edit{Start: i, End: i + 1, Text: `{"` + tok + `"}`})
		return one(p.Diag.File, out, "write the text "+tok+" as an expression"), nil
	},
}

package rules

import (
	"context"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var fenceLineRE = regexp.MustCompile("^\\s*```[\\w.+-]*\\s*$")

// fenceStrip removes the Markdown code fences (and any prose around them)
// a model left in a source file.
var fenceStrip = &rule{
	name: "syntax.strip-fences",
	accepts: func(d diag.Diagnostic) bool {
		return d.Category == diag.Syntax || diag.Fenced(d)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file := p.Diag.File
		if m := regexp.MustCompile(`^File '([^']+)' is not a module`).FindStringSubmatch(p.Diag.Message); m != nil && file == "" {
			file = m[1]
		}
		src, err := read(p, file)
		if err != nil {
			return heal.Fix{}, err
		}
		out, ok := stripFences(src)
		if !ok {
			return heal.Fix{}, na("%s has no Markdown fence", file)
		}
		return one(file, out, "remove the Markdown code fences from "+file), nil
	},
}

// stripFences keeps what lies between the first fence and its closing
// fence; a single fence line is dropped.
func stripFences(src []byte) ([]byte, bool) {
	lines := strings.Split(string(src), "\n")
	var fences []int
	for i, l := range lines {
		if fenceLineRE.MatchString(l) {
			fences = append(fences, i)
		}
	}
	switch {
	case len(fences) == 0:
		return nil, false
	case len(fences) == 1:
		lines = append(lines[:fences[0]], lines[fences[0]+1:]...)
	default:
		first, last := fences[0], fences[len(fences)-1]
		kept := lines[first+1 : last]
		// Fences in the middle (two files pasted together) go too.
		var body []string
		for _, l := range kept {
			if !fenceLineRE.MatchString(l) {
				body = append(body, l)
			}
		}
		lines = body
	}
	out := strings.Trim(strings.Join(lines, "\n"), "\n") + "\n"
	return []byte(out), true
}

// braceClose closes what a cut-off or unbalanced file left open. A block
// that a top-level declaration follows is closed just before that
// declaration (a lost closing brace mid-file); what is open at the end of
// the file — JSX elements, parentheses, braces, a string — is closed there,
// each closer on its own line at its opener's indentation.
var braceClose = &rule{
	name: "syntax.close-open",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Syntax, diag.UnexpectedEOF, diag.TruncatedFile) || d.Code == "TS1005" && strings.HasPrefix(d.Message, "'}'")
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		src, err := read(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		if !isCode(p.Diag.File) {
			return heal.Fix{}, na("%s is not a source file", p.Diag.File)
		}
		out := closeOpen(p.Diag.File, src)
		if unchanged(src, out) {
			return heal.Fix{}, na("nothing is left open in %s", p.Diag.File)
		}
		return one(p.Diag.File, out, "close the constructs left open in "+p.Diag.File), nil
	},
}

// topLevelRE starts a declaration that only makes sense at the top level.
var topLevelRE = regexp.MustCompile(`^(?:export\s|import\s|function\s|async\s+function\s|interface\s|type\s+\w+\s*=|class\s|enum\s|declare\s)`)

func closeOpen(file string, src []byte) []byte {
	for range 8 {
		s := tsedit.ParseFile(file, src)
		at, stack := misplacedTopLevel(s)
		if at < 0 {
			break
		}
		// Close before the blank lines that precede the declaration.
		end := at
		for end > 0 && (src[end-1] == '\n' || src[end-1] == ' ' || src[end-1] == '\t') {
			end--
		}
		text := "\n" + closers(src, stack)
		src = tsedit.Apply(src, tsedit.Edit{Start: end, End: end, Text: strings.TrimSuffix(text, "\n")})
	}
	s := tsedit.ParseFile(file, src)
	if len(s.Unclosed) == 0 {
		return src
	}
	out := strings.TrimRight(string(src), " \t")
	last := s.Unclosed[len(s.Unclosed)-1]
	switch last.Kind {
	case tsedit.String:
		out += string(last.Quote)
		s.Unclosed = s.Unclosed[:len(s.Unclosed)-1]
	case tsedit.Comment:
		out += " */"
		s.Unclosed = s.Unclosed[:len(s.Unclosed)-1]
	case tsedit.TagOpen:
		out += " />"
		s.Unclosed = s.Unclosed[:len(s.Unclosed)-1]
	}
	if !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return []byte(out + closers(src, s.Unclosed))
}

// misplacedTopLevel finds the first line that starts a top-level
// declaration at column 0 while only code brackets are open (a block that
// lost its closing brace), and what is open there.
func misplacedTopLevel(s *tsedit.Scan) (int, []tsedit.Open) {
	off := 0
	lines := strings.Split(string(s.Code), "\n")
	for i, l := range lines {
		if i > 0 && i < len(s.LineStack) && len(s.LineStack[i]) > 0 && topLevelRE.MatchString(l) {
			onlyCode := true
			for _, o := range s.LineStack[i] {
				onlyCode = onlyCode && (o.Kind == tsedit.Brace || o.Kind == tsedit.Paren || o.Kind == tsedit.Bracket)
			}
			if onlyCode {
				return off, s.LineStack[i]
			}
		}
		off += len(l) + 1
	}
	return -1, nil
}

// closers writes the closing tokens for stack, innermost first.
func closers(src []byte, stack []tsedit.Open) string {
	var b strings.Builder
	for i := len(stack) - 1; i >= 0; i-- {
		o := stack[i]
		ind := tsedit.Indent(src, o.Pos)
		line := strings.TrimSpace(string(src[tsedit.LineStart(src, o.Pos):tsedit.LineEnd(src, o.Pos)]))
		switch o.Kind {
		case tsedit.Children:
			b.WriteString(ind + "</" + o.Name + ">\n")
		case tsedit.JSXExpr, tsedit.TemplateExpr:
			b.WriteString(ind + "}\n")
		case tsedit.Template:
			b.WriteString(ind + "`\n")
		case tsedit.Brace:
			b.WriteString(ind + "}" + statementEnd(line, "{") + "\n")
		case tsedit.Paren:
			b.WriteString(ind + ")" + statementEnd(line, "(") + "\n")
		case tsedit.Bracket:
			b.WriteString(ind + "]" + statementEnd(line, "[") + "\n")
		case tsedit.TagOpen:
			b.WriteString(ind + "/>\n")
		}
	}
	return b.String()
}

// statementEnd is the ';' that follows a closer when its opener began an
// expression statement (`return (`, `= {`, `= [`).
func statementEnd(line, open string) string {
	t := strings.TrimSuffix(strings.TrimSpace(line), open)
	t = strings.TrimSpace(t)
	if strings.HasSuffix(t, "=") || t == "return" || strings.HasSuffix(t, " return") {
		return ";"
	}
	return ""
}

var expectedRE = regexp.MustCompile(`^(?:'([,;])' expected|Expected '([,;])', got)`)

// tokenInsert adds the ',' or ';' a parser expected where a value ends and
// the next begins on the following line or after a space.
var tokenInsert = &rule{
	name: "syntax.insert-token",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Syntax, diag.UnexpectedToken) && expectedRE.MatchString(d.Message) && d.Line > 0
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		m := expectedRE.FindStringSubmatch(p.Diag.Message)
		tok := m[1] + m[2]
		src, s, err := parse(p, p.Diag.File)
		if err != nil {
			return heal.Fix{}, err
		}
		at := offsetOf(src, p.Diag)
		prev := tsedit.PrevNonSpace(s.Code, at)
		if prev < 0 {
			return heal.Fix{}, na("nothing precedes the position")
		}
		c := s.Code[prev]
		if c == ',' || c == ';' || c == '{' || c == '(' || c == '[' {
			return heal.Fix{}, na("a separator is already there")
		}
		out := tsedit.Apply(src, tsedit.Edit{Start: prev + 1, End: prev + 1, Text: tok})
		return one(p.Diag.File, out, "insert the missing '"+tok+"'"), nil
	},
}

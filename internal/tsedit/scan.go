package tsedit

import "bytes"

// Kind is the kind of an open construct.
type Kind int

// The constructs the scanner tracks.
const (
	Paren Kind = iota + 1
	Bracket
	Brace
	Template     // a template literal's text
	TemplateExpr // ${ … } inside a template literal
	TagOpen      // inside <Name … of a JSX opening tag
	Children     // between a JSX element's opening and closing tags
	JSXExpr      // { … } in JSX children or an attribute
	String       // an unterminated string literal (only at the end of the file)
	Comment      // an unterminated block comment (only at the end of the file)
)

// Open is a construct that was opened at Pos. Name is the JSX tag name
// ("" for a fragment).
type Open struct {
	Kind Kind
	Pos  int
	Name string
	// Quote is the quote character of an unterminated String.
	Quote byte
}

// Element is a JSX element.
type Element struct {
	Name        string
	Start       int // its '<'
	TagEnd      int // just after the '>' of its opening tag; -1 when cut off
	CloseStart  int // the '<' of its closing tag; -1 when self-closing or unclosed
	End         int // just after the element; -1 when unclosed
	SelfClosing bool
}

// Scan is the lexical structure of one TypeScript or JSX source file.
type Scan struct {
	Src []byte
	// Code is Src with comments and the contents of string, template and
	// regular-expression literals blanked to spaces (quotes and newlines
	// kept), so patterns over it only see code. Offsets are Src's.
	Code []byte
	// Unclosed is what is still open at the end of the file, outermost first.
	Unclosed []Open
	// Stray are the offsets of closing brackets and tags that close nothing.
	Stray    []int
	Elements []*Element
	// LineStack is what is open at the start of each line (0-based).
	LineStack [][]Open

	pairs map[int]int
	rev   map[int]int
}

// Close returns the offset of the bracket matching the one at pos, or -1.
func (s *Scan) Close(pos int) int {
	if c, ok := s.pairs[pos]; ok {
		return c
	}
	return -1
}

// Opener returns the offset of the bracket a closing bracket at pos closes, or -1.
func (s *Scan) Opener(pos int) int {
	if o, ok := s.rev[pos]; ok {
		return o
	}
	return -1
}

func (s *Scan) pair(open, close int) {
	s.pairs[open] = close
	s.rev[close] = open
}

// Parse scans src; jsx enables JSX (for .tsx and .jsx files).
func Parse(src []byte, jsx bool) *Scan {
	s := &Scan{Src: src, Code: bytes.Clone(src), pairs: map[int]int{}, rev: map[int]int{}}
	p := &scanner{s: s, src: src, jsx: jsx, prev: prevStart}
	p.run()
	return s
}

// ParseFile scans src, with JSX when the path's extension allows it.
func ParseFile(path string, src []byte) *Scan { return Parse(src, IsJSX(path)) }

// IsJSX reports whether a file of this name may contain JSX.
func IsJSX(path string) bool {
	return hasSuffix(path, ".tsx") || hasSuffix(path, ".jsx") || hasSuffix(path, ".js")
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// prev token classes decide whether '/' starts a regular expression and
// '<' a JSX element.
const (
	prevStart = iota
	prevPunct // an operator or an opening bracket: an expression may start
	prevValue // an identifier, number, string or closing bracket
)

type scanner struct {
	s     *Scan
	src   []byte
	jsx   bool
	i     int
	stack []Open
	prev  int
}

func (p *scanner) top() Kind {
	if len(p.stack) == 0 {
		return 0
	}
	return p.stack[len(p.stack)-1].Kind
}

func (p *scanner) push(o Open) { p.stack = append(p.stack, o) }

func (p *scanner) pop() Open {
	o := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	return o
}

func (p *scanner) blank(from, to int) {
	for k := from; k < to && k < len(p.s.Code); k++ {
		if p.s.Code[k] != '\n' {
			p.s.Code[k] = ' '
		}
	}
}

func (p *scanner) run() {
	p.lineStart()
	for p.i < len(p.src) {
		switch p.top() {
		case Template:
			p.template()
		case TagOpen:
			p.tag()
		case Children:
			p.children()
		default:
			p.code()
		}
	}
	p.s.Unclosed = append([]Open(nil), p.stack...)
}

// advance moves past one byte, recording line starts.
func (p *scanner) advance() {
	if p.src[p.i] == '\n' {
		p.i++
		p.lineStart()
		return
	}
	p.i++
}

func (p *scanner) lineStart() {
	p.s.LineStack = append(p.s.LineStack, append([]Open(nil), p.stack...))
}

// skipTo advances to offset end, recording the lines passed.
func (p *scanner) skipTo(end int) {
	for p.i < end && p.i < len(p.src) {
		p.advance()
	}
}

var exprKeywords = map[string]bool{
	"return": true, "typeof": true, "case": true, "do": true, "else": true, "in": true, "of": true, "new": true,
	"delete": true, "void": true, "throw": true, "yield": true, "await": true, "instanceof": true, "default": true,
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdent(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func (p *scanner) code() {
	c := p.src[p.i]
	switch {
	case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		p.advance()
	case c == '/' && p.peek(1) == '/':
		end := bytes.IndexByte(p.src[p.i:], '\n')
		if end < 0 {
			end = len(p.src) - p.i
		}
		p.blank(p.i, p.i+end)
		p.skipTo(p.i + end)
	case c == '/' && p.peek(1) == '*':
		end := bytes.Index(p.src[p.i+2:], []byte("*/"))
		if end < 0 {
			p.push(Open{Kind: Comment, Pos: p.i})
			p.blank(p.i, len(p.src))
			p.skipTo(len(p.src))
			return
		}
		p.blank(p.i, p.i+end+4)
		p.skipTo(p.i + end + 4)
	case c == '\'' || c == '"':
		p.str(c)
		p.prev = prevValue
	case c == '`':
		p.push(Open{Kind: Template, Pos: p.i})
		p.advance()
	case c == '/' && p.prev != prevValue:
		p.regex()
		p.prev = prevValue
	case c == '(' || c == '[' || c == '{':
		k := map[byte]Kind{'(': Paren, '[': Bracket, '{': Brace}[c]
		p.push(Open{Kind: k, Pos: p.i})
		p.advance()
		p.prev = prevPunct
	case c == ')' || c == ']' || c == '}':
		p.closeBracket(c)
	case c == '<' && p.jsx && p.prev != prevValue && (isIdentStart(p.peek(1)) || p.peek(1) == '>'):
		p.openTag()
	case isIdentStart(c):
		start := p.i
		for p.i < len(p.src) && isIdent(p.src[p.i]) {
			p.i++
		}
		if exprKeywords[string(p.src[start:p.i])] {
			p.prev = prevPunct
		} else {
			p.prev = prevValue
		}
	case c >= '0' && c <= '9':
		for p.i < len(p.src) && (isIdent(p.src[p.i]) || p.src[p.i] == '.') {
			p.i++
		}
		p.prev = prevValue
	default:
		p.advance()
		p.prev = prevPunct
	}
}

func (p *scanner) peek(n int) byte {
	if p.i+n < len(p.src) {
		return p.src[p.i+n]
	}
	return 0
}

// str scans a string literal; one cut off by a newline or the end of the
// file is unterminated.
func (p *scanner) str(q byte) {
	start := p.i
	p.i++
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case '\\':
			p.i += 2
			continue
		case q:
			p.blank(start+1, p.i)
			p.i++
			return
		case '\n':
			p.blank(start+1, p.i)
			return
		}
		p.i++
	}
	p.blank(start+1, len(p.src))
	p.i = len(p.src)
	p.push(Open{Kind: String, Pos: start, Quote: q})
}

func (p *scanner) regex() {
	start := p.i
	p.i++
	class := false
	for p.i < len(p.src) && p.src[p.i] != '\n' {
		c := p.src[p.i]
		switch {
		case c == '\\':
			p.i++
		case c == '[':
			class = true
		case c == ']':
			class = false
		case c == '/' && !class:
			p.blank(start+1, p.i)
			p.i++
			for p.i < len(p.src) && isIdent(p.src[p.i]) {
				p.i++
			}
			return
		}
		p.i++
	}
	// Not a regular expression after all (a division at a line end): go on.
	p.i = start + 1
}

func (p *scanner) closeBracket(c byte) {
	want := map[byte]Kind{')': Paren, ']': Bracket, '}': Brace}[c]
	t := p.top()
	switch {
	case c == '}' && (t == TemplateExpr || t == JSXExpr):
		o := p.pop()
		p.s.pair(o.Pos, p.i)
		p.advance()
		p.prev = prevValue
		return
	case t == want:
		o := p.pop()
		p.s.pair(o.Pos, p.i)
		p.advance()
		p.prev = prevValue
		return
	}
	// A closer that closes nothing open here.
	p.s.Stray = append(p.s.Stray, p.i)
	p.advance()
	p.prev = prevValue
}

func (p *scanner) template() {
	c := p.src[p.i]
	switch {
	case c == '\\':
		p.blank(p.i, p.i+2)
		p.advance()
		if p.i < len(p.src) {
			p.advance()
		}
	case c == '`':
		o := p.pop()
		p.s.pair(o.Pos, p.i)
		p.advance()
		p.prev = prevValue
	case c == '$' && p.peek(1) == '{':
		p.push(Open{Kind: TemplateExpr, Pos: p.i + 1})
		p.i += 2
		p.prev = prevPunct
	default:
		p.blank(p.i, p.i+1)
		p.advance()
	}
}

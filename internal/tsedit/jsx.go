package tsedit

// openTag starts a JSX element at '<'.
func (p *scanner) openTag() {
	start := p.i
	p.i++
	name := p.tagName()
	el := &Element{Name: name, Start: start, TagEnd: -1, CloseStart: -1, End: -1}
	p.s.Elements = append(p.s.Elements, el)
	p.push(Open{Kind: TagOpen, Pos: start, Name: name})
}

// tagName reads a JSX tag name (with dots, dashes and colons).
func (p *scanner) tagName() string {
	start := p.i
	for p.i < len(p.src) && (isIdent(p.src[p.i]) || p.src[p.i] == '.' || p.src[p.i] == '-' || p.src[p.i] == ':') {
		p.i++
	}
	return string(p.src[start:p.i])
}

// element returns the element whose opening tag is at pos.
func (p *scanner) element(pos int) *Element {
	for k := len(p.s.Elements) - 1; k >= 0; k-- {
		if p.s.Elements[k].Start == pos {
			return p.s.Elements[k]
		}
	}
	return nil
}

// tag scans inside an opening tag: attributes, until '>' or '/>'.
func (p *scanner) tag() {
	c := p.src[p.i]
	switch {
	case c == '/' && p.peek(1) == '>':
		o := p.pop()
		if el := p.element(o.Pos); el != nil {
			el.SelfClosing = true
			el.TagEnd = p.i + 2
			el.End = p.i + 2
		}
		p.i += 2
		p.afterElement()
	case c == '>':
		o := p.pop()
		if el := p.element(o.Pos); el != nil {
			el.TagEnd = p.i + 1
		}
		p.push(Open{Kind: Children, Pos: o.Pos, Name: o.Name})
		p.advance()
	case c == '"' || c == '\'':
		p.attrString(c)
	case c == '{':
		p.push(Open{Kind: JSXExpr, Pos: p.i})
		p.advance()
		p.prev = prevPunct
	case c == '/' && p.peek(1) == '/', c == '/' && p.peek(1) == '*':
		p.code() // comments are allowed between attributes
	default:
		p.advance()
	}
}

// attrString scans a JSX attribute string, which may span lines.
func (p *scanner) attrString(q byte) {
	start := p.i
	p.advance()
	for p.i < len(p.src) && p.src[p.i] != q {
		p.advance()
	}
	p.blank(start+1, p.i)
	if p.i < len(p.src) {
		p.advance()
		return
	}
	p.push(Open{Kind: String, Pos: start, Quote: q})
}

// children scans JSX text, nested elements, expressions and the closing tag.
func (p *scanner) children() {
	c := p.src[p.i]
	switch {
	case c == '{':
		p.push(Open{Kind: JSXExpr, Pos: p.i})
		p.advance()
		p.prev = prevPunct
	case c == '<' && p.peek(1) == '/':
		closeStart := p.i
		p.i += 2
		for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
			p.i++
		}
		name := p.tagName()
		for p.i < len(p.src) && p.src[p.i] != '>' && p.src[p.i] != '\n' {
			p.i++
		}
		if p.i < len(p.src) && p.src[p.i] == '>' {
			p.i++
		}
		top := p.stack[len(p.stack)-1]
		if top.Name != name {
			// A closing tag for another element: the one open here was left
			// unclosed. Close it if the outer one matches, else ignore the tag.
			if len(p.stack) >= 2 && p.stack[len(p.stack)-2].Kind == Children && p.stack[len(p.stack)-2].Name == name {
				p.pop()
			} else {
				p.s.Stray = append(p.s.Stray, closeStart)
				return
			}
		}
		o := p.pop()
		if el := p.element(o.Pos); el != nil {
			el.CloseStart = closeStart
			el.End = p.i
		}
		p.afterElement()
	case c == '<' && (isIdentStart(p.peek(1)) || p.peek(1) == '>'):
		p.openTag()
	default:
		p.advance()
	}
}

// afterElement: a complete element is a value in the code around it.
func (p *scanner) afterElement() { p.prev = prevValue }

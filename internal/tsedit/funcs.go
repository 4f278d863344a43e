package tsedit

import (
	"regexp"
)

// Func is a function declaration, function expression or arrow function.
type Func struct {
	Name string
	// Start is where the declaration starts (its `export`, if any).
	Start int
	// AsyncAt is where `async ` goes to make it async.
	AsyncAt  int
	Async    bool
	Exported bool
	Default  bool
	Arrow    bool
	// ParamsOpen and ParamsClose are the parameter list's parentheses
	// (-1 for an arrow with one bare parameter).
	ParamsOpen, ParamsClose int
	// BodyOpen and BodyClose are the body's braces; an arrow with an
	// expression body has BodyOpen -1 and BodyClose where the expression ends.
	BodyOpen, BodyClose int
}

// Contains reports whether off lies in the function's parameters or body.
func (f Func) Contains(off int) bool {
	from := f.ParamsOpen
	if from < 0 {
		from = f.Start
	}
	to := f.BodyClose
	return off >= from && to >= 0 && off <= to
}

var (
	funcRE        = regexp.MustCompile(`\b(?:(export)\s+(?:(default)\s+)?)?(?:(async)\s+)?function\b\s*\*?\s*([\w$]*)\s*(?:<[^>(]*>)?\s*\(`)
	arrowRE       = regexp.MustCompile(`=>`)
	asyncBeforeRE = regexp.MustCompile(`\basync\s*$`)
	// constArrowRE names an arrow function assigned to a variable.
	constArrowRE = regexp.MustCompile(`(?:(export)\s+)?(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=\s*(async\s+)?$`)
)

// Funcs returns the functions of a file, outer before inner.
func Funcs(s *Scan) []Func {
	var out []Func
	for _, m := range funcRE.FindAllSubmatchIndex(s.Code, -1) {
		f := Func{Start: m[0], Exported: m[2] >= 0, Default: m[4] >= 0, Async: m[6] >= 0}
		if m[8] >= 0 {
			f.Name = string(s.Code[m[8]:m[9]])
		}
		f.AsyncAt = m[0] + functionAt(s.Code[m[0]:m[1]])
		f.ParamsOpen = m[1] - 1
		f.ParamsClose = s.Close(f.ParamsOpen)
		if f.ParamsClose < 0 {
			continue
		}
		f.BodyOpen = bodyBrace(s, f.ParamsClose+1)
		if f.BodyOpen < 0 {
			continue
		}
		f.BodyClose = s.Close(f.BodyOpen)
		out = append(out, f)
	}
	for _, m := range arrowRE.FindAllIndex(s.Code, -1) {
		if f, ok := arrowAt(s, m[0]); ok {
			out = append(out, f)
		}
	}
	sortFuncs(out)
	return out
}

var functionWordRE = regexp.MustCompile(`\bfunction\b`)

// functionAt is the offset of the keyword function in a declaration's head.
func functionAt(b []byte) int {
	if loc := functionWordRE.FindIndex(b); loc != nil {
		return loc[0]
	}
	return 0
}

// bodyBrace finds the '{' that opens a body after a parameter list,
// skipping a return type annotation (which may hold object types).
func bodyBrace(s *Scan, from int) int {
	i := SkipSpace(s.Code, from)
	if i >= len(s.Code) {
		return -1
	}
	if s.Code[i] == '{' {
		return i
	}
	if s.Code[i] != ':' {
		return -1
	}
	prev, prev2 := byte(':'), byte(0)
	for i++; i < len(s.Code); i++ {
		c := s.Code[i]
		if isSpace(c) {
			continue
		}
		switch {
		case c == '{' && (prev == ':' || prev == '|' || prev == '&' || prev == '<' || prev == ',' || prev == '(' || prev == '>' && prev2 == '='):
			e := s.Close(i)
			if e < 0 {
				return -1
			}
			i, prev, prev2 = e, '}', 0
			continue
		case c == '{':
			return i
		case c == '(' || c == '[':
			e := s.Close(i)
			if e < 0 {
				return -1
			}
			i, prev, prev2 = e, ')', 0
			continue
		case c == ';':
			return -1
		}
		prev, prev2 = c, prev
	}
	return -1
}

// arrowAt reads the arrow function whose `=>` is at pos.
func arrowAt(s *Scan, pos int) (Func, bool) {
	f := Func{Arrow: true, ParamsOpen: -1, ParamsClose: -1}
	p := PrevNonSpace(s.Code, pos)
	if p < 0 {
		return f, false
	}
	// A return type between ) and =>: `(x): Foo =>`. Walk back to the ')'.
	if s.Code[p] != ')' && !isIdent(s.Code[p]) {
		return f, false
	}
	var head int
	if s.Code[p] == ')' {
		f.ParamsClose = p
		f.ParamsOpen = s.Opener(p)
		if f.ParamsOpen < 0 {
			return f, false
		}
		head = f.ParamsOpen
	} else {
		start, _, ok := IdentAt(s.Code, p)
		if !ok {
			return f, false
		}
		// `(x): T =>` where T is an identifier: find a ':' before it.
		q := PrevNonSpace(s.Code, start)
		if q >= 0 && s.Code[q] == ':' {
			r := PrevNonSpace(s.Code, q)
			if r >= 0 && s.Code[r] == ')' {
				f.ParamsClose = r
				f.ParamsOpen = s.Opener(r)
				if f.ParamsOpen < 0 {
					return f, false
				}
				head = f.ParamsOpen
			} else {
				head = start
			}
		} else {
			head = start
		}
	}
	f.Start, f.AsyncAt = head, head
	before := s.Code[LineStart(s.Code, head):head]
	if m := asyncBeforeRE.FindIndex(before); m != nil {
		f.Async = true
		f.Start = LineStart(s.Code, head) + m[0]
		f.AsyncAt = f.Start
	}
	if m := constArrowRE.FindSubmatchIndex(s.Code[LineStart(s.Code, f.Start):f.Start]); m != nil {
		base := LineStart(s.Code, f.Start)
		f.Name = string(s.Code[base+m[4] : base+m[5]])
		f.Exported = m[2] >= 0
		f.Start = base + m[0]
	}
	b := SkipSpace(s.Code, pos+2)
	if b < len(s.Code) && s.Code[b] == '{' {
		f.BodyOpen = b
		f.BodyClose = s.Close(b)
		return f, f.BodyClose > 0
	}
	f.BodyOpen = -1
	f.BodyClose = exprEnd(s, b)
	return f, true
}

// exprEnd returns where an expression starting at from ends: at the first
// ',', ';', or closing bracket at its own depth, or a line break at depth 0
// not followed by an operator.
func exprEnd(s *Scan, from int) int {
	i := from
	for i < len(s.Code) {
		c := s.Code[i]
		switch c {
		case '(', '[', '{':
			if e := s.Close(i); e > 0 {
				i = e + 1
				continue
			}
			return len(s.Code)
		case ')', ']', '}', ',', ';':
			return i
		case '<':
			if el := s.elementAt(i); el != nil && el.End > 0 {
				i = el.End
				continue
			}
		case '\n':
			n := SkipSpace(s.Code, i)
			if n < len(s.Code) && !continues(s.Code[n]) {
				return i
			}
		}
		i++
	}
	return i
}

// ExprEnd is exprEnd for other packages.
func ExprEnd(s *Scan, from int) int { return exprEnd(s, from) }

func continues(c byte) bool {
	return c == '.' || c == '?' || c == ':' || c == '+' || c == '-' || c == '*' || c == '/' || c == '&' || c == '|' || c == '=' || c == '<' || c == '>'
}

func (s *Scan) elementAt(pos int) *Element {
	for _, el := range s.Elements {
		if el.Start == pos {
			return el
		}
	}
	return nil
}

func sortFuncs(fs []Func) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Start < fs[j-1].Start; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// Enclosing returns the innermost function whose parameters or body hold off.
func Enclosing(s *Scan, off int) (Func, bool) {
	var best Func
	found := false
	for _, f := range Funcs(s) {
		if f.Contains(off) && (!found || f.Start >= best.Start) {
			best, found = f, true
		}
	}
	return best, found
}

// MakeAsync returns the edit that makes f async (none when it is).
func MakeAsync(f Func) []Edit {
	if f.Async {
		return nil
	}
	return []Edit{{f.AsyncAt, f.AsyncAt, "async "}}
}

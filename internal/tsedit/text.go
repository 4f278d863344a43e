package tsedit

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Edit replaces Src[Start:End] with Text.
type Edit struct {
	Start, End int
	Text       string
}

// Apply makes non-overlapping edits to src and returns the new content.
// Edits at the same offset are applied in the order given.
func Apply(src []byte, edits ...Edit) []byte {
	es := slices.Clone(edits)
	slices.SortStableFunc(es, func(a, b Edit) int { return a.Start - b.Start })
	var out bytes.Buffer
	last := 0
	for _, e := range es {
		if e.Start < last {
			continue // overlaps an earlier edit: dropped
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.Text)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes()
}

// Offset converts a 1-based line and column (in UTF-16 code units, as
// TypeScript and most tools count) to a byte offset. Out-of-range values
// are clamped to the line or the file.
func Offset(src []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	end := off + lineLen(src[off:])
	units := 1
	for off < end && units < col {
		r, size := utf8.DecodeRune(src[off:])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		off += size
	}
	return off
}

func lineLen(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i
	}
	return len(b)
}

// LineOf returns the 1-based line of a byte offset.
func LineOf(src []byte, off int) int {
	return bytes.Count(src[:min(off, len(src))], []byte{'\n'}) + 1
}

// LineStart returns the offset of the start of the line holding off.
func LineStart(src []byte, off int) int {
	off = min(off, len(src))
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// LineEnd returns the offset of the newline ending the line holding off
// (or the end of the file).
func LineEnd(src []byte, off int) int {
	off = min(off, len(src))
	return off + lineLen(src[off:])
}

// Indent returns the leading whitespace of the line holding off.
func Indent(src []byte, off int) string {
	start := LineStart(src, off)
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// IndentUnit guesses one level of indentation in src ("  " by default).
func IndentUnit(src []byte) string {
	for _, l := range bytes.Split(src, []byte{'\n'}) {
		if len(l) > 0 && l[0] == '\t' {
			return "\t"
		}
		n := 0
		for n < len(l) && l[n] == ' ' {
			n++
		}
		if n == 4 || n == 2 {
			return strings.Repeat(" ", n)
		}
	}
	return "  "
}

// SkipSpace returns the first offset at or after off that is not white
// space in code.
func SkipSpace(code []byte, off int) int {
	for off < len(code) && isSpace(code[off]) {
		off++
	}
	return off
}

// PrevNonSpace returns the offset of the last non-space byte before off, or -1.
func PrevNonSpace(code []byte, off int) int {
	off--
	for off >= 0 && isSpace(code[off]) {
		off--
	}
	return off
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// IdentAt returns the identifier at or just after off in code.
func IdentAt(code []byte, off int) (start, end int, ok bool) {
	off = min(off, len(code))
	start = off
	for start > 0 && isIdent(code[start-1]) {
		start--
	}
	end = start
	for end < len(code) && isIdent(code[end]) {
		end++
	}
	if end == start || !isIdentStart(code[start]) {
		return 0, 0, false
	}
	return start, end, true
}

// WordIndex returns the offsets of every whole-word occurrence of word in code.
func WordIndex(code []byte, word string) []int {
	re := regexp.MustCompile(`(^|[^\w$.])(` + regexp.QuoteMeta(word) + `)\b`)
	var out []int
	for _, m := range re.FindAllSubmatchIndex(code, -1) {
		out = append(out, m[4])
	}
	return out
}

// Uses reports whether code uses name as an identifier (not a property).
func Uses(code []byte, name string) bool { return len(WordIndex(code, name)) > 0 }

var directiveRE = regexp.MustCompile(`^(?:\s|//[^\n]*\n|/\*(?s:.*?)\*/)*(["'])use (client|server)["'];?[ \t]*\n?`)

// Directive returns "client" or "server" for a file that starts with the
// "use client" or "use server" directive, with its extent.
func Directive(src []byte) (name string, start, end int) {
	m := directiveRE.FindSubmatchIndex(src)
	if m == nil {
		return "", 0, 0
	}
	return string(src[m[4]:m[5]]), m[2], m[1]
}

// AddDirective puts a "use client" or "use server" directive first.
func AddDirective(src []byte, name string) []byte {
	if d, _, _ := Directive(src); d == name {
		return src
	}
	return append([]byte(`"use `+name+`";`+"\n\n"), bytes.TrimLeft(src, "\n")...)
}

// RemoveDirective drops the file's directive (and the blank line after it).
func RemoveDirective(src []byte) []byte {
	d, start, end := Directive(src)
	if d == "" {
		return src
	}
	rest := src[end:]
	if len(rest) > 0 && rest[0] == '\n' {
		rest = rest[1:]
	}
	return append(append([]byte{}, src[:start]...), rest...)
}

// QuoteOf returns the quote the file's imports use (double by default).
func QuoteOf(src []byte) string {
	if bytes.Count(src, []byte(`from '`)) > bytes.Count(src, []byte(`from "`)) {
		return "'"
	}
	return `"`
}

// Semi reports whether the file ends statements with semicolons.
func Semi(src []byte) string {
	lines := bytes.Split(src, []byte{'\n'})
	with, without := 0, 0
	for _, l := range lines {
		t := bytes.TrimSpace(l)
		if bytes.HasPrefix(t, []byte("import ")) {
			if bytes.HasSuffix(t, []byte(";")) {
				with++
			} else {
				without++
			}
		}
	}
	if without > with {
		return ""
	}
	return ";"
}

package tsedit

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: any input scans without panicking, the blanked code keeps
// every offset and newline, and every recorded pair is ordered.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("../../faults/cases/*/*/*.tsx")
	more, _ := filepath.Glob("../../faults/base/*/*.tsx")
	for _, p := range append(paths, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("const a = `x${ {a: '}'} }` /* } */ // {\n<div a={1}>{'<'}</div>"))
	f.Add([]byte("a / b / c; x = /[/]/g; <></>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, jsx := range []bool{false, true} {
			s := Parse(src, jsx)
			if len(s.Code) != len(src) {
				t.Fatalf("code length %d, source %d", len(s.Code), len(src))
			}
			for i := range src {
				if (src[i] == '\n') != (s.Code[i] == '\n') {
					t.Fatalf("newline moved at %d", i)
				}
			}
			for o, c := range s.pairs {
				if c <= o || c >= len(src) {
					t.Fatalf("pair %d→%d", o, c)
				}
			}
			Imports(s)
			Funcs(s)
		}
	})
}

func TestExprEndAndReferenced(t *testing.T) {
	src := []byte("import { a, b } from \"x\";\nconst v = f(a, { k: [1, 2] }) + g(3)\n  .h();\nconst w = 2;\n")
	s := Parse(src, false)
	start := 36
	if end := ExprEnd(s, start); string(src[start:end]) != "f(a, { k: [1, 2] }) + g(3)\n  .h()" {
		t.Errorf("ExprEnd: %q", src[start:end])
	}
	if !Referenced(s, "a") || Referenced(s, "b") {
		t.Error("Referenced counts imports")
	}
	out := RemoveImport(src, Imports(s)[0])
	if string(out[:5]) != "const" {
		t.Errorf("RemoveImport: %q", out[:20])
	}
}

package tsedit

import (
	"strings"
	"testing"
)

func TestScanBalanced(t *testing.T) {
	src := `"use client";
// a comment with { and (
import { useState } from "react";
const re = /[{(]/g;
const s = 'it\'s {';
const t = ` + "`a ${b({ c: 1 })} d {`" + `;
export default function Page({ items }: { items: string[] }): JSX.Element {
  const [open, setOpen] = useState<boolean>(false);
  return (
    <ul className="x">
      {items.map((i) => (
        <li key={i} onClick={() => setOpen(!open)}>Don't {i} <br /></li>
      ))}
      <>frag</>
    </ul>
  );
}
`
	s := Parse([]byte(src), true)
	if len(s.Unclosed) != 0 || len(s.Stray) != 0 {
		t.Fatalf("unclosed %v stray %v", s.Unclosed, s.Stray)
	}
	if len(s.Code) != len(src) {
		t.Fatal("code and source differ in length")
	}
	if strings.Contains(string(s.Code), "a comment") || strings.Contains(string(s.Code), "it\\'s") {
		t.Errorf("comments or strings not blanked:\n%s", s.Code)
	}
	names := []string{}
	for _, el := range s.Elements {
		names = append(names, el.Name)
		if el.End < 0 {
			t.Errorf("element %s not closed", el.Name)
		}
	}
	if got := strings.Join(names, ","); got != "ul,li,br," {
		t.Errorf("elements %s", got)
	}
}

func TestScanCutOff(t *testing.T) {
	src := "export function F() {\n  return (\n    <div>\n      <p className=\"a\">\n        hi\n"
	s := Parse([]byte(src), true)
	var kinds []Kind
	for _, o := range s.Unclosed {
		kinds = append(kinds, o.Kind)
	}
	want := []Kind{Brace, Paren, Children, Children}
	if len(kinds) != len(want) {
		t.Fatalf("unclosed %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("unclosed %v, want %v", kinds, want)
		}
	}
	if s.Unclosed[3].Name != "p" {
		t.Errorf("innermost %q", s.Unclosed[3].Name)
	}
	if n := len(s.LineStack[3]); n != 3 {
		t.Errorf("line 4 starts inside %d constructs, want 3", n)
	}
}

func TestScanUnterminatedString(t *testing.T) {
	s := Parse([]byte("const a = [\n  { t: \"cut"), false)
	last := s.Unclosed[len(s.Unclosed)-1]
	if last.Kind != String || last.Quote != '"' {
		t.Errorf("unclosed %+v", s.Unclosed)
	}
}

func TestGenericsAreNotJSX(t *testing.T) {
	s := Parse([]byte("const [a, b] = useState<Task[]>([]);\nif (a < b && c > d) {}\nconst x = f<T>(y);\n"), true)
	if len(s.Elements) != 0 || len(s.Unclosed) != 0 {
		t.Errorf("elements %v unclosed %v", s.Elements, s.Unclosed)
	}
}

func TestOffset(t *testing.T) {
	src := []byte("ab\n\u00e9x = 1\n")
	if got := Offset(src, 2, 2); string(src[got]) != "x" {
		t.Errorf("Offset(2,2) = %d (%q)", got, src[got])
	}
	if got := Offset(src, 9, 1); got != len(src) {
		t.Errorf("past the end: %d", got)
	}
	if LineOf(src, 4) != 2 || Indent([]byte("  x\n"), 3) != "  " {
		t.Error("LineOf or Indent")
	}
}

func TestDirective(t *testing.T) {
	src := []byte("// header\n'use client'\n\nimport x from \"y\";\n")
	if d, _, _ := Directive(src); d != "client" {
		t.Fatalf("directive %q", d)
	}
	if got := string(RemoveDirective(src)); got != "// header\nimport x from \"y\";\n" {
		t.Errorf("RemoveDirective = %q", got)
	}
	added := string(AddDirective([]byte("import x from \"y\";\n"), "client"))
	if !strings.HasPrefix(added, "\"use client\";\n\nimport") {
		t.Errorf("AddDirective = %q", added)
	}
}

func TestImports(t *testing.T) {
	src := []byte(`"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import * as path from "path";
import type { Metadata } from "next";
import "./globals.css";
import {
  a,
  b as c,
} from "@/lib/x";
function f() { const s = "import nope from 'x'"; }
`)
	imps := Imports(ParseFile("a.tsx", src))
	if len(imps) != 6 {
		t.Fatalf("%d imports: %+v", len(imps), imps)
	}
	if imps[0].Default != "Link" || imps[0].Module != "next/link" {
		t.Errorf("default import %+v", imps[0])
	}
	if len(imps[1].Named) != 2 || !imps[1].Named[1].Type || imps[1].Named[1].Name != "FormEvent" {
		t.Errorf("named %+v", imps[1].Named)
	}
	if imps[2].Namespace != "path" || !imps[3].TypeOnly || imps[4].Module != "./globals.css" {
		t.Errorf("namespace/type-only/side-effect: %+v %+v %+v", imps[2], imps[3], imps[4])
	}
	if imps[5].Named[1].Local() != "c" {
		t.Errorf("multi-line %+v", imps[5])
	}
	out := string(AddNamed(src, "a.tsx", "react", Spec{Name: "ChangeEvent", Type: true}))
	if !strings.Contains(out, `import { useState, type FormEvent, type ChangeEvent } from "react";`) {
		t.Errorf("AddNamed into braces:\n%s", out)
	}
	out = string(AddNamed(src, "a.tsx", "next/navigation", Spec{Name: "useRouter"}))
	if !strings.Contains(out, "} from \"@/lib/x\";\nimport { useRouter } from \"next/navigation\";\n") {
		t.Errorf("AddNamed new line:\n%s", out)
	}
	out = string(RemoveNamed(src, "a.tsx", "react", "useState"))
	if !strings.Contains(out, `import { type FormEvent } from "react";`) {
		t.Errorf("RemoveNamed:\n%s", out)
	}
	out = string(RemoveNamed(src, "a.tsx", "path", "path"))
	if out != string(src) {
		t.Error("RemoveNamed of a namespace should do nothing")
	}
	out = string(AddLine([]byte("\"use server\";\n\nexport async function a() {}\n"), "a.ts", `import x from "y";`))
	if out != "\"use server\";\n\nimport x from \"y\";\n\nexport async function a() {}\n" {
		t.Errorf("AddLine after directive: %q", out)
	}
}

func TestFuncs(t *testing.T) {
	src := []byte(`export default function HomePage({ a }: { a: string }): Promise<{ b: number }> {
  const tasks = fetchTasks();
  const f = async (x: number) => x + 1;
  items.map((t) => {
    return t;
  });
}
export const GET = async (req: Request) => {
  return 1;
};
`)
	s := Parse(src, true)
	fs := Funcs(s)
	if len(fs) != 4 {
		t.Fatalf("%d funcs: %+v", len(fs), fs)
	}
	if fs[0].Name != "HomePage" || !fs[0].Exported || !fs[0].Default || fs[0].Async {
		t.Errorf("decl %+v", fs[0])
	}
	if string(src[fs[0].BodyOpen:fs[0].BodyOpen+4]) != "{\n  " {
		t.Errorf("body brace at %q", src[fs[0].BodyOpen:fs[0].BodyOpen+4])
	}
	off := strings.Index(string(src), "fetchTasks")
	f, ok := Enclosing(s, off)
	if !ok || f.Name != "HomePage" {
		t.Fatalf("enclosing %+v", f)
	}
	got := string(Apply(src, MakeAsync(f)...))
	if !strings.HasPrefix(got, "export default async function HomePage(") {
		t.Errorf("MakeAsync: %q", got[:50])
	}
	g, ok := Enclosing(s, strings.Index(string(src), "return 1"))
	if !ok || g.Name != "GET" || !g.Async || !g.Exported {
		t.Errorf("const arrow %+v", g)
	}
	h, _ := Enclosing(s, strings.Index(string(src), "x + 1"))
	if !h.Arrow || !h.Async || h.BodyOpen != -1 || string(src[h.BodyClose]) != ";" {
		t.Errorf("expression arrow %+v", h)
	}
}

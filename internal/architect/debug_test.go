package architect

import (
	"fmt"
	"os"
	"testing"

	"github.com/nexusgen/nexusgen/internal/prd"
)

func TestDebugDecl(t *testing.T) {
	text := os.Getenv("ARCHITECT_DEBUG")
	if text == "" {
		t.Skip()
	}
	m := &model{d: newDoc(text), lang: "en", wantPages: map[prd.PageKind]bool{}}
	for _, s := range m.d.sentences {
		fmt.Printf("S: %q\n", s.text)
		for i, tk := range s.toks {
			fmt.Printf("%d:%s(%d) ", i, tk.text, tk.kind)
		}
		fmt.Println()
	}
	m.readDeclarations()
	for _, e := range m.entities {
		fmt.Printf("E %s explicit=%v fields=%d\n", e.name, e.explicit, len(e.fields))
		for _, f := range e.fields {
			fmt.Printf("   %s %s\n", f.Name, f.Type)
		}
	}
}

func TestDebugList(t *testing.T) {
	text := os.Getenv("ARCHITECT_LIST")
	if text == "" {
		t.Skip()
	}
	toks := tokenise(text)
	for _, it := range parseList(toks, 0) {
		f, ok := typeField(it, "x", "en")
		fmt.Printf("item %q paren=%q opts=%q alt=%q -> %v %q %s %v\n", it.text(), words(it.paren), it.options, words(it.alt), ok, f.Name, f.Type, f.Options)
	}
}

func TestDebugProse(t *testing.T) {
	text := os.Getenv("ARCHITECT_PROSE")
	if text == "" {
		t.Skip()
	}
	m := &model{d: newDoc(text), lang: "en", wantPages: map[prd.PageKind]bool{}}
	m.readKind()
	fmt.Printf("kind=%v purpose=%q owner=%q for=%q kindEntity=%q\n", m.kindWords, m.purpose, m.owner, m.forWhom, m.kindEntity)
	for _, c := range m.proseEntities() {
		fmt.Printf("%+v\n", c)
	}
}

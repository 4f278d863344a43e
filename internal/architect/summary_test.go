package architect

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// describe prints a PRD compactly: entities with typed fields, relations,
// features and pages.
func describe(p *prd.PRD) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  app=%q arch=%s lang=%s theme=%s/%s(%s %v) mode=%s\n", p.AppName, p.Archetype, p.Language, p.Theme.Background, p.Theme.Primary, p.Theme.Source, p.Theme.Names, p.Theme.Mode)
	for _, e := range p.Entities {
		var fs []string
		for _, f := range e.Fields {
			s := f.Name + ":" + string(f.Type)
			if len(f.Options) > 0 {
				s += "(" + strings.Join(f.Options, "|") + ")"
			}
			if f.Unit != "" {
				s += "[" + f.Unit + "]"
			}
			if f.Min != nil || f.Max != nil {
				s += fmt.Sprintf("{%v..%v}", deref(f.Min), deref(f.Max))
			}
			fs = append(fs, s)
		}
		fmt.Fprintf(&b, "  %s/%s [display %s]: %s\n", e.Name, e.Plural, e.Display, strings.Join(fs, ", "))
	}
	for _, r := range p.Relations {
		req := ""
		if r.Required {
			req = " (required)"
		}
		fmt.Fprintf(&b, "  rel %s -> %s%s\n", r.From, r.To, req)
	}
	for _, f := range p.Features {
		fmt.Fprintf(&b, "  feat %s %s f=%s f2=%s g=%s op=%s via=%s cmp=%s %s lim=%d ord=%s expr=%q %q\n", f.Kind, f.Entity, f.Field, f.Field2, f.GroupBy, f.Op, f.Via, f.Compare, f.Value, f.Limit, f.Order, f.Expression, f.Label)
	}
	var pages []string
	for _, pg := range p.Pages {
		pages = append(pages, string(pg.Kind)+":"+pg.Path)
	}
	fmt.Fprintf(&b, "  pages %s\n", strings.Join(pages, " "))
	return b.String()
}

func deref(f *float64) any {
	if f == nil {
		return ""
	}
	return *f
}

type evalPrompt struct {
	ID     string `json:"id"`
	Prompt string `json:"prompt"`
	Expect struct {
		Entities []struct {
			Name   string   `json:"name"`
			Fields []string `json:"fields"`
		} `json:"entities"`
		Features []string          `json:"features"`
		Pages    []string          `json:"pages"`
		Theme    map[string]string `json:"theme"`
		// Types maps "entity.field" to the field's type.
		Types map[string]string `json:"types,omitempty"`
		// Relations lists "from->to" links that must exist.
		Relations []string `json:"relations,omitempty"`
		// Absent lists fields an entity must not have: those the prompt
		// gave to another entity.
		Absent map[string][]string `json:"absent,omitempty"`
	} `json:"expect"`
}

func readJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

func TestDump(t *testing.T) {
	which := os.Getenv("ARCHITECT_DUMP")
	if which == "" {
		t.Skip("set ARCHITECT_DUMP=prompts|webgen|<text> to print PRDs")
	}
	var prompts []string
	switch which {
	case "prompts":
		for _, p := range readJSONL[evalPrompt](t, "testdata/prompts.jsonl") {
			prompts = append(prompts, p.Prompt)
		}
	case "webgen":
		for _, p := range readJSONL[struct{ Instruction string }](t, "testdata/webgen.jsonl") {
			prompts = append(prompts, p.Instruction)
		}
	default:
		prompts = []string{which}
	}
	for i, text := range prompts {
		p, err := Offline{}.Plan(context.Background(), Params{Prompt: text})
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		fmt.Printf("#%d %s\n%s", i+1, clip(text, 160), describe(p))
		if os.Getenv("ARCHITECT_VERBOSE") != "" {
			data, _ := json.MarshalIndent(p, "", "  ")
			fmt.Println(string(data))
		}
	}
}

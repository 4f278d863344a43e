package heal

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/report"
)

type fakeCompleter struct {
	answer string
	got    CompleteParams
}

func (f *fakeCompleter) Complete(ctx context.Context, p CompleteParams) (Completion, error) {
	f.got = p
	return Completion{Text: f.answer, Usage: report.Usage{InputTokens: 100, OutputTokens: 20}}, nil
}

func TestLLMFixer(t *testing.T) {
	ws := wsWith(t, map[string]string{"app/page.tsx": "export default function P() { return <p>{x}</p> }\n"})
	d := diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 1, Code: "TS2304", Message: "Cannot find name 'x'.", Category: diag.Runtime}
	c := &fakeCompleter{answer: "Here you go:\n<file path=\"app/page.tsx\">\n```tsx\nconst x = 1;\nexport default function P() { return <p>{x}</p> }\n```\n</file>\n"}
	l := &LLM{Completer: c}
	fix, err := l.Fix(context.Background(), Params{Diag: d, Files: ws, Tried: []string{"#1 import.add-missing: not applicable"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(fix.Changes) != 1 || string(fix.Changes[0].Data) != "const x = 1;\nexport default function P() { return <p>{x}</p> }\n" {
		t.Errorf("changes %q", fix.Changes)
	}
	if fix.Usage.InputTokens != 100 {
		t.Errorf("usage %+v", fix.Usage)
	}
	if !strings.Contains(c.got.Prompt, "Cannot find name 'x'") || !strings.Contains(c.got.Prompt, "return <p>{x}</p>") ||
		!strings.Contains(c.got.Prompt, "import.add-missing") || c.got.System == "" {
		t.Errorf("prompt %q", c.got.Prompt)
	}
	for _, bad := range []string{
		"<file path=\"../etc/passwd\">x</file>",
		"<file path=\"node_modules/x/index.js\">x</file>",
		"I think the problem is x.",
	} {
		c.answer = bad
		if _, err := l.Fix(context.Background(), Params{Diag: d, Files: ws}); !errors.Is(err, ErrNotApplicable) {
			t.Errorf("%q: %v", bad, err)
		}
	}
	c.answer = "<delete path=\"app/old.tsx\"/>"
	fix, err = l.Fix(context.Background(), Params{Diag: d, Files: ws})
	if err != nil || fix.Changes[0].Data != nil {
		t.Errorf("delete: %+v %v", fix, err)
	}
	if _, err := (&LLM{}).Fix(context.Background(), Params{Diag: d, Files: ws}); !errors.Is(err, ErrNotApplicable) {
		t.Errorf("without a provider: %v", err)
	}
}

func TestLLMInTheHealer(t *testing.T) {
	c := &fakeCompleter{answer: "<file path=\"a.ts\">fixed\n</file>"}
	h := newHealer(t, Config{Rules: []Fixer{&fakeFixer{name: "a", cat: diag.Runtime, na: true}}, LLM: &LLM{Completer: c}})
	r := newRun(t, map[string]string{"a.ts": "x\n"})
	out := cycle(t, h, r, typeErr("a.ts", 1, "foo"))
	if len(out.Attempts) != 1 || out.Attempts[0].Source != "llm" || read(t, r, "a.ts") != "fixed\n" {
		t.Fatalf("outcome %+v", out)
	}
	if r.Report.Usage.InputTokens != 100 {
		t.Errorf("usage not counted: %+v", r.Report.Usage)
	}
}

package rules

import (
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
)

func TestStripFences(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "app/page.tsx", Line: 1, Column: 1, Code: "TS2349",
		Message: "This expression is not callable.\n  Type 'String' has no call signatures."})
	for name, src := range map[string]string{
		"fenced":      "```tsx\nexport default function P() {}\n```\n",
		"with prose":  "Here is the page:\n\n```tsx\nexport default function P() {}\n```\nLet me know!\n",
		"open fence":  "```typescript\nexport default function P() {}\n",
		"close fence": "export default function P() {}\n```\n",
	} {
		t.Run(name, func(t *testing.T) {
			out := mustFix(t, fenceStrip, map[string]string{"app/page.tsx": src}, d)
			if out["app/page.tsx"] != "export default function P() {}\n" {
				t.Errorf("got %q", out["app/page.tsx"])
			}
		})
	}
	mustNotFix(t, fenceStrip, map[string]string{"app/page.tsx": "const s = `a`;\n"}, d)
}

func TestCloseOpen(t *testing.T) {
	eof := func(file string, line int, msg string) diag.Diagnostic {
		return classify(diag.Diagnostic{Tool: diag.ToolTSC, File: file, Line: line, Code: "TS1005", Message: msg})
	}
	tests := []struct {
		name, file, src, want string
		d                     diag.Diagnostic
	}{
		{
			name: "lost brace mid-file",
			file: "lib/a.ts",
			src:  "export function a() {\n  return {\n    x: 1,\n  };\n\nexport function b() {\n  return 2;\n}\n",
			want: "export function a() {\n  return {\n    x: 1,\n  };\n}\n\nexport function b() {\n  return 2;\n}\n",
			d:    eof("lib/a.ts", 9, "'}' expected."),
		},
		{
			name: "cut off in JSX",
			file: "components/F.tsx",
			src:  "export default function F() {\n  return (\n    <div>\n      <form>\n        <label>Name</label>\n",
			want: "export default function F() {\n  return (\n    <div>\n      <form>\n        <label>Name</label>\n      </form>\n    </div>\n  );\n}\n",
			d:    eof("components/F.tsx", 5, "'</' expected."),
		},
		{
			name: "cut off in a string in an array",
			file: "lib/data.ts",
			src:  "export const items = [\n  { title: \"one\" },\n  { title: \"tw",
			want: "export const items = [\n  { title: \"one\" },\n  { title: \"tw\"\n  }\n];\n",
			d:    classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "lib/data.ts", Line: 3, Code: "TS1002", Message: "Unterminated string literal."}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := mustFix(t, braceClose, map[string]string{tt.file: tt.src}, tt.d)
			if out[tt.file] != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out[tt.file], tt.want)
			}
		})
	}
	mustNotFix(t, braceClose, map[string]string{"lib/a.ts": "export const a = 1;\n"}, eof("lib/a.ts", 1, "'}' expected."))
}

func TestInsertToken(t *testing.T) {
	src := "const seed = [\n  {\n    title: \"Set up\"\n    done: true,\n  },\n];\n"
	d := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "lib/store.ts", Line: 4, Column: 5, Code: "TS1005", Message: "',' expected."})
	out := mustFix(t, tokenInsert, map[string]string{"lib/store.ts": src}, d)
	if !strings.Contains(out["lib/store.ts"], "title: \"Set up\",\n    done") {
		t.Errorf("got\n%s", out["lib/store.ts"])
	}
	turbo := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "lib/store.ts", Line: 4, Column: 5, Message: "Expected ',', got 'ident'"})
	if out := mustFix(t, tokenInsert, map[string]string{"lib/store.ts": src}, turbo); !strings.Contains(out["lib/store.ts"], "\"Set up\",") {
		t.Errorf("turbopack wording: %s", out["lib/store.ts"])
	}
	mustNotFix(t, tokenInsert, map[string]string{"lib/store.ts": "f(a,\n  b)\n"}, classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "lib/store.ts", Line: 2, Column: 3, Code: "TS1005", Message: "',' expected."}))
}

func TestJSXTags(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "a.tsx", Line: 3, Column: 12, Code: "TS17002", Message: "Expected corresponding JSX closing tag for 'p'."})
	misspelt := "const a = (\n  <section>\n    <p>Hi</span>\n  </section>\n);\n"
	out, fix, err := run(t, jsxClosingTag, map[string]string{"a.tsx": misspelt}, d)
	if err != nil || out["a.tsx"] != "const a = (\n  <section>\n    <p>Hi</p>\n  </section>\n);\n" || fix.Variant != "rename" {
		t.Errorf("rename: %v %q", err, out["a.tsx"])
	}
	unclosed := "const a = (\n  <div>\n    <p>Hi</div>\n);\n"
	d2 := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "a.tsx", Line: 3, Column: 11, Code: "TS17002", Message: "Expected corresponding JSX closing tag for 'p'."})
	if out := mustFix(t, jsxClosingTag, map[string]string{"a.tsx": unclosed}, d2); out["a.tsx"] != "const a = (\n  <div>\n    <p>Hi</p></div>\n);\n" {
		t.Errorf("insert: %q", out["a.tsx"])
	}
	gt := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "a.tsx", Line: 1, Column: 16, Code: "TS1382", Message: "Unexpected token. Did you mean `{'>'}` or `&gt;`?"})
	if out := mustFix(t, jsxTextToken, map[string]string{"a.tsx": "const a = <p>a -> b</p>;\n"}, gt); out["a.tsx"] != "const a = <p>a -{\">\"} b</p>;\n" {
		t.Errorf("text token: %q", out["a.tsx"])
	}
}

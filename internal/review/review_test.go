package review_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/review"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

type sample struct {
	file, src string
	line      int // line of the finding in a positive sample
}

// ruleCases has, per rule, sources it must flag and close ones it must not.
var ruleCases = map[string]struct {
	pos, neg []sample
}{
	"security/eval": {
		pos: []sample{
			{"lib/calc.ts", "const total = eval(expr);", 1},
			{"lib/calc.js", "const f = new Function(\"a\", body);", 1},
		},
		neg: []sample{
			{"lib/calc.ts", "const data = retrieval(expr);\nconst evaluate = (x: string) => x;", 0},
		},
	},
	"security/secret-in-client": {
		pos: []sample{
			{"components/Pay.tsx", "\"use client\";\nconst key = process.env.STRIPE_SECRET_KEY;", 2},
			{"components/Pay.tsx", "'use client'\n\nfetch(url, { headers: { auth: process.env.API_TOKEN } });", 3},
			// Comments may come before the directive.
			{"components/Pay.tsx", "// Checkout form\n\"use client\";\nconst key = process.env.STRIPE_SECRET_KEY;", 3},
		},
		neg: []sample{
			{"app/api/pay/route.ts", "const key = process.env.STRIPE_SECRET_KEY;", 0},
			{"components/Pay.tsx", "\"use client\";\nconst url = process.env.NEXT_PUBLIC_API_URL;", 0},
		},
	},
	"security/hardcoded-secret": {
		pos: []sample{
			{"lib/ai.ts", "const key = \"sk-abcdefghijklmnopqrstuvwxyz123456\";", 1},
			{"lib/aws.ts", "const id = 'AKIAIOSFODNN7EXAMPLE';", 1},
			{"lib/gh.ts", "const t = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\";", 1},
			{"lib/key.ts", "const pem = `\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow...`;", 2},
			{"lib/key.ts", "const pem = \"-----BEGIN PRIVATE KEY-----\\nMIIEvQ...\";", 1},
		},
		neg: []sample{
			{"lib/ai.ts", "const key = process.env.OPENAI_API_KEY;\nconst prefix = \"sk-\";\nconst task = \"sk-short\";", 0},
			{"lib/key.ts", "const pem = \"-----BEGIN PUBLIC KEY-----\";", 0},
		},
	},
	"security/inner-html": {
		pos: []sample{{"app/post.tsx", "<div dangerouslySetInnerHTML={{ __html: post.body }} />", 1}},
		neg: []sample{{"app/layout.tsx", "<script dangerouslySetInnerHTML={{ __html: themeScript }} />", 0}},
	},
	"security/target-blank": {
		pos: []sample{{"components/Link.tsx", "<a href={url} target=\"_blank\">docs</a>", 1}},
		neg: []sample{
			{"components/Link.tsx", "<a href={url} target=\"_blank\" rel=\"noopener noreferrer\">docs</a>", 0},
			{"components/Link.tsx", "<a href={url} target=\"_self\">docs</a>", 0},
		},
	},
	"deprecated/pages-router-data": {
		pos: []sample{
			{"app/tasks/page.tsx", "export async function getServerSideProps() {", 1},
			{"src/app/page.tsx", "export function getStaticProps() {", 1},
		},
		neg: []sample{
			{"pages/index.tsx", "export async function getServerSideProps() {", 0},
			{"app/tasks/page.tsx", "export async function generateStaticParams() {", 0},
		},
	},
	"deprecated/next-router": {
		pos: []sample{{"components/Nav.tsx", "import { useRouter } from \"next/router\";", 1}},
		neg: []sample{{"components/Nav.tsx", "import { useRouter } from \"next/navigation\";", 0}},
	},
	"deprecated/legacy-image": {
		pos: []sample{{"components/Logo.tsx", "import Image from 'next/legacy/image';", 1}},
		neg: []sample{{"components/Logo.tsx", "import Image from 'next/image';", 0}},
	},
	"deprecated/next-head": {
		pos: []sample{{"app/layout.tsx", "import Head from \"next/head\";", 1}},
		neg: []sample{{"pages/_app.tsx", "import Head from \"next/head\";", 0}},
	},
	"offline/google-font": {
		pos: []sample{{"app/layout.tsx", "import { Inter } from \"next/font/google\";", 1}},
		neg: []sample{{"app/layout.tsx", "import localFont from \"next/font/local\";", 0}},
	},
	"tailwind/v3-directive": {
		pos: []sample{{"app/globals.css", "@import \"./fonts.css\";\n  @tailwind utilities;", 2}},
		neg: []sample{
			{"app/globals.css", "@import \"tailwindcss\";", 0},
			{"lib/tw.ts", "@tailwind base;", 0},
		},
	},
	"a11y/img-alt": {
		pos: []sample{{"components/Card.tsx", "  <img src={photo} className=\"h-8\" />", 1}},
		neg: []sample{
			{"components/Card.tsx", "  <img src={photo} alt=\"Plant photo\" />", 0},
			{"components/Card.tsx", "  <Image src={photo} />\n  <imgix />", 0},
		},
	},
	"a11y/positive-tabindex": {
		pos: []sample{
			{"components/Card.tsx", "<div tabIndex={2}>", 1},
			{"components/Card.tsx", "<div tabIndex=\"1\">", 1},
		},
		neg: []sample{{"components/Card.tsx", "<div tabIndex={0}>\n<div tabIndex={-1}>", 0}},
	},
	"a11y/click-on-div": {
		pos: []sample{
			{"components/Row.tsx", "<div className=\"row\" onClick={open}>", 1},
			{"components/Row.tsx", "<span onClick={() => toggle(id)}>", 1},
		},
		neg: []sample{{"components/Row.tsx", "<button type=\"button\" onClick={open}>\n<divider onClick={x} />", 0}},
	},
	"perf/fetch-in-effect": {
		pos: []sample{{"components/List.tsx", "\"use client\";\nuseEffect(() => { fetch(\"/api/tasks\").then(setTasks); }, []);", 2}},
		neg: []sample{{"components/List.tsx", "\"use client\";\nuseEffect(() => { document.title = title; }, [title]);", 0}},
	},
	"types/explicit-any": {
		pos: []sample{
			{"lib/store.ts", "export function save(x: any) {}", 1},
			{"lib/store.ts", "const list = raw as any;", 1},
			{"components/List.tsx", "const ref = useRef<any>(null);\n\"use client\";", 1},
		},
		neg: []sample{
			{"lib/store.ts", "const company: Company = load();\nconst label = \"any\";", 0},
			{"lib/store.js", "export function save(x /*: any */) { const y = x; }\nconst z = x\n  ? a: any_b;", 0},
		},
	},
	"react/missing-use-client": {
		pos: []sample{
			{"components/Counter.tsx", "import { useState } from \"react\";\nexport function Counter() {\n  const [n, setN] = useState(0);", 3},
			{"components/Theme.tsx", "const t = useContext(ThemeContext);", 1},
		},
		neg: []sample{
			{"components/Counter.tsx", "\"use client\";\nimport { useState } from \"react\";\nconst [n, setN] = useState(0);", 0},
			{"components/Counter.tsx", "// a counter\n'use client'\nconst [n, setN] = useState<number>(0);", 0},
			{"lib/useCounter.ts", "export const useCounter = () => useState(0);", 0},
			{"components/Static.tsx", "import { useStateMachine } from \"./machine\";\nconst m = useStateMachine();", 0},
		},
	},
}

func findings(fs []report.Finding, rule string) []report.Finding {
	var out []report.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestEveryRuleHasCases(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, r := range review.Rules {
		if seen[r.ID] {
			t.Errorf("rule %s is defined twice", r.ID)
		}
		seen[r.ID] = true
		if _, ok := ruleCases[r.ID]; !ok {
			t.Errorf("rule %s has no positive and negative samples in this test", r.ID)
		}
		if !slices.Contains([]string{review.Info, review.Warning, review.Error}, r.Severity) {
			t.Errorf("rule %s has severity %q", r.ID, r.Severity)
		}
		if r.Message == "" || r.Match == nil {
			t.Errorf("rule %s has no message or no pattern", r.ID)
		}
	}
	for id := range ruleCases {
		if !seen[id] {
			t.Errorf("samples for %s, which is not a rule", id)
		}
	}
}

func TestRules(t *testing.T) {
	t.Parallel()
	for _, rule := range review.Rules {
		c := ruleCases[rule.ID]
		t.Run(rule.ID, func(t *testing.T) {
			t.Parallel()
			if len(c.pos) == 0 || len(c.neg) == 0 {
				t.Fatal("needs at least one positive and one negative sample")
			}
			for _, s := range c.pos {
				got := findings(review.File(s.file, []byte(s.src)), rule.ID)
				if len(got) != 1 {
					t.Errorf("%s %q: %d findings, want 1: %+v", s.file, s.src, len(got), got)
					continue
				}
				want := report.Finding{Rule: rule.ID, Severity: rule.Severity, File: s.file, Line: s.line, Message: rule.Message}
				if got[0] != want {
					t.Errorf("%s %q:\n got %+v\nwant %+v", s.file, s.src, got[0], want)
				}
			}
			for _, s := range c.neg {
				if got := findings(review.File(s.file, []byte(s.src)), rule.ID); len(got) != 0 {
					t.Errorf("%s %q: flagged %+v", s.file, s.src, got)
				}
			}
		})
	}
}

func TestCommentsIgnored(t *testing.T) {
	t.Parallel()
	cases := []struct{ file, src string }{
		{"lib/a.ts", "// eval(x) is never used here\n/* import Head from \"next/head\" */\n * <img src={x} />\n   // const k = \"sk-abcdefghijklmnopqrstuvwxyz123456\";"},
		{"app/globals.css", "/* @tailwind base; is gone */"},
	}
	for _, c := range cases {
		if got := review.File(c.file, []byte(c.src)); len(got) != 0 {
			t.Errorf("%s: comments flagged: %+v", c.file, got)
		}
	}
	// In CSS only block comments are comments.
	if got := review.File("app/x.css", []byte("@tailwind utilities;")); len(got) != 1 {
		t.Errorf("css directive: %+v", got)
	}
}

func TestLineRulesReportEveryLine(t *testing.T) {
	t.Parallel()
	src := "\"use client\";\n<img src={a} />\n<p>ok</p>\n<img src={b} />\n"
	got := findings(review.File("components/G.tsx", []byte(src)), "a11y/img-alt")
	if len(got) != 2 || got[0].Line != 2 || got[1].Line != 4 {
		t.Errorf("findings %+v, want lines 2 and 4", got)
	}
}

func TestFileRuleReportsOnce(t *testing.T) {
	t.Parallel()
	src := "import { useState, useEffect, useRef } from \"react\";\n" +
		"export function Timer() {\n" +
		"  const [n, setN] = useState(0);\n" +
		"  const ref = useRef(null);\n" +
		"  useEffect(() => {}, []);\n" +
		"}\n"
	got := findings(review.File("components/Timer.tsx", []byte(src)), "react/missing-use-client")
	if len(got) != 1 || got[0].Line != 3 {
		t.Errorf("findings %+v, want one on line 3", got)
	}
}

// A minified line longer than bufio's default buffer is still reviewed.
func TestLongLines(t *testing.T) {
	t.Parallel()
	long := make([]byte, 200<<10)
	for i := range long {
		long[i] = 'x'
	}
	src := append([]byte("const a = 1;\n"), long...)
	src = append(src, []byte(" eval(code);\n")...)
	got := findings(review.File("public/bundle.js", src), "security/eval")
	if len(got) != 1 || got[0].Line != 2 {
		t.Errorf("findings %+v, want one on line 2", got)
	}
}

func TestDir(t *testing.T) {
	t.Parallel()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	files := map[string]string{
		"app/page.tsx":        "import { useRouter } from \"next/router\";\n",
		"app/globals.css":     "@tailwind base;\n",
		"lib/store.ts":        "export const load = (x: any) => x;\n",
		"lib/clean.ts":        "export const one = 1;\n",
		"types/global.d.ts":   "declare const x: any;\n",
		"README.md":           "Never call eval(x).\n",
		"scripts/seed.mjs":    "eval(src);\n",
		"public/data.json":    "{\"eval(\": 1}\n",
		"components/Menu.jsx": "<div onClick={open}>menu</div>\n",
	}
	for p, src := range files {
		if _, err := ws.WriteFile(p, []byte(src)); err != nil {
			t.Fatal(err)
		}
	}
	type key struct{ rule, file string }
	got := map[key]int{}
	all, err := review.Dir(context.Background(), ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range all {
		got[key{f.Rule, f.File}] = f.Line
	}
	want := map[key]int{
		{"deprecated/next-router", "app/page.tsx"}:   1,
		{"tailwind/v3-directive", "app/globals.css"}: 1,
		{"types/explicit-any", "lib/store.ts"}:       1,
		{"security/eval", "scripts/seed.mjs"}:        1,
		{"a11y/click-on-div", "components/Menu.jsx"}: 1,
	}
	if len(got) != len(want) {
		t.Errorf("findings %+v", all)
	}
	for k, line := range want {
		if got[k] != line {
			t.Errorf("missing %v on line %d; got %+v", k, line, all)
		}
	}

	// Only the given files, and a listed file that is gone is skipped.
	some, err := review.Dir(context.Background(), ws, []string{"lib/store.ts", "lib/clean.ts", "lib/deleted.ts"})
	if err != nil {
		t.Fatal(err)
	}
	if len(some) != 1 || some[0].File != "lib/store.ts" {
		t.Errorf("findings for the listed files: %+v", some)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := review.Dir(ctx, ws, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
}

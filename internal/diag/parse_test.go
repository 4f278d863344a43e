package diag

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStripANSI(t *testing.T) {
	tests := map[string]string{
		"\x1b[31m\x1b[1m>\x1b[0m \x1b[90m2 |\x1b[0m code": "> 2 | code",
		"\x1b[38;5;246m╭\x1b[0m─[ src/App.tsx:1:20 ]":     "╭─[ src/App.tsx:1:20 ]",
		"\x1b]8;;https://x.dev\x07link\x1b]8;;\x07":       "link",
		"\x1b[?25hdone": "done",
		"Generating (1/4)\rGenerating (4/4)\r\nnext": "Generating (4/4)\nnext",
	}
	for in, want := range tests {
		if got := StripANSI(in); got != want {
			t.Errorf("StripANSI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFallback(t *testing.T) {
	out := "> app@0.1.0 build\n> next build\n\nsomething went sideways\n  while doing a thing\nfinal words\n\n"
	ds := Parse(ToolNext, out)
	if len(ds) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %+v", len(ds), ds)
	}
	d := ds[0]
	if d.Category != Unknown || d.Message != "final words" || !strings.Contains(d.Excerpt, "something went sideways") || strings.Contains(d.Excerpt, "> next build") {
		t.Errorf("got %+v", d)
	}
	for _, empty := range []string{"", "   \n\t\n", "\x1b[0m\n", "> app@0.1.0 typecheck\n> tsc --noEmit\n\n"} {
		if ds := Parse(ToolTSC, empty); len(ds) != 0 {
			t.Errorf("Parse(%q) = %+v, want none", empty, ds)
		}
	}
	// The fallback is classified like any diagnostic.
	if ds := Parse(ToolNext, "Killed\n"); len(ds) != 1 || ds[0].Category != Resource || ds[0].Subclass != OutOfMemory {
		t.Errorf("Killed: %+v", ds)
	}
	// The line that says what failed wins over the last line.
	if ds := Parse(ToolVitest, "running\nError: config failed to load\ndone in 3s\n"); len(ds) != 1 || ds[0].Message != "Error: config failed to load" {
		t.Errorf("got %+v", ds)
	}
}

func TestPaths(t *testing.T) {
	pa := pather{root: "/srv/apps/p1"}
	tests := []struct {
		in, want string
		inside   bool
	}{
		{"/srv/apps/p1/app/page.tsx", "app/page.tsx", true},
		{"./app/page.tsx", "app/page.tsx", true},
		{"file:///srv/apps/p1/lib/db.ts", "lib/db.ts", true},
		{"/srv/apps/p1/node_modules/next/dist/x.js", "node_modules/next/dist/x.js", false},
		{"/usr/lib/node_modules/npm/lib/cli.js", "node_modules/npm/lib/cli.js", false},
		{"/elsewhere/app/page.tsx", "app/page.tsx", false},
		{`C:\work\p1\app\page.tsx`, "app/page.tsx", false},
		{"turbopack:///[project]/app/layout.tsx", "app/layout.tsx", true},
		{"webpack-internal:///(app-pages-browser)/./components/Widget.tsx", "components/Widget.tsx", true},
		{"./app/globals.css.webpack[javascript/auto]!=!./node_modules/x/loader.js!./app/globals.css", "app/globals.css", true},
		{"node:fs", "", false},
		{"https://nextjs.org/docs", "", false},
	}
	for _, tt := range tests {
		got, inside := pa.rel(tt.in)
		if got != tt.want || inside != tt.inside {
			t.Errorf("rel(%q) = %q, %v; want %q, %v", tt.in, got, inside, tt.want, tt.inside)
		}
	}
	// Without a root, an absolute path is cut at the app's first top-level name.
	if got, _ := (pather{}).rel("/tmp/build-123/components/TaskForm.tsx"); got != "components/TaskForm.tsx" {
		t.Errorf("no root: %q", got)
	}
}

func TestParseWithoutRoot(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "cases", "08-markdown-code-fence", "build.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Files become relative anyway; messages keep the paths the tool printed.
	ds := Parse(ToolNext, string(data))
	if len(ds) == 0 || ds[0].File != "app/page.tsx" || !strings.Contains(ds[0].Message, "/tmp/diag-cases/") {
		t.Errorf("got %+v", ds)
	}
}

// TestNPMRunOutput: output of `npm run <script>` given as npm is read with
// the parser of the program the script runs.
func TestNPMRunOutput(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "cases", "13-missing-property", "typecheck.txt"))
	if err != nil {
		t.Fatal(err)
	}
	asNPM, asTSC := Parse(ToolNPM, string(data)), Parse(ToolTSC, string(data))
	if !reflect.DeepEqual(asNPM, asTSC) || len(asTSC) != 1 {
		t.Errorf("npm: %+v\ntsc: %+v", asNPM, asTSC)
	}
}

func TestOrderAndDedupe(t *testing.T) {
	out := strings.Join([]string{
		" ⚠ Invalid next.config.mjs options detected: ",
		" ⚠     Unrecognized key(s) in object: 'appDir' at \"experimental\"",
		"app/page.tsx(3,1): error TS2304: Cannot find name 'Link'.",
		"app/page.tsx(3,1): error TS2304: Cannot find name 'Link'.",
		"Error: Cannot apply unknown utility class `bg-x`",
		"    [at onInvalidCandidate (/x/node_modules/tailwindcss/dist/lib.js:21:1867)]",
		"",
		"./app/globals.css",
		"Error: Error evaluating Node.js code",
		"CssSyntaxError: tailwindcss: /p/app/globals.css:1:1: Cannot apply unknown utility class `bg-x`",
		"",
	}, "\n")
	ds := Parse(ToolNext, out, WithRoot("/p"))
	var got []string
	for _, d := range ds {
		got = append(got, string(d.Severity)+" "+d.File+" "+firstLine(d.Message))
	}
	// Configuration before code, errors before warnings; the fileless copy
	// of the CSS error and the repeated TypeScript error are gone.
	want := []string{
		"error app/globals.css Cannot apply unknown utility class `bg-x`",
		"error app/page.tsx Cannot find name 'Link'.",
		"warning next.config.mjs Unrecognized key(s) in object: 'appDir' at \"experimental\"",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseDeterministic(t *testing.T) {
	for _, s := range samples(t) {
		a, b := parseSample(t, s), parseSample(t, s)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two parses differ", s.path)
		}
	}
}

// TestCauseFirst: a missing package is reported before the type errors it
// causes, although tsc prints files in path order.
func TestCauseFirst(t *testing.T) {
	out := "app/page.tsx(9,20): error TS7006: Parameter 'task' implicitly has an 'any' type.\n" +
		"lib/schema.ts(1,19): error TS2307: Cannot find module 'zod' or its corresponding type declarations.\n"
	ds := Parse(ToolTSC, out)
	if len(ds) != 2 || ds[0].Subclass != MissingPackage || ds[1].Subclass != ImplicitAny {
		t.Errorf("got\n%s", describe(ds))
	}
}

// TestNotAModule: "is not a module" points at the broken file, not the importer.
func TestNotAModule(t *testing.T) {
	out := "app/tasks/page.tsx(2,22): error TS2306: File '/w/p/components/TaskForm.tsx' is not a module.\n"
	ds := Parse(ToolTSC, out, WithRoot("/w/p"))
	if len(ds) != 1 || ds[0].File != "components/TaskForm.tsx" || ds[0].Excerpt != "imported at app/tasks/page.tsx:2:22" {
		t.Errorf("got %+v", ds)
	}
}

func TestVitestWorkspaceProject(t *testing.T) {
	out := " FAIL  |unit| tests/store.test.ts > store > counts\nAssertionError: expected 0 to be 1\n ❯ tests/store.test.ts:10:42\n"
	ds := Parse(ToolVitest, out)
	if len(ds) != 1 || ds[0].File != "tests/store.test.ts" || ds[0].Line != 10 || ds[0].Test != "store > counts" {
		t.Errorf("got %+v", ds)
	}
}

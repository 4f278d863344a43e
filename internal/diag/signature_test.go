package diag

import (
	"slices"
	"testing"
)

func sig(d Diagnostic) string { return Signature(Classify(d)) }

func TestSignatureSameMistake(t *testing.T) {
	pairs := []struct {
		name string
		a, b Diagnostic
	}{
		{"missing package, other file and package",
			Diagnostic{Tool: ToolNext, File: "app/page.tsx", Line: 2, Column: 1, Code: "module-not-found", Message: "Module not found: Can't resolve 'date-fns'"},
			Diagnostic{Tool: ToolNext, File: "components/Chart.tsx", Line: 9, Column: 1, Code: "module-not-found", Message: "Module not found: Can't resolve '@tanstack/react-table'"}},
		{"missing await, other property and type",
			Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'map' does not exist on type 'Promise<Task[]>'."},
			Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'filter' does not exist on type 'Promise<Invoice[]>'."}},
		{"implicit any, other parameter",
			Diagnostic{Tool: ToolTSC, Code: "TS7006", File: "components/TaskForm.tsx", Message: "Parameter 'event' implicitly has an 'any' type."},
			Diagnostic{Tool: ToolTSC, Code: "TS7006", File: "app/users/page.tsx", Message: "Parameter 'e' implicitly has an 'any' type."}},
		{"missing property, other types",
			Diagnostic{Tool: ToolTSC, Code: "TS2741", Message: "Property 'createdAt' is missing in type '{ id: string; }' but required in type 'Task'."},
			Diagnostic{Tool: ToolTSC, Code: "TS2741", Message: "Property 'email' is missing in type '{ name: string; age: number; }' but required in type 'User'."}},
		{"peer conflict, other packages",
			Diagnostic{Tool: ToolNPM, Code: "ERESOLVE", Message: "could not resolve peer react@^18.0.0 required by framer-motion@10.18.0, found react@19.3.1"},
			Diagnostic{Tool: ToolNPM, Code: "ERESOLVE", Message: "could not resolve peer react@^16.8.0||^17 required by @testing-library/react@12.1.5, found react@19.0.0"}},
		{"unset env in URL",
			Diagnostic{Tool: ToolNext, Message: "TypeError: Failed to parse URL from undefined/tasks"},
			Diagnostic{Tool: ToolNext, Message: "TypeError: Failed to parse URL from undefined/api/v1/items"}},
		{"unset env by name",
			Diagnostic{Tool: ToolRuntime, Message: "Missing required environment variable: DATABASE_URL"},
			Diagnostic{Tool: ToolRuntime, Message: "Missing required environment variable: OPENAI_API_KEY"}},
		{"hook in server component",
			Diagnostic{Tool: ToolNext, Message: "You're importing a module that depends on `useState` into a React Server Component module."},
			Diagnostic{Tool: ToolNext, Message: "You're importing a module that depends on `useReducer` into a React Server Component module."}},
		{"unknown package in registry",
			Diagnostic{Tool: ToolNPM, Code: "E404", Message: "The requested resource 'react-fancy-chartz@*' could not be found or you do not have permission to access it."},
			Diagnostic{Tool: ToolNPM, Code: "E404", Message: "The requested resource '@acme/ui-kitt@^2.1.0' could not be found or you do not have permission to access it."}},
		{"unclosed JSX, other element and line",
			Diagnostic{Tool: ToolTSC, Code: "TS17008", Line: 33, Message: "JSX element 'div' has no corresponding closing tag."},
			Diagnostic{Tool: ToolTSC, Code: "TS17008", Line: 120, Message: "JSX element 'section' has no corresponding closing tag."}},
		{"ENOENT, other file",
			Diagnostic{Tool: ToolRuntime, Code: "ENOENT", Message: "ENOENT: no such file or directory, open 'data/seed.json'"},
			Diagnostic{Tool: ToolRuntime, Code: "ENOENT", Message: "ENOENT: no such file or directory, open '/srv/app/content/posts.md'"}},
		{"resource 404, other path",
			Diagnostic{Tool: ToolRuntime, Code: "console.error", Message: "Failed to load resource: the server responded with a status of 404 (Not Found): /favicon.ico"},
			Diagnostic{Tool: ToolRuntime, Code: "console.error", Message: "Failed to load resource: the server responded with a status of 404 (Not Found): /api/tasks/42"}},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			if a, b := sig(p.a), sig(p.b); a != b {
				t.Errorf("signatures differ:\n  %s\n  %s", a, b)
			}
			if Key(Classify(p.a)) == Key(Classify(p.b)) {
				t.Errorf("keys should keep the particulars apart: %s", Key(Classify(p.a)))
			}
		})
	}
}

func TestSignatureDifferentMistakes(t *testing.T) {
	pairs := []struct {
		name string
		a, b Diagnostic
	}{
		{"missing package vs wrong relative path",
			Diagnostic{Tool: ToolNext, Message: "Module not found: Can't resolve 'date-fns'"},
			Diagnostic{Tool: ToolNext, Message: "Module not found: Can't resolve '../components/TaskForm'"}},
		{"missing package vs node built-in in a client bundle",
			Diagnostic{Tool: ToolNext, Message: "Module not found: Can't resolve 'zod'"},
			Diagnostic{Tool: ToolNext, Message: "Module not found: Can't resolve 'fs'"}},
		{"property on a Promise vs on a plain type",
			Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'map' does not exist on type 'Promise<Task[]>'."},
			Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'titel' does not exist on type 'Task'."}},
		{"argument vs assignment",
			Diagnostic{Tool: ToolTSC, Code: "TS2345", Message: "Argument of type 'string' is not assignable to parameter of type 'Priority'."},
			Diagnostic{Tool: ToolTSC, Code: "TS2322", Message: "Type 'string' is not assignable to type 'Priority'."}},
		{"unclosed brace vs missing comma",
			Diagnostic{Tool: ToolTSC, Code: "TS1005", Message: "'}' expected."},
			Diagnostic{Tool: ToolTSC, Code: "TS1005", Message: "',' expected."}},
		{"sync cookies vs missing await",
			Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'get' does not exist on type 'Promise<ReadonlyRequestCookies>'."},
			Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'get' does not exist on type 'Promise<Map<string, string>>'."}},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			if a, b := sig(p.a), sig(p.b); a == b {
				t.Errorf("signatures should differ: %s", a)
			}
		})
	}
}

func TestSignatureIgnoresLocation(t *testing.T) {
	d := Classify(Diagnostic{Tool: ToolTSC, Code: "TS2322", File: "a.tsx", Line: 3, Column: 4, Message: "Type 'number' is not assignable to type 'string'."})
	e := d
	e.File, e.Line, e.Column, e.Excerpt = "b/c.tsx", 90, 1, "> 90 | x"
	if Signature(d) != Signature(e) || Key(d) != Key(e) {
		t.Errorf("location changed the signature: %s vs %s", Key(d), Key(e))
	}
}

func TestSubjects(t *testing.T) {
	tests := []struct {
		msg  string
		want []string
	}{
		{"Module not found: Can't resolve 'date-fns'", []string{"date-fns"}},
		{"You're importing a module that depends on `useState` into a React Server Component module.", []string{"useState"}},
		{"could not resolve peer react@^18.0.0 required by framer-motion@10.18.0, found react@19.3.1", []string{"react@^18.0.0", "framer-motion@10.18.0", "react@19.3.1"}},
		{"Missing required environment variable: DATABASE_URL", []string{"DATABASE_URL"}},
		{`Type '"urgent"' is not assignable to type 'Priority | undefined'.`, []string{`"urgent"`, "Priority | undefined"}},
		{"request to https://x/y failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org", nil},
	}
	for _, tt := range tests {
		if got := Subjects(Diagnostic{Message: tt.msg}); !slices.Equal(got, tt.want) {
			t.Errorf("Subjects(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	missingNext := sig(Diagnostic{Tool: ToolNext, Code: "module-not-found", Message: "Module not found: Can't resolve 'zod'"})
	missingVite := sig(Diagnostic{Tool: ToolVite, Message: `Rollup failed to resolve import "zod" from "src/App.tsx".`})
	wrongPath := sig(Diagnostic{Tool: ToolNext, Code: "module-not-found", Message: "Module not found: Can't resolve './x'"})
	typeErr := sig(Diagnostic{Tool: ToolTSC, Code: "TS2322", Message: "Type 'string' is not assignable to type 'number'."})
	if s := Similarity(missingNext, missingNext); s != 1 {
		t.Errorf("equal signatures: %v", s)
	}
	if s := Similarity(missingNext, typeErr); s != 0 {
		t.Errorf("different categories: %v", s)
	}
	same, other := Similarity(missingNext, wrongPath), Similarity(missingNext, missingVite)
	if same <= 0 || same >= 1 || other <= 0 || other >= 1 {
		t.Errorf("want values strictly between 0 and 1, got %v and %v", same, other)
	}
	if Similarity(missingNext, wrongPath) != Similarity(wrongPath, missingNext) {
		t.Error("not symmetric")
	}
	if Similarity("", "") != 1 || Similarity("a", "") != 0 {
		t.Errorf("degenerate inputs: %v %v", Similarity("", ""), Similarity("a", ""))
	}
}

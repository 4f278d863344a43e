package rules

import (
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
)

const basePkg = `{
  "name": "app",
  "dependencies": {
    "next": "16.4.6",
    "react": "19.3.1",
    "react-dom": "19.3.1"
  },
  "devDependencies": {
    "typescript": "5.9.3"
  }
}
`

func TestDepAdd(t *testing.T) {
	d := classify(diag.Diagnostic{Tool: diag.ToolNext, File: "app/page.tsx", Line: 2, Code: "module-not-found", Message: "Module not found: Can't resolve 'date-fns/format'"})
	other := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "lib/x.ts", Line: 1, Code: "TS2307", Message: "Cannot find module 'clsx' or its corresponding type declarations."})
	out, fix, err := run(t, depAdd, map[string]string{"package.json": basePkg}, d, func(p *heal.Params) { p.Failing = append(p.Failing, other) })
	if err != nil {
		t.Fatal(err)
	}
	pkg := out["package.json"]
	if !strings.Contains(pkg, "\"clsx\": \"^2.1.1\",\n    \"date-fns\": \"^4.4.0\",\n    \"next\"") {
		t.Errorf("package.json:\n%s", pkg)
	}
	if !strings.Contains(fix.Note, "date-fns") {
		t.Errorf("note %q", fix.Note)
	}
	// Nothing to add: declared already, a project path, a built-in, a package the registry lacks.
	for _, msg := range []string{"Module not found: Can't resolve 'react'", "Module not found: Can't resolve './x'", "Module not found: Can't resolve 'nexus-no-such-pkg'"} {
		mustNotFix(t, depAdd, map[string]string{"package.json": basePkg}, classify(diag.Diagnostic{Tool: diag.ToolNext, File: "a.tsx", Code: "module-not-found", Message: msg}))
	}
}

func TestDepAddTypes(t *testing.T) {
	pkg := strings.Replace(basePkg, `"next": "16.4.6",`, `"lodash": "4.17.21", "next": "16.4.6",`, 1)
	d := classify(diag.Diagnostic{Tool: diag.ToolTSC, File: "a.ts", Line: 1, Code: "TS7016", Message: "Could not find a declaration file for module 'lodash'."})
	reg := testRegistry
	reg["@types/lodash"] = []rel{{"4.17.20", nil}}
	defer delete(reg, "@types/lodash")
	out := mustFix(t, depAdd, map[string]string{"package.json": pkg}, d)
	if !strings.Contains(out["package.json"], "\"devDependencies\": {\n    \"@types/lodash\": \"^4.17.20\",\n    \"typescript\"") {
		t.Errorf("package.json:\n%s", out["package.json"])
	}
}

func TestDepPeer(t *testing.T) {
	pkg := strings.Replace(basePkg, `"react-dom": "19.3.1"`, `"react-dom": "19.3.1",`+"\n"+`    "old-ui": "^1.0.0"`, 1)
	d := classify(diag.Diagnostic{Tool: diag.ToolNPM, File: "package.json", Code: "ERESOLVE",
		Message: "could not resolve peer react@^17.0.0 required by old-ui@1.0.0, found react@19.3.1",
		Excerpt: "Could not resolve dependency:\npeer react@\"^17.0.0\" from old-ui@1.0.0\nold-ui@\"^1.0.0\" from the root project"})
	out := mustFix(t, depPeer, map[string]string{"package.json": pkg}, d)
	if !strings.Contains(out["package.json"], `"old-ui": "^2.5.0"`) {
		t.Errorf("want the smallest upgrade that accepts React 19:\n%s", out["package.json"])
	}
	// A transitive dependency: the root package that brings it moves.
	trans := d
	trans.Message = "could not resolve peer react@^17.0.0 required by inner-lib@0.3.0, found react@19.3.1"
	trans.Excerpt = "Could not resolve dependency:\npeer react@\"^17.0.0\" from inner-lib@0.3.0\nnode_modules/inner-lib\n  inner-lib@\"0.3.0\" from old-ui@1.0.0\n  old-ui@\"^1.0.0\" from the root project"
	if out := mustFix(t, depPeer, map[string]string{"package.json": pkg}, trans); !strings.Contains(out["package.json"], `"old-ui": "^2.5.0"`) {
		t.Errorf("transitive:\n%s", out["package.json"])
	}
	stale := strings.Replace(pkg, "old-ui", "stale-lib", 1)
	d.Message = "could not resolve peer react@^16.0.0 required by stale-lib@1.0.0, found react@19.3.1"
	mustNotFix(t, depPeer, map[string]string{"package.json": stale}, d)
}

func TestDepVersionAndUnknown(t *testing.T) {
	pkg := strings.Replace(basePkg, `"react-dom": "19.3.1"`, `"react-dom": "19.3.1", "zod": "^99.0.0", "nexus-ghost": "^1.0.0"`, 1)
	et := classify(diag.Diagnostic{Tool: diag.ToolNPM, File: "package.json", Code: "ETARGET", Message: "No matching version found for zod@^99.0.0."})
	if out := mustFix(t, depVersion, map[string]string{"package.json": pkg}, et); !strings.Contains(out["package.json"], `"zod": "^4.6.7"`) {
		t.Errorf("ETARGET:\n%s", out["package.json"])
	}
	e404 := classify(diag.Diagnostic{Tool: diag.ToolNPM, File: "package.json", Code: "E404",
		Message: "The requested resource 'nexus-ghost@^1.0.0' could not be found or you do not have permission to access it."})
	out := mustFix(t, depRemoveUnknown, map[string]string{"package.json": pkg}, e404)
	if strings.Contains(out["package.json"], "nexus-ghost") {
		t.Errorf("E404:\n%s", out["package.json"])
	}
	mustNotFix(t, depRemoveUnknown, map[string]string{"package.json": pkg, "app/page.tsx": "import g from \"nexus-ghost\";\n"}, e404)
}

func TestSemver(t *testing.T) {
	tests := []struct {
		v, r string
		want bool
	}{
		{"19.3.1", "^18.0.0 || ^19.0.0", true},
		{"19.3.1", "^18.2.0 || 19.0.0-rc-de68d2f4-20241204 || ^19.0.0", true},
		{"19.3.1", "^18.0.0", false},
		{"18.3.1", ">=16.8.0", true},
		{"0.3.5", "^0.3.0", true},
		{"0.4.0", "^0.3.0", false},
		{"1.2.9", "~1.2.3", true},
		{"1.3.0", "~1.2.3", false},
		{"2.0.0", "1.x || 2.x", true},
		{"3.0.0", "1 - 2", false},
		{"2.9.0", "1 - 2", true},
		{"19.0.0-rc.1", "^19.0.0", false},
		{"5.0.0", "*", true},
		{"4.2.0", ">= 4.1 < 5", true},
	}
	for _, tt := range tests {
		v, ok := parseVersion(tt.v)
		if !ok {
			t.Fatalf("parse %s", tt.v)
		}
		if got := satisfies(v, tt.r); got != tt.want {
			t.Errorf("satisfies(%s, %q) = %v", tt.v, tt.r, got)
		}
	}
	if v, _ := minVersion("^19.0.0"); v.String() != "19.0.0" {
		t.Errorf("minVersion %v", v)
	}
}

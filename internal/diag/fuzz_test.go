package diag

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// validClasses lists each category's subclasses, "" included.
var validClasses = map[Category][]string{
	Dependency:    {"", MissingPackage, VersionConflict, PeerDependency, NativeModule, WrongImportPath, FileNotFound},
	Syntax:        {"", ParseError, UnexpectedToken, UnexpectedEOF, MarkdownFence, TruncatedFile},
	Type:          {"", TypeMismatch, MissingProperty, NullUndefined, GenericConstraint, ImplicitAny, DeprecatedAPI, AsyncMisuse, AsyncParams, AsyncRequestAPI},
	Runtime:       {"", ImportError, MissingEnv, FileNotFound, PermissionDenied, UseClientMissing, ServerClientBoundary, PagesRouterAPI, MetadataInClient, ServerActions, PrerenderError},
	Resource:      {"", OutOfMemory, DiskSpace, Timeout, CPULimit},
	Configuration: {"", NextConfig, TailwindConfig, TSConfig, PostCSSConfig, ESLintConfig, PackageJSON},
	Network:       {"", RegistryUnreachable, DNS, Timeout},
	Unknown:       {""},
}

// checkDiagnostics asserts what holds for any output: no negative
// positions, no absolute or backslashed files.
func checkDiagnostics(t *testing.T, ds []Diagnostic) {
	t.Helper()
	for _, d := range ds {
		if d.Line < 0 || d.Column < 0 {
			t.Errorf("negative position: %+v", d)
		}
		if strings.HasPrefix(d.File, "/") || strings.Contains(d.File, `\`) || len(d.File) > 1 && d.File[1] == ':' && (d.File[0]|0x20 >= 'a' && d.File[0]|0x20 <= 'z') {
			t.Errorf("file not relative: %q", d.File)
		}
	}
}

// checkParsed adds what Parse promises: valid classes, at least one
// diagnostic for meaningful output, none for blank output.
func checkParsed(t *testing.T, out string, ds []Diagnostic) {
	t.Helper()
	checkDiagnostics(t, ds)
	for _, d := range ds {
		subs, ok := validClasses[d.Category]
		if !ok || !containsString(subs, d.Subclass) {
			t.Errorf("invalid class %s/%s", d.Category, d.Subclass)
		}
		if d.Severity != SeverityError && d.Severity != SeverityWarning {
			t.Errorf("severity %q", d.Severity)
		}
		if utf8.ValidString(out) && !utf8.ValidString(d.Message) {
			t.Errorf("message not UTF-8: %q", d.Message)
		}
		_ = Signature(d)
		_ = Key(d)
	}
	if strings.TrimSpace(StripANSI(out)) == "" && len(ds) > 0 {
		t.Errorf("diagnostics for blank output: %+v", ds)
	}
	meaningful := false
	for _, l := range splitLines(out) {
		if !blank(l) && !noiseRE.MatchString(l) {
			meaningful = true
		}
	}
	if meaningful && len(ds) == 0 {
		t.Errorf("no diagnostic for %q", out)
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// seed adds the recorded outputs of the given testdata folders.
func seed(f *testing.F, dirs ...string) { seedUpTo(f, 1<<20, dirs...) }

// seedUpTo adds the recorded outputs no longer than max bytes.
func seedUpTo(f *testing.F, max int, dirs ...string) {
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
		more, _ := filepath.Glob(filepath.Join("testdata", dir, "*", "*.txt"))
		for _, p := range append(paths, more...) {
			if data, err := os.ReadFile(p); err == nil && len(data) <= max {
				f.Add(string(data))
			}
		}
	}
	f.Add("")
	f.Add("./\n")
	f.Add("x(1,2): error TS1: \n  \n")
	f.Add("Error: \n    at (:0:0)\n> 1 |\n")
}

func fuzzParser(f *testing.F, parse func(string, ...Option) []Diagnostic, dirs ...string) {
	seed(f, dirs...)
	f.Fuzz(func(t *testing.T, out string) {
		checkDiagnostics(t, parse(out))
		checkDiagnostics(t, parse(out, WithRoot("/tmp/diag-cases/x")))
	})
}

func FuzzParseNPM(f *testing.F)        { fuzzParser(f, ParseNPM, "npm", "cases") }
func FuzzParseTSC(f *testing.F)        { fuzzParser(f, ParseTSC, "tsc", "cases") }
func FuzzParseNext(f *testing.F)       { fuzzParser(f, ParseNext, "next", "cases", "variants") }
func FuzzParseESLint(f *testing.F)     { fuzzParser(f, ParseESLint, "eslint") }
func FuzzParseVitest(f *testing.F)     { fuzzParser(f, ParseVitest, "vitest") }
func FuzzParsePlaywright(f *testing.F) { fuzzParser(f, ParsePlaywright, "playwright") }
func FuzzParseVite(f *testing.F)       { fuzzParser(f, ParseVite, "vite") }
func FuzzParseRuntime(f *testing.F)    { fuzzParser(f, ParseRuntime, "runtime") }

// FuzzParse runs every tool's parser through Parse. Its seeds are the
// smaller recordings: each output goes through all nine parsers.
func FuzzParse(f *testing.F) {
	seedUpTo(f, 1000, "npm", "tsc", "next", "cases", "variants", "eslint", "vitest", "playwright", "vite", "runtime")
	tools := []Tool{ToolNPM, ToolTSC, ToolNext, ToolESLint, ToolVitest, ToolPlaywright, ToolVite, ToolRuntime, ""}
	f.Fuzz(func(t *testing.T, out string) {
		for _, tool := range tools {
			checkParsed(t, out, Parse(tool, out, WithRoot("/app")))
		}
	})
}

// FuzzSignature: any text gives a signature, and similarity stays in [0, 1].
func FuzzSignature(f *testing.F) {
	f.Add("Module not found: Can't resolve 'date-fns'", "Type '\"a\"' is not assignable to type 'B'.")
	f.Add("'}' expected.", "it's 'x' and \"y\" `z`")
	f.Fuzz(func(t *testing.T, a, b string) {
		sa, sb := Signature(Classify(Diagnostic{Tool: ToolNext, Message: a})), Signature(Classify(Diagnostic{Tool: ToolTSC, Message: b}))
		_ = Subjects(Diagnostic{Message: a})
		if s := Similarity(sa, sb); s < 0 || s > 1 {
			t.Errorf("Similarity = %v", s)
		}
		if Similarity(sa, sa) != 1 {
			t.Errorf("Similarity(a, a) != 1 for %q", sa)
		}
	})
}

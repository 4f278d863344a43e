package diag

import (
	"regexp"
	"strings"
)

// moduleSpecREs find the specifier of a module that could not be resolved,
// in the words of each tool.
var moduleSpecREs = []*regexp.Regexp{
	regexp.MustCompile(`Can't resolve '([^']+)'`),
	regexp.MustCompile(`Cannot find module '([^']+)'`),
	regexp.MustCompile(`Cannot find package '([^']+)'`),
	regexp.MustCompile(`(?i)failed to resolve import "([^"]+)"`),
	regexp.MustCompile(`Could not resolve ['"]([^'"]+)['"]`),
	regexp.MustCompile(`Failed to load url (\S+)`),
	regexp.MustCompile(`Unable to resolve path to module '([^']+)'`),
	regexp.MustCompile(`Could not find a declaration file for module '([^']+)'`),
	regexp.MustCompile(`Cannot find type definition file for '([^']+)'`),
}

// ModuleSpecifier returns the module a diagnostic says cannot be resolved.
func ModuleSpecifier(d Diagnostic) (string, bool) {
	for _, re := range moduleSpecREs {
		if m := re.FindStringSubmatch(d.Message); m != nil {
			return m[1], true
		}
	}
	return "", false
}

// nodeBuiltins are the Node.js modules a browser bundle cannot contain.
var nodeBuiltins = map[string]bool{
	"fs": true, "fs/promises": true, "path": true, "os": true, "child_process": true, "crypto": true, "net": true,
	"tls": true, "dns": true, "http": true, "https": true, "http2": true, "zlib": true, "stream": true,
	"worker_threads": true, "cluster": true, "readline": true, "module": true, "perf_hooks": true, "async_hooks": true,
	"v8": true, "vm": true, "process": true, "buffer": true, "url": true, "util": true, "events": true,
}

// removedModules are entry points that older code imports but current
// Next.js and React no longer ship.
var removedModules = map[string]bool{
	"@next/font": true, "@next/font/google": true, "@next/font/local": true, "react-dom/test-utils": true,
	"next/amp": true, "react-test-renderer/shallow": true,
}

// moduleClass classifies a module that could not be resolved by the shape
// of its specifier: a Node.js built-in in a browser bundle crosses the
// server/client boundary; a removed entry point is a deprecated API; a
// relative path is wrong; an alias path names a file that was never
// written; a bare name is a package that is not installed. With the project
// tree the guess becomes a check: a relative or alias import whose file
// exists elsewhere is a wrong path, and a bare import of a package that is
// installed names a subpath it does not have.
func (o options) moduleClass(d Diagnostic) (class, bool) {
	spec, ok := ModuleSpecifier(d)
	if !ok {
		if d.Code == "TS2307" || d.Code == "TS2792" || d.Code == "ERR_MODULE_NOT_FOUND" {
			return class{Dependency, MissingPackage}, true
		}
		return class{}, false
	}
	bare := strings.TrimPrefix(spec, "node:")
	switch {
	case nodeBuiltins[bare] && d.Tool != ToolTSC && d.Tool != ToolRuntime && d.Tool != ToolVitest:
		return class{Runtime, ServerClientBoundary}, true
	case removedModules[spec]:
		return class{Type, DeprecatedAPI}, true
	case strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || spec == "." || spec == "..":
		if o.fsys != nil && !findModuleFile(o.fsys, spec) {
			return class{Dependency, FileNotFound}, true
		}
		return class{Dependency, WrongImportPath}, true
	case isAliasSpec(spec):
		if o.fsys != nil && findModuleFile(o.fsys, spec) {
			return class{Dependency, WrongImportPath}, true
		}
		return class{Dependency, FileNotFound}, true
	case strings.HasPrefix(spec, "/"):
		return class{Dependency, FileNotFound}, true
	}
	if o.fsys != nil && packageInstalled(o.fsys, packageName(spec)) && packageName(spec) != spec {
		return class{Dependency, WrongImportPath}, true
	}
	return class{Dependency, MissingPackage}, true
}

func isAliasSpec(spec string) bool {
	for _, p := range []string{"@/", "~/", "#/", "$lib/", "src/", "app/", "components/", "lib/"} {
		if strings.HasPrefix(spec, p) {
			return true
		}
	}
	return false
}

// packageName returns the package part of a bare specifier ("@scope/pkg"
// or "pkg") without its subpath.
func packageName(spec string) string {
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) >= 2 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// tscRule classifies TypeScript diagnostics by code, with the message where
// the code alone is ambiguous.
func tscClass(d Diagnostic) (class, bool) {
	code := d.Code
	if code == "" && d.Tool == ToolTSC {
		code = inferTSCode(d.Message)
	}
	if !strings.HasPrefix(code, "TS") {
		return class{}, false
	}
	d.Code = code
	msg := d.Message
	switch d.Code {
	case "TS1005":
		if closingExpectedRE.MatchString(msg) {
			return class{Syntax, UnexpectedEOF}, true
		}
		return class{Syntax, UnexpectedToken}, true
	case "TS17008", "TS1126":
		return class{Syntax, UnexpectedEOF}, true
	case "TS1002", "TS1160", "TS1010":
		// An unterminated string, template or comment: tsc shows no code,
		// and in generated files it is nearly always a cut-off file.
		return class{Syntax, UnexpectedEOF}, true
	case "TS1109", "TS1128", "TS1127", "TS1003", "TS1381", "TS1382", "TS1434", "TS1135", "TS1136", "TS1137",
		"TS1138", "TS1144", "TS17002", "TS1068", "TS1012":
		return class{Syntax, UnexpectedToken}, true
	case "TS2306":
		return class{Syntax, ParseError}, true
	case "TS2349":
		if d.Line == 1 && d.Column == 1 && strings.Contains(msg, "Type 'String' has no call signatures") {
			// A file that starts with a ``` fence parses as a tagged template.
			return class{Syntax, ParseError}, true
		}
		return class{Type, TypeMismatch}, true
	case "TS2503", "TS2694":
		if strings.Contains(msg, "'JSX'") || strings.Contains(msg, "JSX") {
			return class{Type, DeprecatedAPI}, true
		}
	case "TS1308", "TS2801", "TS1062":
		return class{Type, AsyncMisuse}, true
	case "TS2304", "TS2552", "TS2305", "TS2614", "TS2724", "TS1192", "TS2613", "TS2686", "TS1484":
		return class{Runtime, ImportError}, true
	case "TS7016", "TS2688":
		return class{Dependency, MissingPackage}, true
	}
	if promiseMisuseRE.MatchString(msg) {
		return class{Type, AsyncMisuse}, true
	}
	switch d.Code {
	case "TS18047", "TS18048", "TS18049", "TS2531", "TS2532", "TS2533", "TS2722", "TS2454":
		return class{Type, NullUndefined}, true
	case "TS7006", "TS7005", "TS7008", "TS7010", "TS7011", "TS7015", "TS7018", "TS7019", "TS7022", "TS7023",
		"TS7024", "TS7031", "TS7034", "TS7053":
		return class{Type, ImplicitAny}, true
	case "TS2344", "TS2314", "TS2315", "TS2558", "TS2589", "TS2707":
		return class{Type, GenericConstraint}, true
	case "TS2741", "TS2739", "TS2740", "TS2339", "TS2551", "TS2353", "TS2561", "TS2559":
		return class{Type, MissingProperty}, true
	case "TS2322", "TS2345", "TS2769", "TS2352", "TS2367", "TS2365", "TS2362", "TS2363", "TS2554", "TS2555",
		"TS2351", "TS2488", "TS2786", "TS18046":
		if nullSourceRE(msg) {
			return class{Type, NullUndefined}, true
		}
		return class{Type, TypeMismatch}, true
	}
	return class{}, false
}

// tsMessageCodes give the code of a TypeScript message printed without one
// (the "Type error: …" of Next.js 13–15).
var tsMessageCodes = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`^Cannot find module '`), "TS2307"},
	{regexp.MustCompile(`^Property '[^']*' does not exist on type '[^']*'\. Did you mean`), "TS2551"},
	{regexp.MustCompile(`^Property '[^']*' does not exist on type`), "TS2339"},
	{regexp.MustCompile(`^Property '[^']*' is missing in type`), "TS2741"},
	{regexp.MustCompile(`is missing the following properties from type`), "TS2739"},
	{regexp.MustCompile(`^Argument of type .* is not assignable to parameter`), "TS2345"},
	{regexp.MustCompile(`^Type .* is not assignable to type`), "TS2322"},
	{regexp.MustCompile(`does not satisfy the constraint`), "TS2344"},
	{regexp.MustCompile(`implicitly has an 'any' type`), "TS7006"},
	{regexp.MustCompile(`^'[^']*' is possibly '(?:undefined|null)'`), "TS18048"},
	{regexp.MustCompile(`^Object is possibly '(?:undefined|null)'`), "TS2532"},
	{regexp.MustCompile(`^Cannot find name '`), "TS2304"},
	{regexp.MustCompile(`^Cannot find namespace '`), "TS2503"},
	{regexp.MustCompile(`has no exported member`), "TS2305"},
	{regexp.MustCompile(`^Object literal may only specify known properties`), "TS2353"},
	{regexp.MustCompile(`^No overload matches this call`), "TS2769"},
	{regexp.MustCompile(`^'[^']*' expected\.?$`), "TS1005"},
}

func inferTSCode(msg string) string {
	for _, c := range tsMessageCodes {
		if c.re.MatchString(msg) {
			return c.code
		}
	}
	return ""
}

var (
	closingExpectedRE = regexp.MustCompile(`^'(?:\}|\)|\]|</|>)' expected`)
	// A Promise where its value was meant: "Property 'map' does not exist on
	// type 'Promise<Task[]>'", "Argument of type 'Promise<…>' is not
	// assignable", or TypeScript's own hint.
	promiseMisuseRE = regexp.MustCompile(`Did you forget to use 'await'\?|on type 'Promise<|^(?:Argument of type|Type) 'Promise<[^']*>' is not assignable to (?:parameter of )?type '(?:[^P']|P[^r]|Pr[^o])|Its return type 'Promise<`)
	assignRE        = regexp.MustCompile(`^(?:Argument of type|Type) '(.+?)' is not assignable to (?:parameter of )?type '(.+?)'\.?$`)
	nullWordRE      = regexp.MustCompile(`\b(?:undefined|null)\b`)
)

// nullSourceRE reports whether an assignability error comes from a value
// that may be null or undefined where the target does not allow it.
func nullSourceRE(msg string) bool {
	m := assignRE.FindStringSubmatch(firstLine(msg))
	return m != nil && nullWordRE.MatchString(m[1]) && !nullWordRE.MatchString(m[2])
}

// eslintClass reads ESLint rule ids.
func eslintClass(d Diagnostic) (class, bool) {
	if d.Tool != ToolESLint {
		return class{}, false
	}
	switch {
	case strings.HasPrefix(d.Message, "Parsing error: "):
		inner := strings.TrimPrefix(d.Message, "Parsing error: ")
		if c, ok := syntaxClass(Diagnostic{Message: inner}); ok {
			return c, true
		}
		if closingExpectedRE.MatchString(inner) {
			return class{Syntax, UnexpectedEOF}, true
		}
		return class{Syntax, UnexpectedToken}, true
	case d.Code == "no-undef" || d.Code == "react/jsx-no-undef":
		return class{Runtime, ImportError}, true
	case strings.HasSuffix(d.Code, "no-floating-promises") || strings.HasSuffix(d.Code, "no-misused-promises") ||
		strings.HasSuffix(d.Code, "await-thenable") || strings.HasSuffix(d.Code, "require-await"):
		return class{Type, AsyncMisuse}, true
	case strings.HasSuffix(d.Code, "no-explicit-any") || strings.Contains(d.Code, "no-unsafe-"):
		return class{Type, ImplicitAny}, true
	case strings.HasSuffix(d.Code, "no-deprecated"):
		return class{Type, DeprecatedAPI}, true
	case strings.HasPrefix(d.Code, "react-hooks/"):
		return class{Runtime, ""}, true
	}
	return class{}, false
}

// unterminatedRE matches a string, template or comment that never closes.
var unterminatedRE = regexp.MustCompile(`(?i)unterminated (?:string|template|regular expression|comment)`)

// syntaxClass reads the parse errors of SWC, Babel, esbuild, rolldown and
// Node.js. An unterminated literal is a cut-off file (unexpected_eof) when
// the code frame ends at the error line — nothing follows it — and a
// mistyped token otherwise.
func syntaxClass(d Diagnostic) (class, bool) {
	if unterminatedRE.MatchString(d.Message) {
		if frameEndsAtError(d.Excerpt) || d.Excerpt == "" {
			return class{Syntax, UnexpectedEOF}, true
		}
		return class{Syntax, UnexpectedToken}, true
	}
	return match(syntaxRules, d.Message, d.Message+"\n"+d.Excerpt)
}

// frameEndsAtError reports whether the marked line ("> 38 |") is the last
// numbered line of a code frame.
func frameEndsAtError(excerpt string) bool {
	marked, after := false, false
	for _, l := range strings.Split(excerpt, "\n") {
		m := frameNumRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if m[1] != "" {
			marked = true
		} else if marked {
			after = true
		}
	}
	return marked && !after
}

var frameNumRE = regexp.MustCompile(`^\s*(>)?\s*\d+\s*\|`)

// syntaxRules: an open construct the parser ran past is unexpected_eof
// whether it reached the end of the file or a statement only valid at top
// level.
var syntaxRules = []textRule{
	rule(`<eof>|(?i:unexpected end of (?:input|file|text))|Unexpected eof|Unterminated JSX contents|but found end of file|`+
		`'import', and 'export' cannot be used outside of module code|has no corresponding closing tag`, Syntax, UnexpectedEOF),

	rule(`(?i:unexpected token)|Unexpected character|Unexpected keyword|Unexpected identifier|Expected [^\n]+? but found|`+
		`Expected [^\n]+?, got|Invalid character|Expression expected|Declaration or statement expected|Identifier expected|`+
		`Missing semicolon|Unexpected reserved word|Expected corresponding JSX closing tag`, Syntax, UnexpectedToken),
	wideRule(`Parsing ecmascript source code failed|^SyntaxError: |Syntax Error|Failed to parse source|^Parse error`, Syntax, ParseError),
}

// runtimeRules read what a running app (or a test of it) threw.
var runtimeRules = []textRule{
	rule(`Cannot read propert(?:y|ies) of (?:undefined|null)|Cannot set propert(?:y|ies) of (?:undefined|null)|`+
		`Cannot destructure property|undefined is not an object|null is not an object|is (?:undefined|null)$`, Type, NullUndefined),
	rule(`is not a function|is not iterable|is not a constructor`, Type, TypeMismatch),
	rule(`ENOENT|no such file or directory|Failed to load resource: the server responded with a status of 404`, Runtime, FileNotFound),
	rule(`^ReferenceError: \S+ is not defined`, Runtime, ImportError),
	rule(`(?i)\bEACCES\b|\bEPERM\b|permission denied|operation not permitted`, Runtime, PermissionDenied),
	rule(`Failed to collect page data|Error occurred prerendering page|Export encountered an error`, Runtime, PrerenderError),
}

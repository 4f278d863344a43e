package diag

import (
	"regexp"
	"strings"
)

// The subclasses of each category. A diagnostic that fits its category but
// none of these has an empty Subclass.
const (
	// DEPENDENCY
	MissingPackage  = "missing_package"  // a package is imported or required but not installed
	VersionConflict = "version_conflict" // no version satisfies the ranges asked for
	PeerDependency  = "peer_dependency"  // a peer range is unmet (warned or overridden)
	NativeModule    = "native_module"    // a native addon failed to build or load
	WrongImportPath = "wrong_import_path"
	FileNotFound    = "file_not_found" // also RUNTIME: a file read at run time is missing

	// SYNTAX
	ParseError      = "parse_error"      // also a Markdown fence left in the file (see Fenced)
	UnexpectedToken = "unexpected_token" // a token where another was expected, mid-file
	UnexpectedEOF   = "unexpected_eof"   // a construct left open: brace, JSX element, string; a cut-off file
	// MarkdownFence and TruncatedFile complete the taxonomy for callers that
	// label by hand; Classify reports fences as ParseError and cut-off files
	// as UnexpectedEOF, as the fault corpus labels them.
	MarkdownFence = "markdown_fence"
	TruncatedFile = "truncated_file"

	// TYPE
	TypeMismatch      = "type_mismatch"
	MissingProperty   = "missing_property"
	NullUndefined     = "null_undefined"
	GenericConstraint = "generic_constraint"
	ImplicitAny       = "implicit_any"
	DeprecatedAPI     = "deprecated_api"
	AsyncMisuse       = "async_misuse"      // a Promise used as its value (a missing await)
	AsyncParams       = "async_params"      // params/searchParams used as a plain object
	AsyncRequestAPI   = "async_request_api" // cookies()/headers()/draftMode() used synchronously

	// RUNTIME
	ImportError          = "import_error" // a name that is not exported or not imported
	MissingEnv           = "missing_env"
	PermissionDenied     = "permission_denied"
	UseClientMissing     = "use_client_missing"
	ServerClientBoundary = "server_client_boundary"
	PagesRouterAPI       = "pages_router_api"
	MetadataInClient     = "metadata_in_client"
	ServerActions        = "server_actions"
	PrerenderError       = "prerender_error" // a page failed to prerender for no more specific reason

	// RESOURCE
	OutOfMemory = "out_of_memory"
	DiskSpace   = "disk_space"
	Timeout     = "timeout" // also NETWORK
	CPULimit    = "cpu_limit"

	// CONFIGURATION
	NextConfig     = "next_config"
	TailwindConfig = "tailwind_config"
	TSConfig       = "tsconfig"
	PostCSSConfig  = "postcss_config"
	ESLintConfig   = "eslint_config"
	PackageJSON    = "package_json"

	// NETWORK
	RegistryUnreachable = "registry_unreachable"
	DNS                 = "dns"
)

// Classify returns d with Category and Subclass set from its tool, code,
// message, file and excerpt. It looks only at d; Parse classifies with the
// project tree too when given one (WithFS).
func Classify(d Diagnostic) Diagnostic { return options{}.classify(d) }

func (o options) classify(d Diagnostic) Diagnostic {
	d.Category, d.Subclass = o.classOf(d)
	if d.Severity == "" {
		d.Severity = SeverityError
	}
	return d
}

// class is a category with its subclass.
type class struct {
	cat Category
	sub string
}

// textRule classifies by a pattern over the message (and, when wide, the
// excerpt too).
type textRule struct {
	re   *regexp.Regexp
	wide bool
	class
}

func rule(pattern string, cat Category, sub string) textRule {
	return textRule{re: regexp.MustCompile(pattern), class: class{cat, sub}}
}

func wideRule(pattern string, cat Category, sub string) textRule {
	r := rule(pattern, cat, sub)
	r.wide = true
	return r
}

func match(rules []textRule, msg, wide string) (class, bool) {
	for _, r := range rules {
		s := msg
		if r.wide {
			s = wide
		}
		if r.re.MatchString(s) {
			return r.class, true
		}
	}
	return class{}, false
}

// The order of the steps matters: the machine before the code, the package
// manager before file rules, configuration files before the code they
// configure, App Router rules before module resolution and TypeScript
// codes, and generic syntax and runtime text last.
func (o options) classOf(d Diagnostic) (Category, string) {
	msg := d.Message
	wide := d.Message + "\n" + d.Excerpt
	steps := []func() (class, bool){
		func() (class, bool) { return match(machineRules, msg, wide) },
		func() (class, bool) { return networkClass(d) },
		func() (class, bool) { return npmClass(d) },
		func() (class, bool) { return class{Dependency, NativeModule}, nativeRE.MatchString(wide) },
		func() (class, bool) { return match(fenceRules, msg, wide) },
		func() (class, bool) { return configClass(d) },
		func() (class, bool) { return match(appRouterRules, msg, wide) },
		func() (class, bool) { return o.moduleClass(d) },
		func() (class, bool) { return tscClass(d) },
		func() (class, bool) { return eslintClass(d) },
		func() (class, bool) { return syntaxClass(d) },
		func() (class, bool) { return match(runtimeRules, msg, wide) },
	}
	for _, step := range steps {
		if c, ok := step(); ok {
			return c.cat, c.sub
		}
	}
	return defaultClass(d)
}

var machineRules = []textRule{
	rule(`(?i)JavaScript heap out of memory|Reached heap limit|Allocation failed|Cannot allocate memory|\bENOMEM\b|^Killed$|signal: SIGKILL`, Resource, OutOfMemory),
	rule(`(?i)ENOSPC: no space left|no space left on device|insufficient space`, Resource, DiskSpace),
	rule(`(?i)CPU time limit exceeded|SIGXCPU|System limit for number of file watchers|EMFILE: too many open files`, Resource, CPULimit),
	// A test or page load that ran out of time; a locator that waited in vain
	// is a failed expectation instead (RUNTIME).
	rule(`(?i)^Test timeout of \d+ms exceeded|^page\.goto: Timeout \d+ms exceeded|timed out after \d|the process timed out|Build timed out`, Resource, Timeout),
}

// networkClass recognises a registry or service that could not be reached.
func networkClass(d Diagnostic) (class, bool) {
	s := d.Code + " " + d.Message
	sub := ""
	switch {
	case dnsRE.MatchString(s):
		sub = DNS
	case netTimeoutRE.MatchString(s):
		sub = Timeout
	case unreachableRE.MatchString(s):
		if d.Tool == ToolNPM || strings.Contains(s, "registry") {
			sub = RegistryUnreachable
		}
	default:
		return class{}, false
	}
	return class{Network, sub}, true
}

var (
	dnsRE         = regexp.MustCompile(`ENOTFOUND|EAI_AGAIN|getaddrinfo|ERR_NAME_NOT_RESOLVED`)
	netTimeoutRE  = regexp.MustCompile(`ETIMEDOUT|ESOCKETTIMEDOUT|ERR_TIMED_OUT|network timeout|Socket timeout`)
	unreachableRE = regexp.MustCompile(`ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ERR_CONNECTION_REFUSED|fetch failed|socket hang up`)
)

// npmClass reads npm's error codes.
func npmClass(d Diagnostic) (class, bool) {
	if d.Tool != ToolNPM {
		return class{}, false
	}
	switch d.Code {
	case "ERESOLVE":
		if d.Severity == SeverityWarning {
			return class{Dependency, PeerDependency}, true
		}
		return class{Dependency, VersionConflict}, true
	case "EPEERINVALID":
		return class{Dependency, PeerDependency}, true
	case "E404":
		return class{Dependency, MissingPackage}, true
	case "ETARGET":
		return class{Dependency, VersionConflict}, true
	case "EJSONPARSE":
		return class{Configuration, PackageJSON}, true
	case "EACCES", "EPERM":
		return class{Runtime, PermissionDenied}, true
	case "EINTEGRITY", "ENOTEMPTY", "ECOMPROMISED":
		return class{Dependency, ""}, true
	case "ELIFECYCLE":
		switch {
		case nativeRE.MatchString(d.Message + "\n" + d.Excerpt):
			return class{Dependency, NativeModule}, true
		case commandMissingRE.MatchString(d.Excerpt) || strings.HasSuffix(d.Message, "(exit code 127)"):
			return class{Dependency, MissingPackage}, true
		case strings.HasPrefix(d.Message, "install script of"):
			return class{Dependency, NativeModule}, true
		}
	}
	if strings.Contains(d.Message, "package.json") {
		return class{Configuration, PackageJSON}, true
	}
	return class{}, false
}

var (
	nativeRE         = regexp.MustCompile(`gyp ERR!|node-gyp|prebuild-install|node-pre-gyp|NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|\.node: cannot open shared object|build/Release/`)
	commandMissingRE = regexp.MustCompile(`(?m)^sh: \d+: \S+: not found$|: command not found$|is not recognized as an internal or external command`)
)

// fenceRE finds a Markdown code fence in a message or code frame.
var fenceRE = regexp.MustCompile("(?m)^[\\s>\\d|│:]*```")

// Fenced reports whether a diagnostic shows the signs of a Markdown code
// fence left in a source file: the fence itself in the message or code
// frame, or TypeScript's reading of a file that starts with one (a tagged
// template at 1:1, "Type 'String' has no call signatures"). Classify
// reports these as SYNTAX/parse_error, as the fault corpus labels them;
// Fenced lets a fixer take the direct repair.
func Fenced(d Diagnostic) bool {
	return fenceRE.MatchString(d.Message+"\n"+d.Excerpt) ||
		d.Code == "TS2349" && d.Line == 1 && d.Column == 1 && strings.Contains(d.Message, "Type 'String' has no call signatures")
}

var fenceRules = []textRule{
	{re: fenceRE, wide: true, class: class{Syntax, ParseError}},
}

// configClass recognises errors in, or about, a configuration file.
func configClass(d Diagnostic) (class, bool) {
	base := d.File
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		base = base[i+1:]
	}
	wide := d.Message + "\n" + d.Excerpt
	switch {
	case tailwindRE.MatchString(wide) || strings.HasPrefix(base, "tailwind.config."):
		return class{Configuration, TailwindConfig}, true
	case strings.HasPrefix(base, "next.config.") || d.Code == "invalid-next-config" || d.Code == "next-config-error" ||
		strings.Contains(d.Message, "next.config"):
		return class{Configuration, NextConfig}, true
	case strings.HasPrefix(base, "postcss.config.") || postcssRE.MatchString(wide) || missingCSSPlugin(d):
		return class{Configuration, PostCSSConfig}, true
	case base == "tsconfig.json" || tsconfigCodes[d.Code] || strings.HasPrefix(d.Code, "TS5") && len(d.Code) == 6:
		return class{Configuration, TSConfig}, true
	case strings.HasPrefix(base, "eslint.config.") || strings.HasPrefix(base, ".eslintrc") ||
		d.Tool == ToolESLint && d.Code == "config" || eslintConfigRE.MatchString(d.Message):
		return class{Configuration, ESLintConfig}, true
	case base == "package.json" && jsonBrokenRE.MatchString(d.Message):
		return class{Configuration, PackageJSON}, true
	}
	return class{}, false
}

var (
	tailwindRE = regexp.MustCompile("trying to use `tailwindcss` directly as a PostCSS plugin|Cannot apply unknown utility class|" +
		"(?m)^[\\s>\\d|│:]*@tailwind (?:base|components|utilities)|`@apply` cannot be used with|tailwind\\.config|Tailwind CSS")
	postcssRE      = regexp.MustCompile(`Malformed PostCSS Configuration|PostCSS plugin|postcss\.config|Cannot find module '[^']*'[^\n]*\n(?s:.*)postcss`)
	eslintConfigRE = regexp.MustCompile(`eslint\.config|couldn't find an eslint\.config|could not find plugin|Definition for rule '[^']*' was not found|Failed to load (?:config|plugin)`)
	jsonBrokenRE   = regexp.MustCompile(`JSON|Unexpected token|Unexpected end`)
	tsconfigCodes  = map[string]bool{"TS6046": true, "TS6053": true, "TS6059": true, "TS6304": true, "TS6305": true,
		"TS6306": true, "TS6307": true, "TS6310": true, "TS17004": true, "TS18003": true, "TS2583": true, "TS2584": true,
		"TS1259": true, "TS1208": true, "TS1378": true, "TS1375": true, "TS1479": true, "TS1470": true}
)

// missingCSSPlugin reports a PostCSS plugin the configuration names but the
// project does not have, reported against the stylesheet being processed.
func missingCSSPlugin(d Diagnostic) bool {
	spec, ok := ModuleSpecifier(d)
	if !ok || !strings.HasSuffix(d.File, ".css") {
		return false
	}
	return spec == "autoprefixer" || spec == "cssnano" || strings.HasPrefix(spec, "postcss-") || spec == "@tailwindcss/postcss"
}

// appRouterRules are the mistakes of code written for the Pages Router, for
// older Next.js versions, or across the server/client boundary.
var appRouterRules = []textRule{
	rule(`"?get(?:ServerSideProps|StaticProps|StaticPaths|InitialProps)"? is not supported in app/|NextRouter was not mounted|next-router-not-mounted|`+
		`imports? next/router|next/router.*(?:App Router|app directory)|"next/head" is not supported`, Runtime, PagesRouterAPI),
	rule(`You are attempting to export "(?:metadata|generateMetadata)" from a component marked with "use client"`, Runtime, MetadataInClient),
	rule(`Server Actions must be async functions|Only async functions are allowed to be exported in a "use server" file|`+
		`"use server" file can only export async functions`, Runtime, ServerActions),
	rule(`only (?:works|available) in (?:a )?Server Component|server-only|depends on "next/headers"|You're importing a component that needs "next/headers"|`+
		`Event handlers cannot be passed to Client Component props|Functions cannot be passed directly to Client Components|`+
		`Only plain objects.*can be passed to Client Components|async/await is not yet supported in Client Components|`+
		`(?:window|document|localStorage|sessionStorage|navigator) is not defined|Hydration failed|did not match\. Server:|`+
		`Text content does not match server-rendered HTML|Minified React error #(?:418|419|421|422|423|425)|`+
		`You cannot dot into a client module from a server component`, Runtime, ServerClientBoundary),
	rule("You're importing a (?:component|module) that (?:needs|depends on) `?\\w+`?|only works in a Client Component|"+
		"only available in Client Components|mark the file \\(or its parent\\) with the `\"use client\"` directive|"+
		`createContext only works in Client Components|\(0 , \w+\.(?:use\w+|createContext)\) is not a function`, Runtime, UseClientMissing),
	rule(`Promise<(?:ReadonlyRequestCookies|ReadonlyHeaders|DraftMode|UnsafeUnwrapped\w*)>|`+
		"`(?:cookies|headers|draftMode)\\(\\)` (?:should be awaited|returns a Promise)|(?:cookies|headers|draftMode)\\(\\)\\.\\w+.*should be awaited", Type, AsyncRequestAPI),
	rule("(?s)\\b(?:params|searchParams)\\b.*Promise<|Promise<.*\\b(?:params|searchParams)\\b|`(?:params|searchParams)` should be awaited", Type, AsyncParams),
	rule(`(?i:environment variables?)\b[^.\n]*\b(?i:missing|not set|not defined|undefined|required|empty|invalid)|`+
		`(?i:missing|required|undefined|not set)[^.\n]*\b(?i:env(?:ironment)? var)|Failed to parse URL from undefined|`+
		`Invalid environment variables|\b[A-Z][A-Z0-9_]*_(?:URL|KEY|SECRET|TOKEN|DSN|HOST)\b[^.\n]*(?i:missing|not set|undefined|required|empty)`, Runtime, MissingEnv),
	wideRule(`Invalid URL(?s:.*)(?:input: 'undefined|process\.env)`, Runtime, MissingEnv),
	rule(`\b(?:useFormState|findDOMNode|unmountComponentAtNode|ReactDOM\.render|renderToNodeStream)\b.*(?:not a function|no exported member|not exported|deprecated)|`+
		`(?:has )?no exported member (?:named )?'(?:useFormState|render|hydrate|findDOMNode|unmountComponentAtNode)'|is deprecated`, Type, DeprecatedAPI),
	rule(`Attempted import error|is not exported from|doesn't exist in target module|does not provide an export named|`+
		`Element type is invalid|Minified React error #130`, Runtime, ImportError),
}

// defaultClass is the class of a diagnostic no rule matched: by tool.
func defaultClass(d Diagnostic) (Category, string) {
	switch d.Tool {
	case ToolTSC:
		if strings.HasPrefix(d.Code, "TS1") && len(d.Code) == 6 {
			return Syntax, ParseError
		}
		return Type, ""
	case ToolESLint:
		return Type, "" // a static-analysis finding; the taxonomy has no closer class
	case ToolVitest, ToolPlaywright:
		return Runtime, "" // a failed assertion: the app behaves differently than its tests expect
	case ToolRuntime:
		return Runtime, ""
	}
	if d.Code == "prerender-error" || strings.HasPrefix(d.Message, "Failed to collect page data") {
		return Runtime, PrerenderError
	}
	if isJSErrorMessage(d.Message) && d.File != "" {
		return Runtime, ""
	}
	return Unknown, ""
}

var jsErrorMessageRE = regexp.MustCompile(`^[A-Z]\w*Error: `)

func isJSErrorMessage(s string) bool { return jsErrorMessageRE.MatchString(s) }

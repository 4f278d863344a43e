package diag

import (
	"testing"
	"testing/fstest"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		cat  Category
		sub  string
	}{
		// DEPENDENCY
		{"bare package, turbopack", Diagnostic{Tool: ToolNext, File: "app/dashboard/page.tsx", Message: "Module not found: Can't resolve 'recharts'"}, Dependency, MissingPackage},
		{"scoped package, tsc", Diagnostic{Tool: ToolTSC, Code: "TS2307", Message: "Cannot find module '@tanstack/react-query' or its corresponding type declarations."}, Dependency, MissingPackage},
		{"package subpath, vite", Diagnostic{Tool: ToolVite, Message: `Rollup failed to resolve import "lodash/debounce" from "src/App.tsx".`}, Dependency, MissingPackage},
		{"node ESM", Diagnostic{Tool: ToolRuntime, Code: "ERR_MODULE_NOT_FOUND", Message: "Cannot find package 'dotenv' imported from scripts/seed.mjs"}, Dependency, MissingPackage},
		{"missing types", Diagnostic{Tool: ToolTSC, Code: "TS7016", Message: "Could not find a declaration file for module 'uuid'."}, Dependency, MissingPackage},
		{"relative path", Diagnostic{Tool: ToolNext, Message: "Module not found: Can't resolve './ui/Button'"}, Dependency, WrongImportPath},
		{"relative path, tsc", Diagnostic{Tool: ToolTSC, Code: "TS2307", Message: "Cannot find module '../../lib/db' or its corresponding type declarations."}, Dependency, WrongImportPath},
		{"alias to a file never written", Diagnostic{Tool: ToolNext, Message: "Module not found: Can't resolve '@/hooks/useTasks'"}, Dependency, FileNotFound},
		{"npm 404", Diagnostic{Tool: ToolNPM, Code: "E404", Message: "The requested resource 'react-fancy-chartz@*' could not be found"}, Dependency, MissingPackage},
		{"npm ETARGET", Diagnostic{Tool: ToolNPM, Code: "ETARGET", Message: "No matching version found for next@17.0.0."}, Dependency, VersionConflict},
		{"npm ERESOLVE", Diagnostic{Tool: ToolNPM, Code: "ERESOLVE", Message: "could not resolve peer react@^17 required by react-beautiful-dnd@13.1.1, found react@19.3.1"}, Dependency, VersionConflict},
		{"npm peer warning", Diagnostic{Tool: ToolNPM, Code: "ERESOLVE", Severity: SeverityWarning, Message: "overriding peer dependency: peer react@^18 required by x@1.0.0, found react@19.3.1"}, Dependency, PeerDependency},
		{"native addon", Diagnostic{Tool: ToolNPM, Code: "ELIFECYCLE", Message: "install script of \"bcrypt\" failed (exit code 1)", Excerpt: "gyp ERR! build error"}, Dependency, NativeModule},
		{"native addon at run time", Diagnostic{Tool: ToolRuntime, Message: "Error: The module 'node_modules/better-sqlite3/build/Release/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115."}, Dependency, NativeModule},
		{"CLI missing", Diagnostic{Tool: ToolNPM, Code: "ELIFECYCLE", Message: "script \"prisma generate\" failed (exit code 127)", Excerpt: "sh: 1: prisma: not found"}, Dependency, MissingPackage},
		// SYNTAX
		{"unclosed brace", Diagnostic{Tool: ToolTSC, Code: "TS1005", Message: "'}' expected."}, Syntax, UnexpectedEOF},
		{"missing comma", Diagnostic{Tool: ToolTSC, Code: "TS1005", Message: "',' expected."}, Syntax, UnexpectedToken},
		{"swc eof", Diagnostic{Tool: ToolNext, Message: "Expected '}', got '<eof>'"}, Syntax, UnexpectedEOF},
		{"swc token", Diagnostic{Tool: ToolNext, Message: "Expected ',', got 'className'"}, Syntax, UnexpectedToken},
		{"unterminated string", Diagnostic{Tool: ToolTSC, Code: "TS1002", Message: "Unterminated string literal."}, Syntax, UnexpectedEOF},
		{"unterminated template at the end", Diagnostic{Tool: ToolNext, Message: "Unterminated template", Excerpt: "  11 | x\n> 12 |   return `<p>\n     |          ^"}, Syntax, UnexpectedEOF},
		{"unterminated string mid-file", Diagnostic{Tool: ToolNext, Message: "Unterminated string constant", Excerpt: "> 12 |   const a = \"x;\n     |             ^\n  13 |   return a;"}, Syntax, UnexpectedToken},
		{"eslint parse", Diagnostic{Tool: ToolESLint, Message: "Parsing error: Unexpected token )"}, Syntax, UnexpectedToken},
		{"fence shown", Diagnostic{Tool: ToolNext, Message: "Expression expected", Excerpt: "> 1 | ```tsx\n    | ^"}, Syntax, ParseError},
		{"fence inferred", Diagnostic{Tool: ToolTSC, Code: "TS2349", Line: 1, Column: 1, Message: "This expression is not callable.\nType 'String' has no call signatures."}, Syntax, ParseError},
		{"not a module", Diagnostic{Tool: ToolTSC, Code: "TS2306", Message: "File 'lib/api.ts' is not a module."}, Syntax, ParseError},
		{"node syntax", Diagnostic{Tool: ToolRuntime, Message: "SyntaxError: Invalid or unexpected token"}, Syntax, UnexpectedToken},
		// TYPE
		{"wrong literal", Diagnostic{Tool: ToolTSC, Code: "TS2322", Message: `Type '"done"' is not assignable to type 'Status'.`}, Type, TypeMismatch},
		{"possibly undefined source", Diagnostic{Tool: ToolTSC, Code: "TS2345", Message: "Argument of type 'string | undefined' is not assignable to parameter of type 'string'."}, Type, NullUndefined},
		{"possibly null", Diagnostic{Tool: ToolTSC, Code: "TS18047", Message: "'user' is possibly 'null'."}, Type, NullUndefined},
		{"missing property", Diagnostic{Tool: ToolTSC, Code: "TS2741", Message: "Property 'id' is missing in type '{ name: string; }' but required in type 'User'."}, Type, MissingProperty},
		{"unknown property", Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'titel' does not exist on type 'Task'."}, Type, MissingProperty},
		{"implicit any binding", Diagnostic{Tool: ToolTSC, Code: "TS7031", Message: "Binding element 'children' implicitly has an 'any' type."}, Type, ImplicitAny},
		{"generic constraint", Diagnostic{Tool: ToolTSC, Code: "TS2344", Message: "Type 'Task' does not satisfy the constraint 'object[]'."}, Type, GenericConstraint},
		{"forgotten await on property", Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'filter' does not exist on type 'Promise<Invoice[]>'."}, Type, AsyncMisuse},
		{"forgotten await on argument", Diagnostic{Tool: ToolTSC, Code: "TS2345", Message: "Argument of type 'Promise<User>' is not assignable to parameter of type 'User'."}, Type, AsyncMisuse},
		{"await outside async", Diagnostic{Tool: ToolTSC, Code: "TS1308", Message: "'await' expressions are only allowed within async functions and at the top levels of modules."}, Type, AsyncMisuse},
		{"sync headers()", Diagnostic{Tool: ToolTSC, Code: "TS2339", Message: "Property 'get' does not exist on type 'Promise<ReadonlyHeaders>'."}, Type, AsyncRequestAPI},
		{"sync searchParams", Diagnostic{Tool: ToolTSC, Code: "TS2344", Message: "Type '{ searchParams: { q: string; }; }' does not satisfy the constraint 'PageProps'.\n  Types of property 'searchParams' are incompatible.\n    Type '{ q: string; }' is missing the following properties from type 'Promise<any>': then, catch, finally"}, Type, AsyncParams},
		{"JSX namespace", Diagnostic{Tool: ToolTSC, Code: "TS2503", Message: "Cannot find namespace 'JSX'."}, Type, DeprecatedAPI},
		{"removed React API", Diagnostic{Tool: ToolTSC, Code: "TS2305", Message: `Module '"react-dom"' has no exported member 'useFormState'.`}, Type, DeprecatedAPI},
		{"removed package", Diagnostic{Tool: ToolNext, Message: "Module not found: Can't resolve '@next/font/google'"}, Type, DeprecatedAPI},
		{"runtime undefined", Diagnostic{Tool: ToolRuntime, Message: "TypeError: Cannot read properties of undefined (reading 'length')"}, Type, NullUndefined},
		// RUNTIME
		{"hook in server component", Diagnostic{Tool: ToolNext, Message: "You're importing a module that depends on `useEffect` into a React Server Component module. This API is only available in Client Components."}, Runtime, UseClientMissing},
		{"createContext on server", Diagnostic{Tool: ToolNext, Message: "TypeError: (0 , react.createContext) is not a function"}, Runtime, UseClientMissing},
		{"next/headers in client", Diagnostic{Tool: ToolNext, Message: `You're importing a component that needs "next/headers". That only works in a Server Component but one of its parents is marked with "use client".`}, Runtime, ServerClientBoundary},
		{"builtin in client bundle", Diagnostic{Tool: ToolNext, Message: "Module not found: Can't resolve 'child_process'"}, Runtime, ServerClientBoundary},
		{"node: builtin in client bundle", Diagnostic{Tool: ToolVite, Message: `Rollup failed to resolve import "node:path" from "src/lib/files.ts".`}, Runtime, ServerClientBoundary},
		{"function prop", Diagnostic{Tool: ToolNext, Message: "Functions cannot be passed directly to Client Components unless you explicitly expose it by marking it with \"use server\"."}, Runtime, ServerClientBoundary},
		{"window during prerender", Diagnostic{Tool: ToolNext, Code: "prerender-error", Message: "ReferenceError: localStorage is not defined"}, Runtime, ServerClientBoundary},
		{"getStaticProps", Diagnostic{Tool: ToolNext, Message: `"getStaticProps" is not supported in app/. Read more: https://nextjs.org/docs/app/building-your-application/data-fetching`}, Runtime, PagesRouterAPI},
		{"metadata in client", Diagnostic{Tool: ToolNext, Message: `You are attempting to export "generateMetadata" from a component marked with "use client", which is disallowed.`}, Runtime, MetadataInClient},
		{"use server exports", Diagnostic{Tool: ToolNext, Message: `Only async functions are allowed to be exported in a "use server" file.`}, Runtime, ServerActions},
		{"env by name", Diagnostic{Tool: ToolRuntime, Message: "Error: STRIPE_SECRET_KEY is not set"}, Runtime, MissingEnv},
		{"env validation", Diagnostic{Tool: ToolNext, Message: "Invalid environment variables: DATABASE_URL Required"}, Runtime, MissingEnv},
		{"undefined base URL", Diagnostic{Tool: ToolNext, Message: "TypeError: Failed to parse URL from undefined/api/items"}, Runtime, MissingEnv},
		{"named export missing", Diagnostic{Tool: ToolNext, Message: "Export formatDate doesn't exist in target module"}, Runtime, ImportError},
		{"not imported", Diagnostic{Tool: ToolTSC, Code: "TS2304", Message: "Cannot find name 'Link'."}, Runtime, ImportError},
		{"file read at run time", Diagnostic{Tool: ToolRuntime, Code: "ENOENT", Message: "ENOENT: no such file or directory, open 'data/tasks.json'"}, Runtime, FileNotFound},
		{"permission", Diagnostic{Tool: ToolRuntime, Message: "Error: EACCES: permission denied, open '/var/data/db.sqlite'"}, Runtime, PermissionDenied},
		{"prerender, no cause known", Diagnostic{Tool: ToolNext, Code: "prerender-error", File: "app/page.tsx", Message: "Error: boom"}, Runtime, PrerenderError},
		{"page data", Diagnostic{Tool: ToolNext, Message: "Failed to collect page data for /blog/[slug]"}, Runtime, PrerenderError},
		// RESOURCE
		{"heap", Diagnostic{Tool: ToolNext, Message: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"}, Resource, OutOfMemory},
		{"killed worker", Diagnostic{Tool: ToolNext, Message: "Next.js build worker exited with code: null and signal: SIGKILL"}, Resource, OutOfMemory},
		{"disk", Diagnostic{Tool: ToolNPM, Code: "ENOSPC", Message: "ENOSPC: no space left on device, write"}, Resource, DiskSpace},
		{"test timeout", Diagnostic{Tool: ToolPlaywright, Code: "timeout", Message: "Test timeout of 30000ms exceeded"}, Resource, Timeout},
		// CONFIGURATION
		{"next config type", Diagnostic{Tool: ToolTSC, Code: "TS2353", File: "next.config.ts", Message: "Object literal may only specify known properties, and 'swcMinify' does not exist in type 'NextConfig'."}, Configuration, NextConfig},
		{"next config key", Diagnostic{Tool: ToolNext, Code: "invalid-next-config", File: "next.config.mjs", Message: `Unrecognized key(s) in object: 'turbo' at "experimental"`}, Configuration, NextConfig},
		{"tailwind v3 plugin", Diagnostic{Tool: ToolNext, File: "postcss.config.js", Message: "It looks like you're trying to use `tailwindcss` directly as a PostCSS plugin."}, Configuration, TailwindConfig},
		{"tailwind v3 directives", Diagnostic{Tool: ToolNext, File: "app/globals.css", Message: "Cannot apply unknown utility class `text-gray-900`"}, Configuration, TailwindConfig},
		{"postcss plugin missing", Diagnostic{Tool: ToolNext, File: "app/globals.css", Message: "Cannot find module 'autoprefixer'"}, Configuration, PostCSSConfig},
		{"tsconfig option", Diagnostic{Tool: ToolTSC, Code: "TS5023", File: "tsconfig.json", Message: "Unknown compiler option 'strictNullCheck'."}, Configuration, TSConfig},
		{"jsx flag", Diagnostic{Tool: ToolTSC, Code: "TS17004", Message: "Cannot use JSX unless the '--jsx' flag is provided."}, Configuration, TSConfig},
		{"eslint config", Diagnostic{Tool: ToolESLint, Code: "config", Message: "ESLint couldn't find an eslint.config.(js|mjs|cjs) file."}, Configuration, ESLintConfig},
		{"package.json", Diagnostic{Tool: ToolNPM, Code: "EJSONPARSE", File: "package.json", Message: "JSON.parse Unexpected token } in JSON at position 301"}, Configuration, PackageJSON},
		// NETWORK
		{"dns", Diagnostic{Tool: ToolNPM, Code: "ENOTFOUND", Message: "request to https://registry.npmjs.org/zod failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org"}, Network, DNS},
		{"refused", Diagnostic{Tool: ToolNPM, Code: "ECONNREFUSED", Message: "request to http://127.0.0.1:4873/zod failed, reason: connect ECONNREFUSED"}, Network, RegistryUnreachable},
		{"socket timeout", Diagnostic{Tool: ToolNPM, Code: "ETIMEDOUT", Message: "request to https://registry.npmjs.org/zod failed, reason: connect ETIMEDOUT"}, Network, Timeout},
		{"service down at build", Diagnostic{Tool: ToolNext, Message: "TypeError: fetch failed\ncause: Error: connect ECONNREFUSED 127.0.0.1:8080"}, Network, ""},
		// UNKNOWN
		{"nothing known", Diagnostic{Tool: ToolNext, Message: "something odd happened"}, Unknown, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.d)
			if got.Category != tt.cat || got.Subclass != tt.sub {
				t.Errorf("Classify(%q) = %s/%s, want %s/%s", tt.d.Message, got.Category, got.Subclass, tt.cat, tt.sub)
			}
		})
	}
}

// TestClassifyWithFS: with the project tree, a relative or alias import is a
// wrong path when its file exists elsewhere and a missing file otherwise,
// and a missing subpath of an installed package is a wrong path.
func TestClassifyWithFS(t *testing.T) {
	fsys := fstest.MapFS{
		"components/forms/TaskForm.tsx":         {Data: []byte("export default function TaskForm() {}")},
		"components/ui/index.ts":                {Data: []byte("export {}")},
		"node_modules/date-fns/package.json":    {Data: []byte("{}")},
		"node_modules/.bin/x":                   {Data: []byte("")},
		"node_modules/somewhere/TaskList.tsx":   {Data: []byte("")},
		".next/server/app/components/Ghost.tsx": {Data: []byte("")},
	}
	tests := []struct {
		msg string
		sub string
	}{
		{"Module not found: Can't resolve '../components/TaskForm'", WrongImportPath},
		{"Module not found: Can't resolve '@/components/TaskForm'", WrongImportPath},
		{"Module not found: Can't resolve '@/components/ui'", WrongImportPath},
		{"Module not found: Can't resolve './TaskList'", FileNotFound},
		{"Module not found: Can't resolve '@/components/Ghost'", FileNotFound},
		{"Module not found: Can't resolve 'date-fns/fp/nope'", WrongImportPath},
		{"Module not found: Can't resolve 'zod'", MissingPackage},
	}
	for _, tt := range tests {
		ds := Parse(ToolNext, "./app/page.tsx:1:1\n"+tt.msg+"\n", WithFS(fsys))
		if len(ds) != 1 || ds[0].Category != Dependency || ds[0].Subclass != tt.sub {
			t.Errorf("%s: got %+v, want DEPENDENCY/%s", tt.msg, ds, tt.sub)
		}
	}
}

func TestRemapGeneratedWithFS(t *testing.T) {
	fsys := fstest.MapFS{"app/api/items/[id]/route.js": {Data: []byte("")}}
	out := `.next/types/validator.ts(12,3): error TS2344: Type 'typeof import("/srv/app/app/api/items/[id]/route")' does not satisfy the constraint 'RouteHandlerConfig<"/api/items/[id]">'.` + "\n"
	ds := Parse(ToolTSC, out, WithRoot("/srv/app"), WithFS(fsys))
	if len(ds) != 1 || ds[0].File != "app/api/items/[id]/route.js" || ds[0].Line != 0 {
		t.Fatalf("got %+v", ds)
	}
}

func TestFenced(t *testing.T) {
	yes := []Diagnostic{
		{Tool: ToolTSC, Code: "TS2349", Line: 1, Column: 1, Message: "This expression is not callable.\nType 'String' has no call signatures."},
		{Tool: ToolNext, Message: "Expression expected", Excerpt: "  1 | ```tsx\n> 2 | import x from 'y';"},
		{Tool: ToolTSC, Code: "TS1127", Message: "Invalid character.", Excerpt: "48 ```\n   ~"},
	}
	no := []Diagnostic{
		{Tool: ToolTSC, Code: "TS2349", Line: 14, Column: 3, Message: "This expression is not callable.\nType 'String' has no call signatures."},
		{Tool: ToolNext, Message: "Expression expected", Excerpt: "> 2 | const s = `a`;"},
	}
	for _, d := range yes {
		if !Fenced(d) {
			t.Errorf("Fenced(%+v) = false", d)
		}
	}
	for _, d := range no {
		if Fenced(d) {
			t.Errorf("Fenced(%+v) = true", d)
		}
	}
}

package rules

import (
	"context"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
)

var (
	unknownOptionRE    = regexp.MustCompile(`Unknown compiler option '([\w]+)'|Option '([\w]+)' (?:is deprecated|has been removed)`)
	bundlerModuleRE    = regexp.MustCompile(`Option '(?:bundler|moduleResolution)' can only be used when 'module' is set to`)
	oldResolutionRE    = regexp.MustCompile(`"moduleResolution"\s*:\s*"(?i:node|node10|classic)"`)
	nextSubpathSpecRE  = regexp.MustCompile(`^(?:next|react|react-dom)/`)
	compilerOptionLine = func(name string) *regexp.Regexp {
		return regexp.MustCompile(`(?m)^[ \t]*"` + regexp.QuoteMeta(name) + `"\s*:\s*(?:"[^"]*"|[\w.-]+|\[[^\]]*\]|\{[^}]*\})\s*,?[ \t]*\n`)
	}
)

// tsconfigOptions repairs tsconfig.json: an option the compiler does not
// know or no longer supports is removed; a module setting that cannot go
// with bundler resolution becomes esnext; and Node-style resolution, which
// cannot see the subpath exports of next and react, becomes bundler.
var tsconfigOptions = &rule{
	name: "config.tsconfig",
	accepts: func(d diag.Diagnostic) bool {
		if is(d, diag.Configuration, diag.TSConfig) {
			return true
		}
		spec, ok := diag.ModuleSpecifier(d)
		return ok && is(d, diag.Dependency, diag.MissingPackage) && nextSubpathSpecRE.MatchString(spec)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		src, err := read(p, "tsconfig.json")
		if err != nil {
			return heal.Fix{}, err
		}
		out := string(src)
		var notes []string
		if m := unknownOptionRE.FindStringSubmatch(p.Diag.Message); m != nil {
			name := m[1] + m[2]
			re := compilerOptionLine(name)
			if re.MatchString(out) {
				out = re.ReplaceAllString(out, "")
				notes = append(notes, "remove the option "+name)
			}
		}
		if bundlerModuleRE.MatchString(p.Diag.Message) || oldResolutionRE.MatchString(out) {
			out = oldResolutionRE.ReplaceAllString(out, `"moduleResolution": "bundler"`)
			mod := regexp.MustCompile(`"module"\s*:\s*"(?i:commonjs|amd|umd|system|none|node16|nodenext)"`)
			if mod.MatchString(out) {
				out = mod.ReplaceAllString(out, `"module": "esnext"`)
			}
			if out != string(src) {
				notes = append(notes, "resolve modules as the bundler does")
			}
		}
		// A removed last option leaves a trailing comma.
		out = regexp.MustCompile(`,(\s*\n\s*\})`).ReplaceAllString(out, "$1")
		if out == string(src) {
			return heal.Fix{}, na("nothing to change in tsconfig.json")
		}
		return one("tsconfig.json", []byte(out), strings.Join(notes, "; ")), nil
	},
}

package rules

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
)

// nodeBuiltins cannot be installed from npm.
var nodeBuiltins = map[string]bool{
	"fs": true, "path": true, "os": true, "child_process": true, "crypto": true, "net": true, "tls": true, "dns": true,
	"http": true, "https": true, "http2": true, "zlib": true, "stream": true, "worker_threads": true, "cluster": true,
	"readline": true, "module": true, "perf_hooks": true, "async_hooks": true, "v8": true, "vm": true, "process": true,
	"buffer": true, "url": true, "util": true, "events": true, "assert": true, "querystring": true, "timers": true,
}

// packageName is the package of a bare specifier; ok is false for paths,
// aliases and Node.js built-ins.
func packageName(spec string) (string, bool) {
	if spec == "" || strings.HasPrefix(spec, ".") || strings.HasPrefix(spec, "/") || strings.HasPrefix(spec, "@/") ||
		strings.HasPrefix(spec, "~/") || strings.HasPrefix(spec, "#") || strings.HasPrefix(spec, "node:") {
		return "", false
	}
	parts := strings.SplitN(spec, "/", 3)
	name := parts[0]
	if strings.HasPrefix(spec, "@") {
		if len(parts) < 2 {
			return "", false
		}
		name = parts[0] + "/" + parts[1]
	}
	if nodeBuiltins[name] || !regexp.MustCompile(`^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$`).MatchString(name) {
		return "", false
	}
	return name, true
}

// typesPackage is the DefinitelyTyped package of name.
func typesPackage(name string) string {
	if strings.HasPrefix(name, "@") {
		return "@types/" + strings.ReplaceAll(strings.TrimPrefix(name, "@"), "/", "__")
	}
	return "@types/" + name
}

// release is one published version and its peer ranges.
type release struct {
	Version string            `json:"version"`
	Peers   map[string]string `json:"peerDependencies"`
}

// releases asks the registry for the versions matching spec with their peers.
func releases(ctx context.Context, reg heal.Registry, spec string) ([]release, error) {
	raw, err := reg.View(ctx, spec, "version", "peerDependencies")
	if err != nil {
		return nil, err
	}
	raw = []byte(strings.TrimSpace(string(raw)))
	var list []release
	switch {
	case len(raw) == 0:
		return nil, fmt.Errorf("%w: %s", heal.ErrNoPackage, spec)
	case raw[0] == '[':
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, fmt.Errorf("npm view %s: %w", spec, err)
		}
	case raw[0] == '{':
		var r release
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, fmt.Errorf("npm view %s: %w", spec, err)
		}
		list = []release{r}
	default:
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, fmt.Errorf("npm view %s: %w", spec, err)
		}
		list = []release{{Version: v}}
	}
	return list, nil
}

// accepts reports whether every peer of rel that the project declares is
// satisfied by the declared version.
func accepts(rel release, project map[string]string) bool {
	for peer, rng := range rel.Peers {
		have, ok := project[peer]
		if !ok {
			continue
		}
		v, ok := minVersion(have)
		if ok && !satisfies(v, rng) {
			return false
		}
	}
	return true
}

// chooseVersion picks a stable release of name whose peers the project
// satisfies. With latest, the latest release when it qualifies; otherwise
// (and without latest), among the releases from major fromMajor on, the
// highest one of the lowest major that has any: the smallest upgrade that
// resolves.
func chooseVersion(ctx context.Context, reg heal.Registry, name string, fromMajor int, project map[string]string, latest bool) (version, error) {
	if latest {
		rs, err := releases(ctx, reg, name+"@latest")
		if err != nil {
			return version{}, err
		}
		if len(rs) == 1 {
			if v, ok := parseVersion(rs[0].Version); ok && v.major >= fromMajor && accepts(rs[0], project) {
				return v, nil
			}
		}
	}
	all, err := releases(ctx, reg, fmt.Sprintf("%s@>=%d.0.0", name, fromMajor))
	if err != nil {
		return version{}, err
	}
	var ok []version
	for _, r := range all {
		v, good := parseVersion(r.Version)
		if good && v.pre == "" && accepts(r, project) {
			ok = append(ok, v)
		}
	}
	if len(ok) == 0 {
		return version{}, na("no release of %s from %d.0.0 on accepts the project's %s", name, fromMajor, peerNames(all))
	}
	slices.SortFunc(ok, func(a, b version) int { return a.cmp(b) })
	low := ok[0].major
	best := ok[0]
	for _, v := range ok {
		if v.major == low {
			best = v
		}
	}
	return best, nil
}

func peerNames(rs []release) string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		for p := range r.Peers {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	if len(out) == 0 {
		return "dependencies"
	}
	return strings.Join(out, ", ")
}

// readPkg reads and parses the project's package.json; a file that does not
// parse is ErrNotApplicable.
func readPkg(p heal.Params) ([]byte, pkgJSON, error) {
	data, err := read(p, "package.json")
	if err != nil {
		return nil, pkgJSON{}, err
	}
	pkg, err := parsePkg(data)
	if err != nil {
		return nil, pkgJSON{}, na("%v", err)
	}
	return data, pkg, nil
}

// depAdd adds packages the code imports but package.json does not declare,
// at a release whose peers the project satisfies.
var depAdd = &rule{
	name: "dep.add",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Dependency, diag.MissingPackage) && d.Code != "E404" || d.Code == "TS7016"
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		data, pkg, err := readPkg(p)
		if err != nil {
			return heal.Fix{}, err
		}
		want := missingPackages(p.Diag, p.Failing, pkg)
		if len(want) == 0 {
			return heal.Fix{}, na("every imported package is declared in package.json")
		}
		if p.Registry == nil {
			return heal.Fix{}, na("no package registry to ask for versions")
		}
		project := pkg.all()
		var added []string
		for i, w := range want {
			v, err := chooseVersion(ctx, p.Registry, w.name, 0, project, true)
			if errors.Is(err, heal.ErrNoPackage) || errors.Is(err, heal.ErrNotApplicable) {
				if i == 0 {
					return heal.Fix{}, na("%s: %v", w.name, err)
				}
				continue
			}
			if err != nil {
				return heal.Fix{}, err
			}
			rng := "^" + v.String()
			if data, err = setDep(data, w.section, w.name, rng); err != nil {
				return heal.Fix{}, na("%v", err)
			}
			project[w.name] = rng
			added = append(added, w.name+"@"+rng)
		}
		return one("package.json", data, "declare "+strings.Join(added, ", ")), nil
	},
}

type wanted struct{ name, section string }

// missingPackages lists the undeclared packages named by d and the other
// failures of its kind, d's first.
func missingPackages(d diag.Diagnostic, failing []diag.Diagnostic, pkg pkgJSON) []wanted {
	var out []wanted
	seen := map[string]bool{}
	for _, f := range append([]diag.Diagnostic{d}, failing...) {
		if !is(f, diag.Dependency, diag.MissingPackage) && f.Code != "TS7016" || f.Code == "E404" {
			continue
		}
		spec, ok := diag.ModuleSpecifier(f)
		if !ok {
			continue
		}
		name, ok := packageName(spec)
		if !ok {
			continue
		}
		section := "dependencies"
		if f.Code == "TS7016" {
			if _, _, declared := pkg.declared(name); !declared {
				continue // the package itself is missing; its own diagnostic adds it
			}
			name, section = typesPackage(name), "devDependencies"
		}
		if _, _, declared := pkg.declared(name); declared || seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, wanted{name, section})
	}
	return out
}

var (
	peerMsgRE = regexp.MustCompile(`peer (\S+?)@(\S+) required by (\S+?)@(\S+), found (\S+?)@(\S+)`)
	rootDepRE = regexp.MustCompile(`(?m)^\s*(?:peer(?:Optional)?\s+)?(\S+?)@"([^"]+)" from the root project`)
)

// depPeer resolves a peer dependency conflict by moving the dependency that
// declares the unmet peer to a release whose peer range the project meets.
var depPeer = &rule{
	name: "dep.peer",
	accepts: func(d diag.Diagnostic) bool {
		return is(d, diag.Dependency, diag.VersionConflict, diag.PeerDependency) && peerMsgRE.MatchString(d.Message)
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		m := peerMsgRE.FindStringSubmatch(p.Diag.Message)
		if m == nil {
			return heal.Fix{}, na("no peer conflict in the message")
		}
		requiredBy := m[3]
		data, pkg, err := readPkg(p)
		if err != nil {
			return heal.Fix{}, err
		}
		target := requiredBy
		if _, _, ok := pkg.declared(target); !ok {
			// A dependency of a dependency: move the root one that brings it.
			target = ""
			for _, rm := range rootDepRE.FindAllStringSubmatch(p.Diag.Excerpt, -1) {
				if _, _, ok := pkg.declared(rm[1]); ok && rm[1] != m[1] && rm[1] != m[5] {
					target = rm[1]
					break
				}
			}
			if target == "" {
				return heal.Fix{}, na("%s is not a direct dependency", requiredBy)
			}
		}
		if p.Registry == nil {
			return heal.Fix{}, na("no package registry to ask for versions")
		}
		rng, section, _ := pkg.declared(target)
		from := 0
		if v, ok := minVersion(rng); ok {
			from = v.major
		}
		project := pkg.all()
		delete(project, target)
		v, err := chooseVersion(ctx, p.Registry, target, from, project, false)
		if err != nil {
			return heal.Fix{}, err
		}
		newRange := "^" + v.String()
		if newRange == rng {
			return heal.Fix{}, na("%s is already at %s", target, rng)
		}
		out, err := setDep(data, section, target, newRange)
		if err != nil {
			return heal.Fix{}, na("%v", err)
		}
		return one("package.json", out, fmt.Sprintf("move %s from %s to %s, whose peers accept %s@%s", target, rng, newRange, m[5], m[6])), nil
	},
}

var etargetRE = regexp.MustCompile(`No matching version found for (\S+?)@(\S+?)\.?$`)

// depVersion replaces a version range nothing was published for with the
// latest release.
var depVersion = &rule{
	name: "dep.version",
	accepts: func(d diag.Diagnostic) bool {
		return d.Code == "ETARGET" || is(d, diag.Dependency, diag.VersionConflict) && etargetRE.MatchString(firstLine(d.Message))
	},
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		m := etargetRE.FindStringSubmatch(firstLine(p.Diag.Message))
		if m == nil {
			return heal.Fix{}, na("no package in the message")
		}
		data, pkg, err := readPkg(p)
		if err != nil {
			return heal.Fix{}, err
		}
		rng, section, ok := pkg.declared(m[1])
		if !ok {
			return heal.Fix{}, na("%s is not declared in package.json", m[1])
		}
		if p.Registry == nil {
			return heal.Fix{}, na("no package registry to ask for versions")
		}
		project := pkg.all()
		delete(project, m[1])
		v, err := chooseVersion(ctx, p.Registry, m[1], 0, project, true)
		if err != nil {
			return heal.Fix{}, err
		}
		out, err := setDep(data, section, m[1], "^"+v.String())
		if err != nil {
			return heal.Fix{}, na("%v", err)
		}
		return one("package.json", out, fmt.Sprintf("%s %s does not exist; use ^%s", m[1], rng, v)), nil
	},
}

var e404RE = regexp.MustCompile(`'((?:@[^/'@]+/)?[^@'/]+)(?:@[^']*)?' (?:could not be found|is not in this registry)`)

// depRemoveUnknown drops a declared package that does not exist on the
// registry when no source file imports it.
var depRemoveUnknown = &rule{
	name:    "dep.remove-unknown",
	accepts: func(d diag.Diagnostic) bool { return d.Code == "E404" && e404RE.MatchString(d.Message) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		name := e404RE.FindStringSubmatch(p.Diag.Message)[1]
		data, pkg, err := readPkg(p)
		if err != nil {
			return heal.Fix{}, err
		}
		if _, _, ok := pkg.declared(name); !ok {
			return heal.Fix{}, na("%s is not declared", name)
		}
		importRE := regexp.MustCompile(`["']` + regexp.QuoteMeta(name) + `(?:/[^"']*)?["']`)
		for _, f := range codeFiles(p.Files) {
			if src, err := p.Files.ReadFile(f); err == nil && importRE.Match(src) {
				return heal.Fix{}, na("%s imports %s, which does not exist on the registry", f, name)
			}
		}
		return one("package.json", removeDep(data, name), "remove "+name+": it does not exist and nothing imports it"), nil
	},
}

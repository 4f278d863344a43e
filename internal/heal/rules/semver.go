package rules

import (
	"strconv"
	"strings"
)

// version is a parsed semantic version; pre is its prerelease tag.
type version struct {
	major, minor, patch int
	pre                 string
}

// parseVersion reads "1.2.3", "v1.2.3-rc.1+build"; partial versions are
// not versions.
func parseVersion(s string) (version, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	s = strings.TrimPrefix(s, "=")
	s, _, _ = strings.Cut(s, "+")
	core, pre, _ := strings.Cut(s, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return version{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return version{}, false
		}
		n[i] = v
	}
	return version{n[0], n[1], n[2], pre}, true
}

func (v version) String() string {
	s := strconv.Itoa(v.major) + "." + strconv.Itoa(v.minor) + "." + strconv.Itoa(v.patch)
	if v.pre != "" {
		s += "-" + v.pre
	}
	return s
}

// cmp orders versions; a prerelease sorts before its release.
func (v version) cmp(w version) int {
	for _, d := range []int{v.major - w.major, v.minor - w.minor, v.patch - w.patch} {
		if d != 0 {
			return d
		}
	}
	switch {
	case v.pre == w.pre:
		return 0
	case v.pre == "":
		return 1
	case w.pre == "":
		return -1
	}
	return strings.Compare(v.pre, w.pre)
}

// comparator is one bound: op is one of >=, >, <, <=, =.
type comparator struct {
	op string
	v  version
}

func (c comparator) ok(v version) bool {
	d := v.cmp(c.v)
	switch c.op {
	case ">=":
		return d >= 0
	case ">":
		return d > 0
	case "<":
		return d < 0
	case "<=":
		return d <= 0
	}
	return d == 0
}

// satisfies reports whether version v is in the npm range r. Prereleases
// satisfy only a range that names a prerelease of the same version.
func satisfies(v version, r string) bool {
	for _, set := range strings.Split(r, "||") {
		cs, ok := parseSet(set)
		if !ok {
			continue
		}
		all := true
		preAllowed := v.pre == ""
		for _, c := range cs {
			all = all && c.ok(v)
			if c.v.pre != "" && c.v.major == v.major && c.v.minor == v.minor && c.v.patch == v.patch {
				preAllowed = true
			}
		}
		if all && preAllowed {
			return true
		}
	}
	return false
}

// partial is a version with missing or wildcard parts (-1).
type partial [3]int

func parsePartial(s string) (partial, string, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	s, _, _ = strings.Cut(s, "+")
	core, pre, _ := strings.Cut(s, "-")
	p := partial{-1, -1, -1}
	if core == "" || core == "*" || core == "x" || core == "X" {
		return p, "", true
	}
	parts := strings.Split(core, ".")
	if len(parts) > 3 {
		return p, "", false
	}
	for i, part := range parts {
		if part == "x" || part == "X" || part == "*" {
			break
		}
		n, err := strconv.Atoi(part)
		if err != nil {
			return p, "", false
		}
		p[i] = n
	}
	return p, pre, true
}

func (p partial) low(pre string) version {
	return version{max(p[0], 0), max(p[1], 0), max(p[2], 0), pre}
}

// next is the first version above the partial's span ("1.2" → 1.3.0).
func (p partial) next() (version, bool) {
	switch {
	case p[0] < 0:
		return version{}, false
	case p[1] < 0:
		return version{p[0] + 1, 0, 0, "0"}, true
	case p[2] < 0:
		return version{p[0], p[1] + 1, 0, "0"}, true
	}
	return version{}, false
}

// parseSet reads one space-separated comparator set, with hyphen ranges,
// carets, tildes and x-ranges.
func parseSet(set string) ([]comparator, bool) {
	f := strings.Fields(set)
	if len(f) == 3 && f[1] == "-" {
		lo, lpre, ok1 := parsePartial(f[0])
		hi, hpre, ok2 := parsePartial(f[2])
		if !ok1 || !ok2 {
			return nil, false
		}
		cs := []comparator{{">=", lo.low(lpre)}}
		if n, ok := hi.next(); ok {
			cs = append(cs, comparator{"<", n})
		} else if hi[0] >= 0 {
			cs = append(cs, comparator{"<=", hi.low(hpre)})
		}
		return cs, true
	}
	var out []comparator
	for i := 0; i < len(f); i++ {
		tok := f[i]
		op := ""
		for _, o := range []string{">=", "<=", ">", "<", "=", "^", "~"} {
			if strings.HasPrefix(tok, o) {
				op, tok = o, strings.TrimPrefix(tok, o)
				break
			}
		}
		if tok == "" && i+1 < len(f) { // "> 1.2.3"
			i++
			tok = f[i]
		}
		p, pre, ok := parsePartial(tok)
		if !ok {
			return nil, false
		}
		cs, ok := expand(op, p, pre)
		if !ok {
			return nil, false
		}
		out = append(out, cs...)
	}
	return out, true
}

func expand(op string, p partial, pre string) ([]comparator, bool) {
	lo := p.low(pre)
	switch op {
	case "^":
		var hi version
		switch {
		case p[0] > 0 || p[1] < 0:
			hi = version{p[0] + 1, 0, 0, "0"}
		case p[1] > 0 || p[2] < 0:
			hi = version{0, p[1] + 1, 0, "0"}
		default:
			hi = version{0, 0, p[2] + 1, "0"}
		}
		if p[0] < 0 {
			return nil, true
		}
		return []comparator{{">=", lo}, {"<", hi}}, true
	case "~":
		if p[0] < 0 {
			return nil, true
		}
		hi := version{p[0], p[1] + 1, 0, "0"}
		if p[1] < 0 {
			hi = version{p[0] + 1, 0, 0, "0"}
		}
		return []comparator{{">=", lo}, {"<", hi}}, true
	case ">=", ">", "<", "<=":
		if p[0] < 0 {
			return nil, op == ">=" || op == "<="
		}
		if n, ok := p.next(); ok {
			switch op {
			case ">":
				return []comparator{{">=", n}}, true
			case "<=":
				return []comparator{{"<", n}}, true
			}
		}
		return []comparator{{op, lo}}, true
	}
	if n, ok := p.next(); ok {
		if p[0] < 0 {
			return nil, true
		}
		return []comparator{{">=", lo}, {"<", n}}, true
	}
	if p[0] < 0 {
		return nil, true
	}
	return []comparator{{"=", lo}}, true
}

// minVersion is the lowest version a declared range allows ("^19.0.0" →
// 19.0.0), which stands for the installed version when only the range is known.
func minVersion(r string) (version, bool) {
	if v, ok := parseVersion(r); ok {
		return v, true
	}
	var best version
	found := false
	for _, set := range strings.Split(r, "||") {
		cs, ok := parseSet(set)
		if !ok {
			continue
		}
		for _, c := range cs {
			if (c.op == ">=" || c.op == "=") && (!found || c.v.cmp(best) < 0) {
				best, found = c.v, true
			}
		}
	}
	return best, found
}

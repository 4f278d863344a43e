package rules

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// pkgJSON is the part of package.json the rules read.
type pkgJSON struct {
	Dependencies    map[string]string `json:"dependencies"`
	DevDependencies map[string]string `json:"devDependencies"`
}

func parsePkg(data []byte) (pkgJSON, error) {
	var p pkgJSON
	if err := json.Unmarshal(data, &p); err != nil {
		return p, fmt.Errorf("package.json: %w", err)
	}
	return p, nil
}

// declared returns the range package.json gives name, and its section.
func (p pkgJSON) declared(name string) (rng, section string, ok bool) {
	if v, ok := p.Dependencies[name]; ok {
		return v, "dependencies", true
	}
	if v, ok := p.DevDependencies[name]; ok {
		return v, "devDependencies", true
	}
	return "", "", false
}

// all is every declared dependency.
func (p pkgJSON) all() map[string]string {
	m := map[string]string{}
	for k, v := range p.DevDependencies {
		m[k] = v
	}
	for k, v := range p.Dependencies {
		m[k] = v
	}
	return m
}

// setDep sets name to rng in section, editing the text so the rest of the
// file keeps its layout: an existing entry is changed in place, a new one
// goes in alphabetical order (npm's order), a missing section is added.
func setDep(src []byte, section, name, rng string) ([]byte, error) {
	s := string(src)
	open, close, ok := sectionSpan(s, section)
	if !ok {
		return addSection(src, section, name, rng)
	}
	body := s[open+1 : close]
	entry := regexp.MustCompile(`("` + regexp.QuoteMeta(name) + `"\s*:\s*)"[^"]*"`)
	if loc := entry.FindStringSubmatchIndex(body); loc != nil {
		return []byte(s[:open+1] + body[:loc[3]] + `"` + rng + `"` + body[loc[1]:] + s[close:]), nil
	}
	lines := strings.Split(body, "\n")
	indent := "    "
	type kv struct {
		line int
		key  string
	}
	var keys []kv
	keyRE := regexp.MustCompile(`^(\s*)"([^"]+)"\s*:`)
	for i, l := range lines {
		if m := keyRE.FindStringSubmatch(l); m != nil {
			indent = m[1]
			keys = append(keys, kv{i, m[2]})
		}
	}
	newLine := indent + `"` + name + `": "` + rng + `"`
	if len(keys) == 0 {
		closeIndent := ""
		if i := strings.LastIndexByte(s[:close], '\n'); i >= 0 {
			closeIndent = strings.TrimRight(s[i+1:close], "\n")
		}
		return []byte(s[:open+1] + "\n" + closeIndentPlus(closeIndent) + `"` + name + `": "` + rng + `"` + "\n" + closeIndent + s[close:]), nil
	}
	sorted := sort.SliceIsSorted(keys, func(i, j int) bool { return keys[i].key < keys[j].key })
	at := len(keys) // insert before keys[at]
	if sorted {
		at = sort.Search(len(keys), func(i int) bool { return keys[i].key > name })
	}
	if at < len(keys) {
		l := keys[at].line
		lines = append(lines[:l], append([]string{newLine + ","}, lines[l:]...)...)
	} else {
		last := keys[len(keys)-1].line
		lines[last] = strings.TrimRight(lines[last], " ") + ","
		if strings.HasSuffix(lines[last], ",,") {
			lines[last] = strings.TrimSuffix(lines[last], ",")
		}
		lines = append(lines[:last+1], append([]string{newLine}, lines[last+1:]...)...)
	}
	return []byte(s[:open+1] + strings.Join(lines, "\n") + s[close:]), nil
}

func closeIndentPlus(ind string) string { return ind + "  " }

// removeDep drops name from every section: its line when it has one, else
// the entry and its comma.
func removeDep(src []byte, name string) []byte {
	q := regexp.QuoteMeta(name)
	out := string(src)
	line := regexp.MustCompile(`(?m)^[ \t]*"` + q + `"\s*:\s*"[^"]*",?[ \t]*\n`)
	if line.MatchString(out) {
		out = line.ReplaceAllString(out, "")
	} else {
		out = regexp.MustCompile(`,\s*"`+q+`"\s*:\s*"[^"]*"|"`+q+`"\s*:\s*"[^"]*"\s*,?\s*`).ReplaceAllString(out, "")
	}
	// A removed last entry leaves a trailing comma before '}'.
	out = regexp.MustCompile(`,(\s*\n\s*\})`).ReplaceAllString(out, "$1")
	return []byte(out)
}

// sectionSpan finds the braces of a top-level section ("dependencies": { … }).
func sectionSpan(s, section string) (open, close int, ok bool) {
	m := regexp.MustCompile(`"` + regexp.QuoteMeta(section) + `"\s*:\s*\{`).FindStringIndex(s)
	if m == nil {
		return 0, 0, false
	}
	open = m[1] - 1
	depth := 0
	inStr := false
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				return open, i, true
			}
		}
	}
	return 0, 0, false
}

// addSection adds a section with one entry before the file's last brace.
func addSection(src []byte, section, name, rng string) ([]byte, error) {
	s := strings.TrimRight(string(src), "\n \t")
	if !strings.HasSuffix(s, "}") {
		return nil, fmt.Errorf("package.json does not end with }")
	}
	body := strings.TrimRight(s[:len(s)-1], "\n \t")
	sep := ","
	if strings.HasSuffix(body, "{") {
		sep = ""
	}
	return []byte(body + sep + "\n  \"" + section + "\": {\n    \"" + name + "\": \"" + rng + "\"\n  }\n}\n"), nil
}

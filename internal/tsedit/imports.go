package tsedit

import (
	"regexp"
	"slices"
	"strings"
)

// Import is one import declaration at the top level of a file.
type Import struct {
	// Start and End span the declaration, End after its ';' if any.
	Start, End int
	Module     string
	// ModStart and ModEnd span the module specifier's text (inside the quotes).
	ModStart, ModEnd int
	TypeOnly         bool
	Default          string
	Namespace        string
	Named            []Spec
	// BraceOpen and BraceClose are the offsets of the named list's braces, -1 without one.
	BraceOpen, BraceClose int
}

// Spec is one named import: `Name`, `Name as Alias`, `type Name`.
type Spec struct {
	Name, Alias string
	Type        bool
}

// Local is the name the specifier binds in the file.
func (s Spec) Local() string {
	if s.Alias != "" {
		return s.Alias
	}
	return s.Name
}

func (s Spec) String() string {
	out := s.Name
	if s.Alias != "" {
		out += " as " + s.Alias
	}
	if s.Type {
		out = "type " + out
	}
	return out
}

// Locals lists the names an import binds.
func (im Import) Locals() []string {
	var out []string
	if im.Default != "" {
		out = append(out, im.Default)
	}
	if im.Namespace != "" {
		out = append(out, im.Namespace)
	}
	for _, s := range im.Named {
		out = append(out, s.Local())
	}
	return out
}

var (
	importRE = regexp.MustCompile(`(?m)^[ \t]*import\b`)
	clauseRE = regexp.MustCompile(`^import\s+(type\s+)?([^;"'` + "`" + `]*?)\s*\bfrom\s*["']`)
	sideRE   = regexp.MustCompile(`^import\s*["']`)
)

// Imports returns the file's top-level import declarations in order.
func Imports(s *Scan) []Import {
	var out []Import
	for _, m := range importRE.FindAllIndex(s.Code, -1) {
		start := SkipSpace(s.Code, m[0])
		if line := LineOf(s.Src, start) - 1; line < len(s.LineStack) && len(s.LineStack[line]) > 0 {
			continue // not at the top level
		}
		if im, ok := parseImport(s, start); ok {
			out = append(out, im)
		}
	}
	return out
}

func parseImport(s *Scan, start int) (Import, bool) {
	rest := s.Code[start:]
	im := Import{Start: start, BraceOpen: -1, BraceClose: -1}
	var quote int
	if m := clauseRE.FindSubmatchIndex(rest); m != nil {
		im.TypeOnly = m[2] >= 0
		clause := string(rest[m[4]:m[5]])
		if !parseClause(&im, clause, start+m[4], s.Code) {
			return im, false
		}
		quote = start + m[1] - 1
	} else if m := sideRE.FindIndex(rest); m != nil {
		quote = start + m[1] - 1
	} else {
		return im, false
	}
	q := s.Src[quote]
	end := quote + 1
	for end < len(s.Src) && s.Src[end] != q && s.Src[end] != '\n' {
		end++
	}
	im.ModStart, im.ModEnd = quote+1, end
	im.Module = string(s.Src[quote+1 : end])
	end++
	j := end
	for j < len(s.Code) && (s.Code[j] == ' ' || s.Code[j] == '\t') {
		j++
	}
	if j < len(s.Code) && s.Code[j] == ';' {
		end = j + 1
	}
	im.End = min(end, len(s.Src))
	return im, true
}

// parseClause reads `Default, { a, type b as c }` or `* as ns`.
func parseClause(im *Import, clause string, off int, code []byte) bool {
	if i := strings.IndexByte(clause, '{'); i >= 0 {
		j := strings.LastIndexByte(clause, '}')
		if j < i {
			return false
		}
		im.BraceOpen, im.BraceClose = off+i, off+j
		for _, part := range strings.Split(clause[i+1:j], ",") {
			f := strings.Fields(part)
			if len(f) == 0 {
				continue
			}
			sp := Spec{}
			if f[0] == "type" && len(f) > 1 {
				sp.Type = true
				f = f[1:]
			}
			sp.Name = f[0]
			if len(f) == 3 && f[1] == "as" {
				sp.Alias = f[2]
			}
			im.Named = append(im.Named, sp)
		}
		clause = clause[:i] + clause[j+1:]
	}
	for _, part := range strings.Split(clause, ",") {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
		case strings.HasPrefix(part, "*"):
			f := strings.Fields(part)
			im.Namespace = f[len(f)-1]
		default:
			im.Default = part
		}
	}
	return true
}

// FindImport returns the import of module (a value import before a type-only one).
func FindImport(imps []Import, module string) (Import, bool) {
	var found *Import
	for i := range imps {
		if imps[i].Module != module {
			continue
		}
		if found == nil || found.TypeOnly && !imps[i].TypeOnly {
			found = &imps[i]
		}
	}
	if found == nil {
		return Import{}, false
	}
	return *found, true
}

// Binds reports whether the file's imports bind name.
func Binds(imps []Import, name string) bool {
	for _, im := range imps {
		if slices.Contains(im.Locals(), name) {
			return true
		}
	}
	return false
}

// AddNamed makes the file import spec from module: into an existing
// import's braces when there is one, else as a new declaration after the
// last import. It returns src unchanged when the name is already bound.
func AddNamed(src []byte, path, module string, spec Spec) []byte {
	s := ParseFile(path, src)
	imps := Imports(s)
	if Binds(imps, spec.Local()) {
		return src
	}
	for _, im := range imps {
		if im.Module != module || im.BraceOpen < 0 || im.TypeOnly && !spec.Type {
			continue
		}
		sp := spec
		if im.TypeOnly {
			sp.Type = false
		}
		inner := strings.TrimSpace(string(src[im.BraceOpen+1 : im.BraceClose]))
		var text string
		switch {
		case inner == "":
			text = " " + sp.String() + " "
		case strings.HasSuffix(inner, ","):
			text = " " + inner + " " + sp.String() + " "
		default:
			text = " " + inner + ", " + sp.String() + " "
		}
		return Apply(src, Edit{im.BraceOpen + 1, im.BraceClose, text})
	}
	kw := "import "
	if spec.Type {
		kw = "import type "
		spec.Type = false
	}
	return AddLine(src, path, kw+"{ "+spec.String()+" } from "+QuoteOf(src)+module+QuoteOf(src)+Semi(src))
}

// AddDefault makes the file import name as module's default export.
func AddDefault(src []byte, path, module, name string) []byte {
	imps := Imports(ParseFile(path, src))
	if Binds(imps, name) {
		return src
	}
	q := QuoteOf(src)
	return AddLine(src, path, "import "+name+" from "+q+module+q+Semi(src))
}

// AddLine inserts a line after the last import (or after the directive,
// or at the top).
func AddLine(src []byte, path, line string) []byte {
	imps := Imports(ParseFile(path, src))
	at := 0
	if len(imps) > 0 {
		at = imps[len(imps)-1].End
		at = LineEnd(src, at)
		if at < len(src) {
			at++
		}
		return Apply(src, Edit{at, at, line + "\n"})
	}
	if d, _, end := Directive(src); d != "" {
		at = end
		for at < len(src) && src[at] == '\n' {
			at++
		}
	}
	text := line + "\n"
	if at < len(src) && src[at] != '\n' && !strings.HasPrefix(string(src[at:]), "import") {
		text += "\n"
	}
	return Apply(src, Edit{at, at, text})
}

// RemoveNamed drops the named import of name from module; the whole
// declaration goes when nothing is left of it.
func RemoveNamed(src []byte, path, module, name string) []byte {
	s := ParseFile(path, src)
	for _, im := range Imports(s) {
		if im.Module != module {
			continue
		}
		var keep []string
		found := false
		for _, sp := range im.Named {
			if sp.Local() == name {
				found = true
				continue
			}
			keep = append(keep, sp.String())
		}
		if !found {
			continue
		}
		if len(keep) == 0 && im.Default == "" && im.Namespace == "" {
			return RemoveImport(src, im)
		}
		if len(keep) == 0 {
			// `Default, {}`: drop the braces and the comma before them.
			from := strings.LastIndexByte(string(src[:im.BraceOpen]), ',')
			return Apply(src, Edit{from, im.BraceClose + 1, ""})
		}
		return Apply(src, Edit{im.BraceOpen + 1, im.BraceClose, " " + strings.Join(keep, ", ") + " "})
	}
	return src
}

// RemoveImport deletes a whole import declaration and its line.
func RemoveImport(src []byte, im Import) []byte {
	end := im.End
	if end < len(src) && src[end] == '\n' {
		end++
	}
	return Apply(src, Edit{LineStart(src, im.Start), end, ""})
}

// SetModule changes the module an import declaration names.
func SetModule(src []byte, im Import, module string) []byte {
	return Apply(src, Edit{im.ModStart, im.ModEnd, module})
}

// Referenced reports whether the file uses name outside its import declarations.
func Referenced(s *Scan, name string) bool {
	imps := Imports(s)
	for _, at := range WordIndex(s.Code, name) {
		inImport := false
		for _, im := range imps {
			if at >= im.Start && at < im.End {
				inImport = true
				break
			}
		}
		if !inImport {
			return true
		}
	}
	return false
}

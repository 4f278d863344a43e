package diag

import (
	"io/fs"
	"regexp"
	"strings"
)

var (
	// "./app/page.tsx:2:1" (Turbopack), "./app/page.tsx" (webpack), with "⨯ " in dev.
	nextHeaderRE = regexp.MustCompile(`^(?:\s*⨯ )?(\./\S+?|\.next/\S+?|(?:app|src|pages|components|lib)/\S+?)(?::(\d+):(\d+))?$`)
	// "   ,-[/abs/app/page.tsx:4:1]" (SWC)
	swcLocRE         = regexp.MustCompile(`^\s*,-\[(.+?)(?::(\d+):(\d+))?\]$`)
	cssSyntaxRE      = regexp.MustCompile(`^CssSyntaxError: (?:[\w@/.-]+: )?(\S+?):(\d+):(\d+): (.*)$`)
	configInvalidRE  = regexp.MustCompile(`^\s*⚠ Invalid (next\.config\.\w+) options detected`)
	configDetailRE   = regexp.MustCompile(`^\s*⚠\s{3,}(\S.*)$`)
	configFatalRE    = regexp.MustCompile(`^Error: Fatal next config errors found in (\S+) that must be fixed`)
	configLoadRE     = regexp.MustCompile(`^\s*⨯ Failed to load (next\.config\.\w+)`)
	prerenderRE      = regexp.MustCompile(`^Error occurred prerendering page "([^"]*)"`)
	postcssConfigRE  = regexp.MustCompile(`config=\[project\]/([\w./-]+)`)
	moduleNotFoundRE = regexp.MustCompile(`^Module not found: (?:Error: )?(Can't resolve '[^']*')(?: in '[^']*')?`)
	// Turbopack's titles: Next.js 15 prints the title first and the detail
	// after the code frame; Next.js 16 the detail first.
	turbopackTitleRE = regexp.MustCompile(`^(?:Ecmascript file had an error|Parsing ecmascript source code failed|Parsing css source code failed|Error evaluating Node\.js code)$`)
	nextWrapperRE    = regexp.MustCompile(`^(?:Turbopack build failed with|Failed to collect page data for|Export encountered an error|` +
		`Next\.js build worker exited|Build failed because of webpack errors|Failed to type check|Failed to compile|` +
		`Build optimization failed|An error occurred in the Server Components render)`)
)

type nextParser struct {
	lines []string
	o     options
	pa    pather
	ds    []Diagnostic
	// context set by a line that announces the next error
	route, ctxFile, ctxCode string
	wrappers                []Diagnostic
}

func parseNext(lines []string, o options) []Diagnostic {
	p := &nextParser{lines: lines, o: o, pa: pather{o.root}}
	for i := 0; i < len(lines); {
		i = p.step(i)
	}
	if len(p.ds) == 0 {
		// Next.js 13–15 lint during the build and stop on ESLint errors.
		if ds := parseESLint(lines, o); len(ds) > 0 {
			return ds
		}
		return p.wrappers
	}
	return p.ds
}

// step reads what starts at lines[i] and returns where to continue.
func (p *nextParser) step(i int) int {
	l := p.lines[i]
	if d, next, ok := tscAt(p.lines, i, p.o); ok {
		p.ds = append(p.ds, d)
		return next
	}
	if m := configInvalidRE.FindStringSubmatch(l); m != nil {
		return p.configWarnings(i, m[1])
	}
	if m := configFatalRE.FindStringSubmatch(l); m != nil {
		return p.configFatal(i, m[1])
	}
	if m := configLoadRE.FindStringSubmatch(l); m != nil {
		p.ctxFile, p.ctxCode = m[1], docSlug(l)
		return i + 1
	}
	if m := prerenderRE.FindStringSubmatch(l); m != nil {
		p.route, p.ctxCode = m[1], "prerender-error"
		return i + 1
	}
	if strings.HasPrefix(l, "Import trace") {
		return skipTrace(p.lines, i)
	}
	if strings.HasPrefix(l, "Stack backtrace:") || strings.HasPrefix(l, "Generated code for") {
		return skipSection(p.lines, i)
	}
	if m := nextHeaderRE.FindStringSubmatch(l); m != nil {
		return p.block(i, m)
	}
	if isJSError(l) {
		return p.thrown(i)
	}
	return i + 1
}

// skipSection skips lines up to the next blank line.
func skipSection(lines []string, i int) int {
	for i++; i < len(lines) && !blank(lines[i]); i++ {
	}
	return i
}

func (p *nextParser) configWarnings(i int, file string) int {
	j := i + 1
	for ; j < len(p.lines); j++ {
		m := configDetailRE.FindStringSubmatch(p.lines[j])
		if m == nil {
			break
		}
		p.ds = append(p.ds, Diagnostic{Tool: ToolNext, File: file, Code: "invalid-next-config", Message: m[1], Severity: SeverityWarning})
	}
	return j
}

func (p *nextParser) configFatal(i int, file string) int {
	var msg []string
	code := "invalid-next-config"
	j := i + 1
	for ; j < len(p.lines) && (indented(p.lines[j]) || !startsSomething(p.lines[j]) && !blank(p.lines[j])); j++ {
		t := strings.TrimSpace(p.lines[j])
		if s := docSlug(t); s != "" && !strings.HasPrefix(t, "Learn more") {
			code = s
		}
		if strings.HasPrefix(t, "Learn more") || strings.HasPrefix(t, "See more info") || strings.HasPrefix(t, "at ") ||
			strings.HasPrefix(t, "These configuration options") {
			continue
		}
		msg = append(msg, t)
	}
	if len(msg) == 0 {
		msg = []string{"invalid " + file}
	}
	p.ds = append(p.ds, Diagnostic{Tool: ToolNext, File: p.pa.any(file), Code: code, Message: strings.Join(msg, "\n"), Severity: SeverityError})
	return j
}

// thrown reads an error printed outside a file block: a prerender or
// page-data failure, a config that failed to load, a plugin's own report.
func (p *nextParser) thrown(i int) int {
	msg, _ := jsMessage(p.lines[i])
	if nextWrapperRE.MatchString(msg) {
		if len(p.wrappers) == 0 {
			d := Diagnostic{Tool: ToolNext, Message: msg, Severity: SeverityError}
			if r := strings.TrimPrefix(msg, "Failed to collect page data for "); r != msg {
				d.File, d.Test, d.Code = routeFile(r, p.o.fsys), r, "prerender-error"
			}
			p.wrappers = append(p.wrappers, d)
		}
		return i + 1
	}
	d, next := jsBlock(ToolNext, p.lines[i], p.lines, i+1, p.o)
	if s := docSlug(d.Message); s != "" {
		d.Code = s
	} else if p.ctxCode != "" && (d.Code == "" || p.route != "") {
		d.Code = p.ctxCode
	}
	if d.File == "" && p.ctxFile != "" {
		d.File = p.ctxFile
	}
	if p.route != "" {
		d.Test = p.route
		if d.File == "" {
			d.File = routeFile(p.route, p.o.fsys)
		}
	}
	p.route, p.ctxFile, p.ctxCode = "", "", ""
	p.ds = append(p.ds, d)
	return next
}

// block reads one "./file:line:col" report of Turbopack or webpack.
func (p *nextParser) block(i int, m []string) int {
	d := Diagnostic{Tool: ToolNext, File: p.pa.any(m[1]), Line: atoi(m[2]), Column: atoi(m[3]), Severity: SeverityError}
	msg, j := p.blockMessage(&d, i+1)
	if msg == "" {
		return i + 1 // a path on its own line, not a report
	}
	var frame, notes []string
	configFile := ""
	for ; j < len(p.lines); j++ {
		l := p.lines[j]
		t := strings.TrimSpace(l)
		if nextHeaderRE.MatchString(l) || strings.HasPrefix(l, "> Build") || prerenderRE.MatchString(l) ||
			tscPlainRE.MatchString(l) || isJSError(l) && !indented(l) {
			break
		}
		if s := docSlug(t); s != "" && d.Code == "" {
			d.Code = s
		}
		if mm := postcssConfigRE.FindStringSubmatch(l); mm != nil && configFile == "" {
			configFile = mm[1]
		}
		switch {
		case strings.HasPrefix(t, "Import trace"):
			j = skipTrace(p.lines, j) - 1
		case strings.HasPrefix(t, "Stack backtrace:"), strings.HasPrefix(t, "-- inner error --"), strings.HasPrefix(t, "Generated code for"):
			j = skipSection(p.lines, j) - 1
		case blank(l), strings.HasPrefix(t, "at "), strings.HasPrefix(t, "[at "), strings.HasPrefix(t, "| Learn more"),
			strings.HasPrefix(t, "Learn more"), strings.HasPrefix(t, "https://"), t == "|":
		case swcLocRE.MatchString(l):
			mm := swcLocRE.FindStringSubmatch(l)
			if f := p.pa.any(mm[1]); f != "" && mm[2] != "" {
				d.File, d.Line, d.Column = f, atoi(mm[2]), atoi(mm[3])
			}
			frame = append(frame, p.pa.scrub(l))
		case isFrameLine(l):
			frame = append(frame, l)
		default:
			notes = append(notes, p.pa.scrub(t))
		}
	}
	if turbopackTitleRE.MatchString(msg) && len(notes) > 0 {
		msg, notes[0] = notes[0], msg
	}
	if configFile != "" && strings.Contains(msg, "PostCSS") {
		d.File, d.Line, d.Column = p.pa.any(configFile), 0, 0
	}
	d.Message = p.pa.scrub(msg)
	remapGenerated(&d, p.o)
	d.Excerpt = trimExcerpt(append(frame, notes...))
	p.ds = append(p.ds, d)
	return j
}

// blockMessage reads the message that opens a file report: the most
// specific of its first error lines ("Error evaluating Node.js code" is
// followed by the real one). It may move d's location (a CSS error names
// its own). It returns "" when the lines are not a report.
func (p *nextParser) blockMessage(d *Diagnostic, j int) (string, int) {
	msg := ""
	for ; j < len(p.lines); j++ {
		l := p.lines[j]
		t := strings.TrimSpace(l)
		if t == "" {
			if msg == "" {
				continue
			}
			break
		}
		if msg != "" && (msg != "Error evaluating Node.js code" || !isJSError(l)) {
			break
		}
		if mm := cssSyntaxRE.FindStringSubmatch(t); mm != nil {
			msg = mm[4]
			if f := p.pa.any(mm[1]); f != "" {
				d.File, d.Line, d.Column = f, atoi(mm[2]), atoi(mm[3])
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, "Type error: "):
			d.Tool, msg = ToolTSC, strings.TrimPrefix(t, "Type error: ")
			for j+1 < len(p.lines) && indented(p.lines[j+1]) && !isFrameLine(p.lines[j+1]) {
				j++ // the rest of TypeScript's message chain
				msg += "\n" + strings.TrimPrefix(p.lines[j], "  ")
			}
		case strings.HasPrefix(t, "Module not found"), strings.HasPrefix(t, "Syntax error: "), turbopackTitleRE.MatchString(t):
			msg = t
		case isJSError(t) && !indented(l):
			msg, _ = jsMessage(t)
			if name, ok := strings.CutSuffix(msg, ":"); ok && !strings.Contains(name, " ") || msg == "" || msg == "x" || msg == "×" {
				// The message follows on the next text line ("Error:" then SWC's
				// "  x message"; "ReactServerComponentsError:" then the text).
				for j+1 < len(p.lines) && blank(p.lines[j+1]) {
					j++
				}
				if j+1 < len(p.lines) {
					j++
					msg = strings.TrimSpace(p.lines[j])
				}
			}
			msg = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(msg, "x "), "× "))
		default:
			return "", j
		}
	}
	if mm := moduleNotFoundRE.FindStringSubmatch(msg); mm != nil {
		msg = "Module not found: " + mm[1]
	}
	return msg, j
}

// skipTrace skips an import trace: webpack prints it flush left up to a
// blank line, Turbopack indents it with blank lines between groups.
func skipTrace(lines []string, i int) int {
	j := i + 1
	webpack := j < len(lines) && strings.HasPrefix(lines[j], "./")
	for ; j < len(lines); j++ {
		l := lines[j]
		if webpack && blank(l) || !webpack && !blank(l) && !indented(l) {
			break
		}
	}
	return j
}

// routeFile returns the page file that renders an App Router path.
func routeFile(route string, fsys fs.FS) string {
	r := strings.Trim(strings.TrimSpace(route), "/")
	if i := strings.IndexAny(r, " ,:"); i >= 0 {
		r = r[:i]
	}
	base := "app/page"
	switch {
	case r == "_not-found":
		base = "app/not-found"
	case strings.HasPrefix(r, "api/") || r == "api":
		base = "app/" + r + "/route"
	case r != "":
		base = "app/" + r + "/page"
	}
	if fsys != nil {
		for _, b := range []string{base, "src/" + base} {
			if f := withExtension(b, fsys); f != b+".tsx" || exists(fsys, f) {
				return f
			}
		}
	}
	return withExtension(base, nil)
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

package rules

import (
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/tsedit"
)

var (
	metadataConstRE = regexp.MustCompile(`(?m)^export\s+const\s+(?:metadata|viewport)\b[^=]*=\s*`)
	metadataFuncRE  = regexp.MustCompile(`(?m)^export\s+(?:async\s+)?function\s+(?:generateMetadata|generateViewport)\b`)
	defaultFuncRE   = regexp.MustCompile(`(?m)^export\s+default\s+(?:async\s+)?function\s+([A-Z][\w$]*)\s*\(`)
)

// metadataMove keeps a page's metadata on the server: a page marked "use
// client" that needs nothing of the browser becomes a Server Component
// again; otherwise its client part moves to <Name>Client.tsx beside it and
// the page keeps the metadata and renders that component.
var metadataMove = &rule{
	name:     "client.metadata-to-server",
	variants: true,
	accepts:  func(d diag.Diagnostic) bool { return is(d, diag.Runtime, diag.MetadataInClient) },
	fix: func(ctx context.Context, p heal.Params) (heal.Fix, error) {
		file, src, s, err := source(p)
		if err != nil {
			return heal.Fix{}, err
		}
		if d, _, _ := tsedit.Directive(src); d != "client" {
			return heal.Fix{}, na("%s is not marked \"use client\"", file)
		}
		code := regexp.MustCompile(`\bexport\s+const\s+metadata\b`).ReplaceAll(s.Code, nil)
		if !needsClient(code) && !excluded(p.Exclude, "server-file") {
			fix := one(file, tsedit.RemoveDirective(src), "drop \"use client\" from "+file+": it uses nothing of the browser")
			fix.Variant = "server-file"
			return fix, nil
		}
		if excluded(p.Exclude, "split") {
			return heal.Fix{}, na("no other way")
		}
		fix, err := splitMetadata(p.Files, file, s)
		if err != nil {
			return heal.Fix{}, err
		}
		fix.Variant = "split"
		return fix, nil
	},
}

// metadataSpan finds the metadata export statement.
func metadataSpan(s *tsedit.Scan) (start, end int, ok bool) {
	if m := metadataConstRE.FindIndex(s.Code); m != nil {
		e := tsedit.ExprEnd(s, m[1])
		if e < len(s.Code) && s.Code[e] == ';' {
			e++
		}
		return m[0], lineAfter(s.Src, e), true
	}
	if m := metadataFuncRE.FindIndex(s.Code); m != nil {
		for _, f := range tsedit.Funcs(s) {
			if f.Start == m[0] && f.BodyClose > 0 {
				return m[0], lineAfter(s.Src, f.BodyClose+1), true
			}
		}
	}
	return 0, 0, false
}

// lineAfter extends an end offset over the rest of its line and one blank line.
func lineAfter(src []byte, end int) int {
	e := tsedit.LineEnd(src, end)
	if e < len(src) {
		e++
	}
	if e < len(src) && src[e] == '\n' {
		e++
	}
	return e
}

func splitMetadata(files heal.Files, file string, s *tsedit.Scan) (heal.Fix, error) {
	src := s.Src
	m := defaultFuncRE.FindSubmatchIndex(s.Code)
	if m == nil {
		return heal.Fix{}, na("%s has no named default export function", file)
	}
	name := string(s.Code[m[2]:m[3]])
	ms, me, ok := metadataSpan(s)
	if !ok {
		return heal.Fix{}, na("no metadata export in %s", file)
	}
	meta := string(src[ms:me])
	clientName := name + "Client"
	clientFile := path.Join(path.Dir(file), clientName+path.Ext(file))
	if exists(files, clientFile) {
		return heal.Fix{}, na("%s exists", clientFile)
	}
	clientSrc := tsedit.Apply(src, tsedit.Edit{Start: ms, End: me})
	if !tsedit.Referenced(tsedit.ParseFile(clientFile, clientSrc), "Metadata") {
		clientSrc = tsedit.RemoveNamed(clientSrc, clientFile, "next", "Metadata")
	}
	var b strings.Builder
	for _, im := range tsedit.Imports(s) {
		for _, l := range im.Locals() {
			if tsedit.Uses([]byte(meta), l) {
				b.WriteString(string(src[im.Start:im.End]) + "\n")
				break
			}
		}
	}
	q := tsedit.QuoteOf(src)
	params := ""
	open := m[1] - 1
	if c := s.Close(open); c > open+1 && strings.TrimSpace(string(src[open+1:c])) != "" {
		params = "props: ComponentProps<typeof " + clientName + ">"
		b.WriteString("import type { ComponentProps } from " + q + "react" + q + ";\n")
	}
	b.WriteString("import " + clientName + " from " + q + "./" + clientName + q + ";\n\n")
	b.WriteString(strings.TrimRight(meta, "\n") + "\n\n")
	b.WriteString("export default function " + name + "(" + params + ") {\n")
	if params != "" {
		b.WriteString("  return <" + clientName + " {...props} />;\n}\n")
	} else {
		b.WriteString("  return <" + clientName + " />;\n}\n")
	}
	return heal.Fix{
		Changes: []heal.Change{{Path: clientFile, Data: clientSrc}, {Path: file, Data: []byte(b.String())}},
		Note:    "move the client part of " + file + " to " + clientFile + " and keep the metadata on the server",
	}, nil
}

package heal

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/workspace"
)

// Completer is what the model fixer needs of a provider: one completion.
type Completer interface {
	Complete(ctx context.Context, p CompleteParams) (Completion, error)
}

// CompleteParams is one request to a model.
type CompleteParams struct {
	System    string
	Prompt    string
	MaxTokens int
}

// Completion is a model's answer and what it cost.
type Completion struct {
	Text  string
	Usage report.Usage
}

// LLM is the model fixer: it shows a model the error and the files it
// concerns and applies the files the model returns whole. It takes the
// same place as the rules — a recipe "llm" in the fix cache means "ask the
// model", never a stored patch — and is used only when a provider is
// configured.
type LLM struct {
	Completer Completer
	// MaxFiles bounds the files shown and rewritten (default 3).
	MaxFiles int
	// MaxTokens bounds the answer (default 8000).
	MaxTokens int
}

var _ Fixer = (*LLM)(nil)

// Name implements Fixer.
func (*LLM) Name() string { return "llm" }

// Accepts implements Fixer: everything a code change might fix.
func (*LLM) Accepts(d diag.Diagnostic) bool { return !Waits(d.Category) }

const llmSystem = `You repair one error in a Next.js 16 app (App Router, React 19, TypeScript strict, Tailwind CSS v4).
Change as little as possible: fix the error, keep everything else as it is.
Answer only with the complete new content of each file you change, each as
<file path="relative/path.tsx">
…the whole file…
</file>
and nothing else: no explanations, no Markdown fences. To delete a file: <delete path="relative/path"/>.`

var (
	fileBlockRE   = regexp.MustCompile(`(?s)<file path="([^"]+)">\n?(.*?)\n?</file>`)
	deleteBlockRE = regexp.MustCompile(`<delete path="([^"]+)"\s*/>`)
	pathLikeRE    = regexp.MustCompile(`[\w@.\[\]()-]+(?:/[\w@.\[\]()-]+)*\.(?:tsx?|jsx?|mjs|cjs|css|json)`)
)

// Fix implements Fixer.
func (l *LLM) Fix(ctx context.Context, p Params) (Fix, error) {
	if l.Completer == nil {
		return Fix{}, NotApplicable("no model provider is configured")
	}
	maxFiles := l.MaxFiles
	if maxFiles == 0 {
		maxFiles = 3
	}
	files := l.context(p, maxFiles)
	var b strings.Builder
	d := p.Diag
	fmt.Fprintf(&b, "The %s step fails with this error (%s/%s):\n\n", d.Tool, d.Category, subclassOr(d.Subclass))
	if d.File != "" {
		fmt.Fprintf(&b, "%s:%d:%d ", d.File, d.Line, d.Column)
	}
	fmt.Fprintf(&b, "%s %s\n", d.Code, d.Message)
	if d.Excerpt != "" {
		fmt.Fprintf(&b, "\n%s\n", d.Excerpt)
	}
	if len(p.Tried) > 0 {
		b.WriteString("\nAlready tried in this run (do not repeat):\n")
		for _, t := range p.Tried {
			b.WriteString("- " + t + "\n")
		}
	}
	for _, f := range files {
		fmt.Fprintf(&b, "\n<file path=%q>\n%s\n</file>\n", f.path, f.data)
	}
	maxTokens := l.MaxTokens
	if maxTokens == 0 {
		maxTokens = 8000
	}
	c, err := l.Completer.Complete(ctx, CompleteParams{System: llmSystem, Prompt: b.String(), MaxTokens: maxTokens})
	if err != nil {
		return Fix{}, fmt.Errorf("model: %w", err)
	}
	fix, err := parseFiles(c.Text, maxFiles)
	fix.Usage = c.Usage
	return fix, err
}

type shownFile struct {
	path string
	data string
}

// context picks the files to show: the error's file, then files the
// message names.
func (l *LLM) context(p Params, max int) []shownFile {
	var out []shownFile
	seen := map[string]bool{}
	add := func(f string) {
		if f == "" || seen[f] || len(out) >= max {
			return
		}
		seen[f] = true
		data, err := p.Files.ReadFile(f)
		if errors.Is(err, fs.ErrNotExist) || err != nil || len(data) > 200_000 {
			return
		}
		out = append(out, shownFile{f, string(data)})
	}
	add(p.Diag.File)
	for _, m := range pathLikeRE.FindAllString(p.Diag.Message+"\n"+p.Diag.Excerpt, -1) {
		add(strings.TrimPrefix(m, "./"))
	}
	if len(out) == 0 {
		add("package.json")
	}
	return out
}

// parseFiles reads the model's file blocks into changes.
func parseFiles(text string, max int) (Fix, error) {
	var fix Fix
	var names []string
	for _, m := range fileBlockRE.FindAllStringSubmatch(text, -1) {
		p, err := workspace.CleanPath(m[1])
		if err != nil {
			return Fix{}, NotApplicable("the model named an unsafe path: " + err.Error())
		}
		body := m[2]
		if stripped, ok := unfence(body); ok {
			body = stripped
		}
		if !strings.HasSuffix(body, "\n") {
			body += "\n"
		}
		fix.Changes = append(fix.Changes, Change{Path: p, Data: []byte(body)})
		names = append(names, p)
	}
	for _, m := range deleteBlockRE.FindAllStringSubmatch(text, -1) {
		p, err := workspace.CleanPath(m[1])
		if err != nil {
			return Fix{}, NotApplicable("the model named an unsafe path: " + err.Error())
		}
		fix.Changes = append(fix.Changes, Change{Path: p})
		names = append(names, "delete "+p)
	}
	if len(fix.Changes) == 0 {
		return Fix{}, NotApplicable("the model proposed no change")
	}
	if len(fix.Changes) > max {
		return Fix{}, NotApplicable(fmt.Sprintf("the model changed %d files; at most %d are allowed", len(fix.Changes), max))
	}
	fix.Note = "the model rewrote " + strings.Join(names, ", ")
	return fix, nil
}

// unfence removes Markdown fences a model wrapped a file in.
func unfence(s string) (string, bool) {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	if len(lines) >= 2 && strings.HasPrefix(strings.TrimSpace(lines[0]), "```") && strings.TrimSpace(lines[len(lines)-1]) == "```" {
		return strings.Join(lines[1:len(lines)-1], "\n"), true
	}
	return s, false
}

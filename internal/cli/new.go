package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/nexusgen/nexusgen/internal/app"
	"github.com/nexusgen/nexusgen/internal/config"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/intake"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/progress"
	"github.com/nexusgen/nexusgen/internal/report"
)

type newOptions struct {
	out      string
	target   string
	provider string
	model    string
	attach   []string
	json     bool
	force    bool
	verbose  bool
}

func newCmd(s streams) *cobra.Command {
	var o newOptions
	cmd := &cobra.Command{
		Use:   `new "<prompt>"`,
		Short: "Generate, build and test an app from a description",
		Long: `Runs the whole loop — plan, code, review, build, heal, test — and writes the app
to --out. Without a provider key the offline engine plans and codes the app.
Reads the prompt from standard input when it is "-".`,
		Example: `  nexusgen new "A to-do app with due dates and priorities" --out todo
  nexusgen new - --out crm < brief.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runNew(cmd.Context(), s, args[0], o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "folder to write the app to (default: a new folder named after the prompt)")
	f.StringVar(&o.target, "target", "next", "project kind: next (Next.js App Router) or vite (Vite + React single-page app)")
	f.StringVar(&o.provider, "provider", "", "engine: offline (default when no key is configured)")
	f.StringVar(&o.model, "model", "", "model name for the provider")
	f.StringArrayVar(&o.attach, "attach", nil, "attach a logo, screenshot or document (repeatable)")
	f.BoolVar(&o.json, "json", false, "print events as JSON lines on standard output")
	f.BoolVar(&o.force, "force", false, "write into --out even when it is not empty")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "show tool output and every file written")
	return cmd
}

func runNew(ctx context.Context, s streams, rawPrompt string, o newOptions) error {
	if rawPrompt == "-" {
		data, err := io.ReadAll(io.LimitReader(s.in, intake.MaxPromptBytes+1))
		if err != nil {
			return usageErr("read the prompt from standard input: %v", err)
		}
		rawPrompt = string(data)
	}
	prompt, err := intake.Prompt(rawPrompt)
	if err != nil {
		return inputErr(err)
	}
	if o.target != "next" && o.target != "vite" {
		return usageErr("--target %q: want next (Next.js App Router) or vite (Vite + React SPA)", o.target)
	}
	cfg, err := config.Load(s.env)
	if err != nil {
		return usageErr("configuration: %v", err)
	}
	if o.provider != "" {
		cfg.Provider = o.provider
	}
	if o.model != "" {
		cfg.Model = o.model
	}
	if err := cfg.Validate(); err != nil {
		return usageErr("configuration: %v", err)
	}
	for _, a := range o.attach {
		if _, err := os.Stat(a); err != nil {
			return usageErr("--attach %s: %v", a, err)
		}
	}
	dir := o.out
	if dir == "" {
		dir = defaultDir(prompt)
	}
	if err := prepareDir(dir, o.force); err != nil {
		return &exitError{code: ExitUsage, err: err}
	}

	a, err := app.New(cfg, newLogger(s.err, cfg.LogLevel))
	if err != nil {
		return usageErr("%v", err)
	}
	broker := event.NewBroker()
	done, err := startDisplays(broker, s, dir, o)
	if err != nil {
		return usageErr("%v", err)
	}
	req := engine.Request{Prompt: prompt, Attachments: o.attach, Target: o.target, Provider: cfg.Provider, Model: cfg.Model}
	gen, err := a.Generate(ctx, req, dir, newID(), broker)
	broker.Close()
	done()
	if err != nil {
		return &exitError{code: ExitFailed, err: err}
	}
	return summarise(s.err, gen.Report, gen.Dir, gen.PRD)
}

// startDisplays subscribes the events log and the chosen display; the
// returned function waits until they have shown every event.
func startDisplays(b *event.Broker, s streams, dir string, o newOptions) (func(), error) {
	logPath := filepath.Join(dir, ".nexusgen", "events.jsonl")
	if err := os.MkdirAll(filepath.Dir(logPath), 0o755); err != nil {
		return nil, err
	}
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	var subs []*event.Subscription
	logSub := b.Subscribe(nil)
	subs = append(subs, logSub)
	jl := &progress.JSONLines{W: logFile}
	go progress.Consume(logSub.C(), jl.Show)

	if o.json {
		sub := b.Subscribe(nil)
		subs = append(subs, sub)
		out := &progress.JSONLines{W: s.out}
		if !o.verbose {
			out.MinLevel = event.Info
		}
		go progress.Consume(sub.C(), out.Show)
	} else {
		sub := b.Subscribe(nil)
		subs = append(subs, sub)
		if f, ok := s.err.(*os.File); ok && isatty.IsTerminal(f.Fd()) && !o.verbose {
			tty := &progress.TTY{W: s.err, Width: terminalWidth(f)}
			go tty.Run(sub.C())
		} else {
			plain := &progress.Plain{W: s.err, Verbose: o.verbose}
			go progress.Consume(sub.C(), plain.Show)
		}
	}
	return func() {
		for _, sub := range subs {
			<-sub.Done()
		}
		logFile.Close()
	}, nil
}

func summarise(w io.Writer, r *report.Report, dir string, p *prd.PRD) error {
	rel := dir
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	name := "the app"
	if p != nil {
		name = p.AppName
	}
	switch r.Status {
	case report.Complete:
		fmt.Fprintf(w, "\n✓ %s is ready in %s (%.1fs)\n", name, rel, float64(r.TotalMS)/1000)
		fmt.Fprintf(w, "  run it:  cd %s && npm start\n  report:  %s\n", rel, filepath.Join(rel, ".nexusgen", "report.json"))
		return nil
	case report.Cancelled:
		fmt.Fprintf(w, "\ncancelled; the folder %s holds what was done so far (report.json says cancelled)\n", rel)
		return &exitError{code: ExitCancelled, err: errors.New("")}
	}
	fmt.Fprintf(w, "\n✗ %s: %s\n", r.Status, r.Reason)
	for i, d := range r.Build.Errors {
		if i == 5 {
			fmt.Fprintf(w, "  … and %d more in the report\n", len(r.Build.Errors)-5)
			break
		}
		loc := d.File
		if d.Line > 0 {
			loc = fmt.Sprintf("%s:%d", d.File, d.Line)
		}
		fmt.Fprintf(w, "  %s %s %s\n", d.Category, loc, truncate(d.Message, 160))
	}
	fmt.Fprintf(w, "  report: %s\n", filepath.Join(rel, ".nexusgen", "report.json"))
	return &exitError{code: ExitFailed, err: errors.New("")}
}

// prepareDir makes sure dir can take a new app: it is created when missing,
// refused when it holds files (unless force), and checked for writability.
func prepareDir(dir string, force bool) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if info, err := os.Stat(abs); err == nil {
		if !info.IsDir() {
			return fmt.Errorf("--out %s exists and is not a folder", dir)
		}
		entries, err := os.ReadDir(abs)
		if err != nil {
			return fmt.Errorf("--out %s: %v", dir, err)
		}
		if len(entries) > 0 && !force {
			return fmt.Errorf("--out %s is not empty; choose another folder or pass --force to write into it", dir)
		}
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return fmt.Errorf("cannot create --out %s: %v", dir, errors.Unwrap(err))
	}
	probe, err := os.CreateTemp(abs, ".write-check-*")
	if err != nil {
		return fmt.Errorf("cannot write to --out %s: %v", dir, errors.Unwrap(err))
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// defaultDir names a folder after the prompt's first meaningful words.
func defaultDir(prompt string) string {
	skip := map[string]bool{"a": true, "an": true, "the": true, "build": true, "create": true, "make": true, "me": true, "for": true, "my": true, "simple": true, "i": true, "want": true, "please": true}
	var words []string
	for _, w := range prd.Words(prompt) {
		if skip[w] || len(w) > 20 {
			continue
		}
		words = append(words, w)
		if len(words) == 3 {
			break
		}
	}
	name := prd.Kebab(strings.Join(words, " "))
	if name == "" {
		name = "app"
	}
	dir := name
	for i := 2; ; i++ {
		if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
			return dir
		}
		dir = fmt.Sprintf("%s-%d", name, i)
	}
}

func newID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func terminalWidth(f *os.File) int {
	if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
		return w
	}
	return 100
}

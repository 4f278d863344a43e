package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/report"
)

type healOptions struct {
	json    bool
	verbose bool
}

func healCmd(s streams) *cobra.Command {
	var o healOptions
	cmd := &cobra.Command{
		Use:   "heal DIR",
		Short: "Build an existing app and fix what fails until it builds, or explain why not",
		Long: `Installs, type-checks, lints and builds the Next.js app in DIR and repairs each
failure — from the fix cache, deterministic rules, known-good templates or the
last build that passed — rebuilding after every fix, until the build and the
tests pass or the retry limits are reached. Writes .nexusgen/report.json and
.nexusgen/events.jsonl; an escalated run also writes .nexusgen/heal/escalation.md
with what still fails, what was tried (with diffs) and the version to go back to.`,
		Example: `  nexusgen heal ./my-app
  nexusgen heal ./my-app --json > events.jsonl`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runHeal(cmd.Context(), s, args[0], o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print events as JSON lines on standard output")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "show tool output")
	return cmd
}

func runHeal(ctx context.Context, s streams, dir string, o healOptions) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return usageErr("%v", err)
	}
	if info, err := os.Stat(abs); err != nil || !info.IsDir() {
		return usageErr("%s is not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(abs, "package.json")); err != nil {
		return usageErr("%s has no package.json; heal works on a Node.js project folder", dir)
	}
	a, err := loadApp(s)
	if err != nil {
		return err
	}
	broker := event.NewBroker()
	done, err := startDisplays(broker, s, abs, newOptions{json: o.json, verbose: o.verbose})
	if err != nil {
		return usageErr("%v", err)
	}
	gen, err := a.Heal(ctx, abs, newID(), broker)
	broker.Close()
	done()
	if err != nil {
		return &exitError{code: ExitFailed, err: err}
	}
	describeHeal(s.err, gen.Report, abs)
	return summarise(s.err, gen.Report, gen.Dir, nil)
}

// describeHeal lists the attempts of a heal run.
func describeHeal(w io.Writer, r *report.Report, dir string) {
	if len(r.Heal.Attempts) == 0 {
		if r.Status == report.Complete {
			fmt.Fprintln(w, "\nthe app built as it was; nothing to heal")
		}
		return
	}
	fmt.Fprintf(w, "\n%d heal attempts:\n", len(r.Heal.Attempts))
	for _, a := range r.Heal.Attempts {
		mark := "✓"
		if !a.OK {
			mark = "✗"
		}
		fmt.Fprintf(w, "  %s #%d %s/%s via %s (%s), %d lines changed\n", mark, a.N, a.Category, a.Subclass, a.Fixer, a.Source, a.DiffLines)
	}
	if r.Heal.Escalation != nil {
		fmt.Fprintf(w, "  details: %s\n", filepath.Join(dir, filepath.FromSlash(heal.EscalationFile)))
	}
}

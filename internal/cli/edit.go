package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/nexusgen/nexusgen/internal/edit"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/intake"
)

type editOptions struct {
	dryRun   bool
	json     bool
	force    bool
	keepMine bool
	verbose  bool
}

func editCmd(s streams) *cobra.Command {
	var o editOptions
	cmd := &cobra.Command{
		Use:   `edit DIR "<request>"`,
		Short: "Change a generated app: fields, entities, pages, colours, dark mode, search, filter, sort",
		Long: `Reads the request into typed changes to the app's PRD, regenerates the files
they affect and runs review, build, heal and test again. Files you changed since
NexusGen wrote them are never overwritten silently: the edit is refused and
lists them, unless --force (your versions are backed up under
.nexusgen/backup/) or --keep-mine (your versions stay). Files NexusGen did not
write are never touched. Reads the request from standard input when it is "-".

` + edit.Help,
		Example: `  nexusgen edit todo "add a notes field to tasks and sort them by due date"
  nexusgen edit todo "track clients too: name, email" --dry-run
  nexusgen edit todo "use a green theme" --force`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEdit(cmd.Context(), s, args[0], args[1], o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.dryRun, "dry-run", false, "print the changes and the files they touch, and write nothing")
	f.BoolVar(&o.json, "json", false, "print events as JSON lines on standard output (with --dry-run: the plan as JSON)")
	f.BoolVar(&o.force, "force", false, "replace files you changed, backing up your versions")
	f.BoolVar(&o.keepMine, "keep-mine", false, "leave files you changed as they are")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "show tool output and every file written")
	return cmd
}

func runEdit(ctx context.Context, s streams, dir, rawRequest string, o editOptions) error {
	if rawRequest == "-" {
		data, err := io.ReadAll(io.LimitReader(s.in, intake.MaxPromptBytes+1))
		if err != nil {
			return usageErr("read the request from standard input: %v", err)
		}
		rawRequest = string(data)
	}
	request, err := intake.Prompt(rawRequest)
	if err != nil {
		return inputErr(err)
	}
	if o.force && o.keepMine {
		return usageErr("--force and --keep-mine cannot be used together")
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return usageErr("%s is not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(edit.PRDPath))); err != nil {
		return usageErr("%s is not an app NexusGen generated (it has no %s); create one with `nexusgen new`", dir, edit.PRDPath)
	}
	a, err := loadApp(s)
	if err != nil {
		return err
	}
	policy := edit.Refuse
	switch {
	case o.force:
		policy = edit.Force
	case o.keepMine:
		policy = edit.KeepMine
	}
	ch, err := a.PlanEdit(ctx, dir, edit.Params{Request: request, Policy: policy})
	switch {
	case errors.Is(err, edit.ErrConflict):
		ch.DescribeOps(s.err)
		return &exitError{code: ExitUsage, err: err}
	case errors.Is(err, edit.ErrRequest):
		return &exitError{code: ExitUsage, err: err}
	case err != nil:
		return &exitError{code: ExitFailed, err: err}
	}
	if o.json && o.dryRun {
		return printJSON(s.out, ch.Summary())
	}
	ch.Describe(s.err)
	if o.dryRun || !ch.Changed() {
		return nil
	}
	fmt.Fprintln(s.err)

	broker := event.NewBroker()
	done, err := startDisplays(broker, s, dir, newOptions{json: o.json, verbose: o.verbose})
	if err != nil {
		return usageErr("%v", err)
	}
	req := engine.Request{Prompt: request, Target: string(ch.Target), Provider: a.Config.Provider, Model: a.Config.Model}
	gen, err := a.Edit(ctx, ch, req, dir, newID(), broker)
	broker.Close()
	done()
	if err != nil {
		return &exitError{code: ExitFailed, err: err}
	}
	return summarise(s.err, gen.Report, gen.Dir, gen.PRD)
}

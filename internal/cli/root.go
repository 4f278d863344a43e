// Package cli is the nexusgen command line: one cobra command tree whose
// commands parse flags, validate input and hand off to the services built
// by internal/app.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/nexusgen/nexusgen/internal/app"
	"github.com/nexusgen/nexusgen/internal/config"
	"github.com/nexusgen/nexusgen/internal/intake"
)

// Version is set at build time with -ldflags "-X github.com/nexusgen/nexusgen/internal/cli.Version=…".
var Version = "dev"

// Exit statuses.
const (
	ExitOK        = 0
	ExitFailed    = 1 // the run ended failed or escalated
	ExitUsage     = 2 // bad flags, prompt, folder or configuration
	ExitCancelled = 130
)

// exitError carries an exit status through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// streams are the process's standard streams, replaced in tests.
type streams struct {
	in       io.Reader
	out, err io.Writer
	env      config.Env
}

// Execute runs the command line and returns the process exit status. The
// first interrupt (Ctrl-C) or SIGTERM cancels the run, which then records
// itself as cancelled; a second interrupt ends the process at once.
func Execute(ctx context.Context) int {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // restore default handling: the next Ctrl-C kills the process
	}()
	defer stop()
	return run(ctx, os.Args[1:], streams{in: os.Stdin, out: os.Stdout, err: os.Stderr, env: config.OSEnv{}})
}

func run(ctx context.Context, args []string, s streams) int {
	root := &cobra.Command{
		Use:           "nexusgen",
		Short:         "Describe an app in plain language; get a working, tested Next.js app",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version,
	}
	root.SetArgs(args)
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.AddCommand(newCmd(s), editCmd(s), healCmd(s), planCmd(s), previewCmd(s), benchCmd(s), versionCmd(s))
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(s.err, "nexusgen:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(s.err, "nexusgen:", err)
	return ExitUsage
}

func versionCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(s.out, "nexusgen", Version)
			return nil
		},
	}
}

// loadApp loads the configuration from the environment and builds the
// app's services; a failure of either is a usage error.
func loadApp(s streams) (*app.App, error) {
	cfg, err := config.Load(s.env)
	if err != nil {
		return nil, usageErr("configuration: %v", err)
	}
	a, err := app.New(cfg, newLogger(s.err, cfg.LogLevel))
	if err != nil {
		return nil, usageErr("%v", err)
	}
	return a, nil
}

// printJSON writes v to w as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// inputErr reports bad input with exit status 2, keeping the explanation
// and dropping the generic "invalid input" prefix.
func inputErr(err error) error {
	msg := strings.TrimPrefix(err.Error(), intake.ErrInput.Error()+": ")
	return &exitError{code: ExitUsage, err: errors.New(msg)}
}

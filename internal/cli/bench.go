package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/nexusgen/nexusgen/internal/bench"
)

func benchCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure generation and healing on prompt suites and fault corpora",
	}
	cmd.AddCommand(benchPromptsCmd(s), benchHealCmd(s))
	return cmd
}

type benchPromptOptions struct {
	work      string
	browser   bool
	baseline  bool
	limit     int
	ids       []string
	json      bool
	keep      bool
	targets   []string
	skipTests bool
}

func benchPromptsCmd(s streams) *cobra.Command {
	var o benchPromptOptions
	cmd := &cobra.Command{
		Use:   "prompts [SUITE.jsonl]",
		Short: "Generate and build an app per prompt; report p50/p95 wall time, the ratio to a bare next build, and browser checks",
		Example: `  nexusgen bench prompts eval/prompts.jsonl --browser --baseline
  nexusgen bench prompts eval/webgen-bench/test.jsonl --limit 10 --browser`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "eval/prompts.jsonl"
			if len(args) == 1 {
				path = args[0]
			}
			cases, err := bench.LoadCases(path)
			if err != nil {
				return usageErr("%v", err)
			}
			cases = filterCases(cases, o.ids, o.limit)
			if len(cases) == 0 {
				return usageErr("no cases selected")
			}
			a, err := loadApp(s)
			if err != nil {
				return err
			}
			if o.skipTests {
				a.Tester = nil
			}
			work := o.work
			if work == "" {
				work, err = os.MkdirTemp("", "nexusgen-bench-")
				if err != nil {
					return err
				}
			}
			work, _ = filepath.Abs(work)
			fmt.Fprintf(s.err, "bench: %d cases from %s in %s (sandbox %s)\n", len(cases), path, work, a.Runner.Capabilities().Name)
			for _, t := range o.targets {
				if t != "next" && t != "vite" {
					return usageErr("--target %q: want next or vite", t)
				}
			}
			results, sums, err := bench.RunPrompts(cmd.Context(), a, cases, bench.PromptOptions{
				Work: work, Browser: o.browser, Baseline: o.baseline, Keep: o.keep, Targets: o.targets,
				Progress: func(l string) { fmt.Fprintln(s.err, l) },
			})
			if o.json {
				if err := printJSON(s.out, map[string]any{"summaries": sums, "results": results}); err != nil {
					return err
				}
			}
			for _, sum := range sums {
				printPromptSummary(s, sum)
			}
			if len(sums) == 2 && sums[0].P50MS > 0 {
				fmt.Fprintf(s.err, "\n%s / %s prompt → built app p50: %.2f\n", sums[1].Target, sums[0].Target, float64(sums[1].P50MS)/float64(sums[0].P50MS))
			}
			if err != nil {
				return &exitError{code: ExitCancelled, err: err}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.work, "work", "", "folder for the generated apps (default: a new temporary folder)")
	f.BoolVar(&o.browser, "browser", false, "serve each app and run the browser CRUD check in Chromium")
	f.BoolVar(&o.baseline, "baseline", false, "time a bare `next build` of each app for the ratio")
	f.IntVar(&o.limit, "limit", 0, "run only the first N cases")
	f.StringSliceVar(&o.ids, "ids", nil, "run only these case ids")
	f.BoolVar(&o.json, "json", false, "print the results as JSON on standard output")
	f.BoolVar(&o.keep, "keep", false, "keep node_modules of the generated apps")
	f.StringSliceVar(&o.targets, "target", []string{"next"}, "project kinds, comma-separated: next, vite (each case is generated for each)")
	f.BoolVar(&o.skipTests, "skip-tests", false, "skip the generated apps' own unit and smoke tests")
	return cmd
}

func filterCases(cases []bench.Case, ids []string, limit int) []bench.Case {
	if len(ids) > 0 {
		want := map[string]bool{}
		for _, id := range ids {
			want[strings.TrimSpace(id)] = true
		}
		var out []bench.Case
		for _, c := range cases {
			if want[c.ID] {
				out = append(out, c)
			}
		}
		cases = out
	}
	if limit > 0 && limit < len(cases) {
		cases = cases[:limit]
	}
	return cases
}

func printPromptSummary(s streams, sum bench.PromptSummary) {
	fmt.Fprintf(s.err, "\n[%s] cases %d, complete %d (%.0f%%)\n", sum.Target, sum.Cases, sum.Complete, pct(sum.Complete, sum.Cases))
	fmt.Fprintf(s.err, "prompt → built app: p50 %.1fs, p95 %.1fs (whole loop with tests: p50 %.1fs)\n", float64(sum.P50MS)/1000, float64(sum.P95MS)/1000, float64(sum.LoopP50MS)/1000)
	if sum.BareP50MS > 0 {
		fmt.Fprintf(s.err, "bare build of the same apps: p50 %.1fs; ratio (prompt → built app / bare build) p50 %.2f\n", float64(sum.BareP50MS)/1000, sum.RatioP50)
	}
	if sum.ColourCases > 0 {
		fmt.Fprintf(s.err, "requested colours on screen: %d/%d\n", sum.ColourPassed, sum.ColourCases)
	}
	if sum.CRUDChecked > 0 {
		fmt.Fprintf(s.err, "browser checks passed: %d/%d apps; no console errors: %d/%d\n", sum.CRUDPassed, sum.CRUDChecked, sum.NoConsoleErr, sum.CRUDChecked)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

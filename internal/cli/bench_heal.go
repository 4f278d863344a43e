package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/nexusgen/nexusgen/internal/bench"
)

type benchHealOptions struct {
	work  string
	ids   []string
	limit int
	warm  bool
	json  bool
	keep  bool
}

func benchHealCmd(s streams) *cobra.Command {
	var o benchHealOptions
	cmd := &cobra.Command{
		Use:   "heal [FAULTS_DIR]",
		Short: "Heal every case of a fault corpus with no model; report heal rate, attempts, time against a bare build, diff size and cache hits",
		Long: `For every case of the fault corpus (default: faults/): materialises base + case,
installs through the shared package store, builds and heals it with a cold fix
cache and no model, then checks the result with npm run typecheck and a bare npm
run build (the baseline of the time ratio). The cases in unfixable/ must end
escalated within the retry limits. With --warm (the default) the corpus is healed
again with the fix cache the first pass filled, for the cache hit rate.`,
		Example: `  nexusgen bench heal
  nexusgen bench heal faults --ids 01-missing-dep-date-fns,22-use-client-missing --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "faults"
			if len(args) == 1 {
				dir = args[0]
			}
			if _, err := os.Stat(filepath.Join(dir, "base", "package.json")); err != nil {
				return usageErr("%s is not a fault corpus (no base/package.json)", dir)
			}
			a, err := loadApp(s)
			if err != nil {
				return err
			}
			work := o.work
			if work == "" {
				if work, err = os.MkdirTemp("", "nexusgen-bench-heal-"); err != nil {
					return err
				}
			}
			work, _ = filepath.Abs(work)
			fmt.Fprintf(s.err, "bench heal: %s in %s (sandbox %s)\n", dir, work, a.Runner.Capabilities().Name)
			run, err := bench.RunHeal(cmd.Context(), a, bench.HealOptions{
				Faults: dir, Work: work, IDs: o.ids, Limit: o.limit, Warm: o.warm, Keep: o.keep,
				Progress: func(l string) { fmt.Fprintln(s.err, l) },
			})
			if run != nil {
				if o.json {
					if err := printJSON(s.out, run); err != nil {
						return err
					}
				}
				printHealSummary(s, run.Summary)
			}
			if err != nil {
				return &exitError{code: ExitCancelled, err: err}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.work, "work", "", "folder for the healed apps and the cold fix cache (default: a new temporary folder)")
	f.StringSliceVar(&o.ids, "ids", nil, "heal only these case ids")
	f.IntVar(&o.limit, "limit", 0, "heal only the first N cases")
	f.BoolVar(&o.warm, "warm", true, "heal the corpus a second time with the warm fix cache")
	f.BoolVar(&o.json, "json", false, "print the results as JSON on standard output")
	f.BoolVar(&o.keep, "keep", false, "keep node_modules of the healed apps")
	return cmd
}

func printHealSummary(s streams, m bench.HealSummary) {
	fmt.Fprintf(s.err, "\ncases %d, healed with no model %d (%.0f%%; typecheck and build pass again)\n", m.Cases, m.Healed, 100*m.HealRate)
	fmt.Fprintf(s.err, "attempts per case: median %.1f\n", m.MedianAttempts)
	fmt.Fprintf(s.err, "heal time: median %.1fs; bare build median %.1fs; ratio (heal / bare build) median %.2f\n",
		float64(m.MedianHealMS)/1000, float64(m.MedianBareMS)/1000, m.MedianRatio)
	fmt.Fprintf(s.err, "lines changed per healed case: median %.1f (reference fixes: median %.1f)\n", m.MedianDiff, m.MedianRefDiff)
	if m.Unfixable > 0 {
		fmt.Fprintf(s.err, "unfixable cases escalated within the limits: %d/%d\n", m.UnfixableEnded, m.Unfixable)
	}
	if m.WarmCases > 0 {
		fmt.Fprintf(s.err, "warm cache: %d/%d healed, %d of %d attempts from the cache (hit rate %.0f%%), median heal %.1fs\n",
			m.WarmHealed, m.WarmCases, m.WarmFromCache, m.WarmAttempts, 100*m.WarmHitRate, float64(m.WarmMedianMS)/1000)
	}
	c := m.CacheMetrics
	fmt.Fprintf(s.err, "fix cache lookups %d: exact %d, similar %d, misses %d; cached recipes applied %d, fixed %d\n",
		c.Lookups, c.ExactHits, c.SimilarHits, c.Misses, c.Applied, c.AppliedFixed)
}

package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"github.com/nexusgen/nexusgen/internal/app"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/faults"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// HealOptions tune a heal benchmark.
type HealOptions struct {
	// Faults is the corpus folder: base/, cases/ and, optionally, unfixable/.
	Faults string
	// Work is where the cases are materialised; the cold fix cache lives in Work/fixcache.
	Work string
	// IDs limits the run to these cases; Limit to the first N.
	IDs   []string
	Limit int
	// Warm runs the corpus a second time with the fix cache the first pass filled.
	Warm bool
	// Keep leaves node_modules in the healed apps.
	Keep bool
	// Progress receives one line per case.
	Progress func(string)
}

// HealResult is one case healed once.
type HealResult struct {
	ID       string        `json:"id"`
	Category string        `json:"category"`
	Status   report.Status `json:"status"`
	Reason   string        `json:"reason,omitempty"`
	// Attempts are the heal attempts; Cycles the heal cycles (a batch is one).
	Attempts int            `json:"attempts"`
	Sources  map[string]int `json:"sources"`
	Fixers   []string       `json:"fixers"`
	// HealMS is the whole heal run: every build and every fix.
	HealMS int64 `json:"heal_ms"`
	// BareBuildMS is one `npm run build` of the healed app from a clean .next.
	BareBuildMS int64   `json:"bare_build_ms,omitempty"`
	Ratio       float64 `json:"ratio,omitempty"`
	// DiffLines is what the healer changed, in lines, against the broken case;
	// RefDiffLines what the case's reference fix changes.
	DiffLines    int      `json:"diff_lines"`
	RefDiffLines int      `json:"ref_diff_lines"`
	Touched      []string `json:"touched"`
	TypecheckOK  bool     `json:"typecheck_ok"`
	BuildOK      bool     `json:"build_ok"`
	// Healed is complete with typecheck and build passing again.
	Healed bool   `json:"healed"`
	Dir    string `json:"dir"`
}

// HealSummary aggregates a heal benchmark.
type HealSummary struct {
	Cases          int     `json:"cases"`
	Healed         int     `json:"healed"`
	HealRate       float64 `json:"heal_rate"`
	MedianAttempts float64 `json:"median_attempts"`
	MedianHealMS   int64   `json:"median_heal_ms"`
	MedianBareMS   int64   `json:"median_bare_build_ms"`
	MedianRatio    float64 `json:"median_ratio"`
	MedianDiff     float64 `json:"median_diff_lines"`
	MedianRefDiff  float64 `json:"median_ref_diff_lines"`
	// The warm pass.
	WarmCases      int          `json:"warm_cases,omitempty"`
	WarmHealed     int          `json:"warm_healed,omitempty"`
	WarmAttempts   int          `json:"warm_attempts,omitempty"`
	WarmFromCache  int          `json:"warm_from_cache,omitempty"`
	WarmHitRate    float64      `json:"warm_hit_rate,omitempty"`
	WarmMedianMS   int64        `json:"warm_median_heal_ms,omitempty"`
	CacheMetrics   heal.Metrics `json:"cache_metrics"`
	Unfixable      int          `json:"unfixable"`
	UnfixableEnded int          `json:"unfixable_escalated_within_limits"`
}

// HealRun is a whole heal benchmark.
type HealRun struct {
	Summary   HealSummary  `json:"summary"`
	Cold      []HealResult `json:"cold"`
	Warm      []HealResult `json:"warm,omitempty"`
	Unfixable []HealResult `json:"unfixable,omitempty"`
}

// RunHeal heals every case of the corpus with no model and a cold fix
// cache, verifies each healed app with npm run typecheck and a bare npm run
// build (whose time is the baseline of the ratio), heals the unfixable
// cases, and — with Warm — heals the corpus again with the cache warm.
func RunHeal(ctx context.Context, a *app.App, o HealOptions) (*HealRun, error) {
	corpus := faults.Corpus{Dir: o.Faults}
	cases, err := corpus.Cases()
	if err != nil {
		return nil, err
	}
	cases = selectFaults(cases, o.IDs, o.Limit)
	if len(cases) == 0 {
		return nil, fmt.Errorf("no cases selected")
	}
	// No model: the benchmark measures what the healer fixes by itself.
	h, err := app.NewHealer(a.Config, a.Runner, a.Deps, filepath.Join(o.Work, "fixcache"), nil, a.Log)
	if err != nil {
		return nil, err
	}
	a.Healer = h
	run := &HealRun{}
	for _, c := range cases {
		if ctx.Err() != nil {
			return run, ctx.Err()
		}
		r := healCase(ctx, a, corpus, c, filepath.Join(o.Work, "cold", c.ID), "cold", true, o.Keep)
		run.Cold = append(run.Cold, r)
		progress(o, "cold", r)
	}
	if un, err := faults.LoadCases(filepath.Join(o.Faults, "unfixable")); err == nil {
		un = selectFaults(un, nil, 0)
		for _, c := range un {
			if ctx.Err() != nil {
				return run, ctx.Err()
			}
			r := healCase(ctx, a, corpus, c, filepath.Join(o.Work, "unfixable", c.ID), "unfixable", false, o.Keep)
			run.Unfixable = append(run.Unfixable, r)
			progress(o, "unfixable", r)
		}
	}
	if o.Warm {
		for _, c := range cases {
			if ctx.Err() != nil {
				return run, ctx.Err()
			}
			r := healCase(ctx, a, corpus, c, filepath.Join(o.Work, "warm", c.ID), "warm", false, o.Keep)
			run.Warm = append(run.Warm, r)
			progress(o, "warm", r)
		}
	}
	run.Summary = summariseHeal(run, h.Cache().Metrics())
	return run, ctx.Err()
}

func selectFaults(cs []faults.Case, ids []string, limit int) []faults.Case {
	if len(ids) > 0 {
		cs = slices.DeleteFunc(slices.Clone(cs), func(c faults.Case) bool { return !slices.Contains(ids, c.ID) })
	}
	if limit > 0 && limit < len(cs) {
		cs = cs[:limit]
	}
	return cs
}

func progress(o HealOptions, pass string, r HealResult) {
	if o.Progress == nil {
		return
	}
	s := fmt.Sprintf("%-9s %-40s %-9s attempts %d %v  %6.1fs", pass, r.ID, r.Status, r.Attempts, r.Fixers, float64(r.HealMS)/1000)
	if r.BareBuildMS > 0 {
		s += fmt.Sprintf("  bare build %5.1fs  ratio %.2f", float64(r.BareBuildMS)/1000, r.Ratio)
	}
	s += fmt.Sprintf("  diff %d (reference %d)", r.DiffLines, r.RefDiffLines)
	if r.Status != report.Complete {
		s += "  (" + r.Reason + ")"
	} else if pass == "cold" && !r.Healed {
		s += fmt.Sprintf("  verification: typecheck %v build %v", r.TypecheckOK, r.BuildOK)
	}
	o.Progress(s)
}

// healCase materialises one case, heals it and, when verify is set,
// checks the result with a fresh typecheck and a bare build.
func healCase(ctx context.Context, a *app.App, corpus faults.Corpus, c faults.Case, dir, pass string, verify, keep bool) HealResult {
	res := HealResult{ID: c.ID, Category: c.Category, Dir: dir, Sources: map[string]int{}}
	os.RemoveAll(dir)
	if err := corpus.Materialise(c, dir, false); err != nil {
		res.Status, res.Reason = report.Failed, err.Error()
		return res
	}
	before, _ := faults.SourceFiles(dir)
	res.RefDiffLines = referenceDiff(corpus, c, dir, before)
	broker := event.NewBroker()
	start := time.Now()
	gen, err := a.Heal(ctx, dir, "bench-"+pass+"-"+c.ID, broker)
	res.HealMS = time.Since(start).Milliseconds()
	broker.Close()
	if err != nil {
		res.Status, res.Reason = report.Failed, err.Error()
		return res
	}
	rep := gen.Report
	res.Status, res.Reason = rep.Status, rep.Reason
	res.Attempts = len(rep.Heal.Attempts)
	for _, at := range rep.Heal.Attempts {
		res.Sources[at.Source]++
		res.Fixers = append(res.Fixers, at.Fixer)
	}
	after, _ := faults.SourceFiles(dir)
	res.DiffLines, res.Touched = diffLines(before, after)
	if verify && rep.Status == report.Complete {
		res.TypecheckOK = npmRun(ctx, a.Runner, dir, "typecheck") > 0
		os.RemoveAll(filepath.Join(dir, ".next"))
		if ms := npmRun(ctx, a.Runner, dir, "build"); ms > 0 {
			res.BuildOK, res.BareBuildMS = true, ms
			res.Ratio = float64(res.HealMS) / float64(ms)
		}
		res.Healed = res.TypecheckOK && res.BuildOK
	} else if !verify {
		res.Healed = rep.Status == report.Complete
	}
	if !keep {
		os.RemoveAll(filepath.Join(dir, "node_modules"))
		os.RemoveAll(filepath.Join(dir, ".next"))
	}
	return res
}

// npmRun runs `npm run <script>` in the sandbox and returns its time in
// milliseconds, or 0 when it failed.
func npmRun(ctx context.Context, runner sandbox.Runner, dir, script string) int64 {
	start := time.Now()
	res, err := runner.Run(ctx, sandbox.Spec{
		Argv: []string{"npm", "run", "--silent", script}, Dir: dir,
		Writable: []string{dir}, ReadOnly: []string{filepath.Join(dir, "node_modules")},
		Network: sandbox.NoNetwork,
	})
	if err != nil || !res.OK() {
		return 0
	}
	return max(time.Since(start).Milliseconds(), 1)
}

// diffLines counts the lines changed between two file sets.
func diffLines(before, after map[string][]byte) (int, []string) {
	n := 0
	var touched []string
	seen := map[string]bool{}
	for p, b := range before {
		seen[p] = true
		a, ok := after[p]
		if ok && string(a) == string(b) {
			continue
		}
		if !ok {
			a = nil
		}
		_, lines := heal.Diff(p, b, a)
		n += lines
		touched = append(touched, p)
	}
	for p, a := range after {
		if seen[p] {
			continue
		}
		_, lines := heal.Diff(p, nil, a)
		n += lines
		touched = append(touched, p)
	}
	sort.Strings(touched)
	return n, touched
}

// referenceDiff is the size of the case's reference fix.
func referenceDiff(corpus faults.Corpus, c faults.Case, dir string, before map[string][]byte) int {
	ref := dir + ".reference"
	os.RemoveAll(ref)
	defer os.RemoveAll(ref)
	if err := corpus.Materialise(c, ref, true); err != nil {
		return 0
	}
	fixed, err := faults.SourceFiles(ref)
	if err != nil {
		return 0
	}
	n, _ := diffLines(before, fixed)
	return n
}

func summariseHeal(run *HealRun, m heal.Metrics) HealSummary {
	s := HealSummary{Cases: len(run.Cold), CacheMetrics: m}
	var attempts, diffs, refs, ratios []float64
	var heals, bares []int64
	for _, r := range run.Cold {
		if r.Healed {
			s.Healed++
			heals = append(heals, r.HealMS)
			diffs = append(diffs, float64(r.DiffLines))
			refs = append(refs, float64(r.RefDiffLines))
		}
		attempts = append(attempts, float64(r.Attempts))
		if r.BareBuildMS > 0 {
			bares = append(bares, r.BareBuildMS)
			ratios = append(ratios, r.Ratio)
		}
	}
	if s.Cases > 0 {
		s.HealRate = float64(s.Healed) / float64(s.Cases)
	}
	s.MedianAttempts, s.MedianDiff, s.MedianRefDiff, s.MedianRatio = median(attempts), median(diffs), median(refs), median(ratios)
	s.MedianHealMS, s.MedianBareMS = percentile(heals, 50), percentile(bares, 50)
	var warm []int64
	for _, r := range run.Warm {
		s.WarmCases++
		if r.Healed {
			s.WarmHealed++
			warm = append(warm, r.HealMS)
		}
		s.WarmAttempts += r.Attempts
		s.WarmFromCache += r.Sources["cache"]
	}
	if s.WarmAttempts > 0 {
		s.WarmHitRate = float64(s.WarmFromCache) / float64(s.WarmAttempts)
	}
	s.WarmMedianMS = percentile(warm, 50)
	for _, r := range run.Unfixable {
		s.Unfixable++
		if r.Status == report.Escalated && r.Attempts <= heal.DefaultRetryConfig().MaxRetries*3 {
			s.UnfixableEnded++
		}
	}
	return s
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

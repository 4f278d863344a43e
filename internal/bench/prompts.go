// Package bench measures NexusGen on prompt suites and fault corpora:
// wall time prompt → built app against a bare `next build` of the same app
// measured in the same run (machines are noisy, so figures are ratios),
// browser CRUD checks per entity, console errors and requested colours.
package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/nexusgen/nexusgen/internal/app"
	"github.com/nexusgen/nexusgen/internal/browsercheck"
	"github.com/nexusgen/nexusgen/internal/build"
	"github.com/nexusgen/nexusgen/internal/engine"
	"github.com/nexusgen/nexusgen/internal/event"
	"github.com/nexusgen/nexusgen/internal/preview"
	"github.com/nexusgen/nexusgen/internal/report"
	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// Case is one prompt of a suite. Both our suite (id, prompt) and
// WebGen-Bench (id, instruction) are read.
type Case struct {
	ID          string          `json:"id"`
	Prompt      string          `json:"prompt"`
	Instruction string          `json:"instruction"`
	Expect      json.RawMessage `json:"expect,omitempty"`
	// UIInstruct are WebGen-Bench's test cases for the app.
	UIInstruct []struct {
		Task     string `json:"task"`
		Expected string `json:"expected_result"`
	} `json:"ui_instruct,omitempty"`
}

var colourTask = regexp.MustCompile(`uses '([^']+)' as the background colou?r and '([^']+)' as the component colou?r`)

// Colours are the background and component colours the case's design
// test expects, when it has one and the prompt itself names them (one
// WebGen-Bench case tests colours its instruction never mentions).
func (c Case) Colours() (background, component string, ok bool) {
	text := strings.ToLower(c.Text())
	for _, u := range c.UIInstruct {
		if m := colourTask.FindStringSubmatch(u.Task); m != nil && strings.Contains(text, strings.ToLower(m[1])) {
			return m[1], m[2], true
		}
	}
	return "", "", false
}

// Text is the prompt of the case.
func (c Case) Text() string {
	if c.Prompt != "" {
		return c.Prompt
	}
	return c.Instruction
}

// LoadCases reads a JSON-lines suite.
func LoadCases(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c Case
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if c.Text() == "" {
			return nil, fmt.Errorf("%s:%d: no prompt", path, line)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// PromptOptions tune a prompt benchmark.
type PromptOptions struct {
	// Work is the folder the apps are generated in.
	Work string
	// Browser runs the CRUD check in Chromium on each built app.
	Browser bool
	// Baseline times a bare `next build` of each app.
	Baseline bool
	// Keep leaves the apps in Work (otherwise node_modules is removed).
	Keep bool
	// Targets are the project kinds to generate (next, vite); each case
	// is generated for every target in turn, so both see the same machine.
	Targets []string
	// Progress receives one line per case.
	Progress func(string)
}

// PromptResult is the outcome of one case.
type PromptResult struct {
	ID     string        `json:"id"`
	Target string        `json:"target"`
	Status report.Status `json:"status"`
	Reason string        `json:"reason,omitempty"`
	// WallMS is the whole loop: prompt → built and tested app.
	WallMS int64 `json:"wall_ms"`
	// BuiltMS is prompt → built app: planning, coding, review and build.
	BuiltMS int64 `json:"built_ms"`
	// BareBuildMS is one bare `next build` of the same app.
	BareBuildMS int64                       `json:"bare_build_ms,omitempty"`
	Ratio       float64                     `json:"ratio,omitempty"`
	Entities    int                         `json:"entities"`
	CRUD        []browsercheck.EntityResult `json:"crud,omitempty"`
	CRUDOK      bool                        `json:"crud_ok"`
	// Colours is the design check, for cases that name colours.
	Colours *browsercheck.EntityResult `json:"colours,omitempty"`
	Console []string                   `json:"console_errors,omitempty"`
	Dir     string                     `json:"dir"`
}

// PromptSummary aggregates a run.
type PromptSummary struct {
	Target       string `json:"target"`
	Cases        int    `json:"cases"`
	Complete     int    `json:"complete"`
	CRUDPassed   int    `json:"crud_passed"`
	CRUDChecked  int    `json:"crud_checked"`
	NoConsoleErr int    `json:"no_console_errors"`
	ColourCases  int    `json:"colour_cases"`
	ColourPassed int    `json:"colour_passed"`
	// P50MS and P95MS are prompt → built app; LoopP50MS includes the tests.
	P50MS     int64   `json:"p50_ms"`
	P95MS     int64   `json:"p95_ms"`
	LoopP50MS int64   `json:"loop_p50_ms"`
	BareP50MS int64   `json:"bare_build_p50_ms,omitempty"`
	RatioP50  float64 `json:"ratio_p50,omitempty"`
}

// RunPrompts generates, builds and (optionally) checks every case for
// every target, and summarises per target.
func RunPrompts(ctx context.Context, a *app.App, cases []Case, o PromptOptions) ([]PromptResult, []PromptSummary, error) {
	if len(o.Targets) == 0 {
		o.Targets = []string{"next"}
	}
	var results []PromptResult
	var browser *browsercheck.Browser
	if o.Browser {
		b, err := browsercheck.Launch(ctx)
		if err != nil {
			return nil, nil, err
		}
		defer b.Close()
		browser = b
	}
	for _, c := range cases {
		for _, target := range o.Targets {
			if ctx.Err() != nil {
				break
			}
			r := runCase(ctx, a, c, target, o, browser)
			results = append(results, r)
			if o.Progress != nil {
				o.Progress(line(r))
			}
		}
	}
	var sums []PromptSummary
	for _, target := range o.Targets {
		var mine []PromptResult
		for _, r := range results {
			if r.Target == target {
				mine = append(mine, r)
			}
		}
		s := summarise(mine)
		s.Target = target
		sums = append(sums, s)
	}
	return results, sums, ctx.Err()
}

func runCase(ctx context.Context, a *app.App, c Case, target string, o PromptOptions, browser *browsercheck.Browser) PromptResult {
	dir := filepath.Join(o.Work, target, c.ID)
	res := PromptResult{ID: c.ID, Target: target, Dir: dir}
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		res.Status, res.Reason = report.Failed, err.Error()
		return res
	}
	broker := event.NewBroker()
	start := time.Now()
	gen, err := a.Generate(ctx, engine.Request{Prompt: c.Text(), Target: target, Provider: "offline"}, dir, "bench-"+c.ID, broker)
	res.WallMS = time.Since(start).Milliseconds()
	broker.Close()
	if err != nil {
		res.Status, res.Reason = report.Failed, err.Error()
		return res
	}
	res.Status, res.Reason = gen.Report.Status, gen.Report.Reason
	for _, st := range []string{"intake", "architect", "coder", "reviewer", "build", "heal"} {
		res.BuiltMS += gen.Report.TimingsMS[st]
	}
	if gen.PRD != nil {
		res.Entities = len(gen.PRD.Entities)
	}
	if res.Status != report.Complete {
		return res
	}
	if o.Baseline {
		res.BareBuildMS = bareBuild(ctx, a.Runner, dir)
		if res.BareBuildMS > 0 {
			res.Ratio = float64(res.BuiltMS) / float64(res.BareBuildMS)
		}
	}
	if browser != nil {
		res.CRUD, res.Console, res.CRUDOK, res.Colours = check(ctx, a.Runner, browser, gen, c)
	}
	if !o.Keep {
		os.RemoveAll(filepath.Join(dir, "node_modules"))
	}
	return res
}

// bareBuild times `next build` of an installed app from a clean .next.
func bareBuild(ctx context.Context, runner sandbox.Runner, dir string) int64 {
	os.RemoveAll(filepath.Join(dir, ".next"))
	start := time.Now()
	argv := []string{"npx", "--no-install", "next", "build"}
	if build.IsVite(dir) {
		os.RemoveAll(filepath.Join(dir, "dist"))
		argv = []string{"npx", "--no-install", "vite", "build"}
	}
	res, err := runner.Run(ctx, sandbox.Spec{
		Argv: argv, Dir: dir,
		Writable: []string{dir}, ReadOnly: []string{filepath.Join(dir, "node_modules")},
		Network: sandbox.NoNetwork,
	})
	if err != nil || !res.OK() {
		return 0
	}
	return time.Since(start).Milliseconds()
}

func check(ctx context.Context, runner sandbox.Runner, browser *browsercheck.Browser, gen *app.Generation, c Case) ([]browsercheck.EntityResult, []string, bool, *browsercheck.EntityResult) {
	srv, err := preview.Start(ctx, runner, gen.Dir, preview.Options{})
	if err != nil {
		return []browsercheck.EntityResult{{Entity: "*", Step: "serve", Error: err.Error()}}, nil, false, nil
	}
	defer func() {
		stop, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
		defer cancel()
		_ = srv.Stop(stop) // best effort on the way out; Stop kills the app if the grace period ends
	}()
	page, err := browser.NewPage()
	if err != nil {
		return []browsercheck.EntityResult{{Entity: "*", Step: "open tab", Error: err.Error()}}, nil, false, nil
	}
	defer page.Close()
	cctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	results := browsercheck.CheckPages(cctx, page, srv.URL, gen.PRD)
	results = append(results, browsercheck.CheckCRUD(cctx, page, srv.URL, gen.PRD)...)
	results = append(results, browsercheck.CheckFeatures(cctx, page, srv.URL, gen.PRD)...)
	ok := true
	for _, r := range results {
		ok = ok && r.OK
	}
	var colours *browsercheck.EntityResult
	if bg, comp, has := c.Colours(); has {
		r := browsercheck.CheckColours(cctx, page, srv.URL, bg, comp)
		colours = &r
	}
	return results, page.ConsoleErrors(), ok, colours
}

func summarise(rs []PromptResult) PromptSummary {
	s := PromptSummary{Cases: len(rs)}
	var walls, builts, bares []int64
	var ratios []float64
	for _, r := range rs {
		if r.Status == report.Complete {
			s.Complete++
			walls = append(walls, r.WallMS)
			builts = append(builts, r.BuiltMS)
		}
		if r.CRUD != nil {
			s.CRUDChecked++
			if r.CRUDOK {
				s.CRUDPassed++
			}
			if len(r.Console) == 0 {
				s.NoConsoleErr++
			}
		}
		if r.Colours != nil {
			s.ColourCases++
			if r.Colours.OK {
				s.ColourPassed++
			}
		}
		if r.BareBuildMS > 0 {
			bares = append(bares, r.BareBuildMS)
			ratios = append(ratios, r.Ratio)
		}
	}
	s.P50MS, s.P95MS = percentile(builts, 50), percentile(builts, 95)
	s.LoopP50MS = percentile(walls, 50)
	s.BareP50MS = percentile(bares, 50)
	if len(ratios) > 0 {
		slices.Sort(ratios)
		s.RatioP50 = ratios[len(ratios)/2]
	}
	return s
}

// percentile is the nearest-rank percentile of xs (0 for none).
func percentile(xs []int64, p int) int64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100
	return s[max(rank-1, 0)]
}

func line(r PromptResult) string {
	crud := "-"
	if r.CRUD != nil {
		passed := 0
		for _, c := range r.CRUD {
			if c.OK {
				passed++
			}
		}
		crud = fmt.Sprintf("%d/%d", passed, len(r.CRUD))
	}
	s := fmt.Sprintf("%-22s %-4s %-9s built %5.1fs  loop %5.1fs", r.ID, r.Target, r.Status, float64(r.BuiltMS)/1000, float64(r.WallMS)/1000)
	if r.BareBuildMS > 0 {
		s += fmt.Sprintf("  bare build %5.1fs  ratio %.2f", float64(r.BareBuildMS)/1000, r.Ratio)
	}
	s += "  checks " + crud
	if len(r.Console) > 0 {
		s += fmt.Sprintf("  console errors %d: %s", len(r.Console), strings.Join(r.Console, " | "))
	}
	if r.Colours != nil {
		if r.Colours.OK {
			s += "  colours ok"
		} else {
			s += "  colours WRONG: " + r.Colours.Error
		}
	}
	if r.Reason != "" && r.Status != report.Complete {
		s += "  (" + r.Reason + ")"
	}
	for _, c := range r.CRUD {
		if !c.OK {
			s += fmt.Sprintf("\n    ✗ %s at %s: %s", c.Entity, c.Step, c.Error)
		}
	}
	return s
}

// Package lighthouse scores a running app with Google Lighthouse
// (performance, accessibility, best practices, SEO). Lighthouse is
// installed once into the data folder at a pinned version and runs in the
// sandbox against the local Chromium.
package lighthouse

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// Version is the Lighthouse release used; 12.2.3 is the newest that runs on Node.js 20.
const Version = "12.2.3"

// Scores are the category scores, 0–100, and the audits that lost points.
type Scores struct {
	URL           string  `json:"url"`
	Performance   float64 `json:"performance"`
	Accessibility float64 `json:"accessibility"`
	BestPractices float64 `json:"best_practices"`
	SEO           float64 `json:"seo"`
	Failed        []Audit `json:"failed,omitempty"`
}

// Audit is one audit that did not pass.
type Audit struct {
	Category string  `json:"category"`
	ID       string  `json:"id"`
	Title    string  `json:"title"`
	Score    float64 `json:"score"`
}

// Runner runs Lighthouse.
type Runner struct {
	Sandbox sandbox.Runner
	// Dir is where Lighthouse is installed (a tools folder in the data dir).
	Dir string
	// NPMCache is the shared npm cache.
	NPMCache string
	// Chromium is the browser binary.
	Chromium string
}

func (r *Runner) cli() string {
	return filepath.Join(r.Dir, "node_modules", "lighthouse", "cli", "index.js")
}

// Install installs the pinned Lighthouse unless it is there already.
func (r *Runner) Install(ctx context.Context) error {
	if _, err := os.Stat(r.cli()); err == nil {
		return nil
	}
	if err := os.MkdirAll(r.Dir, 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(r.NPMCache, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(r.Dir, "package.json"), []byte(`{"name":"lighthouse-runner","private":true}`+"\n"), 0o644); err != nil {
		return err
	}
	res, err := r.Sandbox.Run(ctx, sandbox.Spec{
		Argv:     []string{"npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "lighthouse@" + Version},
		Dir:      r.Dir,
		Env:      map[string]string{"npm_config_cache": r.NPMCache},
		Writable: []string{r.Dir, r.NPMCache},
		Network:  sandbox.FullNetwork,
	})
	if err != nil {
		return err
	}
	if !res.OK() {
		return fmt.Errorf("install lighthouse@%s: exit %d\n%s", Version, res.ExitCode, res.Tail)
	}
	return nil
}

// Run scores url (desktop settings unless mobile).
func (r *Runner) Run(ctx context.Context, url string, mobile bool) (Scores, error) {
	if err := r.Install(ctx); err != nil {
		return Scores{}, err
	}
	out, err := os.MkdirTemp(r.Dir, "run-")
	if err != nil {
		return Scores{}, err
	}
	defer os.RemoveAll(out)
	report := filepath.Join(out, "report.json")
	argv := []string{"node", r.cli(), url,
		"--output=json", "--output-path=" + report, "--quiet",
		"--only-categories=performance,accessibility,best-practices,seo",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --no-first-run",
	}
	if !mobile {
		argv = append(argv, "--preset=desktop")
	}
	res, err := r.Sandbox.Run(ctx, sandbox.Spec{
		Argv:     argv,
		Dir:      out,
		Env:      map[string]string{"CHROME_PATH": r.Chromium},
		Writable: []string{out},
		ReadOnly: []string{r.Dir},
		// The app is served on the host's loopback.
		Network: sandbox.FullNetwork,
	})
	if err != nil {
		return Scores{}, err
	}
	data, rerr := os.ReadFile(report)
	if rerr != nil {
		return Scores{}, fmt.Errorf("lighthouse wrote no report (exit %d)\n%s", res.ExitCode, res.Tail)
	}
	return parse(data)
}

type lhr struct {
	FinalURL   string `json:"finalDisplayedUrl"`
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title string   `json:"title"`
		Score *float64 `json:"score"`
		Mode  string   `json:"scoreDisplayMode"`
	} `json:"audits"`
	RuntimeError *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
}

func parse(data []byte) (Scores, error) {
	var r lhr
	if err := json.Unmarshal(data, &r); err != nil {
		return Scores{}, fmt.Errorf("read the lighthouse report: %w", err)
	}
	if r.RuntimeError != nil {
		return Scores{}, fmt.Errorf("lighthouse: %s: %s", r.RuntimeError.Code, r.RuntimeError.Message)
	}
	s := Scores{URL: r.FinalURL}
	score := func(name string) float64 {
		c, ok := r.Categories[name]
		if !ok || c.Score == nil {
			return 0
		}
		return *c.Score * 100
	}
	s.Performance, s.Accessibility, s.BestPractices, s.SEO = score("performance"), score("accessibility"), score("best-practices"), score("seo")
	for name, c := range r.Categories {
		for _, ref := range c.AuditRefs {
			a, ok := r.Audits[ref.ID]
			if !ok || a.Score == nil || *a.Score >= 1 || ref.Weight == 0 || a.Mode == "informative" || a.Mode == "notApplicable" {
				continue
			}
			s.Failed = append(s.Failed, Audit{Category: name, ID: ref.ID, Title: a.Title, Score: *a.Score})
		}
	}
	sort.Slice(s.Failed, func(i, j int) bool {
		if s.Failed[i].Category != s.Failed[j].Category {
			return s.Failed[i].Category < s.Failed[j].Category
		}
		return s.Failed[i].ID < s.Failed[j].ID
	})
	return s, nil
}

// String is a one-line summary.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "performance %.0f, accessibility %.0f, best practices %.0f, SEO %.0f", s.Performance, s.Accessibility, s.BestPractices, s.SEO)
	return b.String()
}

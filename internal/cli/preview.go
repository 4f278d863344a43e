package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/nexusgen/nexusgen/internal/app"
	"github.com/nexusgen/nexusgen/internal/browsercheck"
	"github.com/nexusgen/nexusgen/internal/lighthouse"
	"github.com/nexusgen/nexusgen/internal/prd"
	"github.com/nexusgen/nexusgen/internal/preview"
)

func previewCmd(s streams) *cobra.Command {
	var shots string
	var check, lh, mobile bool
	cmd := &cobra.Command{
		Use:   "preview DIR",
		Short: "Serve a built app from the sandbox; optionally screenshot it at phone, tablet and desktop widths or check it in Chromium",
		Example: `  nexusgen preview todo                      # serve until Ctrl-C
  nexusgen preview todo --screenshots shots  # fill in sample records, save PNGs, stop
  nexusgen preview todo --check              # browser CRUD check of every entity`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := filepath.Abs(args[0])
			if err != nil {
				return usageErr("%v", err)
			}
			if !built(dir) {
				return usageErr("%s has no production build; run `npm run build` there or generate it with `nexusgen new`", args[0])
			}
			a, err := loadApp(s)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			srv, err := preview.Start(ctx, a.Runner, dir, preview.Options{})
			if err != nil {
				return &exitError{code: ExitFailed, err: err}
			}
			defer func() {
				stop, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
				defer cancel()
				_ = srv.Stop(stop) // best effort on the way out; Stop kills the app if the grace period ends
			}()
			fmt.Fprintf(s.err, "serving %s at %s\n", args[0], srv.URL)
			if lh {
				if err := lighthouseScores(ctx, s, a, srv.URL, navPaths(dir), mobile); err != nil {
					return err
				}
			}
			if shots == "" && !check {
				if !lh {
					<-ctx.Done()
				}
				return nil
			}
			return browse(ctx, s, srv.URL, dir, shots, check)
		},
	}
	cmd.Flags().StringVar(&shots, "screenshots", "", "save screenshots of every page at 375, 768 and 1440 px into this folder, then stop")
	cmd.Flags().BoolVar(&check, "check", false, "run the browser checks (pages, CRUD per entity, console errors), then stop")
	cmd.Flags().BoolVar(&lh, "lighthouse", false, "score the home page and every section with Lighthouse "+lighthouse.Version+" (JSON lines on standard output), then stop")
	cmd.Flags().BoolVar(&mobile, "mobile", false, "with --lighthouse: Lighthouse's mobile settings (slow 4G, 4x CPU slowdown) instead of desktop")
	return cmd
}

func browse(ctx context.Context, s streams, url, dir, shots string, check bool) error {
	data, err := os.ReadFile(filepath.Join(dir, ".nexusgen", "prd.json"))
	if err != nil {
		return usageErr("read the app's PRD: %v", err)
	}
	p, err := prd.Parse(data)
	if err != nil {
		return usageErr("the app's PRD: %v", err)
	}
	b, err := browsercheck.Launch(ctx)
	if err != nil {
		return &exitError{code: ExitFailed, err: err}
	}
	defer b.Close()
	page, err := b.NewPage()
	if err != nil {
		return &exitError{code: ExitFailed, err: err}
	}
	defer page.Close()
	failed := false
	if check {
		results := browsercheck.CheckPages(ctx, page, url, p)
		results = append(results, browsercheck.CheckCRUD(ctx, page, url, p)...)
		results = append(results, browsercheck.CheckFeatures(ctx, page, url, p)...)
		enc := json.NewEncoder(s.out)
		for _, r := range results {
			if err := enc.Encode(r); err != nil {
				return err
			}
			failed = failed || !r.OK
		}
		if errs := page.ConsoleErrors(); len(errs) > 0 {
			fmt.Fprintf(s.err, "console errors: %v\n", errs)
			failed = true
		}
	}
	if shots != "" {
		list, err := browsercheck.Screenshots(ctx, page, url, p, shots, browsercheck.Widths)
		for _, sh := range list {
			fmt.Fprintln(s.err, "saved", sh.Path)
		}
		if err != nil {
			return &exitError{code: ExitFailed, err: err}
		}
	}
	if failed {
		return &exitError{code: ExitFailed, err: errors.New("browser checks failed")}
	}
	return nil
}

// built reports whether dir holds a production build (Next.js or Vite).
func built(dir string) bool {
	for _, marker := range []string{".next/BUILD_ID", "dist/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
			return true
		}
	}
	return false
}

// navPaths is the home page and every page of the main navigation of the
// app in dir, as its PRD names them (the home page alone without a PRD).
func navPaths(dir string) []string {
	paths := []string{"/"}
	data, err := os.ReadFile(filepath.Join(dir, ".nexusgen", "prd.json"))
	if err != nil {
		return paths
	}
	p, err := prd.Parse(data)
	if err != nil {
		return paths
	}
	for _, pg := range p.Pages {
		if pg.InNav && !strings.Contains(pg.Path, "[") && !slices.Contains(paths, pg.Path) {
			paths = append(paths, pg.Path)
		}
	}
	return paths
}

// lighthouseScores scores each of paths.
func lighthouseScores(ctx context.Context, s streams, a *app.App, base string, paths []string, mobile bool) error {
	chromium, err := browsercheck.FindChromium()
	if err != nil {
		return &exitError{code: ExitFailed, err: err}
	}
	lr := &lighthouse.Runner{Sandbox: a.Runner, Dir: filepath.Join(a.Config.DataDir, "tools", "lighthouse-"+lighthouse.Version), NPMCache: a.Deps.NPMCache(), Chromium: chromium}
	enc := json.NewEncoder(s.out)
	for _, path := range paths {
		scores, err := lr.Run(ctx, base+path, mobile)
		if err != nil {
			return &exitError{code: ExitFailed, err: err}
		}
		fmt.Fprintf(s.err, "%s: %s\n", path, scores)
		if err := enc.Encode(scores); err != nil {
			return err
		}
	}
	return nil
}

package browsercheck

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// CheckPages loads the home page, checks that the main navigation links to
// every entity's route, and opens every linked page, each of which must
// render a heading without console errors.
func CheckPages(ctx context.Context, page *Page, base string, p *prd.PRD) []EntityResult {
	res := EntityResult{Entity: "pages"}
	fail := func(step string, err error) []EntityResult {
		res.Step, res.Error = step, err.Error()
		return []EntityResult{res}
	}
	page.ResetErrors()
	if err := page.Run(ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady(chromedp.CSS("nav"))); err != nil {
		return fail("open /", err)
	}
	links, err := Eval[[]string](ctx, page, `[...document.querySelectorAll("nav a[href]")].map((a) => a.getAttribute("href"))`)
	if err != nil {
		return fail("read nav", err)
	}
	for _, e := range p.Entities {
		found := false
		for _, l := range links {
			found = found || l == e.Route()
		}
		if !found {
			return fail("nav", fmt.Errorf("the main nav does not link to %s (links: %v)", e.Route(), links))
		}
	}
	for _, l := range links {
		if !strings.HasPrefix(l, "/") {
			continue
		}
		if err := page.Run(ctx, chromedp.Navigate(base+l), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
			return fail("open "+l, err)
		}
		// Give client components a moment to hydrate and report errors.
		time.Sleep(200 * time.Millisecond)
		res.Values = append(res.Values, l)
	}
	if errs := page.ConsoleErrors(); len(errs) > 0 {
		return fail("console", fmt.Errorf("%d console errors: %s", len(errs), strings.Join(errs, " | ")))
	}
	res.OK = true
	return []EntityResult{res}
}

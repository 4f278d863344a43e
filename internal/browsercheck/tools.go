package browsercheck

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// toolStep is one thing a person does with a tool: press the button
// labelled Press (by its accessible name or text) or a key, then expect a
// condition on the page.
type toolStep struct {
	Press string
	Key   string
	Want  string // a JavaScript condition, checked until it holds
	Says  string // what the condition means, for the error
}

// toolScripts use each tool the way a person would and check the result.
var toolScripts = map[string][]toolStep{
	prd.ToolCalculator: {
		{Press: "2"}, {Press: "plus"}, {Press: "3"}, {Press: "multiply"}, {Press: "4"}, {Press: "equals"},
		{Want: `document.querySelector("output")?.textContent?.includes("14")`, Says: "2 + 3 × 4 shows 14"},
	},
	prd.ToolTicTacToe: {
		{Press: "Row 1, column 1: empty"}, {Press: "Row 2, column 1: empty"}, {Press: "Row 1, column 2: empty"},
		{Press: "Row 2, column 2: empty"}, {Press: "Row 1, column 3: empty"},
		{Want: `document.querySelector("[role=status]")?.textContent?.includes("X wins")`, Says: "three X in a row win"},
	},
	prd.ToolConverter: {
		{Press: "temperature"},
		{Want: `document.querySelector("output")?.textContent?.includes("33.8")`, Says: "1 °C shows 33.8 °F"},
	},
	prd.ToolTimer: {
		{Press: "Start"},
		{Want: `!/^25:00$/.test((document.querySelector("[aria-live=polite]")?.textContent ?? "").replace(/^.*: /, ""))`, Says: "the timer counts down after Start"},
	},
	prd.ToolStopwatch: {
		{Press: "Start"},
		{Want: `(document.querySelector("section p")?.textContent ?? "0:00.00") !== "0:00.00"`, Says: "the stopwatch runs after Start"},
	},
	prd.Tool2048: {
		{Key: "ArrowLeft"},
		{Want: `[...document.querySelectorAll("[aria-label=Board] > div")].filter((c) => c.textContent !== "").length >= 3`, Says: "a move slides the tiles and adds one"},
	},
}

// CheckTools uses every tool page of the app.
func CheckTools(ctx context.Context, page *Page, base string, p *prd.PRD) []EntityResult {
	var out []EntityResult
	for _, pg := range p.Pages {
		if pg.Kind != prd.PageTool {
			continue
		}
		res := checkTool(ctx, page, base+pg.Path, toolScripts[pg.Tool])
		res.Entity = "tool " + pg.Tool
		out = append(out, res)
	}
	return out
}

func checkTool(ctx context.Context, page *Page, url string, steps []toolStep) EntityResult {
	if err := page.Run(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		return failed("open", err)
	}
	if err := waitFor(ctx, page, `document.readyState === "complete"`, 10*time.Second); err != nil {
		return failed("load", err)
	}
	var checked []string
	for _, s := range steps {
		switch {
		case s.Press != "":
			press := fmt.Sprintf(`(() => {
				const want = %s.toLowerCase();
				const b = [...document.querySelectorAll("main button")].find((el) =>
					(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().toLowerCase() === want);
				if (!b || b.disabled) return false;
				b.click();
				return true;
			})()`, js(s.Press))
			if err := waitFor(ctx, page, press, 5*time.Second); err != nil {
				return failed("press "+s.Press, fmt.Errorf("no enabled button %q: %w", s.Press, err))
			}
		case s.Key != "":
			key := fmt.Sprintf(`window.dispatchEvent(new KeyboardEvent("keydown", { key: %s, bubbles: true })), true`, js(s.Key))
			if _, err := Eval[bool](ctx, page, key); err != nil {
				return failed("key "+s.Key, err)
			}
		case s.Want != "":
			if err := waitFor(ctx, page, s.Want, 5*time.Second); err != nil {
				return failed(s.Says, fmt.Errorf("%s: %w", s.Says, err))
			}
			checked = append(checked, s.Says)
		}
	}
	return EntityResult{OK: true, Values: checked}
}

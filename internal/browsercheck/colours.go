package browsercheck

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"

	"github.com/nexusgen/nexusgen/internal/palette"
)

// CheckColours checks, through computed styles, that the page background
// is the requested background colour and that components (the header,
// primary buttons) use the requested component colour. Either may be empty.
func CheckColours(ctx context.Context, page *Page, base, background, component string) EntityResult {
	res := EntityResult{Entity: "colours"}
	if err := page.Run(ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady(chromedp.CSS("header"))); err != nil {
		res.Step, res.Error = "open /", err.Error()
		return res
	}
	styles, err := Eval[map[string]string](ctx, page, `(() => {
		const bg = (el) => (el ? getComputedStyle(el).backgroundColor : "");
		return {
			body: bg(document.body),
			header: bg(document.querySelector("header")),
			button: bg(document.querySelector(".btn-primary, main [class*='bg-primary']")),
		};
	})()`)
	if err != nil {
		res.Step, res.Error = "read styles", err.Error()
		return res
	}
	var problems []string
	if background != "" {
		if !sameColour(styles["body"], background) {
			problems = append(problems, fmt.Sprintf("page background is %s, want %s", styles["body"], background))
		}
	}
	if component != "" {
		if !sameColour(styles["header"], component) && !sameColour(styles["button"], component) {
			problems = append(problems, fmt.Sprintf("components are %s (header) and %s (button), want %s", styles["header"], styles["button"], component))
		}
	}
	res.Values = []string{"body " + styles["body"], "header " + styles["header"]}
	if len(problems) > 0 {
		res.Step, res.Error = "colours", strings.Join(problems, "; ")
		return res
	}
	res.OK = true
	return res
}

// sameColour compares a computed "rgb(r, g, b)" with a colour name or hex.
func sameColour(computed, want string) bool {
	w, err := palette.Parse(want)
	if err != nil {
		return false
	}
	c, err := palette.Parse(strings.ReplaceAll(computed, "rgba", "rgb"))
	if err != nil {
		return false
	}
	return c == w
}

package browsercheck

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// CheckFeatures checks that the features the prompt named work in the
// browser, with data entered through the forms: the search box narrows the
// list, totals and averages match the entered numbers, highlights mark the
// records they should, charts draw bars. Each check starts from empty
// storage.
func CheckFeatures(ctx context.Context, page *Page, base string, p *prd.PRD) []EntityResult {
	out := CheckTools(ctx, page, base, p)
	for _, f := range p.Features {
		e, ok := p.Entity(f.Entity)
		if !ok || len(p.RelationsFrom(e.Name)) > 0 {
			continue // records of related entities need their parents first; CheckCRUD covers them
		}
		var res EntityResult
		switch f.Kind {
		case prd.FeatureSearch:
			res = checkSearch(ctx, page, base, p, e)
		case prd.FeatureAggregate:
			if f.Via != "" || (f.Op != "" && f.Op != "sum" && f.Op != "avg") {
				continue
			}
			if g, ok := e.Field(f.GroupBy); f.GroupBy != "" && (!ok || (g.Type != prd.Text && g.Type != prd.Enum)) {
				continue
			}
			res = checkTotal(ctx, page, base, p, e, f)
		case prd.FeatureHighlight:
			res = checkHighlight(ctx, page, base, p, e, f)
		case prd.FeatureChart:
			res = checkChart(ctx, page, base, p, e)
		default:
			continue
		}
		res.Entity = fmt.Sprintf("%s %s", f.Kind, e.Name)
		out = append(out, res)
	}
	return out
}

func resetStorage(ctx context.Context, page *Page, base string) error {
	if err := page.Run(ctx, chromedp.Navigate(base+"/")); err != nil {
		return err
	}
	_, err := Eval[bool](ctx, page, "localStorage.clear(), true")
	return err
}

func failed(step string, err error) EntityResult {
	return EntityResult{Step: step, Error: err.Error()}
}

func checkSearch(ctx context.Context, page *Page, base string, p *prd.PRD, e prd.Entity) EntityResult {
	if err := resetStorage(ctx, page, base); err != nil {
		return failed("reset", err)
	}
	a := addRecord(ctx, page, base, p, e, 1000+rand.IntN(4000))
	b := addRecord(ctx, page, base, p, e, 5000+rand.IntN(4000))
	if !a.OK || !b.OK {
		return failed("add records", fmt.Errorf("%s %s", a.Error, b.Error))
	}
	sel := chromedp.CSS(`main input[type=search]`)
	if err := page.Run(ctx, chromedp.SendKeys(sel, a.Values[0])); err != nil {
		return failed("type in the search box", err)
	}
	cond := fmt.Sprintf("__nx.itemShows(%s, []) && !__nx.itemShows(%s, [])", js(a.Values[0]), js(b.Values[0]))
	if err := waitFor(ctx, page, cond, 5*time.Second); err != nil {
		return failed("search", fmt.Errorf("searching for %q did not narrow the list to that record: %w", a.Values[0], err))
	}
	return EntityResult{OK: true, Values: []string{a.Values[0]}}
}

// checkTotal enters two records with known numbers and reads the figure.
func checkTotal(ctx context.Context, page *Page, base string, p *prd.PRD, e prd.Entity, f prd.Feature) EntityResult {
	field, ok := e.Field(f.Field)
	if !ok || (field.Type != prd.Number && field.Type != prd.Money) {
		return EntityResult{OK: true, Step: "skipped: counts records"}
	}
	if err := resetStorage(ctx, page, base); err != nil {
		return failed("reset", err)
	}
	x, y := 12.5, 30.0
	if field.Max != nil && *field.Max < 31 {
		x, y = *field.Max/4, *field.Max/2
	}
	set := map[string]string{}
	js := `[...document.querySelectorAll("[data-insight]")].map((e) => e.textContent.replace(/[^0-9.\-]/g, ""))`
	if g, ok := e.Field(f.GroupBy); ok {
		group := "Group " + strconv.Itoa(rand.IntN(900)+100)
		if g.Type == prd.Enum {
			group = g.Options[len(g.Options)-1]
		}
		set[g.Name] = group
		// The chart's table for screen readers has a row per group.
		js = fmt.Sprintf(`[...document.querySelectorAll("figure table tr")].filter((tr) => tr.querySelector("th")?.textContent === %q).map((tr) => tr.querySelector("td").textContent.replace(/[^0-9.\-]/g, ""))`, group)
	}
	match, other, filtered := filterValues(e, f)
	if filtered {
		set[f.Field2] = match
	}
	for _, v := range []float64{x, y} {
		set[field.Name] = num(v)
		if r := addRecordWith(ctx, page, base, p, e, rand.IntN(9000)+1000, set); !r.OK {
			return failed("add records", fmt.Errorf("%s: %s", r.Step, r.Error))
		}
	}
	if filtered && other != "" {
		// A record the aggregate leaves out: its value must not count.
		set[f.Field2], set[field.Name] = other, "100"
		if r := addRecordWith(ctx, page, base, p, e, rand.IntN(9000)+1000, set); !r.OK {
			return failed("add a record left out", fmt.Errorf("%s: %s", r.Step, r.Error))
		}
	}
	want := x + y
	if f.Op == "avg" {
		want = (x + y) / 2
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		got, err := Eval[[]string](ctx, page, js)
		if err != nil {
			return failed("read the summary", err)
		}
		for _, g := range got {
			if v, err := strconv.ParseFloat(g, 64); err == nil && abs(v-want) < 0.006 {
				return EntityResult{OK: true, Values: []string{num(want)}}
			}
		}
		if time.Now().After(deadline) {
			return failed("total", fmt.Errorf("entered %s and %s; the summary shows %v, want %s", num(x), num(y), got, num(want)))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkHighlight enters a record that meets the condition and expects its badge.
func checkHighlight(ctx context.Context, page *Page, base string, p *prd.PRD, e prd.Entity, f prd.Feature) EntityResult {
	field, ok := e.Field(f.Field)
	values := map[string]string{}
	limit, err := strconv.ParseFloat(f.Value, 64)
	if other, isField := e.Field(f.Value); isField && err != nil {
		// Compared with another field: enter 20 there and a value beside it.
		limit, err = 20, nil
		values[other.Name] = "20"
	}
	if !ok || err != nil || (field.Type != prd.Number && field.Type != prd.Money) {
		return EntityResult{OK: true, Step: "skipped: not numeric"}
	}
	if err := resetStorage(ctx, page, base); err != nil {
		return failed("reset", err)
	}
	v := limit
	switch f.Compare {
	case "lt":
		v = limit - 1
	case "gt":
		v = limit + 1
	}
	values[field.Name] = num(max(v, 0))
	r := addRecordWith(ctx, page, base, p, e, rand.IntN(9000)+1000, values)
	if !r.OK {
		return failed("add a record", fmt.Errorf("%s: %s", r.Step, r.Error))
	}
	label := f.Label
	if label == "" {
		label = "Needs attention"
	}
	if err := waitFor(ctx, page, fmt.Sprintf("__nx.itemShows(%s, [%s])", js(r.Values[0]), js(label)), 5*time.Second); err != nil {
		return failed("highlight", fmt.Errorf("a record with %s %s was not marked %q", field.Name, num(v), label))
	}
	return EntityResult{OK: true, Values: []string{label}}
}

// checkChart enters a record and expects bars on the dashboard. One record
// is enough to draw a bar, and two could not be told apart in the list when
// the entity has no free-text field (a workout is its date, type and
// numbers).
func checkChart(ctx context.Context, page *Page, base string, p *prd.PRD, e prd.Entity) EntityResult {
	if err := resetStorage(ctx, page, base); err != nil {
		return failed("reset", err)
	}
	if r := addRecord(ctx, page, base, p, e, rand.IntN(9000)+1000); !r.OK {
		return failed("add a record", fmt.Errorf("%s: %s", r.Step, r.Error))
	}
	for _, pg := range p.Pages {
		if pg.Kind != prd.PageDashboard {
			continue
		}
		if err := page.Run(ctx, chromedp.Navigate(base+pg.Path), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
			return failed("open the dashboard", err)
		}
		if err := waitFor(ctx, page, `document.querySelectorAll("figure[data-chart] rect").length > 0`, 5*time.Second); err != nil {
			return failed("chart", fmt.Errorf("the dashboard draws no bars: %w", err))
		}
		return EntityResult{OK: true, Values: []string{pg.Path}}
	}
	return failed("chart", fmt.Errorf("no dashboard page"))
}

// filterValues are a value of an aggregate's filter field that it counts
// and one that it leaves out ("" when there is none).
func filterValues(e prd.Entity, f prd.Feature) (match, other string, ok bool) {
	by, found := e.Field(f.Field2)
	if f.Field2 == "" || !found {
		return "", "", false
	}
	switch by.Type {
	case prd.Boolean:
		if f.Value == "true" {
			return "true", "false", true
		}
		return "false", "true", true
	case prd.Enum:
		var rest []string
		for _, o := range by.Options {
			if !strings.EqualFold(o, f.Value) {
				rest = append(rest, o)
			}
		}
		if len(rest) == 0 {
			return f.Value, "", true
		}
		if f.Compare == "ne" {
			return rest[0], f.Value, true
		}
		return f.Value, rest[0], true
	}
	return "", "", false
}

func num(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), ".")
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

package browsercheck

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexusgen/nexusgen/internal/prd"
)

//go:embed crud.js
var crudJS string

// EntityResult is the outcome of the CRUD check of one entity.
type EntityResult struct {
	Entity string   `json:"entity"`
	OK     bool     `json:"ok"`
	Step   string   `json:"step,omitempty"` // where it failed
	Error  string   `json:"error,omitempty"`
	Values []string `json:"values,omitempty"` // what was checked in the list
}

// input is one value to put into the form.
type input struct {
	Label  string `json:"label"`
	Kind   string `json:"kind"` // text | select | check | set
	Value  string `json:"value"`
	Expect string `json:"expect,omitempty"` // text the list must show
}

// CheckCRUD runs the create-list-reload-delete check for every entity of p
// against the app at base (http://host:port). Entities that others refer
// to get one record first, so related selects have a choice.
func CheckCRUD(ctx context.Context, page *Page, base string, p *prd.PRD) []EntityResult {
	var out []EntityResult
	seeded := map[string]bool{}
	for _, e := range p.Entities {
		for _, r := range p.RelationsFrom(e.Name) {
			if seeded[r.To] {
				continue
			}
			parent, _ := p.Entity(r.To)
			res := addRecord(ctx, page, base, p, parent, rand.IntN(9000)+1000)
			if !res.OK {
				res.Step = "seed " + parent.Name + ": " + res.Step
				res.Entity = e.Name
				out = append(out, res)
				continue
			}
			seeded[r.To] = true
		}
		out = append(out, checkEntity(ctx, page, base, p, e))
	}
	return out
}

func checkEntity(ctx context.Context, page *Page, base string, p *prd.PRD, e prd.Entity) EntityResult {
	n := rand.IntN(9000) + 1000
	res := addRecord(ctx, page, base, p, e, n)
	if !res.OK {
		return res
	}
	marker := res.Values[0]
	fail := func(step string, err error) EntityResult {
		res.OK, res.Step, res.Error = false, step, err.Error()
		return res
	}
	if err := page.Run(ctx, chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("form"))); err != nil {
		return fail("reload", err)
	}
	if _, err := Eval[bool](ctx, page, crudJS+";true"); err != nil {
		return fail("inject", err)
	}
	if err := waitFor(ctx, page, fmt.Sprintf("__nx.itemShows(%s, %s)", js(marker), jsList(res.Values)), 10*time.Second); err != nil {
		return fail("after reload", fmt.Errorf("the record is gone or incomplete after a reload: %w", err))
	}
	if clicked, err := Eval[string](ctx, page, fmt.Sprintf("__nx.deleteItem(%s)", js(marker))); err != nil || clicked != "ok" {
		return fail("delete", fmt.Errorf("click Delete: %s %v", clicked, err))
	}
	if err := waitFor(ctx, page, fmt.Sprintf("__nx.confirmDelete(%s)", js(marker)), 5*time.Second); err != nil {
		return fail("delete", fmt.Errorf("the record is still listed after Delete: %w", err))
	}
	res.OK = true
	return res
}

// addRecord opens the entity's page, fills its form by the labels, clicks
// "Add …" and waits until the list shows the values.
func addRecord(ctx context.Context, page *Page, base string, p *prd.PRD, e prd.Entity, n int) EntityResult {
	return addRecordWith(ctx, page, base, p, e, n, nil)
}

// addRecordWith is addRecord with some fields set to given values (by field name).
func addRecordWith(ctx context.Context, page *Page, base string, p *prd.PRD, e prd.Entity, n int, set map[string]string) EntityResult {
	res := EntityResult{Entity: e.Name}
	fail := func(step string, err error) EntityResult {
		res.Step, res.Error = step, err.Error()
		return res
	}
	if err := page.Run(ctx, chromedp.Navigate(base+e.Route()), chromedp.WaitReady(chromedp.CSS("form"))); err != nil {
		return fail("open "+e.Route(), err)
	}
	if _, err := Eval[bool](ctx, page, crudJS+";true"); err != nil {
		return fail("inject", err)
	}
	if err := waitFor(ctx, page, "__nx.hydrated()", 10*time.Second); err != nil {
		return fail("hydrate", err)
	}
	inputs := inputsFor(p, e, n, base)
	for i, in := range inputs {
		for name, v := range set {
			if f, ok := e.Field(name); ok && f.Label() == in.Label {
				inputs[i].Value = v
				if inputs[i].Expect != "" && (in.Kind == "text" || in.Kind == "select") {
					inputs[i].Expect = v
				}
				if f.Type == prd.Number || f.Type == prd.Money || f.Type == prd.Rating {
					inputs[i].Expect = ""
				}
			}
		}
	}
	unique := uniqueFirst(inputs, n)
	for _, in := range inputs {
		status, err := Eval[string](ctx, page, fmt.Sprintf("__nx.fill(%s)", jsJSON(in)))
		if err != nil {
			return fail("fill "+in.Label, err)
		}
		if strings.HasPrefix(status, "type:") {
			// A text control: type into it like a person.
			sel := chromedp.CSS(fmt.Sprintf(`[id=%q]`, strings.TrimPrefix(status, "type:")))
			if err := page.Run(ctx, chromedp.SendKeys(sel, in.Value)); err != nil {
				return fail("type "+in.Label, err)
			}
			continue
		}
		if status != "ok" {
			return fail("fill "+in.Label, fmt.Errorf("%s", status))
		}
	}
	for _, in := range inputs {
		if in.Expect != "" {
			res.Values = append(res.Values, in.Expect)
		}
	}
	if len(res.Values) == 0 {
		return fail("plan", fmt.Errorf("entity %s has no field whose value the list could show", e.Name))
	}
	cond := fmt.Sprintf("__nx.itemShows(%s, %s)", js(res.Values[0]), jsList(res.Values))
	if !unique {
		// No field can carry n (a workout is a date, a type and numbers):
		// the new record is one more item showing these values.
		count := fmt.Sprintf("__nx.countShowing(%s, %s)", js(res.Values[0]), jsList(res.Values))
		before, err := Eval[int](ctx, page, count)
		if err != nil {
			return fail("count", err)
		}
		cond = fmt.Sprintf("%s === %d", count, before+1)
	}
	if clicked, err := Eval[string](ctx, page, "__nx.clickAdd()"); err != nil || clicked != "ok" {
		return fail("click Add", fmt.Errorf("%s %v", clicked, err))
	}
	if err := waitFor(ctx, page, cond, 5*time.Second); err != nil {
		why, _ := Eval[string](ctx, page, fmt.Sprintf("__nx.explain(%s, %s)", js(res.Values[0]), jsList(res.Values)))
		return fail("listed", fmt.Errorf("%s", why))
	}
	res.OK = true
	return res
}

// inputsFor chooses a value for every field of e, and the text the list
// should show for it. n makes the values unique per run.
func inputsFor(p *prd.PRD, e prd.Entity, n int, base string) []input {
	var out []input
	display := e.DisplayField()
	add := func(in input, first bool) {
		if first {
			out = append([]input{in}, out...)
		} else {
			out = append(out, in)
		}
	}
	for _, f := range e.Fields {
		label := f.Label()
		in := input{Label: label}
		switch f.Type {
		case prd.Text, prd.LongText:
			in.Kind, in.Value = "text", fmt.Sprintf("Sample %s %d", strings.ToLower(label), n)
			in.Expect = in.Value
		case prd.Email:
			in.Kind, in.Value = "text", fmt.Sprintf("user%d@example.com", n)
			in.Expect = in.Value
		case prd.URL:
			in.Kind, in.Value = "text", fmt.Sprintf("https://example.com/%d", n)
			in.Expect = in.Value
		case prd.ImageURL:
			in.Kind, in.Value = "text", base+"/icon.svg" // same origin: loads without network
		case prd.Phone:
			in.Kind, in.Value = "text", fmt.Sprintf("+1 555 %04d", n)
			in.Expect = in.Value
		case prd.Tags:
			in.Kind, in.Value = "text", fmt.Sprintf("tag%d, other", n)
			in.Expect = fmt.Sprintf("tag%d", n)
		case prd.Number, prd.Money, prd.Rating:
			v := numberIn(f)
			in.Kind, in.Value = "text", v
			in.Expect = v
			if f.Type == prd.Money {
				in.Expect = "" // currency formatting varies; the value is checked after reload through the edit form
			}
		case prd.Date:
			in.Kind, in.Value, in.Expect = "set", "2026-03-14", "2026"
		case prd.Time:
			in.Kind, in.Value, in.Expect = "set", "09:30", "9:30"
		case prd.Enum:
			in.Kind, in.Value, in.Expect = "select", f.Options[len(f.Options)-1], f.Options[len(f.Options)-1]
		case prd.Boolean:
			in.Kind, in.Value = "check", "true"
		}
		add(in, f.Name == display.Name && in.Expect != "")
	}
	for _, r := range p.RelationsFrom(e.Name) {
		to, _ := p.Entity(r.To)
		out = append(out, input{Label: to.Label(), Kind: "select", Value: ""})
	}
	uniqueFirst(out, n)
	return out
}

// uniqueFirst moves a value unique to this record (it contains n) to the
// front: the first expected value is how the record is found in the list.
// It reports whether there was one.
func uniqueFirst(inputs []input, n int) bool {
	for i, in := range inputs {
		if in.Expect != "" && strings.Contains(in.Expect, fmt.Sprint(n)) {
			inputs[0], inputs[i] = inputs[i], inputs[0]
			return true
		}
	}
	return false
}

func numberIn(f prd.Field) string {
	lo, hi := 1.0, 100.0
	if f.Min != nil {
		lo = *f.Min
	}
	if f.Max != nil {
		hi = *f.Max
	} else if f.Type == prd.Rating {
		hi = 5
	}
	v := lo + (hi-lo)/2
	if f.Type == prd.Rating || hi-lo >= 2 {
		v = float64(int(v))
	}
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

func waitFor(ctx context.Context, page *Page, cond string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := Eval[bool](ctx, page, "(() => { try { return !!("+cond+"); } catch (e) { return false; } })()")
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			if err != nil {
				return err
			}
			return fmt.Errorf("timed out after %s waiting for %s", timeout, cond)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func jsList(ss []string) string {
	b, _ := json.Marshal(ss)
	return string(b)
}

func jsJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

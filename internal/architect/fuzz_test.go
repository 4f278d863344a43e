package architect

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzPlan checks that any non-empty prompt gives a valid, schema-clean and
// deterministic PRD, and that planning never panics.
func FuzzPlan(f *testing.F) {
	for _, file := range []string{"testdata/prompts.jsonl", "testdata/unseen.jsonl"} {
		for _, ev := range readJSONL[evalPrompt](f, file) {
			f.Add(ev.Prompt, "")
		}
	}
	for _, s := range []string{
		"x", "(", "((((", ")", ":", "each", "each x has", "a with", "with with with", "X (", "X (a, b", "tasks with ,,,,",
		"每个", "各タスクには", "（）", "Aufgaben mit", "a, b, c: d, e", "#fff", "background", "top 0 donors", "top 1000 xs",
		"score 100-0", "rating from 5 to 1", "how often to", "price = ", "total = a * b", "\"\"", "'", "called \"\"",
		"Each 日本 has 名前 and 価格", "each a has b (c, c, c)", "items with a yes/no, b yes/no", "🙂 with 🙂",
		"A quiz maker: create quizzes with questions", strings.Repeat("tasks with title, ", 40),
		"rentals of a car with", "of a with", "pets belong to an and have", "and have a", "sign up for a with their",
		"whether", "whether or not", "warn when passes 800 km", "at least", "> = 5", "< 3", "x = a * b / 0",
		"price = daily rate × days", "Une note avec note", "avisar menor que", "über 1,000,000",
	} {
		f.Add(s, "#123456")
	}
	f.Fuzz(func(t *testing.T, prompt, colour string) {
		if strings.TrimSpace(prompt) == "" || len(prompt) > 20000 {
			return
		}
		params := Params{Prompt: prompt, Colours: []string{colour}, Documents: []string{prompt}}
		p, err := Offline{}.Plan(context.Background(), params)
		if err != nil {
			t.Fatalf("Plan(%q): %v", prompt, err)
		}
		if err := p.CheckSchema(); err != nil {
			t.Fatalf("Plan(%q) breaks the schema: %v", prompt, err)
		}
		again, _ := Offline{}.Plan(context.Background(), params)
		a, _ := json.Marshal(p)
		b, _ := json.Marshal(again)
		if !bytes.Equal(a, b) {
			t.Fatalf("Plan(%q) is not deterministic", prompt)
		}
	})
}

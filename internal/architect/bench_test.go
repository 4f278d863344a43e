package architect

import (
	"context"
	"strings"
	"testing"
)

func BenchmarkPlanLongPrompt(b *testing.B) {
	var sb strings.Builder
	for _, ev := range readJSONL[webgenCase](b, "testdata/webgen.jsonl") {
		if sb.Len() > 19000 {
			break
		}
		sb.WriteString(ev.Instruction + " ")
	}
	prompt := sb.String()[:19000]
	b.ResetTimer()
	for b.Loop() {
		if _, err := (Offline{}).Plan(context.Background(), Params{Prompt: prompt}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlanShortPrompt(b *testing.B) {
	prompt := readJSONL[evalPrompt](b, "testdata/prompts.jsonl")[1].Prompt
	for b.Loop() {
		if _, err := (Offline{}).Plan(context.Background(), Params{Prompt: prompt}); err != nil {
			b.Fatal(err)
		}
	}
}

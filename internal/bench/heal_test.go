package bench

import (
	"testing"

	"github.com/nexusgen/nexusgen/internal/faults"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/report"
)

func TestDiffLines(t *testing.T) {
	before := map[string][]byte{"a.ts": []byte("1\n2\n3\n"), "b.ts": []byte("x\n"), "gone.ts": []byte("g\n")}
	after := map[string][]byte{"a.ts": []byte("1\n2!\n3\n"), "b.ts": []byte("x\n"), "new.ts": []byte("n\nm\n")}
	n, touched := diffLines(before, after)
	if n != 5 || len(touched) != 3 || touched[0] != "a.ts" {
		t.Errorf("%d lines, touched %v; want 5 lines in a.ts, gone.ts, new.ts", n, touched)
	}
}

func TestSummariseHeal(t *testing.T) {
	run := &HealRun{
		Cold: []HealResult{
			{ID: "a", Status: report.Complete, Healed: true, Attempts: 1, HealMS: 100, BareBuildMS: 50, Ratio: 2, DiffLines: 2, RefDiffLines: 3},
			{ID: "b", Status: report.Complete, Healed: true, Attempts: 2, HealMS: 300, BareBuildMS: 100, Ratio: 3, DiffLines: 4, RefDiffLines: 5},
			{ID: "c", Status: report.Escalated, Attempts: 3},
		},
		Warm: []HealResult{
			{ID: "a", Healed: true, Attempts: 1, Sources: map[string]int{"cache": 1}, HealMS: 80},
			{ID: "b", Healed: true, Attempts: 2, Sources: map[string]int{"cache": 1, "rule": 1}, HealMS: 90},
		},
		Unfixable: []HealResult{{Status: report.Escalated, Attempts: 1}, {Status: report.Complete}},
	}
	s := summariseHeal(run, heal.Metrics{})
	if s.Cases != 3 || s.Healed != 2 || s.HealRate < 0.66 || s.HealRate > 0.67 {
		t.Errorf("rate %+v", s)
	}
	if s.MedianAttempts != 2 || s.MedianRatio != 2.5 || s.MedianHealMS != 100 || s.MedianDiff != 3 {
		t.Errorf("medians %+v", s)
	}
	if s.WarmAttempts != 3 || s.WarmFromCache != 2 || s.WarmHitRate < 0.66 || s.UnfixableEnded != 1 {
		t.Errorf("warm/unfixable %+v", s)
	}
}

func TestSelectFaults(t *testing.T) {
	cs := []faults.Case{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	if got := selectFaults(cs, []string{"c", "a"}, 0); len(got) != 2 || got[0].ID != "a" {
		t.Errorf("ids: %v", got)
	}
	if got := selectFaults(cs, nil, 2); len(got) != 2 {
		t.Errorf("limit: %v", got)
	}
}

package architect

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden PRDs in testdata/golden")

// TestGolden compares whole PRDs for a few prompts with files in
// testdata/golden, so any change to the plan shows up in review.
func TestGolden(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"tasks":    "A to-do app where I can add tasks with a title, a due date and a priority (low, medium, high), mark them done, and delete them.",
		"crm":      "A tiny CRM for a freelancer: contacts (name, email, phone, company) and deals (title, value, stage: lead, proposal, won, lost) linked to a contact.",
		"landing":  "A landing page for a SaaS product called Flowly that automates invoices: hero section, three feature cards, pricing with three tiers, FAQ and a newsletter signup form with email validation.",
		"stocks":   "Please implement a website for generating stock reports to provide stock information and analysis. The website should have the functionality to search and summarize stock information, and generate customized stock reports based on user requirements. Set the background color to white and the component color to navy.",
		"plants":   "app to keep my plants alive. each plant: nickname, species, how often to water (days), last watered. show which plants need water today",
		"german":   "Eine To-do-App: Aufgaben mit Titel, Fälligkeitsdatum und Priorität (niedrig, mittel, hoch). Man kann nach Priorität filtern. Grünes Farbschema.",
		"japanese": "タスク管理アプリ。各タスクにはタイトル、期限、優先度（低、中、高）、完了があります。",
	}
	for name, prompt := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := json.MarshalIndent(planFor(t, prompt), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("PRD for %q differs from %s; run with -update and review the diff", name, path)
			}
		})
	}
}

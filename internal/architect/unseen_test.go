package architect

import "testing"

// TestUnseenPrompts plans prompts written apart from the ones the
// architect was built against — terse notes, long paragraphs, bullet
// lists, British and American spelling, other languages — and checks the
// records, typed fields, relations and features each one asks for.
func TestUnseenPrompts(t *testing.T) {
	t.Parallel()
	for _, ev := range readJSONL[evalPrompt](t, "testdata/unseen.jsonl") {
		t.Run(ev.ID, func(t *testing.T) {
			t.Parallel()
			checkExpect(t, ev)
		})
	}
}

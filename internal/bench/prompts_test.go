package bench

import (
	"encoding/json"
	"testing"
)

func TestColoursOnlyWhenThePromptNamesThem(t *testing.T) {
	var named Case
	err := json.Unmarshal([]byte(`{"id":"1","instruction":"A blog. Use lavender as the background and indigo for components.",
		"ui_instruct":[{"task":"Verify that the website uses 'lavender' as the background color and 'indigo' as the component color."}]}`), &named)
	if err != nil {
		t.Fatal(err)
	}
	if bg, comp, ok := named.Colours(); !ok || bg != "lavender" || comp != "indigo" {
		t.Errorf("named colours: %q %q %v", bg, comp, ok)
	}
	unnamed := named
	unnamed.Instruction = "A technical website."
	if _, _, ok := unnamed.Colours(); ok {
		t.Error("colours the prompt never names are not checked")
	}
}

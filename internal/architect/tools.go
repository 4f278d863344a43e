package architect

import (
	"slices"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// toolCue is how a prompt asks for a tool that keeps no records.
type toolCue struct {
	tool, title, path, body string
	phrases                 []string
	// qualified words must follow a plain opener ("a calculator", not "a
	// BMI calculator", which computes something else).
	qualified []string
}

var toolCues = []toolCue{
	{tool: prd.Tool2048, title: "2048", path: "/2048", body: "Slide the tiles to merge equal numbers and reach 2048.", phrases: []string{"2048"}},
	{tool: prd.ToolTicTacToe, title: "Tic-tac-toe", path: "/tic-tac-toe", body: "Two players take turns on one device: three in a row wins.", phrases: []string{"tic tac toe", "tic-tac-toe", "tictactoe", "noughts and crosses"}},
	{tool: prd.ToolTimer, title: "Timer", path: "/timer", body: "Work in focused sessions with short breaks between them and a long break after every fourth.", phrases: []string{"pomodoro", "focus timer", "study timer", "work timer"}, qualified: []string{"timer"}},
	{tool: prd.ToolStopwatch, title: "Stopwatch", path: "/stopwatch", body: "Time anything to the hundredth of a second and keep your laps.", phrases: []string{"stopwatch", "stop watch", "lap timer"}},
	{tool: prd.ToolCalculator, title: "Calculator", path: "/calculator", body: "Add, subtract, multiply and divide, with brackets. Type on the keyboard or tap the keys.", phrases: []string{"scientific calculator", "basic calculator", "simple calculator"}, qualified: []string{"calculator"}},
	{tool: prd.ToolConverter, title: "Unit converter", path: "/converter", body: "Convert length, weight, volume and temperature as you type.", phrases: []string{"unit converter", "units converter", "convert units", "unit conversion", "measurement converter"}, qualified: []string{"converter"}},
}

// plainOpeners may stand before a qualified tool word.
var plainOpeners = set("a", "an", "the", "my", "simple", "basic", "small", "little", "online", "web", "pocket", "standard", "nice", "clean", "minimal", "modern", "beautiful", "build", "create", "make", "want", "need")

// readTools finds the tools the prompt asks for.
func (m *model) readTools() {
	low := " " + strings.ToLower(m.d.raw) + " "
	for _, c := range toolCues {
		found := false
		for _, p := range c.phrases {
			if containsPhrase(low, p) {
				found = true
			}
		}
		for _, q := range c.qualified {
			for i := strings.Index(low, " "+q); i >= 0 && !found; {
				before := strings.Fields(low[:i+1])
				found = len(before) == 0 || plainOpeners[before[len(before)-1]]
				next := strings.Index(low[i+1:], " "+q)
				if next < 0 {
					break
				}
				i += 1 + next
			}
		}
		if found {
			m.tools = append(m.tools, c)
		}
	}
	if len(m.tools) == 0 {
		return
	}
	for _, e := range m.entities {
		if e.explicit && !m.namesTool(e.name) {
			return // an app that keeps records, with a tool beside them
		}
	}
	m.archetype = "tool"
	m.entities = nil
	m.relations = nil
	names := make([]string, len(m.tools))
	for i, t := range m.tools {
		names[i] = strings.ToLower(t.title)
	}
	m.assume("The prompt asks for a tool (%s) rather than records to keep, so the app has no lists.", joinAnd(names))
}

// toolPages are the pages of the tools asked for.
func (m *model) toolPages() []prd.Page {
	var out []prd.Page
	for _, t := range m.tools {
		out = append(out, prd.Page{Kind: prd.PageTool, Title: t.title, Path: t.path, Tool: t.tool, Body: t.body, InNav: true})
	}
	return out
}

// namesTool reports whether an entity is only the tool under another name
// ("a stopwatch with laps" declares no stopwatch records).
func (m *model) namesTool(name string) bool {
	for _, t := range m.tools {
		if name == strings.ToLower(t.title) || name == t.tool || strings.HasSuffix(name, " "+t.tool) || slices.Contains(t.phrases, name) || slices.Contains(t.qualified, name) {
			return true
		}
	}
	return false
}

package architect

import "strings"

// quantityTails follow a unit that opens a field name and show it counts
// that unit: "kilometres run", "hours slept", "litres of water", "pages
// read", "minutes left".
var quantityTails = set("of", "run", "ran", "read", "slept", "swum", "drunk", "drank", "ridden",
	"driven", "flown", "spent", "done", "burnt", "lost", "gained", "left", "remaining", "today",
	"total", "logged", "worked", "per", "this", "so", "used", "eaten", "taken", "travelled",
	"traveled", "covered", "biked", "hiked", "cycled", "walked", "rowed", "paddled", "skied",
	"studied", "practised", "practiced", "played", "watched", "listened", "saved", "completed", "at")

// unitLead returns the unit a field counts when its name opens with one:
// "kilometres run" counts km, "hours slept" hours, "litres" litres. Single
// letters ("m", "l", "g") are too ambiguous to open a name.
func unitLead(ws []string) string {
	if len(ws) == 0 || len(ws) > 4 || len(ws[0]) < 2 {
		return ""
	}
	u, ok := unitWords[ws[0]]
	if !ok {
		return ""
	}
	if len(ws) == 1 {
		if ws[0] == "steps" || ws[0] == "%" || ws[0] == "percent" {
			return ""
		}
		return u
	}
	if next := ws[1]; quantityTails[next] || strings.HasSuffix(next, "ed") && len(next) > 3 {
		return u
	}
	return ""
}

// whetherNoise are the words between "whether" and the fact it asks
// about: "whether they're retired", "whether or not it has been paid".
var whetherNoise = set("or", "not", "it", "it's", "its", "they", "they're", "they've", "is", "are",
	"was", "were", "has", "have", "had", "been", "be", "being", "i", "i've", "i'm", "i'd", "we",
	"we've", "we're", "you", "you've", "you're", "he", "she", "he's", "she's", "the", "a", "an",
	"this", "that", "these", "those", "already", "still", "got", "gets", "get", "someone", "one",
	"there", "there's", "isn't", "aren't", "wasn't", "hasn't", "haven't", "i'll", "will", "should",
	"can", "would", "i'd", "we'd", "they'd", "you'd")

// whetherName turns the words after "whether" into a yes/no field name:
// "they're retired" -> "retired", "the invoice has been paid" -> "paid".
func whetherName(ws []string) string {
	last := -1
	for i, w := range ws {
		if w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "has" || w == "have" || strings.HasSuffix(w, "'re") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'ve") || strings.HasSuffix(w, "'m") || strings.HasSuffix(w, "'d") {
			last = i
		}
	}
	if last >= 0 && last+1 < len(ws) {
		ws = ws[last+1:]
	}
	for len(ws) > 1 && whetherNoise[ws[0]] {
		ws = ws[1:]
	}
	for len(ws) > 1 && (whetherNoise[ws[len(ws)-1]] || ws[len(ws)-1] == "yet" || ws[len(ws)-1] == "them") {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

// measured are records whose value is a measurement, not an amount of
// money: a sensor reading's value is a number.
var measured = set("reading", "measurement", "sample", "observation", "metric", "datapoint")

// isCurrencyCode reports whether a unit is a currency's ISO code.
func isCurrencyCode(u string) bool {
	for _, c := range currencyWords {
		if c == u {
			return true
		}
	}
	return false
}

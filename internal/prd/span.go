package prd

import "strings"

// SpanTerms are the words an Expression may use for the length of a
// record's date range ("price = daily rate * days"): the whole days from
// its start date to its end date, at least one when the end is not
// before the start.
var SpanTerms = []string{"number of nights", "number of days", "nights", "days"}

var (
	spanStarts = []string{"start", "from", "check in", "check-in", "checkin", "pickup", "pick up", "pick-up", "begin", "arrival", "move in", "borrowed"}
	spanEnds   = []string{"end", "until", "to", "check out", "check-out", "checkout", "return", "drop off", "drop-off", "dropoff", "finish", "due", "move out"}
)

// DateSpan finds the two date fields of a record that bound a range: a
// start-like and an end-like name ("start date", "end date"; "check-in",
// "check-out"), or else the only two dates in the order given. It returns
// their names.
func DateSpan(fields []Field) (start, end string, ok bool) {
	var dates []string
	for _, f := range fields {
		if f.Type == Date {
			dates = append(dates, f.Name)
		}
	}
	if len(dates) < 2 {
		return "", "", false
	}
	pick := func(words []string, not string) string {
		for _, d := range dates {
			ws := " " + strings.Join(Words(d), " ") + " "
			for _, w := range words {
				if d != not && strings.Contains(ws, " "+strings.Join(Words(w), " ")+" ") {
					return d
				}
			}
		}
		return ""
	}
	start = pick(spanStarts, "")
	end = pick(spanEnds, start)
	if start == "" || end == "" {
		if len(dates) != 2 {
			return "", "", false
		}
		start, end = dates[0], dates[1]
	}
	return start, end, true
}

// SpanTerm returns the day-count term text starts with, or "".
func SpanTerm(text string) string {
	text = strings.ToLower(text)
	for _, t := range SpanTerms {
		if strings.HasPrefix(text, t) && (len(text) == len(t) || !isWordByte(text[len(t)])) {
			return t
		}
	}
	return ""
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_'
}

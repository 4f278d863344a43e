package prd

import "testing"

func TestDateSpan(t *testing.T) {
	date := func(names ...string) []Field {
		var fs []Field
		for _, n := range names {
			fs = append(fs, Field{Name: n, Type: Date})
		}
		return fs
	}
	cases := []struct {
		fields     []Field
		start, end string
		ok         bool
	}{
		{date("start date", "end date"), "start date", "end date", true},
		{date("end date", "start date"), "start date", "end date", true},
		{date("check-in", "check-out"), "check-in", "check-out", true},
		{date("booked on", "pickup date", "return date"), "pickup date", "return date", true},
		{date("borrowed on", "due date"), "borrowed on", "due date", true},
		{date("arrival", "departure"), "arrival", "departure", true},
		{date("created", "deadline"), "created", "deadline", true},
		{date("created", "deadline", "shipped"), "", "", false},
		{date("date"), "", "", false},
		{append(date("start date"), Field{Name: "end date", Type: Text}), "", "", false},
	}
	for _, c := range cases {
		start, end, ok := DateSpan(c.fields)
		if start != c.start || end != c.end || ok != c.ok {
			t.Errorf("DateSpan(%v) = %q, %q, %v; want %q, %q, %v", c.fields, start, end, ok, c.start, c.end, c.ok)
		}
	}
}

func TestSpanTerm(t *testing.T) {
	for text, want := range map[string]string{
		"days":                 "days",
		"days * 2":             "days",
		"nights)":              "nights",
		"number of days + 1":   "number of days",
		"daysy":                "",
		"daily rate * days":    "",
		"Nights":               "nights",
		"":                     "",
		"number of nights":     "number of nights",
		"number of daysworked": "",
	} {
		if got := SpanTerm(text); got != want {
			t.Errorf("SpanTerm(%q) = %q, want %q", text, got, want)
		}
	}
}

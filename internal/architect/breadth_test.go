package architect

import (
	"slices"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// TestListsAndRecords covers field lists that end where other records
// begin, lists after dashes, records listed after the app's name, and
// foreign lists of records with their fields.
func TestListsAndRecords(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want, absent string }{
		{"Wedding planner: guests with RSVP status and meal choice, vendors with cost. Show the total budget.", "guest: rsvp status, meal choice; vendor: cost", "guest: cost"},
		{"Job application tracker — company, role, applied on, status (applied, interview, offer, rejected), salary.", "application: company, role, applied on, status, salary", "offer"},
		{"Gym membership management: members, plans (monthly price), and check-ins.", "member; plan: monthly price", ""},
		{"Student grade book: students, courses, and grades.", "student; course; grade", "book"},
		{"Team OKR tracker: objectives with owner and quarter, key results with target, current value and progress percentage.", "objective: owner, quarter; key result: target, progress percentage", "objective: target"},
		{"Track my subscriptions (Netflix, Spotify) with monthly cost and renewal date.", "subscription: name, monthly cost, renewal date", ""},
		{"Lost and found board for a school: items with description, where found, date and a photo; mark as claimed.", "item: description, where found, date, photo, claimed", ""},
		{"A library app with books (title, author, year) and loans (book, member, date).", "book: title, author, year; loan: member, date", ""},
		{"Ein Rezeptbuch mit Rezepten (Name, Zutaten, Zubereitungszeit) und Bewertungen.", "rezept: name, zutaten, zubereitungszeit", "rezeptbuch"},
		{"Una app de biblioteca con libros (título, autor, año) y préstamos (libro, socio, fecha).", "libro: título, autor, año; préstamo: socio, fecha", "biblioteca"},
		{"Volunteer sign-up for a beach cleanup: shifts have a date, time and spots available; people sign up for a shift with their name and email.", "shift: date, time, spots; sign-up: name, email", ""},
		{"Warehouse stock tracker: parts with part number, name, bin location, quantity and minimum quantity.", "part: part number, name, bin location, quantity, minimum quantity", "warehouse entry"},
		{"Vet appointment booking: owners book a visit choosing a pet type (dog, cat, bird), a date, a time and their phone number.", "visit: pet type, date, time, phone number", "vet entry; visit: type"},
		{"Apartment rentals: listings with title, neighborhood, monthly rent, bedrooms and pets allowed.", "listing: title, neighborhood, monthly rent, bedrooms, pets allowed", ""},
		{"Recipe box with categories (breakfast, lunch, dinner); recipes have a name, category, prep time and steps.", "recipe: name, category, prep time, steps", "recipe box"},
		{"Conference talk submissions: talks with title, speaker and abstract; reviewers can change the status (submitted, accepted, rejected).", "talk: title, speaker, abstract, status", ""},
		{"A grocery list app where I add items with a name, quantity and aisle (produce, dairy, bakery, frozen), check them off, and clear bought items.", "item: name, quantity, aisle, bought", ""},
		{"Personal wine cellar: wines with name, winery, vintage, color (red, white, rosé), bottles and rating out of 5.", "wine: name, winery, vintage, color, bottles, rating", "wine entry"},
		{"Garden planner: beds with name and size in square meters; plants in a bed with name, planted on date and days to harvest.", "bed: name, size; plant: name, planted on date, days to harvest", ""},
		{"Sleep tracker: log bedtime, wake time, hours slept and quality from 1 to 5.", "sleep entry: bedtime, wake time, hours slept, quality", "sleep entry: log bedtime"},
		{"Equipment checkout for a makerspace: tools with name, category and condition; members check out a tool with their name and return date.", "tool: name, category, condition; checkout: name, return date", ""},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			expectEntities(t, c.prompt, c.want)
			p := planFor(t, c.prompt)
			for _, part := range strings.Split(c.absent, ";") {
				name, field, hasField := strings.Cut(strings.TrimSpace(part), ":")
				if name == "" {
					continue
				}
				e, ok := p.Entity(name)
				switch {
				case !hasField && ok:
					t.Errorf("%q: unexpected entity %q", c.prompt, name)
				case hasField && ok:
					if _, has := e.Field(strings.TrimSpace(field)); has {
						t.Errorf("%q: %s has %q, which belongs elsewhere", c.prompt, name, strings.TrimSpace(field))
					}
				}
			}
		})
	}
}

// TestFieldComparisons covers highlights comparing two fields and the
// default low-stock rule.
func TestFieldComparisons(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, entity, field, compare, value string }{
		{"Inventory for a hardware store with low stock alerts when quantity falls below reorder level.", "item", "quantity", "lt", "reorder level"},
		{"Inventory app for my shop with low stock alerts.", "item", "quantity", "lt", "reorder level"},
		{"Budget app: categories with name, budget and spent. Highlight categories where spent is more than budget.", "category", "spent", "gt", "budget"},
		{"Products with name and stock. Show low stock items.", "product", "stock", "lt", "5"},
	}
	for _, c := range cases {
		p := planFor(t, c.prompt)
		fs := p.FeaturesOf(prd.FeatureHighlight, c.entity)
		if len(fs) != 1 || fs[0].Field != c.field || fs[0].Compare != c.compare || fs[0].Value != c.value {
			t.Errorf("%q: highlights %+v, want %s %s %s on %s", c.prompt, fs, c.field, c.compare, c.value, c.entity)
		}
	}
}

// TestDueIntervals covers "last done" dates with intervals in any unit.
func TestDueIntervals(t *testing.T) {
	t.Parallel()
	p := planFor(t, "Home maintenance tasks with frequency in months and last done date; show which are overdue.")
	due := p.FeaturesOf(prd.FeatureDue, "task")
	if len(due) != 1 || due[0].Field != "last done date" || due[0].Field2 != "frequency" || due[0].Label != "Overdue" {
		t.Fatalf("due features %+v", due)
	}
	if len(p.FeaturesOf(prd.FeatureHighlight, "task")) != 0 {
		t.Error("an overdue interval is not also a highlight on the date")
	}
	e, _ := p.Entity("task")
	if f, _ := e.Field("frequency"); f.Type != prd.Number || f.Unit != "months" {
		t.Errorf("frequency is %s in %q, want a number in months", f.Type, f.Unit)
	}
	if _, ok := e.Field("title"); !ok {
		t.Error("tasks without a listed title get one")
	}
}

// TestArchetypeOfTools checks that a business's own tool is an app, not
// its brochure site.
func TestArchetypeOfTools(t *testing.T) {
	t.Parallel()
	for prompt, want := range map[string]string{
		"A pet clinic app: pets with name and species, and visits of a pet with date and cost.": "app",
		"Help me manage my small bakery's orders.":                                              "app",
		"A website for our dental clinic with services and a contact form.":                     "brochure",
	} {
		if got := planFor(t, prompt).Archetype; got != want {
			t.Errorf("%q: archetype %s, want %s", prompt, got, want)
		}
	}
}

// TestLandingCopy checks that a landing page speaks about what it sells.
func TestLandingCopy(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, name, inCopy, notInCopy string }{
		{"A landing page for a coffee subscription startup with hero, features, three pricing tiers, FAQ, testimonials and a signup form.", "Coffee Subscription", "deliver", "projects"},
		{"Landing page for a tech conference with speakers, schedule, ticket pricing and FAQ.", "Tech Conference", "pass", "projects"},
		{"Landing page for my dental clinic with services, pricing and a contact form.", "Dental Clinic", "book", "projects"},
		{"A landing page for a SaaS product called Flowly that automates invoices, with pricing and FAQ.", "Flowly", "invoices", "deliver"},
	}
	for _, c := range cases {
		p := planFor(t, c.prompt)
		if p.AppName != c.name {
			t.Errorf("%q: named %q, want %q", c.prompt, p.AppName, c.name)
		}
		if p.Landing == nil {
			t.Errorf("%q: no landing copy", c.prompt)
			continue
		}
		var b strings.Builder
		b.WriteString(p.Landing.Headline + " " + p.Landing.Subheadline + " " + p.Landing.CallToAction)
		for _, f := range p.Landing.Features {
			b.WriteString(" " + f.Title + " " + f.Body)
		}
		for _, tier := range p.Landing.Pricing {
			b.WriteString(" " + tier.Name + " " + strings.Join(tier.Features, " "))
		}
		for _, qa := range p.Landing.FAQ {
			b.WriteString(" " + qa.Question + " " + qa.Answer)
		}
		text := strings.ToLower(b.String())
		if !strings.Contains(text, c.inCopy) || strings.Contains(text, c.notInCopy) {
			t.Errorf("%q: copy should mention %q and not %q:\n%s", c.prompt, c.inCopy, c.notInCopy, text)
		}
		if len(p.Entities) != 0 {
			t.Errorf("%q: landing sections became records: %v", c.prompt, entityNames(p))
		}
	}
}

// TestTypesFromPhrases covers field types read from idioms.
func TestTypesFromPhrases(t *testing.T) {
	t.Parallel()
	p := planFor(t, "Listings with title, pets allowed, prep time, spots available and rating. Recipes have a name, category and cooking time. Categories (breakfast, lunch, dinner).")
	want := map[string]prd.FieldType{"pets allowed": prd.Boolean, "prep time": prd.Number, "spots": prd.Number}
	e, _ := p.Entity("listing")
	for name, typ := range want {
		if f, ok := e.Field(name); !ok || f.Type != typ {
			t.Errorf("%s: %v %s, want %s", name, ok, f.Type, typ)
		}
	}
}

// TestRecordProgressAndPlay covers per-record progress and quiz play on
// an answer named otherwise.
func TestRecordProgressAndPlay(t *testing.T) {
	t.Parallel()
	p := planFor(t, "Savings goals: goals with name, target amount and saved so far; show progress as a percentage for each goal.")
	if c := p.FeaturesOf(prd.FeatureComputed, "goal"); len(c) != 1 || c[0].Expression != "saved so far / target amount * 100" {
		t.Errorf("progress %+v", c)
	}
	q := planFor(t, "A trivia game: create question sets; each question has three choices and one right answer. Players play a set and see how many they got right.")
	if f := q.FeaturesOf(prd.FeaturePlay, ""); len(f) != 1 || f[0].Field != "right answer" {
		t.Errorf("play %+v", f)
	}
	c := planFor(t, "Classroom attendance: students (name, grade level) and attendance records (date, present yes/no) per student.")
	if len(c.Relations) != 1 || c.Relations[0].From != "attendance record" || c.Relations[0].To != "student" {
		t.Errorf("relations %+v", c.Relations)
	}
}

// TestAnyLanguage reads prompts in languages without a lexicon from their
// own words.
func TestAnyLanguage(t *testing.T) {
	t.Parallel()
	for prompt, want := range map[string]string{
		"Приложение для учёта расходов: сумма, категория, дата.": "расходов: сумма, категория, дата",
		"나의 운동 기록 앱: 날짜, 운동 종류, 시간을 기록합니다.":                      "운동 기록: 날짜, 운동 종류, 시간",
	} {
		expectEntities(t, prompt, want)
		p := planFor(t, prompt)
		e := p.Entities[0]
		if f, _ := e.Field(e.Fields[len(e.Fields)-1].Name); f.Type != prd.Date && f.Type != prd.Time {
			t.Errorf("%q: the last field is %s, want a date or time", prompt, f.Type)
		}
	}
}

// TestTools covers prompts for tools that keep no records.
func TestTools(t *testing.T) {
	t.Parallel()
	for prompt, want := range map[string]string{
		"A pomodoro timer":                             prd.ToolTimer,
		"A calculator app":                             prd.ToolCalculator,
		"Tic tac toe game":                             prd.ToolTicTacToe,
		"Please implement a 2048 game website.":        prd.Tool2048,
		"A unit converter":                             prd.ToolConverter,
		"A simple stopwatch with laps":                 prd.ToolStopwatch,
		"BMI calculator: enter weight and height":      "",
		"A currency converter with live rates":         "",
		"Time tracker: entries with project and hours": "",
	} {
		p := planFor(t, prompt)
		var tools []string
		for _, pg := range p.Pages {
			if pg.Kind == prd.PageTool {
				tools = append(tools, pg.Tool)
			}
		}
		switch {
		case want == "" && len(tools) > 0:
			t.Errorf("%q: tools %v, want none", prompt, tools)
		case want != "" && (len(tools) != 1 || tools[0] != want || len(p.Entities) != 0 || p.Landing != nil):
			t.Errorf("%q: tools %v with %d entities, want only %s", prompt, tools, len(p.Entities), want)
		}
	}
	p := planFor(t, "A to-do app with tasks (title, due date) and a pomodoro timer")
	if _, ok := p.Entity("task"); !ok || !slices.ContainsFunc(p.Pages, func(pg prd.Page) bool { return pg.Tool == prd.ToolTimer }) {
		t.Errorf("records and a tool: %v %v", entityNames(p), p.Pages)
	}
}

// TestCountsAndForeignUnits covers "the X count per Y" and units written
// in the prompt's language.
func TestCountsAndForeignUnits(t *testing.T) {
	t.Parallel()
	p := planFor(t, "A book club app: members (name, email), books (title, author) and votes where members vote for next month's book. Show the vote count per book.")
	if f := p.FeaturesOf(prd.FeatureAggregate, "vote"); len(f) != 1 || f[0].Op != "count" || f[0].Via != "book" {
		t.Errorf("vote count per book: %+v", p.Features)
	}
	s := planFor(t, "Suivi des entraînements de natation : séances avec date, distance en mètres, durée et style (crawl, brasse, dos).")
	e, _ := s.Entity(s.Entities[0].Name)
	if f, ok := e.Field("distance"); !ok || f.Type != prd.Number || f.Unit != "m" {
		t.Errorf("distance en mètres: %+v", e.Fields)
	}
}

// TestFilteredAggregates covers totals and counts narrowed by a state.
func TestFilteredAggregates(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, field, compare, value, label string }{
		{"Invoices with number, amount and status (draft, sent, paid). Show the total unpaid.", "status", "ne", "paid", "Total amount (unpaid)"},
		{"Invoices with number, amount and status (draft, sent, paid). Show the number of paid invoices.", "status", "eq", "paid", "Paid invoices"},
		{"Tasks with title, done and hours. Show the total hours of completed tasks.", "done", "eq", "true", "Total hours (completed)"},
		{"Invoices with number, amount and status (draft, sent, paid). Show the total amount.", "", "", "", "Total amount"},
	}
	for _, c := range cases {
		p := planFor(t, c.prompt)
		fs := p.FeaturesOf(prd.FeatureAggregate, "")
		if len(fs) != 1 || fs[0].Field2 != c.field || fs[0].Compare != c.compare || fs[0].Value != c.value || fs[0].Label != c.label {
			t.Errorf("%q: %+v", c.prompt, fs)
		}
	}
}

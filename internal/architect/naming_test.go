package architect

import (
	"strings"
	"testing"
)

func TestAppName(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want string }{
		{"A landing page for a SaaS product called Flowly that automates invoices.", "Flowly"},
		{"Portfolio website for a photographer named Lena Ortiz with a gallery of projects.", "Lena Ortiz"},
		{"Restaurant website for 'Casa Verde' with a menu of dishes.", "Casa Verde"},
		{`Please implement a website called "World of Imagination" to share ideas.`, "World of Imagination"},
		{"Please implement a website for The All-In Bourbon Bar to showcase its products.", "The All-In Bourbon Bar"},
		{"A website for the Global Institute of Information Security to display courses.", "Global Institute of Information Security"},
		{"Habit tracker: create habits with a name.", "Habit Tracker"},
		{"Library catalog: books with title and author.", "Library Catalog"},
		{"A to-do app where I can add tasks.", "To-Do List"},
		{"Build a recipe sharing site. Each recipe has a name.", "Recipe Box"},
		{"Personal expense tracker: log expenses with amount.", "Expense Tracker"},
		{"A tiny CRM for a freelancer: contacts (name, email).", "Freelancer CRM"},
		{"app to keep my plants alive. each plant: nickname, species.", "Plant Care"},
		{"Please implement a website for generating stock reports.", "Stock Reports"},
		{"Please implement a wheel of fortune website where users spin the wheel.", "Wheel of Fortune"},
		{"Please implement a chess web application where users can play chess online. Users can create new games and join existing games.", "Chess Games"},
		{"Please implement a 2048 game website.", "2048 Game"},
		{"Please implement a Q&A website that answers questions.", "Q&A"},
		{"A simple blog: posts with title and body.", "Blog"},
		{"A kanban board with three columns.", "Kanban Board"},
		{"Please implement a minimalistic bus and railway ticket booking platform.", "Bus and Railway Ticket Booking"},
	}
	for _, c := range cases {
		if got := planFor(t, c.prompt).AppName; got != c.want {
			t.Errorf("%q: name %q, want %q", c.prompt, got, c.want)
		}
	}
}

func TestSummaryAndAudience(t *testing.T) {
	t.Parallel()
	p := planFor(t, "Please implement a website for generating stock reports to provide stock information and analysis.")
	if !strings.Contains(p.Summary, "reports") || strings.Contains(strings.ToLower(p.Summary), "please") || strings.Contains(p.Summary, " I ") {
		t.Errorf("summary %q should pitch the app in the product's voice", p.Summary)
	}
	if p := planFor(t, "A tiny CRM for a freelancer: contacts (name, email)."); p.Audience != "A freelancer" {
		t.Errorf("audience %q", p.Audience)
	}
	if p := planFor(t, "A shop where customers browse products and staff manage orders."); !strings.Contains(p.Audience, "Customers") || !strings.Contains(p.Audience, "staff") {
		t.Errorf("audience %q", p.Audience)
	}
}

func TestLanding(t *testing.T) {
	t.Parallel()
	p := planFor(t, "A landing page for a SaaS product called Flowly that automates invoices: hero section, three feature cards, pricing with three tiers, FAQ and a newsletter signup form with email validation.")
	l := p.Landing
	if l == nil {
		t.Fatal("no landing content")
	}
	if !strings.Contains(l.Headline, "invoices") || !strings.Contains(l.Subheadline, "Flowly automates invoices") {
		t.Errorf("copy does not say what Flowly does: %q / %q", l.Headline, l.Subheadline)
	}
	if len(l.Features) != 3 || len(l.Pricing) != 3 || len(l.FAQ) == 0 || !l.Signup {
		t.Errorf("landing %+v", l)
	}
	for _, c := range l.Features {
		if strings.Contains(strings.ToLower(c.Body), "lorem") {
			t.Errorf("placeholder copy %q", c.Body)
		}
	}
	if len(p.Entities) != 0 {
		t.Errorf("landing page has entities %v", entityNames(p))
	}
}

func TestShowcaseSamples(t *testing.T) {
	t.Parallel()
	p := planFor(t, "Portfolio website for a photographer named Lena Ortiz with a gallery of projects (title, year, description, cover image URL), an about page and a contact form.")
	e, _ := p.Entity("project")
	if len(e.Samples) < 3 {
		t.Fatalf("portfolio has %d sample projects", len(e.Samples))
	}
	for _, s := range e.Samples {
		if _, ok := s["title"].(string); !ok {
			t.Errorf("sample %v has no title", s)
		}
	}
	if p := planFor(t, "A to-do app with tasks."); len(p.Entities[0].Samples) != 0 {
		t.Error("a private tracker should start empty")
	}
}

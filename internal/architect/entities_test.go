package architect

import (
	"strings"
	"testing"
)

// expectEntities checks "entity: field, field; other: field" against a plan:
// every entity exists and has fields labelled with at least those names.
func expectEntities(t *testing.T, prompt, spec string) {
	t.Helper()
	p := planFor(t, prompt)
	for _, part := range strings.Split(spec, ";") {
		name, fields, _ := strings.Cut(part, ":")
		name = strings.TrimSpace(name)
		e, ok := p.Entity(name)
		if !ok {
			t.Errorf("%q: no entity %q; have %v", prompt, name, entityNames(p))
			continue
		}
		for _, f := range strings.Split(fields, ",") {
			if f = strings.TrimSpace(f); f != "" && !hasFieldLabelled(p, e, f) {
				t.Errorf("%q: %s has no field %q; have %v", prompt, name, f, fieldNames(e))
			}
		}
	}
}

func TestEntityPatterns(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want string }{
		// each X has a, b and c
		{"Each movie has a title, a director, a release year and my rating out of 10.", "movie: title, director, release year, rating"},
		{"An app for my vinyl collection. Every record has an artist, album title, year and condition.", "record: artist, album title, year, condition"},
		{"Each pet should have a name, species, breed and birthday.", "pet: name, species, breed, birthday"},
		{"Each employee has: name, department, start date and salary.", "employee: name, department, start date, salary"},
		// X with a, b, c
		{"Build a tool to log meals with name, calories and meal type (breakfast, lunch, dinner).", "meal: name, calories, meal type"},
		{"I want to keep track of my runs with date, distance in km and time in minutes.", "run: date, distance, time"},
		{"A simple app to save bookmarks with a URL, a title and tags.", "bookmark: url, title, tags"},
		{"Create a contact list app with contacts with name, phone number and birthday.", "contact: name, phone number, birthday"},
		{"Manage vehicles with make, model, year, license plate and mileage.", "vehicle: make, model, year, license plate, mileage"},
		{"An app to add songs with title, artist, album and duration in seconds.", "song: title, artist, album, duration"},
		// track X: a, b, c
		{"Track invoices: client, amount, due date, paid.", "invoice: client, amount, due date, paid"},
		{"Log workouts: exercise, sets, reps, weight.", "workout: exercise, sets, reps, weight"},
		{"Record trips: destination, start date, end date, budget.", "trip: destination, start date, end date, budget"},
		// X (a, b, c)
		{"A CRM with companies (name, industry, website) and contacts (name, email, phone) linked to a company.", "company: name, industry, website; contact: name, email, phone, company"},
		{"Classroom app: courses (title, teacher, room) and assignments (title, due date, points) per course.", "course: title, teacher, room; assignment: title, due date, points, course"},
		{"A library: authors (name, country) and books (title, genre, pages).", "author: name, country; book: title, genre, pages"},
		{"Bug tracker with bugs (title, severity, status: open, fixed, closed, assignee).", "bug: title, severity, status, assignee"},
		// X have a, b
		{"Recipes have a name, a cuisine, prep time in minutes and a difficulty.", "recipe: name, cuisine, prep time, difficulty"},
		{"Products have a name, a price, a stock count and a photo.", "product: name, price, stock count, photo"},
		{"Shifts have a date, start time, end time and a capacity.", "shift: date, start time, end time, capacity"},
		// passive and other verbs
		{"Customers can be added with name, email and loyalty points.", "customer: name, email, loyalty points"},
		{"Volunteers are registered with name, phone and availability.", "volunteer: name, phone, available"},
		{"Let users create polls with a question and a closing date.", "poll: question, closing date"},
		{"Users post listings with title, price, condition and photos.", "listing: title, price, condition, photos"},
		{"Patients book appointments choosing a doctor, a date and a time slot.", "appointment: doctor, date, time slot"},
		// people can <verb> to an X
		{"Events have a title, date and venue. Guests can RSVP to an event with their name and email.", "event: title, date, venue; rsvp: name, email, event"},
		{"A course site: courses have a title and price; students can enroll in a course with their name.", "course: title, price; enrollment: name, course"},
		{"Job posts have a title and salary. Candidates can apply for a job with their name, email and resume link.", "application: name, email, resume"},
		// relations
		{"Teams (name, city) and players (name, position, number) belonging to a team.", "team: name, city; player: name, position, number, team"},
		{"Projects have a name and deadline. Tasks (title, done) linked to a project.", "project: name, deadline; task: title, done, project"},
		{"Blog with posts (title, body) and comments (author, text) per post.", "post: title, body; comment: author, text, post"},
		// priors fill what is not listed
		{"A to-do app.", "task: title, due date, done"},
		{"A simple habit tracker.", "habit: name"},
		{"A recipe app where I can search recipes.", "recipe: name, ingredients"},
		{"I need an expense tracker.", "expense: amount, date, category"},
		{"A reading list app.", "book: title, author"},
		{"Make a blog.", "post: title, body"},
		{"A CRM for a small agency.", "contact: name, email; deal: title, value"},
		{"Kanban board for my team.", "card: title, status"},
		{"An online store for handmade candles.", "product: name, price"},
		{"A quiz app about world capitals.", "question: question text, correct answer"},
		// plural and casing normalisation
		{"Track Properties with Address, City and Price.", "property: address, city, price"},
		{"Quizzes with a Title and a Topic.", "quiz: title, topic"},
		{"Dishes with name, price and spicy yes/no.", "dish: name, price, spicy"},
		{"Addresses with street, city and postal code.", "address: street, city, postal code"},
		{"Classes with a name, a teacher and a room number.", "class: name, teacher, room number"},
		// prose descriptions
		{"Please implement a website for a yoga studio where visitors can browse classes and book a class. Admins manage instructors.", "class: name; instructor: name"},
		{"Please implement a platform for managing rental properties and tenants, with rent payments and maintenance requests.", "property: address; tenant: name"},
		{"Build a web app where users can browse restaurants, read reviews and leave their own reviews with a rating.", "restaurant: name; review: rating"},
		{"Develop a podcast website to browse episodes, search episodes and subscribe to the newsletter.", "episode: title"},
		{"A website for a dental clinic with services, an about page and a contact form.", "service: name, price"},
		{"An inventory system to manage suppliers, products and purchase orders.", "supplier: name; product: name, price"},
		{"Please implement a library management system for managing books, members and loans.", "book: title, author; member: name, email"},
		{"A fitness app for tracking workouts and meals.", "workout: date; meal: name, calories"},
		{"A volunteer platform to manage volunteers and events.", "volunteer: name, email; event: title, date"},
		{"A marketplace where sellers list products and buyers place orders.", "product: name, price; order: date, total"},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			expectEntities(t, c.prompt, c.want)
		})
	}
}

package architect

import (
	"slices"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// ownership is one expectation about records that belong to others: the
// entities with their fields, the required links "from->to", and fields
// the owner must not have ("car: days" — the rental's days stay on rentals).
type ownership struct {
	prompt, entities, links, absent string
}

func checkOwnership(t *testing.T, c ownership) {
	t.Helper()
	expectEntities(t, c.prompt, c.entities)
	p := planFor(t, c.prompt)
	for _, link := range strings.Fields(c.links) {
		from, to, _ := strings.Cut(strings.ReplaceAll(link, "_", " "), "->")
		i := slices.IndexFunc(p.Relations, func(r prd.Relation) bool { return r.From == from && r.To == to })
		if i < 0 {
			t.Errorf("%q: no relation %s; have %v", c.prompt, link, p.Relations)
		} else if !p.Relations[i].Required {
			t.Errorf("%q: relation %s is optional, want required", c.prompt, link)
		}
	}
	for _, part := range strings.Split(c.absent, ";") {
		name, fields, ok := strings.Cut(part, ":")
		if !ok {
			continue
		}
		e, _ := p.Entity(strings.TrimSpace(name))
		for _, f := range strings.Split(fields, ",") {
			if _, has := e.Field(strings.TrimSpace(f)); has {
				t.Errorf("%q: %s has %q, which belongs to another record", c.prompt, e.Name, strings.TrimSpace(f))
			}
		}
	}
}

// TestOwnedRecords covers "X of a Y with a, b", "X for a Y with …" and
// their variants: the fields are X's, and X belongs to Y.
func TestOwnedRecords(t *testing.T) {
	t.Parallel()
	cases := []ownership{
		{"Car rental: cars with model, daily rate and seats; rentals of a car with days and customer name.", "car: model, daily rate, seats; rental: days, customer name", "rental->car", "car: days, customer name"},
		{"Pets have a name and species. Track visits of a pet with date, reason and cost.", "pet: name, species; visit: date, reason, cost", "visit->pet", "pet: reason, cost"},
		{"Clients have a name and email. Invoices for a client with amount, due date and paid.", "client: name, email; invoice: amount, due date, paid", "invoice->client", "client: amount, paid"},
		{"Courses have a title and level. Lessons for a course with title, duration in minutes and video link.", "course: title, level; lesson: title, duration, video", "lesson->course", "course: duration"},
		{"Sensors have a name and location; readings of a sensor with value, unit and time.", "sensor: name, location; reading: value, unit, time", "reading->sensor", "sensor: value"},
		{"Bikes with name and brand. Track repairs of a bike: date, part, cost.", "bike: name, brand; repair: date, part, cost", "repair->bike", "bike: part"},
		{"Podcasts with title and host. Episodes of a podcast (title, date, length in minutes).", "podcast: title, host; episode: title, date, length", "episode->podcast", "podcast: length"},
		{"Pets have a name and species. Each visit of a pet has a date, reason and cost.", "pet: name, species; visit: date, reason, cost", "visit->pet", "pet: reason"},
		{"Track expenses for each trip with amount and category. Trips have a destination.", "expense: amount, category; trip: destination", "expense->trip", "trip: amount, category"},
		{"Add photos to an album with a caption and date. Albums have a title.", "photo: caption, date; album: title", "photo->album", "album: caption"},
		{"Songs in a playlist with title, artist and duration in seconds. Playlists have a name.", "song: title, artist, duration; playlist: name", "song->playlist", "playlist: artist"},
		{"Comments on a post with author and text; posts have a title and body.", "comment: author, text; post: title, body", "comment->post", "post: author"},
		{"Readings from a sensor with value and time. Sensors have a name.", "reading: value, time; sensor: name", "reading->sensor", "sensor: value, time"},
		{"Clients have a name. Walks are booked for a dog with a date and price. Dogs have a name and breed.", "walk: date, price; dog: name, breed", "walk->dog", "dog: price"},
		{"Rooms with number, type and nightly rate; stays of a room with guest name, check-in date and nights.", "room: number, nightly rate; stay: guest name, nights", "stay->room", "room: guest name, nights"},
		{"Users can leave reviews on a product with a rating and comment. Products have a name and price.", "review: rating, comment; product: name, price", "review->product", "product: rating, comment"},
		{"Set reminders for a task with a date and time. Tasks have a title.", "reminder: date, time; task: title", "reminder->task", "task: time"},
		{"A to-do app with tasks for each project: title, due date, done. Projects have a name.", "task: title, due date, done; project: name", "task->project", "project: due date"},
		{"A pet clinic app: pets with name, species and birth date, and visits of a pet with date, reason and cost.", "pet: name, species, birth date; visit: date, reason, cost", "visit->pet", "pet: reason, cost"},
		{"An online course platform where courses have a title, description and level, and lessons inside a course have a title, duration in minutes and video URL.", "course: title, description, level; lesson: title, duration, video", "lesson->course", "course: duration"},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			checkOwnership(t, c)
		})
	}
}

// TestContainersKeepFields checks that "a list of X with …" and its kin
// name a collection: the fields are X's and no owner is invented.
func TestContainersKeepFields(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want string }{
		{"A list of books with title and author.", "book"},
		{"A menu of dishes with name, price and category.", "dish"},
		{"A gallery of photos with title and year.", "photo"},
		{"A collection of recipes for a family with name and servings.", "recipe"},
		{"Tasks for the week with title and due date.", "task"},
	}
	for _, c := range cases {
		p := planFor(t, c.prompt)
		if names := entityNames(p); len(names) != 1 || names[0] != c.want || len(p.Relations) != 0 {
			t.Errorf("%q: entities %v relations %v, want only %s", c.prompt, names, p.Relations, c.want)
		}
	}
}

// TestBelongsTo covers "Ys belong to an X and have …" and "each Y belongs
// to an X": Y keeps its fields and requires an X.
func TestBelongsTo(t *testing.T) {
	t.Parallel()
	cases := []ownership{
		{"Build me a pet clinic app. Owners have a name and phone. Pets belong to an owner and have a name, species (dog, cat, bird) and birth date. Track visits of a pet with date, reason and cost.", "owner: name, phone; pet: name, species, birth date; visit: date, reason, cost", "pet->owner visit->pet", "pet: reason, cost; owner: species"},
		{"Projects have a name and deadline. Each task belongs to a project and has a title, due date and priority.", "project: name, deadline; task: title, due date, priority", "task->project", "project: priority"},
		{"Teams have a name and city. Players belong to a team and have a name, position and number.", "team: name, city; player: name, position, number", "player->team", "team: position"},
		{"Each book belongs to an author. Books have a title and year. Authors have a name and country.", "book: title, year; author: name, country", "book->author", "author: year"},
		{"Hotels have a name and city. Rooms belong to a hotel and have a number, type and price per night.", "hotel: name, city; room: number, type, price per night", "room->hotel", "hotel: type"},
		{"Recipes have a name and servings; each ingredient belongs to a recipe and has a name, quantity and unit.", "recipe: name, servings; ingredient: name, quantity, unit", "ingredient->recipe", "recipe: quantity, unit"},
		{"Rentals have days and a customer name. A rental belongs to a car. Cars have a model and daily rate.", "rental: days, customer name; car: model, daily rate", "rental->car", "car: days"},
		{"Bookings: each booking is for a room and has a check-in date and nights. Rooms have a number.", "booking: check in date, nights; room: number", "booking->room", "room: nights"},
		{"A car has many rentals. A rental has a start date, end date and customer.", "rental: start date, end date, customer; car: make", "rental->car", "car: start date"},
		{"Every car can have many services, each with a date and cost.", "service: date, cost", "service->car", "car: cost, services"},
		{"Attendees register for talks with name and company. Talks have a title, speaker and room.", "talk: title, speaker, room; registration: name, company", "registration->talk", "talk: company"},
		{"Des clients avec nom et email. Des factures pour un client avec montant et date.", "client: nom, email; facture: montant, date", "facture->client", "client: montant"},
		{"Clientes con nombre y teléfono. Pedidos de un cliente con fecha y monto.", "cliente: nombre, teléfono; pedido: fecha, monto", "pedido->cliente", "cliente: monto"},
		{"Autoren mit Name und Land. Bücher von einem Autor mit Titel und Jahr.", "autor: name, land; buch: titel, jahr", "buch->autor", "autor: jahr"},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			checkOwnership(t, c)
		})
	}
}

// TestSignUps covers people signing up, registering, RSVPing, booking,
// enrolling or voting for a record with their details: the details make a
// record of their own that belongs to the target, which keeps its fields.
func TestSignUps(t *testing.T) {
	t.Parallel()
	cases := []ownership{
		{"A volunteer scheduler: shifts have a date, start time, role and capacity. Volunteers sign up for a shift with their name and email. A full shift can't take more sign-ups.", "shift: date, start time, role, capacity; sign-up: name, email", "sign-up->shift", "shift: name, email; sign-up: phone"},
		{"Workshops have a title, date and seats. Parents register for a workshop with their name, phone and number of kids.", "workshop: title, date, seats; registration: name, phone, number of kids", "registration->workshop", "workshop: name, phone"},
		{"Parties have a name, date and capacity. Guests RSVP to a party with their name and number of guests.", "party: name, date, capacity; rsvp: name, number of guests", "rsvp->party", "party: number of guests"},
		{"Classes have a name, teacher and capacity. Students enrol in a class with their name and email.", "class: name, teacher, capacity; enrollment: name, email", "enrollment->class", "class: email"},
		{"Races have a name, date and distance. Runners register for a race with name, age and t-shirt size (S, M, L).", "race: name, date, distance; registration: name, age, shirt size", "registration->race", "race: age"},
		{"Rooms have a number, type and price per night. Guests book a room with their name, check-in date and nights.", "room: number, type, price per night; booking: name, check in date, nights", "booking->room", "room: nights"},
		{"A movie night planner: movies with title and year; people vote for a movie with their name.", "movie: title, year; vote: name", "vote->movie", "movie: name"},
		{"Volunteers sign up for a shift with their name and email. Shifts have a date and a capacity.", "sign-up: name, email; shift: date, capacity", "sign-up->shift", "shift: email"},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			checkOwnership(t, c)
		})
	}
}

// TestCapacityNeedsPlaces checks that a count of places limits sign-ups of
// people, not every record linked to it: a car's seats do not cap rentals.
func TestCapacityNeedsPlaces(t *testing.T) {
	t.Parallel()
	cases := []struct {
		prompt, want string
	}{
		{"A volunteer scheduler: shifts have a date, start time, role and capacity. Volunteers sign up for a shift with their name and email. A full shift can't take more sign-ups.", "capacity shift field=capacity via=sign-up"},
		{"Carpool: rides have a date, destination and seats. Parents sign up for a ride with their name. A ride is full once all seats are taken.", "capacity ride field=seats via=sign-up"},
		{"Events (title, capacity); people can RSVP to an event with their name.", "capacity event field=capacity via=rsvp"},
		{"Car rental: cars with model, daily rate and seats; rentals of a car with days and customer name.", ""},
		{"Hotels have rooms with a number and capacity; guests book a room with their name and nights.", ""},
	}
	for _, c := range cases {
		p := planFor(t, c.prompt)
		var got []string
		for _, f := range p.FeaturesOf(prd.FeatureCapacity, "") {
			got = append(got, featureString(f))
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%q: capacity %q, want %q", c.prompt, got, c.want)
		}
	}
}

// TestWhetherAndUnits types "whether …" as yes/no fields named for the
// fact, and quantities named with their unit as numbers in that unit.
func TestWhetherAndUnits(t *testing.T) {
	t.Parallel()
	cases := []struct{ phrase, want string }{
		{"whether they're retired", "retired:boolean"},
		{"whether it's been paid", "paid:boolean"},
		{"whether or not it is signed", "signed:boolean"},
		{"whether I've read it", "read:boolean"},
		{"whether the invoice was sent", "sent:boolean"},
		{"whether it is vegetarian", "vegetarian:boolean"},
		{"whether I napped", "napped:boolean"},
		{"whether I'd recommend it", "recommend:boolean"},
		{"paid or not", "paid:boolean"},
		{"kilometres run", "kilometres run:number[km]{0..}"},
		{"km run", "km run:number[km]{0..}"},
		{"miles driven", "miles driven:number[miles]{0..}"},
		{"hours slept", "hours slept:number[hours]{0..}"},
		{"litres of water", "litres of water:number[l]{0..}"},
		{"pages read", "pages read:number[pages]{0..}"},
		{"minutes of exercise", "minutes of exercise:number[minutes]{0..}"},
		{"kilometres", "kilometres:number[km]{0..}"},
		{"litres", "litres:number[l]{0..}"},
		{"km at service", "km at service:number[km]{0..}"},
		{"weight in kg", "weight:number[kg]"},
		{"dose in mg", "dose:number[mg]"},
		{"steps walked", "steps walked:number[steps]{0..}"},
		{"salary offered", "salary offered:money[USD]"},
		{"amount paid", "amount paid:money[USD]"},
		{"price per candle", "price per candle:money[USD]"},
		{"number of candles sold", "number of candles sold:number{0..}"},
		{"how many books", "books:number{0..}"},
		{"time spent", "time spent:number[minutes]"},
		{"kid's name", "kid name:text"},
		{"dates", "dates:date"},
	}
	for _, c := range cases {
		got := typedList(c.phrase)
		if len(got) != 1 || describeField(got[0]) != c.want {
			var ds []string
			for _, f := range got {
				ds = append(ds, describeField(f))
			}
			t.Errorf("%q -> %v, want %s", c.phrase, ds, c.want)
		}
	}
}

// TestHighlights covers warnings in their many phrasings: the field is
// the one compared (by its words, its unit or the words before the
// comparison), the comparison and value are the prompt's.
func TestHighlights(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want, label string }{
		{"Track my running shoes: brand, model, purchase date, kilometres run and whether they're retired. Warn when a pair passes 800 km.", "highlight running shoe field=kilometres run cmp=gt value=800", "Over 800 km"},
		{"Sleep log: date, hours slept, whether I napped. Alert me if I sleep under 6 hours.", "highlight sleep entry field=hours slept cmp=lt value=6", "Under 6 hours"},
		{"Water tracker: date and litres of water. Highlight days with more than 2 litres.", "highlight water entry field=litres of water cmp=gt value=2", "Over 2 litres"},
		{"Weight log with date and weight in kg. Warn me when weight goes over 90 kg.", "highlight weight entry field=weight cmp=gt value=90", "Over 90 kg"},
		{"Car log: trips with date, miles driven and fuel cost. Flag trips over 300 miles.", "highlight trip field=miles driven cmp=gt value=300", "Over 300 miles"},
		{"Plants with name, moisture (%) and last watered. Mark plants red when moisture is below 20%.", "highlight plant field=moisture cmp=lt value=20", "Under 20%"},
		{"Products with name and stock. Show a warning when stock drops below 10.", "highlight product field=stock cmp=lt value=10", "Low stock"},
		{"Expenses with title, amount and date. Highlight anything that exceeds $500.", "highlight expense field=amount cmp=gt value=500", "Over $500"},
		{"Workouts with date, type and minutes. Flag workouts longer than 60 minutes.", "highlight workout field=minutes cmp=gt value=60", "Over 60 minutes"},
		{"Fleet tracker. Vehicles: plate, model, year, mileage. Alert me if a vehicle's mileage exceeds 200000.", "highlight vehicle field=mileage cmp=gt value=200000", ""},
		{"bikes (name, brand), services of a bike with date, cost and km at service. warn when km at service is over 5000.", "highlight service field=km at service cmp=gt value=5000", "Over 5000 km"},
		{"Accounts with name and balance. Alert me if the balance is at least 1000.", "highlight account field=balance cmp=ge value=1000", ""},
		{"Each invoice has a number, client, amount and due date. Flag invoices with an amount over $1,000.", "highlight invoice field=amount cmp=gt value=1000", "Over $1000"},
		{"School library: loans with student name, borrowed date and due date. Highlight overdue loans.", "highlight loan field=due date cmp=lt value=today", "Overdue"},
		{"Budget app: expenses with amount, category and date. Notify me if an expense exceeds 500 dollars.", "highlight expense field=amount cmp=gt value=500", "Over 500 dollars"},
		{"Phone tracker: phones with name and battery level in percent. Send an alert when the battery level drops under 20 percent.", "highlight phone field=battery level cmp=lt value=20", "Under 20%"},
		{"Pantry: items with name, quantity and expiry date. Mark items as low when fewer than 3 remain.", "highlight item field=quantity cmp=lt value=3", "Low stock"},
		{"Mi tienda: productos con nombre, precio, stock y categoría. Avisar cuando el stock sea menor que 5.", "highlight producto field=stock cmp=lt value=5", ""},
		{"Gestion de stock : des produits avec nom, prix, quantité et fournisseur. Alerter quand la quantité est inférieure à 3.", "highlight produit field=quantité cmp=lt value=3", ""},
		{"Meine Ausgaben: Ausgaben mit Betrag, Kategorie und Datum. Ausgaben über 100 Euro hervorheben.", "highlight ausgabe field=betrag cmp=gt value=100", ""},
		{"Le mie spese: spese con importo, categoria e data. Evidenziare le spese superiori a 200.", "highlight spesa field=importo cmp=gt value=200", ""},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			p := planFor(t, c.prompt)
			var have []string
			for _, f := range p.FeaturesOf(prd.FeatureHighlight, "") {
				have = append(have, featureString(f)+" "+f.Label)
				if featureString(f) == c.want && (c.label == "" || f.Label == c.label) {
					return
				}
			}
			t.Errorf("want %q (%s); have %q", c.want, c.label, have)
		})
	}
}

// TestComputedOverRecords covers formulas over a record's fields and over
// the record it belongs to, whose entity the feature names in Via.
func TestComputedOverRecords(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want, expr, label string }{
		{"Car rental: cars with model, daily rate and seats; rentals of a car with days and customer name. Show the price of each rental (price = daily rate × days).", "computed rental via=car", "daily rate * days", "Price"},
		{"Hotel booking tool: rooms with number and nightly rate; stays of a room with guest name and nights. Show the cost of each stay (cost = nightly rate × nights).", "computed stay via=room", "nightly rate * nights", "Cost"},
		{"Rooms have a number, type and price per night. Guests book a room with their name and nights. The cost is nights times price per night.", "computed booking via=room", "nights * price per night", "Cost"},
		{"Rentals with daily rate and days. Total = daily rate × days.", "computed rental", "daily rate * days", "Total"},
		{"Tutoring: sessions with date, duration in minutes and rate per hour. Session fee = rate per hour * duration / 60.", "computed session", "rate per hour * duration / 60", "Session fee"},
		{"I record each sale with the date, the number of candles sold and the price per candle; revenue = number of candles sold × price per candle.", "computed sale", "number of candles sold * price per candle", "Revenue"},
		{"Health log: entries with date, weight in kg and height in cm. BMI = weight / (height * height).", "computed entry", "weight / (height * height)", "BMI"},
		{"Shop: products with name, price and cost. Show the profit of each product (profit = price - cost).", "computed product", "price - cost", "Profit"},
		{"Car rental booking: cars with model, daily rate and seats; bookings with customer name, start date and end date. Price = daily rate × days.", "computed booking via=car", "daily rate * days", "Price"},
		{"Hotel: rooms with number and nightly price; reservations of a room with guest name, check-in and check-out. Total = nightly price * nights.", "computed reservation via=room", "nightly price * nights", "Total"},
		{"Equipment rental shop. Rentals have a customer, item, daily rate, start date and end date; price = daily rate × days.", "computed rental", "daily rate * days", "Price"},
		{"Order lines with quantity and unit price; each line's subtotal is quantity times unit price.", "computed line", "quantity * unit price", "Subtotal"},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			p := planFor(t, c.prompt)
			var have []string
			for _, f := range p.FeaturesOf(prd.FeatureComputed, "") {
				have = append(have, featureString(f)+" "+f.Expression+" "+f.Label)
				if featureString(f) == c.want && f.Expression == c.expr && f.Label == c.label {
					if f.Via != "" && !slices.ContainsFunc(p.Relations, func(r prd.Relation) bool { return r.From == f.Entity && r.To == f.Via }) {
						t.Errorf("computed via %s without a relation from %s", f.Via, f.Entity)
					}
					return
				}
			}
			t.Errorf("want %q %q %q; have %q", c.want, c.expr, c.label, have)
		})
	}
}

// TestForeignRatings types rating words of other languages: "note",
// "nota", "voto", "Bewertung", "puntuación" rate books, films, wines and
// restaurants, while a school's "Note" is a grade and a memo's "note" text.
func TestForeignRatings(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, entity, field, want string }{
		{"Une application pour gérer ma bibliothèque : des livres avec titre, auteur, année et note.", "livre", "note", "rating"},
		{"Mes restaurants : restaurants avec nom, ville, prix et note.", "restaurant", "note", "rating"},
		{"Mes notes : notes avec titre, contenu et note.", "note", "note", "long_text"},
		{"Eine App für meine Bücher: Bücher mit Titel, Autor, Jahr und Bewertung.", "buch", "bewertung", "rating"},
		{"Eine Schul-App: Schüler mit Name, Fach und Note.", "schüler", "note", "number"},
		{"Una app para mis películas: películas con título, director, año y nota.", "película", "nota", "rating"},
		{"Mis libros: libros con título, autor, valoración y puntuación.", "libro", "puntuación", "rating"},
		{"Una aplicación de restaurantes: restaurantes con nombre, ciudad y puntuación.", "restaurante", "puntuación", "rating"},
		{"Um app de filmes: filmes com título, ano e nota.", "filme", "nota", "rating"},
		{"Un'app per i miei vini: vini con nome, annata, prezzo e voto.", "vino", "voto", "rating"},
		{"Une application pour gérer ma bibliothèque : des livres avec titre, auteur, année et note.", "livre", "année", "number"},
		{"Kunden mit Name, Firma und Branche.", "kunde", "branche", "text"},
	}
	for _, c := range cases {
		p := planFor(t, c.prompt)
		e, ok := p.Entity(c.entity)
		if !ok {
			t.Errorf("%q: no entity %q; have %v", c.prompt, c.entity, entityNames(p))
			continue
		}
		if f, ok := e.Field(c.field); !ok || string(f.Type) != c.want {
			t.Errorf("%q: %s is %q, want %s", c.prompt, c.field, f.Type, c.want)
		}
	}
}

// TestSubjectFields reads a field list after the app's own name as the
// fields of the records it keeps.
func TestSubjectFields(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want string }{
		{"Sleep log: date, hours slept, whether I napped.", "sleep entry: date, hours slept, napped"},
		{"Water tracker: date and litres of water.", "water entry: date, litres of water"},
		{"Weight log with date and weight in kg.", "weight entry: date, weight"},
		{"Expense tracker: date, amount, category and note.", "expense: date, amount, category, note"},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			expectEntities(t, c.prompt, c.want)
		})
	}
}

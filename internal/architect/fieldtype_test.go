package architect

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// typedList parses a list as it would follow "with" and types each item.
func typedList(text string) []prd.Field {
	var out []prd.Field
	for _, it := range parseList(tokenise(text), 0) {
		if f, ok := typeField(it, "record", "en"); ok {
			out = append(out, f.Field)
		}
	}
	return out
}

func describeField(f prd.Field) string {
	s := f.Name + ":" + string(f.Type)
	if len(f.Options) > 0 {
		s += "(" + strings.Join(f.Options, "|") + ")"
	}
	if f.Unit != "" {
		s += "[" + f.Unit + "]"
	}
	if f.Min != nil || f.Max != nil {
		s += fmt.Sprintf("{%v..%v}", deref(f.Min), deref(f.Max))
	}
	return s
}

func TestFieldTyping(t *testing.T) {
	t.Parallel()
	cases := []struct{ phrase, want string }{
		{"a title", "title:text"},
		{"a due date", "due date:date"},
		{"priority (low, medium, high)", "priority:enum(low|medium|high)"},
		{"priority", "priority:enum(low|medium|high)"},
		{"cooking time in minutes", "cooking time:number[minutes]"},
		{"duration in minutes", "duration:number[minutes]"},
		{"distance in km", "distance:number[km]"},
		{"a rating from 1 to 5", "rating:rating{1..5}"},
		{"rating (1-10)", "rating:rating{1..10}"},
		{"score 0-100", "score:number{0..100}"},
		{"score out of 10", "score:number{1..10}"},
		{"quantity in stock", "quantity in stock:number{0..}"},
		{"unit price", "unit price:money[USD]"},
		{"price in euros", "price:money[EUR]"},
		{"budget ($)", "budget:money[USD]"},
		{"salary", "salary:money[USD]"},
		{"value", "value:money[USD]"},
		{"amount", "amount:money[USD]"},
		{"cost", "cost:money[USD]"},
		{"price per night", "price per night:money[USD]"},
		{"email", "email:email"},
		{"customer email", "customer email:email"},
		{"email address", "email address:email"},
		{"phone number", "phone number:phone"},
		{"phone", "phone:phone"},
		{"website", "website:url"},
		{"website URL", "website:url"},
		{"cover image URL", "cover image:image_url"},
		{"a photo URL", "photo:image_url"},
		{"photo", "photo:image_url"},
		{"profile picture", "profile picture:image_url"},
		{"video link", "video:url"},
		{"description", "description:long_text"},
		{"instructions", "instructions:long_text"},
		{"ingredients", "ingredients:long_text"},
		{"markdown body", "body:long_text"},
		{"content", "content:long_text"},
		{"a note", "note:long_text"},
		{"notes", "notes:long_text"},
		{"tags", "tags:tags"},
		{"skills", "skills:tags"},
		{"done", "done:boolean"},
		{"a pinned flag", "pinned:boolean"},
		{"vegetarian yes/no", "vegetarian:boolean"},
		{"remote or on-site", "remote:boolean"},
		{"availability", "available:boolean"},
		{"is active", "is active:boolean"},
		{"published (yes/no)", "published:boolean"},
		{"type (run, bike, swim, gym)", "type:enum(run|bike|swim|gym)"},
		{"status (open, pending, closed)", "status:enum(open|pending|closed)"},
		{"stage: lead, proposal, won, lost", "stage:enum(lead|proposal|won|lost)"},
		{"category: starters, mains, desserts", "category:enum(starters|mains|desserts)"},
		{"size (S/M/L)", "size:enum(S|M|L)"},
		{"difficulty", "difficulty:enum(easy|medium|hard)"},
		{"time slot", "time slot:time"},
		{"start time", "start time:time"},
		{"date", "date:date"},
		{"last watered", "last watered:date"},
		{"birthday", "birthday:date"},
		{"date of birth", "date of birth:date"},
		{"deadline", "deadline:date"},
		{"published year", "published year:number{0..}"},
		{"year", "year:number{0..}"},
		{"pages", "pages:number{0..}"},
		{"bedrooms", "bedrooms:number{0..}"},
		{"capacity", "capacity:number{0..}"},
		{"guests", "guests:number{1..}"},
		{"number of guests", "number of guests:number{1..}"},
		{"weekly target", "weekly target:number{0..}"},
		{"square meters", "square meters:number[m²]"},
		{"how often to water (days)", "watering interval:number[days]"},
		{"how often to feed", "feeding interval:number[days]"},
		{"how many servings", "servings:number{1..}"},
		{"battery percentage", "battery percentage:number{0..100}"},
		{"calories", "calories:number[kcal]"},
		{"weight in kg", "weight:number[kg]"},
		{"sku", "sku:text"},
		{"isbn", "isbn:text"},
		{"species", "species:text"},
		{"nickname", "nickname:text"},
		{"address", "address:text"},
		{"author", "author:text"},
		{"salary range", "salary range:text"},
		{"four answer options", "answer options:tags"},
		{"one correct answer", "correct answer:text"},
		{"their name", "name:text"},
		{"an optional description", "description:long_text"},
		{"duration (hours)", "duration:number[hours]"},
		{"credit score", "credit score:number{300..850}"},
		{"downloads", "downloads:number{0..}"},
		{"temperature", "temperature:number[°C]"},
		{"mood", "mood:enum(great|good|okay|low|bad)"},
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

func TestFieldLists(t *testing.T) {
	t.Parallel()
	cases := []struct{ list, want string }{
		{"a title, a due date and a priority (low, medium, high), mark them done, and delete them", "title due date priority"},
		{"name, description, price, category: starters, mains, desserts, vegetarian yes/no", "name description price category vegetarian"},
		{"title, company, location, salary range, remote or on-site, and description", "title company location salary range remote description"},
		{"title, value, stage: lead, proposal, won, lost", "title value stage"},
		{"nickname, species, how often to water (days), last watered", "nickname species watering interval last watered"},
		{"date, type (run, bike, swim, gym), duration in minutes and distance in km", "date type duration distance"},
		{"address, city, price, bedrooms, bathrooms, square meters and a photo URL", "address city price bedrooms bathrooms square meters photo"},
		{"a name and a weekly target, check them off each day", "name weekly target"},
		{"subject, customer email, priority, status (open, pending, closed) and description", "subject customer email priority status description"},
		{"name, email, phone, company", "name email phone company"},
		{"title, author, tags and markdown body; list page", "title author tags body"},
		{"a title, description and assignee, and can be moved between columns", "title description assignee"},
		{"SKU, name, quantity in stock, unit price and supplier", "sku name quantity in stock unit price supplier"},
		{"name, ingredients, instructions, cooking time in minutes and a rating from 1 to 5", "name ingredients instructions cooking time rating"},
		{"title, year, description, cover image URL", "title year description cover image"},
		{"subject, score 0-100, date", "subject score date"},
		{"amount, category, date and a note", "amount category date note"},
		{"title, date, location, capacity and description", "title date location capacity description"},
		{"name, email as well as phone", "name email phone"},
		{"title & author plus a rating", "title author rating"},
	}
	for _, c := range cases {
		var names []string
		for _, f := range typedList(c.list) {
			names = append(names, f.Name)
		}
		if strings.Join(names, " ") != c.want {
			t.Errorf("%q -> %q, want %q", c.list, strings.Join(names, " "), c.want)
		}
	}
}

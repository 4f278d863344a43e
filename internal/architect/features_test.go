package architect

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// featureString renders a feature's parameters for comparison.
func featureString(f prd.Feature) string {
	parts := []string{string(f.Kind), f.Entity}
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("field", f.Field)
	add("field2", f.Field2)
	add("group", f.GroupBy)
	add("op", f.Op)
	add("via", f.Via)
	add("cmp", f.Compare)
	add("value", f.Value)
	add("order", f.Order)
	if f.Limit > 0 {
		add("limit", fmt.Sprint(f.Limit))
	}
	return strings.Join(parts, " ")
}

func TestFeatures(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want string }{
		{"Recipes with name, cuisine and rating. Users can search recipes by name.", "search recipe field=name"},
		{"Books with title, author and genre. Search books by author.", "search book field=author"},
		{"A notes app: notes have a title and content. Include a search.", "search note"},
		{"Books with title, author and availability. Filter books by availability.", "filter book field=available"},
		{"Listings with city, price and bedrooms. Filter by city and max price.", "filter listing field=price cmp=le"},
		{"Movies with title, genre (drama, comedy, horror) and year. Let me filter movies by genre.", "filter movie field=genre"},
		{"Posts with title, tags and body; a tag filter on the list.", "filter post field=tags"},
		{"Appointments with client, date and time. Show them sorted by date.", "sort appointment field=date order=asc"},
		{"Products with name and price, sorted by price.", "sort product field=price order=asc"},
		{"Articles with title and published date; newest first, sort by published date.", "sort article field=published date order=desc"},
		{"Expenses with amount, category and date. Show the total spent per category.", "aggregate expense field=amount group=category op=sum"},
		{"Sales with product, amount and region. Show total revenue by region.", "aggregate sale field=amount group=region op=sum"},
		{"Students (name) and grades (subject, score 0-100) per student; show each student's average.", "aggregate grade field=score op=avg via=student"},
		{"Workouts with date, duration in minutes and distance in km; show weekly totals in a chart.", "chart workout field=duration group=week op=sum"},
		{"Expenses with amount and category, with a chart of spending by category.", "chart expense field=amount group=category op=sum"},
		{"Products with name and quantity in stock. Highlight products with fewer than 5 items in stock.", "highlight product field=quantity in stock cmp=lt value=5"},
		{"Tasks with title and due date. Highlight overdue tasks.", "highlight task field=due date cmp=lt value=today"},
		{"Accounts with name and balance. Flag accounts with a balance below 100.", "highlight account field=balance cmp=lt value=100"},
		{"Habit tracker: habits with a name; check them off each day and see the streak.", "streak habit"},
		{"Habit tracker: habits with a name; check them off each day and see the streak.", "check_in habit"},
		{"Plants: each plant has a name, how often to water (days) and last watered. Show which plants need water today.", "due plant field=last watered field2=watering interval"},
		{"Blog: posts with title and body, and a page for each post.", "detail post"},
		{"Recipes with name and ingredients; users can star their favorite recipes.", "favorite recipe"},
		{"Quiz maker: quizzes with questions; each question has four answer options and one correct answer. Players see their score.", "play question field=correct answer field2=answer options via=quiz"},
		{"Books I want to read, am reading, or finished, with title. Show progress as percentage of books finished.", "progress book field=status cmp=eq value=finished"},
		{"Tasks with title and done. Show the percentage of tasks done.", "progress task field=done cmp=eq value=true"},
		{"Donors (name) and donations (amount, date). Show the top 5 donors.", "ranking donation field=amount op=sum via=donor limit=5"},
		{"Players with name and score; show a leaderboard.", "ranking player field=score group=name op=max limit=10"},
		{"Kanban board with columns (Backlog, Doing, Review, Done). Cards have a title.", "board card field=status"},
		{"Tickets with subject and status (open, pending, closed). Agents can change status.", "board ticket field=status"},
		{"Notes with title, body and a pinned flag; pinned notes show first.", "pinned note field=pinned"},
		{"A notes app that supports dark mode.", "dark_mode"},
		{"Events (title, capacity); people can RSVP to an event with their name.", "capacity event field=capacity via=rsvp"},
		{"Rentals with daily rate and days. Total = daily rate × days.", "computed rental"},
		{"Landing page for Acme with a newsletter signup.", "newsletter"},
		{"A portfolio with projects (title, image) and a contact form.", "contact_form"},
	}
	for _, c := range cases {
		t.Run(c.prompt+"/"+c.want, func(t *testing.T) {
			t.Parallel()
			p := planFor(t, c.prompt)
			var have []string
			for _, f := range p.Features {
				s := featureString(f)
				have = append(have, s)
				if s == c.want || strings.HasPrefix(s, c.want+" ") && c.want == strings.Join(strings.Fields(c.want), " ") && !strings.Contains(c.want, "=") {
					return
				}
			}
			t.Errorf("want %q; have %q", c.want, have)
		})
	}
}

func TestPages(t *testing.T) {
	t.Parallel()
	cases := []struct{ prompt, want string }{
		{"A to-do app with tasks.", "home:/ list:/tasks"},
		{"Expenses with amount and category; total per category on a dashboard.", "home:/ list:/expenses dashboard:/dashboard"},
		{"Blog with posts (title, body) and a page for each post.", "home:/ list:/posts detail:/posts/[id]"},
		{"Portfolio with projects (title, image), an about page and a contact form.", "home:/ list:/projects about:/about contact:/contact"},
		{"A quiz maker: quizzes with questions; each question has options and a correct answer.", "home:/ list:/quizzes list:/questions play:/play"},
		{"Time slots with date and start time.", "home:/ list:/time-slots"},
		{"A landing page for a product called Nimbus with a newsletter signup.", "home:/"},
	}
	for _, c := range cases {
		p := planFor(t, c.prompt)
		var got []string
		for _, pg := range p.Pages {
			got = append(got, string(pg.Kind)+":"+pg.Path)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q: pages %q, want %q", c.prompt, strings.Join(got, " "), c.want)
		}
	}
}

package architect

import "testing"

func TestSingularPlural(t *testing.T) {
	t.Parallel()
	cases := []struct{ singular, plural string }{
		{"task", "tasks"}, {"property", "properties"}, {"quiz", "quizzes"}, {"dish", "dishes"},
		{"person", "people"}, {"rsvp", "rsvps"}, {"status", "statuses"}, {"address", "addresses"},
		{"category", "categories"}, {"box", "boxes"}, {"class", "classes"}, {"bus", "buses"},
		{"child", "children"}, {"hero", "heroes"}, {"photo", "photos"}, {"day", "days"},
		{"key", "keys"}, {"match", "matches"}, {"church", "churches"}, {"leaf", "leaves"},
		{"knife", "knives"}, {"analysis", "analyses"}, {"criterion", "criteria"}, {"movie", "movies"},
		{"cookie", "cookies"}, {"house", "houses"}, {"course", "courses"}, {"expense", "expenses"},
		{"response", "responses"}, {"campus", "campuses"}, {"bonus", "bonuses"}, {"species", "species"},
		{"news", "news"}, {"series", "series"}, {"sheep", "sheep"}, {"entry", "entries"},
		{"reply", "replies"}, {"company", "companies"}, {"activity", "activities"}, {"deal", "deals"},
		{"student", "students"}, {"grade", "grades"}, {"donor", "donors"}, {"donation", "donations"},
		{"time slot", "time slots"}, {"news item", "news items"}, {"diary entry", "diary entries"},
		{"calorie", "calories"}, {"wolf", "wolves"}, {"woman", "women"}, {"tooth", "teeth"},
		{"business", "businesses"}, {"potato", "potatoes"}, {"video", "videos"}, {"zoo", "zoos"},
		{"invoice", "invoices"}, {"purchase", "purchases"}, {"diagnosis", "diagnoses"}, {"faq", "faqs"},
	}
	for _, c := range cases {
		if got := pluralOf(c.singular, "en"); got != c.plural {
			t.Errorf("plural(%q) = %q, want %q", c.singular, got, c.plural)
		}
		if got := singularOf(c.plural, "en"); got != c.singular {
			t.Errorf("singular(%q) = %q, want %q", c.plural, got, c.singular)
		}
	}
	for _, w := range []string{"status", "address", "class", "business", "analysis", "bus", "campus", "news", "species", "access", "process"} {
		if looksPlural(w) {
			t.Errorf("looksPlural(%q) = true", w)
		}
	}
}

func TestForeignPlural(t *testing.T) {
	t.Parallel()
	cases := []struct{ lang, singular, plural string }{
		{"de", "aufgabe", "aufgaben"}, {"de", "buch", "bücher"}, {"de", "rechnung", "rechnungen"},
		{"de", "kunde", "kunden"}, {"fr", "tâche", "tâches"}, {"fr", "journal", "journaux"},
		{"fr", "prix", "prix"}, {"es", "tarea", "tareas"}, {"es", "canción", "canciones"},
		{"es", "ciudad", "ciudades"}, {"pt", "tarefa", "tarefas"}, {"pt", "avaliação", "avaliações"},
		{"pt", "hotel", "hotéis"}, {"it", "libro", "libri"},
	}
	for _, c := range cases {
		if got := pluralOf(c.singular, c.lang); got != c.plural {
			t.Errorf("%s plural(%q) = %q, want %q", c.lang, c.singular, got, c.plural)
		}
		if c.lang == "it" {
			continue
		}
		if got := singularOf(c.plural, c.lang); got != c.singular {
			t.Errorf("%s singular(%q) = %q, want %q", c.lang, c.plural, got, c.singular)
		}
	}
}

package edit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/architect"
)

// opString is a compact, comparable form of an op.
func opString(op Op) string {
	switch o := op.(type) {
	case AddField:
		s := fmt.Sprintf("add %s.%s:%s", o.Entity, o.Field.Name, o.Field.Type)
		if o.Field.Unit != "" {
			s += ":" + o.Field.Unit
		}
		if len(o.Field.Options) > 0 {
			s += ":" + strings.Join(o.Field.Options, "/")
		}
		return s
	case RemoveField:
		return fmt.Sprintf("remove %s.%s", o.Entity, o.Field)
	case RenameField:
		return fmt.Sprintf("rename %s.%s->%s", o.Entity, o.From, o.To)
	case AddEntity:
		var fs []string
		for _, f := range o.Entity.Fields {
			fs = append(fs, f.Name+":"+string(f.Type))
		}
		s := fmt.Sprintf("entity %s/%s(%s)", o.Entity.Name, o.Entity.Plural, strings.Join(fs, ","))
		for _, r := range o.Relations {
			s += fmt.Sprintf(" %s->%s", r.From, r.To)
		}
		return s
	case RemoveEntity:
		return "remove entity " + o.Entity
	case AddPage:
		return "page " + string(o.Page)
	case RemovePage:
		return "remove page " + string(o.Page)
	case SetTheme:
		return "theme " + strings.Join(o.Theme.Names, "+")
	case SetDarkMode:
		return "dark " + string(o.Mode)
	case AddFeature:
		s := fmt.Sprintf("%s %s.%s", o.Feature.Kind, o.Feature.Entity, o.Feature.Field)
		if o.Feature.Order == "desc" {
			s += " desc"
		}
		return s
	case RemoveFeature:
		return fmt.Sprintf("remove %s %s.%s", o.Feature, o.Entity, o.Field)
	case RemoveRelation:
		return fmt.Sprintf("unlink %s-%s", o.A, o.B)
	case AddRelation:
		s := fmt.Sprintf("link %s->%s", o.Relation.From, o.Relation.To)
		if o.Relation.Required {
			s += " required"
		}
		return s
	}
	return fmt.Sprintf("%T", op)
}

func parse(t *testing.T, request string) ([]string, error) {
	t.Helper()
	ops, err := Parse(context.Background(), architect.Offline{}, fixture(t), request)
	var out []string
	for _, op := range ops {
		out = append(out, opString(op))
	}
	return out, err
}

func TestParseUnderstandsPhrasings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		request string
		want    string // ops joined by " | "
	}{
		// Add a field.
		{"add a notes field to tasks", "add task.notes:long_text"},
		{"Please add a due date to projects.", "add project.due date:date"},
		{"tasks should also have an estimate in hours", "add task.estimate:number:hours"},
		{"each project has a budget", "add project.budget:money:USD"},
		{"projects need a status (planned, active, done)", "add project.status:enum:planned/active/done"},
		{"give projects a priority", "add project.priority:enum:low/medium/high"},
		{"add a field called owner email to projects", "add project.owner email:email"},
		{"add a priority field with low, medium and high to projects", "add project.priority:enum:low/medium/high"},
		{"add a cover image and a rating to products", "add product.cover image:image_url | add product.rating:rating"},
		{"add a done checkbox to tasks", "add task.done:boolean"},
		{"can you add an estimate (hours) to tasks?", "add task.estimate:number:hours"},
		{"add notes to each task", "add task.notes:long_text"},
		{"add tags to tasks", "add task.tags:tags"},
		{"give each product a stock count", "add product.stock count:number"},
		{"record the cost for each task", "add task.cost:money:USD"},
		{"add a deadline to tasks and projects", "add task.deadline:date | add project.deadline:date"},
		{"add a project to tasks", "link task->project"},
		// Remove a field.
		{"remove notes from tasks", "remove task.notes"},
		{"delete the due date field", "remove task.due date"},
		{"drop the price column from products", "remove product.price"},
		{"tasks don't need notes", "remove task.notes"},
		{"remove notes and priority from tasks", "remove task.notes | remove task.priority"},
		// Rename a field.
		{"rename title to name", "rename task.title->name"},
		{"rename the title of tasks to heading", "rename task.title->heading"},
		{"rename task title to summary", "rename task.title->summary"},
		{"rename tasks' due date to deadline", "rename task.due date->deadline"},
		{"rename name to label in projects", "rename project.name->label"},
		{"change the name of the deadline field to due by", "rename project.deadline->due by"},
		{"rename the price field to cost", "rename product.price->cost"},
		// Add an entity.
		{"add a clients page with name and email", "entity client/clients(name:text,email:email)"},
		{"track clients too: name, email", "entity client/clients(name:text,email:email)"},
		{"add clients", "entity client/clients(name:text,email:email,phone:phone,company:text,notes:long_text)"},
		{"track expenses", "entity expense/expenses(description:long_text,amount:money,category:text,date:date,notes:long_text)"},
		{"add employees with name, email and a project", "entity employee/employees(name:text,email:email) employee->project"},
		{"I also want to track invoices with an invoice number, an amount and a project", "entity invoice/invoices(invoice number:text,amount:money) invoice->project"},
		{"add milestones with title and due date linked to a project", "entity milestone/milestones(title:text,due date:date) milestone->project"},
		{"add comments with text and author to projects", "entity comment/comments(text:long_text,author:text) comment->project"},
		{"each client has a name and a phone", "entity client/clients(name:text,phone:phone)"},
		{"add a page for suppliers with name, email and website", "entity supplier/suppliers(name:text,email:email,website:url)"},
		// Remove an entity.
		{"remove projects", "remove entity project"},
		{"delete the projects page", "remove entity project"},
		// Pages.
		{"add an about page", "page about"},
		{"add a contact us page", "page contact"},
		{"I want a dashboard", "page dashboard"},
		{"add a stats page to the app", "page dashboard"},
		{"the app should have an about page", "page about"},
		{"remove the about page", "remove page about"},
		// Theme and dark mode.
		{"use a green theme", "theme green"},
		{"make the background white and components navy", "theme white+navy"},
		{"make it teal", "theme teal"},
		{"make the buttons red", "theme red"},
		{"change the theme to purple", "theme purple"},
		{"change the primary colour to #ff6600", "theme #ff6600"},
		{"add dark mode", "dark toggle"},
		{"i would like a dark mode", "dark toggle"},
		{"add a dark mode toggle", "dark toggle"},
		{"let users switch between light and dark mode", "dark toggle"},
		{"toggle dark mode", "dark flip"},
		{"make it dark", "dark always"},
		{"switch to a dark theme", "dark always"},
		{"remove dark mode", "dark off"},
		{"turn off dark mode", "dark off"},
		{"use a light theme", "dark off"},
		// Search, filter, sort.
		{"let me search tasks by title", "search task.title"},
		{"search projects by name", "search project.name"},
		{"make products searchable", "search product."},
		{"let me search products", "search product."},
		{"let me search products by name or category", "search product.name | search product.category"},
		{"let users sort products by name from a to z", "sort product.name"},
		{"sort projects by deadline, newest first", "sort project.deadline desc"},
		{"make tasks filterable by priority", "filter task.priority"},
		{"add a search box to projects", "search project."},
		{"sort products by price", "sort product.price"},
		{"sort products by price, highest first", "sort product.price desc"},
		{"order tasks by due date descending", "sort task.due date desc"},
		{"filter products by category", "filter product.category"},
		{"add a category filter to products", "filter product.category"},
		{"let me filter tasks by priority and sort them by due date", "filter task.priority | sort task.due date"},
		{"remove search from tasks", "remove search task."},
		// Relations.
		{"link tasks to projects", "link task->project"},
		{"each task belongs to a project", "link task->project"},
		{"every task must belong to a project", "link task->project required"},
		{"projects have many tasks", "link task->project"},
		{"connect products with projects", "link product->project"},
		{"tasks should have a project", "link task->project"},
		{"remove the link between tasks and projects", "unlink task-project"},
		{"unlink tasks from projects", "unlink task-project"},
		{"tasks no longer belong to projects", "unlink task-project"},
		// Several at once; later clauses see earlier ones.
		{"add a priority to projects and sort them by deadline", "add project.priority:enum:low/medium/high | sort project.deadline"},
		{"add suppliers with name and email, link products to suppliers", "entity supplier/suppliers(name:text,email:email) | link product->supplier"},
		{"add a notes field to projects, projects should also have a budget and sort them by budget", "add project.notes:long_text | add project.budget:money:USD | sort project.budget"},
		{"Use a green theme. Add an about page.", "theme green | page about"},
	}
	for _, tt := range tests {
		t.Run(tt.request, func(t *testing.T) {
			t.Parallel()
			got, err := parse(t, tt.request)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if s := strings.Join(got, " | "); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
		})
	}
}

func TestParseRefusesClearly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		request string
		want    []string // every one must be in the error
	}{
		{"", []string{"empty"}},
		{"blah blah", []string{"not understood", "add a field"}},
		{"make it pop", []string{"not understood"}},
		{"add a notes field to projcts", []string{`no entity "projcts"`, "entities: task, project, product", `did you mean "projects"`}},
		{"remove titel from tasks", []string{`task has no field "titel"`, "fields: title, due date, notes, priority", `did you mean "title"`}},
		{"rename colour to hue", []string{`no entity has a field "colour"`}},
		{"rename name to label", []string{`"name" is a field of projects and products`, "say which"}},
		{"rename tasks to todos", []string{"renaming an entity", "not supported"}},
		{"rename title to due date", []string{`already has a field "due date"`}},
		{"search tasks by due date", []string{"cannot be searched by due date", "title, notes, priority"}},
		{"filter products by price", []string{"cannot be filtered by price", "category"}},
		{"sort tasks", []string{"say which field to sort tasks by", "title, due date"}},
		{"link tasks to tasks", []string{"cannot link to itself"}},
		{"link tasks to people", []string{`no entity "people"`}},
		{"each task belongs to a project. each project belongs to a task", []string{"already links", "one way"}},
		{"remove the only field", []string{"no entity or field"}},
		{"remove name from projects and remove deadline from projects", []string{"only field of project"}},
		{"remove tasks, remove projects and remove products", []string{"only entity"}},
		{"add a notes field to tasks and frobnicate the widgets", []string{`no entity "frobnicate the widgets"`}},
		{"add a notes field to tasks. frobnicate the widgets", []string{`"frobnicate the widgets": not understood`}},
		{"sort them by price", []string{"say which entity"}},
		{"add a logout button", []string{"not understood"}},
		{"add search", []string{"say which entity"}},
	}
	for _, tt := range tests {
		t.Run(tt.request, func(t *testing.T) {
			t.Parallel()
			_, err := parse(t, tt.request)
			if !errors.Is(err, ErrRequest) {
				t.Fatalf("Parse = %v, want an ErrRequest", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestClausesKeepListsTogether(t *testing.T) {
	t.Parallel()
	r := &reader{work: fixture(t)}
	tests := map[string][]string{
		"add notes and tags to tasks":                                 {"add notes and tags to tasks"},
		"make the background white and components navy":               {"make the background white and components navy"},
		"add a status (todo, doing, done) to tasks and sort by title": {"add a status (todo, doing, done) to tasks", "sort by title"},
		"add a priority to tasks, tasks should have notes":            {"add a priority to tasks", "tasks should have notes"},
		"Use green.\nAdd an about page; remove projects":              {"Use green", "Add an about page", "remove projects"},
		"add a rating of 1.5 to tasks":                                {"add a rating of 1.5 to tasks"},
	}
	for in, want := range tests {
		got := clauses(in, r.startsInstruction)
		for i := range got {
			got[i] = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(got[i]), "."))
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("clauses(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"add a notes field to tasks", "rename title to name", "use a green theme", "sort them by", "add ( to", "remove"} {
		f.Add(s)
	}
	p := fixture(f)
	f.Fuzz(func(t *testing.T, request string) {
		ops, err := Parse(context.Background(), architect.Offline{}, p, request)
		if err != nil {
			if !errors.Is(err, ErrRequest) {
				t.Fatalf("Parse(%q) = %v, not an ErrRequest", request, err)
			}
			return
		}
		if _, _, err := Apply(p, ops); err != nil && !errors.Is(err, ErrRequest) {
			t.Fatalf("Apply after Parse(%q) = %v", request, err)
		}
	})
}

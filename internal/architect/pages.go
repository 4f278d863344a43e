package architect

import (
	"fmt"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// readAppItems handles what the app itself is said to have: "with folders"
// (a field of the main records), "with an about page", "with a table
// reservation form" (a record), "with opening hours" (a content page).
func (m *model) readAppItems() {
	lists := append([]appItem{}, m.appItems...)
	for _, l := range m.subjectLists {
		// "Gym management: members, plans and check-ins" lists records;
		// "Car rental: cars with model, …" declares them, read elsewhere.
		if len(l.items) >= 2 && !fieldLike(l.items, 0.5) && !containsToken(l.items[0].toks, "with") && len(l.items[0].toks) <= 2 {
			lists = append(lists, l)
		}
	}
	for _, ai := range lists {
		for _, it := range ai.items {
			ws := trimNoise(lows(it.toks))
			if len(ws) == 0 || nestedEntity(it) {
				continue
			}
			last := ws[len(ws)-1]
			phrase := strings.Join(ws, " ")
			switch {
			case last == "page" || last == "section" || last == "pages":
				m.wantPage(strings.Join(ws[:len(ws)-1], " "))
			case last == "form" && len(ws) > 1:
				m.formItem(ws[:len(ws)-1], ai.pos)
			case phrase == "opening hours" || phrase == "hours" || phrase == "business hours" || phrase == "opening times":
				m.addContentPage("Opening hours", "/hours", "We are open Tuesday to Sunday, 12:00 to 22:00, and closed on Mondays. Holiday hours are announced here.")
				m.assume("Opening hours are placeholder text to be edited.")
			case groupingNouns[singularWord(last)] && len(ws) <= 2:
				m.groupField = singularWord(last)
				if opts := cleanOptions(optionsFromParen(it.paren)); len(opts) >= 2 {
					m.groupOptions = opts
				}
			case m.entityByWords(ws) != nil:
			case m.archetype == "landing" && landingSections[singularWord(last)]:
				// a section of the landing page, written by buildLanding
			case len(ws) > 1 && noticeNouns[singularWord(last)]:
				// "low stock alerts", "email reminders" are features of the records
			default:
				if name, ok := nounNameWords(ws); ok {
					if _, known := nounPriors[name]; known && looksPlural(last) {
						m.ensureEntity(name, ai.pos)
					}
				}
			}
		}
	}
}

// landingSections are parts of a landing page, not records.
var landingSections = set("testimonial", "feature", "faq", "hero", "benefit", "review", "pricing", "plan", "tier", "quote")

// noticeNouns, qualified, name what the app tells its user, not records.
var noticeNouns = set("alert", "notification", "reminder", "warning", "notice")

// groupingNouns sort records into groups; "an app with folders" gives each
// record a folder.
var groupingNouns = set("folder", "category", "tag", "label", "list", "collection", "notebook", "section", "topic", "project", "board", "group")

// formItem reads "<x> form": contact and newsletter forms are features,
// other forms are records ("a table reservation form").
func (m *model) formItem(ws []string, pos int) {
	switch ws[len(ws)-1] {
	case "contact", "feedback", "inquiry", "enquiry":
		m.addFeature(prd.Feature{Kind: prd.FeatureContact, Label: "Contact"})
		return
	case "newsletter", "signup", "sign-up", "subscription", "subscribe":
		m.addFeature(prd.Feature{Kind: prd.FeatureNewsletter, Label: "Newsletter"})
		m.signup = true
		return
	}
	if name, ok := nounNameWords(ws); ok {
		if m.ensureEntity(name, pos) != nil {
			m.assume("The %s form stores each submission as a %s record.", strings.Join(ws, " "), name)
		}
	}
}

func (m *model) wantPage(name string) {
	switch strings.TrimSpace(name) {
	case "about", "about us", "about me", "bio", "biography", "our story", "story", "team", "our team":
		m.wantPages[prd.PageAbout] = true
	case "contact", "contact us":
		m.wantPages[prd.PageContact] = true
		m.addFeature(prd.Feature{Kind: prd.FeatureContact, Label: "Contact"})
	case "dashboard", "stats", "statistics":
		m.wantDashboard = true
	}
}

func (m *model) addContentPage(title, path, body string) {
	for _, p := range m.contentPage {
		if p.Path == path {
			return
		}
	}
	m.contentPage = append(m.contentPage, prd.Page{Kind: prd.PageContent, Title: title, Path: path, Body: body, InNav: true})
}

// readPageWords notices pages the prompt names in passing: "an about page",
// "about us", "contact page", "dashboard".
func (m *model) readPageWords() {
	low := strings.ToLower(m.d.raw)
	if containsAny(low, []string{"about page", "about us", "about me", "about section", "about the", "our story", "company introduction", "company information", "introduction to the company", "company's history", "history, mission", "mission and values", "designer's background", "team introduction", "learn about the", "bio page", "biography", "a bio"}) {
		m.wantPages[prd.PageAbout] = true
	}
	if m.hasFeature(prd.FeatureContact) || containsAny(low, []string{"contact page", "contact us"}) {
		m.wantPages[prd.PageContact] = true
		m.addFeature(prd.Feature{Kind: prd.FeatureContact, Label: "Contact"})
	}
	if containsAny(low, []string{"dashboard", "statistics", "analytics", "reports", "reporting", "stats", "summary of", "overview of"}) && len(m.entities) > 0 {
		m.wantDashboard = true
	}
}

// buildPages lists the app's routes: home, a list per entity, detail pages,
// dashboard, play, about, contact and content pages.
func (m *model) buildPages(entities []prd.Entity, features []prd.Feature) []prd.Page {
	pages := []prd.Page{{Kind: prd.PageHome, Title: localTitle(m.lang, "home", "Home"), Path: "/", InNav: true}}
	for _, e := range entities {
		title := titleName(e.Plural)
		if !hasASCIILetter(e.Plural) {
			title = e.Plural
		}
		pages = append(pages, prd.Page{Kind: prd.PageList, Title: clip(title, 80), Path: e.Route(), Entity: e.Name, InNav: true})
	}
	details := map[string]bool{}
	hasPlay := ""
	for _, f := range features {
		switch f.Kind {
		case prd.FeatureDetail:
			details[f.Entity] = true
		case prd.FeaturePlay:
			hasPlay = f.Entity
		}
	}
	for _, e := range entities {
		if details[e.Name] {
			pages = append(pages, prd.Page{Kind: prd.PageDetail, Title: clip(titleName(e.Name)+" details", 80), Path: e.Route() + "/[id]", Entity: e.Name, InNav: false})
		}
	}
	if m.wantDashboard && len(entities) > 0 {
		pages = append(pages, prd.Page{Kind: prd.PageDashboard, Title: localTitle(m.lang, "dashboard", "Dashboard"), Path: "/dashboard", InNav: true})
	}
	if hasPlay != "" {
		pages = append(pages, prd.Page{Kind: prd.PagePlay, Title: localTitle(m.lang, "play", "Play"), Path: "/play", Entity: hasPlay, InNav: true})
	}
	pages = append(pages, m.toolPages()...)
	if m.wantPages[prd.PageAbout] {
		pages = append(pages, prd.Page{Kind: prd.PageAbout, Title: localTitle(m.lang, "about", "About"), Path: "/about", Body: m.aboutBody(), InNav: true})
	}
	pages = append(pages, m.contentPage...)
	if m.wantPages[prd.PageContact] {
		pages = append(pages, prd.Page{Kind: prd.PageContact, Title: localTitle(m.lang, "contact", "Contact"), Path: "/contact", Body: fmt.Sprintf("Questions, ideas or a project in mind? Send %s a message and you will get a reply within two working days.", m.appName), InNav: true})
	}
	return pages
}

// aboutBody writes the about page from what the prompt says about the
// person or business.
func (m *model) aboutBody() string {
	name := m.appName
	subject := strings.TrimSpace(strings.Join(m.kindWords, " "))
	for _, w := range []string{"website", "site", "web", "webpage", "portfolio", "page"} {
		subject = strings.TrimSpace(strings.TrimSuffix(subject, w))
	}
	who := m.forWhom
	switch {
	case who != "" && m.explicitApp:
		return fmt.Sprintf("%s is %s. This site collects selected work, the story behind it and the best way to get in touch.", name, withArticle(who))
	case m.archetype == "portfolio":
		return fmt.Sprintf("Welcome to %s. Here you will find selected work, a little background and the best way to get in touch.", name)
	case m.archetype == "brochure" || m.archetype == "landing":
		return fmt.Sprintf("%s is built on a simple idea: do excellent work and treat every customer like a neighbour. Learn about our history, our mission and the people behind the name.", name)
	}
	if subject != "" {
		return fmt.Sprintf("%s is %s. It was made to keep things simple, fast and pleasant to use.", name, withArticle(subject))
	}
	return fmt.Sprintf("%s was made to keep things simple, fast and pleasant to use.", name)
}

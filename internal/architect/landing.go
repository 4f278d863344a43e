package architect

import (
	"fmt"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// pitch is what the product does, read from the prompt: "Flowly that
// automates invoices" gives verb "automate" and object "invoices".
type pitch struct {
	name   string
	verb   string // base form
	object string
	what   string // "a SaaS product"
}

func (m *model) readPitch() pitch {
	p := pitch{name: m.appName, what: "a product"}
	for _, s := range m.d.sentences {
		toks := s.toks
		for i, t := range toks {
			if t.is("app", "tool", "platform", "service", "product", "startup", "software", "event", "agency", "company", "business", "studio", "brand") && p.what == "a product" {
				_, np := npBefore(toks, i+1)
				if len(np) > 0 && len(np) <= 3 {
					p.what = withArticle(words(np))
				}
			}
			if !t.is("that", "which", "to", "helps", "for", "lets") || i+1 >= len(toks) || p.verb != "" {
				continue
			}
			k := i + 1
			if t.is("helps", "lets") && k < len(toks) && pronouns[toks[k].low] {
				k++
			}
			base := verbBase(toks[k].low)
			if w := toks[k].low; base == "" && t.is("that", "which") && looksPlural(w) && nounPriors[singularWord(w)] == nil {
				base = strings.TrimSuffix(w, "s")
				if strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") {
					base = strings.TrimSuffix(w, "es")
				}
			}
			if base == "" || t.is("for") && !strings.HasSuffix(toks[k].low, "ing") {
				continue
			}
			np, _ := npAfter(toks, k+1)
			if len(np) == 0 || stopNouns[np[len(np)-1].low] {
				continue
			}
			p.verb, p.object = base, strings.ToLower(words(np))
		}
	}
	return p
}

var numberCue = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}

// countOf reads how many of something the prompt asks for: "three feature
// cards" -> 3.
func (m *model) countOf(nouns ...string) int {
	for _, s := range m.d.sentences {
		toks := s.toks
		for i := 0; i+1 < len(toks); i++ {
			n, ok := numberCue[toks[i].low]
			if !ok {
				continue
			}
			for k := i + 1; k < len(toks) && k <= i+3; k++ {
				for _, noun := range nouns {
					if toks[k].low == noun {
						return n
					}
				}
			}
		}
	}
	return 0
}

// buildLanding writes the landing page copy from the prompt's product
// name and what it does.
func (m *model) buildLanding() *prd.Landing {
	p := m.readPitch()
	does := "helps you get more done"
	headline := fmt.Sprintf("%s, made simple", p.name)
	if p.verb != "" {
		does = thirdPerson(p.verb) + " " + p.object
		headline = fmt.Sprintf("%s %s without the busywork", capital(p.verb), p.object)
	}
	low := strings.ToLower(m.d.raw)
	l := &prd.Landing{
		Headline:     clip(headline, 120),
		Subheadline:  fmt.Sprintf("%s %s, so you can spend your time on the work that matters. Set up in minutes.", p.name, does),
		CallToAction: "Get started",
		Signup:       m.signup || strings.Contains(low, "signup") || strings.Contains(low, "sign up") || strings.Contains(low, "sign-up") || strings.Contains(low, "subscribe"),
	}
	cards := m.countOf("feature", "features", "cards", "benefits")
	if cards == 0 {
		cards = 3
	}
	object := or(p.object, "projects")
	stand := "stands"
	if looksPlural(lastWordOf(object)) {
		stand = "stand"
	}
	first := prd.Card{Title: "Everything in one place", Body: fmt.Sprintf("%s brings your work together so nothing slips through the cracks.", p.name)}
	if p.verb != "" {
		first = prd.Card{Title: capital(gerundPhrase(p.verb, p.object)), Body: fmt.Sprintf("%s %s for you from start to finish: no spreadsheets, no copy and paste.", p.name, does)}
	}
	pool := []prd.Card{
		first,
		{Title: "Works with your tools", Body: fmt.Sprintf("Connect the apps you already use and keep %s in sync automatically.", object)},
		{Title: "Insight at a glance", Body: fmt.Sprintf("See where %s %s in real time with clear dashboards and reports.", object, stand)},
		{Title: "Secure by default", Body: "Your data is encrypted in transit and at rest, and you decide who can see what."},
		{Title: "Built for teams", Body: "Invite teammates, assign roles and work together in one shared space."},
		{Title: "Friendly support", Body: "Real people are ready to help by chat or email whenever you need it."},
	}
	l.Features = pool[:min(cards, len(pool))]
	if strings.Contains(low, "pricing") || strings.Contains(low, "tiers") || strings.Contains(low, "plans") {
		l.Pricing = pricing(m.countOf("tiers", "plans", "tier", "plan", "pricing"), object)
		l.CallToAction = "Start free"
	}
	if strings.Contains(low, "faq") || strings.Contains(low, "questions") {
		l.FAQ = []prd.QA{
			{Question: "What is " + p.name + "?", Answer: fmt.Sprintf("%s is %s that %s. It takes care of the routine parts so you don't have to.", p.name, p.what, does)},
			{Question: "Is there a free plan?", Answer: "Yes. You can start for free and upgrade when you need more."},
			{Question: "Can I cancel at any time?", Answer: "Yes. Plans are month to month and you can cancel with one click."},
			{Question: "Is my data safe?", Answer: "Your data is encrypted and backed up daily, and you can export it whenever you like."},
		}
	}
	if strings.Contains(low, "testimonial") || strings.Contains(low, "reviews") || strings.Contains(low, "social proof") {
		l.Testimonials = []prd.Testimonial{
			{Quote: fmt.Sprintf("%s saves us hours every week. I can't imagine going back.", p.name), Author: "Maya Chen", Role: "Operations lead"},
			{Quote: "Setup took ten minutes and the whole team was on board the same day.", Author: "Daniel Okafor", Role: "Founder"},
			{Quote: "Simple, fast and reliable: exactly what we needed.", Author: "Sofia Marquez", Role: "Freelancer"},
		}
	}
	l.Subheadline = clip(l.Subheadline, 300)
	return l
}

func pricing(n int, object string) []prd.Tier {
	if n < 1 || n > 4 {
		n = 3
	}
	all := []prd.Tier{
		{Name: "Starter", Price: "$0", Period: "month", Features: []string{"Up to 20 " + object + " a month", "Email support", "Core features"}},
		{Name: "Pro", Price: "$19", Period: "month", Features: []string{"Unlimited " + object, "Priority support", "Integrations", "Reports"}, Featured: true},
		{Name: "Business", Price: "$49", Period: "month", Features: []string{"Everything in Pro", "Team accounts and roles", "Audit log", "Dedicated onboarding"}},
		{Name: "Enterprise", Price: "Custom", Period: "year", Features: []string{"Everything in Business", "Single sign-on", "Custom contract and SLA"}},
	}
	out := all[:n]
	if n == 1 {
		out = []prd.Tier{all[1]}
	}
	if n == 2 {
		out = []prd.Tier{all[0], all[1]}
	}
	return out
}

func thirdPerson(verb string) string {
	switch {
	case strings.HasSuffix(verb, "y") && len(verb) > 2 && !strings.ContainsRune("aeiou", rune(verb[len(verb)-2])):
		return verb[:len(verb)-1] + "ies"
	case strings.HasSuffix(verb, "s") || strings.HasSuffix(verb, "sh") || strings.HasSuffix(verb, "ch") || strings.HasSuffix(verb, "x"):
		return verb + "es"
	}
	return verb + "s"
}

// gerundPhrase makes a card title from what the product does: "automate
// invoices" -> "Automated invoices".
func gerundPhrase(verb, object string) string {
	if verb == "" || object == "" {
		return ""
	}
	forms := inflect(verb)
	for _, f := range forms {
		if strings.HasSuffix(f, "ed") {
			return f + " " + object
		}
	}
	return gerund(verb) + " " + object
}

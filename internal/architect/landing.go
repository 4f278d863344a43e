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
// name, what it does and the kind of thing it offers.
func (m *model) buildLanding() *prd.Landing {
	p := m.readPitch()
	low := strings.ToLower(m.d.raw)
	kind := offeringOf(low)
	subject := m.landingSubject()
	does := "helps you get more done"
	if p.verb != "" {
		does = thirdPerson(p.verb) + " " + p.object
		kind = software
	}
	object := or(p.object, "projects")
	c := copyFor(kind, p.name, subject, p.what, does, object)
	l := &prd.Landing{
		CallToAction: c.cta,
		Signup:       m.signup || strings.Contains(low, "signup") || strings.Contains(low, "sign up") || strings.Contains(low, "sign-up") || strings.Contains(low, "subscribe"),
	}
	switch kind {
	case event:
		l.Headline = "Join us at " + p.name
		l.Subheadline = fmt.Sprintf("Talks, workshops and good company at %s. Places are limited: get your pass today.", p.name)
	case goods:
		item := goodsNoun(subject)
		l.Headline = fmt.Sprintf("%s, delivered to your door", capital(or(item, p.name)))
		l.Subheadline = fmt.Sprintf("%s brings you %s you'll love, on your schedule. Skip or cancel anytime.", p.name, or(item, "products"))
	case service:
		l.Headline = fmt.Sprintf("%s you can trust", capital(or(subject, p.name)))
		l.Subheadline = fmt.Sprintf("%s is friendly, experienced and easy to book. See what we offer and pick a time that suits you.", p.name)
	default:
		l.Headline = fmt.Sprintf("%s, made simple", p.name)
		if p.verb != "" {
			l.Headline = fmt.Sprintf("%s %s without the busywork", capital(p.verb), p.object)
		}
		l.Subheadline = fmt.Sprintf("%s %s, so you can spend your time on the work that matters. Set up in minutes.", p.name, does)
	}
	l.Headline = clip(l.Headline, 120)
	cards := m.countOf("feature", "features", "cards", "benefits")
	if cards == 0 {
		cards = 3
	}
	if kind == software && p.verb != "" {
		c.cards[0] = prd.Card{Title: capital(gerundPhrase(p.verb, p.object)), Body: fmt.Sprintf("%s %s for you from start to finish: no spreadsheets, no copy and paste.", p.name, does)}
	}
	l.Features = c.cards[:min(cards, len(c.cards))]
	if strings.Contains(low, "pricing") || strings.Contains(low, "tiers") || strings.Contains(low, "plans") || strings.Contains(low, "tickets") && kind == event {
		l.Pricing = pickTiers(c.tiers, m.countOf("tiers", "plans", "tier", "plan", "pricing", "passes", "ticket", "tickets"))
		l.CallToAction = c.priced
	}
	if strings.Contains(low, "faq") || strings.Contains(low, "questions") {
		l.FAQ = c.faq
	}
	if strings.Contains(low, "testimonial") || strings.Contains(low, "reviews") || strings.Contains(low, "social proof") {
		l.Testimonials = c.testimonials
	}
	l.Subheadline = clip(l.Subheadline, 300)
	return l
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

package architect

import (
	"fmt"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// offering is the kind of thing a landing page sells; it decides the copy
// written when the prompt gives none: a conference page talks about
// speakers and passes, a coffee subscription about deliveries.
type offering string

const (
	software offering = "software"
	event    offering = "event"
	goods    offering = "goods"
	service  offering = "service"
)

var offeringCues = []struct {
	kind  offering
	words []string
}{
	{event, []string{"conference", "festival", "summit", "meetup", "workshop", "retreat", "concert", "hackathon", "expo", "gala", "webinar", "bootcamp", "tournament", "marathon", "fair"}},
	{goods, []string{"subscription box", "coffee", "tea", "wine", "beer", "meal kit", "snack", "chocolate", "candle", "skincare", "cosmetics", "clothing", "apparel", "shoes", "jewelry", "jewellery", "furniture", "bakery", "flowers", "plants", "pet food", "book", "gadget", "headphones", "bike", "product", "brand", "shop", "store"}},
	{service, []string{"studio", "agency", "clinic", "consulting", "consultancy", "coaching", "coach", "salon", "spa", "gym", "school", "academy", "tutoring", "law firm", "dental", "dentist", "cleaning", "photography", "photographer", "restaurant", "cafe", "hotel", "therapy", "therapist", "plumber", "plumbing", "repair", "catering", "architect", "design firm", "accounting", "realtor", "real estate", "veterinary", "daycare", "driving"}},
	{software, []string{"saas", "app", "software", "tool", "platform", "api", "plugin", "extension", "dashboard", "automation", "ai "}},
}

// offeringOf reads what the landing page is for.
func offeringOf(low string) offering {
	for _, c := range offeringCues {
		for _, w := range c.words {
			if containsPhrase(low, strings.TrimSpace(w)) {
				return c.kind
			}
		}
	}
	return software
}

// goodsNoun is what a shop or subscription delivers: "coffee subscription"
// delivers coffee.
func goodsNoun(subject string) string {
	ws := strings.Fields(subject)
	for len(ws) > 1 && goodsHeads[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

var goodsHeads = set("subscription", "subscriptions", "box", "boxes", "kit", "kits", "shop", "store", "brand", "company", "delivery", "club", "service", "business")

// landingSubject is what the page is about in a few words, from the app's
// own description without page words: "coffee subscription".
func (m *model) landingSubject() string {
	for _, source := range [][]string{m.kindWords, strings.Fields(m.purpose)} {
		var ws []string
		for _, w := range source {
			if !landingNoise[w] && !determiners[w] {
				ws = append(ws, w)
			}
		}
		if len(ws) > 0 && len(ws) <= 4 {
			return strings.Join(ws, " ")
		}
	}
	return ""
}

var landingNoise = set("landing", "page", "pages", "website", "site", "web", "webpage", "homepage", "one-page", "single-page", "startup", "simple", "modern", "beautiful", "marketing", "product", "small", "new", "my", "our")

// productName finds the product's own name in the prompt: a capitalised
// word after "for" that the lexicon does not know ("Landing page for
// Flowly, a tool that …").
func (m *model) productName() string {
	for _, s := range m.d.sentences {
		toks := s.toks
		for i := 1; i+1 < len(toks); i++ {
			if !toks[i-1].is("for", "of") || toks[i].kind != tWord || !properName(toks[i:i+1]) {
				continue
			}
			j := i + 1
			for j < len(toks) && j < i+3 && toks[j].kind == tWord && properName(toks[j:j+1]) {
				j++
			}
			if j == len(toks) || toks[j].kind == tPunct || toks[j].is("that", "which", "a", "an", "the") {
				return words(toks[i:j])
			}
		}
		break
	}
	return ""
}

// landingName is the name a landing page shows when the prompt names no
// product: the subject without page words ("Coffee Subscription").
func (m *model) landingName() string {
	if s := m.landingSubject(); s != "" {
		return titleName(s)
	}
	return m.appName
}

// copyFor writes feature cards, tiers, questions and quotes for an
// offering. subject is what the page is about, object what the product
// handles (software) and does what it does.
type landingCopy struct {
	cards        []prd.Card
	tiers        []prd.Tier
	faq          []prd.QA
	testimonials []prd.Testimonial
	cta          string
	priced       string // the call to action beside pricing
}

func copyFor(kind offering, name, subject, what, does, object string) landingCopy {
	thing := or(subject, strings.ToLower(name))
	switch kind {
	case event:
		return landingCopy{
			cards: []prd.Card{
				{Title: "People worth the trip", Body: fmt.Sprintf("Learn from people who do the work: every session is chosen for %s.", name)},
				{Title: "Hands-on sessions", Body: "Workshops in small groups, so you leave with skills and not just slides."},
				{Title: "Meet your people", Body: "Breaks, dinners and open spaces made for the conversations that matter."},
				{Title: "Easy to reach", Body: "A central venue close to public transport, with hotels nearby at partner rates."},
				{Title: "Recordings included", Body: "Every talk is recorded and shared with ticket holders after the event."},
				{Title: "Welcoming to all", Body: "A code of conduct, step-free access and quiet rooms for everyone who comes."},
			},
			tiers: []prd.Tier{
				{Name: "Day pass", Price: "$99", Period: "day", Features: []string{"One day of talks", "Lunch and coffee", "Access to the expo"}},
				{Name: "Full pass", Price: "$249", Period: "event", Features: []string{"Every day of talks", "Workshops", "Evening social", "Recordings"}, Featured: true},
				{Name: "VIP", Price: "$499", Period: "event", Features: []string{"Everything in Full pass", "Reserved seating", "Speaker dinner", "Priority check-in"}},
				{Name: "Group", Price: "Custom", Period: "event", Features: []string{"Ten or more passes", "One invoice", "Team seating"}},
			},
			faq: []prd.QA{
				{Question: "When and where is " + name + "?", Answer: "Dates, venue and the full schedule are on this page and in the confirmation email you receive with your ticket."},
				{Question: "Can I get a refund?", Answer: "Tickets are refundable up to 30 days before the event, and you can transfer yours to a colleague at any time."},
				{Question: "Will talks be recorded?", Answer: "Yes. Full pass and VIP holders get every recording after the event."},
				{Question: "Is there a discount for students?", Answer: "Yes. Write to us with proof of enrolment and we will send you a code."},
			},
			testimonials: []prd.Testimonial{
				{Quote: "The best event I went to this year: every session was worth it.", Author: "Maya Chen", Role: "Attendee"},
				{Quote: "I came for the talks and left with a dozen new contacts.", Author: "Daniel Okafor", Role: "Attendee"},
				{Quote: "Well organised from the first email to the last session.", Author: "Sofia Marquez", Role: "Speaker"},
			},
			cta: "Get your ticket", priced: "Get your ticket",
		}
	case goods:
		return landingCopy{
			cards: []prd.Card{
				{Title: "Quality you can taste and see", Body: fmt.Sprintf("Every %s is chosen and checked by people who care about the details.", thing)},
				{Title: "Delivered to your door", Body: "Free shipping on every order, packed in recyclable materials."},
				{Title: "Skip or cancel anytime", Body: "Change, pause or cancel in a click: no calls, no fees."},
				{Title: "Made responsibly", Body: "We work directly with makers and pay them fairly for their work."},
				{Title: "Gifts made easy", Body: "Send a one-off or a subscription to someone you love, with a personal note."},
				{Title: "Happiness guaranteed", Body: "Not quite right? Tell us and we will replace it or refund you."},
			},
			tiers: []prd.Tier{
				{Name: "Taster", Price: "$15", Period: "month", Features: []string{"One delivery a month", "Free shipping", "Skip anytime"}},
				{Name: "Regular", Price: "$28", Period: "month", Features: []string{"Two deliveries a month", "Free shipping", "Member discounts", "Skip anytime"}, Featured: true},
				{Name: "Enthusiast", Price: "$45", Period: "month", Features: []string{"Weekly deliveries", "Early access to new releases", "Free gift wrapping"}},
				{Name: "Business", Price: "Custom", Period: "month", Features: []string{"For offices and teams", "Bulk pricing", "One invoice"}},
			},
			faq: []prd.QA{
				{Question: "How does " + name + " work?", Answer: "Choose a plan, tell us what you like and we deliver on your schedule. You can change it at any time."},
				{Question: "Can I pause or cancel?", Answer: "Yes. Skip a delivery, pause or cancel from your account in one click."},
				{Question: "Where do you ship?", Answer: "We ship nationwide, free on every order, usually within two working days."},
				{Question: "What if I don't like it?", Answer: "Tell us within 30 days and we will replace it or refund you."},
			},
			testimonials: []prd.Testimonial{
				{Quote: fmt.Sprintf("%s is the highlight of my month. Always fresh, always on time.", name), Author: "Maya Chen", Role: "Customer since 2024"},
				{Quote: "Lovely quality and the easiest subscription I have ever managed.", Author: "Daniel Okafor", Role: "Customer"},
				{Quote: "I sent it as a gift and now my whole family subscribes.", Author: "Sofia Marquez", Role: "Customer"},
			},
			cta: "Order now", priced: "Choose a plan",
		}
	case service:
		return landingCopy{
			cards: []prd.Card{
				{Title: "Experienced and friendly", Body: fmt.Sprintf("Our team has years of experience in %s and treats every client like a neighbour.", thing)},
				{Title: "Tailored to you", Body: "We listen first, then plan the work around what you need."},
				{Title: "Easy booking", Body: "Pick a time that suits you online, and get a reminder the day before."},
				{Title: "Clear, fair prices", Body: "You know the price before we start: no surprises on the bill."},
				{Title: "Flexible hours", Body: "Early mornings, evenings and weekends, so it fits around your life."},
				{Title: "Trusted locally", Body: "Hundreds of happy clients and a five-star average rating."},
			},
			tiers: []prd.Tier{
				{Name: "Basic", Price: "$49", Period: "session", Features: []string{"One session", "Personal consultation", "Follow-up by email"}},
				{Name: "Standard", Price: "$179", Period: "month", Features: []string{"Four sessions a month", "Priority booking", "Progress check-ins"}, Featured: true},
				{Name: "Premium", Price: "$299", Period: "month", Features: []string{"Unlimited sessions", "Dedicated specialist", "Flexible hours"}},
				{Name: "Corporate", Price: "Custom", Period: "year", Features: []string{"For teams and companies", "On-site visits", "One invoice"}},
			},
			faq: []prd.QA{
				{Question: "How do I book?", Answer: "Use the form on this page or call us; we confirm every booking within one working day."},
				{Question: "What should I expect the first time?", Answer: "A relaxed first meeting where we get to know what you need and agree on a plan."},
				{Question: "Can I cancel or reschedule?", Answer: "Yes, free of charge up to 24 hours before your appointment."},
				{Question: "Which payment methods do you accept?", Answer: "Cards, bank transfer and cash on the day."},
			},
			testimonials: []prd.Testimonial{
				{Quote: fmt.Sprintf("%s was professional from the first call. I recommend them to everyone.", name), Author: "Maya Chen", Role: "Client"},
				{Quote: "Friendly, on time and great value. I have booked again already.", Author: "Daniel Okafor", Role: "Client"},
				{Quote: "They listened to exactly what I wanted and delivered it.", Author: "Sofia Marquez", Role: "Client"},
			},
			cta: "Book now", priced: "Book now",
		}
	}
	stand := "stands"
	if looksPlural(lastWordOf(object)) {
		stand = "stand"
	}
	return landingCopy{
		cards: []prd.Card{
			{Title: "Everything in one place", Body: fmt.Sprintf("%s brings your work together so nothing slips through the cracks.", name)},
			{Title: "Works with your tools", Body: fmt.Sprintf("Connect the apps you already use and keep %s in sync automatically.", object)},
			{Title: "Insight at a glance", Body: fmt.Sprintf("See where %s %s in real time with clear dashboards and reports.", object, stand)},
			{Title: "Secure by default", Body: "Your data is encrypted in transit and at rest, and you decide who can see what."},
			{Title: "Built for teams", Body: "Invite teammates, assign roles and work together in one shared space."},
			{Title: "Friendly support", Body: "Real people are ready to help by chat or email whenever you need it."},
		},
		tiers: []prd.Tier{
			{Name: "Starter", Price: "$0", Period: "month", Features: []string{"Up to 20 " + object + " a month", "Email support", "Core features"}},
			{Name: "Pro", Price: "$19", Period: "month", Features: []string{"Unlimited " + object, "Priority support", "Integrations", "Reports"}, Featured: true},
			{Name: "Business", Price: "$49", Period: "month", Features: []string{"Everything in Pro", "Team accounts and roles", "Audit log", "Dedicated onboarding"}},
			{Name: "Enterprise", Price: "Custom", Period: "year", Features: []string{"Everything in Business", "Single sign-on", "Custom contract and SLA"}},
		},
		faq: []prd.QA{
			{Question: "What is " + name + "?", Answer: fmt.Sprintf("%s is %s that %s. It takes care of the routine parts so you don't have to.", name, what, does)},
			{Question: "Is there a free plan?", Answer: "Yes. You can start for free and upgrade when you need more."},
			{Question: "Can I cancel at any time?", Answer: "Yes. Plans are month to month and you can cancel with one click."},
			{Question: "Is my data safe?", Answer: "Your data is encrypted and backed up daily, and you can export it whenever you like."},
		},
		testimonials: []prd.Testimonial{
			{Quote: fmt.Sprintf("%s saves us hours every week. I can't imagine going back.", name), Author: "Maya Chen", Role: "Operations lead"},
			{Quote: "Setup took ten minutes and the whole team was on board the same day.", Author: "Daniel Okafor", Role: "Founder"},
			{Quote: "Simple, fast and reliable: exactly what we needed.", Author: "Sofia Marquez", Role: "Freelancer"},
		},
		cta: "Get started", priced: "Start free",
	}
}

// pickTiers chooses n tiers (1 to 4; 3 when unsaid) from an offering's four.
func pickTiers(all []prd.Tier, n int) []prd.Tier {
	switch {
	case n == 1:
		return []prd.Tier{all[1]}
	case n == 2:
		return []prd.Tier{all[0], all[1]}
	case n < 1 || n > 4:
		n = 3
	}
	return all[:n]
}

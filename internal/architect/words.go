package architect

import "strings"

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	determiners = set("a", "an", "the", "this", "that", "these", "those", "their", "its", "his", "her",
		"my", "our", "your", "each", "every", "all", "any", "some", "one", "various", "different",
		"multiple", "many", "several", "other", "another", "own", "new", "existing", "specific",
		"selected", "relevant", "related", "corresponding", "such", "certain", "both", "either",
		"whose", "which", "what", "no", "more", "most", "few", "much", "them", "it", "it's", "they")
	prepositions = set("of", "for", "in", "on", "at", "to", "from", "by", "with", "about", "into",
		"through", "across", "between", "via", "within", "without", "under", "over", "per", "as",
		"like", "than", "after", "before", "during", "against", "among", "around", "onto", "upon",
		"toward", "towards", "including", "containing", "plus", "based", "according", "where", "when")
	conjunctions = set("and", "or", "but", "nor", "&", "then", "so", "while", "whether", "if",
		"because", "that", "which", "who", "whom", "etc", "also", "too", "well")
	modals = set("can", "could", "should", "must", "will", "would", "may", "might", "shall",
		"need", "needs", "want", "wants", "able", "let", "lets", "allow", "allows", "allowing",
		"enable", "enables", "enabling", "be", "is", "are", "was", "were", "been", "being", "have",
		"has", "had", "do", "does", "did", "get", "gets", "not", "don't", "can't", "cannot")
	pronouns = set("i", "we", "you", "they", "he", "she", "it", "me", "us", "them", "him",
		"everyone", "anyone", "someone", "people", "users", "user", "visitors", "visitor")
	adverbs = set("easily", "quickly", "automatically", "directly", "online", "also", "only",
		"just", "even", "always", "never", "often", "currently", "real-time", "simply", "then",
		"first", "last", "up", "down", "out", "off", "back", "here", "there", "together", "again",
		"anonymously", "securely", "instantly", "dynamically", "manually", "publicly", "privately",
		"etc", "more", "very", "really", "interactively", "clearly", "immediately", "daily",
		"weekly", "monthly", "yearly", "at-a-glance", "e.g", "i.e", "eg", "ie")
)

// verbBases are actions a prompt asks an app to support. Their inflections
// are derived; words in nounVerbs double as nouns and count as verbs only
// where the context says so.
var verbBases = strings.Fields(`
implement build create make develop design add edit update delete remove manage browse view
see show display list search find filter sort track record log store keep save enter input
submit post publish share upload download book reserve schedule register enroll sign join leave
follow like rate review comment reply answer ask vote pay buy purchase order sell rent lease
renew transfer send receive compose write read watch listen play take choose select pick mark
check complete finish start stop open close move drag drop assign organize organise categorize
categorise tag group compare analyze analyse calculate compute generate export import print
invite connect communicate contact learn understand explore discover visit help support provide
include contain allow enable offer showcase present highlight monitor query inquire verify
confirm approve reject cancel collect donate apply hire recruit interact discuss participate
customize customise configure set adjust switch convert preview spin win earn redeem claim
subscribe unsubscribe attend host invite simulate train upgrade battle revive merge undo resign
identify detect alert notify remind sync integrate summarize summarise visualize visualise
access login logout authenticate chat message call email text favorite favourite star bookmark
save clock complete fill populate circulate estimate assess evaluate measure plan draft
inspire expose protect ensure attract streamline match teach practice practise study revise
rank bid trade deposit release withdraw lend borrow return reserve rsvp check-in checkout
perform execute conduct input output fill ask spot recognize recognise publish distribute
automate simplify organize track optimize accelerate power unify centralize reduce boost grow
scale secure sync automate digitize transform turn keep save speed replace belong
`)

var nounVerbs = set("book", "record", "log", "post", "report", "comment", "review", "rate",
	"order", "schedule", "plan", "list", "share", "search", "filter", "sort", "chat", "message",
	"contact", "design", "track", "check", "transfer", "rent", "lease", "call", "vote", "answer",
	"question", "score", "link", "file", "display", "upload", "download", "bid", "trade", "quote",
	"request", "claim", "note", "play", "match", "reply", "email", "text", "favorite", "star",
	"bookmark", "estimate", "draft", "release", "deposit", "return", "rank", "practice", "alert",
	"reminder", "remind", "access", "support", "help", "visit", "tag", "group", "rsvp", "print",
	"upgrade", "battle", "export", "import", "start", "finish", "update", "view", "store", "offer",
	"purchase", "study", "test", "exam", "release", "order", "reserve", "signup", "sign-up", "login",
	"checkout", "check-in", "train", "attend", "host", "mark", "set", "input", "query", "match")

var verbForms = func() map[string]string {
	m := map[string]string{}
	for _, b := range verbBases {
		for _, f := range inflect(b) {
			if _, ok := m[f]; !ok {
				m[f] = b
			}
		}
	}
	for f, b := range map[string]string{"chose": "choose", "chosen": "choose", "bought": "buy", "sold": "sell", "made": "make", "written": "write", "wrote": "write", "seen": "see", "saw": "see", "kept": "keep", "left": "leave", "found": "find", "paid": "pay", "sent": "send", "taken": "take", "took": "take", "read": "read", "set": "set", "won": "win", "shown": "show"} {
		m[f] = b
	}
	return m
}()

// inflect derives -s, -ing and -ed forms of a regular verb.
func inflect(b string) []string {
	forms := []string{b}
	switch {
	case strings.HasSuffix(b, "y") && len(b) > 2 && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
		forms = append(forms, b[:len(b)-1]+"ies", b[:len(b)-1]+"ied", b+"ing")
	case strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee"):
		forms = append(forms, b+"s", b+"d", b[:len(b)-1]+"ing")
	case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "x"):
		forms = append(forms, b+"es", b+"ed", b+"ing")
	case doublesFinal(b):
		last := b[len(b)-1:]
		forms = append(forms, b+"s", b+last+"ed", b+last+"ing")
	default:
		forms = append(forms, b+"s", b+"ed", b+"ing")
	}
	return forms
}

func doublesFinal(b string) bool {
	if len(b) < 3 || len(b) > 4 {
		return b == "submit" || b == "admit" || b == "commit" || b == "permit" || b == "refer" || b == "prefer" || b == "control" || b == "enroll" || b == "input" || b == "output"
	}
	c1, v, c2 := b[len(b)-3], b[len(b)-2], b[len(b)-1]
	vowel := func(c byte) bool { return strings.ContainsRune("aeiou", rune(c)) }
	return !vowel(c1) && vowel(v) && !vowel(c2) && !strings.ContainsRune("wxy", rune(c2))
}

// verbBase returns the base form of a known verb form, or "".
func verbBase(w string) string { return verbForms[w] }

// gerund turns a verb into its -ing form ("water" -> "watering").
func gerund(v string) string {
	forms := inflect(v)
	for _, f := range forms {
		if strings.HasSuffix(f, "ing") {
			return f
		}
	}
	if strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee") {
		return v[:len(v)-1] + "ing"
	}
	return v + "ing"
}

// nounOnlyIng are -ing words that name things, not actions.
var nounOnlyIng = set("booking", "listing", "meeting", "building", "painting", "clothing",
	"wedding", "housing", "setting", "settings", "rating", "ratings", "pricing", "training",
	"morning", "evening", "string", "thing", "king", "ring", "spring", "wing", "ceiling",
	"earring", "offering", "opening", "drawing", "reading", "ending", "heading",
	"filling", "feeling", "saying", "timing", "warning", "finding", "holding", "landing",
	"parking", "shipping", "sibling", "topping", "pudding", "dumpling", "seedling", "bedding",
	"lodging", "catering", "banking", "hosting", "funding", "marketing", "accounting",
	"engineering", "plumbing", "roofing", "flooring", "fencing", "tutoring", "coaching",
	"cleaning", "gaming", "streaming", "camping", "fishing", "hiking", "sightseeing")

// stopNouns never become entities: they name the app, its parts or abstractions.
var stopNouns = set("website", "site", "web", "app", "application", "platform", "system", "page",
	"pages", "functionality", "functionalities", "function", "functions", "feature", "features",
	"interface", "ui", "ux", "design", "layout", "color", "colour", "background", "component",
	"components", "element", "elements", "button", "buttons", "user", "users", "visitor",
	"visitors", "people", "everyone", "someone", "information", "info", "data", "detail", "details",
	"content", "contents", "way", "ability", "option", "options", "thing", "things", "stuff",
	"mini-program", "program", "module", "section", "sections", "area", "part",
	"type", "types", "kind", "kinds", "variety", "lot", "number", "list", "management", "experience",
	"login", "registration", "authentication", "password", "security", "privacy",
	"navigation", "menu", "home", "homepage", "dashboard", "frontend", "backend", "database",
	"server", "api", "integration", "mode", "theme", "style", "styling", "time", "times", "day",
	"days", "week", "weeks", "year", "years", "month", "months", "end", "start", "top", "bottom",
	"form", "forms", "field", "fields", "input", "inputs", "click", "screen", "view", "views",
	"process", "processes", "operation", "operations", "action", "actions", "step", "steps",
	"status", "result", "results", "analysis", "statistics", "stats", "overview", "summary",
	"purpose", "goal", "platforms", "websites", "apps", "systems", "capability", "capabilities",
	"speed", "performance", "responsive", "mobile", "desktop", "device", "devices", "support",
	"help", "guide", "use", "usage", "access", "control", "permission", "permissions", "setting",
	"settings", "criteria", "criterion", "condition", "conditions", "preference", "preferences",
	"requirement", "requirements", "need", "needs", "interest", "interests", "attention",
	"others", "other", "mind", "life", "world", "business", "businesses", "company-wide",
	"everything", "anything", "something", "nothing", "more", "variety", "range", "set", "sets",
	"level", "levels", "trend", "trends", "insight", "insights", "knowledge", "imagination",
	"truth", "truths", "society", "awareness", "decision", "decisions", "approach", "manner",
	"solution", "solutions", "service-level", "collaboration", "communication", "interaction",
	"interactions", "engagement", "presence", "friend", "friends", "recommendation",
	"recommendations", "functionality's", "structure", "visualization", "visualisation",
	"chart", "charts", "graph", "graphs", "map", "maps", "report-level", "simulation",
	"prediction", "predictions", "point", "points", "history", "link-level", "modal")

// fillerHeads are heads that stand for the noun before them: "customer
// information" is about customers, "property listings" are properties.
var fillerHeads = set("information", "info", "data", "details", "detail", "records", "record",
	"listings", "listing", "list", "lists", "management", "history", "histories", "catalog",
	"catalogue", "page", "pages", "section", "module", "database", "library", "directory",
	"entries", "entry", "profiles", "items", "item", "board", "center", "centre", "panel",
	"system", "feature", "function", "functionality", "showcase", "overview", "archive", "tracking",
	"registration", "inquiry", "search", "browsing", "publishing", "sharing", "form", "tool",
	"portal", "area", "hub", "feed", "queue", "bank", "collection", "settings", "status", "statistics",
	"name", "names", "display", "showcase", "introduction", "enrollment", "submission", "tracking")

package architect

import (
	"slices"
	"strings"
)

// objectVerbs take the records an app manages as their object.
var objectVerbs = set("manage", "browse", "view", "add", "create", "edit", "delete", "track", "record",
	"log", "book", "post", "publish", "submit", "search", "filter", "list", "organize", "organise",
	"share", "upload", "enroll", "apply", "register", "schedule", "rate", "review", "compose", "send",
	"comment", "buy", "purchase", "order", "rent", "lease", "sell", "donate", "collect", "store",
	"display", "showcase", "compare", "answer", "take", "download", "reserve", "write", "read",
	"watch", "listen", "join", "find", "select", "choose", "input", "enter", "generate", "explore",
	"discover", "hire", "sort", "categorize", "categorise", "print", "receive", "save", "keep",
	"update", "remove", "reply", "vote", "bid", "renew", "transfer", "play", "assign", "host",
	"catalog", "catalogue", "query", "monitor", "check", "see", "showcase", "follow", "invite",
	"leave", "publish", "learn", "study", "practice", "practise", "design", "customize", "customise",
	"release", "confirm", "approve", "process", "handle", "issue", "import", "export", "present",
	"highlight", "introduce", "feature", "promote", "sell")

// makeVerbs create records; their objects weigh more.
var makeVerbs = set("add", "create", "post", "book", "submit", "publish", "record", "log", "track",
	"manage", "upload", "register", "enroll", "apply", "write", "compose", "schedule", "reserve",
	"rent", "lease", "order", "buy", "purchase", "share", "donate", "store", "save", "keep", "bid",
	"catalog", "catalogue", "sell", "hire", "assign", "edit", "delete")

var verbParticles = set("for", "to", "in", "on", "into", "about", "through", "up", "out", "off", "at", "with")

type candidate struct {
	name      string
	score     int
	pos       int
	object    bool
	made      bool
	plural    bool
	mentioned int
	heads     []string // the last words the prompt used for it
}

// proseEntities finds the records a free-form description is about: nouns
// that are objects of actions ("browse property listings", "book
// apartments"), nouns before "management", and the app's own subject
// ("recipe sharing site"). It returns them best first.
func (m *model) proseEntities() []candidate {
	cands := map[string]*candidate{}
	add := func(np []token, pos, weight int, object, made bool) {
		name, ok := nounName(np)
		if !ok || len(strings.Fields(name)) > 3 {
			return
		}
		c := cands[name]
		if c == nil {
			c = &candidate{name: name, pos: pos}
			cands[name] = c
		}
		c.score += weight
		c.mentioned++
		if head := singularWord(np[len(np)-1].low); !slices.Contains(c.heads, head) {
			c.heads = append(c.heads, head)
		}
		c.object = c.object || object
		c.made = c.made || made
		if last := np[len(np)-1].low; looksPlural(last) || fillerHeads[last] && len(np) > 1 && looksPlural(np[len(np)-2].low) {
			c.plural = true
		}
	}
	for si, s := range m.d.sentences {
		toks := s.toks
		for i := 0; i < len(toks); i++ {
			pos := si*1000 + i
			t := toks[i]
			base := verbBase(t.low)
			if base != "" && objectVerbs[base] && (isVerbAt(toks, i) || strings.HasSuffix(t.low, "ing") && !nounOnlyIng[t.low]) {
				j := i + 1
				for j < len(toks) && verbParticles[toks[j].low] {
					j++
				}
				np, end := npAfter(toks, j)
				if len(np) > 0 {
					add(np, pos, 2+boolInt(makeVerbs[base]), true, makeVerbs[base])
				}
				for end+1 < len(toks) && (toks[end].low == "," || toks[end].is("and", "or")) {
					k := end + 1
					if toks[k].is("and", "or") {
						k++
					}
					if k < len(toks) && (isVerbAt(toks, k) || verbBase(toks[k].low) != "" && strings.HasSuffix(toks[k].low, "ing")) {
						break
					}
					np2, e2 := npAfter(toks, k)
					if len(np2) == 0 || e2 == end {
						break
					}
					add(np2, si*1000+k, 1+boolInt(makeVerbs[base]), true, makeVerbs[base])
					end = e2
				}
				continue
			}
			if t.is("management", "managing") && i > 0 {
				_, np := npBefore(toks, i)
				if len(np) > 0 {
					add(np, pos, 3, true, true)
				}
			}
			if t.is("of") && i > 0 && toks[i-1].is("list", "lists", "catalog", "collection", "gallery", "menu", "database", "directory", "library", "set", "series", "archive", "feed") {
				np, _ := npAfter(toks, i+1)
				if len(np) > 0 {
					add(np, pos, 3, true, true)
				}
			}
		}
		for _, np := range nounRuns(toks) {
			add(np.toks, si*1000+np.start, 1, false, false)
		}
	}
	if c := cands[m.kindEntity]; c != nil {
		c.score += 3
		c.object = true
	}
	var out []candidate
	for _, c := range cands {
		_, known := nounPriors[c.name]
		if known {
			c.score += 2
		}
		if c.plural {
			c.score++
		}
		ok := known && c.object && c.score >= 4 || !known && c.object && c.made && c.plural && c.score >= 7 && c.mentioned >= 2
		if m.ownerNoun(c.name) {
			ok = false
		}
		if ok {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b candidate) int {
		if a.score != b.score {
			return b.score - a.score
		}
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return strings.Compare(a.name, b.name)
	})
	return out
}

// ownerNoun reports whether a noun names who the site is for ("a website
// for a solar company"): the owner is not a record the site manages.
func (m *model) ownerNoun(name string) bool {
	for _, p := range []string{m.owner, m.forWhom} {
		if p != "" && singularWord(lastWordOf(p)) == name {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

type run struct {
	start int
	toks  []token
}

// nounRuns lists maximal runs of words that can form a noun phrase.
func nounRuns(toks []token) []run {
	var out []run
	for i := 0; i < len(toks); {
		if boundary(toks, i) || !toks[i].word() {
			i++
			continue
		}
		j := i
		for j < len(toks) && !boundary(toks, j) && toks[j].word() {
			j++
		}
		if j-i <= 4 {
			out = append(out, run{start: i, toks: toks[i:j]})
		}
		i = j
	}
	return out
}

package architect

import "strings"

// irregular plurals, singular -> plural.
var irregularPlural = map[string]string{
	"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet",
	"tooth": "teeth", "mouse": "mice", "goose": "geese", "ox": "oxen", "criterion": "criteria",
	"analysis": "analyses", "thesis": "theses", "crisis": "crises", "diagnosis": "diagnoses",
	"hypothesis": "hypotheses", "synopsis": "synopses", "basis": "bases", "axis": "axes",
	"leaf": "leaves", "wolf": "wolves", "knife": "knives", "life": "lives", "wife": "wives",
	"shelf": "shelves", "half": "halves", "thief": "thieves", "loaf": "loaves", "calf": "calves",
	"elf": "elves", "self": "selves", "scarf": "scarves", "hero": "heroes", "potato": "potatoes",
	"tomato": "tomatoes", "echo": "echoes", "veto": "vetoes", "volcano": "volcanoes",
	"mosquito": "mosquitoes", "torpedo": "torpedoes", "cactus": "cacti", "fungus": "fungi",
	"alumnus": "alumni", "curriculum": "curricula", "phenomenon": "phenomena", "appendix": "appendices",
	"matrix": "matrices", "vertex": "vertices", "index": "indexes", "die": "dice",
}

// uncountable words have one form for both numbers.
var uncountable = map[string]bool{
	"news": true, "series": true, "species": true, "data": true, "information": true, "feedback": true,
	"equipment": true, "furniture": true, "software": true, "hardware": true, "music": true,
	"money": true, "research": true, "homework": true, "knowledge": true, "luggage": true,
	"baggage": true, "advice": true, "physics": true, "mathematics": true, "economics": true,
	"politics": true, "athletics": true, "gymnastics": true, "analytics": true, "logistics": true,
	"ethics": true, "electronics": true, "sheep": true, "fish": true, "deer": true, "staff": true,
	"aircraft": true, "metadata": true, "media": true, "clothing": true, "jewelry": true,
	"jewellery": true, "seafood": true, "livestock": true, "merchandise": true, "attendance": true,
	"stock": true, "inventory": false, "mail": true, "traffic": true, "weather": true, "fitness": true,
	"progress": true, "scenery": true, "poetry": true, "art": false, "chess": true, "tennis": true,
	"golf": true, "rice": true, "salmon": true, "trout": true, "moose": true, "bison": true,
}

// notPlural are words ending in s that are singular.
var notPlural = map[string]bool{
	"status": true, "address": true, "class": true, "business": true, "bus": true, "campus": true,
	"bonus": true, "virus": true, "census": true, "chorus": true, "circus": true, "focus": true,
	"genius": true, "syllabus": true, "analysis": true, "basis": true, "thesis": true, "crisis": true,
	"diagnosis": true, "process": true, "access": true, "success": true, "glass": true, "boss": true,
	"pass": true, "canvas": true, "atlas": true, "gas": true, "alias": true, "bias": true,
	"iris": true, "plus": true, "minus": true, "corpus": true, "radius": true, "apparatus": true,
	"lens": true, "yes": true, "this": true, "is": true, "its": true, "has": true, "was": true,
	"christmas": true, "always": true, "perhaps": true, "whereas": true, "dress": true, "mess": true,
	"stress": true, "fitness": true, "wellness": true, "kindness": true, "progress": true,
	"express": true, "congress": true, "loss": true, "cross": true, "kiss": true, "miss": true,
	"prospectus": true, "hummus": true, "octopus": true, "platypus": true, "bogus": true, "us": true,
	"gps": true, "sms": true, "cms": true, "aws": true, "dns": true, "os": true, "ios": true,
	"nexus": true, "lotus": true, "cactus": true, "fungus": true, "terminus": true, "stimulus": true,
	"axis": true, "oasis": true, "emphasis": true, "synopsis": true, "tennis": true, "chess": true,
}

var ieWords = map[string]bool{
	"movies": true, "cookies": true, "calories": true, "pies": true, "ties": true, "lies": true,
	"zombies": true, "rookies": true, "selfies": true, "smoothies": true, "brownies": true,
	"goalies": true, "aunties": true, "hoodies": true, "techies": true, "newbies": true,
	"freebies": true, "genies": true, "prairies": true, "sorties": true, "walkies": true,
	"veggies": true, "foodies": true, "budgies": true, "birdies": true, "indies": true, "species": true,
	"series": true, "eyries": true, "lingeries": true, "rotisseries": true, "boogies": true,
}

var keepSOnEs = map[string]bool{
	"niches": true, "caches": true, "headaches": true, "avalanches": true, "moustaches": true,
	"microfiches": true, "cliches": true, "creches": true, "quiches": true, "psyches": true,
	"axes": false, "ukuleles": true,
}

// singularWord returns the singular of an English noun, lower case.
func singularWord(w string) string {
	w = strings.ToLower(w)
	if len(w) < 3 || uncountable[w] || notPlural[w] {
		return w
	}
	for s, p := range irregularPlural {
		if p == w {
			return s
		}
	}
	if _, ok := irregularPlural[w]; ok {
		return w
	}
	switch {
	case strings.HasSuffix(w, "'s"):
		return w[:len(w)-2]
	case ieWords[w]:
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "zzes"):
		return w[:len(w)-3]
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") && !keepSOnEs[w]:
		return w[:len(w)-2]
	case strings.HasSuffix(w, "uses"):
		if len(w) > 4 && strings.ContainsRune("aeiou", rune(w[len(w)-5])) {
			return w[:len(w)-1]
		}
		if w == "uses" {
			return "use"
		}
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// pluralWord returns the plural of an English noun, lower case.
func pluralWord(w string) string {
	w = strings.ToLower(w)
	if w == "" || uncountable[w] {
		return w
	}
	if p, ok := irregularPlural[w]; ok {
		return p
	}
	for _, p := range irregularPlural {
		if p == w {
			return w
		}
	}
	last := w[len(w)-1]
	switch {
	case strings.HasSuffix(w, "quiz") || strings.HasSuffix(w, "whiz"):
		return w + "zes"
	case last == 'y' && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// looksPlural reports whether an English word is a regular or irregular plural.
func looksPlural(w string) bool {
	w = strings.ToLower(w)
	if uncountable[w] || notPlural[w] || len(w) < 3 {
		return false
	}
	return singularWord(w) != w
}

// lastWordApply applies f to the last word of a phrase.
func lastWordApply(phrase string, f func(string) string) string {
	ws := strings.Fields(phrase)
	if len(ws) == 0 {
		return phrase
	}
	ws[len(ws)-1] = f(ws[len(ws)-1])
	return strings.Join(ws, " ")
}

// singularOf and pluralOf handle a noun phrase in the given language; the
// head is the last word in English and the first word in Romance languages.
func singularOf(phrase, lang string) string {
	switch lang {
	case "en", "":
		return lastWordApply(phrase, singularWord)
	case "fr", "es", "pt", "it":
		return romanceApply(phrase, func(w string) string { return romanceSingular(w, lang) })
	case "de", "nl":
		return lastWordApply(phrase, func(w string) string { return germanicSingular(w, lang) })
	}
	return phrase
}

func pluralOf(phrase, lang string) string {
	switch lang {
	case "en", "":
		return lastWordApply(phrase, pluralWord)
	case "fr", "es", "pt", "it":
		return romanceApply(phrase, func(w string) string { return romancePlural(w, lang) })
	case "de", "nl":
		return lastWordApply(phrase, func(w string) string { return germanicPlural(w, lang) })
	}
	return phrase
}

// romanceApply inflects the head noun and the adjectives after it
// ("tâche urgente" -> "tâches urgentes"); words after "de"/"di"/"da" stay.
func romanceApply(phrase string, f func(string) string) string {
	ws := strings.Fields(phrase)
	for i, w := range ws {
		if i > 0 && (w == "de" || w == "di" || w == "da" || w == "do" || w == "del" || w == "du" || w == "des" || w == "d'" || strings.HasPrefix(w, "d'") || w == "à" || w == "a") {
			break
		}
		ws[i] = f(w)
	}
	return strings.Join(ws, " ")
}

func romanceSingular(w, lang string) string {
	if known, ok := foreignSingular[lang][w]; ok {
		return known
	}
	if len(w) < 4 {
		return w
	}
	switch lang {
	case "fr":
		switch {
		case strings.HasSuffix(w, "aux") && len(w) > 4:
			return w[:len(w)-3] + "al"
		case strings.HasSuffix(w, "eaux"):
			return w[:len(w)-1]
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			return w[:len(w)-1]
		}
	case "es":
		switch {
		case strings.HasSuffix(w, "ciones"):
			return w[:len(w)-6] + "ción"
		case strings.HasSuffix(w, "siones"):
			return w[:len(w)-6] + "sión"
		case strings.HasSuffix(w, "ces"):
			return w[:len(w)-3] + "z"
		case strings.HasSuffix(w, "es") && !strings.ContainsRune("aeiouáéíóú", rune(w[len(w)-3])) && !strings.HasSuffix(w, "ues"):
			return w[:len(w)-2]
		case strings.HasSuffix(w, "s"):
			return w[:len(w)-1]
		}
	case "pt":
		switch {
		case strings.HasSuffix(w, "ções"):
			return strings.TrimSuffix(w, "ções") + "ção"
		case strings.HasSuffix(w, "ões"):
			return strings.TrimSuffix(w, "ões") + "ão"
		case strings.HasSuffix(w, "éis"):
			return strings.TrimSuffix(w, "éis") + "el"
		case strings.HasSuffix(w, "ais"):
			return strings.TrimSuffix(w, "ais") + "al"
		case strings.HasSuffix(w, "ns"):
			return strings.TrimSuffix(w, "ns") + "m"
		case strings.HasSuffix(w, "res") || strings.HasSuffix(w, "zes"):
			return w[:len(w)-2]
		case strings.HasSuffix(w, "s"):
			return w[:len(w)-1]
		}
	case "it":
		return w
	}
	return w
}

func romancePlural(w, lang string) string {
	if known, ok := foreignPlural[lang][w]; ok {
		return known
	}
	if w == "" {
		return w
	}
	last := []rune(w)[len([]rune(w))-1]
	switch lang {
	case "fr":
		switch {
		case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z"):
			return w
		case strings.HasSuffix(w, "eau") || strings.HasSuffix(w, "eu"):
			return w + "x"
		case strings.HasSuffix(w, "al") && len(w) > 3:
			return w[:len(w)-2] + "aux"
		}
		return w + "s"
	case "es":
		switch {
		case strings.HasSuffix(w, "ción"):
			return strings.TrimSuffix(w, "ción") + "ciones"
		case strings.HasSuffix(w, "sión"):
			return strings.TrimSuffix(w, "sión") + "siones"
		case last == 'z':
			return w[:len(w)-1] + "ces"
		case strings.ContainsRune("aeiouáéó", last):
			return w + "s"
		case last == 's':
			return w
		}
		return w + "es"
	case "pt":
		switch {
		case strings.HasSuffix(w, "ção"):
			return strings.TrimSuffix(w, "ção") + "ções"
		case strings.HasSuffix(w, "ão"):
			return strings.TrimSuffix(w, "ão") + "ões"
		case strings.HasSuffix(w, "el"):
			return strings.TrimSuffix(w, "el") + "éis"
		case strings.HasSuffix(w, "al"):
			return strings.TrimSuffix(w, "al") + "ais"
		case last == 'm':
			return w[:len(w)-1] + "ns"
		case last == 'r' || last == 'z':
			return w + "es"
		case last == 's':
			return w
		}
		return w + "s"
	case "it":
		switch last {
		case 'o', 'e':
			return w[:len(w)-1] + "i"
		case 'a':
			return w[:len(w)-1] + "e"
		}
		return w
	}
	return w + "s"
}

func germanicSingular(w, lang string) string {
	if known, ok := foreignSingular[lang][w]; ok {
		return known
	}
	if lang == "nl" {
		switch {
		case strings.HasSuffix(w, "'s"):
			return w[:len(w)-2]
		case strings.HasSuffix(w, "en") && len(w) > 4:
			return w[:len(w)-2]
		}
		return w
	}
	for _, r := range [][2]string{{"ungen", "ung"}, {"heiten", "heit"}, {"keiten", "keit"}, {"schaften", "schaft"}, {"ionen", "ion"}, {"innen", "in"}, {"täten", "tät"}} {
		if strings.HasSuffix(w, r[0]) {
			return strings.TrimSuffix(w, r[0]) + r[1]
		}
	}
	return w
}

func germanicPlural(w, lang string) string {
	if known, ok := foreignPlural[lang][w]; ok {
		return known
	}
	if lang == "nl" {
		if strings.HasSuffix(w, "e") || strings.HasSuffix(w, "el") || strings.HasSuffix(w, "er") {
			return w + "s"
		}
		return w + "en"
	}
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "n"
	case strings.HasSuffix(w, "ung") || strings.HasSuffix(w, "heit") || strings.HasSuffix(w, "keit") || strings.HasSuffix(w, "schaft") || strings.HasSuffix(w, "ion") || strings.HasSuffix(w, "tät"):
		return w + "en"
	case strings.HasSuffix(w, "in"):
		return w + "nen"
	case strings.HasSuffix(w, "er") || strings.HasSuffix(w, "el") || strings.HasSuffix(w, "en"):
		return w
	case strings.HasSuffix(w, "a") || strings.HasSuffix(w, "o") || strings.HasSuffix(w, "i") || strings.HasSuffix(w, "y"):
		return w + "s"
	}
	return w + "e"
}

package architect

import (
	"strings"
	"unicode"
)

// stopwords are frequent function words that tell languages written in the
// Latin alphabet apart.
var stopwords = map[string][]string{
	"en": {"the", "and", "with", "a", "an", "of", "to", "for", "each", "has", "have", "can", "should", "is", "are", "my", "i", "app", "where", "by", "show", "website"},
	"de": {"der", "die", "das", "und", "mit", "ein", "eine", "einen", "für", "jede", "jeder", "jedes", "hat", "haben", "können", "soll", "ist", "sind", "meine", "ich", "nach", "auf", "zu", "von", "zum", "zur", "nicht"},
	"fr": {"le", "la", "les", "et", "avec", "un", "une", "des", "pour", "chaque", "a", "ont", "peut", "doit", "est", "sont", "mes", "je", "par", "du", "de", "sur", "qui", "dans", "au", "aux"},
	"es": {"el", "la", "los", "las", "y", "con", "un", "una", "para", "cada", "tiene", "tienen", "puede", "debe", "es", "son", "mis", "yo", "por", "del", "de", "que", "en", "al"},
	"pt": {"o", "a", "os", "as", "e", "com", "um", "uma", "para", "cada", "tem", "têm", "pode", "deve", "é", "são", "meus", "eu", "por", "do", "da", "dos", "das", "de", "que", "em", "no", "na"},
	"it": {"il", "lo", "la", "gli", "le", "e", "con", "un", "una", "ogni", "ha", "hanno", "può", "deve", "è", "sono", "di", "che", "del", "della"},
	"nl": {"de", "het", "een", "en", "met", "voor", "elke", "heeft", "hebben", "kan", "moet", "is", "zijn", "van", "op", "mijn", "ik"},
}

// detectLanguage returns the BCP 47 tag of the text's language: by script for
// Chinese, Japanese, Korean, Cyrillic, Greek and Arabic, by function words for
// languages in the Latin alphabet. English is the default.
func detectLanguage(text string) string {
	var han, kana, hangul, cyr, greek, arabic, latin int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.IsLetter(r):
			latin++
		}
	}
	switch {
	case kana > 0 && kana+han >= latin/4:
		return "ja"
	case han > 0 && han >= latin/4:
		return "zh"
	case hangul > 0 && hangul >= latin/4:
		return "ko"
	case cyr > latin:
		return "ru"
	case greek > latin:
		return "el"
	case arabic > latin:
		return "ar"
	}
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for lang, list := range stopwords {
			for _, s := range list {
				if s == w {
					counts[lang]++
				}
			}
		}
	}
	best, bestN := "en", counts["en"]
	for _, lang := range []string{"de", "fr", "es", "pt", "it", "nl"} {
		if counts[lang] > bestN+bestN/5 && counts[lang] >= 2 {
			best, bestN = lang, counts[lang]
		}
	}
	if best == "es" || best == "pt" {
		best = spanishOrPortuguese(text, best)
	}
	return best
}

// spanishOrPortuguese settles the two languages that share most short words
// by letters and words only one of them uses.
func spanishOrPortuguese(text, guess string) string {
	low := strings.ToLower(text)
	pt := strings.Count(low, "ção") + strings.Count(low, "ções") + strings.Count(low, "ã") + strings.Count(low, " com ") + strings.Count(low, " não ") + strings.Count(low, " um ") + strings.Count(low, " uma ") + strings.Count(low, "õ")
	es := strings.Count(low, "ción") + strings.Count(low, "ñ") + strings.Count(low, " con ") + strings.Count(low, " y ") + strings.Count(low, " los ") + strings.Count(low, " una ") + strings.Count(low, " el ")
	switch {
	case pt > es:
		return "pt"
	case es > pt:
		return "es"
	}
	return guess
}

// Package architect turns a plain-language description of an app into a PRD
// without a language model. It exists so that NexusGen works on a machine with
// no model configured, and so that model-backed coders start from a known-good
// plan.
//
// Understanding is layered rather than a table of app kinds: sentences are
// tokenised; sentence patterns find entities and their field lists ("each X
// has a, b and c", "X with a, b", "X (a, b)", "X linked to Y"), records that
// belong to others ("rentals of a car with …", "pets belong to an owner and
// have …") and records people make by acting on one ("volunteers sign up
// for a shift with their name"), whose fields stay their own; a lexicon types
// each field from its words and the words around it (dates, money, counts,
// ratings, flags, choices listed in parentheses or after a colon); nouns are
// normalised to singular lower case; feature phrases ("search recipes by
// name", "total spent per category", "top 5 donors") are tied to the entities
// and fields they name; colours named in the prompt become the theme. Priors
// for common kinds of app fill only what the prompt leaves open, and every
// inference is recorded in the PRD's assumptions.
package architect

// Package diag turns the raw output of the tools a generated app is built and
// tested with (npm, tsc, Next.js, ESLint, Vitest, Playwright, Vite, the
// running app) into typed diagnostics, classifies them into the self-healing
// taxonomy and computes the normalised signature the fix cache is keyed by.
//
// Parse is the entry point: it reads one command's output with the parser of
// its tool, classifies each diagnostic, removes duplicates, puts likely
// causes first and, when nothing is recognised, still returns one UNKNOWN
// diagnostic with the end of the output. WithRoot makes the paths tools
// print relative to the project; WithFS lets the classifier look at the
// project tree. The per-tool parsers (ParseNext, ParseTSC, …) return what
// the output states, unclassified.
//
// Classify assigns a Category and Subclass from the tool, code, message,
// file and excerpt of a diagnostic — TypeScript codes, npm error codes,
// Next.js documentation links and the wording of each tool — never from the
// name of a particular file or package. Signature abstracts the particulars
// of a diagnostic (names, paths, versions, numbers) so the same mistake in
// another app matches; Key keeps them; Subjects lists them; Similarity
// compares signatures for a fuzzy second-level match.
package diag

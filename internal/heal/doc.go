// Package heal is the self-healing loop's healer: every failed build or
// test is parsed (internal/diag), classified, fixed and retried until it
// passes or is escalated with an explanation a person can act on.
//
// A fix comes, in order, from the fix cache (a signature's recipes that
// worked before, exact match first, similar signatures second), from the
// deterministic rules (internal/heal/rules), from the fallback strategies
// (a known-good template file, a fresh lockfile, another package manager,
// the last successful build) and, when a provider is configured, from a
// model. A recipe names a fixer, never a patch of one app, so it applies to
// the same mistake in any app.
//
// The healer never builds. The engine builds after each fix; the next
// failure (or the stages' Passed call) tells the healer whether the fix
// worked. A fix whose error comes back is undone, demoted in the cache and
// never applied to that error again, so nothing loops; RetryConfig bounds
// the cycles per run and per category, and waiting happens only where it
// helps (network and machine failures). Each run's memory is a session
// keyed by the run's ID; snapshots of the files before each fix and of the
// last build that passed are kept in .nexusgen/heal.
package heal

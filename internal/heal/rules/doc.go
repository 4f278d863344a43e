// Package rules holds the healer's deterministic fixers: one per class of
// error that generated Next.js apps make, each repairing the concrete
// diagnostic it is given — the package, file, name or line the tool
// reported — so the same rule (and the fix cache's recipe naming it)
// applies to the same mistake in any app. No rule calls a model; the few
// that need facts from outside the project (a package's versions and peer
// ranges) ask npm through heal.Registry.
//
// All returns them in the order the healer tries them. A rule that does not
// fit the project it is shown returns heal.ErrNotApplicable with a reason;
// rules with alternatives (heal.Variants) offer the next one when the
// healer reports the first one failed.
package rules

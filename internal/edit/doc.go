// Package edit applies follow-up changes to an app that NexusGen generated.
//
// A request in plain language ("add a notes field to tasks and sort them by
// due date") is read clause by clause into typed operations, each resolved
// against the app's current PRD so that a misspelt entity or field is
// refused with the names that do exist. The operations are applied to a copy
// of the PRD, which must still validate. Both PRDs are rendered and compared
// with the files on disk: the manifest says which files the engine wrote and
// what it wrote, so files a person has changed since are never overwritten
// or deleted silently — the edit is refused, or with an explicit policy the
// person's version is backed up or kept. Files the engine never wrote are
// never touched.
//
// Field types, entity names and colours are read with the architect, through
// the same Planner interface the loop uses, so an edit and a new app type
// "due date" or "navy components" the same way.
package edit

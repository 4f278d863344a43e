// Package prd owns the product requirements document: the typed description
// of an app (entities, fields, relations, pages, features, theme) that every
// architect produces and every coder consumes, its JSON Schema and its
// validation. The coder never learns which architect wrote a PRD.
package prd

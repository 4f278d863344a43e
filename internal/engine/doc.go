// Package engine runs the agentic loop: a pure state machine (Transition)
// decides what happens next, and stage runners (architect, coder, reviewer,
// build, heal, test, preview, deploy) do the work, each reporting the event
// that moves the machine on. Every step is published as an event; the run
// can be cancelled at any point through its context.
package engine

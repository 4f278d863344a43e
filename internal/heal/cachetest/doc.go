// Package cachetest is the conformance suite every fix cache Store passes:
// the file store of the command line, the memory store and the server's
// database store alike.
package cachetest

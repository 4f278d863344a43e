// Package faults reads the fault corpus — broken variants of one small
// Next.js app, each with its failing command and a reference fix — and
// materialises a case into a project folder, as the corpus's apply.sh
// does. The healer's tests and benchmarks use it; the healer never reads
// the reference fixes.
package faults

// Package tsedit reads and edits TypeScript and JSX source text without a
// compiler: a scanner that knows strings, comments, template literals,
// regular expressions and JSX well enough to match brackets and elements
// and to say what is still open where a file was cut off; and the edits
// the healer's rules make with it — imports, directives, functions,
// expressions located by a tool's line and column.
//
// It works on text, so it is forgiving: a file that does not parse still
// scans, and callers check the result of an edit by building again.
package tsedit

package edit

import (
	"fmt"
	"io"
)

// Summary is a change as printed for a person or as JSON.
type Summary struct {
	Request string       `json:"request"`
	Ops     []OpSummary  `json:"ops"`
	Files   []FileChange `json:"files"`
	Policy  Policy       `json:"policy"`
	// Changed is false when the app already had everything asked for.
	Changed bool `json:"changed"`
}

// OpSummary is one op and what it did.
type OpSummary struct {
	Kind    string `json:"kind"`
	Op      Op     `json:"op"`
	Note    string `json:"note"`
	Changed bool   `json:"changed"`
}

// Summary describes the change.
func (c *Change) Summary() Summary {
	s := Summary{Request: c.Request, Files: c.Files, Policy: c.Policy, Changed: c.Changed()}
	for i, op := range c.Ops {
		os := OpSummary{Kind: op.Kind(), Op: op}
		if i < len(c.Results) {
			os.Note, os.Changed = c.Results[i].Note, c.Results[i].Changed
		}
		s.Ops = append(s.Ops, os)
	}
	if s.Files == nil {
		s.Files = []FileChange{}
	}
	return s
}

// Describe writes the change for a person: what each op does, then what
// happens to each file.
func (c *Change) Describe(w io.Writer) {
	c.DescribeOps(w)
	c.DescribeFiles(w)
}

// DescribeOps writes what each op does.
func (c *Change) DescribeOps(w io.Writer) {
	fmt.Fprintln(w, "Changes:")
	for _, r := range c.Results {
		mark := "+"
		if !r.Changed {
			mark = "="
		}
		fmt.Fprintf(w, "  %s %s\n", mark, r.Note)
	}
	if !c.Changed() {
		fmt.Fprintln(w, "Nothing to change: the app already has what was asked for.")
	}
}

// DescribeFiles writes what happens to each file.
func (c *Change) DescribeFiles(w io.Writer) {
	if !c.Changed() {
		return
	}
	counts := map[Action]int{}
	for _, f := range c.Files {
		counts[f.Action]++
	}
	fmt.Fprintf(w, "Files: %d new, %d updated, %d deleted, %d of yours kept, %d in conflict\n",
		counts[Create], counts[Update], counts[Delete], counts[Keep], counts[Conflict])
	for _, f := range c.Files {
		backup := ""
		if f.Backup {
			backup = " [backed up]"
		}
		fmt.Fprintf(w, "  %-8s %s — %s%s\n", f.Action, f.Path, f.Reason, backup)
	}
}

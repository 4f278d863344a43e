package heal

import (
	"fmt"
	"strings"
)

// Diff returns a unified diff (3 lines of context) from before to after of
// the file at path, and the number of lines it adds or removes. Nil before
// is a new file; nil after a deleted one.
func Diff(path string, before, after []byte) (string, int) {
	if string(before) == string(after) && (before == nil) == (after == nil) {
		return "", 0
	}
	a, b := splitLines(before), splitLines(after)
	ops := lineOps(a, b)
	changed := 0
	for _, op := range ops {
		if op.kind != ' ' {
			changed++
		}
	}
	from, to := "a/"+path, "b/"+path
	if before == nil {
		from = "/dev/null"
	}
	if after == nil {
		to = "/dev/null"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", from, to)
	for _, h := range hunks(ops, 3) {
		sb.WriteString(h)
	}
	return sb.String(), changed
}

func splitLines(data []byte) []string {
	if len(data) == 0 {
		return nil
	}
	s := strings.TrimSuffix(string(data), "\n")
	return strings.Split(s, "\n")
}

// op is one line of an edit script: ' ' kept, '-' removed, '+' added.
type op struct {
	kind byte
	text string
	a, b int // line numbers (1-based) in before and after
}

// lineOps computes a shortest edit script: common prefix and suffix are
// trimmed, the middle is aligned by a longest common subsequence.
func lineOps(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	var ops []op
	for i := 0; i < pre; i++ {
		ops = append(ops, op{' ', a[i], i + 1, i + 1})
	}
	ops = append(ops, lcsOps(ma, mb, pre, pre)...)
	for i := 0; i < suf; i++ {
		ia, ib := len(a)-suf+i, len(b)-suf+i
		ops = append(ops, op{' ', a[ia], ia + 1, ib + 1})
	}
	return ops
}

// lcsOps aligns two short slices; beyond a size where the table would be
// large, it replaces the whole middle (still a correct diff).
func lcsOps(a, b []string, offA, offB int) []op {
	var ops []op
	if len(a)*len(b) > 4_000_000 {
		for i, s := range a {
			ops = append(ops, op{'-', s, offA + i + 1, offB})
		}
		for j, s := range b {
			ops = append(ops, op{'+', s, offA + len(a), offB + j + 1})
		}
		return ops
	}
	n, m := len(a), len(b)
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i], offA + i + 1, offB + j + 1})
			i++
			j++
		case i < n && (j == m || t[i+1][j] >= t[i][j+1]):
			ops = append(ops, op{'-', a[i], offA + i + 1, offB + j})
			i++
		default:
			ops = append(ops, op{'+', b[j], offA + i, offB + j + 1})
			j++
		}
	}
	return ops
}

// hunks groups changes with ctx lines of context around them.
func hunks(ops []op, ctx int) []string {
	var out []string
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-ctx)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			// A run of kept lines longer than 2·ctx ends the hunk.
			k := end
			for k < len(ops) && ops[k].kind == ' ' {
				k++
			}
			if k == len(ops) || k-end > 2*ctx {
				end = min(len(ops), end+ctx)
				break
			}
			end = k
		}
		out = append(out, formatHunk(ops[start:end]))
		i = end
	}
	return out
}

func formatHunk(ops []op) string {
	var aStart, bStart, aLen, bLen int
	for _, o := range ops {
		if o.kind != '+' {
			if aLen == 0 {
				aStart = o.a
			}
			aLen++
		}
		if o.kind != '-' {
			if bLen == 0 {
				bStart = o.b
			}
			bLen++
		}
	}
	if aLen == 0 {
		aStart = ops[0].a
	}
	if bLen == 0 {
		bStart = ops[0].b
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@\n", aStart, aLen, bStart, bLen)
	for _, o := range ops {
		sb.WriteByte(o.kind)
		sb.WriteString(o.text)
		sb.WriteByte('\n')
	}
	return sb.String()
}

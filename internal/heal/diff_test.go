package heal

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	before := []byte("a\nb\nc\nd\ne\nf\ng\nh\n")
	after := []byte("a\nb\nc\nD\ne\nf\ng\nh\ni\n")
	d, n := Diff("x.ts", before, after)
	if n != 3 {
		t.Errorf("%d changed lines, want 3\n%s", n, d)
	}
	want := "--- a/x.ts\n+++ b/x.ts\n@@ -1,8 +1,9 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+i\n"
	if d != want {
		t.Errorf("diff:\n%s\nwant:\n%s", d, want)
	}
}

func TestDiffNewAndDeleted(t *testing.T) {
	d, n := Diff("n.ts", nil, []byte("x\ny\n"))
	if n != 2 || !strings.HasPrefix(d, "--- /dev/null\n+++ b/n.ts\n") {
		t.Errorf("new file: %d\n%s", n, d)
	}
	d, n = Diff("n.ts", []byte("x\n"), nil)
	if n != 1 || !strings.Contains(d, "+++ /dev/null") {
		t.Errorf("deleted file: %d\n%s", n, d)
	}
	if d, n := Diff("n.ts", []byte("same\n"), []byte("same\n")); d != "" || n != 0 {
		t.Errorf("no change: %q %d", d, n)
	}
}

func TestDiffSeparateHunks(t *testing.T) {
	var a, b []string
	for i := range 40 {
		a = append(a, "line")
		b = append(b, "line")
		if i == 2 || i == 30 {
			b[i] = "changed"
		}
	}
	d, n := Diff("f", []byte(strings.Join(a, "\n")+"\n"), []byte(strings.Join(b, "\n")+"\n"))
	if n != 4 || strings.Count(d, "@@ -") != 2 {
		t.Errorf("want 2 hunks, 4 lines:\n%s", d)
	}
}

func TestLineMapper(t *testing.T) {
	m := lineMapper([]byte("a\nb\nc\nd\n"), []byte("x\na\nb\nc\nd\n"))
	if m(3) != 4 || m(1) != 2 {
		t.Errorf("after an inserted line: 3→%d 1→%d", m(3), m(1))
	}
	m = lineMapper([]byte("a\nb\nc\nd\n"), []byte("a\nc\nd\n"))
	if m(4) != 3 {
		t.Errorf("after a removed line: 4→%d", m(4))
	}
}

package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCleanPathRefusesHostilePaths(t *testing.T) {
	bad := []string{
		"", ".", "/etc/passwd", "../x", "a/../../x", "a/b/../../../x", "~/x", "a\\b", "C:\\x",
		"a\x00b", "node_modules/x/index.js", ".git/config", ".nexusgen/report.json", ".next/x",
		"x/\ny", strings.Repeat("a", 600), "dist/a.js",
	}
	for _, p := range bad {
		if _, err := CleanPath(p); !errors.Is(err, ErrUnsafePath) {
			t.Errorf("CleanPath(%q) = %v, want ErrUnsafePath", p, err)
		}
	}
	good := map[string]string{
		"app/page.tsx": "app/page.tsx", "./app/page.tsx": "app/page.tsx", "a//b": "a/b",
		"a/./b": "a/b", "a/b/../c": "a/c", "components/ui/button.tsx": "components/ui/button.tsx",
		"app/[id]/page.tsx": "app/[id]/page.tsx", ".gitignore": ".gitignore",
	}
	for in, want := range good {
		got, err := CleanPath(in)
		if err != nil || got != want {
			t.Errorf("CleanPath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestWriteFileStaysInside(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	ws, err := Open(filepath.Join(dir, "ws"))
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	// A symlink planted inside the workspace pointing out of it.
	if err := os.Symlink(outside, filepath.Join(ws.Dir(), "escape")); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.WriteFile("escape/pwned.txt", []byte("x")); err == nil {
		t.Error("write through a symlink leaving the workspace succeeded")
	}
	if _, err := os.Stat(filepath.Join(outside, "pwned.txt")); err == nil {
		t.Fatal("file written outside the workspace")
	}
	changed, err := ws.WriteFile("app/page.tsx", []byte("a"))
	if err != nil || !changed {
		t.Fatalf("write: %v %v", changed, err)
	}
	if changed, _ := ws.WriteFile("app/page.tsx", []byte("a")); changed {
		t.Error("same content reported as changed")
	}
	if _, err := ws.WriteFile("big.txt", make([]byte, MaxFileBytes+1)); err == nil {
		t.Error("oversized file accepted")
	}
	files, err := ws.Files()
	if err != nil || len(files) != 1 || files[0] != "app/page.tsx" {
		t.Errorf("Files() = %v, %v", files, err)
	}
	if _, err := ws.ReadFile("../outside"); err == nil {
		t.Error("read outside the workspace succeeded")
	}
}

func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"app/page.tsx", "../x", "/abs", "a/../b", "a\x00", "node_modules/x", "é/ü.tsx", "a/./b//c"} {
		f.Add(s)
	}
	root := f.TempDir()
	f.Fuzz(func(t *testing.T, p string) {
		clean, err := CleanPath(p)
		if err != nil {
			return
		}
		joined := filepath.Join(root, filepath.FromSlash(clean))
		rel, err := filepath.Rel(root, joined)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, "../") || filepath.IsAbs(clean) {
			t.Fatalf("CleanPath(%q) = %q escapes the root (rel %q)", p, clean, rel)
		}
		if again, err := CleanPath(clean); err != nil || again != clean {
			t.Fatalf("CleanPath not idempotent: %q -> %q -> %q, %v", p, clean, again, err)
		}
	})
}

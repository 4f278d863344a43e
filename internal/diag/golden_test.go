package diag

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/**/*.golden.json from the parsers' current output")

// sample is one recorded output in testdata and how to read it.
type sample struct {
	path string // relative to testdata
	tool Tool
	root string // the project directory the output was recorded in
}

// samples lists testdata/**/*.txt. The folder names the tool; the project
// root is the directory the output was recorded in (see testdata/README.md).
func samples(t testing.TB) []sample {
	t.Helper()
	var out []sample
	err := filepath.WalkDir("testdata", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, "testdata"+string(filepath.Separator)))
		out = append(out, sampleFor(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sampleFor(rel string) sample {
	dir, name := filepath.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	base := strings.TrimSuffix(name, ".txt")
	s := sample{path: rel}
	caseRoot := func(id string) string { return "/tmp/diag-cases/" + id }
	switch top, _, _ := strings.Cut(dir, "/"); top {
	case "cases":
		id := strings.TrimPrefix(dir, "cases/")
		s.root = caseRoot(id)
		s.tool = map[string]Tool{"install": ToolNPM, "typecheck": ToolTSC, "build": ToolNext}[base]
	case "variants":
		id := strings.TrimPrefix(dir, "variants/")
		s.root = "/tmp/diag-variants/" + id
		s.tool = map[string]Tool{"typecheck": ToolTSC, "build": ToolNext}[base]
	case "tsc", "next":
		s.tool = Tool(top)
		if _, id, ok := strings.Cut(base, "-"); ok {
			s.root = caseRoot(id)
		}
	case "npm", "eslint", "vitest", "vite":
		s.tool, s.root = Tool(top), "/tmp/diag-tools/"+top
	case "playwright":
		s.tool, s.root = ToolPlaywright, "/tmp/diag-tools/pw"
	case "runtime":
		s.tool, s.root = ToolRuntime, "/tmp/diag-tools/runtime"
		if strings.HasPrefix(base, "node-") {
			s.root = "/tmp/diag-tools/node"
		}
	}
	if strings.HasPrefix(base, "hand-") {
		s.root = "/app"
	}
	return s
}

// goldenEntry is a diagnostic with its signature, as the golden files hold them.
type goldenEntry struct {
	Diagnostic
	Signature string `json:"signature"`
}

func parseSample(t testing.TB, s sample) []Diagnostic {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", s.path))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(s.tool, string(data), WithRoot(s.root))
}

func TestGolden(t *testing.T) {
	for _, s := range samples(t) {
		t.Run(s.path, func(t *testing.T) {
			t.Parallel()
			ds := parseSample(t, s)
			entries := make([]goldenEntry, 0, len(ds))
			for _, d := range ds {
				entries = append(entries, goldenEntry{d, Signature(d)})
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(entries); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := filepath.Join("testdata", strings.TrimSuffix(s.path, ".txt")+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("diagnostics differ from %s (go test -run TestGolden -update, then review the diff)\ngot:\n%s", golden, got)
			}
		})
	}
}

package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/prd"
)

func TestDevRender(t *testing.T) {
	out := os.Getenv("RENDER_OUT")
	if out == "" {
		t.Skip()
	}
	names := []string{"tasks", "crm"}
	if n := os.Getenv("RENDER_NAMES"); n != "" {
		names = strings.Split(n, ",")
	}
	for _, name := range names {
		data, err := os.ReadFile("testdata/prd/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		p, err := prd.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		files, err := Render(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			path := filepath.Join(out, name, f.Path)
			os.MkdirAll(filepath.Dir(path), 0o755)
			os.WriteFile(path, f.Data, 0o644)
		}
	}
}

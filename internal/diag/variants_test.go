package diag

import (
	"path/filepath"
	"testing"
)

// TestVariants checks mistakes outside the fault corpus, recorded from real
// builds of the same app (testdata/variants): the first error of each output
// has the expected file and class.
func TestVariants(t *testing.T) {
	tests := []struct {
		variant, output, file string
		cat                   Category
		sub                   string
	}{
		{"create-context-server", "build", "components/ThemeProvider.tsx", Runtime, UseClientMissing},
		{"default-vs-named", "build", "app/page.tsx", Runtime, ImportError},
		{"default-vs-named", "typecheck", "app/page.tsx", Runtime, ImportError},
		{"headers-in-client", "build", "components/TaskForm.tsx", Runtime, ServerClientBoundary},
		{"index-possibly-undefined", "build", "app/page.tsx", Type, NullUndefined},
		{"index-possibly-undefined", "typecheck", "app/page.tsx", Type, NullUndefined},
		{"metadata-in-client", "build", "app/tasks/page.tsx", Runtime, MetadataInClient},
		{"missing-comma", "build", "lib/store.ts", Syntax, UnexpectedToken},
		{"missing-comma", "typecheck", "lib/store.ts", Syntax, UnexpectedToken},
		{"missing-dep-clsx", "build", "components/TaskForm.tsx", Dependency, MissingPackage},
		{"missing-dep-clsx", "typecheck", "components/TaskForm.tsx", Dependency, MissingPackage},
		{"next-router-in-server", "build", "app/page.tsx", Runtime, PagesRouterAPI},
		{"sync-headers", "build", "app/page.tsx", Type, AsyncRequestAPI},
		{"sync-headers", "typecheck", "app/page.tsx", Type, AsyncRequestAPI},
		{"truncated-in-string", "build", "lib/store.ts", Syntax, UnexpectedEOF},
		{"truncated-in-string", "typecheck", "lib/store.ts", Syntax, UnexpectedEOF},
		{"use-server-const-export", "build", "app/actions.ts", Runtime, ServerActions},
		{"window-in-server", "build", "app/page.tsx", Runtime, ServerClientBoundary},
		{"wrong-named-import", "build", "app/page.tsx", Runtime, ImportError},
		{"wrong-named-import", "typecheck", "app/page.tsx", Runtime, ImportError},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		rel := "variants/" + tt.variant + "/" + tt.output + ".txt"
		seen[rel] = true
		t.Run(tt.variant+"/"+tt.output, func(t *testing.T) {
			ds := parseSample(t, sampleFor(rel))
			if len(ds) == 0 {
				t.Fatal("no diagnostics")
			}
			d := ds[0]
			if d.File != tt.file || d.Category != tt.cat || d.Subclass != tt.sub {
				t.Errorf("got %s %s/%s, want %s %s/%s\n%s", d.File, d.Category, d.Subclass, tt.file, tt.cat, tt.sub, describe(ds))
			}
		})
	}
	all, _ := filepath.Glob(filepath.Join("testdata", "variants", "*", "*.txt"))
	for _, p := range all {
		rel, _ := filepath.Rel("testdata", p)
		if !seen[filepath.ToSlash(rel)] {
			t.Errorf("%s has no expectation here", rel)
		}
	}
}

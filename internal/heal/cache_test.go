package heal_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/diag"
	"github.com/nexusgen/nexusgen/internal/heal"
	"github.com/nexusgen/nexusgen/internal/heal/cachetest"
)

func TestFileStoreConformance(t *testing.T) {
	cachetest.Exercise(t, cachetest.Opener{
		Open: func(t *testing.T) heal.Store {
			s, err := heal.OpenFileStore(filepath.Join(t.TempDir(), "fixcache"))
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		Reopen: func(t *testing.T, s heal.Store) heal.Store {
			s2, err := heal.OpenFileStore(s.(*heal.FileStore).Dir())
			if err != nil {
				t.Fatal(err)
			}
			return s2
		},
	})
}

func TestMemStoreConformance(t *testing.T) {
	cachetest.Exercise(t, cachetest.Opener{Open: func(*testing.T) heal.Store { return heal.NewMemStore() }})
}

func TestCacheExactThenSimilar(t *testing.T) {
	ctx := context.Background()
	at := time.Now()
	c := heal.NewCache(heal.NewMemStore())
	missing := diag.Signature(diag.Classify(diag.Diagnostic{Tool: diag.ToolTSC, Code: "TS2307", File: "app/page.tsx",
		Message: "Cannot find module 'date-fns' or its corresponding type declarations."}))
	// The same mistake in other words: a message with a trailing hint.
	similar := diag.Signature(diag.Classify(diag.Diagnostic{Tool: diag.ToolTSC, Code: "TS2307", File: "lib/x.ts",
		Message: "Cannot find module 'zod' or its corresponding type declarations in this project."}))
	if missing == similar {
		t.Fatal("test needs two different signatures")
	}
	if diag.Similarity(missing, similar) < heal.DefaultMinSimilarity {
		t.Fatalf("similarity %.2f is below the threshold", diag.Similarity(missing, similar))
	}
	if hits, _ := c.Lookup(ctx, missing); len(hits) != 0 {
		t.Fatalf("empty cache hit %+v", hits)
	}
	if err := c.Record(ctx, missing, heal.Recipe{Fixer: "dep.add"}, true, at); err != nil {
		t.Fatal(err)
	}
	hits, err := c.Lookup(ctx, missing)
	if err != nil || len(hits) != 1 || !hits[0].Exact || hits[0].Recipe.Fixer != "dep.add" {
		t.Fatalf("exact lookup %+v %v", hits, err)
	}
	hits, _ = c.Lookup(ctx, similar)
	if len(hits) != 1 || hits[0].Exact || hits[0].Similarity < heal.DefaultMinSimilarity {
		t.Fatalf("similar lookup %+v", hits)
	}
	other := diag.Signature(diag.Classify(diag.Diagnostic{Tool: diag.ToolTSC, Code: "TS2322", Message: "Type 'string' is not assignable to type 'number'."}))
	if hits, _ := c.Lookup(ctx, other); len(hits) != 0 {
		t.Errorf("another category matched: %+v", hits)
	}
	m := c.Metrics()
	if m.Lookups != 4 || m.ExactHits != 1 || m.SimilarHits != 1 || m.Misses != 2 || m.HitRate() != 0.5 {
		t.Errorf("metrics %+v", m)
	}
}

func TestCacheDemotion(t *testing.T) {
	ctx := context.Background()
	at := time.Now()
	c := heal.NewCache(heal.NewMemStore())
	s := "tsc|TYPE|implicit_any|TS7006|Parameter <q> implicitly has an <q> type"
	good, bad := heal.Recipe{Fixer: "types.implicit-any"}, heal.Recipe{Fixer: "llm"}
	record := func(r heal.Recipe, ok bool) {
		t.Helper()
		if err := c.Record(ctx, s, r, ok, at); err != nil {
			t.Fatal(err)
		}
	}
	record(bad, true)
	record(bad, false)
	record(good, true)
	hits, _ := c.Lookup(ctx, s)
	if len(hits) != 2 || hits[0].Recipe != good || hits[1].Recipe != bad || !hits[1].Demoted() {
		t.Fatalf("a recipe that failed is not demoted below one that did not: %+v", hits)
	}
	// Demoted recipes are never offered for similar signatures.
	record(good, false)
	record(good, false)
	near := "tsc|TYPE|implicit_any|TS7006|Parameter <q> implicitly has an <q> type here"
	if hits, _ := c.Lookup(ctx, near); len(hits) != 0 {
		t.Errorf("demoted recipes offered for a similar signature: %+v", hits)
	}
}

func TestCacheConcurrentUse(t *testing.T) {
	ctx := context.Background()
	store, err := heal.OpenFileStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c := heal.NewCache(store)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := "sig"
			if i%2 == 0 {
				s = "sig|other"
			}
			if err := c.Record(ctx, s, heal.Recipe{Fixer: "x"}, true, time.Now()); err != nil {
				t.Error(err)
			}
			if _, err := c.Lookup(ctx, s); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if m := c.Metrics(); m.Lookups != 20 {
		t.Errorf("lookups %d", m.Lookups)
	}
	hits, _ := c.Lookup(ctx, "sig")
	if len(hits) == 0 || hits[0].Successes != 10 {
		t.Errorf("hits %+v", hits)
	}
}

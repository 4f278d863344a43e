package heal

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nexusgen/nexusgen/internal/diag"
)

// Entry is what the fix cache knows about one recipe for one signature.
type Entry struct {
	Signature string    `json:"signature"`
	Recipe    Recipe    `json:"recipe"`
	Successes int       `json:"successes"`
	Failures  int       `json:"failures"`
	Updated   time.Time `json:"updated"`
}

// Score ranks entries: every failure outweighs a success, so a recipe that
// fails is demoted below one that has not.
func (e Entry) Score() int { return e.Successes - 2*e.Failures }

// Demoted reports whether the recipe has failed at least as often as it
// worked; demoted recipes are still tried on exact matches after the
// others, never on similar ones.
func (e Entry) Demoted() bool { return e.Failures > 0 && e.Failures >= e.Successes }

// Store persists fix cache entries. The command line keeps them in files
// (FileStore); a server keeps them in its database. Every implementation
// passes the suite in heal/cachetest.
type Store interface {
	// Get returns the entries of one signature, best first (Score, then
	// most recently updated); none is not an error.
	Get(ctx context.Context, signature string) ([]Entry, error)
	// Scan calls fn with every entry until fn returns false.
	Scan(ctx context.Context, fn func(Entry) bool) error
	// Record adds one outcome of applying recipe to an error with the
	// signature, creating the entry on first use, and returns the entry.
	// Concurrent calls for the same entry must all be counted.
	Record(ctx context.Context, signature string, recipe Recipe, ok bool, at time.Time) (Entry, error)
}

// SimilarFinder is implemented by stores that search similar signatures
// themselves (an index, a vector column). Without it the cache scans.
type SimilarFinder interface {
	Similar(ctx context.Context, signature string, min float64, limit int) ([]Entry, error)
}

// Hit is a cache answer: a recipe and how it was found.
type Hit struct {
	Entry
	// Exact is false for a similarity match.
	Exact      bool
	Similarity float64
}

// Metrics count the cache's lookups since it was made.
type Metrics struct {
	Lookups      int `json:"lookups"`
	ExactHits    int `json:"exact_hits"`
	SimilarHits  int `json:"similar_hits"`
	Misses       int `json:"misses"`
	Applied      int `json:"applied"`       // recipes from the cache that were applied
	AppliedFixed int `json:"applied_fixed"` // … and fixed their error
}

// HitRate is the share of lookups answered by the cache.
func (m Metrics) HitRate() float64 {
	if m.Lookups == 0 {
		return 0
	}
	return float64(m.ExactHits+m.SimilarHits) / float64(m.Lookups)
}

// DefaultMinSimilarity is the least diag.Similarity for a second-level match.
const DefaultMinSimilarity = 0.75

// Cache is the fix cache over a Store: exact signature first, similar
// signatures second, with hit metrics. It is safe for concurrent use.
type Cache struct {
	Store Store
	// MinSimilarity is the least similarity of a second-level match
	// (DefaultMinSimilarity when zero).
	MinSimilarity float64

	mu      sync.Mutex
	metrics Metrics
}

// NewCache returns a cache over store.
func NewCache(store Store) *Cache { return &Cache{Store: store} }

// Lookup returns the recipes for a signature, best first: exact entries
// that are not demoted, then similar ones (not demoted, most similar
// first), then demoted exact ones. A nil cache finds nothing.
func (c *Cache) Lookup(ctx context.Context, signature string) ([]Hit, error) {
	if c == nil || c.Store == nil {
		return nil, nil
	}
	exact, err := c.Store.Get(ctx, signature)
	if err != nil {
		return nil, err
	}
	var hits, demoted []Hit
	seen := map[Recipe]bool{}
	for _, e := range exact {
		seen[e.Recipe] = true
		h := Hit{Entry: e, Exact: true, Similarity: 1}
		if e.Demoted() {
			demoted = append(demoted, h)
			continue
		}
		hits = append(hits, h)
	}
	similar, err := c.similar(ctx, signature)
	if err != nil {
		return nil, err
	}
	for _, h := range similar {
		if !seen[h.Recipe] {
			seen[h.Recipe] = true
			hits = append(hits, h)
		}
	}
	hits = append(hits, demoted...)
	c.mu.Lock()
	c.metrics.Lookups++
	switch {
	case len(hits) > 0 && hits[0].Exact:
		c.metrics.ExactHits++
	case len(hits) > 0:
		c.metrics.SimilarHits++
	default:
		c.metrics.Misses++
	}
	c.mu.Unlock()
	return hits, nil
}

func (c *Cache) similar(ctx context.Context, signature string) ([]Hit, error) {
	min := c.MinSimilarity
	if min == 0 {
		min = DefaultMinSimilarity
	}
	var found []Entry
	if sf, ok := c.Store.(SimilarFinder); ok {
		es, err := sf.Similar(ctx, signature, min, 20)
		if err != nil {
			return nil, err
		}
		found = es
	} else {
		err := c.Store.Scan(ctx, func(e Entry) bool {
			if e.Signature != signature && sameTool(e.Signature, signature) && diag.Similarity(e.Signature, signature) >= min {
				found = append(found, e)
			}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	var hits []Hit
	for _, e := range found {
		if e.Demoted() || e.Successes == 0 || e.Signature == signature {
			continue
		}
		hits = append(hits, Hit{Entry: e, Similarity: diag.Similarity(e.Signature, signature)})
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		switch {
		case a.Similarity != b.Similarity:
			if a.Similarity > b.Similarity {
				return -1
			}
			return 1
		default:
			return b.Score() - a.Score()
		}
	})
	return hits, nil
}

// sameTool keeps similarity matches within one tool's wording; the same
// mistake reported by another tool has its own exact entry soon enough.
func sameTool(a, b string) bool {
	ta, _, _ := strings.Cut(a, "|")
	tb, _, _ := strings.Cut(b, "|")
	return ta == tb
}

// Record stores the outcome of applying a recipe.
func (c *Cache) Record(ctx context.Context, signature string, r Recipe, ok bool, at time.Time) error {
	if c == nil || c.Store == nil {
		return nil
	}
	_, err := c.Store.Record(ctx, signature, r, ok, at)
	return err
}

// noteApplied counts a recipe from the cache that was applied, and whether
// it fixed its error.
func (c *Cache) noteApplied(fixed bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.metrics.Applied++
	if fixed {
		c.metrics.AppliedFixed++
	}
}

// Metrics returns the counts so far.
func (c *Cache) Metrics() Metrics {
	if c == nil {
		return Metrics{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.metrics
}

// sortEntries orders entries best first, for stores.
func sortEntries(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int {
		if a.Score() != b.Score() {
			return b.Score() - a.Score()
		}
		return b.Updated.Compare(a.Updated)
	})
}

// SortEntries orders entries as Store.Get returns them; for implementations.
func SortEntries(es []Entry) { sortEntries(es) }

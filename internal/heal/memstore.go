package heal

import (
	"context"
	"sync"
	"time"
)

// MemStore is a Store in memory, for tests and for runs that should not
// remember their fixes.
type MemStore struct {
	mu      sync.Mutex
	entries map[string][]Entry
}

var _ Store = (*MemStore)(nil)

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{entries: map[string][]Entry{}} }

// Get returns the entries of signature, best first.
func (m *MemStore) Get(ctx context.Context, signature string) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	es := append([]Entry(nil), m.entries[signature]...)
	sortEntries(es)
	return es, nil
}

// Scan calls fn with every entry.
func (m *MemStore) Scan(ctx context.Context, fn func(Entry) bool) error {
	m.mu.Lock()
	var all []Entry
	for _, es := range m.entries {
		all = append(all, es...)
	}
	m.mu.Unlock()
	for _, e := range all {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !fn(e) {
			return nil
		}
	}
	return nil
}

// Record adds one outcome.
func (m *MemStore) Record(ctx context.Context, signature string, recipe Recipe, ok bool, at time.Time) (Entry, error) {
	if err := ctx.Err(); err != nil {
		return Entry{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	es := m.entries[signature]
	i := -1
	for j, e := range es {
		if e.Recipe == recipe {
			i = j
		}
	}
	if i < 0 {
		es = append(es, Entry{Signature: signature, Recipe: recipe})
		i = len(es) - 1
	}
	if ok {
		es[i].Successes++
	} else {
		es[i].Failures++
	}
	es[i].Updated = at.UTC()
	m.entries[signature] = es
	return es[i], nil
}

package cachetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/heal"
)

// Opener returns a store for one subtest. Reopen, when not nil, returns a
// new store over the same data (a new process), for persistence checks.
type Opener struct {
	Open   func(t *testing.T) heal.Store
	Reopen func(t *testing.T, s heal.Store) heal.Store
}

const (
	sigA = "next|DEPENDENCY|missing_package|module-not-found|Module not found: Can't resolve <q>"
	sigB = "tsc|DEPENDENCY|missing_package|TS2307|Cannot find module <q> or its corresponding type declarations"
)

// Exercise runs the suite.
func Exercise(t *testing.T, o Opener) {
	ctx := context.Background()
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	add := heal.Recipe{Fixer: "dep.add"}
	other := heal.Recipe{Fixer: "fallback.lockfile"}

	t.Run("EmptyGet", func(t *testing.T) {
		s := o.Open(t)
		es, err := s.Get(ctx, sigA)
		if err != nil || len(es) != 0 {
			t.Fatalf("Get on an empty store = %v, %v; want none", es, err)
		}
	})

	t.Run("RecordCounts", func(t *testing.T) {
		s := o.Open(t)
		mustRecord(t, s, sigA, add, true, at)
		mustRecord(t, s, sigA, add, true, at.Add(time.Minute))
		e := mustRecord(t, s, sigA, add, false, at.Add(2*time.Minute))
		if e.Successes != 2 || e.Failures != 1 || e.Signature != sigA || e.Recipe != add {
			t.Fatalf("entry after 2 successes and 1 failure: %+v", e)
		}
		if !e.Updated.Equal(at.Add(2 * time.Minute)) {
			t.Errorf("Updated = %v, want the last outcome's time", e.Updated)
		}
		es, err := s.Get(ctx, sigA)
		if err != nil || len(es) != 1 || es[0].Successes != 2 || es[0].Failures != 1 {
			t.Fatalf("Get = %+v, %v", es, err)
		}
		if es, _ := s.Get(ctx, sigB); len(es) != 0 {
			t.Errorf("another signature sees %+v", es)
		}
	})

	t.Run("GetOrdersBestFirst", func(t *testing.T) {
		s := o.Open(t)
		mustRecord(t, s, sigA, other, true, at)
		mustRecord(t, s, sigA, add, true, at)
		mustRecord(t, s, sigA, add, true, at)
		mustRecord(t, s, sigA, other, false, at) // demoted below add
		es, err := s.Get(ctx, sigA)
		if err != nil || len(es) != 2 {
			t.Fatalf("Get = %+v, %v", es, err)
		}
		if es[0].Recipe != add || es[1].Recipe != other {
			t.Errorf("order %v, %v; want %v first", es[0].Recipe, es[1].Recipe, add)
		}
	})

	t.Run("Scan", func(t *testing.T) {
		s := o.Open(t)
		mustRecord(t, s, sigA, add, true, at)
		mustRecord(t, s, sigB, add, true, at)
		mustRecord(t, s, sigB, other, false, at)
		seen := map[string]int{}
		if err := s.Scan(ctx, func(e heal.Entry) bool { seen[e.Signature]++; return true }); err != nil {
			t.Fatal(err)
		}
		if seen[sigA] != 1 || seen[sigB] != 2 {
			t.Errorf("Scan saw %v", seen)
		}
		n := 0
		_ = s.Scan(ctx, func(heal.Entry) bool { n++; return false })
		if n != 1 {
			t.Errorf("Scan went on after fn returned false: %d calls", n)
		}
	})

	if o.Reopen != nil {
		t.Run("PersistsAcrossReopen", func(t *testing.T) {
			s := o.Open(t)
			mustRecord(t, s, sigA, add, true, at)
			s2 := o.Reopen(t, s)
			mustRecord(t, s2, sigA, add, false, at)
			es, err := s2.Get(ctx, sigA)
			if err != nil || len(es) != 1 || es[0].Successes != 1 || es[0].Failures != 1 {
				t.Fatalf("after reopen Get = %+v, %v", es, err)
			}
		})
	}

	t.Run("ConcurrentRecords", func(t *testing.T) {
		s := o.Open(t)
		stores := []heal.Store{s}
		if o.Reopen != nil {
			stores = append(stores, o.Reopen(t, s)) // two handles, as two processes
		}
		const n = 40
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				st := stores[i%len(stores)]
				sig := sigA
				if i%4 == 3 {
					sig = sigB
				}
				if _, err := st.Record(ctx, sig, add, i%5 != 0, at); err != nil {
					errs <- err
				}
				if _, err := st.Get(ctx, sig); err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		total := 0
		_ = s.Scan(ctx, func(e heal.Entry) bool { total += e.Successes + e.Failures; return true })
		if total != n {
			t.Errorf("%d outcomes recorded concurrently, %d counted", n, total)
		}
	})

	t.Run("Cancelled", func(t *testing.T) {
		s := o.Open(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Record(cctx, sigA, add, true, at); err == nil {
			t.Error("Record with a cancelled context succeeded")
		}
	})
}

func mustRecord(t *testing.T, s heal.Store, sig string, r heal.Recipe, ok bool, at time.Time) heal.Entry {
	t.Helper()
	e, err := s.Record(context.Background(), sig, r, ok, at)
	if err != nil {
		t.Fatalf("Record: %v", err)
	}
	return e
}

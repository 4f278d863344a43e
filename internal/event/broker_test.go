package event

import (
	"fmt"
	"sync"
	"testing"
)

func TestBrokerDeliversEverythingInOrder(t *testing.T) {
	b := NewBroker()
	subs := []*Subscription{b.Subscribe(nil), b.Subscribe(nil)}
	const n = 5000
	var wg sync.WaitGroup
	results := make([][]Event, len(subs))
	for i, s := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range s.C() {
				results[i] = append(results[i], e)
			}
		}()
	}
	for i := range n {
		b.Publish(Event{RunID: "r", Kind: Log, Level: Info, Message: fmt.Sprint(i)})
	}
	b.Close()
	wg.Wait()
	for i, got := range results {
		if len(got) != n {
			t.Fatalf("subscriber %d got %d events, want %d", i, len(got), n)
		}
		for j, e := range got {
			if e.Seq != int64(j+1) || e.Message != fmt.Sprint(j) {
				t.Fatalf("subscriber %d event %d: seq %d message %q", i, j, e.Seq, e.Message)
			}
		}
	}
}

func TestBrokerSequencesPerRun(t *testing.T) {
	b := NewBroker()
	a1 := b.Publish(Event{RunID: "a"})
	b1 := b.Publish(Event{RunID: "b"})
	a2 := b.Publish(Event{RunID: "a"})
	if a1.Seq != 1 || b1.Seq != 1 || a2.Seq != 2 {
		t.Errorf("seqs a1=%d b1=%d a2=%d", a1.Seq, b1.Seq, a2.Seq)
	}
	if a1.Time.IsZero() || a1.Level != Info {
		t.Errorf("publish did not stamp time and level: %+v", a1)
	}
}

func TestBrokerDropsOnlyDroppableForSlowSubscribers(t *testing.T) {
	b := NewBroker()
	s := b.Subscribe(nil)
	s.limit = 10
	for range 50 {
		b.Publish(Event{RunID: "r", Kind: Token})
	}
	for range 50 {
		b.Publish(Event{RunID: "r", Kind: Log, Level: Info})
	}
	b.Close()
	tokens, logs := 0, 0
	for e := range s.C() {
		if e.Kind == Token {
			tokens++
		} else {
			logs++
		}
	}
	if logs != 50 {
		t.Errorf("got %d must-deliver events, want 50", logs)
	}
	if tokens >= 50 || s.Dropped() == 0 {
		t.Errorf("got %d tokens with %d dropped; a stalled subscriber should drop tokens", tokens, s.Dropped())
	}
}

func TestSubscriptionFilterAndClose(t *testing.T) {
	b := NewBroker()
	s := b.Subscribe(func(e Event) bool { return e.Kind == Error })
	b.Publish(Event{Kind: Log})
	b.Publish(Event{Kind: Error, Message: "x"})
	e := <-s.C()
	if e.Message != "x" {
		t.Fatalf("got %+v", e)
	}
	s.Close()
	b.Publish(Event{Kind: Error}) // must not block or panic
	<-s.Done()
	b.Close()
	b.Publish(Event{Kind: Error})
	late := b.Subscribe(nil)
	if _, ok := <-late.C(); ok {
		t.Error("subscription on a closed broker delivered an event")
	}
}

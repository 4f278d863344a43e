package event

import (
	"sync"
	"time"
)

// Publisher is what stages use to emit events.
type Publisher interface {
	Publish(e Event) Event
}

// Broker fans events out to subscribers.
//
// Guarantees: Publish never blocks on a subscriber. Every event that is not
// Droppable reaches every subscriber that was subscribed when it was
// published, in publish order. Droppable events (token deltas, debug logs)
// are dropped for a subscriber whose backlog exceeds its limit.
type Broker struct {
	mu     sync.Mutex
	seq    map[string]int64
	subs   map[*Subscription]struct{}
	closed bool
	now    func() time.Time
}

// NewBroker returns an open broker.
func NewBroker() *Broker {
	return &Broker{seq: map[string]int64{}, subs: map[*Subscription]struct{}{}, now: time.Now}
}

// Publish stamps the event with the run's next sequence number and the time
// (unless already set), and queues it for every subscriber. It returns the
// stamped event. Publishing on a closed broker is a no-op.
func (b *Broker) Publish(e Event) Event {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return e
	}
	b.seq[e.RunID]++
	e.Seq = b.seq[e.RunID]
	if e.Time.IsZero() {
		e.Time = b.now().UTC()
	}
	if e.Level == "" {
		e.Level = Info
	}
	for s := range b.subs {
		s.push(e)
	}
	return e
}

// Subscribe returns a subscription receiving every event published from now
// on that keep accepts (nil accepts all).
func (b *Broker) Subscribe(keep func(Event) bool) *Subscription {
	s := &Subscription{
		keep:   keep,
		limit:  4096,
		notify: make(chan struct{}, 1),
		out:    make(chan Event),
		done:   make(chan struct{}),
		broker: b,
	}
	go s.pump()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		s.finish()
		return s
	}
	b.subs[s] = struct{}{}
	return s
}

// Close ends every subscription once it has delivered what is queued.
func (b *Broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	for s := range b.subs {
		s.finish()
	}
	b.subs = nil
}

// Subscription receives events on C until the broker closes or Close is called.
type Subscription struct {
	keep   func(Event) bool
	limit  int
	broker *Broker

	mu      sync.Mutex
	queue   []Event
	ending  bool
	dropped int64
	notify  chan struct{}

	out  chan Event
	done chan struct{}
}

// C delivers the events. It is closed after the last one.
func (s *Subscription) C() <-chan Event { return s.out }

// Done is closed when the subscription has delivered its last event.
func (s *Subscription) Done() <-chan struct{} { return s.done }

// Dropped is how many droppable events this subscriber missed.
func (s *Subscription) Dropped() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dropped
}

// Close unsubscribes; queued events are discarded.
func (s *Subscription) Close() {
	s.broker.mu.Lock()
	delete(s.broker.subs, s)
	s.broker.mu.Unlock()
	s.mu.Lock()
	s.queue = nil
	s.mu.Unlock()
	s.finish()
	// Drain so the pump can exit even if nobody reads.
	for range s.out {
	}
}

func (s *Subscription) push(e Event) {
	if s.keep != nil && !s.keep(e) {
		return
	}
	s.mu.Lock()
	if s.ending {
		s.mu.Unlock()
		return
	}
	if e.Droppable() && len(s.queue) >= s.limit {
		s.dropped++
		s.mu.Unlock()
		return
	}
	s.queue = append(s.queue, e)
	s.mu.Unlock()
	s.wake()
}

func (s *Subscription) finish() {
	s.mu.Lock()
	s.ending = true
	s.mu.Unlock()
	s.wake()
}

func (s *Subscription) wake() {
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

func (s *Subscription) pump() {
	defer close(s.done)
	defer close(s.out)
	for {
		s.mu.Lock()
		batch := s.queue
		s.queue = nil
		ending := s.ending
		s.mu.Unlock()
		for _, e := range batch {
			s.out <- e
		}
		if len(batch) == 0 {
			if ending {
				return
			}
			<-s.notify
		}
	}
}

package sandbox

import (
	"io"
	"sync"
	"unicode/utf8"
)

// tailBuffer keeps the last max bytes written to it and forwards every write
// to an optional live writer. It is safe for concurrent use; writes are
// forwarded in the order they are accepted. A failing live writer is dropped
// (the tail is kept regardless) so a broken consumer cannot stall the process.
type tailBuffer struct {
	mu    sync.Mutex
	buf   []byte // ring storage, len(buf) == max once full
	max   int
	next  int // where the next byte goes once the ring is full
	total int64
	live  io.Writer
}

func newTailBuffer(max int, live io.Writer) *tailBuffer {
	return &tailBuffer{max: max, live: live}
}

// Write never fails.
func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.live != nil {
		if _, err := t.live.Write(p); err != nil {
			t.live = nil
		}
	}
	t.total += int64(len(p))
	if t.max <= 0 {
		return len(p), nil
	}
	data := p
	if len(data) >= t.max {
		// Only the end of this write survives.
		t.buf = append(t.buf[:0], data[len(data)-t.max:]...)
		t.next = 0
		return len(p), nil
	}
	for len(data) > 0 {
		if len(t.buf) < t.max {
			n := min(t.max-len(t.buf), len(data))
			t.buf = append(t.buf, data[:n]...)
			data = data[n:]
			continue
		}
		n := copy(t.buf[t.next:], data)
		t.next = (t.next + n) % t.max
		data = data[n:]
	}
	return len(p), nil
}

// Tail returns the kept bytes, oldest first, without a torn UTF-8 sequence
// at the start, and whether earlier output was dropped.
func (t *tailBuffer) Tail() (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]byte, 0, len(t.buf))
	if len(t.buf) == t.max {
		out = append(out, t.buf[t.next:]...)
		out = append(out, t.buf[:t.next]...)
	} else {
		out = append(out, t.buf...)
	}
	truncated := t.total > int64(len(out))
	if truncated {
		// Skip continuation bytes of a rune cut in half (at most 3).
		for i := 0; i < 3 && len(out) > 0 && !utf8.RuneStart(out[0]); i++ {
			out = out[1:]
		}
	}
	return string(out), truncated
}

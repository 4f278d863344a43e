package heal

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/nexusgen/nexusgen/internal/diag"
)

// RetryConfig bounds how often a run is healed. The defaults are the plan's
// DEFAULT_RETRY_CONFIG (§3.4.2).
//
// A retry is one heal cycle: the healer applies a fix (or a small batch of
// fixes to independent files) and the project is rebuilt. MaxRetries bounds
// the cycles of a run; CategoryLimits bound the cycles that touch errors of
// one category (a batch counts once per category it touches). Categories
// without a specific limit use MaxRetries.
//
// Only RetryableCategories get code fixes. NETWORK and RESOURCE failures are
// retried unchanged after a backoff delay — waiting is what helps a registry
// that is down or a machine that is short of memory — within their category
// limits. UNKNOWN failures get the fallbacks that need no understanding of
// the error (revert to the last successful build, a model when one is
// configured). Deterministic fixes never wait: a rebuild after a code change
// gains nothing from a delay.
type RetryConfig struct {
	MaxRetries          int
	BaseDelay           time.Duration
	MaxDelay            time.Duration
	ExponentialBase     float64
	JitterFactor        float64
	RetryableCategories []diag.Category
	CategoryLimits      map[diag.Category]int
}

// DefaultRetryConfig returns the plan's retry configuration.
func DefaultRetryConfig() RetryConfig {
	return RetryConfig{
		MaxRetries:      5,
		BaseDelay:       1000 * time.Millisecond,
		MaxDelay:        60000 * time.Millisecond,
		ExponentialBase: 2,
		JitterFactor:    0.1,
		RetryableCategories: []diag.Category{
			diag.Dependency, diag.Syntax, diag.Type, diag.Runtime, diag.Configuration,
		},
		CategoryLimits: map[diag.Category]int{
			diag.Dependency: 3,
			diag.Resource:   2,
			diag.Network:    5,
			diag.Unknown:    2,
		},
	}
}

// Validate reports settings that cannot work.
func (c RetryConfig) Validate() error {
	switch {
	case c.MaxRetries < 1:
		return fmt.Errorf("heal: MaxRetries %d: want at least 1", c.MaxRetries)
	case c.BaseDelay < 0 || c.MaxDelay < c.BaseDelay:
		return fmt.Errorf("heal: delays %v..%v: want 0 <= base <= max", c.BaseDelay, c.MaxDelay)
	case c.ExponentialBase < 1:
		return fmt.Errorf("heal: ExponentialBase %v: want at least 1", c.ExponentialBase)
	case c.JitterFactor < 0 || c.JitterFactor >= 1:
		return fmt.Errorf("heal: JitterFactor %v: want 0 <= f < 1", c.JitterFactor)
	}
	for cat, n := range c.CategoryLimits {
		if n < 0 {
			return fmt.Errorf("heal: limit %d for %s: want 0 or more", n, cat)
		}
	}
	return nil
}

// Limit is the number of heal cycles a run may spend on errors of cat.
func (c RetryConfig) Limit(cat diag.Category) int {
	if n, ok := c.CategoryLimits[cat]; ok {
		return n
	}
	return c.MaxRetries
}

// Retryable reports whether errors of cat get code fixes.
func (c RetryConfig) Retryable(cat diag.Category) bool {
	return slices.Contains(c.RetryableCategories, cat)
}

// Waits reports whether a retry of cat waits first: only where time itself
// may fix the failure.
func Waits(cat diag.Category) bool { return cat == diag.Network || cat == diag.Resource }

// Delay is the wait before retry n (1-based): BaseDelay·ExponentialBase^(n-1),
// at most MaxDelay, then spread by ±JitterFactor. unit draws from [0, 1).
func (c RetryConfig) Delay(n int, unit func() float64) time.Duration {
	if n < 1 {
		n = 1
	}
	d := float64(c.BaseDelay) * math.Pow(c.ExponentialBase, float64(n-1))
	d = math.Min(d, float64(c.MaxDelay))
	if c.JitterFactor > 0 && unit != nil {
		d *= 1 + c.JitterFactor*(2*unit()-1)
	}
	return time.Duration(d)
}

// Clock is the time source of the healer, replaced in tests.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx ends, returning ctx.Err() then.
	Sleep(ctx context.Context, d time.Duration) error
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }

// Sleep waits for d or until ctx is done.
func (SystemClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// defaultUnit is the jitter source when none is injected.
func defaultUnit() float64 { return rand.Float64() }

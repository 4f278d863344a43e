package heal

import (
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/diag"
)

func TestDefaultRetryConfigIsThePlans(t *testing.T) {
	c := DefaultRetryConfig()
	if c.MaxRetries != 5 || c.BaseDelay != time.Second || c.MaxDelay != time.Minute || c.ExponentialBase != 2 || c.JitterFactor != 0.1 {
		t.Fatalf("config %+v", c)
	}
	limits := map[diag.Category]int{
		diag.Dependency: 3, diag.Resource: 2, diag.Network: 5, diag.Unknown: 2,
		diag.Syntax: 5, diag.Type: 5, diag.Runtime: 5, diag.Configuration: 5,
	}
	for cat, want := range limits {
		if got := c.Limit(cat); got != want {
			t.Errorf("Limit(%s) = %d, want %d", cat, got, want)
		}
	}
	for _, cat := range []diag.Category{diag.Dependency, diag.Syntax, diag.Type, diag.Runtime, diag.Configuration} {
		if !c.Retryable(cat) {
			t.Errorf("%s is not retryable", cat)
		}
	}
	for _, cat := range []diag.Category{diag.Resource, diag.Network, diag.Unknown} {
		if c.Retryable(cat) {
			t.Errorf("%s is retryable", cat)
		}
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestDelayBackoff(t *testing.T) {
	c := DefaultRetryConfig()
	c.JitterFactor = 0
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for i, w := range want {
		if got := c.Delay(i+1, nil); got != w {
			t.Errorf("Delay(%d) = %v, want %v", i+1, got, w)
		}
	}
}

func TestDelayJitterBounds(t *testing.T) {
	c := DefaultRetryConfig()
	for _, u := range []float64{0, 0.25, 0.5, 0.999999} {
		d := c.Delay(3, func() float64 { return u })
		if d < 3600*time.Millisecond || d > 4400*time.Millisecond {
			t.Errorf("jitter %v: delay %v outside 4s ±10%%", u, d)
		}
	}
	if d := c.Delay(3, func() float64 { return 0 }); d != 3600*time.Millisecond {
		t.Errorf("lowest draw gives %v, want 3.6s", d)
	}
	if d := c.Delay(20, func() float64 { return 0.999999 }); d > 66*time.Second {
		t.Errorf("capped delay with jitter %v", d)
	}
}

func TestValidate(t *testing.T) {
	bad := []func(*RetryConfig){
		func(c *RetryConfig) { c.MaxRetries = 0 },
		func(c *RetryConfig) { c.MaxDelay = c.BaseDelay - 1 },
		func(c *RetryConfig) { c.ExponentialBase = 0.5 },
		func(c *RetryConfig) { c.JitterFactor = 1 },
		func(c *RetryConfig) { c.CategoryLimits = map[diag.Category]int{diag.Type: -1} },
	}
	for i, f := range bad {
		c := DefaultRetryConfig()
		f(&c)
		if c.Validate() == nil {
			t.Errorf("case %d: invalid config accepted", i)
		}
	}
}

func TestWaitsOnlyForNetworkAndResource(t *testing.T) {
	for _, cat := range []diag.Category{diag.Dependency, diag.Syntax, diag.Type, diag.Runtime, diag.Configuration, diag.Unknown} {
		if Waits(cat) {
			t.Errorf("%s waits", cat)
		}
	}
	if !Waits(diag.Network) || !Waits(diag.Resource) {
		t.Error("network and resource failures must wait")
	}
}

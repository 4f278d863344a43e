// Package browsercheck drives a real headless Chromium against a running
// app to check what a user would: every entity's form can be filled by its
// labels, "Add …" lists the record, the record survives a reload, Delete
// removes it; the page loads without console errors; the colours the
// prompt asked for are the ones on screen.
package browsercheck

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoBrowser is returned when no Chromium is installed.
var ErrNoBrowser = errors.New("browsercheck: no chromium or google-chrome on PATH")

// FindChromium returns the path of the browser binary.
func FindChromium() (string, error) {
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Browser is one headless Chromium process.
type Browser struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// Launch starts Chromium with a fresh profile and no background networking.
func Launch(ctx context.Context) (*Browser, error) {
	path, err := FindChromium()
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, fmt.Errorf("browsercheck: start chromium: %w", err)
	}
	return &Browser{ctx: bctx, cancel: func() { cancelBrowser(); cancelAlloc() }}, nil
}

// Close stops the browser.
func (b *Browser) Close() { b.cancel() }

// Page is one tab, recording console errors and uncaught exceptions.
type Page struct {
	ctx    context.Context
	cancel context.CancelFunc

	mu     sync.Mutex
	errors []string
}

// NewPage opens a tab.
func (b *Browser) NewPage() (*Page, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &Page{ctx: ctx, cancel: cancel}
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, err
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				p.record(string(m.Type) + ": " + m.Text)
			}
		}
	}()
	return p, nil
}

func (p *Page) record(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errors = append(p.errors, s)
}

// ConsoleErrors returns the errors seen so far.
func (p *Page) ConsoleErrors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// ResetErrors forgets the errors seen so far.
func (p *Page) ResetErrors() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errors = nil
}

// Close closes the tab.
func (p *Page) Close() { p.cancel() }

// scoped derives a context of the tab that also ends with ctx.
func (p *Page) scoped(ctx context.Context) (context.Context, context.CancelFunc) {
	c, cancel := context.WithCancel(p.ctx)
	stop := context.AfterFunc(ctx, cancel)
	return c, func() { stop(); cancel() }
}

// Run runs chromedp actions in the tab.
func (p *Page) Run(ctx context.Context, actions ...chromedp.Action[chromedp.Void]) error {
	c, cancel := p.scoped(ctx)
	defer cancel()
	return chromedp.Do(c, actions...)
}

// Eval evaluates a JavaScript expression in the page (awaiting promises).
func Eval[T any](ctx context.Context, p *Page, js string) (T, error) {
	c, cancel := p.scoped(ctx)
	defer cancel()
	return chromedp.Run(c, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// Screenshot captures the full page at the given viewport width.
func (p *Page) Screenshot(ctx context.Context, url string, width int) ([]byte, error) {
	if err := p.Run(ctx,
		chromedp.EmulateViewport(int64(width), 900),
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS("body")),
		chromedp.Sleep(500*time.Millisecond),
	); err != nil {
		return nil, err
	}
	c, cancel := p.scoped(ctx)
	defer cancel()
	return chromedp.Run(c, chromedp.FullScreenshot(100))
}

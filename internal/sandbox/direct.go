package sandbox

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// Direct runs processes on the host, for hosts where bwrap does not work.
// It enforces the environment allow-list, the policy, timeouts, the
// process-tree kill and (with writable cgroups) the resource limits, and
// gives each run a private HOME and TMPDIR; it confines neither the
// filesystem nor the network, and its Capabilities say so.
type Direct struct {
	h    *host
	caps Capabilities
}

var _ Runner = (*Direct)(nil)

// NewDirect returns a Direct runner.
func NewDirect(cfg Config) (*Direct, error) {
	h, err := newHost(cfg)
	if err != nil {
		return nil, err
	}
	d := &Direct{h: h, caps: h.capabilities(KindDirect)}
	d.caps.PreviewForward = true // the process listens on the host's loopback
	d.caps.Notes = append(d.caps.Notes, "no filesystem or network confinement: processes see the host as the product does")
	return d, nil
}

// Capabilities says what Direct enforces on this host.
func (d *Direct) Capabilities() Capabilities { return cloneCaps(d.caps) }

// Run runs spec to completion.
func (d *Direct) Run(ctx context.Context, spec Spec) (Result, error) {
	return runToEnd(ctx, func(ctx context.Context) (*Process, error) { return d.start(ctx, spec, false) })
}

// Start starts spec; Process.Addr is 127.0.0.1:Spec.Port on the host.
func (d *Direct) Start(ctx context.Context, spec Spec) (*Process, error) {
	return d.start(ctx, spec, true)
}

func (d *Direct) start(ctx context.Context, spec Spec, forStart bool) (*Process, error) {
	// Structural checks first, so a bad spec leaves nothing behind.
	if err := validatePaths(spec); err != nil {
		return nil, err
	}
	scratch, err := os.MkdirTemp("", "nexusgen-run-")
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	cleanup := func() { _ = os.RemoveAll(scratch) }
	home, tmp := filepath.Join(scratch, "home"), filepath.Join(scratch, "tmp")
	for _, dir := range []string{home, tmp} {
		if err := os.Mkdir(dir, 0o700); err != nil {
			cleanup()
			return nil, fmt.Errorf("sandbox: %w", err)
		}
	}
	p, err := d.h.prepare(spec, forStart, home, tmp)
	if err != nil {
		cleanup()
		return nil, err
	}
	argv := append([]string{p.program}, spec.Argv[1:]...)
	return d.h.start(ctx, p, launch{argv: argv, dir: spec.Dir, cleanup: cleanup})
}

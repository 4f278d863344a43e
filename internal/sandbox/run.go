package sandbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
)

// prepared is a spec that passed every check, with its limits filled in.
type prepared struct {
	spec    Spec
	limits  Limits
	program string // Argv[0] resolved to a path
	env     []string
}

// prepare checks spec (shape, files, policy, environment) and fills in the
// defaults. home and tmp are HOME and TMPDIR as the process will see them.
// For Start, the default timeout does not apply (a preview runs until
// stopped).
func (h *host) prepare(spec Spec, forStart bool, home, tmp string) (prepared, error) {
	if err := validatePaths(spec); err != nil {
		return prepared{}, err
	}
	if err := spec.Limits.validate(); err != nil {
		return prepared{}, fmt.Errorf("%w: %v", ErrBadSpec, err)
	}
	if err := checkFiles(spec); err != nil {
		return prepared{}, err
	}
	if err := h.cfg.Policy(spec); err != nil {
		if !errors.Is(err, ErrDenied) {
			err = fmt.Errorf("%w: %w", ErrDenied, err)
		}
		return prepared{}, err
	}
	p := prepared{spec: spec, limits: spec.Limits.or(h.cfg.Limits)}
	if forStart && spec.Limits.Timeout == 0 {
		p.limits.Timeout = 0
	}
	if p.spec.TailBytes == 0 {
		p.spec.TailBytes = h.cfg.TailBytes
	}
	env, err := buildEnv(h.allow, envLayout{home: home, tmp: tmp, nodeDir: h.nodeDir}, spec.Env, p.limits.Memory)
	if err != nil {
		return prepared{}, err
	}
	p.env = env
	p.program, err = resolveProgram(spec.Argv[0], spec.Dir, BaseEnv(home, tmp, h.nodeDir)["PATH"])
	if err != nil {
		return prepared{}, err
	}
	return p, nil
}

// runID names a run's cgroups.
func runID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// cgroupJoin is run by /bin/sh on the host: it writes its own pid into each
// cgroup.procs file named before "--", then replaces itself with the rest of
// its arguments. The program thus starts inside its groups, with no window
// in which it runs outside them. It exits 125 when a group cannot be joined.
const cgroupJoin = `while [ "$#" -gt 0 ]; do
	if [ "$1" = -- ]; then shift; break; fi
	echo $$ > "$1" || { echo "nexusgen sandbox: cannot join cgroup $1" >&2; exit 125; }
	shift
done
exec "$@"`

// wrapForCgroup prefixes argv with the cgroup-joining shell.
func wrapForCgroup(cg *cgroup, argv []string) []string {
	if cg == nil {
		return argv
	}
	out := []string{"/bin/sh", "-c", cgroupJoin, "nexusgen-sandbox"}
	out = append(out, cg.procsFiles()...)
	out = append(out, "--")
	return append(out, argv...)
}

// runToEnd is Run for both runners: Start, then Wait.
func runToEnd(ctx context.Context, start func(context.Context) (*Process, error)) (Result, error) {
	p, err := start(ctx)
	if err != nil {
		return Result{}, err
	}
	return p.Wait()
}

package sandbox_test

import (
	"context"
	"testing"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// BenchmarkRun measures what a run costs on each runner: /bin/true shows
// the sandbox's own overhead (namespaces, mounts, cgroups), node -e 0 a
// typical short tool start.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	programs := map[string][]string{"true": {"true"}, "node": {"node", "-e", "0"}}
	for _, kind := range []string{sandbox.KindDirect, sandbox.KindBubblewrap} {
		for _, cgroups := range []bool{true, false} {
			cfg := sandbox.Config{Kind: kind, Policy: sandbox.AllowPrograms("true", "node"), DisableCgroups: !cgroups}
			r, err := sandbox.New(cfg)
			if err != nil {
				b.Logf("%s: %v", kind, err)
				continue
			}
			name := kind
			if !cgroups {
				name += "-nocgroup"
			}
			for _, prog := range []string{"true", "node"} {
				b.Run(name+"/"+prog, func(b *testing.B) {
					spec := sandbox.Spec{Argv: programs[prog], Dir: dir, Writable: []string{dir}}
					for b.Loop() {
						res, err := r.Run(context.Background(), spec)
						if err != nil || !res.OK() {
							b.Fatalf("%+v %v", res, err)
						}
					}
				})
			}
		}
	}
}

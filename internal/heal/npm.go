package heal

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// NPMRegistry answers package questions with `npm view` run through the
// sandbox with network access. Answers are remembered for the healer's
// lifetime: a version chosen once is chosen again.
type NPMRegistry struct {
	Runner sandbox.Runner
	// CacheDir is npm's cache (the package store's), writable by npm.
	CacheDir string
	// URL overrides the registry.
	URL string
	// Timeout bounds one query (default 60s).
	Timeout time.Duration

	mu   sync.Mutex
	memo map[string][]byte
}

var _ Registry = (*NPMRegistry)(nil)

var e404RE = regexp.MustCompile(`\bE404\b|is not in this registry|No match found for version|\bETARGET\b`)

// View runs `npm view <spec> <fields…> --json`.
func (n *NPMRegistry) View(ctx context.Context, spec string, fields ...string) ([]byte, error) {
	key := spec + " " + strings.Join(fields, " ")
	n.mu.Lock()
	if out, ok := n.memo[key]; ok {
		n.mu.Unlock()
		return out, nil
	}
	n.mu.Unlock()
	if err := os.MkdirAll(n.CacheDir, 0o755); err != nil {
		return nil, err
	}
	env := map[string]string{"npm_config_cache": n.CacheDir}
	if n.URL != "" {
		env["npm_config_registry"] = n.URL
	}
	timeout := n.Timeout
	if timeout == 0 {
		timeout = 60 * time.Second
	}
	argv := append(append([]string{"npm", "view", spec}, fields...), "--json")
	res, err := n.Runner.Run(ctx, sandbox.Spec{
		Argv: argv, Dir: n.CacheDir, Env: env, Writable: []string{n.CacheDir},
		Network: sandbox.FullNetwork, Limits: sandbox.Limits{Timeout: timeout}, TailBytes: 4 << 20,
	})
	if err != nil {
		return nil, err
	}
	out := jsonPart(res.Tail)
	if !res.OK() {
		if e404RE.MatchString(res.Tail) {
			return nil, fmt.Errorf("%w: %s", ErrNoPackage, spec)
		}
		return nil, fmt.Errorf("npm view %s: exit %d: %s", spec, res.ExitCode, lastLine(res.Tail))
	}
	if out == "" {
		out = "[]" // a range nothing matches
	}
	n.mu.Lock()
	if n.memo == nil {
		n.memo = map[string][]byte{}
	}
	n.memo[key] = []byte(out)
	n.mu.Unlock()
	return []byte(out), nil
}

// jsonPart drops npm's warning and notice lines from combined output.
func jsonPart(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "npm warn") || strings.HasPrefix(l, "npm notice") || strings.HasPrefix(l, "npm WARN") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.TrimSpace(strings.Join(keep, "\n"))
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

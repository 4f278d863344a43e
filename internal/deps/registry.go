package deps

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// ErrRegistryUnreachable is wrapped by errors of an install that needed the
// npm registry and could not reach it (and npm's cache could not stand in).
var ErrRegistryUnreachable = errors.New("npm registry unreachable")

// defaultRegistry is npm's own default.
const defaultRegistry = "https://registry.npmjs.org/"

// registry is the registry npm will use for the project in dir: the
// store's override, else what npm's configuration says (the user's and the
// project's .npmrc included).
func (s *Store) registry(ctx context.Context, dir string) string {
	if s.Registry != "" {
		return s.Registry
	}
	res, err := s.Runner.Run(ctx, sandbox.Spec{
		Argv:    []string{"npm", "config", "get", "registry"},
		Dir:     dir,
		Network: sandbox.NoNetwork,
		Limits:  sandbox.Limits{Timeout: 30 * time.Second},
	})
	if err != nil || !res.OK() {
		return defaultRegistry
	}
	if u := strings.TrimSpace(lastLine(res.Tail)); strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
		return u
	}
	return defaultRegistry
}

// probe asks the registry for anything at all: any HTTP answer means it
// is reachable. Proxies are honoured as npm honours them.
func probe(ctx context.Context, url string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

func unreachable(url string, err error) error {
	return fmt.Errorf("%w: %s (%v); check the network, or point NEXUSGEN_NPM_REGISTRY at a reachable mirror", ErrRegistryUnreachable, url, err)
}

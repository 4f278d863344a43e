package sandbox

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// DefaultAllowEnv are the keys Spec.Env may set. A pattern ending in "*"
// allows every key with that prefix. Config.AllowEnv adds to it.
var DefaultAllowEnv = []string{
	"NODE_ENV", "NODE_OPTIONS", "PORT", "HOSTNAME", "TZ",
	"npm_config_cache", "npm_config_registry",
	"npm_config_prefer_offline", "npm_config_offline",
	"npm_config_fetch_retries", "npm_config_fetch_retry_mintimeout", "npm_config_fetch_retry_maxtimeout",
	"NEXT_PUBLIC_*", "VITE_*", "PLAYWRIGHT_*",
	"CHROMIUM_PATH", "BROWSER_PATH", "FORCE_COLOR", "NO_COLOR",
}

// systemPath is the start of every sandboxed PATH.
const systemPath = "/usr/local/bin:/usr/bin:/bin"

// envAllowed reports whether key matches one of the patterns.
func envAllowed(patterns []string, key string) bool {
	for _, p := range patterns {
		if prefix, ok := strings.CutSuffix(p, "*"); ok {
			if strings.HasPrefix(key, prefix) && len(key) > len(prefix) {
				return true
			}
		} else if key == p {
			return true
		}
	}
	return false
}

// envLayout is where HOME and TMPDIR are, as the process sees them.
type envLayout struct {
	home, tmp string
	nodeDir   string // directory of the node binary, added to PATH
}

// BaseEnv is the environment every process starts from, before Spec.Env.
// It is built from scratch; nothing is inherited from the host.
func BaseEnv(home, tmp, nodeDir string) map[string]string {
	path := systemPath
	if nodeDir != "" && !slices.Contains(strings.Split(systemPath, ":"), nodeDir) {
		path += ":" + nodeDir
	}
	return map[string]string{
		"PATH":                       path,
		"HOME":                       home,
		"LANG":                       "C.UTF-8",
		"TMPDIR":                     tmp,
		"CI":                         "1",
		"NEXT_TELEMETRY_DISABLED":    "1",
		"npm_config_update_notifier": "false",
		"npm_config_fund":            "false",
		"npm_config_audit":           "false",
	}
}

// buildEnv checks spec.Env against the allow-list and returns the process
// environment as KEY=VALUE lines, sorted. memory is the memory limit in
// bytes (0: none); it caps Node's heap when the caller did not.
func buildEnv(allow []string, layout envLayout, extra map[string]string, memory int64) ([]string, error) {
	env := BaseEnv(layout.home, layout.tmp, layout.nodeDir)
	for k, v := range extra {
		if strings.ContainsAny(k, "=\x00") || !envAllowed(allow, k) {
			return nil, fmt.Errorf("%w: %q (allowed: %s)", ErrEnvNotAllowed, k, strings.Join(allow, ", "))
		}
		if strings.ContainsRune(v, 0) {
			return nil, fmt.Errorf("%w: value of %s contains a NUL byte", ErrBadSpec, k)
		}
		env[k] = v
	}
	if memory > 0 && !strings.Contains(env["NODE_OPTIONS"], "--max-old-space-size") {
		opt := "--max-old-space-size=" + strconv.FormatInt(nodeHeapMiB(memory), 10)
		env["NODE_OPTIONS"] = strings.TrimSpace(env["NODE_OPTIONS"] + " " + opt)
	}
	out := make([]string, 0, len(env))
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out, nil
}

// nodeHeapMiB is Node's old-space limit for a tree limited to memory bytes:
// three quarters of it, leaving room for buffers, native code and children,
// and never below 64 MiB.
func nodeHeapMiB(memory int64) int64 {
	return max(memory/4*3>>20, 64)
}

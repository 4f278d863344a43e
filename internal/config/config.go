// Package config is NexusGen's one documented configuration: every setting
// with its default, read from the environment through a small interface (so
// tests pass a map), validated loudly before anything starts.
package config

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Env looks up environment variables.
type Env interface {
	Lookup(key string) (string, bool)
}

// OSEnv reads the process environment.
type OSEnv struct{}

// Lookup implements Env.
func (OSEnv) Lookup(key string) (string, bool) { return os.LookupEnv(key) }

// MapEnv is an Env backed by a map, for tests.
type MapEnv map[string]string

// Lookup implements Env.
func (m MapEnv) Lookup(key string) (string, bool) { v, ok := m[key]; return v, ok }

// Config is every setting. The environment variable of each is in its comment.
type Config struct {
	// DataDir holds the shared package store, the fix cache and (for serve)
	// the database. NEXUSGEN_DATA_DIR; default $XDG_CACHE_HOME/nexusgen or ~/.cache/nexusgen.
	DataDir string
	// Provider is offline, anthropic, openai or compat. NEXUSGEN_PROVIDER;
	// default offline (no key needed).
	Provider string
	// Model is the provider's model name. NEXUSGEN_MODEL.
	Model string
	// Sandbox is auto, bwrap or direct. NEXUSGEN_SANDBOX; default auto
	// (bubblewrap when it works on this host).
	Sandbox string
	// Registry overrides the npm registry. NEXUSGEN_NPM_REGISTRY.
	Registry string
	// InstallTimeout bounds one npm install. NEXUSGEN_INSTALL_TIMEOUT; default 10m.
	InstallTimeout time.Duration
	// BuildTimeout bounds one typecheck, lint, build or test. NEXUSGEN_BUILD_TIMEOUT; default 10m.
	BuildTimeout time.Duration
	// MemoryLimit bounds one sandboxed process tree, in MiB. NEXUSGEN_MEMORY_MB; default 4096.
	MemoryMB int64
	// CPUs is the CPU quota of one sandboxed process tree. NEXUSGEN_CPUS; default all.
	CPUs float64
	// StoreKeep is how many dependency sets the package store keeps. NEXUSGEN_STORE_KEEP; default 8.
	StoreKeep int
	// LogLevel is debug, info, warn or error. NEXUSGEN_LOG_LEVEL; default warn for the CLI.
	LogLevel string
}

// Load reads the configuration from env, applies defaults and validates it.
func Load(env Env) (Config, error) {
	c := Config{
		Provider:       "offline",
		Sandbox:        "auto",
		InstallTimeout: 10 * time.Minute,
		BuildTimeout:   10 * time.Minute,
		MemoryMB:       4096,
		CPUs:           float64(runtime.NumCPU()),
		StoreKeep:      8,
		LogLevel:       "warn",
	}
	var errs []error
	str := func(key string, dst *string) {
		if v, ok := env.Lookup(key); ok && strings.TrimSpace(v) != "" {
			*dst = strings.TrimSpace(v)
		}
	}
	dur := func(key string, dst *time.Duration) {
		if v, ok := env.Lookup(key); ok && strings.TrimSpace(v) != "" {
			d, err := time.ParseDuration(strings.TrimSpace(v))
			if err != nil || d <= 0 {
				errs = append(errs, fmt.Errorf("%s=%q: want a positive duration such as 90s or 10m", key, v))
				return
			}
			*dst = d
		}
	}
	str("NEXUSGEN_DATA_DIR", &c.DataDir)
	str("NEXUSGEN_PROVIDER", &c.Provider)
	str("NEXUSGEN_MODEL", &c.Model)
	str("NEXUSGEN_SANDBOX", &c.Sandbox)
	str("NEXUSGEN_NPM_REGISTRY", &c.Registry)
	str("NEXUSGEN_LOG_LEVEL", &c.LogLevel)
	dur("NEXUSGEN_INSTALL_TIMEOUT", &c.InstallTimeout)
	dur("NEXUSGEN_BUILD_TIMEOUT", &c.BuildTimeout)
	if v, ok := env.Lookup("NEXUSGEN_MEMORY_MB"); ok && strings.TrimSpace(v) != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || n < 256 || n > 1<<20 {
			errs = append(errs, fmt.Errorf("NEXUSGEN_MEMORY_MB=%q: want a whole number of MiB from 256 to 1048576", v))
		} else {
			c.MemoryMB = n
		}
	}
	if v, ok := env.Lookup("NEXUSGEN_CPUS"); ok && strings.TrimSpace(v) != "" {
		n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || n <= 0 || n > 1024 {
			errs = append(errs, fmt.Errorf("NEXUSGEN_CPUS=%q: want a positive number of cores", v))
		} else {
			c.CPUs = n
		}
	}
	if v, ok := env.Lookup("NEXUSGEN_STORE_KEEP"); ok && strings.TrimSpace(v) != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 {
			errs = append(errs, fmt.Errorf("NEXUSGEN_STORE_KEEP=%q: want a whole number, at least 1", v))
		} else {
			c.StoreKeep = n
		}
	}
	if c.DataDir == "" {
		base, ok := env.Lookup("XDG_CACHE_HOME")
		if !ok || !filepath.IsAbs(base) { // the XDG spec says to ignore relative values
			home, _ := env.Lookup("HOME")
			if home == "" {
				home = os.TempDir()
			}
			base = filepath.Join(home, ".cache")
		}
		c.DataDir = filepath.Join(base, "nexusgen")
	}
	if err := c.Validate(); err != nil {
		errs = append(errs, err)
	}
	return c, errors.Join(errs...)
}

// Validate checks the settings that have a fixed set of values. Errors
// name the environment variable that sets each one.
func (c Config) Validate() error {
	var errs []error
	if !oneOf(c.Provider, "offline", "anthropic", "openai", "compat") {
		errs = append(errs, fmt.Errorf("NEXUSGEN_PROVIDER: provider %q: want offline, anthropic, openai or compat", c.Provider))
	}
	if !oneOf(c.Sandbox, "auto", "bwrap", "direct") {
		errs = append(errs, fmt.Errorf("NEXUSGEN_SANDBOX: sandbox %q: want auto, bwrap or direct", c.Sandbox))
	}
	if !oneOf(c.LogLevel, "debug", "info", "warn", "error") {
		errs = append(errs, fmt.Errorf("NEXUSGEN_LOG_LEVEL: log level %q: want debug, info, warn or error", c.LogLevel))
	}
	if !filepath.IsAbs(c.DataDir) {
		errs = append(errs, fmt.Errorf("NEXUSGEN_DATA_DIR: data dir %q must be an absolute path", c.DataDir))
	}
	return errors.Join(errs...)
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

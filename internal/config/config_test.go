package config_test

import (
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/config"
)

func TestLoadDefaults(t *testing.T) {
	t.Parallel()
	c, err := config.Load(config.MapEnv{"HOME": "/home/ada"})
	if err != nil {
		t.Fatal(err)
	}
	want := config.Config{
		DataDir:        "/home/ada/.cache/nexusgen",
		Provider:       "offline",
		Sandbox:        "auto",
		InstallTimeout: 10 * time.Minute,
		BuildTimeout:   10 * time.Minute,
		MemoryMB:       4096,
		CPUs:           float64(runtime.NumCPU()),
		StoreKeep:      8,
		LogLevel:       "warn",
	}
	if c != want {
		t.Fatalf("defaults:\n got %+v\nwant %+v", c, want)
	}
}

// Empty values mean "not set": a blank line in an env file must not fail.
func TestLoadEmptyValuesKeepDefaults(t *testing.T) {
	t.Parallel()
	env := config.MapEnv{"HOME": "/home/ada"}
	for _, k := range []string{
		"NEXUSGEN_DATA_DIR", "NEXUSGEN_PROVIDER", "NEXUSGEN_MODEL", "NEXUSGEN_SANDBOX",
		"NEXUSGEN_NPM_REGISTRY", "NEXUSGEN_LOG_LEVEL", "NEXUSGEN_INSTALL_TIMEOUT",
		"NEXUSGEN_BUILD_TIMEOUT", "NEXUSGEN_MEMORY_MB", "NEXUSGEN_CPUS", "NEXUSGEN_STORE_KEEP",
	} {
		env[k] = ""
	}
	got, err := config.Load(env)
	if err != nil {
		t.Fatal(err)
	}
	want, err := config.Load(config.MapEnv{"HOME": "/home/ada"})
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("empty values changed the config:\n got %+v\nwant %+v", got, want)
	}
}

func TestLoadEveryVariable(t *testing.T) {
	t.Parallel()
	env := config.MapEnv{
		"HOME":                     "/home/ada",
		"NEXUSGEN_DATA_DIR":        "  /srv/nexusgen  ",
		"NEXUSGEN_PROVIDER":        "anthropic",
		"NEXUSGEN_MODEL":           "claude-sonnet",
		"NEXUSGEN_SANDBOX":         "direct",
		"NEXUSGEN_NPM_REGISTRY":    "http://127.0.0.1:4873/",
		"NEXUSGEN_LOG_LEVEL":       "debug",
		"NEXUSGEN_INSTALL_TIMEOUT": "90s",
		"NEXUSGEN_BUILD_TIMEOUT":   "1h30m",
		"NEXUSGEN_MEMORY_MB":       "256",
		"NEXUSGEN_CPUS":            "1.5",
		"NEXUSGEN_STORE_KEEP":      "1",
	}
	c, err := config.Load(env)
	if err != nil {
		t.Fatal(err)
	}
	want := config.Config{
		DataDir:        "/srv/nexusgen",
		Provider:       "anthropic",
		Model:          "claude-sonnet",
		Sandbox:        "direct",
		Registry:       "http://127.0.0.1:4873/",
		LogLevel:       "debug",
		InstallTimeout: 90 * time.Second,
		BuildTimeout:   90 * time.Minute,
		MemoryMB:       256,
		CPUs:           1.5,
		StoreKeep:      1,
	}
	if c != want {
		t.Fatalf("\n got %+v\nwant %+v", c, want)
	}
}

// Every invalid value fails Load with a message that names the variable,
// so the person knows what to change.
func TestLoadRejectsInvalidValues(t *testing.T) {
	t.Parallel()
	overflowMB := strconv.FormatInt(math.MaxInt64>>20+1, 10)
	cases := []struct {
		key, value string
	}{
		{"NEXUSGEN_INSTALL_TIMEOUT", "10"},
		{"NEXUSGEN_INSTALL_TIMEOUT", "ten minutes"},
		{"NEXUSGEN_INSTALL_TIMEOUT", "0s"},
		{"NEXUSGEN_INSTALL_TIMEOUT", "-5m"},
		{"NEXUSGEN_BUILD_TIMEOUT", "soon"},
		{"NEXUSGEN_BUILD_TIMEOUT", "-1s"},
		{"NEXUSGEN_MEMORY_MB", "lots"},
		{"NEXUSGEN_MEMORY_MB", "255"},
		{"NEXUSGEN_MEMORY_MB", "4.5"},
		{"NEXUSGEN_MEMORY_MB", "-4096"},
		{"NEXUSGEN_MEMORY_MB", "4GB"},
		// MemoryMB << 20 is the sandbox's byte limit: this value overflows it.
		{"NEXUSGEN_MEMORY_MB", overflowMB},
		{"NEXUSGEN_CPUS", "0"},
		{"NEXUSGEN_CPUS", "-2"},
		{"NEXUSGEN_CPUS", "all"},
		{"NEXUSGEN_CPUS", "NaN"},
		{"NEXUSGEN_CPUS", "Inf"},
		{"NEXUSGEN_STORE_KEEP", "0"},
		{"NEXUSGEN_STORE_KEEP", "-1"},
		{"NEXUSGEN_STORE_KEEP", "two"},
		{"NEXUSGEN_STORE_KEEP", "1.5"},
		{"NEXUSGEN_PROVIDER", "gpt"},
		{"NEXUSGEN_PROVIDER", "Offline"},
		{"NEXUSGEN_SANDBOX", "docker"},
		{"NEXUSGEN_LOG_LEVEL", "verbose"},
		{"NEXUSGEN_LOG_LEVEL", "DEBUG"},
		{"NEXUSGEN_DATA_DIR", "relative/data"},
	}
	for _, c := range cases {
		t.Run(c.key+"="+c.value, func(t *testing.T) {
			t.Parallel()
			_, err := config.Load(config.MapEnv{"HOME": "/home/ada", c.key: c.value})
			if err == nil {
				t.Fatalf("%s=%q accepted", c.key, c.value)
			}
			if !strings.Contains(err.Error(), c.key) {
				t.Errorf("%s=%q: the error %q does not name the variable", c.key, c.value, err)
			}
		})
	}
}

// One Load reports every bad value at once, not just the first.
func TestLoadReportsAllErrors(t *testing.T) {
	t.Parallel()
	_, err := config.Load(config.MapEnv{
		"HOME":                     "/home/ada",
		"NEXUSGEN_MEMORY_MB":       "lots",
		"NEXUSGEN_CPUS":            "0",
		"NEXUSGEN_STORE_KEEP":      "none",
		"NEXUSGEN_INSTALL_TIMEOUT": "forever",
	})
	if err == nil {
		t.Fatal("accepted")
	}
	for _, k := range []string{"NEXUSGEN_MEMORY_MB", "NEXUSGEN_CPUS", "NEXUSGEN_STORE_KEEP", "NEXUSGEN_INSTALL_TIMEOUT"} {
		if !strings.Contains(err.Error(), k) {
			t.Errorf("error %q does not mention %s", err, k)
		}
	}
}

func TestLoadDataDirFallback(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		env  config.MapEnv
		want string
	}{
		{"explicit wins", config.MapEnv{"NEXUSGEN_DATA_DIR": "/data", "XDG_CACHE_HOME": "/xdg", "HOME": "/home/ada"}, "/data"},
		{"xdg cache home", config.MapEnv{"XDG_CACHE_HOME": "/xdg", "HOME": "/home/ada"}, "/xdg/nexusgen"},
		{"empty xdg falls back to home", config.MapEnv{"XDG_CACHE_HOME": "", "HOME": "/home/ada"}, "/home/ada/.cache/nexusgen"},
		{"home", config.MapEnv{"HOME": "/home/ada"}, "/home/ada/.cache/nexusgen"},
		{"nothing set", config.MapEnv{}, filepath.Join(os.TempDir(), ".cache", "nexusgen")},
		// The XDG Base Directory spec: a relative path in XDG_CACHE_HOME is
		// invalid and must be ignored.
		{"relative xdg is ignored", config.MapEnv{"XDG_CACHE_HOME": "cache", "HOME": "/home/ada"}, "/home/ada/.cache/nexusgen"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, err := config.Load(c.env)
			if err != nil {
				t.Fatal(err)
			}
			if got.DataDir != c.want {
				t.Errorf("DataDir %q, want %q", got.DataDir, c.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	good := config.Config{Provider: "offline", Sandbox: "auto", LogLevel: "warn", DataDir: "/data"}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid config: %v", err)
	}
	for _, p := range []string{"offline", "anthropic", "openai", "compat"} {
		c := good
		c.Provider = p
		if err := c.Validate(); err != nil {
			t.Errorf("provider %s: %v", p, err)
		}
	}
	for _, s := range []string{"auto", "bwrap", "direct"} {
		c := good
		c.Sandbox = s
		if err := c.Validate(); err != nil {
			t.Errorf("sandbox %s: %v", s, err)
		}
	}
	for _, l := range []string{"debug", "info", "warn", "error"} {
		c := good
		c.LogLevel = l
		if err := c.Validate(); err != nil {
			t.Errorf("log level %s: %v", l, err)
		}
	}
	bad := []struct {
		name   string
		mutate func(*config.Config)
		want   string
	}{
		{"provider", func(c *config.Config) { c.Provider = "llama" }, `provider "llama"`},
		{"empty provider", func(c *config.Config) { c.Provider = "" }, `provider ""`},
		{"sandbox", func(c *config.Config) { c.Sandbox = "bubblewrap" }, `sandbox "bubblewrap"`},
		{"log level", func(c *config.Config) { c.LogLevel = "trace" }, `log level "trace"`},
		{"relative data dir", func(c *config.Config) { c.DataDir = "data" }, `data dir "data"`},
		{"empty data dir", func(c *config.Config) { c.DataDir = "" }, `data dir ""`},
	}
	for _, b := range bad {
		c := good
		b.mutate(&c)
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: err %v, want one containing %s", b.name, err, b.want)
		}
	}
	// Every problem is reported at once.
	all := config.Config{Provider: "x", Sandbox: "y", LogLevel: "z", DataDir: "w"}
	err := all.Validate()
	for _, w := range []string{"provider", "sandbox", "log level", "data dir"} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("err %v does not mention %s", err, w)
		}
	}
}

func TestOSEnv(t *testing.T) {
	t.Setenv("NEXUSGEN_TEST_SETTING", "on")
	if v, ok := (config.OSEnv{}).Lookup("NEXUSGEN_TEST_SETTING"); !ok || v != "on" {
		t.Errorf("Lookup = %q, %v", v, ok)
	}
	if _, ok := (config.OSEnv{}).Lookup("NEXUSGEN_TEST_SETTING_NEVER_SET"); ok {
		t.Error("an unset variable was found")
	}
	t.Setenv("NEXUSGEN_MEMORY_MB", "1024")
	c, err := config.Load(config.OSEnv{})
	if err != nil {
		t.Fatal(err)
	}
	if c.MemoryMB != 1024 {
		t.Errorf("MemoryMB %d from the process environment, want 1024", c.MemoryMB)
	}
}

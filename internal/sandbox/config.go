package sandbox

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// The runner kinds Config.Kind accepts.
const (
	KindAuto       = "auto"
	KindBubblewrap = "bubblewrap"
	KindDirect     = "direct"
)

// Config configures a runner. The zero value is usable: every field has a
// default, filled in by New.
type Config struct {
	// Kind picks the runner: KindAuto (default) uses Bubblewrap when a probe
	// run works on this host and Direct otherwise; KindBubblewrap fails when
	// it does not work.
	Kind string
	// Limits are the defaults for zero fields of Spec.Limits: 10 min, 4 GiB,
	// all CPUs, 1024 processes.
	Limits Limits
	// TailBytes is the default Spec.TailBytes (64 KiB).
	TailBytes int
	// Grace is how long a process has between SIGTERM and SIGKILL (5 s).
	Grace time.Duration
	// Policy may refuse a spec; nil means DefaultPolicy().
	Policy Policy
	// AllowEnv adds patterns to DefaultAllowEnv ("MY_KEY", "MY_PREFIX_*").
	AllowEnv []string
	// NodePath is the node binary whose directory joins the sandbox's PATH
	// (default: "node" looked up on the host's PATH; none when absent).
	NodePath string
	// BwrapPath is the bwrap binary (default: "bwrap" on the host's PATH).
	BwrapPath string
	// DisableCgroups runs without cgroup limits even where they work.
	DisableCgroups bool
	// CgroupRoot is where the cgroup hierarchies are mounted (/sys/fs/cgroup).
	CgroupRoot string
	// CgroupParent is the group, relative to the hierarchy root, under which
	// each run's nexusgen/<id> group is made (default: the product's own
	// group). Under cgroup v2 it must have the controllers delegated.
	CgroupParent string
	// Logger receives cleanup failures (default: discarded).
	Logger *slog.Logger
}

// Default limits and sizes.
const (
	DefaultTimeout   = 10 * time.Minute
	DefaultMemory    = 4 << 30
	DefaultProcs     = 1024
	DefaultTailBytes = 64 << 10
	DefaultGrace     = 5 * time.Second
)

// minMemory is the smallest memory limit accepted; below it Node cannot start.
const minMemory = 32 << 20

func (c Config) withDefaults() Config {
	if c.Kind == "" {
		c.Kind = KindAuto
	}
	c.Limits = c.Limits.or(Limits{
		Timeout: DefaultTimeout, Memory: DefaultMemory,
		CPUs: float64(runtime.NumCPU()), Procs: DefaultProcs,
	})
	if c.TailBytes == 0 {
		c.TailBytes = DefaultTailBytes
	}
	if c.Grace == 0 {
		c.Grace = DefaultGrace
	}
	if c.Policy == nil {
		c.Policy = DefaultPolicy()
	}
	if c.NodePath == "" {
		c.NodePath, _ = exec.LookPath("node")
	}
	if c.BwrapPath == "" {
		c.BwrapPath, _ = exec.LookPath("bwrap")
	}
	if c.CgroupRoot == "" {
		c.CgroupRoot = "/sys/fs/cgroup"
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

func (c Config) validate() error {
	var errs []error
	switch c.Kind {
	case KindAuto, KindBubblewrap, KindDirect:
	default:
		errs = append(errs, fmt.Errorf("unknown Kind %q (want %s, %s or %s)", c.Kind, KindAuto, KindBubblewrap, KindDirect))
	}
	if err := c.Limits.validate(); err != nil {
		errs = append(errs, err)
	}
	if c.TailBytes < 0 {
		errs = append(errs, errors.New("negative TailBytes"))
	}
	if c.Grace < 0 {
		errs = append(errs, errors.New("negative Grace"))
	}
	if c.NodePath != "" && !filepath.IsAbs(c.NodePath) {
		errs = append(errs, fmt.Errorf("NodePath %q is not absolute", c.NodePath))
	}
	if c.BwrapPath != "" && !filepath.IsAbs(c.BwrapPath) {
		errs = append(errs, fmt.Errorf("BwrapPath %q is not absolute", c.BwrapPath))
	}
	if c.CgroupParent != "" && !filepath.IsAbs(c.CgroupParent) {
		errs = append(errs, fmt.Errorf("CgroupParent %q must start with /", c.CgroupParent))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sandbox: config: %w", err)
	}
	return nil
}

// or fills zero fields of l from d.
func (l Limits) or(d Limits) Limits {
	if l.Timeout == 0 {
		l.Timeout = d.Timeout
	}
	if l.Memory == 0 {
		l.Memory = d.Memory
	}
	if l.CPUs == 0 {
		l.CPUs = d.CPUs
	}
	if l.Procs == 0 {
		l.Procs = d.Procs
	}
	return l
}

func (l Limits) validate() error {
	switch {
	case l.Timeout < 0, l.Memory < 0, l.CPUs < 0, l.Procs < 0:
		return fmt.Errorf("negative limit in %+v", l)
	case l.Memory != 0 && l.Memory < minMemory:
		return fmt.Errorf("memory limit %d is below %d bytes", l.Memory, minMemory)
	}
	return nil
}

// New returns the runner cfg asks for, probing the host once for what
// works. See Config.Kind.
func New(cfg Config) (Runner, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if cfg.Kind == KindDirect {
		return NewDirect(cfg)
	}
	b, err := NewBubblewrap(cfg)
	if err == nil || cfg.Kind == KindBubblewrap {
		return b, err
	}
	d, derr := NewDirect(cfg)
	if derr != nil {
		return nil, derr
	}
	d.caps.Notes = append(d.caps.Notes, "bubblewrap unavailable: "+err.Error())
	cfg.Logger.Warn("sandbox: running without confinement", "reason", err)
	return d, nil
}

// Detect is New with the default Config.
func Detect() (Runner, error) { return New(Config{}) }

// host is what both runners learn about the host once.
type host struct {
	cfg     Config
	cg      *cgroups
	nodeDir string // on PATH inside
	allow   []string
}

func newHost(cfg Config) (*host, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	keepDescriptorsHome()
	h := &host{cfg: cfg, allow: append(append([]string{}, DefaultAllowEnv...), cfg.AllowEnv...)}
	if cfg.NodePath != "" {
		h.nodeDir = filepath.Dir(cfg.NodePath)
	}
	if cfg.DisableCgroups {
		h.cg = &cgroups{version: "none", notes: []string{"cgroup limits disabled by configuration"}}
	} else {
		self, _ := os.ReadFile("/proc/self/cgroup")
		h.cg = detectCgroups(cfg.CgroupRoot, string(self), cfg.CgroupParent)
	}
	return h, nil
}

// capabilities fills the limit fields shared by both runners.
func (h *host) capabilities(name string) Capabilities {
	return Capabilities{
		Name:         name,
		MemoryLimit:  h.cg.has("memory"),
		CPULimit:     h.cg.has("cpu"),
		ProcessLimit: h.cg.has("pids"),
		Cgroups:      h.cg.version,
		Notes:        append([]string{}, h.cg.notes...),
	}
}

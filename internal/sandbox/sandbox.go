package sandbox

import (
	"context"
	"errors"
	"io"
	"time"
)

// Network says what a sandboxed process may reach.
type Network int

const (
	// NoNetwork: loopback only, in a namespace of its own. Builds, tests, previews.
	NoNetwork Network = iota
	// FullNetwork: the host's network. Package installs only.
	FullNetwork
)

func (n Network) String() string {
	if n == FullNetwork {
		return "full"
	}
	return "none"
}

// Limits bound what one process tree may use. Zero means the runner's default.
type Limits struct {
	Timeout time.Duration
	// Memory is the memory limit of the whole process tree in bytes.
	Memory int64
	// CPUs is the CPU quota in cores (1.5 = one and a half cores).
	CPUs float64
	// Procs is the maximum number of processes and threads.
	Procs int
}

// Spec describes one process to run.
type Spec struct {
	// Argv is the program and its arguments; the program is looked up in the
	// sandbox's PATH.
	Argv []string
	// Dir is the working directory. It must lie inside one of Writable.
	Dir string
	// Env adds variables to the base environment. Every key must be allowed by
	// the runner's allow-list, or Run fails with ErrEnvNotAllowed.
	Env map[string]string
	// Writable are the host paths the process may write (the project, the
	// shared package cache). Everything else is read-only or absent.
	Writable []string
	// ReadOnly are extra host paths the process may read (a package store).
	ReadOnly []string
	Network  Network
	Limits   Limits
	// Output, when set, receives the combined stdout and stderr as it is
	// written, one call at a time. A slow writer slows the process (its
	// output pipe fills); a failing one is dropped and the tail goes on.
	Output io.Writer
	// TailBytes is how much of the end of the output Result keeps (default 64 KiB).
	TailBytes int
	// Port, for Start: the TCP port the process listens on inside the
	// sandbox, which the runner makes reachable from the host (Process.Addr).
	// Run ignores it.
	Port int
}

// Result is how a finished process ended.
type Result struct {
	// ExitCode is the process's exit status; a process killed by a signal
	// reports 128 plus the signal number, as a shell does.
	ExitCode int `json:"exit_code"`
	// Tail is the last Spec.TailBytes of combined output.
	Tail      string        `json:"tail"`
	Truncated bool          `json:"truncated"`
	Duration  time.Duration `json:"duration"`
	TimedOut  bool          `json:"timed_out"`
	// OOMKilled is true when the memory limit killed the process tree.
	OOMKilled bool `json:"oom_killed"`
	// Signal names the signal that ended the process ("SIGKILL"), if any.
	Signal string `json:"signal,omitempty"`
}

// OK reports whether the process exited 0 on its own.
func (r Result) OK() bool { return r.ExitCode == 0 && !r.TimedOut && !r.OOMKilled && r.Signal == "" }

// Errors returned before a process runs. A process that runs and fails is a
// Result with a non-zero ExitCode, not an error. Errors that cannot be fixed
// by changing the Spec (no bwrap, a cgroup that cannot be created) are
// returned unwrapped from these sentinels.
var (
	// ErrEnvNotAllowed: a key of Spec.Env is not on the allow-list; the error
	// names the key. Drop the variable or extend Config.AllowEnv.
	ErrEnvNotAllowed = errors.New("sandbox: environment variable not allowed")
	// ErrDenied: the Policy refused the spec (a program not on the list).
	ErrDenied = errors.New("sandbox: denied by policy")
	// ErrBadSpec: the spec is malformed (no Argv, a relative or unclean path,
	// Dir outside every Writable path, a path that is a symlink, an
	// unknown program).
	ErrBadSpec = errors.New("sandbox: invalid spec")
)

// Policy may refuse a spec before it runs (a program not on the list, a
// writable path outside the workspace). It returns an error wrapping ErrDenied.
// It sees the spec after the structural checks (absolute clean paths, Dir
// inside Writable) have passed. See AllowPrograms, WithinRoots and AllOf.
type Policy func(Spec) error

// Capabilities say which protections a runner really enforces on this host,
// so reports can state them.
type Capabilities struct {
	Name              string `json:"name"`
	NetworkIsolation  bool   `json:"network_isolation"`
	FilesystemConfine bool   `json:"filesystem_confine"`
	MemoryLimit       bool   `json:"memory_limit"`
	CPULimit          bool   `json:"cpu_limit"`
	ProcessLimit      bool   `json:"process_limit"`
	// Cgroups is the cgroup hierarchy used for limits: "v1", "v2" or "none".
	Cgroups string `json:"cgroups"`
	// PreviewForward: Start can reach Spec.Port of a server that has no
	// network (NoNetwork previews).
	PreviewForward bool `json:"preview_forward"`
	// Notes say why a protection is missing on this host.
	Notes []string `json:"notes,omitempty"`
}

// Runner runs sandboxed processes. Implementations: Bubblewrap, Direct.
type Runner interface {
	// Run runs a process to completion. Limits.Timeout (default 10 min) or
	// cancelling ctx stops the whole process tree (SIGTERM, then SIGKILL
	// after the grace period). A timeout is Result.TimedOut with a nil
	// error; a cancelled ctx returns the Result and ctx.Err(). Whatever the
	// process leaves behind when it exits is killed.
	Run(ctx context.Context, spec Spec) (Result, error)
	// Start starts a long-running process (a preview server) and returns
	// once it is running. Cancelling ctx stops it as Process.Stop does;
	// Limits.Timeout applies only when set. With Spec.Port, Process.Addr is
	// a host address that reaches that port, even with NoNetwork.
	Start(ctx context.Context, spec Spec) (*Process, error)
	Capabilities() Capabilities
}

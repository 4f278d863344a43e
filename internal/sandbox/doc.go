// Package sandbox runs every untrusted process (npm, next, tsc, the generated
// app and its tests) with an allow-listed environment, a confined filesystem,
// no network unless asked for, timeouts, resource limits and a bounded output
// tail for the healer. Nothing else in NexusGen starts an external program.
//
// Two runners implement Runner and pass the same conformance suite
// (sandboxtest.Exercise):
//
//   - Bubblewrap confines each process with bwrap: its own mount, PID, IPC,
//     UTS, user, cgroup and network namespaces; no capabilities; the system
//     directories and a few files of /etc (name service, TLS roots, time
//     zone; never keys or credentials) read-only; Spec.Writable read-write;
//     Spec.ReadOnly read-only, also when nested inside a Writable path; a
//     private /tmp and HOME; everything else absent, and the sandbox's own
//     root read-only. NoNetwork leaves only a loopback of its own.
//   - Direct runs the process on the host, for hosts without bwrap. It
//     enforces the environment, the policy, timeouts, the process-tree kill
//     and cgroup limits, and gives each run a private HOME and TMPDIR, but
//     confines neither the filesystem nor the network; its Capabilities say
//     so.
//
// New (or Detect) picks Bubblewrap when a probe run works on this host and
// Direct otherwise. Config holds the defaults: limits (10 min, 4 GiB, all
// CPUs, 1024 processes), a 64 KiB output tail, a 5 s grace period between
// SIGTERM and SIGKILL, and the Policy (DefaultPolicy allows the Node
// toolchain and git, no shells).
//
// Before a process runs, its Spec is checked: the shape of its paths
// (absolute, clean, not a system directory, Dir inside a Writable path;
// ErrBadSpec), that none of them is or passes through a symlink (a bind
// mount would follow it out of the workspace), its environment (ErrEnvNotAllowed)
// and the Policy (ErrDenied).
//
// Every run starts from an empty environment (see BaseEnv and
// DefaultAllowEnv); nothing of the product's environment is inherited, so
// provider API keys never reach generated code, and neither do descriptors
// the product inherited. Node's heap is capped in proportion to the memory
// limit unless NODE_OPTIONS already sets it.
//
// Resource limits use cgroups, v1 (memory, cpu, pids controllers) or v2,
// whichever is writable: each run gets nexusgen/<id> groups under the
// product's own group (or Config.CgroupParent), joined by a /bin/sh shim
// before the program is executed, read for OOM kills, emptied and removed
// when the run ends. Without writable cgroups (not root, no delegation)
// runs go on without those limits and Capabilities.Notes say why.
//
// A run is a process tree stopped as a whole: on timeout, cancellation or
// Process.Stop, SIGTERM to every process of the tree (its process group,
// its descendants, its cgroup; frozen with SIGSTOP while they are found),
// SIGKILL after the grace period; when the first process exits, whatever it
// left behind is killed. Under Bubblewrap the tree also dies with the PID
// namespace.
//
// A preview started with Spec.Port and NoNetwork listens on the sandbox's
// own loopback. Process.Addr is a host loopback address whose connections
// are opened inside the sandbox's network namespace (setns on a locked
// thread, which needs root; elsewhere Capabilities.PreviewForward is false
// and Start refuses such a spec with errors.ErrUnsupported).
package sandbox

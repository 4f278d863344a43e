// Package sandbox runs every untrusted process (npm, next, tsc, the generated
// app and its tests) with an allow-listed environment, a confined filesystem,
// no network unless asked for, timeouts, resource limits and a bounded output
// tail for the healer. Nothing else in NexusGen starts an external program.
//
// Two runners implement Runner and pass the same conformance suite
// (sandboxtest.Exercise):
//
//   - Bubblewrap confines a process with bwrap: its own mount, PID, IPC,
//     UTS, user and network namespaces; the system directories and a few
//     files of /etc read-only; Spec.Writable read-write; Spec.ReadOnly
//     read-only (also when nested inside a Writable path); a private /tmp
//     and HOME; no network but a loopback of its own unless FullNetwork.
//     A preview server's port is reached from the host through a forwarder
//     that opens each connection inside the sandbox's network namespace.
//   - Direct runs the process on the host, for hosts without bwrap. It
//     enforces the environment, timeouts, process-tree kill and cgroup
//     limits, but neither filesystem nor network confinement; its
//     Capabilities say so.
//
// New (or Detect) picks Bubblewrap when a probe run works on this host and
// Direct otherwise. Config holds the defaults: limits (10 min, 4 GiB, all
// CPUs, 1024 processes), a 64 KiB output tail, a 5 s grace period between
// SIGTERM and SIGKILL, and the Policy (DefaultPolicy allows the Node
// toolchain and git).
//
// Every run starts from an empty environment (see BaseEnv and
// DefaultAllowEnv); nothing of the host's environment is inherited, so
// provider API keys never reach generated code.
//
// Resource limits use cgroups: v1 (memory, cpu, pids controllers) or v2,
// whichever is writable; each run gets nexusgen/<id> groups under the
// product's own cgroup, joined before the program is executed, and removed
// after it ends (anything left inside is killed first). Without writable
// cgroups (not root, no delegation) runs go on without those limits and
// Capabilities.Notes say why.
//
// Every run is a process tree that is stopped as a whole: SIGTERM to each
// process of the tree (the process group, its descendants and its cgroup),
// then SIGKILL after the grace period.
package sandbox

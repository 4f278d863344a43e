package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Bubblewrap runs each process in bwrap namespaces: nothing of the host's
// filesystem but the system directories, a few files of /etc and the
// spec's paths; a private /tmp and HOME; no network unless FullNetwork;
// its own PID namespace (the tree dies with its first process); no
// capabilities.
type Bubblewrap struct {
	h       *host
	system  []string // bwrap arguments for the host's system files
	caps    Capabilities
	fwdNote error // why previews cannot be forwarded, nil when they can
}

var _ Runner = (*Bubblewrap)(nil)

// sandboxHome is HOME inside the sandbox, a private tmpfs.
const sandboxHome = "/home/sandbox"

// etcFiles are the parts of /etc that programs need (name service, TLS
// roots, time zone, dynamic linker), bound read-only when present. The rest
// of /etc (keys, credentials, host configuration) stays out.
var etcFiles = []string{
	"/etc/resolv.conf", "/etc/hosts", "/etc/host.conf", "/etc/gai.conf",
	"/etc/nsswitch.conf", "/etc/passwd", "/etc/group", "/etc/services",
	"/etc/protocols", "/etc/localtime", "/etc/ld.so.cache", "/etc/ld.so.conf",
	"/etc/ld.so.conf.d", "/etc/alternatives", "/etc/ssl/certs",
	"/etc/ssl/openssl.cnf", "/etc/ca-certificates", "/etc/pki/tls/certs",
	"/etc/pki/ca-trust", "/etc/fonts", "/etc/os-release", "/etc/mime.types",
	// Chromium, for the generated apps' browser smoke tests.
	"/etc/chromium", "/etc/chromium.d",
}

// NewBubblewrap returns a Bubblewrap runner after a probe run proves bwrap
// works on this host (it needs user namespaces, or root).
func NewBubblewrap(cfg Config) (*Bubblewrap, error) {
	h, err := newHost(cfg)
	if err != nil {
		return nil, err
	}
	if h.cfg.BwrapPath == "" {
		return nil, fmt.Errorf("sandbox: bwrap not found on PATH: %w", errors.ErrUnsupported)
	}
	b := &Bubblewrap{h: h, system: systemBinds(h.cfg.NodePath)}
	if err := b.probe(); err != nil {
		return nil, err
	}
	b.fwdNote = forwardSupported()
	b.caps = h.capabilities(KindBubblewrap)
	b.caps.NetworkIsolation, b.caps.FilesystemConfine = true, true
	b.caps.PreviewForward = b.fwdNote == nil
	if b.fwdNote != nil {
		b.caps.Notes = append(b.caps.Notes, "previews without network cannot be reached: "+b.fwdNote.Error())
	}
	return b, nil
}

// probe runs /bin/true the way every process runs, so a host where bwrap
// cannot create its namespaces is found once, up front.
func (b *Bubblewrap) probe() error {
	args := b.args(Spec{Dir: "/", Argv: []string{"true"}}, "/bin/true", false)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Env = []string{"PATH=" + systemPath}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("sandbox: bwrap does not work here: %v: %s", err, strings.TrimSpace(out.String()))
	}
	return nil
}

// Capabilities says what Bubblewrap enforces on this host.
func (b *Bubblewrap) Capabilities() Capabilities { return cloneCaps(b.caps) }

// Run runs spec to completion.
func (b *Bubblewrap) Run(ctx context.Context, spec Spec) (Result, error) {
	return runToEnd(ctx, func(ctx context.Context) (*Process, error) { return b.start(ctx, spec, false) })
}

// Start starts spec; with Spec.Port and NoNetwork the port is forwarded
// from a host loopback address (Process.Addr).
func (b *Bubblewrap) Start(ctx context.Context, spec Spec) (*Process, error) {
	return b.start(ctx, spec, true)
}

func (b *Bubblewrap) start(ctx context.Context, spec Spec, forStart bool) (*Process, error) {
	p, err := b.h.prepare(spec, forStart, sandboxHome, "/tmp")
	if err != nil {
		return nil, err
	}
	forward := forStart && spec.Port > 0 && spec.Network == NoNetwork
	if forward && b.fwdNote != nil {
		return nil, fmt.Errorf("sandbox: preview on port %d: %v: %w", spec.Port, b.fwdNote, errors.ErrUnsupported)
	}
	return b.h.start(ctx, p, launch{
		argv:    b.args(p.spec, p.program, true),
		dir:     "/",
		bwrap:   true,
		forward: forward,
	})
}

// args builds the bwrap command line. withFDs adds the info (3) and block
// (4) descriptors that start passes.
func (b *Bubblewrap) args(s Spec, program string, withFDs bool) []string {
	a := []string{
		b.h.cfg.BwrapPath,
		"--unshare-all", // user, ipc, pid, net, uts, cgroup namespaces
		"--die-with-parent", "--new-session", "--cap-drop", "ALL",
		"--hostname", "sandbox",
	}
	if s.Network == FullNetwork {
		a = append(a, "--share-net")
	}
	if withFDs {
		a = append(a, "--info-fd", "3", "--block-fd", "4")
	}
	a = append(a, b.system...)
	a = append(a, "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp")
	a = append(a, pathBinds(s.Writable, s.ReadOnly)...)
	// HOME is private whatever the spec's paths cover; the sandbox's own
	// root (where /etc and the mount points live) is read-only, so only the
	// mounts above are writable.
	a = append(a, "--tmpfs", sandboxHome, "--remount-ro", "/", "--chdir", s.Dir, "--", program)
	return append(a, s.Argv[1:]...)
}

// systemBinds mounts the system directories read-only as they are on the
// host (a merged-/usr symlink stays a symlink), the parts of /etc in
// etcFiles, and the Node installation when it lives outside /usr.
func systemBinds(nodePath string) []string {
	var a []string
	for _, d := range []string{"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"} {
		fi, err := os.Lstat(d)
		switch {
		case err != nil:
		case fi.Mode()&os.ModeSymlink != 0:
			if target, err := os.Readlink(d); err == nil {
				a = append(a, "--symlink", target, d)
			}
		case fi.IsDir():
			a = append(a, "--ro-bind", d, d)
		}
	}
	for _, f := range etcFiles {
		a = append(a, "--ro-bind-try", f, f)
	}
	if nodePath == "" {
		return a
	}
	// The directory on PATH, and the installation it links into (npm lives
	// beside node, in ../lib/node_modules).
	dirs := []string{filepath.Dir(nodePath)}
	if real, err := filepath.EvalSymlinks(nodePath); err == nil {
		dirs = append(dirs, filepath.Dir(filepath.Dir(real)))
	}
	for _, d := range dirs {
		if !within(d, "/usr") && d != "/" && !slices.Contains(a, d) {
			a = append(a, "--ro-bind", d, d)
		}
	}
	return a
}

// pathBinds mounts the spec's paths, parents before children so that a
// read-only path inside a writable one stays read-only (and the reverse).
// A path listed as both is read-only.
func pathBinds(writable, readOnly []string) []string {
	type bind struct {
		path string
		ro   bool
	}
	var binds []bind
	for _, w := range writable {
		if !slices.Contains(readOnly, w) {
			binds = append(binds, bind{w, false})
		}
	}
	for _, r := range readOnly {
		binds = append(binds, bind{r, true})
	}
	slices.SortStableFunc(binds, func(x, y bind) int {
		return strings.Count(x.path, "/") - strings.Count(y.path, "/")
	})
	var a []string
	for _, b := range binds {
		if b.ro {
			a = append(a, "--ro-bind", b.path, b.path)
		} else {
			a = append(a, "--bind", b.path, b.path)
		}
	}
	return a
}

// readChildPid reads bwrap's --info-fd report: the host pid of the
// sandbox's first process, whose namespaces are the sandbox's.
func readChildPid(f *os.File, timeout time.Duration) (int, error) {
	_ = f.SetReadDeadline(time.Now().Add(timeout))
	var info struct {
		ChildPid int `json:"child-pid"`
	}
	if err := json.NewDecoder(f).Decode(&info); err != nil {
		return 0, fmt.Errorf("read bwrap info: %w", err)
	}
	if info.ChildPid <= 0 {
		return 0, errors.New("bwrap info has no child-pid")
	}
	return info.ChildPid, nil
}

func cloneCaps(c Capabilities) Capabilities {
	c.Notes = slices.Clone(c.Notes)
	return c
}

package sandbox

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cgroupParentName is the group under which each run gets its own.
const cgroupParentName = "nexusgen"

// cgroupController is one resource controller and where its groups go.
type cgroupController struct {
	name   string // "memory", "cpu", "pids"
	parent string // directory holding the per-run groups (v1), "" when unusable
}

// cgroups creates the per-run groups. It is read-only after detection and
// shared by every run of a runner.
type cgroups struct {
	version string // "v1", "v2" or "none"
	// v1: one parent per controller; v2: one parent for all, in v2Parent.
	controllers []cgroupController
	v2Parent    string
	notes       []string
}

// has reports whether the controller is enforced.
func (c *cgroups) has(name string) bool {
	for _, ctl := range c.controllers {
		if ctl.name == name && (ctl.parent != "" || c.v2Parent != "") {
			return true
		}
	}
	return false
}

// detectCgroups finds a writable cgroup hierarchy under root (normally
// /sys/fs/cgroup). selfCgroup is the content of /proc/self/cgroup; parent,
// when set, replaces the product's own cgroup as the place to create groups
// in (a path inside the hierarchy, e.g. a delegated systemd slice).
func detectCgroups(root, selfCgroup, parent string) *cgroups {
	own := parseProcCgroup(selfCgroup)
	if _, err := os.Stat(filepath.Join(root, "cgroup.controllers")); err == nil {
		return detectV2(root, pick(parent, own[""]))
	}
	cg := &cgroups{version: "v1"}
	for _, name := range []string{"memory", "cpu", "pids"} {
		dir := filepath.Join(root, name, pick(parent, own[name]), cgroupParentName)
		if err := probeGroup(dir); err != nil {
			cg.notes = append(cg.notes, fmt.Sprintf("no %s limit: %v", name, err))
			dir = ""
		}
		cg.controllers = append(cg.controllers, cgroupController{name: name, parent: dir})
	}
	if !cg.has("memory") && !cg.has("cpu") && !cg.has("pids") {
		cg.version = "none"
	}
	return cg
}

func detectV2(root, own string) *cgroups {
	cg := &cgroups{version: "v2"}
	parent := filepath.Join(root, own, cgroupParentName)
	err := os.MkdirAll(parent, 0o755)
	avail := map[string]bool{}
	if err == nil {
		for _, name := range []string{"memory", "cpu", "pids"} {
			// The product's own group must delegate the controller first; that
			// fails (EBUSY) when it holds processes, unless it is the root.
			_ = os.WriteFile(filepath.Join(root, own, "cgroup.subtree_control"), []byte("+"+name), 0)
			if os.WriteFile(filepath.Join(parent, "cgroup.subtree_control"), []byte("+"+name), 0) == nil {
				avail[name] = true
			}
		}
		err = probeGroup(parent)
	}
	for _, name := range []string{"memory", "cpu", "pids"} {
		ctl := cgroupController{name: name}
		switch {
		case err != nil:
			cg.notes = append(cg.notes, fmt.Sprintf("no %s limit: %v", name, err))
		case !avail[name]:
			cg.notes = append(cg.notes, fmt.Sprintf("no %s limit: controller not delegated to %s (set Config.CgroupParent to a delegated group)", name, parent))
		default:
			ctl.parent = parent
		}
		cg.controllers = append(cg.controllers, ctl)
	}
	if err == nil && len(avail) > 0 {
		cg.v2Parent = parent
	} else {
		cg.version = "none"
	}
	return cg
}

func pick(override, own string) string {
	if override != "" {
		return override
	}
	return own
}

// probeGroup creates and removes a group under dir to prove it is writable.
func probeGroup(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	probe := filepath.Join(dir, fmt.Sprintf("probe-%d", os.Getpid()))
	if err := os.Mkdir(probe, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	if _, err := os.Stat(filepath.Join(probe, "cgroup.procs")); err != nil {
		_ = os.Remove(probe)
		return fmt.Errorf("%s is not a cgroup", dir)
	}
	return os.Remove(probe)
}

// parseProcCgroup maps each v1 controller (and "" for the v2 hierarchy) to
// the process's group path.
func parseProcCgroup(content string) map[string]string {
	out := map[string]string{}
	for line := range strings.Lines(content) {
		parts := strings.SplitN(strings.TrimSpace(line), ":", 3)
		if len(parts) != 3 {
			continue
		}
		if parts[1] == "" {
			out[""] = parts[2]
			continue
		}
		for _, c := range strings.Split(parts[1], ",") {
			out[c] = parts[2]
		}
	}
	return out
}

// cgroup is one run's set of groups.
type cgroup struct {
	v2    bool
	dirs  []string          // created groups, one per controller (v1) or one (v2)
	byCtl map[string]string // controller -> its group
}

// create makes the groups of run id and sets the limits. Controllers that
// are not available are skipped.
func (c *cgroups) create(id string, lim Limits) (*cgroup, error) {
	if c.version == "none" {
		return nil, nil
	}
	g := &cgroup{v2: c.version == "v2", byCtl: map[string]string{}}
	if g.v2 {
		dir := filepath.Join(c.v2Parent, id)
		if err := os.Mkdir(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sandbox: create cgroup: %w", err)
		}
		g.dirs = []string{dir}
		for _, ctl := range c.controllers {
			if ctl.parent != "" {
				g.byCtl[ctl.name] = dir
			}
		}
	} else {
		for _, ctl := range c.controllers {
			if ctl.parent == "" {
				continue
			}
			dir := filepath.Join(ctl.parent, id)
			if err := os.Mkdir(dir, 0o755); err != nil {
				_ = g.remove()
				return nil, fmt.Errorf("sandbox: create cgroup: %w", err)
			}
			g.dirs = append(g.dirs, dir)
			g.byCtl[ctl.name] = dir
		}
	}
	if err := g.setLimits(lim); err != nil {
		_ = g.remove()
		return nil, fmt.Errorf("sandbox: set cgroup limits: %w", err)
	}
	return g, nil
}

func (g *cgroup) setLimits(lim Limits) error {
	const period = 100000 // µs
	quota := int64(lim.CPUs * period)
	if dir, ok := g.byCtl["memory"]; ok && lim.Memory > 0 {
		mem := strconv.FormatInt(lim.Memory, 10)
		if g.v2 {
			if err := writeFile(dir, "memory.max", mem); err != nil {
				return err
			}
			_ = writeFile(dir, "memory.swap.max", "0") // absent without swap accounting
		} else {
			if err := writeFile(dir, "memory.limit_in_bytes", mem); err != nil {
				return err
			}
			_ = writeFile(dir, "memory.memsw.limit_in_bytes", mem) // absent without swap accounting
		}
	}
	if dir, ok := g.byCtl["cpu"]; ok && quota > 0 {
		if g.v2 {
			if err := writeFile(dir, "cpu.max", fmt.Sprintf("%d %d", quota, period)); err != nil {
				return err
			}
		} else {
			if err := writeFile(dir, "cpu.cfs_period_us", strconv.Itoa(period)); err != nil {
				return err
			}
			if err := writeFile(dir, "cpu.cfs_quota_us", strconv.FormatInt(quota, 10)); err != nil {
				return err
			}
		}
	}
	if dir, ok := g.byCtl["pids"]; ok && lim.Procs > 0 {
		if err := writeFile(dir, "pids.max", strconv.Itoa(lim.Procs)); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(dir, name, value string) error {
	return os.WriteFile(filepath.Join(dir, name), []byte(value), 0)
}

// procsFiles are the files a process writes its pid to, to join every group.
func (g *cgroup) procsFiles() []string {
	out := make([]string, len(g.dirs))
	for i, d := range g.dirs {
		out[i] = filepath.Join(d, "cgroup.procs")
	}
	return out
}

// pids lists the processes in the run's groups.
func (g *cgroup) pids() []int {
	seen := map[int]bool{}
	var out []int
	for _, d := range g.dirs {
		data, _ := os.ReadFile(filepath.Join(d, "cgroup.procs"))
		for f := range strings.FieldsSeq(string(data)) {
			if pid, err := strconv.Atoi(f); err == nil && !seen[pid] {
				seen[pid] = true
				out = append(out, pid)
			}
		}
	}
	return out
}

// killAll SIGKILLs every process in the groups until they are empty or
// deadline passes; it reports whether they emptied. Processes that are
// already dying (a PID namespace being torn down) leave within a
// millisecond or so, hence the short first waits.
func (g *cgroup) killAll(deadline time.Duration) bool {
	if g.v2 {
		_ = writeFile(g.dirs[0], "cgroup.kill", "1") // kernels before 5.14 lack it
	}
	end := time.Now().Add(deadline)
	wait := 100 * time.Microsecond
	for {
		pids := g.pids()
		if len(pids) == 0 {
			return true
		}
		if time.Now().After(end) {
			return false
		}
		for _, pid := range pids {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
		time.Sleep(wait)
		wait = min(2*wait, 10*time.Millisecond)
	}
}

// oomKilled reports whether the memory limit killed a process of the run.
// It reads the kernel's oom_kill counter; on v1 kernels too old to have one
// (before 4.13), a SIGKILLed process in a group that hit its limit counts.
func (g *cgroup) oomKilled(sigkilled bool) bool {
	dir, ok := g.byCtl["memory"]
	if !ok {
		return false
	}
	name := "memory.oom_control"
	if g.v2 {
		name = "memory.events"
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return false
	}
	for line := range strings.Lines(string(data)) {
		if k, v, _ := strings.Cut(strings.TrimSpace(line), " "); k == "oom_kill" {
			n, _ := strconv.Atoi(v)
			return n > 0
		}
	}
	if g.v2 || !sigkilled {
		return false
	}
	failcnt, _ := os.ReadFile(filepath.Join(dir, "memory.failcnt"))
	n, _ := strconv.Atoi(strings.TrimSpace(string(failcnt)))
	return n > 0
}

// remove deletes the groups; it retries briefly while the last processes
// are still being torn down. A nil cgroup (no cgroups here) is a no-op.
func (g *cgroup) remove() error {
	if g == nil {
		return nil
	}
	var errs []error
	for _, d := range g.dirs {
		var err error
		for range 50 {
			if err = os.Remove(d); err == nil || errors.Is(err, os.ErrNotExist) {
				err = nil
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

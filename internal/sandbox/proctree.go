package sandbox

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// descendants lists the living descendants of pid by scanning /proc. It is a
// snapshot (a process forked during the scan can be missed), which is why
// the cgroup, when there is one, is the authority for a final kill.
func descendants(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	children := map[int][]int{}
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, ok := parentOf(child); ok {
			children[ppid] = append(children[ppid], child)
		}
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, c := range children[p] {
			out = append(out, c)
			queue = append(queue, c)
		}
	}
	return out
}

// parentOf reads the parent pid from /proc/<pid>/stat. The command name
// (field 2) may hold spaces and parentheses, so parsing starts after the
// last ')'.
func parentOf(pid int) (int, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	fields := strings.Fields(s[i+1:])
	if len(fields) < 2 {
		return 0, false
	}
	ppid, err := strconv.Atoi(fields[1])
	return ppid, err == nil
}

// signalTree sends sig to the process group of root, to root's descendants
// and to every process in cg (which may be nil). Pids in spare are left
// alone (bwrap itself, so that SIGTERM reaches the program instead of
// tearing the sandbox down at once).
func signalTree(root int, cg *cgroup, sig syscall.Signal, spare ...int) {
	targets := map[int]bool{}
	if len(spare) == 0 {
		_ = syscall.Kill(-root, sig) // the group; root is its leader
		targets[root] = true
	}
	for _, pid := range descendants(root) {
		targets[pid] = true
	}
	if cg != nil {
		for _, pid := range cg.pids() {
			targets[pid] = true
		}
	}
	for _, s := range spare {
		delete(targets, s)
	}
	for pid := range targets {
		_ = syscall.Kill(pid, sig)
	}
}

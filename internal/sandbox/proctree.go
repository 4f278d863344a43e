package sandbox

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

// procEntry is what /proc/<pid>/stat tells about one process.
type procEntry struct{ pid, ppid, pgid int }

// scanProc lists every process by scanning /proc.
func scanProc() []procEntry {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	out := make([]procEntry, 0, len(entries))
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, pgid, ok := readStat(pid); ok {
			out = append(out, procEntry{pid, ppid, pgid})
		}
	}
	return out
}

// readStat reads the parent pid and process group from /proc/<pid>/stat.
// The command name (field 2) may hold spaces and parentheses, so parsing
// starts after the last ')'.
func readStat(pid int) (ppid, pgid int, ok bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(s[i+1:]) // state ppid pgrp ...
	if len(f) < 3 {
		return 0, 0, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	pgid, err2 := strconv.Atoi(f[2])
	return ppid, pgid, err1 == nil && err2 == nil
}

// treeOf returns root, the members of its process group, every descendant
// of those, and the processes in cg (which may be nil).
func treeOf(root int, cg *cgroup) map[int]bool {
	procs := scanProc()
	children := map[int][]int{}
	tree := map[int]bool{root: true}
	for _, p := range procs {
		children[p.ppid] = append(children[p.ppid], p.pid)
		if p.pgid == root {
			tree[p.pid] = true
		}
	}
	if cg != nil {
		for _, pid := range cg.pids() {
			tree[pid] = true
		}
	}
	queue := make([]int, 0, len(tree))
	for pid := range tree {
		queue = append(queue, pid)
	}
	for len(queue) > 0 {
		p := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, c := range children[p] {
			if !tree[c] {
				tree[c] = true
				queue = append(queue, c)
			}
		}
	}
	return tree
}

// signalTree delivers sig to the whole tree of root (see treeOf) except the
// pids in spare (bwrap itself, so that SIGTERM reaches the program instead
// of tearing the sandbox down at once). The tree is first stopped with
// SIGSTOP and rescanned until it stops growing, so that no process forks a
// child or dies and orphans one while it is being signalled; then sig goes
// to every member, and SIGCONT lets a stopped process act on a SIGTERM.
// Without a cgroup this is a best effort: a process that left the tree
// before the scan (a daemon whose parent already exited) is not found.
func signalTree(root int, cg *cgroup, sig syscall.Signal, spare ...int) {
	stopped := map[int]bool{}
	for range 10 {
		grew := false
		for pid := range treeOf(root, cg) {
			if !stopped[pid] && !slices.Contains(spare, pid) {
				stopped[pid] = true
				grew = true
				_ = syscall.Kill(pid, syscall.SIGSTOP)
			}
		}
		if !grew {
			break
		}
	}
	for pid := range stopped {
		_ = syscall.Kill(pid, sig)
	}
	if sig != syscall.SIGKILL {
		for pid := range stopped {
			_ = syscall.Kill(pid, syscall.SIGCONT)
		}
	}
}

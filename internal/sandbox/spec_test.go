package sandbox

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestValidatePaths(t *testing.T) {
	ok := Spec{Argv: []string{"node"}, Dir: "/work/p/app", Writable: []string{"/work/p", "/cache"}, ReadOnly: []string{"/store"}}
	if err := validatePaths(ok); err != nil {
		t.Fatalf("valid spec: %v", err)
	}
	bad := map[string]func(*Spec){
		"no argv":          func(s *Spec) { s.Argv = nil },
		"empty program":    func(s *Spec) { s.Argv = []string{""} },
		"nul argument":     func(s *Spec) { s.Argv = []string{"node", "a\x00b"} },
		"no writable":      func(s *Spec) { s.Writable = nil },
		"relative":         func(s *Spec) { s.Writable = []string{"work/p"} },
		"dotdot":           func(s *Spec) { s.Writable = []string{"/work/p/../p"}; s.Dir = "/work/p" },
		"trailing slash":   func(s *Spec) { s.Writable = []string{"/work/p/"} },
		"root":             func(s *Spec) { s.Writable = []string{"/", "/work/p"} },
		"usr":              func(s *Spec) { s.Writable = []string{"/work/p", "/usr"} },
		"inside etc":       func(s *Spec) { s.Writable = []string{"/work/p", "/etc/ssl"} },
		"proc":             func(s *Spec) { s.Writable = []string{"/work/p", "/proc/1"} },
		"dir outside":      func(s *Spec) { s.Dir = "/work/other" },
		"dir prefix trick": func(s *Spec) { s.Dir = "/work/project" },
		"dir relative":     func(s *Spec) { s.Dir = "app" },
		"read-only rel":    func(s *Spec) { s.ReadOnly = []string{"store"} },
		"read-only root":   func(s *Spec) { s.ReadOnly = []string{"/"} },
		"port":             func(s *Spec) { s.Port = 65536 },
		"tail":             func(s *Spec) { s.TailBytes = -1 },
	}
	for name, mutate := range bad {
		s := ok
		s.Argv = slices.Clone(ok.Argv)
		mutate(&s)
		if err := validatePaths(s); !errors.Is(err, ErrBadSpec) {
			t.Errorf("%s: err %v, want ErrBadSpec", name, err)
		}
	}
}

// FuzzValidatePaths checks that whatever validatePaths accepts is safe to
// hand to bwrap: absolute clean paths, no system directory writable, Dir
// inside a writable path.
func FuzzValidatePaths(f *testing.F) {
	f.Add("/work/p", "/work/p/app", "/store")
	f.Add("/work/p/../../etc", "/work/p", "")
	f.Add("/", "/", "/")
	f.Add("/usr/local", "/usr/local/x", "")
	f.Add("/work//p", "/work/p", "rel")
	f.Add("/workspace", "/work", "/work/p/node_modules")
	f.Fuzz(func(t *testing.T, writable, dir, readOnly string) {
		s := Spec{Argv: []string{"node"}, Dir: dir, Writable: strings.Split(writable, ",")}
		if readOnly != "" {
			s.ReadOnly = []string{readOnly}
		}
		if err := validatePaths(s); err != nil {
			if !errors.Is(err, ErrBadSpec) {
				t.Fatalf("error %v does not wrap ErrBadSpec", err)
			}
			return
		}
		for _, p := range append(slices.Clone(s.Writable), append(s.ReadOnly, s.Dir)...) {
			if !filepath.IsAbs(p) || filepath.Clean(p) != p || p == "/" || strings.Contains(p, "\x00") {
				t.Fatalf("accepted unsafe path %q", p)
			}
			for _, part := range strings.Split(p, "/") {
				if part == ".." || part == "." {
					t.Fatalf("accepted %q", p)
				}
			}
		}
		inside := false
		for _, w := range s.Writable {
			for _, sys := range systemDirs {
				if isInside(sys, w) {
					t.Fatalf("accepted writable system path %q", w)
				}
			}
			if isInside(w, s.Dir) {
				inside = true
			}
		}
		if !inside {
			t.Fatalf("accepted dir %q outside %q", s.Dir, s.Writable)
		}
	})
}

// isInside is an independent check of within, through filepath.Rel.
func isInside(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

func TestPathBindsOrder(t *testing.T) {
	got := pathBinds(
		[]string{"/w/p", "/store/scratch", "/both"},
		[]string{"/w/p/node_modules", "/store", "/both"},
	)
	// Only the relative order of parent and child matters; same-depth
	// entries may come in any order.
	pos := func(mode, p string) int {
		for i := 0; i+2 < len(got); i += 3 {
			if got[i] == mode && got[i+1] == p {
				return i
			}
		}
		t.Fatalf("%s %s missing from %q", mode, p, got)
		return -1
	}
	if len(got) != 5*3 {
		t.Fatalf("got %q", got)
	}
	if pos("--bind", "/w/p") > pos("--ro-bind", "/w/p/node_modules") {
		t.Errorf("node_modules mounted before its project: %q", got)
	}
	if pos("--ro-bind", "/store") > pos("--bind", "/store/scratch") {
		t.Errorf("scratch mounted before its store: %q", got)
	}
	pos("--ro-bind", "/both") // listed as both: read-only
}

func TestResolveProgram(t *testing.T) {
	dir := t.TempDir()
	if p, err := resolveProgram("sh", dir, systemPath); err != nil || !strings.HasSuffix(p, "/sh") {
		t.Errorf("sh: %q %v", p, err)
	}
	if _, err := resolveProgram("no-such-program-x", dir, systemPath); !errors.Is(err, ErrBadSpec) {
		t.Errorf("missing: %v", err)
	}
	if _, err := resolveProgram("./bin/tool", dir, systemPath); !errors.Is(err, ErrBadSpec) {
		t.Errorf("missing relative: %v", err)
	}
	if p, err := resolveProgram("/bin/sh", dir, ""); err != nil || p != "/bin/sh" {
		t.Errorf("absolute: %q %v", p, err)
	}
}

func TestPolicies(t *testing.T) {
	s := Spec{Argv: []string{"/work/p/node_modules/.bin/next", "build"}, Writable: []string{"/work/p"}}
	if err := DefaultPolicy()(s); err != nil {
		t.Errorf("next: %v", err)
	}
	for _, prog := range []string{"sh", "bash", "curl", "python3"} {
		if err := DefaultPolicy()(Spec{Argv: []string{prog}}); !errors.Is(err, ErrDenied) {
			t.Errorf("%s: %v", prog, err)
		}
	}
	if err := WithinRoots("/work")(s); err != nil {
		t.Errorf("inside root: %v", err)
	}
	if err := WithinRoots("/work/p2", "/cache")(s); !errors.Is(err, ErrDenied) {
		t.Errorf("outside roots: %v", err)
	}
	if err := AllOf(nil, DefaultPolicy(), WithinRoots("/elsewhere"))(s); !errors.Is(err, ErrDenied) {
		t.Errorf("AllOf: %v", err)
	}
}

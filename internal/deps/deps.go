// Package deps installs a project's npm dependencies through one shared,
// warm cache. npm's own tarball cache is shared by every install; on top of
// it, the store keeps one finished node_modules per dependency set (keyed by
// the hash of package.json's dependency lists and the Node.js version), so
// the second app with the same dependencies installs in about a second by
// linking instead of unpacking hundreds of megabytes again.
package deps

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/nexusgen/nexusgen/internal/sandbox"
)

// marker names the file written into a node_modules that came from the store.
const marker = ".nexusgen-store"

// Store is the shared dependency cache rooted at Dir.
type Store struct {
	// Dir holds npm-cache/ (tarballs) and modules/<key>/ (finished installs).
	Dir    string
	Runner sandbox.Runner
	Log    *slog.Logger
	// Registry overrides the npm registry (tests point it at a closed port).
	Registry string
	// Keep is how many finished installs to keep; the oldest are pruned.
	Keep int
	// Link hard-links node_modules from the store (fast; the caller keeps
	// node_modules read-only while untrusted code runs). Otherwise it copies.
	Link bool
	// NodeVersion is part of the key; empty asks node.
	NodeVersion string
	// Timeout bounds one npm install.
	Timeout time.Duration
}

// Result describes one install.
type Result struct {
	Key      string
	Cached   bool
	Duration time.Duration
	Process  sandbox.Result
}

// ErrInstall is wrapped by errors of a failed npm install; the sandbox
// result carries its output for the healer.
var ErrInstall = errors.New("npm install failed")

// Install makes dir/node_modules match dir/package.json.
func (s *Store) Install(ctx context.Context, dir string, out io.Writer) (Result, error) {
	start := time.Now()
	key, err := s.Key(dir)
	if err != nil {
		return Result{}, err
	}
	res := Result{Key: key}
	entry := filepath.Join(s.Dir, "modules", key)
	if complete(entry) {
		if err := s.materialise(entry, dir, key); err == nil {
			res.Cached = true
			res.Duration = time.Since(start)
			now := time.Now()
			_ = os.Chtimes(entry, now, now) // mark as recently used for pruning
			return res, nil
		} else {
			s.log().Warn("store entry unusable, installing", "key", key, "err", err)
		}
	}
	if err := s.Detach(dir); err != nil {
		return res, err
	}
	// An unreachable registry fails in seconds, not after npm's retries
	// for every package; npm's cache may still hold all that is needed.
	reg := s.registry(ctx, dir)
	offline := false
	probeErr := probe(ctx, reg, 10*time.Second)
	if probeErr != nil {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		s.log().Warn("npm registry unreachable, installing from the cache", "registry", reg, "err", probeErr)
		offline = true
	}
	proc, err := s.npmInstall(ctx, dir, reg, offline, out)
	res.Process = proc
	res.Duration = time.Since(start)
	if err != nil {
		return res, err
	}
	if !proc.OK() {
		if offline {
			return res, unreachable(reg, probeErr)
		}
		return res, fmt.Errorf("%w (exit %d)", ErrInstall, proc.ExitCode)
	}
	if err := s.save(dir, entry); err != nil {
		s.log().Warn("could not save install to the store", "key", key, "err", err)
	}
	s.prune()
	return res, nil
}

// NPMCache is the shared npm tarball cache.
func (s *Store) NPMCache() string { return filepath.Join(s.Dir, "npm-cache") }

func (s *Store) npmInstall(ctx context.Context, dir, registry string, offline bool, out io.Writer) (sandbox.Result, error) {
	if err := os.MkdirAll(s.NPMCache(), 0o755); err != nil {
		return sandbox.Result{}, err
	}
	env := map[string]string{
		"npm_config_cache":                  s.NPMCache(),
		"npm_config_prefer_offline":         "true",
		"npm_config_registry":               registry,
		"npm_config_fetch_retries":          "2",
		"npm_config_fetch_retry_mintimeout": "2000",
		"npm_config_fetch_retry_maxtimeout": "20000",
	}
	args := []string{"npm", "install", "--no-audit", "--no-fund", "--loglevel=error"}
	if offline {
		args = append(args, "--offline")
	}
	return s.Runner.Run(ctx, sandbox.Spec{
		Argv:     args,
		Dir:      dir,
		Env:      env,
		Writable: []string{dir, s.NPMCache()},
		Network:  sandbox.FullNetwork,
		Limits:   sandbox.Limits{Timeout: s.timeout()},
		Output:   out,
	})
}

func (s *Store) timeout() time.Duration {
	if s.Timeout > 0 {
		return s.Timeout
	}
	return 10 * time.Minute
}

// Key is the store key of a project: the hash of its dependency lists,
// overrides and the Node.js version.
func (s *Store) Key(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", fmt.Errorf("read package.json: %w", err)
	}
	var pkg map[string]json.RawMessage
	if err := json.Unmarshal(data, &pkg); err != nil {
		return "", fmt.Errorf("package.json is not valid JSON: %w", err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "node %s\n", s.nodeVersion())
	for _, k := range []string{"dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "overrides"} {
		var m map[string]any
		if raw, ok := pkg[k]; ok {
			if err := json.Unmarshal(raw, &m); err != nil {
				return "", fmt.Errorf("package.json %s: %w", k, err)
			}
		}
		canon, _ := json.Marshal(m) // map keys marshal sorted
		fmt.Fprintf(h, "%s %s\n", k, canon)
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

func (s *Store) nodeVersion() string {
	if s.NodeVersion == "" {
		out, err := exec.Command("node", "--version").Output()
		if err == nil {
			s.NodeVersion = strings.TrimSpace(string(out))
		} else {
			s.NodeVersion = "unknown"
		}
	}
	return s.NodeVersion
}

func complete(entry string) bool {
	_, err := os.Stat(filepath.Join(entry, "node_modules", marker))
	return err == nil
}

// materialise puts the store entry's node_modules (and lockfile, when the
// project has none) into dir.
func (s *Store) materialise(entry, dir, key string) error {
	nm := filepath.Join(dir, "node_modules")
	if err := os.RemoveAll(nm); err != nil {
		return err
	}
	if err := s.copyTree(filepath.Join(entry, "node_modules"), nm, s.Link); err != nil {
		os.RemoveAll(nm)
		return err
	}
	lock := filepath.Join(dir, "package-lock.json")
	if _, err := os.Stat(lock); errors.Is(err, os.ErrNotExist) {
		if data, err := os.ReadFile(filepath.Join(entry, "package-lock.json")); err == nil {
			if err := os.WriteFile(lock, data, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// Detach turns a node_modules linked from the store into a private copy, so
// npm may change it without touching the store.
func (s *Store) Detach(dir string) error {
	nm := filepath.Join(dir, "node_modules")
	data, err := os.ReadFile(filepath.Join(nm, marker))
	if err != nil {
		return nil // not from the store
	}
	if string(data) != "linked" {
		return os.Remove(filepath.Join(nm, marker))
	}
	tmp := nm + ".detach"
	os.RemoveAll(tmp)
	if err := s.copyTree(nm, tmp, false); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("detach node_modules: %w", err)
	}
	if err := os.RemoveAll(nm); err != nil {
		return err
	}
	if err := os.Rename(tmp, nm); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(nm, marker)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// save copies a fresh install into the store, atomically.
func (s *Store) save(dir, entry string) error {
	if complete(entry) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(entry), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(entry), ".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// The store keeps its own copy; the project keeps the files npm wrote.
	if err := s.copyTree(filepath.Join(dir, "node_modules"), filepath.Join(tmp, "node_modules"), false); err != nil {
		return err
	}
	if data, err := os.ReadFile(filepath.Join(dir, "package-lock.json")); err == nil {
		if err := os.WriteFile(filepath.Join(tmp, "package-lock.json"), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, "node_modules", marker), []byte("store"), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, entry); err != nil && !complete(entry) {
		return err
	}
	return nil
}

// copyTree copies src to dst, hard-linking files when link is set (falling
// back to copies across devices). Symlinks stay symlinks; modes are kept.
func (s *Store) copyTree(src, dst string, link bool) error {
	linked := link
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if rel == marker {
			return nil // the store's own marker; the copy gets its own
		}
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(target, info.Mode().Perm()|0o700)
		case d.Type()&fs.ModeSymlink != 0:
			dest, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(dest, target)
		case !d.Type().IsRegular():
			return nil // sockets, devices: nothing npm needs
		}
		if linked {
			if err := os.Link(p, target); err == nil {
				return nil
			}
			linked = false // another device: copy from here on
		}
		return copyFile(p, target, info.Mode().Perm())
	})
	if err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	if !link {
		return nil
	}
	state := "linked"
	if !linked {
		state = "copied"
	}
	return os.WriteFile(filepath.Join(dst, marker), []byte(state), 0o644)
}

func copyFile(src, dst string, mode fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// prune removes the least recently used entries beyond Keep.
func (s *Store) prune() {
	keep := s.Keep
	if keep <= 0 {
		keep = 8
	}
	dir := filepath.Join(s.Dir, "modules")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type aged struct {
		name string
		mod  time.Time
	}
	var all []aged
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if info, err := e.Info(); err == nil {
			all = append(all, aged{e.Name(), info.ModTime()})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].mod.After(all[j].mod) })
	for _, a := range all[min(keep, len(all)):] {
		os.RemoveAll(filepath.Join(dir, a.name))
	}
}

func (s *Store) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

// Entries lists the keys of finished installs in the store.
func (s *Store) Entries() []string {
	entries, _ := os.ReadDir(filepath.Join(s.Dir, "modules"))
	var out []string
	for _, e := range entries {
		if complete(filepath.Join(s.Dir, "modules", e.Name())) {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

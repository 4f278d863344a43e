package heal

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"

	"github.com/nexusgen/nexusgen/internal/report"
)

// FileStore keeps the fix cache as one JSON file per signature under Dir
// (the command line uses <DataDir>/fixcache). Writes are atomic renames
// under an exclusive lock on Dir/.lock, so several processes may share the
// folder; readers never see half a file.
type FileStore struct {
	dir string
	mu  sync.Mutex // orders this process's writers before the file lock
}

var _ Store = (*FileStore)(nil)

// OpenFileStore opens (creating) the cache folder dir.
func OpenFileStore(dir string) (*FileStore, error) {
	if err := os.MkdirAll(filepath.Join(dir, "entries"), 0o755); err != nil {
		return nil, fmt.Errorf("fix cache: %w", err)
	}
	return &FileStore{dir: dir}, nil
}

// Dir is the folder the store lives in.
func (s *FileStore) Dir() string { return s.dir }

// fileEntry is the content of one signature's file.
type fileEntry struct {
	Version   int     `json:"version"`
	Signature string  `json:"signature"`
	Entries   []Entry `json:"entries"`
}

func (s *FileStore) path(signature string) string {
	sum := sha256.Sum256([]byte(signature))
	return filepath.Join(s.dir, "entries", hex.EncodeToString(sum[:12])+".json")
}

func readEntryFile(path string) (fileEntry, error) {
	var fe fileEntry
	data, err := os.ReadFile(path)
	if err != nil {
		return fe, err
	}
	if err := json.Unmarshal(data, &fe); err != nil {
		return fe, fmt.Errorf("fix cache %s: %w", filepath.Base(path), err)
	}
	return fe, nil
}

// Get returns the entries of signature, best first.
func (s *FileStore) Get(ctx context.Context, signature string) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	fe, err := readEntryFile(s.path(signature))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if fe.Signature != signature {
		return nil, nil // a hash collision: treat as absent
	}
	sortEntries(fe.Entries)
	return fe.Entries, nil
}

// Scan calls fn with every entry. Unreadable files are skipped.
func (s *FileStore) Scan(ctx context.Context, fn func(Entry) bool) error {
	files, err := os.ReadDir(filepath.Join(s.dir, "entries"))
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if f.IsDir() || !strings.HasSuffix(f.Name(), ".json") {
			continue
		}
		fe, err := readEntryFile(filepath.Join(s.dir, "entries", f.Name()))
		if err != nil {
			continue
		}
		for _, e := range fe.Entries {
			if !fn(e) {
				return nil
			}
		}
	}
	return nil
}

// Record adds one outcome under the lock.
func (s *FileStore) Record(ctx context.Context, signature string, recipe Recipe, ok bool, at time.Time) (Entry, error) {
	if err := ctx.Err(); err != nil {
		return Entry{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := s.lock()
	if err != nil {
		return Entry{}, err
	}
	defer unlock()
	path := s.path(signature)
	fe, err := readEntryFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && fe.Signature != signature:
		fe = fileEntry{Version: 1, Signature: signature}
	case err != nil:
		fe = fileEntry{Version: 1, Signature: signature} // a damaged file is replaced
	}
	i := -1
	for j, e := range fe.Entries {
		if e.Recipe == recipe {
			i = j
		}
	}
	if i < 0 {
		fe.Entries = append(fe.Entries, Entry{Signature: signature, Recipe: recipe})
		i = len(fe.Entries) - 1
	}
	e := &fe.Entries[i]
	if ok {
		e.Successes++
	} else {
		e.Failures++
	}
	e.Updated = at.UTC()
	data, err := json.MarshalIndent(fe, "", "  ")
	if err != nil {
		return Entry{}, err
	}
	if err := report.WriteFileAtomic(path, append(data, '\n')); err != nil {
		return Entry{}, fmt.Errorf("fix cache: %w", err)
	}
	return *e, nil
}

// lock takes the folder's exclusive lock, shared with other processes.
func (s *FileStore) lock() (func(), error) {
	f, err := os.OpenFile(filepath.Join(s.dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("fix cache lock: %w", err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("fix cache lock: %w", err)
	}
	return func() {
		_ = unix.Flock(int(f.Fd()), unix.LOCK_UN)
		f.Close()
	}, nil
}

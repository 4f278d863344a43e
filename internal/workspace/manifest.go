package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
)

// ManifestPath is where the engine records the files it wrote.
const ManifestPath = ".nexusgen/manifest.json"

// Manifest records every file the engine wrote and the hash of what it
// wrote, so a later edit can tell the files a person changed since.
type Manifest struct {
	Version int `json:"version"`
	// Files maps a slash path to the SHA-256 of the content the engine wrote.
	Files map[string]string `json:"files"`
}

// Hash is the manifest hash of content.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ReadManifest loads the workspace's manifest; a missing one is empty.
func (w *Workspace) ReadManifest() (*Manifest, error) {
	m := &Manifest{Version: 1, Files: map[string]string{}}
	data, err := w.root.ReadFile(ManifestPath)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestPath, err)
	}
	if m.Files == nil {
		m.Files = map[string]string{}
	}
	return m, nil
}

// WriteManifest stores the manifest.
func (w *Workspace) WriteManifest(m *Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := w.root.MkdirAll(filepath.Dir(ManifestPath), 0o755); err != nil {
		return err
	}
	return w.root.WriteFile(ManifestPath, append(data, '\n'), 0o644)
}

// Modified lists the manifest's files whose content differs from what the
// engine wrote (edited by a person) or that are gone, sorted.
func (w *Workspace) Modified(m *Manifest) (changed, missing []string) {
	for p, h := range m.Files {
		data, err := w.root.ReadFile(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = append(missing, p)
		case err != nil || Hash(data) != h:
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	sort.Strings(missing)
	return changed, missing
}

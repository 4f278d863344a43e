package faults

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMaterialise(t *testing.T) {
	c := Corpus{Dir: "../../faults"}
	cases, err := c.Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 28 {
		t.Errorf("%d cases, want 28", len(cases))
	}
	var mjs Case
	for _, cs := range cases {
		if cs.ID == "33-next-config-commonjs-in-mjs" {
			mjs = cs
		}
	}
	dir := filepath.Join(t.TempDir(), "app")
	if err := c.Materialise(mjs, dir, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "next.config.ts")); !os.IsNotExist(err) {
		t.Error("DELETE did not remove next.config.ts")
	}
	data, _ := os.ReadFile(filepath.Join(dir, "next.config.mjs"))
	if len(data) == 0 || string(data) == "" {
		t.Error("the overlay was not copied")
	}
	if _, err := os.Stat(filepath.Join(dir, "case.json")); !os.IsNotExist(err) {
		t.Error("case.json was copied into the app")
	}
	if err := c.Materialise(mjs, dir, false); err == nil {
		t.Error("materialised over an existing folder")
	}
	fixed := filepath.Join(t.TempDir(), "fixed")
	if err := c.Materialise(mjs, fixed, true); err != nil {
		t.Fatal(err)
	}
	ref, _ := os.ReadFile(filepath.Join(fixed, "next.config.mjs"))
	if string(ref) == string(data) {
		t.Error("the reference fix was not applied")
	}
	files, err := SourceFiles(fixed)
	if err != nil || files["package.json"] == nil || files["package-lock.json"] != nil {
		t.Errorf("SourceFiles: %v %d files", err, len(files))
	}
}

package intake_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nexusgen/nexusgen/internal/intake"
)

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAttachmentsDocuments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	html := `<!doctype html><html><head><title>Spec</title>
<style>body { color: red }</style>
<script>window.track("visit")</script></head>
<body><h1>Tasks</h1><p>Each task has a <b>due date</b>
and a priority.</p></body></html>`
	paths := []string{
		write(t, dir, "brief.txt", []byte("A shop for plants.\n")),
		write(t, dir, "fields.md", []byte("# Plant\n- name\n- price\n")),
		write(t, dir, "plants.csv", []byte("name,price\nfern,12\n")),
		write(t, dir, "spec.html", []byte(html)),
		write(t, dir, "schema.json", []byte(`{"plant":{"name":"string"}}`)),
		write(t, dir, "blank.txt", []byte(" \n\t\n")),
	}
	a, err := intake.Attachments(paths)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"A shop for plants.\n",
		"# Plant\n- name\n- price\n",
		"name,price\nfern,12\n",
		"Spec Tasks Each task has a due date and a priority.",
		`{"plant":{"name":"string"}}`,
	}
	if !slices.Equal(a.Documents, want) {
		t.Errorf("documents:\n got %q\nwant %q", a.Documents, want)
	}
	if len(a.Notes) != 0 || len(a.Colours) != 0 {
		t.Errorf("notes %q colours %q, want none", a.Notes, a.Colours)
	}
}

// HTML tag names are case-insensitive: an upper-case <SCRIPT> or <STYLE>
// block is code, not document text.
func TestAttachmentsHTMLUpperCaseScript(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := write(t, dir, "export.htm", []byte("<HTML><HEAD><STYLE>P { margin: 0 }</STYLE><SCRIPT>var secret = 1;</SCRIPT></HEAD><BODY><P>Orders have a status.</P></BODY></HTML>"))
	a, err := intake.Attachments([]string{p})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Documents, []string{"Orders have a status."}) {
		t.Errorf("documents %q, want only the body text", a.Documents)
	}
}

func TestAttachmentsNotes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	paths := []string{
		write(t, dir, "spec.pdf", []byte("%PDF-1.7")),
		write(t, dir, "latin1.txt", []byte("caf\xe9 menu")),
		write(t, dir, "broken.png", []byte("not a png")),
		write(t, dir, "Makefile", []byte("all:\n")),
	}
	a, err := intake.Attachments(paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Documents) != 0 || len(a.Colours) != 0 {
		t.Errorf("documents %q colours %q, want none", a.Documents, a.Colours)
	}
	wantPrefixes := []string{
		"spec.pdf: .pdf files are not read",
		"latin1.txt: not UTF-8 text, skipped",
		"broken.png: not a readable image",
		"Makefile: files without an extension are not read",
	}
	if len(a.Notes) != len(wantPrefixes) {
		t.Fatalf("notes %q, want %d", a.Notes, len(wantPrefixes))
	}
	for i, w := range wantPrefixes {
		if !strings.HasPrefix(a.Notes[i], w) {
			t.Errorf("note %d = %q, want it to start with %q", i, a.Notes[i], w)
		}
	}
}

func TestAttachmentsErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(intake.MaxAttachmentBytes + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	justFits := filepath.Join(dir, "fits.txt")
	if err := os.WriteFile(justFits, bytes.Repeat([]byte("a"), 100), 0o644); err != nil {
		t.Fatal(err)
	}
	many := make([]string, intake.MaxAttachments+1)
	for i := range many {
		many[i] = justFits
	}
	cases := []struct {
		name  string
		paths []string
		want  string
	}{
		{"missing", []string{filepath.Join(dir, "nope.md")}, "nope.md"},
		{"directory", []string{dir}, "not a regular file"},
		{"oversized", []string{big}, "at most 10 MiB"},
		{"too many", many, "11 attachments, at most 10"},
		{"bad one after a good one", []string{justFits, filepath.Join(dir, "gone.txt")}, "gone.txt"},
	}
	for _, c := range cases {
		_, err := intake.Attachments(c.paths)
		if !errors.Is(err, intake.ErrInput) {
			t.Errorf("%s: err %v, want ErrInput", c.name, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %q, want it to mention %q", c.name, err, c.want)
		}
	}
	if _, err := intake.Attachments(many[:intake.MaxAttachments]); err != nil {
		t.Errorf("exactly %d attachments: %v", intake.MaxAttachments, err)
	}
	if a, err := intake.Attachments(nil); err != nil || a.Documents != nil || a.Colours != nil || a.Notes != nil {
		t.Errorf("no attachments: %+v, %v", a, err)
	}
}

// Documents share one text budget of 64 KiB; what goes over is cut and noted.
func TestAttachmentsTruncation(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const budget = 64 << 10
	a40 := strings.Repeat("a", 40<<10)
	b40 := strings.Repeat("b", 40<<10)
	paths := []string{
		write(t, dir, "one.txt", []byte(a40)),
		write(t, dir, "two.txt", []byte(b40)),
		write(t, dir, "three.txt", []byte("c")),
	}
	a, err := intake.Attachments(paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Documents) != 2 || a.Documents[0] != a40 || a.Documents[1] != b40[:budget-len(a40)] {
		t.Fatalf("documents of %v bytes", lens(a.Documents))
	}
	want := []string{"two.txt: truncated", "three.txt: truncated"}
	if !slices.Equal(a.Notes, want) {
		t.Errorf("notes %q, want %q", a.Notes, want)
	}
}

// Cutting a document at the budget must not cut a character in half.
func TestAttachmentsTruncationKeepsUTF8(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// 3-byte runes: the 64 KiB budget (65536) falls inside one.
	p := write(t, dir, "chinese.md", []byte(strings.Repeat("任务", 12000)))
	a, err := intake.Attachments([]string{p})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Documents) != 1 {
		t.Fatalf("documents %v", lens(a.Documents))
	}
	if !utf8.ValidString(a.Documents[0]) {
		t.Errorf("the truncated document is not valid UTF-8 (ends %q)", a.Documents[0][len(a.Documents[0])-4:])
	}
	if len(a.Documents[0]) > 64<<10 {
		t.Errorf("document of %d bytes is over the budget", len(a.Documents[0]))
	}
}

func lens(ss []string) []int {
	var n []int
	for _, s := range ss {
		n = append(n, len(s))
	}
	return n
}

// logo paints an image: the colours fill the given number of pixels, in
// order, and the rest is the background.
type paint struct {
	c color.Color
	n int
}

func logo(w, h int, bg color.Color, fills ...paint) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	i := 0
	for _, f := range fills {
		for k := 0; k < f.n; k++ {
			img.Set(i%w, i/w, f.c)
			i++
		}
	}
	for ; i < w*h; i++ {
		img.Set(i%w, i/w, bg)
	}
	return img
}

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var (
	white       = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	black       = color.NRGBA{0, 0, 0, 0xff}
	grey        = color.NRGBA{0x80, 0x84, 0x88, 0xff}
	transparent = color.NRGBA{0xe0, 0x30, 0x20, 0x10}
	red         = color.NRGBA{0xe0, 0x30, 0x20, 0xff} // bucket e0 30 20 -> #e83828
	blue        = color.NRGBA{0x20, 0x40, 0xc0, 0xff} // -> #2848c8
	green       = color.NRGBA{0x30, 0xa0, 0x50, 0xff} // -> #38a858
	orange      = color.NRGBA{0xf0, 0x90, 0x10, 0xff} // -> #f89818
)

func TestImageColours(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		img  image.Image
		n    int
		want []string
	}{
		{"most pixels first", logo(10, 10, white, paint{blue, 20}, paint{red, 40}, paint{green, 10}), 3,
			[]string{"#e83828", "#2848c8", "#38a858"}},
		{"at most n", logo(10, 10, white, paint{red, 40}, paint{blue, 20}, paint{green, 10}), 2,
			[]string{"#e83828", "#2848c8"}},
		{"neutrals ignored", logo(10, 10, black, paint{white, 30}, paint{grey, 30}, paint{orange, 5}), 3,
			[]string{"#f89818"}},
		{"transparent ignored", logo(10, 10, transparent, paint{blue, 3}), 3,
			[]string{"#2848c8"}},
		{"only neutrals", logo(8, 8, white, paint{black, 20}, paint{grey, 20}), 3, nil},
		// Close shades share a 4-bit bucket.
		{"shades merge", logo(10, 10, white, paint{color.NRGBA{0xe1, 0x31, 0x21, 0xff}, 10}, paint{color.NRGBA{0xef, 0x3f, 0x2f, 0xff}, 10}, paint{blue, 15}), 3,
			[]string{"#e83828", "#2848c8"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, err := intake.ImageColours(encodePNG(t, c.img), c.n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// A logo drawn semi-transparently keeps its colour: the colour is that of
// the pixels, not the pixels darkened by their opacity.
func TestImageColoursSemiTransparent(t *testing.T) {
	t.Parallel()
	brand := color.NRGBA{0x30, 0x60, 0xd0, 0xc0} // 75% opaque; bucket 30 60 d0
	got, err := intake.ImageColours(encodePNG(t, logo(10, 10, color.NRGBA{}, paint{brand, 50})), 3)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"#3868d8"}) {
		t.Errorf("got %q, want [#3868d8]", got)
	}
}

// Equal counts are ordered the same way every time (map order must not leak).
func TestImageColoursDeterministic(t *testing.T) {
	t.Parallel()
	data := encodePNG(t, logo(10, 10, white, paint{red, 10}, paint{blue, 10}, paint{green, 10}, paint{orange, 10}))
	first, err := intake.ImageColours(data, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 4 {
		t.Fatalf("got %q", first)
	}
	for range 50 {
		again, _ := intake.ImageColours(data, 4)
		if !slices.Equal(again, first) {
			t.Fatalf("order changed: %q then %q", first, again)
		}
	}
}

func TestImageColoursJPEGAndGIF(t *testing.T) {
	t.Parallel()
	// JPEG is lossy: a flat colour in the middle of its bucket stays in it.
	flat := logo(32, 32, color.NRGBA{0xd8, 0x38, 0x28, 0xff})
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, flat, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	got, err := intake.ImageColours(jb.Bytes(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"#d83828"}) {
		t.Errorf("jpeg: got %q, want [#d83828]", got)
	}
	pal := image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{white, blue})
	for i := range 20 {
		pal.SetColorIndex(i%8, i/8, 1)
	}
	var gb bytes.Buffer
	if err := gif.Encode(&gb, pal, nil); err != nil {
		t.Fatal(err)
	}
	got, err = intake.ImageColours(gb.Bytes(), 3)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"#2848c8"}) {
		t.Errorf("gif: got %q, want [#2848c8]", got)
	}
	if _, err := intake.ImageColours([]byte("GIF89a but not really"), 3); err == nil {
		t.Error("a broken image decoded")
	}
}

// Large images are sampled, and the sample still finds the dominant colour.
func TestImageColoursLargeImage(t *testing.T) {
	t.Parallel()
	img := logo(1000, 800, white, paint{green, 1000 * 300}, paint{red, 1000 * 100})
	got, err := intake.ImageColours(encodePNG(t, img), 3)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"#38a858", "#e83828"}) {
		t.Errorf("got %q", got)
	}
}

func TestSVGColours(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		svg  string
		n    int
		want []string
	}{
		{"shorthand expands", `<circle fill="#F60"/>`, 3, []string{"#ff6600"}},
		{"most used first", `<g fill="#2563eb"/><path stroke="#e11d48"/><rect fill="#e11d48"/><stop stop-color="#e11d48"/><path fill='#2563EB'/><text color="#16a34a"/>`, 3,
			[]string{"#e11d48", "#2563eb", "#16a34a"}},
		{"ties keep document order", `<a fill="#16a34a"/><b fill="#e11d48"/><c fill="#2563eb"/>`, 3,
			[]string{"#16a34a", "#e11d48", "#2563eb"}},
		{"style attribute", `<path style="fill: #7c3aed; stroke:#0891b2"/>`, 3, []string{"#7c3aed", "#0891b2"}},
		{"neutrals ignored", `<rect fill="#fff"/><rect fill="#000000"/><rect stroke="#777"/><rect fill="#ea580c"/>`, 3, []string{"#ea580c"}},
		{"at most n", `<a fill="#e11d48"/><a fill="#e11d48"/><b fill="#2563eb"/>`, 1, []string{"#e11d48"}},
		{"shorthand and long form count together", `<a fill="#f60"/><b fill="#2563eb"/><c fill="#ff6600"/>`, 3, []string{"#ff6600", "#2563eb"}},
		{"not colours", `<rect fill="url(#grad)"/><rect fill="#abcd"/><rect fill="#aabbccdd"/><rect id="#e11d48"/>`, 3, nil},
		{"no colours", `<svg xmlns="http://www.w3.org/2000/svg"/>`, 3, nil},
	}
	for _, c := range cases {
		got := intake.SVGColours([]byte(c.svg), c.n)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestAttachmentsImages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	paths := []string{
		write(t, dir, "logo.PNG", encodePNG(t, logo(10, 10, white, paint{red, 30}))),
		write(t, dir, "mark.svg", []byte(`<svg><path fill="#2563eb"/></svg>`)),
	}
	a, err := intake.Attachments(paths)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Colours, []string{"#e83828", "#2563eb"}) {
		t.Errorf("colours %q", a.Colours)
	}
	if len(a.Documents) != 0 || len(a.Notes) != 0 {
		t.Errorf("documents %q notes %q", a.Documents, a.Notes)
	}
}

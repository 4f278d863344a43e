// Package intake checks what a user hands in — the prompt and attached files
// — before any work starts: a clear error for bad input, plain text from
// documents and the dominant colours of a logo for the architect.
package intake

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders for attached logos
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on input.
const (
	MaxPromptBytes     = 32 << 10
	MaxAttachmentBytes = 10 << 20
	MaxAttachments     = 10
	maxDocumentText    = 64 << 10
)

// Errors callers branch on; all wrap ErrInput.
var (
	ErrInput          = errors.New("invalid input")
	ErrEmptyPrompt    = fmt.Errorf("%w: the prompt is empty; describe the app you want, e.g. \"a to-do app with due dates\"", ErrInput)
	ErrPromptTooLarge = fmt.Errorf("%w: the prompt is longer than %d KiB; put long specifications in an attached document", ErrInput, MaxPromptBytes>>10)
)

// Prompt validates and normalises a prompt: valid UTF-8, control characters
// removed, whitespace trimmed, within MaxPromptBytes.
func Prompt(raw string) (string, error) {
	if len(raw) > MaxPromptBytes {
		return "", ErrPromptTooLarge
	}
	if !utf8.ValidString(raw) {
		raw = strings.ToValidUTF8(raw, "")
	}
	clean := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\uFEFF' {
			return -1
		}
		return r
	}, raw)
	clean = strings.TrimSpace(clean)
	if clean == "" {
		return "", ErrEmptyPrompt
	}
	if !strings.ContainsFunc(clean, func(r rune) bool { return unicode.IsLetter(r) }) {
		return "", fmt.Errorf("%w: the prompt has no words; describe the app you want", ErrInput)
	}
	return clean, nil
}

// Assets is what intake took from the attachments.
type Assets struct {
	// Documents are the plain texts of attached documents.
	Documents []string
	// Colours are #rrggbb colours of attached images, most prominent first.
	Colours []string
	// Notes say what was skipped and why.
	Notes []string
}

// Attachments reads the attached files.
func Attachments(paths []string) (Assets, error) {
	var a Assets
	if len(paths) > MaxAttachments {
		return a, fmt.Errorf("%w: %d attachments, at most %d", ErrInput, len(paths), MaxAttachments)
	}
	text := 0
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return a, fmt.Errorf("%w: attachment %s: %v", ErrInput, p, err)
		}
		if !info.Mode().IsRegular() {
			return a, fmt.Errorf("%w: attachment %s is not a regular file", ErrInput, p)
		}
		if info.Size() > MaxAttachmentBytes {
			return a, fmt.Errorf("%w: attachment %s is %d MiB, at most %d MiB", ErrInput, p, info.Size()>>20, MaxAttachmentBytes>>20)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return a, fmt.Errorf("%w: attachment %s: %v", ErrInput, p, err)
		}
		switch ext := strings.ToLower(filepath.Ext(p)); ext {
		case ".png", ".jpg", ".jpeg", ".gif":
			cs, err := ImageColours(data, 3)
			if err != nil {
				a.Notes = append(a.Notes, fmt.Sprintf("%s: not a readable image (%v)", filepath.Base(p), err))
				continue
			}
			a.Colours = append(a.Colours, cs...)
		case ".svg":
			a.Colours = append(a.Colours, SVGColours(data, 3)...)
		case ".txt", ".md", ".markdown", ".csv", ".json", ".html", ".htm":
			if !utf8.Valid(data) {
				a.Notes = append(a.Notes, filepath.Base(p)+": not UTF-8 text, skipped")
				continue
			}
			s := string(data)
			if ext == ".html" || ext == ".htm" {
				s = stripTags(s)
			}
			if room := maxDocumentText - text; len(s) > room {
				s = strings.ToValidUTF8(s[:max(room, 0)], "") // never cut a character in half
				a.Notes = append(a.Notes, filepath.Base(p)+": truncated")
			}
			text += len(s)
			if strings.TrimSpace(s) != "" {
				a.Documents = append(a.Documents, s)
			}
		default:
			kind := ext + " files"
			if ext == "" {
				kind = "files without an extension"
			}
			a.Notes = append(a.Notes, fmt.Sprintf("%s: %s are not read; attach text, Markdown, CSV, JSON, HTML or an image", filepath.Base(p), kind))
		}
	}
	return a, nil
}

// ImageColours returns up to n dominant, non-neutral colours of an image.
// Pixels are bucketed to 4 bits per channel; near-white, near-black, grey
// and transparent pixels are ignored, since logos sit on such backgrounds.
func ImageColours(data []byte, n int) ([]string, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	step := max(1, max(b.Dx(), b.Dy())/200) // sample at most ~200x200 pixels
	counts := map[[3]uint8]int{}
	for y := b.Min.Y; y < b.Max.Y; y += step {
		for x := b.Min.X; x < b.Max.X; x += step {
			px := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) // colours as drawn, not premultiplied
			if px.A < 0x80 {
				continue
			}
			c := [3]uint8{px.R, px.G, px.B}
			if neutral(c) {
				continue
			}
			counts[[3]uint8{c[0] & 0xf0, c[1] & 0xf0, c[2] & 0xf0}]++
		}
	}
	type bucket struct {
		c [3]uint8
		n int
	}
	var all []bucket
	for c, k := range counts {
		all = append(all, bucket{c, k})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return fmt.Sprint(all[i].c) < fmt.Sprint(all[j].c)
	})
	var out []string
	for _, bk := range all {
		if len(out) == n {
			break
		}
		out = append(out, fmt.Sprintf("#%02x%02x%02x", bk.c[0]|0x08, bk.c[1]|0x08, bk.c[2]|0x08))
	}
	return out, nil
}

func neutral(c [3]uint8) bool {
	hi := max(c[0], c[1], c[2])
	lo := min(c[0], c[1], c[2])
	return hi-lo < 24 // greys, including white and black
}

var hexFill = regexp.MustCompile(`(?i)(?:fill|stroke|stop-color|color)\s*[:=]\s*["']?(#[0-9a-f]{6}|#[0-9a-f]{3})\b`)

// SVGColours returns up to n distinct non-neutral colours used in an SVG, in order of use.
func SVGColours(data []byte, n int) []string {
	counts := map[string]int{}
	var order []string
	for _, m := range hexFill.FindAllSubmatch(data, -1) {
		h := strings.ToLower(string(m[1]))
		if len(h) == 4 {
			h = "#" + strings.Repeat(h[1:2], 2) + strings.Repeat(h[2:3], 2) + strings.Repeat(h[3:4], 2)
		}
		var c [3]uint8
		if _, err := fmt.Sscanf(h, "#%02x%02x%02x", &c[0], &c[1], &c[2]); err != nil {
			continue
		}
		if neutral(c) {
			continue
		}
		if counts[h] == 0 {
			order = append(order, h)
		}
		counts[h]++
	}
	sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
	return order[:min(n, len(order))]
}

var tags = regexp.MustCompile(`(?is)<script.*?</script>|<style.*?</style>|<[^>]+>`)

func stripTags(s string) string {
	return strings.Join(strings.Fields(tags.ReplaceAllString(s, " ")), " ")
}

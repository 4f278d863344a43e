package intake_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/nexusgen/nexusgen/internal/intake"
)

func TestPrompt(t *testing.T) {
	t.Parallel()
	atLimit := strings.Repeat("a", intake.MaxPromptBytes)
	cases := []struct {
		name string
		raw  string
		want string
		err  error // nil: accepted
	}{
		{"plain", "a to-do app with due dates", "a to-do app with due dates", nil},
		{"trimmed", "  \n\t a notes app \r\n ", "a notes app", nil},
		{"empty", "", "", intake.ErrEmptyPrompt},
		{"whitespace", " \t\n\r\u00a0\u2028 ", "", intake.ErrEmptyPrompt},
		{"only control characters", "\x00\x07\x1b", "", intake.ErrEmptyPrompt},
		{"control characters stripped", "a\x00 bug\x07 tracker\x1b[31m", "a bug tracker[31m", nil},
		{"newlines and tabs kept", "a CRM\n\twith contacts\nand deals", "a CRM\n\twith contacts\nand deals", nil},
		{"CRLF becomes LF", "line one\r\nline two", "line one\nline two", nil},
		{"C1 controls stripped", "a\u0085b\u009bc app", "abc app", nil},
		{"BOM at start", "\uFEFFa recipe app", "a recipe app", nil},
		{"BOM inside", "a re\uFEFFcipe app", "a recipe app", nil},
		{"invalid UTF-8 dropped", "a \xff\xfebook\xc0 club app", "a book club app", nil},
		{"truncated rune dropped", "a café app\xe2\x82", "a café app", nil},
		{"no letters", "1234 !!! 56", "", intake.ErrInput},
		{"only emoji", "🚀🚀 ✨", "", intake.ErrInput},
		{"French kept", "Une application de tâches avec échéances", "Une application de tâches avec échéances", nil},
		{"Chinese kept", "一个带截止日期的待办事项应用", "一个带截止日期的待办事项应用", nil},
		{"Arabic kept", "تطبيق لإدارة المهام", "تطبيق لإدارة المهام", nil},
		{"Russian kept", "приложение для заметок", "приложение для заметок", nil},
		{"emoji inside kept", "a 🍕 ordering app", "a 🍕 ordering app", nil},
		{"exactly at the limit", atLimit, atLimit, nil},
		{"one byte over the limit", atLimit + "a", "", intake.ErrPromptTooLarge},
		{"over the limit of whitespace", strings.Repeat(" ", intake.MaxPromptBytes+1), "", intake.ErrPromptTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, err := intake.Prompt(c.raw)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("Prompt(%q) err %v, want %v", short(c.raw), err, c.err)
				}
				if !errors.Is(err, intake.ErrInput) {
					t.Errorf("err %v does not wrap ErrInput", err)
				}
				if got != "" {
					t.Errorf("rejected prompt returned %q", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Prompt(%q): %v", short(c.raw), err)
			}
			if got != c.want {
				t.Errorf("Prompt(%q) = %q, want %q", short(c.raw), short(got), short(c.want))
			}
		})
	}
}

// The errors tell the person what to do, not just that something is wrong.
func TestPromptErrorMessages(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"":                          "describe the app",
		strings.Repeat("x", 40<<10): "32 KiB",
		"42":                        "no words",
	}
	for raw, want := range cases {
		_, err := intake.Prompt(raw)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Prompt(%q): err %v, want one containing %q", short(raw), err, want)
		}
	}
}

func FuzzPrompt(f *testing.F) {
	for _, s := range []string{
		"", " ", "a to-do app", "\uFEFFapp", "\xff\xfe", "a\x00b", "\r\n\t", "一个应用",
		"🚀", "a\u0085b", strings.Repeat("ab ", 100), "\xe2\x82", " \u2028x\u2029 ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := intake.Prompt(raw)
		if err != nil {
			if !errors.Is(err, intake.ErrInput) {
				t.Fatalf("error %v does not wrap ErrInput", err)
			}
			if got != "" {
				t.Fatalf("rejected prompt returned %q", got)
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("output is not valid UTF-8: %q", got)
		}
		if strings.TrimSpace(got) != got {
			t.Fatalf("output is not trimmed: %q", got)
		}
		if len(got) > len(raw) {
			t.Fatalf("output (%d bytes) longer than input (%d bytes)", len(got), len(raw))
		}
		if len(got) > intake.MaxPromptBytes {
			t.Fatalf("output of %d bytes accepted", len(got))
		}
		for _, r := range got {
			if r == '\uFEFF' || (unicode.IsControl(r) && r != '\n' && r != '\t') {
				t.Fatalf("output keeps %U: %q", r, got)
			}
		}
		if !strings.ContainsFunc(got, unicode.IsLetter) {
			t.Fatalf("accepted a prompt without letters: %q", got)
		}
		// Normalising a normalised prompt changes nothing.
		again, err := intake.Prompt(got)
		if err != nil || again != got {
			t.Fatalf("not idempotent: Prompt(%q) = %q, %v", got, again, err)
		}
	})
}

func short(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

package browsercheck

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/nexusgen/nexusgen/internal/prd"
)

func TestDevCRUD(t *testing.T) {
	url, prdPath := os.Getenv("BC_URL"), os.Getenv("BC_PRD")
	if url == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(prdPath)
	p, err := prd.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b, err := Launch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	page, err := b.NewPage()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range CheckCRUD(ctx, page, url, p) {
		t.Logf("%+v", r)
	}
	t.Logf("console: %v", page.ConsoleErrors())
}

package edit

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/architect"
)

func TestDebugParse(t *testing.T) {
	reqs := os.Getenv("EDIT_DEBUG")
	if reqs == "" {
		t.Skip()
	}
	for _, req := range strings.Split(reqs, "|") {
		ops, err := Parse(context.Background(), architect.Offline{}, fixture(t), req)
		var b strings.Builder
		for _, op := range ops {
			fmt.Fprintf(&b, "\n    %s %+v", op.Kind(), op)
		}
		t.Logf("%q → err=%v%s", req, err, b.String())
	}
}

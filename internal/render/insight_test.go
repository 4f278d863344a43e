package render

import (
	"context"
	"strings"
	"testing"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/prd"
)

// A chart of a value with nothing to group by draws one bar per record,
// labelled by its display field; an aggregate without a grouping stays a
// single figure.
func TestChartWithoutGroupingComparesRecords(t *testing.T) {
	p, err := architect.Offline{}.Plan(context.Background(), architect.Params{
		Prompt: "A neighborhood guide: neighborhoods with name, population and median income; show a chart of median income",
	})
	if err != nil {
		t.Fatal(err)
	}
	if f := p.FeaturesOf(prd.FeatureChart, "neighborhood"); len(f) == 0 || f[0].GroupBy != "" {
		t.Fatalf("chart features %+v", f)
	}
	files, err := Render(p, fixed)
	if err != nil {
		t.Fatal(err)
	}
	var insights string
	for _, f := range files {
		if f.Path == "components/neighborhood-insights.tsx" {
			insights = string(f.Data)
		}
	}
	for _, want := range []string{"groupBy(", "String(item.name)", ".slice(0, 12)", "<BarChart"} {
		if !strings.Contains(insights, want) {
			t.Errorf("insights lack %q:\n%s", want, insights)
		}
	}
}

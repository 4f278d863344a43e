package architect

import (
	"fmt"
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// sampleTitles are names and blurbs for first-load records of showcase
// sites, by entity and then by the subject of the site.
var sampleTitles = map[string][][2]string{
	"project": {
		{"Morning Light", "A quiet series shot in the first hour after sunrise."},
		{"City Portraits", "Strangers, street corners and the stories in their faces."},
		{"Coastline", "Wind, salt and rock along the northern shore."},
		{"Studio Sessions", "Controlled light, simple backdrops, honest portraits."},
		{"Harvest", "Documenting a family farm through one autumn."},
		{"Night Market", "Colour and motion after dark."},
	},
	"service": {
		{"Consultation", "A first conversation to understand your needs and agree on next steps."},
		{"Standard service", "Our most requested service, delivered by experienced staff."},
		{"Premium package", "Everything in the standard service plus priority scheduling and follow-up."},
		{"Maintenance plan", "Regular check-ins that keep everything running smoothly."},
	},
	"dish": {
		{"Bruschetta", "Grilled bread, ripe tomatoes, basil and olive oil."},
		{"Garden salad", "Seasonal leaves, shaved fennel and lemon dressing."},
		{"Grilled salmon", "With herb potatoes and green beans."},
		{"Mushroom risotto", "Creamy arborio rice, wild mushrooms and parmesan."},
		{"Tiramisu", "Espresso-soaked ladyfingers and mascarpone cream."},
	},
	"product": {
		{"Classic edition", "Our best seller, made to last."},
		{"Compact model", "Everything you need in a smaller size."},
		{"Pro bundle", "The complete set for demanding users."},
	},
	"testimonial": {
		{"Alex Morgan", "Friendly, fast and professional. Highly recommended."},
		{"Priya Patel", "They went above and beyond. We will be back."},
	},
	"skill": {
		{"Visual design", "Layouts, typography and colour that communicate clearly."},
		{"Prototyping", "Interactive prototypes to test ideas early."},
		{"User research", "Interviews and testing that ground decisions in evidence."},
	},
	"experience": {
		{"Senior designer", "Led the redesign of the flagship product."},
		{"Designer", "Shipped features used by thousands of customers every day."},
	},
	"link": {
		{"My website", "Everything in one place."},
		{"Newsletter", "Monthly notes on what I'm working on."},
	},
	"work": {
		{"Brand refresh", "A new identity for a local coffee roaster."},
		{"Mobile app", "A calmer way to plan the week."},
		{"Editorial layout", "A magazine spread about slow travel."},
	},
	"course": {
		{"Foundations", "Start here: the core ideas, step by step."},
		{"Hands-on lab", "Practise with real exercises and feedback."},
		{"Certification prep", "Everything you need to pass with confidence."},
	},
	"member": {
		{"Jordan Lee", "Founder"},
		{"Sam Rivera", "Lead"},
	},
}

// sampleKinds are the entities of showcase sites that should not start empty.
func wantsSamples(archetype, entity string) bool {
	if _, ok := sampleTitles[entity]; !ok {
		return false
	}
	switch archetype {
	case "portfolio", "brochure", "landing":
		return true
	}
	return entity == "dish"
}

// samplesFor writes first-load records whose values match the field types.
func samplesFor(e prd.Entity) []prd.Record {
	bank := sampleTitles[e.Name]
	var out []prd.Record
	for i, pair := range bank {
		r := prd.Record{}
		for _, f := range e.Fields {
			if v, ok := sampleValue(f, e, i, pair); ok {
				r[f.Name] = v
			}
		}
		out = append(out, r)
	}
	return out
}

func sampleValue(f prd.Field, e prd.Entity, i int, pair [2]string) (any, bool) {
	switch f.Type {
	case prd.Text:
		switch {
		case f.Name == e.Display || i == 0 && f.Name == "name":
			return pair[0], true
		case strings.Contains(f.Name, "category") || strings.Contains(f.Name, "type"):
			return []string{"Featured", "Classic", "New"}[i%3], true
		case strings.Contains(f.Name, "role") || strings.Contains(f.Name, "company"):
			return []string{"Studio North", "Brightside", "Atlas & Co."}[i%3], true
		}
		return nil, false
	case prd.LongText:
		return pair[1], true
	case prd.Number:
		switch {
		case strings.Contains(f.Name, "year"):
			return float64(2025 - i), true
		case strings.Contains(f.Name, "duration") || f.Unit == "minutes":
			return float64(30 + 15*(i%3)), true
		}
		v := float64(1 + i)
		if f.Min != nil && v < *f.Min {
			v = *f.Min
		}
		if f.Max != nil && v > *f.Max {
			v = *f.Max
		}
		return v, true
	case prd.Money:
		return float64([]int{9, 14, 18, 24, 32, 45}[i%6]), true
	case prd.Rating:
		return float64(5 - i%2), true
	case prd.Boolean:
		return i%2 == 0, true
	case prd.Enum:
		if len(f.Options) > 0 {
			return f.Options[i%len(f.Options)], true
		}
	case prd.Date:
		return fmt.Sprintf("2025-%02d-15", 1+i%12), true
	case prd.Time:
		return fmt.Sprintf("%02d:00", 9+i%9), true
	case prd.Tags:
		return []any{"featured"}, true
	case prd.Email:
		return "hello@example.com", true
	case prd.Phone:
		return "+1 555 0100", true
	}
	return nil, false
}

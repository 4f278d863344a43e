package rules

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/tsedit"
)

// placeholder writes the components' file.
func placeholder(comps []component) []byte {
	var b strings.Builder
	b.WriteString("import type { ReactNode } from \"react\";\n")
	for _, c := range comps {
		b.WriteString("\ninterface " + c.name + "Props {\n")
		var names []string
		for _, pr := range c.props {
			opt := ""
			if pr.typ == "boolean" {
				opt = "?"
			}
			b.WriteString("  " + quoteKey(pr.name) + opt + ": " + pr.typ + ";\n")
			if !strings.Contains(pr.name, "-") {
				names = append(names, pr.name)
			}
		}
		b.WriteString("}\n\n")
		export := "export function "
		if c.def {
			export = "export default function "
		}
		b.WriteString(export + c.name + "(props: " + c.name + "Props) {\n")
		b.WriteString("  return (\n    <div>\n")
		for _, n := range names {
			if n == "children" {
				b.WriteString("      {props.children}\n")
				continue
			}
			b.WriteString("      {show(props." + n + ")}\n")
		}
		b.WriteString("    </div>\n  );\n}\n")
	}
	b.WriteString(`
function show(value: unknown): ReactNode {
  if (Array.isArray(value)) {
    return (
      <ul>
        {value.map((item, i) => (
          <li key={i}>{label(item)}</li>
        ))}
      </ul>
    );
  }
  if (typeof value === "function" || typeof value === "boolean") return null;
  return label(value);
}

function label(value: unknown): string {
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of ["title", "name", "label", "id"]) {
      const v = record[key];
      if (typeof v === "string" || typeof v === "number") return String(v);
    }
    return JSON.stringify(value);
  }
  return value === null || value === undefined ? "" : String(value);
}
`)
	return []byte(b.String())
}

func quoteKey(n string) string {
	if strings.Contains(n, "-") {
		return `"` + n + `"`
	}
	return n
}

// classNameHelper is the class-name joining helper (cn) generated UI code
// expects in lib/utils, without dependencies.
const classNameHelper = `export type ClassValue = string | number | boolean | null | undefined | ClassValue[] | Record<string, boolean | null | undefined>;

export function cn(...inputs: ClassValue[]): string {
  const out: string[] = [];
  for (const input of inputs) {
    if (!input) continue;
    if (typeof input === "string" || typeof input === "number") {
      out.push(String(input));
    } else if (Array.isArray(input)) {
      const inner = cn(...input);
      if (inner) out.push(inner);
    } else if (typeof input === "object") {
      for (const [key, on] of Object.entries(input)) {
        if (on) out.push(key);
      }
    }
  }
  return out.join(" ");
}
`

// knownHelper returns the content of a well-known helper module when the
// import asks only for it.
func knownHelper(im tsedit.Import) (string, bool) {
	if im.Default != "" || im.Namespace != "" || len(im.Named) == 0 {
		return "", false
	}
	for _, sp := range im.Named {
		if sp.Name != "cn" && sp.Name != "ClassValue" {
			return "", false
		}
	}
	return classNameHelper, true
}

package diag

// Tool names the program whose output a diagnostic came from.
type Tool string

// The tools.
const (
	ToolNPM        Tool = "npm"
	ToolTSC        Tool = "tsc"
	ToolNext       Tool = "next"
	ToolESLint     Tool = "eslint"
	ToolVitest     Tool = "vitest"
	ToolPlaywright Tool = "playwright"
	ToolRuntime    Tool = "runtime"
	ToolVite       Tool = "vite"
)

// Category is the top level of the error taxonomy.
type Category string

// The categories of the self-healing taxonomy.
const (
	Dependency    Category = "DEPENDENCY"
	Syntax        Category = "SYNTAX"
	Type          Category = "TYPE"
	Runtime       Category = "RUNTIME"
	Resource      Category = "RESOURCE"
	Configuration Category = "CONFIGURATION"
	Network       Category = "NETWORK"
	Unknown       Category = "UNKNOWN"
)

// Diagnostic is one error reported by a tool. File is relative to the
// project root with forward slashes; Line and Column are 1-based, 0 when the
// tool gave none.
type Diagnostic struct {
	Tool    Tool   `json:"tool"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
	// Excerpt is the source lines or output around the error, as the tool printed them.
	Excerpt  string   `json:"excerpt,omitempty"`
	Category Category `json:"category"`
	Subclass string   `json:"subclass,omitempty"`
	// Severity is SeverityError or SeverityWarning; empty means error.
	Severity Severity `json:"severity,omitempty"`
	// Test is the full title of the failing test (Vitest, Playwright) or the
	// page path a runtime error was seen on.
	Test string `json:"test,omitempty"`
}

// Severity says whether a diagnostic failed the command or only warned.
type Severity string

// The severities. Warnings are reported when they name the likely cause of
// a failure (an invalid next.config key, an overridden peer dependency).
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

package prd

// SchemaVersion is the version of the PRD document written to .nexusgen/prd.json.
const SchemaVersion = 1

// PRD is the product requirements document: everything the coder needs to know
// about the app, and nothing about how it will be written.
type PRD struct {
	SchemaVersion int    `json:"schema_version"`
	AppName       string `json:"app_name"`
	Summary       string `json:"summary"`
	Audience      string `json:"audience"`
	// Archetype names the kind of app (tracker, catalog, landing, portfolio…);
	// it is a hint for layout and defaults, never a substitute for Entities.
	Archetype string `json:"archetype"`
	// Language is the BCP 47 tag of the prompt's language ("en", "de", …).
	Language    string     `json:"language"`
	Entities    []Entity   `json:"entities"`
	Relations   []Relation `json:"relations"`
	Pages       []Page     `json:"pages"`
	Features    []Feature  `json:"features"`
	Theme       Theme      `json:"theme"`
	Landing     *Landing   `json:"landing,omitempty"`
	Assumptions []string   `json:"assumptions"`
	OutOfScope  []string   `json:"out_of_scope"`
}

// Entity is a kind of record the user creates, lists, edits and deletes.
type Entity struct {
	// Name is singular, lower case, words separated by spaces ("time slot").
	Name string `json:"name"`
	// Plural is the plural of Name ("time slots"); the route is its kebab case.
	Plural string `json:"plural"`
	// Ident and PluralIdent are ASCII words for identifiers and routes when
	// Name is in a script that has none ("タスク" -> "task"); empty otherwise.
	Ident       string  `json:"ident,omitempty"`
	PluralIdent string  `json:"plural_ident,omitempty"`
	Description string  `json:"description,omitempty"`
	Fields      []Field `json:"fields"`
	// Display is the Name of the field that titles a record in lists and selects.
	Display string `json:"display"`
	// Samples are records shown on first load (portfolio projects, menu dishes).
	// Keys are field names; values are JSON scalars matching the field type.
	Samples []Record `json:"samples,omitempty"`
}

// Record is one sample record keyed by field name.
type Record map[string]any

// FieldType is the type of a field; it drives the input, validation and display.
type FieldType string

// The field types.
const (
	Text     FieldType = "text"
	LongText FieldType = "long_text"
	Number   FieldType = "number"
	Money    FieldType = "money"
	Date     FieldType = "date"
	Time     FieldType = "time"
	Boolean  FieldType = "boolean"
	Enum     FieldType = "enum"
	Email    FieldType = "email"
	URL      FieldType = "url"
	ImageURL FieldType = "image_url"
	Rating   FieldType = "rating"
	Phone    FieldType = "phone"
	Tags     FieldType = "tags"
)

// FieldTypes lists every field type in a stable order.
var FieldTypes = []FieldType{Text, LongText, Number, Money, Date, Time, Boolean, Enum, Email, URL, ImageURL, Rating, Phone, Tags}

// Field is one typed attribute of an entity.
type Field struct {
	// Name is lower case words as the user would say them ("due date").
	Name string `json:"name"`
	// Ident is ASCII words for the identifier when Name has none; empty otherwise.
	Ident    string    `json:"ident,omitempty"`
	Type     FieldType `json:"type"`
	Required bool      `json:"required"`
	// Options are the values of an enum field, in the user's order.
	Options []string `json:"options,omitempty"`
	Min     *float64 `json:"min,omitempty"`
	Max     *float64 `json:"max,omitempty"`
	// Unit is shown beside numbers ("minutes", "km"); Currency for money ("USD").
	Unit string `json:"unit,omitempty"`
	// Help is a hint shown under the input.
	Help string `json:"help,omitempty"`
}

// RelationKind is the cardinality of a relation.
type RelationKind string

// ManyToOne is the only relation kind the renderers need: From holds a
// reference to one To; To lists its Froms.
const ManyToOne RelationKind = "many_to_one"

// Relation links two entities: each From record refers to one To record.
type Relation struct {
	From     string       `json:"from"`
	To       string       `json:"to"`
	Kind     RelationKind `json:"kind"`
	Required bool         `json:"required"`
}

// PageKind says what a page shows.
type PageKind string

// The page kinds.
const (
	PageHome      PageKind = "home"
	PageList      PageKind = "list"      // an entity's create form and list
	PageDetail    PageKind = "detail"    // one record of an entity
	PageDashboard PageKind = "dashboard" // aggregates and charts
	PageAbout     PageKind = "about"
	PageContact   PageKind = "contact"
	PagePlay      PageKind = "play" // take a quiz, play a game over an entity
	PageContent   PageKind = "content"
	PageTool      PageKind = "tool" // an interactive tool or game that keeps no records: Tool names it
)

// The tools a tool page can hold.
const (
	ToolTimer      = "timer"      // a focus timer with work and break lengths (pomodoro)
	ToolStopwatch  = "stopwatch"  // start, stop, laps
	ToolCalculator = "calculator" // arithmetic with the keyboard or buttons
	ToolConverter  = "converter"  // length, weight, temperature and volume units
	ToolTicTacToe  = "tictactoe"  // two players on one device
	Tool2048       = "2048"       // the sliding tile game
)

// Tools lists every tool in a stable order.
var Tools = []string{ToolTimer, ToolStopwatch, ToolCalculator, ToolConverter, ToolTicTacToe, Tool2048}

// Page is one route of the app.
type Page struct {
	Kind  PageKind `json:"kind"`
	Title string   `json:"title"`
	// Path is the URL path ("/", "/tasks", "/posts/[id]").
	Path   string `json:"path"`
	Entity string `json:"entity,omitempty"`
	// Body is prose for about and content pages.
	Body string `json:"body,omitempty"`
	// InNav says whether the main navigation links to the page.
	InNav bool `json:"in_nav"`
	// Tool is the tool a tool page holds (one of Tools).
	Tool string `json:"tool,omitempty"`
}

// FeatureKind names a capability beyond plain CRUD.
type FeatureKind string

// The feature kinds.
const (
	FeatureSearch     FeatureKind = "search"     // text search over Field (or all text fields)
	FeatureFilter     FeatureKind = "filter"     // filter the list by Field's values
	FeatureSort       FeatureKind = "sort"       // sort the list by Field, Order asc|desc
	FeatureAggregate  FeatureKind = "aggregate"  // Op over Field, optionally GroupBy, optionally Per (a relation)
	FeatureChart      FeatureKind = "chart"      // a chart of Op(Field) by GroupBy (or by week of a date)
	FeatureHighlight  FeatureKind = "highlight"  // mark records where Field Compare Value
	FeatureStreak     FeatureKind = "streak"     // consecutive days checked off
	FeatureDue        FeatureKind = "due"        // due today: Field (last date) + interval Field2 days <= today
	FeatureDetail     FeatureKind = "detail"     // a page per record
	FeatureFavorite   FeatureKind = "favorite"   // star records, show starred first
	FeaturePlay       FeatureKind = "play"       // take a quiz over an entity and see the score
	FeatureProgress   FeatureKind = "progress"   // share of records where Field == Value
	FeatureRanking    FeatureKind = "ranking"    // top Limit of To by Op(Field) of From
	FeatureBoard      FeatureKind = "board"      // columns by enum Field, move cards between them
	FeatureDarkMode   FeatureKind = "dark_mode"  // light/dark toggle
	FeatureCapacity   FeatureKind = "capacity"   // Entity's count of related Froms may not exceed Field
	FeatureComputed   FeatureKind = "computed"   // a derived value: Expression over fields
	FeatureNewsletter FeatureKind = "newsletter" // email signup with validation
	FeatureContact    FeatureKind = "contact_form"
	FeaturePinned     FeatureKind = "pinned" // records with boolean Field true show first
	FeatureCheckIn    FeatureKind = "check_in"
)

// Feature is one capability the prompt asked for, tied to the entity and
// fields it acts on. Unused parameters stay empty.
type Feature struct {
	Kind    FeatureKind `json:"kind"`
	Entity  string      `json:"entity,omitempty"`
	Field   string      `json:"field,omitempty"`
	Field2  string      `json:"field2,omitempty"`
	GroupBy string      `json:"group_by,omitempty"`
	// Op is sum, avg, count, min or max.
	Op string `json:"op,omitempty"`
	// Compare is lt, le, gt, ge, eq or ne; Value is the right-hand side.
	Compare string `json:"compare,omitempty"`
	Value   string `json:"value,omitempty"`
	Limit   int    `json:"limit,omitempty"`
	// Order is asc or desc.
	Order string `json:"order,omitempty"`
	// Via names the related entity an aggregate or ranking goes through.
	Via string `json:"via,omitempty"`
	// Expression is a computed value in a small grammar: field names, numbers,
	// + - * / and parentheses ("daily rate * days").
	Expression string `json:"expression,omitempty"`
	// Label is the human name of the result ("Total spent", "Needs water today").
	Label string `json:"label,omitempty"`
}

// Theme holds the app's colours as #rrggbb values.
type Theme struct {
	Primary    string `json:"primary"`
	Accent     string `json:"accent"`
	Background string `json:"background"`
	Surface    string `json:"surface"`
	Text       string `json:"text"`
	// Mode is light, dark or system (follow prefers-color-scheme).
	Mode       string `json:"mode"`
	DarkToggle bool   `json:"dark_toggle"`
	// Source says where the colours came from: prompt, logo or default.
	Source string `json:"source"`
	// Names are the colour words the prompt used, for the record.
	Names []string `json:"names,omitempty"`
}

// Landing is the content of a marketing landing page.
type Landing struct {
	Headline     string        `json:"headline"`
	Subheadline  string        `json:"subheadline"`
	CallToAction string        `json:"call_to_action"`
	Features     []Card        `json:"features"`
	Pricing      []Tier        `json:"pricing,omitempty"`
	FAQ          []QA          `json:"faq,omitempty"`
	Testimonials []Testimonial `json:"testimonials,omitempty"`
	// Signup is true when the page carries an email signup form.
	Signup bool `json:"signup"`
}

// Card is a titled paragraph.
type Card struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Tier is one pricing plan.
type Tier struct {
	Name     string   `json:"name"`
	Price    string   `json:"price"`
	Period   string   `json:"period"`
	Features []string `json:"features"`
	Featured bool     `json:"featured"`
}

// QA is one frequently asked question.
type QA struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// Testimonial is a quote from a customer.
type Testimonial struct {
	Quote  string `json:"quote"`
	Author string `json:"author"`
	Role   string `json:"role"`
}

package prd

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemaJSON is the JSON Schema (draft 2020-12) of the PRD document. LLM
// architects are asked to answer in it; every PRD read from outside is
// validated against it before the semantic checks of Validate.
//
//go:embed schema.json
var SchemaJSON []byte

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("prd.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("prd.json")
})

// Parse reads a PRD from JSON, checking it against the schema and then the
// semantic rules. The error lists every problem found.
func Parse(data []byte) (*PRD, error) {
	schema, err := compiled()
	if err != nil {
		return nil, fmt.Errorf("compile PRD schema: %w", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, &ValidationError{Problems: []string{"not JSON: " + err.Error()}}
	}
	if err := schema.Validate(doc); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			return nil, &ValidationError{Problems: flatten(ve)}
		}
		return nil, err
	}
	var p PRD
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, &ValidationError{Problems: []string{err.Error()}}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &p, nil
}

// CheckSchema validates an in-memory PRD against the JSON Schema.
func (p *PRD) CheckSchema() error {
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = Parse(data)
	return err
}

func flatten(ve *jsonschema.ValidationError) []string {
	if len(ve.Causes) == 0 {
		loc := "/"
		if len(ve.InstanceLocation) > 0 {
			loc = ""
			for _, s := range ve.InstanceLocation {
				loc += "/" + s
			}
		}
		return []string{fmt.Sprintf("%s: %v", loc, ve.ErrorKind)}
	}
	var out []string
	for _, c := range ve.Causes {
		out = append(out, flatten(c)...)
	}
	return out
}

package open311_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/shikayat/shikayat/internal/sharedtest"
)

// spec is the Open311 GeoReport v2 description, converted to OpenAPI 3.
func spec(t *testing.T) *openapi3.T {
	t.Helper()
	raw, err := os.ReadFile(sharedtest.Path(t, "data/open311/georeport-v2.swagger.yml"))
	if err != nil {
		t.Fatal(err)
	}
	// The file's examples repeat keys (XML elements written as YAML), which
	// a strict decoder refuses: read the node tree, the last key winning.
	var n yaml.Node
	if err := yaml.Unmarshal(raw, &n); err != nil {
		t.Fatal(err)
	}
	y, err := fromNode(&n)
	if err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(y)
	if err != nil {
		t.Fatal(err)
	}
	var v2 openapi2.T
	if err := json.Unmarshal(j, &v2); err != nil {
		t.Fatal(err)
	}
	v3, err := openapi2conv.ToV3(&v2)
	if err != nil {
		t.Fatal(err)
	}
	if err := v3.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		t.Logf("the description does not validate as OpenAPI 3 (%v); its schemas are still used", err)
	}
	return v3
}

// fromNode turns a YAML node into JSON values; map keys become strings
// (response codes are numbers in YAML).
func fromNode(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return fromNode(n.Content[0])
	case yaml.AliasNode:
		return fromNode(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := fromNode(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			v, err := fromNode(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// schema returns a named schema of the description.
func schema(t *testing.T, doc *openapi3.T, name string) *openapi3.Schema {
	t.Helper()
	ref, ok := doc.Components.Schemas[name]
	if !ok || ref.Value == nil {
		t.Fatalf("the description has no schema %q", name)
	}
	return ref.Value
}

// responseSchema returns the schema of a path's 200 answer.
func responseSchema(t *testing.T, doc *openapi3.T, method, path string) *openapi3.Schema {
	t.Helper()
	item := doc.Paths.Find(path)
	if item == nil {
		t.Fatalf("the description has no path %s", path)
	}
	op := item.GetOperation(method)
	if op == nil {
		t.Fatalf("the description has no %s %s", method, path)
	}
	resp := op.Responses.Status(200)
	if resp == nil || resp.Value == nil {
		t.Fatalf("%s %s has no 200 answer", method, path)
	}
	for _, mt := range resp.Value.Content {
		if mt.Schema != nil && mt.Schema.Value != nil {
			return mt.Schema.Value
		}
	}
	t.Fatalf("%s %s: 200 has no schema", method, path)
	return nil
}

// validate checks a JSON body against s.
func validate(t *testing.T, s *openapi3.Schema, body []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, body)
	}
	if err := s.VisitJSON(v); err != nil {
		t.Errorf("answer does not match the Open311 description: %v\n%s", err, body)
	}
}

func TestDescriptionLoads(t *testing.T) {
	doc := spec(t)
	s := responseSchema(t, doc, "GET", "/services.{response_format}")
	// A schema check that cannot fail is no check: a service without its
	// required fields must be refused.
	var bad any
	json.Unmarshal([]byte(`[{"service_code": "theft"}]`), &bad)
	if err := s.VisitJSON(bad); err == nil {
		t.Fatal("a service without service_name and type passes the schema")
	}
	req := schema(t, doc, "Request")
	json.Unmarshal([]byte(`{"service_request_id": "x", "status": "in_process", "service_code": "theft", "requested_datetime": "2026-03-10T12:00:00+05:30"}`), &bad)
	if err := req.VisitJSON(bad); err == nil {
		t.Fatal("a request with status in_process passes the schema")
	}
}

package rules

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nexusgen/nexusgen/internal/heal"
)

type rel struct {
	v     string
	peers map[string]string
}

// regTable is a registry in memory: releases per package, oldest first.
type regTable map[string][]rel

func (r regTable) View(ctx context.Context, spec string, fields ...string) ([]byte, error) {
	name, rng := spec, "latest"
	if i := strings.LastIndex(spec, "@"); i > 0 {
		name, rng = spec[:i], spec[i+1:]
	}
	rs, ok := r[name]
	if !ok {
		return nil, fmt.Errorf("%w: %s", heal.ErrNoPackage, name)
	}
	type out struct {
		Version string            `json:"version"`
		Peers   map[string]string `json:"peerDependencies,omitempty"`
	}
	if rng == "latest" {
		for i := len(rs) - 1; i >= 0; i-- {
			if !strings.Contains(rs[i].v, "-") {
				return json.Marshal(out{rs[i].v, rs[i].peers})
			}
		}
	}
	var list []out
	for _, x := range rs {
		v, _ := parseVersion(x.v)
		if satisfies(v, rng) || strings.HasPrefix(rng, ">=") && v.pre != "" {
			list = append(list, out{x.v, x.peers})
		}
	}
	return json.Marshal(list)
}

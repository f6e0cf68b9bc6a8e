package index

import (
	"fmt"
	"strings"
)

// versionChange explains how the version an index was built with differs
// from this kerko's, for the message of a forced full rebuild.
func versionChange(built string) string {
	parts := []string{"mapping", "analyzers", "extraction"}
	old, now := strings.Split(built, "/"), strings.Split(MappingVersion(), "/")
	var changed []string
	for i, p := range parts {
		if i >= len(old) || i >= len(now) || old[i] != now[i] {
			changed = append(changed, p)
		}
	}
	if len(changed) == 0 {
		changed = parts
	}
	return fmt.Sprintf("%s changed since the index was built (index %s, kerko %s)", strings.Join(changed, ", "), built, MappingVersion())
}

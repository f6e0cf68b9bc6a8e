package index

import (
	"fmt"
	"strings"
)

// RebuildKind is why a build rebuilt the index from scratch instead of
// updating the published generation.
type RebuildKind string

const (
	// RebuildRequested: the caller asked for a full build (--full).
	RebuildRequested RebuildKind = "requested"
	// RebuildNoIndex: there was no published generation to update.
	RebuildNoIndex RebuildKind = "no index"
	// RebuildUnreadable: the published generation's metadata could not be read.
	RebuildUnreadable RebuildKind = "unreadable"
	// RebuildVersion: the published generation was built with another
	// mapping, analyzers or extraction (MappingVersion).
	RebuildVersion RebuildKind = "version"
	// RebuildNoIDs: the published generation's id list could not be read.
	RebuildNoIDs RebuildKind = "id list unreadable"
)

// RebuildReason says why a build was full; its String is the message shown.
type RebuildReason struct {
	Kind RebuildKind
	// Built is the version the published generation was built with
	// (RebuildVersion).
	Built string
	// Err is what failed (RebuildUnreadable, RebuildNoIDs).
	Err error
}

func (r RebuildReason) String() string {
	switch r.Kind {
	case RebuildRequested:
		return "full rebuild requested"
	case RebuildNoIndex:
		return "no index yet"
	case RebuildUnreadable:
		return fmt.Sprintf("published generation unreadable (%v)", r.Err)
	case RebuildVersion:
		return versionChange(r.Built)
	case RebuildNoIDs:
		return fmt.Sprintf("published generation's id list unreadable (%v)", r.Err)
	}
	return string(r.Kind)
}

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

package index

import (
	"encoding/binary"
	"fmt"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
)

// This file holds every assumption kerko makes about Bleve's scorch index
// beyond Bleve's public API. TestBleveInternals checks each of them on a
// real index, so a Bleve upgrade that changes one fails there, by name,
// rather than as wrong facet counts or a build that never ends.

// docNum is the document number scorch encodes in an internal id: 8 bytes,
// big-endian, dense from 0 within a snapshot. The facet table (facets.go),
// table filters (filter.go) and table sorts (sort.go) index arrays by it.
func docNum(id bindex.IndexInternalID) (uint64, bool) {
	if len(id) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(id), true
}

// scorchOf returns the scorch index under idx.
func scorchOf(idx bleve.Index) (*scorch.Scorch, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("open index internals: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, fmt.Errorf("index is a %T, not a scorch index", adv)
	}
	return s, nil
}

// fileSegments is the number of segments in the index's root.
func fileSegments(s *scorch.Scorch) uint64 {
	m := s.StatsMap()
	f, _ := m["TotFileSegmentsAtRoot"].(uint64)
	mem, _ := m["TotMemorySegmentsAtRoot"].(uint64)
	return f + mem
}

// onDiskFiles is the number of files of the index's directory that scorch
// counts as in use or awaiting deletion.
func onDiskFiles(s *scorch.Scorch) uint64 {
	files, _ := s.StatsMap()["CurOnDiskFiles"].(uint64)
	return files
}

// With unsafe batches a write error (a full disk) happens in scorch's
// persister, which reports it through an async error callback and retries
// for ever: without the callback the build would wait for batches that never
// reach disk. Scorch names callbacks in a global registry, so one callback,
// registered when the first build starts, routes each error to the batcher
// building under that path.
const asyncErrorCallback = "kerko-build"

var (
	building         sync.Map // generation path -> *batcher
	registerCallback sync.Once
)

func registerAsyncErrors() {
	registerCallback.Do(func() {
		scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
			building.Range(func(k, v any) bool {
				if strings.HasPrefix(path, k.(string)) {
					v.(*batcher).fail(fmt.Errorf("write index: %w", err))
				}
				return true
			})
		}
	})
}

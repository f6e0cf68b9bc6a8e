package extract

import (
	"syscall"
	"testing"
	"time"

	"kerko/internal/benchcorpus"
)

// BenchmarkPeople measures person extraction over the whole bench corpus:
// one op is one pass over all its articles. Besides wall time per op it
// reports the process CPU time per article (getrusage), the figure an index
// build pays and the one that holds on a loaded machine (docs/quality.md).
func BenchmarkPeople(b *testing.B) {
	docs := benchcorpus.Articles(b)
	texts := make([]string, len(docs))
	size := 0
	for i, d := range docs {
		texts[i] = d.Title + "\n" + d.Body
		size += len(texts[i])
	}
	warmTables()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j, t := range texts {
			People(t, docs[j].Lang)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*len(texts)), "cpu-ns/article")
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package loadgen

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

// Memory is a process's resident memory as Linux reports it in
// /proc/PID/status, in bytes. RSS = Anon + File + Shmem: Anon is what the
// process allocated (the Go heap, stacks, the runtime), File the pages of
// files it maps that are in memory (its executable, and kerko's
// memory-mapped index segments), which the kernel can drop and read again.
type Memory struct {
	RSS, Peak, Anon, File int64 // Peak is VmHWM: the most RSS ever was
}

// ReadMemory reads pid's memory from /proc.
func ReadMemory(pid int) (Memory, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, fmt.Errorf("memory of process %d: %w", pid, err)
	}
	var m Memory
	fields := map[string]*int64{"VmRSS:": &m.RSS, "VmHWM:": &m.Peak, "RssAnon:": &m.Anon, "RssFile:": &m.File}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) < 2 {
			continue
		}
		if p, ok := fields[string(f[0])]; ok {
			kb, err := strconv.ParseInt(string(f[1]), 10, 64)
			if err != nil {
				return Memory{}, fmt.Errorf("memory of process %d: %s %q: %w", pid, f[0], f[1], err)
			}
			*p = kb << 10
		}
	}
	if m.RSS == 0 {
		return Memory{}, fmt.Errorf("memory of process %d: no VmRSS in /proc/%d/status", pid, pid)
	}
	return m, nil
}

// MemoryWatch samples a process's memory while a load runs. The kernel
// keeps the exact peak of RSS (VmHWM); the peaks of Anon and File are the
// largest sampled, so a spike shorter than the interval may pass unseen in
// them (not in Peak).
type MemoryWatch struct {
	pid      int
	stop     chan struct{}
	done     chan struct{}
	exceeded chan struct{}

	mu      sync.Mutex
	max     Memory // per field, the most seen
	samples int
	err     error
}

// WatchMemory samples pid's memory every interval until Stop. When abort
// is above 0 and the process's RSS passes it, Exceeded is closed: a load
// can stop there instead of driving a server that amplifies requests (and
// the machine it shares) into gigabytes.
func WatchMemory(pid int, interval time.Duration, abort int64) *MemoryWatch {
	w := &MemoryWatch{pid: pid, stop: make(chan struct{}), done: make(chan struct{}), exceeded: make(chan struct{})}
	go func() {
		defer close(w.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			w.sample(abort)
			select {
			case <-w.stop:
				w.sample(abort)
				return
			case <-t.C:
			}
		}
	}()
	return w
}

func (w *MemoryWatch) sample(abort int64) {
	m, err := ReadMemory(w.pid)
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		// The process is gone: its last sample stands.
		if w.err == nil {
			w.err = err
		}
		return
	}
	w.samples++
	w.max.RSS = max(w.max.RSS, m.RSS)
	w.max.Peak = max(w.max.Peak, m.Peak)
	w.max.Anon = max(w.max.Anon, m.Anon)
	w.max.File = max(w.max.File, m.File)
	if abort > 0 && m.Peak > abort {
		select {
		case <-w.exceeded:
		default:
			close(w.exceeded)
		}
	}
}

// Exceeded is closed once the process's RSS passed the abort threshold.
func (w *MemoryWatch) Exceeded() <-chan struct{} { return w.exceeded }

// Peaks returns the most seen so far: RSS, Anon and File sampled, Peak the
// kernel's VmHWM.
func (w *MemoryWatch) Peaks() Memory {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.max
}

// Stop ends the sampling after a last sample and returns the peaks, and
// the error that ended the sampling early (the process exited) if any.
func (w *MemoryWatch) Stop() (Memory, error) {
	close(w.stop)
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.max, w.err
}

// AnonSlack is what a process's anonymous memory may hold beyond the Go
// runtime's soft limit: the limit leaves out the executable's written data
// pages, and the heap runs over it while a collection is under way.
const AnonSlack = 32 << 20

// Bounds are what "within the memory budget" means for a server that maps
// its index: what it allocates (anonymous memory) within the Go runtime's
// soft limit and AnonSlack; the files it maps (the index segments, the
// executable) resident at most whole, as the kernel may keep them.
type Bounds struct {
	Anon, File, Peak int64
}

// BoundsOf are the bounds of a server whose Go soft limit is goLimit and
// which maps files of mapped bytes together.
func BoundsOf(goLimit, mapped int64) Bounds {
	anon := goLimit + AnonSlack
	return Bounds{Anon: anon, File: mapped, Peak: anon + mapped}
}

// Check returns what of m passed the bounds, empty when nothing did. Peak
// is the kernel's exact VmHWM; Anon the largest sampled.
func (b Bounds) Check(m Memory) []string {
	var out []string
	if m.Peak > b.Peak {
		out = append(out, fmt.Sprintf("peak RSS %d MiB over %d MiB", m.Peak>>20, b.Peak>>20))
	}
	if m.Anon > b.Anon {
		out = append(out, fmt.Sprintf("anonymous memory %d MiB over %d MiB", m.Anon>>20, b.Anon>>20))
	}
	return out
}

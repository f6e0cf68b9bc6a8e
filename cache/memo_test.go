package cache

import (
	"fmt"
	"sync"
	"testing"
)

func TestMemo_Bound(t *testing.T) {
	m := NewMemo[string, string](10_000, StringBytes)
	for i := range 1000 {
		k := fmt.Sprintf("key%04d", i)
		m.Put(k, k+"-value")
		if st := m.Stats(); st.Bytes > st.MaxBytes {
			t.Fatalf("after %d puts the memo holds %d bytes, over its %d", i+1, st.Bytes, st.MaxBytes)
		}
		if v, ok := m.Get(k); !ok || v != k+"-value" {
			t.Fatalf("Get(%q) right after Put = %q, %v", k, v, ok)
		}
	}
	st := m.Stats()
	if st.Resets == 0 || st.Entries == 0 {
		t.Errorf("stats %+v: want resets after 1000 puts into 10 kB, and the latest entries kept", st)
	}
	m.Put("huge", string(make([]byte, 20_000)))
	if _, ok := m.Get("huge"); ok {
		t.Errorf("an entry larger than the whole bound was kept")
	}
	m.SetMax(100)
	if st := m.Stats(); st.Bytes > 100 {
		t.Errorf("after SetMax(100) the memo holds %d bytes", st.Bytes)
	}
}

func TestMemo_Concurrent(t *testing.T) {
	m := NewMemo[int, int](4096, func(int, int) int64 { return 0 })
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				k := (g*7919 + i) % 500
				if v, ok := m.Get(k); ok && v != k*k {
					t.Errorf("Get(%d) = %d", k, v)
					return
				}
				m.Put(k, k*k)
			}
		}()
	}
	wg.Wait()
}

// TestMemo_KeepsWhatIsAskedFor checks that an answer asked for in every
// generation survives the turns that a stream of one-off answers causes,
// while an answer not asked for during a whole generation goes.
func TestMemo_KeepsWhatIsAskedFor(t *testing.T) {
	m := NewMemo[string, string](10_000, StringBytes)
	m.Put("hot", "value")
	m.Put("cold", "value")
	for i := range 2000 {
		k := fmt.Sprintf("once%05d", i)
		m.Put(k, k)
		if i%20 == 0 { // asked for far more often than a generation turns
			if _, ok := m.Get("hot"); !ok {
				t.Fatalf("after %d one-off answers (%d turns) the answer asked for all along is gone", i+1, m.Stats().Resets)
			}
		}
	}
	if st := m.Stats(); st.Resets < 5 {
		t.Fatalf("stats %+v: want several generations in 2000 one-off answers", st)
	}
	if _, ok := m.Get("cold"); ok {
		t.Errorf("an answer never asked for again outlived every generation")
	}
}

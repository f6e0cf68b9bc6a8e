package budget

import "testing"

func TestOf(t *testing.T) {
	for _, mib := range []int{16, 64, DefaultMiB, 1024} {
		s, err := Of(mib)
		if err != nil {
			t.Fatal(err)
		}
		caches := s.Answers + s.Bodies + s.Words + s.StopWords + s.DocFreqs
		if caches > s.Total*3/5 {
			t.Errorf("Of(%d): caches take %d of %d bytes: too little left for searches in flight", mib, caches, s.Total)
		}
		if s.GoLimit <= s.Total {
			t.Errorf("Of(%d): Go limit %d not above the budget %d", mib, s.GoLimit, s.Total)
		}
	}
	if s, _ := Of(DefaultMiB); s.Answers != 32<<20 || s.Bodies != 16<<20 {
		t.Errorf("default budget: answers %d, bodies %d; want the former defaults 32 and 16 MiB", s.Answers, s.Bodies)
	}
	if _, err := Of(8); err == nil {
		t.Errorf("Of(8 MiB) = nil error")
	}
}

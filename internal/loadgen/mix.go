package loadgen

import (
	"fmt"
	"math/rand/v2"
	"net/url"
)

// MixText says what Mix sends.
const MixText = "50% search page 1, 12% + language filter, 8% + country filter, 8% + date range, " +
	"10% page 2-3, 5% sorted by newest, 7% open an article"

// MixKinds are the kinds of request of Mix, for per-kind latencies.
var MixKinds = []string{"search", "lang", "country", "date", "page", "newest", "article"}

// Mix is a realistic mix of what people do through kerko's JSON API: plain
// searches, then narrowing by language, country or date, paging, sorting by
// date, and opening an article (MixText).
type Mix struct {
	Base    string
	Queries []string // asked again and again
	IDs     []string // articles to open
	// Unique is the fraction of searches whose query comes from Fresh,
	// each asked once.
	Unique float64
	Fresh  interface{ Next(r *rand.Rand) string }
}

func (m *Mix) Next(r *rand.Rand, _, _ int) Request {
	v := url.Values{}
	if m.Fresh != nil && r.Float64() < m.Unique {
		v.Set("q", m.Fresh.Next(r))
	} else {
		v.Set("q", m.Queries[r.IntN(len(m.Queries))])
	}
	kind := 0
	switch n := r.IntN(100); {
	case n < 50:
	case n < 62:
		kind = 1
		v.Set("lang", []string{"sq", "tr", "en"}[r.IntN(3)])
	case n < 70:
		kind = 2
		v.Set("country", []string{"TR", "XK", "AL", "US", "GB", "DE"}[r.IntN(6)])
	case n < 78:
		kind = 3
		v.Set("from", "1987-01-01")
		v.Set("to", []string{"1987-12-31", "2020-12-31"}[r.IntN(2)])
	case n < 88:
		kind = 4
		v.Set("page", fmt.Sprint(2+r.IntN(2)))
	case n < 93:
		kind = 5
		v.Set("sort", "newest")
	default:
		if len(m.IDs) > 0 {
			return Request{URL: m.Base + "/api/articles/" + url.PathEscape(m.IDs[r.IntN(len(m.IDs))]), Kind: 6}
		}
	}
	return Request{URL: m.Base + "/api/search?" + v.Encode(), Kind: kind}
}

package loadgen

import (
	"math/rand/v2"
	"net/url"
	"strings"
)

// AmplifyKinds are the requests of Amplify made to cost a server far more
// than they ask for (issue 13, items 2 and 3): a long unknown parameter or
// interface language that a page could copy into each of its hundreds of
// links (the API must refuse them), and searches and article views that
// reach hostile articles (titles and bodies as long as the corpus reader
// takes) with the largest page size. The two article kinds come last: they
// are left out when there are no hostile ids.
var AmplifyKinds = []string{
	"page ?zz=60KB",
	"page ?zz=7KB&q=",
	"page ?size=100&ui=60KB",
	"api search ?zz=60KB",
	"api search ?size=100&ui=60KB",
	"api search hostile size=100",
	"page search hostile size=100",
	"article page hostile",
	"api article hostile",
}

// Amplify is a source that sends a share of amplification requests
// (AmplifyKinds, one chosen uniformly) among the requests of Plain. The
// kinds of Plain keep their numbers; amplification kind k is PlainKinds+k.
type Amplify struct {
	Base       string
	Plain      Source
	PlainKinds int
	Share      float64 // fraction of requests that are amplification requests
	Queries    []string
	// Hostile is a query the hostile articles match (and common
	// queries too), HostileIDs their ids; without ids the article kinds
	// are not sent.
	Hostile    string
	HostileIDs []string

	long, mid string // the 60 KB and 7 KB values
}

// Amplification values: LongValue is the 60 KB, MidValue the 7 KB
// that fits common proxies' header limits. They are ASCII letters, so a URL
// holding 60 KB of them stays within the 64 KiB of headers a server
// commonly takes (kerko's limit): they reach the handler, which is the
// point.
var (
	LongValue = strings.Repeat("amplify", 60_000/7)
	MidValue  = strings.Repeat("amplify", 7_000/7)
)

// NewAmplify makes the source.
func NewAmplify(a Amplify) *Amplify {
	a.long, a.mid = LongValue, MidValue
	return &a
}

func (a *Amplify) Next(r *rand.Rand, conn, i int) Request {
	if a.Plain != nil && r.Float64() >= a.Share {
		return a.Plain.Next(r, conn, i)
	}
	kinds := len(AmplifyKinds)
	if len(a.HostileIDs) == 0 {
		kinds -= 2
	}
	k := r.IntN(kinds)
	var u string
	switch AmplifyKinds[k] {
	case "page ?zz=60KB":
		u = "/?zz=" + a.long
	case "page ?zz=7KB&q=":
		q := "Kazakhstan"
		if len(a.Queries) > 0 {
			q = a.Queries[r.IntN(len(a.Queries))]
		}
		u = "/?zz=" + a.mid + "&q=" + url.QueryEscape(q)
	case "page ?size=100&ui=60KB":
		u = "/?size=100&ui=" + a.long
	case "api search ?zz=60KB":
		u = "/api/search?q=" + url.QueryEscape(a.Hostile) + "&zz=" + a.long
	case "api search ?size=100&ui=60KB":
		u = "/api/search?size=100&q=" + url.QueryEscape(a.Hostile) + "&ui=" + a.long
	case "api search hostile size=100":
		u = "/api/search?size=100&q=" + url.QueryEscape(a.Hostile)
	case "page search hostile size=100":
		u = "/?size=100&q=" + url.QueryEscape(a.Hostile)
	case "article page hostile":
		u = "/articles/" + url.PathEscape(a.HostileIDs[r.IntN(len(a.HostileIDs))])
	case "api article hostile":
		u = "/api/articles/" + url.PathEscape(a.HostileIDs[r.IntN(len(a.HostileIDs))])
	}
	return Request{URL: a.Base + u, Kind: a.PlainKinds + k}
}

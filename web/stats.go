package web

import "kerko/cache"

// Stats are the server's gauges, read by a metrics exporter.
type Stats struct {
	Cache       *cache.Stats // nil when the cache is off
	Searching   int          // searches holding a slot
	Waiting     int          // searches waiting for one (the admission queue)
	MaxSearches int
}

// Stats says how the server's cache and search slots are used.
func (s *Server) Stats() Stats {
	st := Stats{Searching: len(s.gate.slots), Waiting: int(s.gate.waiting.Load()), MaxSearches: cap(s.gate.slots)}
	if s.cache != nil {
		cs := s.cache.stats()
		st.Cache = &cs
	}
	return st
}

// Package cache keeps recent answers of an expensive function in memory: a
// least-recently-used map bounded by the bytes its values hold, safe for
// concurrent use, where identical lookups that miss at the same time wait
// for one computation instead of each running their own.
//
// It knows nothing of searches or indexes: the caller chooses a key that
// changes whenever the answer may (for kerko's searches, the request and the
// index generation, see web/cache.go), says how many bytes a value holds,
// and must treat cached values as immutable, since every hit shares them.
// Errors are never kept.
package cache

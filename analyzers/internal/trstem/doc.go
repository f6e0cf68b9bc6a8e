// Package trstem is kerko's Turkish stemmer with its rules as data: which
// rules run and with which thresholds is a Rules value, so that the
// cross-validation harness (analyzers/internal/trcv) can choose them on some
// treebanks and score them on another. kerko_tr stems with Fitted, the rules
// the harness chooses on all of the Turkish gold data.
//
// The stemmer is Snowball Turkish (nominal suffixes) followed by repairs of
// its known faults and a verbal suffix layer Snowball does not have; every
// step is a field of Rules and says in its comment what it fixes.
package trstem

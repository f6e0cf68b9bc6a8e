package trstem

// Fitted are the rules kerko_tr stems with: the rules the cross-validation
// harness chooses when it fits on every Turkish treebank (go run
// ./analyzers/internal/trcv prints them, and says whether they still equal
// these). analyzers/SCORES.md has the held-out figures of the fitting
// procedure.
var Fitted = Round2

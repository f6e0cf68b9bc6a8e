package trstem

// Fitted are the rules kerko_tr stems with: the rules the cross-validation
// harness chooses when it fits on every Turkish treebank (go run
// ./analyzers/internal/trcv prints them, and says whether they still equal
// these). analyzers/SCORES.md has the held-out figures of the fitting
// procedure.
var Fitted = Rules{
	MinWord:       2,
	KeepNtI:       true,
	FixPossessive: true,
	Verb: VerbSetOf("ıyor", "acak", "abil", "mış", "madan", "mak", "mas", "ma", "maz", "malı",
		"arak", "dık", "dı", "ınca", "ıp", "sa"),
	MinVerbRoot:   3,
	ShortRoots:    true,
	VoiceT:        true,
	DropFinalNM:   true,
	FirstSyllable: true,
	ClusterVowel:  true,
	RestoreVowel:  true,
	Geminate:      true,
	MinStem:       2,
}

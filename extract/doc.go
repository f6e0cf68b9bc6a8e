// Package extract finds what a news article is about, for faceting and query
// expansion: its language (sq, tr, en or und), the countries it names (ISO
// 3166-1 alpha-2 codes, Kosovo as XK) and the international organizations it
// names (short stable ids such as UN, NATO, EU, OTS).
//
// Everything is token based: the text is split into words (NFC or NFD input,
// both apostrophes, hyphens as separators, dotted abbreviations such as U.S.
// joined), each word is case-folded Turkish-safely and stripped of diacritics,
// and the words are matched against gazetteers built once at package
// initialisation. Country names come from generated tables (tables_gen.go,
// produced by internal/gen from ../shared/data); inflected Albanian forms,
// Turkish suffixed demonyms and Albanian/Turkish demonyms come from the rules in
// rules.go, because no data source provides them.
//
// DetectLanguage combines function-word lists, telling letters and letter
// trigram models of sq, tr and en generated from the UD treebanks
// (ngrams.bin, also by internal/gen); the trigrams decide titles and wire
// headlines that hold no function word.
//
// Matching never looks inside a word, so iştirakiyle is not Iraq and
// coronavirus is not Russia; capital cities are not in the gazetteer, so
// "Ankara" alone names no country.
package extract

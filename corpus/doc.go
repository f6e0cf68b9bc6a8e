// Package corpus reads news articles into kerko: folders of .txt files in the
// seed format and JSON Lines exports, plus the embedded seed corpus.
//
// It owns everything about input files — encodings, line ends, headers, titles,
// dates and identifiers — and nothing about analysis or indexing. Bad input never
// aborts a read: every file or line that is skipped or repaired is reported as a
// Problem naming the file (and line) and the reason, and every valid article is
// still delivered.
package corpus

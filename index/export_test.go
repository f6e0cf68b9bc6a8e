package index

// What the external tests (package index_test, which search the built
// index through package search) need of the package's internals.
var (
	ReadMeta       = readMeta
	GenName        = genName
	MetaFile       = metaFile
	BleveSubdir    = bleveSubdir
	Generations    = generations
	Lock           = lock
	Segment        = segment
	StripManifest  = stripManifest
	RewriteVersion = rewriteVersion
)

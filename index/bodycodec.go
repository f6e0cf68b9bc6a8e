package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// Article bodies are stored compressed by kerko, not as text: zap compresses
// each document's stored fields with snappy, which left the bodies at 25.5 of
// the bench index's 108 MiB (33.3 MiB raw). zstd with a dictionary of the
// article's language stores them in about 16.5 MiB; without a dictionary
// (or with flate, the other choice measured) it is about 18 MiB, because a
// one-kilobyte article has little history of its own to match against.
//
// zstd is github.com/klauspost/compress: pure Go (kerko builds without cgo),
// the zstd most Go programs use, and it takes raw-content dictionaries, which
// cost nothing to make. A trained dictionary (its dict package) saved another
// 0.5 MiB on the bench corpus for a second of build CPU; not worth it.
//
// Each stored body is one zstd frame without its four magic bytes (they are
// the same in every frame). The frame names its dictionary by id, and an id is
// a hash of the dictionary's content, so a body decodes the same way in every
// generation that holds its dictionary, and a process can decode hits from the
// generation it is switching away from while it opens the next.

const (
	// dictsFile, in a generation's directory, holds the dictionaries its
	// bodies were compressed with, one per language. An incremental build
	// starts from the published generation's, so old and new bodies share
	// them.
	dictsFile = "body-dicts.zst"
	// dictBytes is the size of a dictionary: zstd matches back 32 KB into
	// it cheaply; 64 KB saved 0.3 MiB more and decoded slower.
	dictBytes = 32 << 10
	// dictSample is how many articles of a language a build holds back
	// before it makes that language's dictionary from them (the last
	// dictBytes of their bodies). Measured on the bench corpus, whose
	// files come one language and source after another: 40 articles
	// stored the bodies in 16.8 MiB, 500 in 16.5 MiB, a random tenth of
	// the corpus with a trained dictionary in 15.3 MiB.
	dictSample = 500
	// maxDicts bounds the dictionaries a process keeps for decoding: a
	// generation has one per language, and only the open generation and
	// the one being switched away from are ever read.
	maxDicts = 32
)

var zstdMagic = [4]byte{0x28, 0xb5, 0x2f, 0xfd}

// dictID is the zstd dictionary id of a raw dictionary: a hash of its content,
// in the range the zstd format leaves for private use (≥ 32768).
func dictID(dict []byte) uint32 {
	h := fnv.New32a()
	h.Write(dict)
	return h.Sum32()&(1<<31-1) | 1<<15
}

// bodyDecoders holds the dictionaries this process has seen and one decoder
// that knows all of them. A zstd decoder takes its dictionaries when it is
// made, so registering a new one makes a new decoder.
var bodyDecoders struct {
	mu    sync.Mutex
	order []uint32 // ids, oldest first
	dicts map[uint32][]byte
	dec   atomic.Pointer[zstd.Decoder]
}

// registerDicts makes bodies compressed with dicts decodable.
func registerDicts(dicts ...[]byte) error {
	bd := &bodyDecoders
	bd.mu.Lock()
	defer bd.mu.Unlock()
	if bd.dicts == nil {
		bd.dicts = map[uint32][]byte{}
	}
	added := false
	for _, d := range dicts {
		id := dictID(d)
		if len(d) == 0 {
			continue
		}
		if _, ok := bd.dicts[id]; ok {
			// In use again (a generation opened or built with it):
			// the last to be dropped.
			bd.order = append(slices.DeleteFunc(bd.order, func(x uint32) bool { return x == id }), id)
			continue
		}
		bd.dicts[id] = d
		bd.order = append(bd.order, id)
		added = true
	}
	if !added && bd.dec.Load() != nil {
		return nil
	}
	for len(bd.order) > maxDicts {
		delete(bd.dicts, bd.order[0])
		bd.order = bd.order[1:]
	}
	opts := []zstd.DOption{
		// DecodeAll runs on the caller's goroutine; concurrency only sets
		// how many calls may run at once before one waits.
		zstd.WithDecoderConcurrency(runtime.GOMAXPROCS(0)),
		zstd.WithDecoderMaxMemory(64 << 20),
	}
	for _, id := range bd.order {
		opts = append(opts, zstd.WithDecoderDictRaw(id, bd.dicts[id]))
	}
	dec, err := zstd.NewReader(nil, opts...)
	if err != nil {
		return fmt.Errorf("body decoder: %w", err)
	}
	// The old decoder is left to the garbage collector, not closed: a
	// search may be decoding with it right now.
	bd.dec.Store(dec)
	return nil
}

var decodeBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

// decodeBody returns the text of a stored body.
func decodeBody(stored string) (string, error) {
	if stored == "" {
		return "", nil
	}
	dec := bodyDecoders.dec.Load()
	if dec == nil {
		if err := registerDicts(); err != nil {
			return "", err
		}
		dec = bodyDecoders.dec.Load()
	}
	bp := decodeBufs.Get().(*[]byte)
	in := append(append((*bp)[:0], zstdMagic[:]...), stored...)
	out, err := dec.DecodeAll(in, nil)
	*bp = in[:0]
	decodeBufs.Put(bp)
	if err != nil {
		return "", fmt.Errorf("decode stored body: %w", err)
	}
	// out is this call's own and never written again: no copy.
	return unsafe.String(unsafe.SliceData(out), len(out)), nil
}

// bodyEncoder compresses the bodies of one build, each language with its
// dictionary. It is used by one goroutine.
type bodyEncoder struct {
	plain  *zstd.Encoder
	byLang map[string]*zstd.Encoder
	dicts  map[string][]byte     // by language: what writeDicts keeps
	held   map[string][]*Article // articles waiting for their language's dictionary
}

// encoded is an article ready to index, with its body as stored.
type encoded struct {
	a    *Article
	body string
}

func newEncoder(dict []byte) (*zstd.Encoder, error) {
	opts := []zstd.EOption{
		// The fastest level: the default one stored bodies 0.2 MiB
		// larger with a raw dictionary, at twice the CPU; the "better"
		// one 0.5 MiB smaller, at +0.6 CPU-s per build and +1 µs per
		// decoded body (6.2 µs).
		zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithEncoderCRC(false),
		zstd.WithEncoderConcurrency(1),
	}
	if dict != nil {
		opts = append(opts, zstd.WithEncoderDictRaw(dictID(dict), dict))
	}
	return zstd.NewWriter(nil, opts...)
}

// newBodyEncoder returns the encoder of a build, with the dictionaries (by
// language) of the generation an incremental build starts from.
func newBodyEncoder(dicts map[string][]byte) (*bodyEncoder, error) {
	plain, err := newEncoder(nil)
	if err != nil {
		return nil, fmt.Errorf("body encoder: %w", err)
	}
	e := &bodyEncoder{plain: plain, byLang: map[string]*zstd.Encoder{}, dicts: map[string][]byte{}, held: map[string][]*Article{}}
	for lang, d := range dicts {
		if err := e.useDict(lang, d); err != nil {
			return nil, err
		}
	}
	return e, nil
}

func (e *bodyEncoder) useDict(lang string, d []byte) error {
	enc, err := newEncoder(d)
	if err != nil {
		return fmt.Errorf("%s body encoder: %w", lang, err)
	}
	e.byLang[lang] = enc
	e.dicts[lang] = d
	return registerDicts(d)
}

// add takes the next article of the build and returns the articles ready to
// index, their bodies compressed: none while it holds back the first articles
// of a language to make its dictionary from.
func (e *bodyEncoder) add(a *Article) ([]encoded, error) {
	if _, ok := e.byLang[a.Lang]; ok || !isLang(a.Lang) {
		return []encoded{e.compress(a)}, nil
	}
	e.held[a.Lang] = append(e.held[a.Lang], a)
	if len(e.held[a.Lang]) < dictSample {
		return nil, nil
	}
	return e.release(a.Lang)
}

// flush returns the articles still held, once the input has ended.
func (e *bodyEncoder) flush() ([]encoded, error) {
	var out []encoded
	for _, lang := range Langs {
		r, err := e.release(lang)
		if err != nil {
			return nil, err
		}
		out = append(out, r...)
	}
	return out, nil
}

// release makes lang's dictionary from its held articles and returns those
// articles compressed with it.
func (e *bodyEncoder) release(lang string) ([]encoded, error) {
	held := e.held[lang]
	if len(held) == 0 {
		return nil, nil
	}
	delete(e.held, lang)
	var d []byte
	for i := len(held) - 1; i >= 0 && len(d) < dictBytes; i-- {
		d = append([]byte(held[i].Body), d...)
	}
	if len(d) > dictBytes {
		d = d[len(d)-dictBytes:]
	}
	if err := e.useDict(lang, d); err != nil {
		return nil, err
	}
	out := make([]encoded, len(held))
	for i, a := range held {
		out[i] = e.compress(a)
	}
	return out, nil
}

func (e *bodyEncoder) compress(a *Article) encoded {
	if a.Body == "" {
		return encoded{a: a}
	}
	enc := e.plain
	if x := e.byLang[a.Lang]; x != nil {
		enc = x
	}
	out := enc.EncodeAll([]byte(a.Body), make([]byte, 0, len(a.Body)/2+32))
	return encoded{a: a, body: string(out[len(zstdMagic):])}
}

// writeDicts keeps a generation's dictionaries in its directory, as one
// zstd frame of (language, dictionary) pairs, each part length-prefixed.
// Not in Bleve's internal metadata: on the bench corpus its bolt file was
// 0.5–1 MiB with them and 256 KB without.
func writeDicts(genDir string, dicts map[string][]byte) error {
	var b []byte
	for _, lang := range Langs {
		if d := dicts[lang]; len(d) > 0 {
			b = binary.AppendUvarint(b, uint64(len(lang)))
			b = append(b, lang...)
			b = binary.AppendUvarint(b, uint64(len(d)))
			b = append(b, d...)
		}
	}
	enc, err := newEncoder(nil)
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(genDir, dictsFile), enc.EncodeAll(b, nil))
}

// readDicts returns the dictionaries kept in a generation's directory, by
// language; none when it has no dictionary file.
func readDicts(genDir string) (map[string][]byte, error) {
	z, err := os.ReadFile(filepath.Join(genDir, dictsFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read body dictionaries: %w", err)
	}
	if err := registerDicts(); err != nil {
		return nil, err
	}
	b, err := bodyDecoders.dec.Load().DecodeAll(z, nil)
	if err != nil {
		return nil, fmt.Errorf("read body dictionaries: %w", err)
	}
	dicts := map[string][]byte{}
	part := func() ([]byte, bool) {
		n, w := binary.Uvarint(b)
		if w <= 0 || uint64(len(b)-w) < n {
			return nil, false
		}
		p := b[w : w+int(n)]
		b = b[w+int(n):]
		return p, true
	}
	for len(b) > 0 {
		lang, ok1 := part()
		d, ok2 := part()
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("read body dictionaries: malformed %s", dictsFile)
		}
		dicts[string(lang)] = d
	}
	return dicts, nil
}

// loadDicts registers the dictionaries of a generation opened for reading.
func loadDicts(genDir string) error {
	dicts, err := readDicts(genDir)
	if err != nil {
		return err
	}
	var ds [][]byte
	for _, d := range dicts {
		ds = append(ds, d)
	}
	return registerDicts(ds...)
}

// Hits recur: the same articles answer many searches, and each results page
// decodes ten bodies for its snippets (about 5 µs each, BenchmarkDecodeBody;
// measured +25–30% on the p50 of the cheapest searches, which took 0.12–0.2
// ms). So the bodies of hits are kept decoded, like their marked tokens
// (snippet_terms.go), keyed by article id and checked by a hash of the stored
// bytes, so a body that changed in a new generation is decoded again.

// maxCachedBodyBytes bounds the decoded bodies kept; when full it starts over.
const maxCachedBodyBytes = 16 << 20

type cachedBody struct {
	sum  uint64
	text string
}

var hitBodies = struct {
	mu    sync.RWMutex
	m     map[string]cachedBody
	bytes int
}{m: map[string]cachedBody{}}

// hitBody returns the text of a hit's stored body, from the cache when it
// can.
func hitBody(id, stored string) (string, error) {
	sum := maphash.String(memoSeed, stored)
	hitBodies.mu.RLock()
	c, ok := hitBodies.m[id]
	hitBodies.mu.RUnlock()
	if ok && c.sum == sum {
		return c.text, nil
	}
	text, err := decodeBody(stored)
	if err != nil {
		return "", err
	}
	hitBodies.mu.Lock()
	if hitBodies.bytes+len(text) > maxCachedBodyBytes {
		hitBodies.m, hitBodies.bytes = map[string]cachedBody{}, 0
	}
	if old, ok := hitBodies.m[id]; ok {
		hitBodies.bytes -= len(old.text)
	}
	hitBodies.m[strings.Clone(id)] = cachedBody{sum, text}
	hitBodies.bytes += len(text)
	hitBodies.mu.Unlock()
	return text, nil
}

package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// Article bodies are stored compressed by kerko, not as text: zap compresses
// each document's stored fields with snappy, which left the bodies a quarter
// of the index. zstd with a dictionary of the article's language stores them
// in about half that; without a dictionary (or with flate) it does worse,
// because a one-kilobyte article has little history of its own to match
// against. The figures of each choice are in docs/performance.md
// ("Measurements behind the code").
//
// zstd is github.com/klauspost/compress: pure Go (kerko builds without cgo),
// the zstd most Go programs use, and it takes raw-content dictionaries, which
// cost nothing to make; a trained dictionary saved little for its build CPU.
//
// Each stored body is one zstd frame without its four magic bytes (they are
// the same in every frame). The frame names its dictionary by id, and an id is
// a hash of the dictionary's content, so a body decodes the same way in every
// generation that holds its dictionary. Each open generation has a decoder of
// its own dictionaries (generation.go).

const (
	// dictsFile, in a generation's directory, holds the dictionaries its
	// bodies were compressed with, one per language. An incremental build
	// starts from the published generation's, so old and new bodies share
	// them.
	dictsFile = "body-dicts.zst"
	// dictBytes is the size of a dictionary: zstd matches back 32 KB into
	// it cheaply; a larger one saved little and decoded slower.
	dictBytes = 32 << 10
	// dictSample is how many articles of a language a build holds back
	// before it makes that language's dictionary from them (the last
	// dictBytes of their bodies): enough articles that a corpus whose
	// files come one language and source after another still gives a
	// dictionary of the language, not of one source.
	dictSample = 500
)

var zstdMagic = [4]byte{0x28, 0xb5, 0x2f, 0xfd}

// dictID is the zstd dictionary id of a raw dictionary: a hash of its content,
// in the range the zstd format leaves for private use (≥ 32768).
func dictID(dict []byte) uint32 {
	h := fnv.New32a()
	h.Write(dict)
	return h.Sum32()&(1<<31-1) | 1<<15
}

// bodyDecoder decodes the bodies of one generation: a zstd decoder that
// knows that generation's dictionaries (a zstd decoder takes its
// dictionaries when it is made). It is safe for concurrent use.
type bodyDecoder struct {
	dec *zstd.Decoder
}

// newBodyDecoder returns a decoder for bodies compressed with dicts (by
// language), or without a dictionary.
func newBodyDecoder(dicts map[string][]byte) (*bodyDecoder, error) {
	opts := []zstd.DOption{
		// DecodeAll runs on the caller's goroutine; concurrency only sets
		// how many calls may run at once before one waits.
		zstd.WithDecoderConcurrency(runtime.GOMAXPROCS(0)),
		zstd.WithDecoderMaxMemory(64 << 20),
	}
	for _, lang := range slices.Sorted(maps.Keys(dicts)) {
		if d := dicts[lang]; len(d) > 0 {
			opts = append(opts, zstd.WithDecoderDictRaw(dictID(d), d))
		}
	}
	dec, err := zstd.NewReader(nil, opts...)
	if err != nil {
		return nil, fmt.Errorf("body decoder: %w", err)
	}
	return &bodyDecoder{dec: dec}, nil
}

// close releases the decoder; no decode may run after it.
func (d *bodyDecoder) close() { d.dec.Close() }

var decodeBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

// decode returns the text of a stored body.
func (d *bodyDecoder) decode(stored string) (string, error) {
	if stored == "" {
		return "", nil
	}
	bp := decodeBufs.Get().(*[]byte)
	in := append(append((*bp)[:0], zstdMagic[:]...), stored...)
	out, err := d.dec.DecodeAll(in, nil)
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
		// The fastest level: the default one stored bodies no smaller
		// with a raw dictionary, at twice the CPU; the "better" one
		// slightly smaller, for build CPU and decoding time on every hit.
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
	return nil
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
// Not in Bleve's internal metadata, whose bolt file they made several times
// larger.
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
	plain, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("read body dictionaries: %w", err)
	}
	defer plain.Close()
	b, err := plain.DecodeAll(z, nil)
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

package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blevesearch/vellum"
	"github.com/golang/snappy"
)

// runZapsize answers "where do the bytes of the index go?": it reads a zap
// segment file (format version 17, the one Bleve v2.6 writes) and splits its
// size by field into stored values, postings bitmaps, term frequencies and
// norms, positions, term dictionaries and doc values. It parses the file
// itself because zapx exports none of the offsets it needs; the layout is
// documented in zapx's zap.md and the writers in section_inverted_text_index.go
// and new.go.
func runZapsize(args []string) error {
	fs := flag.NewFlagSet("zapsize", flag.ContinueOnError)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("usage: kerko-bench zapsize FILE.zap|INDEX-DIR ...")
	}
	for _, arg := range fs.Args() {
		files, err := zapFiles(arg)
		if err != nil {
			return err
		}
		for _, f := range files {
			if err := printZapSize(f); err != nil {
				return fmt.Errorf("zapsize %s: %w", f, err)
			}
		}
	}
	return nil
}

// zapFiles lists the segment files under arg (a file or any folder above one).
func zapFiles(arg string) ([]string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{arg}, nil
	}
	var out []string
	err = filepath.WalkDir(arg, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".zap" {
			out = append(out, p)
		}
		return err
	})
	return out, err
}

const (
	zapVersion      = 17
	zapFooterSize   = 4 + 4 + 4 + 4 + 8 + 8 + 8 // id length, chunk mode, version, crc, three offsets
	zap1HitMask     = uint64(0xc000000000000000)
	zap1Hit         = uint64(0x8000000000000000)
	zapInvertedText = 0 // section type of the inverted text index
)

type fieldBytes struct {
	name                              string
	storedRaw, stored                 int // uncompressed, and its share of the snappy blocks
	terms, oneHit                     int
	bitmaps, freqNorm, locs, dict, dv int
	postingsRegion                    int // everything before the dictionary, as laid out
}

func (f *fieldBytes) total() int {
	return f.stored + f.postingsRegion + f.dict + f.dv
}

func printZapSize(path string) error {
	mem, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if len(mem) < zapFooterSize {
		return errors.New("too short for a zap footer")
	}
	n := len(mem)
	be := binary.BigEndian
	version := be.Uint32(mem[n-8:])
	if version != zapVersion {
		return fmt.Errorf("zap version %d, this reader knows %d", version, zapVersion)
	}
	sectionsIndex := be.Uint64(mem[n-20:])
	storedIndex := be.Uint64(mem[n-28:])
	numDocs := be.Uint64(mem[n-36:])

	uv := func(pos uint64) (uint64, uint64) {
		v, k := binary.Uvarint(mem[pos:])
		return v, pos + uint64(k)
	}

	// Field table.
	numFields, pos := uv(sectionsIndex)
	fields := make([]*fieldBytes, numFields)
	type fieldRec struct{ dvStart, dvEnd, dict, rec uint64 }
	recs := make([]fieldRec, numFields)
	for i := range fields {
		addr := be.Uint64(mem[pos+uint64(i)*8:])
		nameLen, p := uv(addr)
		fields[i] = &fieldBytes{name: string(mem[p : p+nameLen])}
		p += nameLen
		_, p = uv(p) // options
		ns, p := uv(p)
		for s := uint64(0); s < ns; s++ {
			typ := be.Uint16(mem[p:])
			sec := be.Uint64(mem[p+2:])
			p += 10
			if typ == zapInvertedText && sec != 0 {
				r := fieldRec{rec: sec}
				r.dvStart, sec = uv(sec)
				r.dvEnd, sec = uv(sec)
				r.dict, _ = uv(sec)
				recs[i] = r
			}
		}
	}

	// Stored values: one snappy block per document; each field is charged
	// its share of the block by uncompressed length.
	storedTotal := 0
	for d := uint64(0); d < numDocs; d++ {
		off := be.Uint64(mem[storedIndex+d*8:])
		metaLen, p := uv(off)
		dataLen, p := uv(p)
		meta := mem[p : p+metaLen]
		data := mem[p+metaLen : p+metaLen+dataLen]
		end := p + metaLen + dataLen
		storedTotal += int(end - off)
		idLen, k := binary.Uvarint(meta)
		meta = meta[k:]
		fields[0].storedRaw += int(idLen)
		fields[0].stored += int(idLen)
		block := data[idLen:]
		raw, err := snappy.DecodedLen(block)
		if err != nil {
			return fmt.Errorf("stored fields of doc %d: %w", d, err)
		}
		overhead := int(end-off) - len(block) - int(idLen)
		fields[0].stored += overhead // lengths and metadata
		for len(meta) > 0 {
			var vals [5]uint64
			for j := range vals {
				v, k := binary.Uvarint(meta)
				vals[j] = v
				meta = meta[k:]
			}
			for j := uint64(0); j < vals[4]; j++ { // array positions
				_, k := binary.Uvarint(meta)
				meta = meta[k:]
			}
			f := fields[vals[0]]
			f.storedRaw += int(vals[3])
			if raw > 0 {
				f.stored += int(vals[3]) * len(block) / raw
			}
		}
	}

	// Inverted index: per field, postings then dictionary then doc values
	// then the field's record, in field order.
	prevEnd := storedIndex + numDocs*8
	order := make([]int, 0, numFields)
	for i := range fields {
		if recs[i].rec != 0 {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return recs[order[a]].rec < recs[order[b]].rec })
	for _, i := range order {
		r, f := recs[i], fields[i]
		f.postingsRegion = int(r.dict - prevEnd)
		dictLen, p := uv(r.dict)
		f.dict = int(p - r.dict + dictLen)
		if r.dvEnd > r.dvStart && r.dvStart != ^uint64(0) {
			f.dv = int(r.dvEnd - r.dvStart)
		}
		_, e := uv(r.rec)
		_, e = uv(e)
		_, e = uv(e)
		f.dict += int(e - r.rec) // the field record itself
		prevEnd = e

		fst, err := vellum.Load(mem[p : p+dictLen])
		if err != nil {
			return fmt.Errorf("dictionary of %s: %w", f.name, err)
		}
		it, err := fst.Iterator(nil, nil)
		for err == nil {
			_, v := it.Current()
			f.terms++
			if v&zap1HitMask == zap1Hit {
				f.oneHit++
			} else {
				tf, q := uv(v)
				loc, q := uv(q)
				bl, q := uv(q)
				f.bitmaps += int(q - v + bl)
				if loc != 0 {
					f.freqNorm += int(loc - tf)
					f.locs += int(v - loc)
				} else if tf != 0 {
					f.freqNorm += int(v - tf)
				}
			}
			err = it.Next()
		}
		if !errors.Is(err, vellum.ErrIteratorDone) {
			return fmt.Errorf("dictionary of %s: %w", f.name, err)
		}
	}

	mib := func(b int) string { return fmt.Sprintf("%.2f", float64(b)/(1<<20)) }
	fmt.Printf("%s: %d docs, %s MiB (stored values %s MiB incl. doc index, inverted index from offset %d)\n\n",
		path, numDocs, mib(n), mib(storedTotal+int(numDocs)*8), prevEnd)
	fmt.Println("| field | stored raw | stored | terms (1-hit) | postings bitmaps | freq+norm | positions | dictionary | doc values | other | total MiB | B/doc |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	var sum fieldBytes
	for _, f := range fields {
		other := f.postingsRegion - f.bitmaps - f.freqNorm - f.locs
		fmt.Printf("| %s | %s | %s | %d (%d) | %s | %s | %s | %s | %s | %s | %s | %.0f |\n", f.name,
			mib(f.storedRaw), mib(f.stored), f.terms, f.oneHit, mib(f.bitmaps), mib(f.freqNorm), mib(f.locs),
			mib(f.dict), mib(f.dv), mib(other), mib(f.total()), float64(f.total())/float64(numDocs))
		sum.storedRaw += f.storedRaw
		sum.stored += f.stored
		sum.terms += f.terms
		sum.oneHit += f.oneHit
		sum.bitmaps += f.bitmaps
		sum.freqNorm += f.freqNorm
		sum.locs += f.locs
		sum.dict += f.dict
		sum.dv += f.dv
		sum.postingsRegion += f.postingsRegion
	}
	other := sum.postingsRegion - sum.bitmaps - sum.freqNorm - sum.locs
	fmt.Printf("| **all** | %s | %s | %d (%d) | %s | %s | %s | %s | %s | %s | %s | %.0f |\n\n",
		mib(sum.storedRaw), mib(sum.stored), sum.terms, sum.oneHit, mib(sum.bitmaps), mib(sum.freqNorm), mib(sum.locs),
		mib(sum.dict), mib(sum.dv), mib(other), mib(sum.total()), float64(sum.total())/float64(numDocs))
	return nil
}

package parquet

import (
	"errors"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go/format"
)

// errCorruptPage reports a page header that declares more bytes or
// values than its column chunk can hold.
var errCorruptPage = errors.New("corrupt page header")

// maxPageExpansion bounds a page's uncompressed size by its compressed
// size (zstd, gzip and snappy rarely exceed 100:1 on real columns);
// minPageLimit is the uncompressed size always allowed.
const (
	maxPageExpansion = 1024
	minPageLimit     = 64 << 20
)

// A pageHeader is what checkPages reads of a Thrift PageHeader.
type pageHeader struct {
	typ, uncompressed, compressed int64
	numValues                     int64 // of the data, data v2 or dictionary page header
	levels                        int64 // v2: repetition + definition level bytes
}

// checkPages walks the page headers of every column chunk of the file
// before parquet-go reads them, checking that each page fits in its
// chunk, its uncompressed size is at most maxPageExpansion times its
// compressed size (or minPageLimit), and the data pages hold no more
// values than the chunk. parquet-go v0.32.0 allocates a page's declared
// uncompressed size when it decompresses it: a corrupt header made it
// allocate 32 GB (a fatal error, not a panic; found by mutating files).
//
// Cost: one small read per page.
func checkPages(r io.ReaderAt, size int64, md *format.FileMetaData) error {
	for gi, rg := range md.RowGroups {
		for ci, cc := range rg.Columns {
			m := &cc.MetaData
			start := m.DataPageOffset
			if m.DictionaryPageOffset > 0 && m.DictionaryPageOffset < start {
				start = m.DictionaryPageOffset
			}
			end := start + m.TotalCompressedSize
			if start < 4 || m.TotalCompressedSize < 0 || end > size-8 || end < start {
				return fmt.Errorf("%w: row group %d column %d: bytes %d-%d of a %d-byte file", errCorruptPage, gi, ci, start, end, size)
			}
			var values int64
			for off := start; off < end; {
				h, n, err := readPageHeader(r, off, end)
				if err != nil {
					return fmt.Errorf("%w: row group %d column %d at byte %d: %v", errCorruptPage, gi, ci, off, err)
				}
				body := off + int64(n)
				switch {
				case h.compressed < 0 || h.compressed > end-body:
					err = fmt.Errorf("compressed size %d with %d bytes left in the chunk", h.compressed, end-body)
				case h.uncompressed < 0 || h.uncompressed > max(minPageLimit, maxPageExpansion*h.compressed):
					err = fmt.Errorf("uncompressed size %d for %d compressed bytes", h.uncompressed, h.compressed)
				case h.numValues < 0 || h.levels < 0 || h.levels > h.compressed:
					err = fmt.Errorf("%d values, %d level bytes", h.numValues, h.levels)
				}
				if err != nil {
					return fmt.Errorf("%w: row group %d column %d at byte %d: %v", errCorruptPage, gi, ci, off, err)
				}
				if h.typ != int64(format.DictionaryPage) {
					values += h.numValues
				}
				off = body + h.compressed
			}
			if values > m.NumValues {
				return fmt.Errorf("%w: row group %d column %d: pages hold %d values, the chunk %d", errCorruptPage, gi, ci, values, m.NumValues)
			}
		}
	}
	return nil
}

// readPageHeader reads the page header at off (before end): first 256
// bytes, then more while it does not parse, up to 1 MiB.
func readPageHeader(r io.ReaderAt, off, end int64) (pageHeader, int, error) {
	for n := int64(256); ; n *= 16 {
		n = min(n, end-off)
		buf := make([]byte, n)
		if _, err := r.ReadAt(buf, off); err != nil && err != io.EOF {
			return pageHeader{}, 0, err
		}
		p := thriftReader{walker{b: buf}}
		h, err := p.pageHeader()
		if err == nil {
			return h, p.i, nil
		}
		if n >= end-off || n >= 1<<20 { // a short read may cut a valid header: read more first
			return pageHeader{}, 0, err
		}
	}
}

// thriftReader reads the fields checkPages needs from a Thrift compact
// struct, skipping the others with walker's size checks.
type thriftReader struct{ walker }

var errTruncated = errors.New("truncated")

func (t *thriftReader) i32() (int64, error) {
	u, err := t.varint()
	if err != nil {
		return 0, err
	}
	return int64(u>>1) ^ -int64(u&1), nil // zigzag
}

// fields calls f for each field of a struct with its id and type; f
// reads the value or returns false to have it skipped.
func (t *thriftReader) fields(depth int, f func(id int, typ byte) (bool, error)) error {
	if depth > maxDepth {
		return errors.New("nesting too deep")
	}
	id := 0
	for {
		h, err := t.byte()
		if err != nil {
			return errTruncated
		}
		if h == 0 {
			return nil
		}
		if d := int(h >> 4); d != 0 {
			id += d
		} else {
			v, err := t.i32()
			if err != nil {
				return errTruncated
			}
			id = int(v)
		}
		typ := h & 0x0f
		done, err := f(id, typ)
		if err != nil {
			return err
		}
		if !done {
			if err := t.value(typ, depth+1); err != nil {
				if t.i >= len(t.b) {
					return errTruncated
				}
				return err
			}
		}
	}
}

func (t *thriftReader) pageHeader() (pageHeader, error) {
	var h pageHeader
	i32 := func(dst *int64) (bool, error) {
		v, err := t.i32()
		if err != nil {
			return false, errTruncated
		}
		*dst = v
		return true, nil
	}
	err := t.fields(0, func(id int, typ byte) (bool, error) {
		switch {
		case typ == 5 && id == 1:
			return i32(&h.typ)
		case typ == 5 && id == 2:
			return i32(&h.uncompressed)
		case typ == 5 && id == 3:
			return i32(&h.compressed)
		case typ == 12 && (id == 5 || id == 7 || id == 8): // data, dictionary, data v2 page headers
			var rep, def int64
			err := t.fields(1, func(id2 int, typ2 byte) (bool, error) {
				switch {
				case typ2 == 5 && id2 == 1:
					return i32(&h.numValues)
				case typ2 == 5 && id == 8 && id2 == 5:
					return i32(&def)
				case typ2 == 5 && id == 8 && id2 == 6:
					return i32(&rep)
				}
				return false, nil
			})
			if rep < 0 || def < 0 {
				h.levels = -1
			} else {
				h.levels = rep + def
			}
			return true, err
		}
		return false, nil
	})
	return h, err
}

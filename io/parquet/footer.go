package parquet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// errCorruptFooter reports file metadata that declares more elements or
// bytes than it holds.
var errCorruptFooter = errors.New("corrupt file metadata")

// checkFooter reads the Parquet footer (metadata, its 4-byte length,
// "PAR1") and walks the Thrift compact encoding of the metadata, checking
// that every declared list size and byte length fits in what remains.
// parquet-go v0.32.0 allocates whatever a corrupt length says, and an
// allocation of tens of gigabytes is a fatal runtime error, not a panic
// that can be recovered: found by mutating valid files in a test.
func checkFooter(r io.ReaderAt, size int64) error {
	if size < 12 {
		return fmt.Errorf("%w: file of %d bytes", errCorruptFooter, size)
	}
	var tail [8]byte
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return err
	}
	if string(tail[4:]) != "PAR1" {
		return fmt.Errorf("%w: no PAR1 at the end", errCorruptFooter)
	}
	n := int64(binary.LittleEndian.Uint32(tail[:4]))
	if n <= 0 || n > size-12 {
		return fmt.Errorf("%w: metadata length %d in a file of %d bytes", errCorruptFooter, n, size)
	}
	meta := make([]byte, n)
	if _, err := r.ReadAt(meta, size-8-n); err != nil {
		return err
	}
	w := walker{b: meta}
	if err := w.structure(0); err != nil {
		return fmt.Errorf("%w: %v", errCorruptFooter, err)
	}
	return nil
}

// walker skips Thrift compact-protocol values, checking sizes.
type walker struct {
	b []byte
	i int
}

func (w *walker) byte() (byte, error) {
	if w.i >= len(w.b) {
		return 0, errTruncated
	}
	w.i++
	return w.b[w.i-1], nil
}

func (w *walker) varint() (uint64, error) {
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		c, err := w.byte()
		if err != nil {
			return 0, err
		}
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x, nil
		}
	}
	return 0, errors.New("varint too long")
}

func (w *walker) skip(n uint64) error {
	if n > uint64(len(w.b)-w.i) {
		return fmt.Errorf("length %d with %d bytes left", n, len(w.b)-w.i)
	}
	w.i += int(n)
	return nil
}

const maxDepth = 64

func (w *walker) value(t byte, depth int) error {
	if depth > maxDepth {
		return errors.New("nesting too deep")
	}
	switch t {
	case 1, 2: // bool true/false (as a field, the value is in the type)
		return nil
	case 3: // byte
		return w.skip(1)
	case 4, 5, 6: // i16, i32, i64
		_, err := w.varint()
		return err
	case 7: // double
		return w.skip(8)
	case 8: // binary
		n, err := w.varint()
		if err != nil {
			return err
		}
		return w.skip(n)
	case 9, 10: // list, set
		h, err := w.byte()
		if err != nil {
			return err
		}
		n, et := uint64(h>>4), h&0x0f
		if n == 15 {
			if n, err = w.varint(); err != nil {
				return err
			}
		}
		if n > uint64(len(w.b)-w.i) && et != 1 && et != 2 {
			return fmt.Errorf("list of %d with %d bytes left", n, len(w.b)-w.i)
		}
		for k := uint64(0); k < n; k++ {
			if et == 1 || et == 2 { // bools in lists take a byte each
				if err := w.skip(1); err != nil {
					return err
				}
				continue
			}
			if err := w.value(et, depth+1); err != nil {
				return err
			}
		}
		return nil
	case 11: // map
		n, err := w.varint()
		if err != nil || n == 0 {
			return err
		}
		kv, err := w.byte()
		if err != nil {
			return err
		}
		if 2*n > uint64(len(w.b)-w.i) {
			return fmt.Errorf("map of %d with %d bytes left", n, len(w.b)-w.i)
		}
		for k := uint64(0); k < n; k++ {
			if err := w.value(kv>>4, depth+1); err != nil {
				return err
			}
			if err := w.value(kv&0x0f, depth+1); err != nil {
				return err
			}
		}
		return nil
	case 12: // struct
		return w.structure(depth + 1)
	}
	return fmt.Errorf("unknown type %d", t)
}

func (w *walker) structure(depth int) error {
	if depth > maxDepth {
		return errors.New("nesting too deep")
	}
	for {
		h, err := w.byte()
		if err != nil {
			return err
		}
		if h == 0 { // stop
			return nil
		}
		if h>>4 == 0 { // long form: field id follows as a zigzag varint
			if _, err := w.varint(); err != nil {
				return err
			}
		}
		if err := w.value(h&0x0f, depth); err != nil {
			return err
		}
	}
}

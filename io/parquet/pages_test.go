package parquet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/parquet-go/parquet-go/format"
)

// header encodes a data page header in Thrift compact form: type 0
// (DATA_PAGE), the sizes, and a data_page_header with num_values.
func header(uncompressed, compressed, values int64) []byte {
	zz := func(b []byte, v int64) []byte { return binary.AppendUvarint(b, uint64(v<<1^v>>63)) }
	b := []byte{0x15}
	b = zz(b, 0)
	b = append(b, 0x15)
	b = zz(b, uncompressed)
	b = append(b, 0x15)
	b = zz(b, compressed)
	b = append(b, 0x2c, 0x15) // field 5 (delta 2): struct; its field 1: i32
	b = zz(b, values)
	return append(b, 0, 0)
}

// chunkFile is "PAR1", one page (header + body), 8 trailing bytes, and
// metadata for one column chunk covering the page.
func chunkFile(h []byte, body int, chunkValues int64) ([]byte, *format.FileMetaData) {
	b := append([]byte("PAR1"), h...)
	b = append(b, make([]byte, body)...)
	b = append(b, make([]byte, 8)...)
	md := &format.FileMetaData{RowGroups: []format.RowGroup{{Columns: []format.ColumnChunk{{MetaData: format.ColumnMetaData{
		DataPageOffset: 4, TotalCompressedSize: int64(len(h) + body), NumValues: chunkValues}}}}}}
	return b, md
}

// TestCheckPages: a page header that claims more than its chunk holds is
// rejected before parquet-go would allocate what it claims (a corrupt
// uncompressed size made it allocate 32 GB and die).
func TestCheckPages(t *testing.T) {
	for _, c := range []struct {
		name                     string
		uncompressed, compressed int64
		values, chunkValues      int64
		body                     int
		ok                       bool
	}{
		{"valid", 200, 100, 10, 10, 100, true},
		{"uncompressed 2 GB for 100 bytes", 1<<31 - 1, 100, 10, 10, 100, false},
		{"uncompressed 64 MiB is always allowed", 64 << 20, 100, 10, 10, 100, true},
		{"compressed beyond the chunk", 200, 1 << 30, 10, 10, 100, false},
		{"negative size", -1, 100, 10, 10, 100, false},
		{"more values than the chunk", 200, 100, 1 << 30, 10, 100, false},
	} {
		data, md := chunkFile(header(c.uncompressed, c.compressed, c.values), c.body, c.chunkValues)
		err := checkPages(bytes.NewReader(data), int64(len(data)), md)
		if c.ok != (err == nil) || err != nil && !errors.Is(err, errCorruptPage) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	// A header cut by the chunk's end.
	h := header(200, 100, 10)
	data, md := chunkFile(h[:5], 0, 10)
	if err := checkPages(bytes.NewReader(data), int64(len(data)), md); err == nil {
		t.Error("truncated header: no error")
	}
	// A chunk outside the file.
	md.RowGroups[0].Columns[0].MetaData.TotalCompressedSize = 1 << 40
	if err := checkPages(bytes.NewReader(data), int64(len(data)), md); !errors.Is(err, errCorruptPage) {
		t.Errorf("chunk beyond the file: %v", err)
	}
}

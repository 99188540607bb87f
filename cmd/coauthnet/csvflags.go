package main

import (
	"flag"
	"io"
	"path/filepath"
	"strings"

	"github.com/coauthnet/coauthnet/io/table"
	"github.com/coauthnet/coauthnet/tables"
)

// csvFlags are --excel and --precision, taken by every command that
// writes tables as CSV (nodes, edges, communities, blocs, drift,
// report). JSON and Parquet keep full precision.
type csvFlags struct {
	excel     bool
	precision int
}

func (c *csvFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.excel, "excel", false, "CSV for Excel: start with the UTF-8 byte order mark, so that names such as Côte d'Ivoire are not garbled")
	fs.IntVar(&c.precision, "precision", table.DefaultDigits, "significant `digits` of numbers in CSV (values below 1e-12 of their column's largest are written 0); 0 writes every digit, exactly")
}

// options checks the flags and returns the CSV options.
func (c *csvFlags) options() (table.CSVOptions, error) {
	if c.precision < 0 || c.precision > 17 {
		return table.CSVOptions{}, usagef("--precision %d: want 1 to 17 significant digits, or 0 for every digit", c.precision)
	}
	o := table.CSVOptions{BOM: c.excel, Digits: c.precision}
	if c.precision == 0 {
		o = table.Exact
		o.BOM = c.excel
	}
	return o, nil
}

// tableOut checks -o against --format for commands that write one
// table: an -o ending in .json without --format means JSON; any other
// extension than the format's (.csv, .json) is a usage error, so that
// -o x.xlsx does not silently write CSV.
func tableOut(fs *flag.FlagSet, out string, format *string) error {
	if *format != "csv" && *format != "json" {
		return usagef("--format %q: want csv or json", *format)
	}
	if out == "-" {
		return nil
	}
	ext := strings.ToLower(filepath.Ext(out))
	if ext == ".json" && !isSet(fs, "format") {
		*format = "json"
	}
	if ext != "" && ext != "."+*format {
		return usagef("-o %s: a %s table is written as .%s (--format csv or json)", out, *format, *format)
	}
	return nil
}

// writeSheet writes t as format (csv with the options of c, or json).
func (c *csvFlags) writeSheet(w io.Writer, t *tables.Sheet, format string) error {
	if format != "csv" {
		return t.Write(w, format)
	}
	o, err := c.options()
	if err != nil {
		return err
	}
	return t.WriteCSV(w, o)
}

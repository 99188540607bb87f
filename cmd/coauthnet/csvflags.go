package main

import (
	"flag"
	"io"

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
	fs.IntVar(&c.precision, "precision", table.DefaultDigits, "significant `digits` of numbers in CSV (values below 1e-12 of their column's largest are written 0, p-values never); 0 writes every digit, exactly")
}

// options checks the flags and returns the CSV options.
func (c *csvFlags) options() (table.CSVOptions, error) {
	o, err := table.Precision(c.precision)
	if err != nil {
		return o, usagef("--%s", userMessage(err)) // "precision ...": the flag's name
	}
	o.BOM = c.excel
	return o, nil
}

// sheetFlags are -o, --format and the CSV flags of the commands that
// write one table (nodes, edges, communities, blocs, drift).
type sheetFlags struct {
	csvFlags
	format, out string
}

func (s *sheetFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.format, "format", "csv", "output `format`: csv or json")
	fs.StringVar(&s.out, "o", "-", "output `file`; - is standard output")
	s.csvFlags.register(fs)
}

// parse parses the command line of a command that writes one sheet
// (inputFlags.parseCommand), then checks the CSV flags and -o against
// --format (tables.OutputFormat): -o x.json alone means JSON, -o x.xlsx
// is an error. It returns the input files.
func (s *sheetFlags) parse(f *inputFlags, fs *flag.FlagSet, args []string) ([]string, error) {
	files, err := f.parseCommand(fs, args)
	if err != nil {
		return nil, err
	}
	if _, err := s.options(); err != nil {
		return nil, err
	}
	if s.format, err = tables.OutputFormat(s.out, s.format, isSet(fs, "format")); err != nil {
		return nil, usageError{err.Error()}
	}
	return files, nil
}

// write writes t to -o as --format, or what json writes when --format
// is json and json is not nil.
func (s *sheetFlags) write(e *env, t *tables.Sheet, json func() string) error {
	return writeFile(s.out, e.stdout, func(w io.Writer) error {
		switch {
		case s.format == "csv":
			o, _ := s.options() // checked
			return t.WriteCSV(w, o)
		case json != nil:
			_, err := io.WriteString(w, json())
			return err
		}
		return t.Write(w, s.format)
	})
}

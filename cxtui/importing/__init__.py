"""Reading files for every importer: bytes, encodings, CSV and XLSX rows, cell values."""

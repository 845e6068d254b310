"""One file in, numbered rows out: what every importer reads before it knows what the columns mean.

`open_table` reads CSV (UTF-8, UTF-8 with BOM, CP932, UTF-16; comma, tab or semicolon) and XLSX,
and numbers each row as a spreadsheet shows it (CSV records counted from 1 including header rows,
XLSX sheet rows). The SHA-256 of the file's bytes lets an importer refuse the same file twice.
Rows an importer cannot take are `RejectedRow`s, reported with their line and reason and saved with
`save_rejects_csv`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cxtui.i18n import t
from cxtui.importing.limits import MAX_COLUMNS, MAX_ROWS
from cxtui.importing.reading import (
    Row,
    _checked,
    check_not_legacy,
    choose_encoding,
    csv_file_rows,
    fail,
    first_text,
    is_xlsx,
    scan_file,
    sniff_delimiter,
    xlsx_rows,
)


@dataclass
class Table:
    """A file's rows, numbered, with what identifies the file."""

    source: str  # the file's name as the user gave it
    sha256: str  # of the file's bytes
    encoding: str  # "utf-8", "utf-8-sig", "cp932", "utf-16", "xlsx"
    rows: Iterator[tuple[int, Row]]  # (line, cells), header rows included; streamed


def open_table(path: Path | str, *, source_name: str | None = None) -> Table:
    """Open a CSV or XLSX file; InputError (one line) for a missing, empty, binary or legacy file,
    anything but a regular file, or a file over a limit (`cxtui.importing.limits`).

    The rows are read as they are consumed (a million-row file never sits in memory); a row over
    the column limit, or a file over the row limit, raises InputError naming the limit when reached.
    """
    file = Path(path)
    name = str(path)
    scan = scan_file(file)
    if not scan.head.strip():
        raise fail("importing.file.empty", name)
    check_not_legacy(scan.head, name)
    rows: Iterator[Row]
    if is_xlsx(scan.head) or file.suffix.lower() in (".xlsx", ".xlsm"):
        rows, encoding = xlsx_rows(file, name), "xlsx"
    else:
        encoding = choose_encoding(file, scan)
        head = _checked(first_text(file, encoding), name)
        if not head.strip():
            raise fail("importing.file.empty", name)
        rows = csv_file_rows(file, encoding, sniff_delimiter(head))
        if encoding.startswith("utf-16-"):
            encoding = "utf-16"
    return Table(source_name or file.name, scan.sha256, encoding, _limited(rows, name))


def _limited(rows: Iterator[Row], name: str) -> Iterator[tuple[int, Row]]:
    """Number the rows from 1, stopping with an InputError at the row or column limit."""
    number = 0
    for number, row in enumerate(rows, start=1):  # noqa: B007 (number is checked after the loop too)
        if len(row) > MAX_COLUMNS:
            raise fail("importing.limit.columns", name, line=number, limit=f"{MAX_COLUMNS:,}")
        if number > MAX_ROWS:
            raise fail("importing.limit.rows", name, limit=f"{MAX_ROWS:,}")
        yield number, row


@dataclass(frozen=True)
class RejectedRow:
    """A row that could not be imported, with why (shown, and saveable as CSV)."""

    line: int  # 1-based line (or sheet row) in the source file
    reason: str  # one line, in the current UI language
    raw: str  # the row as text, for the rejects CSV


def shown(value: str) -> str:
    """A cell quoted in a one-line reason: stripped, on one line, at most 40 characters."""
    text = " ".join(value.split())
    return text if len(text) <= 40 else text[:39] + "…"


def raw_line(row: Row) -> str:
    """The row as one CSV line (cells quoted as needed), for the rejects file."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row)
    return out.getvalue()


def save_rejects_csv(rejected: Sequence[RejectedRow], path: Path | str) -> None:
    """Write rejected rows (line, reason, raw row) as a CSV that Excel opens correctly (UTF-8 BOM),
    whole or not at all, no cell starting a formula; CxError (one line) when it cannot be written."""
    from cxtui.files import write_csv_atomically

    header = [t("importing.rejects.line"), t("importing.rejects.reason"), t("importing.rejects.row")]
    # Cells starting with = + - @ are neutralised there (a rejected cell is what the file held).
    write_csv_atomically(path, header, ([row.line, row.reason, row.raw] for row in rejected))

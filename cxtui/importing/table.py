"""One file in, numbered rows out: what every importer reads before it knows what the columns mean.

`open_table` reads CSV (UTF-8, UTF-8 with BOM, CP932, UTF-16; comma, tab or semicolon) and XLSX,
and numbers each row as a spreadsheet shows it (CSV records counted from 1 including header rows,
XLSX sheet rows). The SHA-256 of the file's bytes lets an importer refuse the same file twice.
Rows an importer cannot take are `RejectedRow`s, reported with their line and reason and saved with
`save_rejects_csv`.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.importing.reading import (
    Row,
    check_not_legacy,
    csv_rows,
    decode,
    fail,
    is_xlsx,
    read_bytes,
    sniff_delimiter,
    xlsx_rows,
)


@dataclass
class Table:
    """A file's rows, numbered, with what identifies the file."""

    source: str  # the file's name as the user gave it
    sha256: str  # of the file's bytes
    encoding: str  # "utf-8", "utf-8-sig", "cp932", "utf-16", "xlsx"
    rows: Iterator[tuple[int, Row]]  # (line, cells), header rows included


def open_table(path: Path | str, *, source_name: str | None = None) -> Table:
    """Open a CSV or XLSX file; InputError (one line) for a missing, empty, binary or legacy file."""
    file = Path(path)
    name = str(path)
    data = read_bytes(file)
    if not data.strip():
        raise fail("importing.file.empty", name)
    check_not_legacy(data, name)
    rows: Iterator[Row]
    if is_xlsx(data) or file.suffix.lower() in (".xlsx", ".xlsm"):
        rows, encoding = xlsx_rows(data, name), "xlsx"
    else:
        text, encoding = decode(data, name)
        if not text.strip():
            raise fail("importing.file.empty", name)
        rows = csv_rows(text, sniff_delimiter(text))
    return Table(
        source_name or file.name, hashlib.sha256(data).hexdigest(), encoding, enumerate(rows, start=1)
    )


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
    """Write rejected rows (line, reason, raw row) as a CSV that Excel opens correctly (UTF-8 BOM)."""
    try:
        with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                [t("importing.rejects.line"), t("importing.rejects.reason"), t("importing.rejects.row")]
            )
            for row in rejected:
                writer.writerow([row.line, row.reason, row.raw])
    except OSError as exc:
        raise CxError(t("importing.rejects.unwritable", path=path, reason=exc.strerror)) from None

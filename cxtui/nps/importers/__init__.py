"""Survey-export importers: one file in, a ParsedFile out, every data row accounted for.

Reads CSV (UTF-8, UTF-8 with BOM, CP932, UTF-16 "Unicode text"; comma, tab or semicolon) and XLSX,
recognises Google Forms, Microsoft Forms, SurveyMonkey, Typeform, Qualtrics and plain files, finds
the score / comment / segment / date columns, and reads every row in one pass.

Choices (see also the docstrings below):
- Line numbers are the row as a spreadsheet shows it: CSV records counted from 1 including header
  rows (a record whose quoted cell holds a newline counts once), XLSX sheet row numbers.
- Every data row is accepted, blank (no score, including an empty row) or rejected with a reason.
- A date that cannot be read rejects the row only when the date column was named explicitly;
  a detected date column that cannot be read leaves answered_at None and keeps the score.
- Dates are naive: the clock time written in the file (a UTC offset, if any, is dropped).
- Extra answers keep only non-blank cells of non-metadata columns (ids, e-mails, names, times and
  Qualtrics' *_NPS_GROUP are never kept: they are not answers, and some are personal data).
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from os import PathLike
from pathlib import Path

from cxtui.gcpause import gc_paused
from cxtui.i18n import t
from cxtui.importing.dates import DateReader
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
from cxtui.importing.table import RejectedRow, raw_line, shown
from cxtui.nps.importers.layout import (
    Layout,
    column_list,
    detect_layout,
    find_comment,
    find_date,
    find_score,
    find_segment,
    resolve,
)
from cxtui.nps.importers.values import SCORE_BLANK, parse_score
from cxtui.nps.models import DetectedColumns, ParsedFile, ParsedResponse

__all__ = ["parse_file", "parse_score"]

Column = str | int | None
PREVIEW_ROWS = 5
_SAMPLE_ROWS = 200  # data rows looked at to detect columns and the date format
_BAD_DATE = "nps.import.bad_date"


def parse_file(
    path: str | PathLike[str],
    *,
    score_column: Column = None,
    comment_column: Column = None,
    segment_column: Column = None,
    date_column: Column = None,
    source_name: str | None = None,
    max_rows: int | None = None,
) -> ParsedFile:
    """Read a survey export; columns may be named by header text or by 1-based position.

    Raises only cxtui.errors.InputError (missing, empty, binary or unreadable file, unknown
    encoding, no score column, a named column that does not exist).
    """
    try:
        return _parse(path, score_column, comment_column, segment_column, date_column, source_name, max_rows)
    except csv.Error as exc:  # e.g. a cell beyond the csv module's field size limit
        raise fail("nps.import.bad_csv", str(path), reason=str(exc)) from None


def _parse(
    path: str | PathLike[str],
    score_column: Column,
    comment_column: Column,
    segment_column: Column,
    date_column: Column,
    source_name: str | None,
    max_rows: int | None,
) -> ParsedFile:
    file = Path(path)
    name = str(path)
    data = read_bytes(file)
    if not data.strip():
        raise fail("nps.import.empty", name)
    check_not_legacy(data, name)
    rows: Iterator[Row]
    if is_xlsx(data) or file.suffix.lower() in (".xlsx", ".xlsm"):
        rows, encoding = xlsx_rows(data, name), "xlsx"
    else:
        text, encoding = decode(data, name)
        if not text.strip():
            raise fail("nps.import.empty", name)
        rows = csv_rows(text, sniff_delimiter(text))
    numbered = enumerate(rows, start=1)

    # The first rows decide the layout and the columns; leading blank rows are not data.
    head: list[tuple[int, Row]] = []
    for number, row in numbered:
        if head or any(cell.strip() for cell in row):
            head.append((number, row))
            if len(head) >= 3 + _SAMPLE_ROWS:
                break
    if not head:
        raise fail("nps.import.no_header", name)
    width = max(len(row) for _, row in head)
    layout = detect_layout([row for _, row in head[:3]], width)
    body = head[layout.header_rows :]
    sample = [row for _, row in body]

    taken: set[int] = set()
    si = _column(layout, score_column, name, "score_column", taken)
    if si is None:
        si = find_score(layout, sample)
        if si is None:
            raise fail("nps.import.no_score_column", name, "score_column", columns=column_list(layout))
    taken.add(si)
    ci = _column(layout, comment_column, name, "comment_column", taken)
    gi = _column(layout, segment_column, name, "segment_column", taken)
    di = _column(layout, date_column, name, "date_column", taken)
    if ci is None and comment_column is None:
        ci = find_comment(layout, si, taken)
        taken |= {ci} if ci is not None else set()
    if gi is None and segment_column is None:
        gi = find_segment(layout, taken)
        taken |= {gi} if gi is not None else set()
    if di is None and date_column is None:
        di = find_date(layout, taken)
        taken |= {di} if di is not None else set()

    parsed = ParsedFile(
        source=source_name or file.name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        layout=layout.name,
        columns=DetectedColumns(
            score=layout.headers[si],
            comment=None if ci is None else layout.headers[ci],
            segment=None if gi is None else layout.headers[gi],
            date=None if di is None else layout.headers[di],
        ),
        headers=layout.headers,
    )
    dates = DateReader(row[di] for row in sample if di is not None and di < len(row))
    todo: Iterable[tuple[int, Row]] = chain(body, numbered)
    if max_rows is not None:
        todo = islice(todo, max_rows)
    with gc_paused():
        _read_rows(parsed, layout, todo, si, ci, gi, di, dates, strict_dates=date_column is not None)
    return parsed


def _column(layout: Layout, given: Column, name: str, field: str, taken: set[int]) -> int | None:
    if given is None or given == "":
        return None
    index = resolve(layout, given, name, field)
    taken.add(index)
    return index


def _read_rows(
    parsed: ParsedFile,
    layout: Layout,
    rows: Iterable[tuple[int, Row]],
    si: int,
    ci: int | None,
    gi: int | None,
    di: int | None,
    dates: DateReader,
    *,
    strict_dates: bool,
) -> None:
    """The single pass over the data rows (hot loop: locals only, no per-row allocation to spare)."""
    extra_cols = _extra_keys(layout, {si, ci, gi, di})
    # An absent column is an index past the end of any row, so the hot loop needs no None checks.
    ci = sys.maxsize if ci is None else ci
    gi = sys.maxsize if gi is None else gi
    responses = parsed.responses
    blank = parsed.blank_lines
    rejected = parsed.rejected
    preview = parsed.preview
    preview_left = PREVIEW_ROWS
    # A score column holds a handful of distinct strings: parse each once.
    scores: dict[str, int | str] = {}
    response = ParsedResponse
    for number, row in rows:
        width = len(row)
        if preview_left and any(cell.strip() for cell in row):
            preview.append(list(row))
            preview_left -= 1
        cell = row[si] if si < width else ""
        score = scores.get(cell)
        if score is None:
            score = scores[cell] = parse_score(cell)
        if isinstance(score, str):
            rejected.append(RejectedRow(number, t(score, value=shown(row[si])), raw_line(row)))
            continue
        if score == SCORE_BLANK:
            blank.append(number)
            continue
        when = None
        if di is not None and di < width:
            cell = row[di]
            if cell:
                when = dates(cell)
                if when is None and strict_dates and cell.strip():
                    rejected.append(RejectedRow(number, t(_BAD_DATE, value=shown(cell)), raw_line(row)))
                    continue
        extra: dict[str, str] = {}
        for i, key in extra_cols:
            if i < width:
                value = row[i].strip()
                if value:
                    extra[key] = value
        responses.append(
            response(
                number,
                score,
                row[ci].strip() if ci < width else "",
                row[gi].strip() if gi < width else "",
                when,
                extra,
            )
        )


def _extra_keys(layout: Layout, taken: set[int | None]) -> list[tuple[int, str]]:
    """(column, key) of the other answers to keep; repeated headers get " (2)", " (3)"..."""
    keys: list[tuple[int, str]] = []
    used: set[str] = set()
    for i, header in enumerate(layout.headers):
        if i in taken or layout.is_metadata(i):
            continue
        key, n = header, 1
        while key in used:
            n += 1
            key = f"{header} ({n})"
        used.add(key)
        keys.append((i, key))
    return keys

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

import sys
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from os import PathLike
from pathlib import Path

from cxtui.errors import InputError
from cxtui.gcpause import gc_paused
from cxtui.i18n import t
from cxtui.importing.dates import DateReader
from cxtui.importing.limits import DATE_MAX, DATE_MIN, MAX_ARGUMENT_CHARS
from cxtui.importing.reading import Row, fail
from cxtui.importing.table import RejectedRow, open_table, raw_line, shown
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

__all__ = ["open_export", "parse_file", "parse_score"]

Column = str | int | None
PREVIEW_ROWS = 5
BATCH_ROWS = 5_000  # answers handed to the store at a time
_SAMPLE_ROWS = 200  # data rows looked at to detect columns and the date format
_BAD_DATE = "nps.import.bad_date"
_DATE_RANGE = "nps.import.date_out_of_range"
DATE_FORMATS = ("dmy", "mdy")


class AmbiguousDatesError(InputError):
    """Dates such as 03/04/2026 could be read either way and no row of the file settles it."""


class SmallScaleError(InputError):
    """The score column holds only 1–5 answers: a satisfaction scale, not a 0–10 NPS question."""


def parse_file(
    path: str | PathLike[str],
    *,
    score_column: Column = None,
    comment_column: Column = None,
    segment_column: Column = None,
    date_column: Column = None,
    source_name: str | None = None,
    max_rows: int | None = None,
    date_format: str | None = None,
    force_scale: bool = False,
) -> ParsedFile:
    """Read a survey export whole; columns may be named by header text or by 1-based position.

    Raises only cxtui.errors.InputError (missing, empty, binary or unreadable file, unknown
    encoding, a limit of `cxtui.importing.limits`, no score column, a named column that does not
    exist, dates that no row settles as D/M or M/D, a score column of 1–5 answers only).
    """
    parsed = open_export(
        path,
        score_column=score_column,
        comment_column=comment_column,
        segment_column=segment_column,
        date_column=date_column,
        source_name=source_name,
        max_rows=max_rows,
        date_format=date_format,
        force_scale=force_scale,
    )
    with gc_paused():
        return parsed.read_all()


def check_argument(value: Column, option: str) -> None:
    """InputError when a column argument is longer than the limit (it is shown in messages)."""
    if isinstance(value, str) and len(value) > MAX_ARGUMENT_CHARS:
        raise InputError(
            t("importing.limit.argument", option=option, limit=f"{MAX_ARGUMENT_CHARS:,}"),
            field=option.lstrip("-").replace("-", "_"),
        )


def open_export(
    path: str | PathLike[str],
    *,
    score_column: Column = None,
    comment_column: Column = None,
    segment_column: Column = None,
    date_column: Column = None,
    source_name: str | None = None,
    max_rows: int | None = None,
    date_format: str | None = None,
    force_scale: bool = False,
) -> ParsedFile:
    """Read a survey export's header and first rows and return it with the rest still to read
    (`ParsedFile.batches()`), so a million-row file is stored without ever being in memory whole.

    Errors found only at the end of the file (ambiguous dates, a 1–5 scale) are raised by the last
    batch: the caller's transaction then rolls back and nothing is stored.
    """
    for value, option in (
        (score_column, "--score-column"),
        (comment_column, "--comment-column"),
        (segment_column, "--segment-column"),
        (date_column, "--date-column"),
    ):
        check_argument(value, option)
    if date_format is not None and date_format not in DATE_FORMATS:
        raise InputError(t("nps.import.bad_date_format", value=shown(date_format)), field="date_format")
    name = str(path)
    table = open_table(Path(path), source_name=source_name)
    numbered = table.rows

    # The first rows decide the layout and the columns; leading blank rows are not data.
    head: list[tuple[int, Row]] = []
    for number, row in numbered:
        if head or any(cell.strip() for cell in row):
            head.append((number, row))
            if len(head) >= 3 + _SAMPLE_ROWS:
                break
    if not head:
        raise fail("nps.import.empty", name)
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
        gi = find_segment(layout, taken, sample)
        taken |= {gi} if gi is not None else set()
    if di is None and date_column is None:
        di = find_date(layout, taken)
        taken |= {di} if di is not None else set()

    parsed = ParsedFile(
        source=table.source,
        sha256=table.sha256,
        encoding=table.encoding,
        layout=layout.name,
        columns=DetectedColumns(
            score=layout.headers[si],
            comment=None if ci is None else layout.headers[ci],
            segment=None if gi is None else layout.headers[gi],
            date=None if di is None else layout.headers[di],
        ),
        headers=layout.headers,
    )
    dates = DateReader((row[di] for row in sample if di is not None and di < len(row)), order=date_format)
    todo: Iterable[tuple[int, Row]] = chain(body, numbered)
    if max_rows is not None:
        todo = islice(todo, max_rows)
    reading = _Reading(parsed, layout, si, ci, gi, di, dates, strict_dates=date_column is not None)
    parsed.pending = _checked_batches(reading, todo, name, force_scale=force_scale)
    return parsed


def _column(layout: Layout, given: Column, name: str, field: str, taken: set[int]) -> int | None:
    if given is None or given == "":
        return None
    index = resolve(layout, given, name, field)
    taken.add(index)
    return index


def _checked_batches(
    reading: _Reading, rows: Iterable[tuple[int, Row]], name: str, *, force_scale: bool
) -> Iterator[list[ParsedResponse]]:
    """The answers in batches; batches with a guessed D/M order are held until the file settles it."""
    dates = reading.dates
    held: list[list[ParsedResponse]] = []
    for batch in reading.batches(rows):
        held.append(batch)
        # Released once every guessed date is certain (fixed first if the file turned out D/M/Y).
        if dates.settled:
            yield from reading.release(held)
            held = []
    parsed = reading.parsed
    if held:
        if dates.decided is None:
            raise AmbiguousDatesError(t("nps.import.ambiguous_dates", path=name), field="date_format")
        yield from reading.release(held)
    parsed.date_order = dates.order
    parsed.date_order_by = dates.decided
    if not force_scale:
        scores = {score for score in reading.scores.values() if isinstance(score, int) and score >= 0}
        if scores and scores <= {1, 2, 3, 4, 5}:
            raise SmallScaleError(
                t("nps.import.small_scale", column=parsed.columns.score, path=name), field="score_column"
            )


class _Reading:
    """The single pass over the data rows (hot loop: locals only, no per-row allocation to spare)."""

    def __init__(
        self,
        parsed: ParsedFile,
        layout: Layout,
        si: int,
        ci: int | None,
        gi: int | None,
        di: int | None,
        dates: DateReader,
        *,
        strict_dates: bool,
    ) -> None:
        self.parsed = parsed
        self.layout = layout
        self.columns = si, ci, gi, di
        self.dates = dates
        self.strict_dates = strict_dates
        # A score column holds a handful of distinct strings: parse each once.
        self.scores: dict[str, int | str] = {}
        # Lines of answers whose date was an M/D guess (fixed if the file turns out D/M).
        self.guessed: set[int] = set()

    def release(self, held: list[list[ParsedResponse]]) -> Iterator[list[ParsedResponse]]:
        """Held batches, their guessed dates swapped to D/M/Y if that is what the file settled on."""
        swap = self.dates.day_first
        guessed = self.guessed
        for batch in held:
            if swap:
                batch = [
                    r
                    if r.answered_at is None or r.line not in guessed
                    else ParsedResponse(
                        r.line,
                        r.score,
                        r.comment,
                        r.segment,
                        DateReader.swap_day_month(r.answered_at),
                        r.extra,
                    )
                    for r in batch
                ]
            yield batch
        guessed.clear()

    def batches(self, rows: Iterable[tuple[int, Row]]) -> Iterator[list[ParsedResponse]]:
        """Accepted answers, BATCH_ROWS at a time; blank and rejected rows go to the ParsedFile."""
        parsed, layout = self.parsed, self.layout
        si, ci_, gi_, di = self.columns
        dates = self.dates
        strict_dates = self.strict_dates
        extra_cols = _extra_keys(layout, {si, ci_, gi_, di})
        # An absent column is an index past the end of any row, so the hot loop needs no None checks.
        ci = sys.maxsize if ci_ is None else ci_
        gi = sys.maxsize if gi_ is None else gi_
        blank = parsed.blank_lines
        rejected = parsed.rejected
        preview = parsed.preview
        preview_left = PREVIEW_ROWS
        scores = self.scores
        guessed = self.guessed
        low, high = DATE_MIN.year, DATE_MAX.year
        response = ParsedResponse
        batch: list[ParsedResponse] = []
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
                    before = dates.ambiguous
                    when = dates(cell)
                    if when is None:
                        if strict_dates and cell.strip():
                            rejected.append(
                                RejectedRow(number, t(_BAD_DATE, value=shown(cell)), raw_line(row))
                            )
                            continue
                    elif not low <= when.year <= high:
                        reason = t(
                            _DATE_RANGE,
                            value=shown(cell),
                            first=DATE_MIN.isoformat(),
                            last=DATE_MAX.isoformat(),
                        )
                        rejected.append(RejectedRow(number, reason, raw_line(row)))
                        continue
                    elif dates.ambiguous != before:
                        guessed.add(number)
            extra: dict[str, str] = {}
            for i, key in extra_cols:
                if i < width:
                    value = row[i].strip()
                    if value:
                        extra[key] = value
            batch.append(
                response(
                    number,
                    score,
                    row[ci].strip() if ci < width else "",
                    row[gi].strip() if gi < width else "",
                    when,
                    extra,
                )
            )
            if len(batch) >= BATCH_ROWS:
                yield batch
                batch = []
        if batch:
            yield batch


def _extra_keys(layout: Layout, taken: set[int | None]) -> list[tuple[int, str]]:
    """(column, key) of the other answers to keep; repeated headers get " (2)", " (3)"...

    Linear in the number of columns: each header remembers the last number it was given, so
    10,000 copies of one header do not rescan 1..n each time.
    """
    keys: list[tuple[int, str]] = []
    used: set[str] = set()
    last: dict[str, int] = {}
    for i, header in enumerate(layout.headers):
        if i in taken or layout.is_metadata(i):
            continue
        key, n = header, last.get(header, 1)
        if n > 1:
            key = f"{header} ({n})"
        while key in used:
            n += 1
            key = f"{header} ({n})"
        last[header] = n
        used.add(key)
        keys.append((i, key))
    return keys

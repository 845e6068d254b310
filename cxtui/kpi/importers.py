"""Importing KPI values from a CSV or XLSX file, with the same rules as the NPS importers.

Two layouts, told apart by the header row (English or Japanese, any case or width):
- long: a date, a KPI name and a value per row (`date,kpi,value[,note]`, `日付,指標,値[,メモ]`);
- wide: a date column and one column per KPI (`date,Walk-aways,Repeat visits`).

Every data row is imported, skipped (blank) or rejected with its line and reason: a date or value
that cannot be read, an unknown KPI (unless `create_missing`), a KPI whose values come from the NPS
answers or the cycle log, a second value for the same KPI and date (in the file or already in the
workspace). Cells read as people type them: full-width digits, `12%`, `12,345円`. The whole import
is one transaction and one undo step, and the same file (by SHA-256) is never imported twice.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.importing.dates import DateReader
from cxtui.importing.limits import date_range_problem
from cxtui.importing.table import RejectedRow, open_table, raw_line, shown
from cxtui.importing.values import norm, parse_month, parse_number

# Header names (compared after `norm`: NFKC, case-folded, spaces collapsed).
DATE_HEADERS = frozenset(
    {
        "date",
        "day",
        "week",
        "month",
        "period",
        "日付",
        "日",
        "年月日",
        "週",
        "月",
        "年月",
        "期間",
        "測定日",
        "記録日",
    }
)
KPI_HEADERS = frozenset(
    {
        "kpi",
        "kpi name",
        "name",
        "metric",
        "measure",
        "indicator",
        "指標",
        "指標名",
        "kpi名",
        "項目",
        "名前",
        "名称",
    }
)
VALUE_HEADERS = frozenset({"value", "amount", "result", "actual", "値", "数値", "実績", "実績値", "結果"})
NOTE_HEADERS = frozenset({"note", "notes", "memo", "comment", "メモ", "備考", "コメント", "注記"})

_SAMPLE = 200  # data rows the date reader learns its format from
BATCH_ROWS = 5_000  # values checked and stored at a time


@dataclass
class Candidate:
    """A value read from the file, before its KPI is looked up."""

    line: int
    name: str
    day: str  # ISO date
    value: float
    note: str
    row: list[str]


@dataclass
class ParsedKpiFile:
    """A file whose header was read: its identity and layout. Its rows are read as `batches()` asks
    for them (memory stays flat however long the file is); every row is accounted for on the way,
    as a value, in `skipped` or in `rejected`."""

    source: str
    sha256: str
    encoding: str
    layout: str  # "long" | "wide"
    headers: list[str]
    skipped: list[int] = field(default_factory=list)  # lines with no value at all
    rejected: list[RejectedRow] = field(default_factory=list)
    read: Callable[[], Iterator[Candidate]] | None = field(default=None, repr=False)

    def batches(self) -> Iterator[list[Candidate]]:
        """The file's values, BATCH_ROWS at a time (the rows can be read once)."""
        read, self.read = self.read, None
        if read is None:
            return
        batch: list[Candidate] = []
        try:
            for item in read():
                batch.append(item)
                if len(batch) >= BATCH_ROWS:
                    yield batch
                    batch = []
        except csv.Error as exc:
            raise InputError(
                t("kpi.import.bad_csv", path=self.source, reason=str(exc)), field="source"
            ) from None
        if batch:
            yield batch


def _find(headers: list[str], names: frozenset[str]) -> int | None:
    for index, header in enumerate(headers):
        if norm(header) in names:
            return index
    return None


def parse_file(path: Path | str, *, source_name: str | None = None) -> ParsedKpiFile:
    """Read a long or wide KPI file; InputError (one line) for a file that cannot be read at all."""
    table = open_table(path, source_name=source_name)
    rows = table.rows
    try:
        header: list[str] | None = None
        for _number, row in rows:
            if any(cell.strip() for cell in row):
                header = [cell.strip() for cell in row]
                break
        if header is None:
            raise InputError(t("kpi.import.no_header", path=str(path)), field="source")
        di = _find(header, DATE_HEADERS)
        ki = _find(header, KPI_HEADERS)
        vi = _find(header, VALUE_HEADERS)
        ni = _find(header, NOTE_HEADERS)
        long = ki is not None and vi is not None
        if di is None:
            if long:
                raise InputError(t("kpi.import.no_date_column", path=str(path)), field="source")
            di = 0  # wide without a recognised date header: the first column holds the dates
        parsed = ParsedKpiFile(table.source, table.sha256, table.encoding, "long" if long else "wide", header)
        head = list(islice(rows, _SAMPLE))  # the date reader learns the file's format from these
        sample = [row[di] for _n, row in head if di < len(row) and row[di].strip()]
        reader = _DayReader(sample)
        body = chain(head, rows)
        if long:
            assert ki is not None and vi is not None
            long_ki, long_vi = ki, vi
            parsed.read = lambda: _read_long(parsed, body, di, long_ki, long_vi, ni, reader)
        else:
            columns = [(i, h) for i, h in enumerate(header) if i not in (di, ni) and h]
            if not columns:
                raise InputError(t("kpi.import.no_kpi_columns", path=str(path)), field="source")
            parsed.read = lambda: _read_wide(parsed, body, di, columns, ni, reader)
        return parsed
    except csv.Error as exc:
        raise InputError(t("kpi.import.bad_csv", path=str(path), reason=str(exc)), field="source") from None


class _DayReader:
    """Dates as spreadsheets write them (and months, `2026-05`, for monthly KPIs) as ISO text, each
    text read once (a long file repeats every date once per KPI)."""

    __slots__ = ("cache", "reader")

    def __init__(self, sample: list[str]) -> None:
        self.reader = DateReader(sample)
        self.cache: dict[str, str | None] = {}

    def __call__(self, text: str) -> str | None:
        try:
            return self.cache[text]
        except KeyError:
            pass
        when = self.reader(text) if text.strip() else None
        day = when.date() if when is not None else parse_month(text) if text.strip() else None
        iso = None if day is None else day.isoformat()
        self.cache[text] = iso
        return iso


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return parse_number(text)
    return value if value == value and value not in (float("inf"), float("-inf")) else None


def _read_long(
    parsed: ParsedKpiFile,
    body: Iterable[tuple[int, list[str]]],
    di: int,
    ki: int,
    vi: int,
    ni: int | None,
    reader: _DayReader,
) -> Iterator[Candidate]:
    """One value per row (hot loop over 100,000 rows: locals only)."""
    skipped, rejected = parsed.skipped, parsed.rejected
    for number, row in body:
        width = len(row)
        name = row[ki].strip() if ki < width else ""
        cell = row[vi].strip() if vi < width else ""
        day_text = row[di].strip() if di < width else ""
        if not cell:  # a blank row, or a KPI and date without a value: nothing to store
            skipped.append(number)
            continue
        if not name:
            rejected.append(RejectedRow(number, t("kpi.import.no_name"), raw_line(row)))
            continue
        day = reader(day_text)
        if day is None:
            reason = t("kpi.import.bad_date", value=shown(day_text)) if day_text else t("kpi.import.no_date")
            rejected.append(RejectedRow(number, reason, raw_line(row)))
            continue
        outside = date_range_problem(day, shown(day_text))
        if outside:
            rejected.append(RejectedRow(number, outside, raw_line(row)))
            continue
        value = _number(cell)
        if value is None:
            rejected.append(RejectedRow(number, t("kpi.import.bad_value", value=shown(cell)), raw_line(row)))
            continue
        note = row[ni].strip() if ni is not None and ni < width else ""
        yield Candidate(number, name, day, value, note, row)


def _read_wide(
    parsed: ParsedKpiFile,
    body: Iterable[tuple[int, list[str]]],
    di: int,
    columns: list[tuple[int, str]],
    ni: int | None,
    reader: _DayReader,
) -> Iterator[Candidate]:
    """A date and one value per KPI column on each row; a blank cell is no value."""
    skipped, rejected = parsed.skipped, parsed.rejected
    for number, row in body:
        width = len(row)
        cells = [(name, row[i].strip()) for i, name in columns if i < width and row[i].strip()]
        if not cells:
            skipped.append(number)
            continue
        day_text = row[di].strip() if di < width else ""
        day = reader(day_text)
        if day is None:
            reason = t("kpi.import.bad_date", value=shown(day_text)) if day_text else t("kpi.import.no_date")
            rejected.append(RejectedRow(number, reason, raw_line(row)))
            continue
        outside = date_range_problem(day, shown(day_text))
        if outside:
            rejected.append(RejectedRow(number, outside, raw_line(row)))
            continue
        note = row[ni].strip() if ni is not None and ni < width else ""
        for name, cell in cells:
            value = _number(cell)
            if value is None:
                reason = t("kpi.import.bad_cell", kpi=shown(name), value=shown(cell))
                rejected.append(RejectedRow(number, reason, raw_line(row)))
                continue
            yield Candidate(number, name, day, value, note, row)

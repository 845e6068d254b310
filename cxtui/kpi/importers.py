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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.gcpause import gc_paused
from cxtui.i18n import t
from cxtui.ids import new_ids, utc_now
from cxtui.importing.dates import DateReader
from cxtui.importing.limits import date_range_problem
from cxtui.importing.table import RejectedRow, open_table, raw_line, shown
from cxtui.importing.values import norm, parse_month, parse_number
from cxtui.kpi.models import LAYER_CADENCE, LAYER_MODELS, Kpi, Source
from cxtui.kpi.repo import kpis, layer_model
from cxtui.models import to_row
from cxtui.validation import checked

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


class AlreadyImportedError(InputError):
    """The same file (same SHA-256) was already imported; nothing was changed."""

    exit_code = 1


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
    """What a file holds: its identity, its layout and every row accounted for."""

    source: str
    sha256: str
    encoding: str
    layout: str  # "long" | "wide"
    headers: list[str]
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # lines with no value at all
    rejected: list[RejectedRow] = field(default_factory=list)


@dataclass
class KpiImportResult:
    """What an import stored and what it left out, line by line."""

    source: str
    encoding: str
    layout: str
    imported: int
    kpis: int  # KPIs that received values
    created: list[str]  # names of KPIs created (create_missing)
    skipped: list[int]
    rejected: list[RejectedRow]
    import_id: str | None  # None when nothing was stored


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
        body = list(rows)
        sample = [row[di] for _n, row in body[:_SAMPLE] if di < len(row) and row[di].strip()]
        reader = _DayReader(sample)
        with gc_paused():
            if long:
                assert ki is not None and vi is not None
                _read_long(parsed, body, di, ki, vi, ni, reader)
            else:
                columns = [(i, h) for i, h in enumerate(header) if i not in (di, ni) and h]
                if not columns:
                    raise InputError(t("kpi.import.no_kpi_columns", path=str(path)), field="source")
                _read_wide(parsed, body, di, columns, ni, reader)
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
    body: list[tuple[int, list[str]]],
    di: int,
    ki: int,
    vi: int,
    ni: int | None,
    reader: _DayReader,
) -> None:
    """One value per row (hot loop over 100,000 rows: locals only)."""
    candidates, skipped, rejected = parsed.candidates, parsed.skipped, parsed.rejected
    add = candidates.append
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
        add(Candidate(number, name, day, value, note, row))


def _read_wide(
    parsed: ParsedKpiFile,
    body: list[tuple[int, list[str]]],
    di: int,
    columns: list[tuple[int, str]],
    ni: int | None,
    reader: _DayReader,
) -> None:
    """A date and one value per KPI column on each row; a blank cell is no value."""
    candidates, skipped, rejected = parsed.candidates, parsed.skipped, parsed.rejected
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
            candidates.append(Candidate(number, name, day, value, note, row))


def import_parsed(
    store: Store, parsed: ParsedKpiFile, *, create_missing: bool = False, layer: str | None = None
) -> KpiImportResult:
    """Store the values of a parsed file as ONE transaction and one undo step.

    AlreadyImportedError when a file with the same SHA-256 was imported before. Unknown KPI names
    are rejected row by row, or created in `layer` (default: the first layer of the workspace's
    model) with `create_missing`. Nothing is recorded when no value could be stored, so the file
    can be imported again once fixed (or with `create_missing`).
    """
    done = store.rows("SELECT source, imported_at FROM kpi_imports WHERE sha256 = ?", [parsed.sha256])
    if done:
        raise AlreadyImportedError(
            t("kpi.import.already", source=parsed.source, when=str(done[0]["imported_at"])[:10],
              first=done[0]["source"]),
            field="source",
        )  # fmt: skip
    model = layer_model(store)
    new_layer = layer or LAYER_MODELS[model][0]
    if new_layer not in LAYER_MODELS["3"] + LAYER_MODELS["4"]:
        raise InputError(t("kpi.err.bad_layer_name", layer=new_layer), field="layer")
    known: dict[str, Kpi] = {}
    for kpi in kpis(store):
        known.setdefault(norm(kpi.name), kpi)
    rejected = list(parsed.rejected)
    created: list[Kpi] = []
    stamp = utc_now()
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], int] = {}
    existing = _existing_values(store, parsed.candidates)
    keys: dict[str, str] = {}  # a file repeats its KPI names: fold each once
    with gc_paused():
        for item in parsed.candidates:
            key = keys.get(item.name)
            if key is None:
                key = keys[item.name] = norm(item.name)
            found = known.get(key)
            if found is None:
                if not create_missing:
                    reason = t("kpi.import.unknown_kpi", name=shown(item.name))
                    rejected.append(RejectedRow(item.line, reason, raw_line(item.row)))
                    continue
                found = checked(
                    Kpi(name=item.name, layer=new_layer, cadence=LAYER_CADENCE[new_layer], position=0)
                )
                known[key] = found
                created.append(found)
            kpi = found
            if kpi.source is not Source.typed:
                reason = t(
                    "kpi.import.derived", name=shown(kpi.name), source=t(f"kpi.source.{kpi.source.value}")
                )
                rejected.append(RejectedRow(item.line, reason, raw_line(item.row)))
                continue
            pair = (kpi.id, item.day)
            first = seen.get(pair)
            if first is not None:
                reason = t("kpi.import.twice", name=shown(kpi.name), date=item.day, first=first)
                rejected.append(RejectedRow(item.line, reason, raw_line(item.row)))
                continue
            stored = existing.get(pair)
            if stored is not None:
                reason = t("kpi.import.exists", name=shown(kpi.name), date=item.day, value=stored)
                rejected.append(RejectedRow(item.line, reason, raw_line(item.row)))
                continue
            seen[pair] = item.line
            rows.append(
                {"id": "", "kpi_id": kpi.id, "date": item.day, "value": item.value,
                 "note": item.note, "import_id": None, "created": stamp, "updated": stamp}
            )  # fmt: skip
    rejected.sort(key=lambda r: r.line)
    if not rows:
        return KpiImportResult(
            parsed.source, parsed.encoding, parsed.layout, 0, 0, [], parsed.skipped, rejected, None
        )
    ids = new_ids(len(rows) + 1)
    import_id = ids.pop()
    for pk, row in zip(ids, rows, strict=True):
        row["id"] = pk
        row["import_id"] = import_id
    used = {str(row["kpi_id"]) for row in rows}
    created = [kpi for kpi in created if kpi.id in used]
    with gc_paused(), store.action(t("kpi.act.import", source=parsed.source)):
        _insert_created(store, created)
        store.insert_row(
            "kpi_imports",
            {"id": import_id, "sha256": parsed.sha256, "source": parsed.source, "encoding": parsed.encoding,
             "layout": parsed.layout, "imported": len(rows), "rejected": len(rejected), "imported_at": stamp},
        )  # fmt: skip
        store.insert_rows("kpi_values", rows)
    return KpiImportResult(
        parsed.source,
        parsed.encoding,
        parsed.layout,
        len(rows),
        len(used),
        [kpi.name for kpi in created],
        parsed.skipped,
        rejected,
        import_id,
    )


def _existing_values(store: Store, candidates: list[Candidate]) -> dict[tuple[str, str], float]:
    """The values already stored within the file's dates, by (KPI id, date)."""
    if not candidates:
        return {}
    first = min(c.day for c in candidates)
    last = max(c.day for c in candidates)
    sql = "SELECT kpi_id, date, value FROM kpi_values WHERE date BETWEEN ? AND ?"
    return {(str(k), str(d)): float(v) for k, d, v in store.conn.execute(sql, [first, last])}


def _insert_created(store: Store, created: list[Kpi]) -> None:
    positions: dict[str, int] = {}
    for row in store.rows("SELECT layer, max(position) AS top FROM kpis GROUP BY layer"):
        positions[str(row["layer"])] = int(row["top"]) + 1
    for kpi in created:
        kpi.position = positions.get(kpi.layer, 0)
        positions[kpi.layer] = kpi.position + 1
        store.insert_row("kpis", to_row(kpi))


def import_file(
    store: Store,
    path: Path | str,
    *,
    create_missing: bool = False,
    layer: str | None = None,
    source_name: str | None = None,
) -> KpiImportResult:
    """`parse_file` then `import_parsed`."""
    parsed = parse_file(path, source_name=source_name)
    return import_parsed(store, parsed, create_missing=create_missing, layer=layer)

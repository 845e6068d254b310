"""Reading monthly loyalty figures and ROX deals from CSV or XLSX files, every row accounted for.

Files come from Excel as people keep them: one row per month (`月, 再購入率, 紹介数, 解約率, 継続月数,
客単価`) or one row per deal (`日付, 案件, 指名, 説明不要, 価格交渉なし, 結果`), English or Japanese
headers, `12%`, `12,345円` and full-width digits, yes/no as はい/いいえ, ○/×, 1/0 or true/false. The
file layer (`cxtui.importing`) decodes it and numbers its rows; here each data row becomes a record,
a skipped row (blank) or a rejected row (with its line and why). Rows the workspace already holds
are sorted out by the repository, which sees the workspace.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path

from cxtui.errors import InputError
from cxtui.format import number as number_text
from cxtui.gcpause import gc_paused
from cxtui.i18n import t
from cxtui.importing.dates import DateReader
from cxtui.importing.limits import date_range_problem
from cxtui.importing.table import RejectedRow, Table, open_table, raw_line
from cxtui.importing.table import shown as shown_cell
from cxtui.importing.values import norm, parse_bool, parse_month, parse_number
from cxtui.loyalty.models import (
    FIGURES,
    SIGNALS,
    LoyaltyMonth,
    Outcome,
    ParsedDeal,
    ParsedFile,
    ParsedMonth,
    month_key,
    one_line,
)

Row = list[str]

# Header names (compared after `header_key`) of each column a file may have.
MONTH_HEADERS: dict[str, tuple[str, ...]] = {
    "month": ("month", "月", "年月", "対象月", "集計月"),
    "repurchase_rate": ("repurchase rate", "repurchase", "repeat rate", "再購入率", "リピート率"),
    "referrals": ("referrals", "referral", "referral count", "紹介数", "紹介件数", "紹介"),
    "churn_rate": ("churn rate", "churn", "解約率", "離脱率"),
    "months_retained": (
        "months retained", "retention months", "average months retained", "継続月数", "平均継続月数",
    ),
    "average_spend": (
        "average spend", "avg spend", "average order value", "aov", "客単価", "平均客単価", "平均単価",
    ),
    "note": ("note", "notes", "memo", "メモ", "備考"),
}  # fmt: skip
DEAL_HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "日付", "日", "受付日", "問い合わせ日", "商談日"),
    "name": ("name", "deal", "customer", "company", "案件", "案件名", "顧客", "顧客名", "会社名", "社名"),
    "came_by_name": ("came by name", "by name", "named", "指名", "指名あり"),
    "already_understood": ("already understood", "already understood us", "understood", "説明不要"),
    "no_price_negotiation": ("no price negotiation", "no negotiation", "価格交渉なし", "値引き交渉なし"),
    "outcome": ("outcome", "result", "status", "結果", "状況", "ステータス"),
    "note": ("note", "notes", "memo", "メモ", "備考"),
}
OUTCOMES: dict[str, str] = {
    **dict.fromkeys(("won", "win", "w", "受注", "成約", "成立", "勝ち"), Outcome.won.value),
    **dict.fromkeys(("lost", "lose", "loss", "l", "失注", "不成約", "見送り", "負け"), Outcome.lost.value),
    **dict.fromkeys(
        ("open", "pending", "in progress", "ongoing", "進行中", "商談中", "検討中", "未定", ""),
        Outcome.open.value,
    ),
}

_BRACKETS = re.compile(r"[(\[][^)\]]*[)\]]")
_HEAD_ROWS = 20  # non-blank rows looked at to find the header row
_DATE_SAMPLE = 200  # rows whose dates show the file's date format


def shown(text: str) -> str:
    """A cell quoted in a reason: one line, no control characters, at most 40 characters."""
    return shown_cell(one_line(text))


def header_key(text: str) -> str:
    """A header as compared: folded (`norm`), without a bracketed unit or hint (`解約率(%)`), `_` as space."""
    return " ".join(_BRACKETS.sub(" ", norm(text).replace("_", " ")).split())


def _column_map(header: Row, names: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """role -> column index of the first header naming it."""
    wanted = {name: role for role, aliases in names.items() for name in aliases}
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        role = wanted.get(header_key(cell))
        if role is not None and role not in found:
            found[role] = index
    return found


def _find_header(
    rows: Iterator[tuple[int, Row]], names: dict[str, tuple[str, ...]], required: Sequence[str], path: str
) -> tuple[Row, dict[str, int]]:
    """The header row (the first of the first non-blank rows naming a required column) and its columns."""
    first: Row | None = None
    looked = 0
    for _, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        first = first if first is not None else row
        columns = _column_map(row, names)
        if any(role in columns for role in required):
            missing = [role for role in required if role not in columns]
            if missing:
                raise _missing_columns(missing, row, path)
            return row, columns
        looked += 1
        if looked >= _HEAD_ROWS:
            break
    raise _missing_columns(list(required), first or [], path)


def _missing_columns(missing: list[str], header: Row, path: str) -> InputError:
    found = ", ".join(shown(c) for c in header if c.strip()) or "-"
    needed = ", ".join(t(f"loyalty.col.{role}") for role in missing)
    return InputError(
        t("loyalty.import.missing_columns", path=path, needed=needed, found=found), field="source"
    )


def _open(path: Path | str, source_name: str | None) -> Table:
    return open_table(path, source_name=source_name)


def _reject(out: list[RejectedRow], line: int, key: str, row: Row, **values: object) -> None:
    out.append(RejectedRow(line, t(key, **values), raw_line(row)))


def _cell(row: Row, index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


# -- months ----------------------------------------------------------------------------------------


def parse_months(path: Path | str, *, source_name: str | None = None) -> ParsedFile:
    """Read a file of monthly loyalty figures (one row per month); InputError for an unusable file."""
    try:
        return _parse_months(path, source_name)
    except csv.Error as exc:
        raise InputError(t("loyalty.import.bad_csv", path=path, reason=exc), field="source") from None


def _parse_months(path: Path | str, source_name: str | None) -> ParsedFile:
    table = _open(path, source_name)
    header, columns = _find_header(table.rows, MONTH_HEADERS, ("month",), str(path))
    if not any(role in columns for role in FIGURES):
        raise _missing_columns(list(FIGURES), header, str(path))
    parsed = ParsedFile(
        "months", table.source, table.sha256, table.encoding,
        {role: header[i].strip() for role, i in columns.items()}, [], [], [], [], [],
    )  # fmt: skip
    rows = [(line, row) for line, row in table.rows]
    scale = _fraction_columns(table.encoding, rows, columns)
    for role in scale:
        parsed.notes.append(t("loyalty.import.fractions", column=parsed.columns[role]))
    seen: dict[str, int] = {}
    for line, row in rows:
        _month_row(parsed, line, row, columns, scale, seen)
    return parsed


def _fraction_columns(encoding: str, rows: list[tuple[int, Row]], columns: dict[str, int]) -> set[str]:
    """Rate columns of an XLSX file written as fractions (a cell formatted 12.4% holds 0.124).

    The sheet's number format does not reach us, so a rate column whose every value lies within
    0–1 and none is written with `%` is read as fractions; the import says so.
    """
    if encoding != "xlsx":
        return set()
    found = set()
    for role in ("repurchase_rate", "churn_rate"):
        index = columns.get(role)
        if index is None:
            continue
        cells = [c for _, row in rows if (c := _cell(row, index).strip())]
        values = [parse_number(c) for c in cells]
        if values and all(v is not None and 0 <= v <= 1 for v in values) and not any("%" in c for c in cells):
            found.add(role)
    return found


def _month_row(
    parsed: ParsedFile, line: int, row: Row, columns: dict[str, int], scale: set[str], seen: dict[str, int]
) -> None:
    if not any(cell.strip() for cell in row):
        _reject(parsed.skipped, line, "loyalty.import.blank", row)
        return
    text = _cell(row, columns["month"]).strip()
    day = parse_month(text) if text else None
    if day is None:
        key = "loyalty.import.no_month" if not text else "loyalty.import.bad_month"
        _reject(parsed.rejected, line, key, row, value=shown(text))
        return
    outside = date_range_problem(day, shown(text))
    if outside:
        parsed.rejected.append(RejectedRow(line, outside, raw_line(row)))
        return
    month = month_key(day)
    values: dict[str, float | None] = {}
    for role in FIGURES:
        cell = _cell(row, columns.get(role)).strip()
        if not cell:
            values[role] = None
            continue
        number = parse_number(cell)
        if number is None:
            column = t(f"loyalty.col.{role}")
            _reject(parsed.rejected, line, "loyalty.import.not_number", row, column=column, value=shown(cell))
            return
        if role in scale:
            number *= 100
        if role == "referrals" and number != int(number):
            column = t("loyalty.col.referrals")
            _reject(parsed.rejected, line, "loyalty.import.not_whole", row, column=column, value=shown(cell))
            return
        values[role] = number
    if all(v is None for v in values.values()):
        _reject(parsed.skipped, line, "loyalty.import.no_figures", row, month=month)
        return
    if month in seen:
        _reject(parsed.rejected, line, "loyalty.import.month_twice", row, month=month, first=seen[month])
        return
    referrals = values["referrals"]
    record = LoyaltyMonth(
        month=month,
        repurchase_rate=values["repurchase_rate"],
        referrals=None if referrals is None else int(referrals),
        churn_rate=values["churn_rate"],
        months_retained=values["months_retained"],
        average_spend=values["average_spend"],
        note=one_line(_cell(row, columns.get("note"))),
    )
    try:
        record.check()
    except ValueError as exc:
        field, _, key = str(exc).partition("|")
        value = getattr(record, field)
        shown_value = number_text(value) if isinstance(value, int | float) else value
        column = t(f"loyalty.col.{field}")
        _reject(
            parsed.rejected,
            line,
            "loyalty.import.invalid",
            row,
            column=column,
            value=shown_value,
            reason=t(key),
        )
        return
    seen[month] = line
    parsed.months.append(ParsedMonth(line, record, raw_line(row)))


# -- deals -----------------------------------------------------------------------------------------


def parse_deals(path: Path | str, *, source_name: str | None = None, lazy: bool = False) -> ParsedFile:
    """Read a ROX log (one row per deal or inquiry); InputError for an unusable file.

    `lazy`: only the header is read now; the rows are read as the import stores them (memory
    stays flat for a million deals), and a second row for the same day and name is found by the
    import (the workspace's unique index) rather than here.
    """
    try:
        with gc_paused():
            parsed = _parse_deals(path, source_name, lazy)
    except csv.Error as exc:
        raise InputError(t("loyalty.import.bad_csv", path=path, reason=exc), field="source") from None
    if lazy:
        read = parsed.reader
        assert read is not None

        def rows() -> Iterator[ParsedDeal]:
            try:
                yield from read()
            except csv.Error as exc:
                reason = t("loyalty.import.bad_csv", path=path, reason=exc)
                raise InputError(reason, field="source") from None

        parsed.reader = rows
    return parsed


def _parse_deals(path: Path | str, source_name: str | None, lazy: bool = False) -> ParsedFile:
    table = _open(path, source_name)
    header, columns = _find_header(table.rows, DEAL_HEADERS, ("date", "name"), str(path))
    parsed = ParsedFile(
        "deals", table.source, table.sha256, table.encoding,
        {role: header[i].strip() for role, i in columns.items()}, [], [], [], [], [],
    )  # fmt: skip
    missing = [role for role in SIGNALS if role not in columns]
    if missing:
        parsed.notes.append(t("loyalty.import.no_signal_columns", columns=_roles(missing)))
    if "outcome" not in columns:
        parsed.notes.append(t("loyalty.import.no_outcome_column"))
    # The first rows show how the file writes dates (D/M/Y or M/D/Y); they are read like the rest.
    head = list(islice(table.rows, _DATE_SAMPLE))
    di = columns["date"]
    dates = DateReader(row[di] for _, row in head if di < len(row))
    body = chain(head, table.rows)
    if lazy:
        parsed.reader = lambda: _deal_rows(parsed, body, columns, dates, dedupe=False)
    else:
        parsed.deals.extend(_deal_rows(parsed, body, columns, dates))
    return parsed


def _roles(roles: Iterable[str]) -> str:
    return ", ".join(t(f"loyalty.col.{role}") for role in roles)


def _deal_rows(
    parsed: ParsedFile,
    rows: Iterable[tuple[int, Row]],
    columns: dict[str, int],
    dates: DateReader,
    *,
    dedupe: bool = True,
) -> Iterator[ParsedDeal]:
    """The single pass over the deal rows (hot loop: each distinct cell text is read once, locals only).

    `dedupe`: a second row for the same day and name is rejected here (the lazy import leaves that
    to the workspace's unique index instead of a dict of every deal).
    """
    # An absent column is an index past the end of any row: the loop needs no None checks.
    far = sys.maxsize
    di, ni = columns["date"], columns["name"]
    i0, i1, i2 = (columns.get(role, far) for role in SIGNALS)
    oi, ti = columns.get("outcome", far), columns.get("note", far)
    day_of: dict[str, str | None] = {}
    flag_of: dict[str, bool | None] = {"": False}
    outcome_of: dict[str, str | None] = {}
    seen: dict[tuple[str, str], int] = {}
    rejected, skipped = parsed.rejected, parsed.skipped
    make = tuple.__new__  # a NamedTuple without its keyword-parsing constructor (~1 us a row)
    for line, row in rows:
        width = len(row)
        day_text = row[di].strip() if di < width else ""
        raw_name = row[ni] if ni < width else ""
        # Most names are printable: split/join alone; the regex only for control characters.
        name = " ".join(raw_name.split()) if raw_name.isprintable() else one_line(raw_name)
        if not day_text and not name and not any(cell.strip() for cell in row):
            _reject(skipped, line, "loyalty.import.blank", row)
            continue
        day = day_of.get(day_text, "")
        if day == "":
            when = dates(day_text) if day_text else None
            day = day_of[day_text] = None if when is None else when.date().isoformat()
        if day is None:
            key = "loyalty.import.no_date" if not day_text else "loyalty.import.bad_date"
            _reject(rejected, line, key, row, value=shown(day_text))
            continue
        outside = date_range_problem(day, shown(day_text))
        if outside:
            rejected.append(RejectedRow(line, outside, raw_line(row)))
            continue
        if not name:
            _reject(rejected, line, "loyalty.import.no_name", row)
            continue
        c0 = row[i0] if i0 < width else ""
        c1 = row[i1] if i1 < width else ""
        c2 = row[i2] if i2 < width else ""
        f0 = flag_of[c0] if c0 in flag_of else _flag(flag_of, c0)
        f1 = flag_of[c1] if c1 in flag_of else _flag(flag_of, c1)
        f2 = flag_of[c2] if c2 in flag_of else _flag(flag_of, c2)
        if f0 is None or f1 is None or f2 is None:
            role, cell = next(
                (r, c) for r, c, f in zip(SIGNALS, (c0, c1, c2), (f0, f1, f2), strict=True) if f is None
            )
            column = t(f"loyalty.col.{role}")
            _reject(rejected, line, "loyalty.import.not_yes_no", row, column=column, value=shown(cell))
            continue
        cell = row[oi] if oi < width else ""
        outcome = outcome_of[cell] if cell in outcome_of else _outcome(outcome_of, cell)
        if outcome is None:
            _reject(rejected, line, "loyalty.import.bad_outcome", row, value=shown(cell))
            continue
        if dedupe:
            key2 = (day, name)
            first = seen.get(key2)
            if first is not None:
                _reject(rejected, line, "loyalty.import.deal_twice", row, first=first)
                continue
            seen[key2] = line
        note = one_line(row[ti]) if ti < width else ""
        yield make(ParsedDeal, (line, day, name, f0, f1, f2, outcome, note, row))


def _flag(cache: dict[str, bool | None], cell: str) -> bool | None:
    """A signal cell: yes/no in any of the accepted spellings, blank for no."""
    value = False if not cell.strip() else parse_bool(cell)
    cache[cell] = value
    return value


def _outcome(cache: dict[str, str | None], cell: str) -> str | None:
    value = OUTCOMES.get(norm(cell))
    cache[cell] = value
    return value

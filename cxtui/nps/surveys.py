"""Surveys and what a query reads: a survey, a stored date range, or an ad-hoc range `2026-01-01..2026-03-31`.

The read functions take a `Reader` (a `Store`, or a `ReadOnlyWorkspace` on the fast CLI path); the
write functions take the `Store` and are each one undo step. Nothing here imports sqlite-utils,
pydantic or textual, so `cxtui nps show` starts fast.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from cxtui.errors import InputError
from cxtui.i18n import t

if TYPE_CHECKING:
    from cxtui.store import Store

KINDS = ("import", "manual", "range", "template")
_RANGE_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$")


class Reader(Protocol):
    """Anything that answers read queries as dicts: `Store` and `ReadOnlyWorkspace` both do."""

    def rows(self, sql: str, params: Iterable[Any] = ...) -> list[dict[str, Any]]:
        """Rows of a read query as dicts."""
        ...


# -- surveys and references -------------------------------------------------------------------


@dataclass(frozen=True)
class Survey:
    """A survey: a named import, a manual-entry batch, a template survey, or a stored date range."""

    id: str
    name: str
    kind: str  # import | manual | range | template
    source: str = ""
    range_start: date | None = None
    range_end: date | None = None
    template: str | None = None
    created: str = ""
    updated: str = ""

    @property
    def is_range(self) -> bool:
        """Whether this survey is a window over every survey's answers rather than answers of its own."""
        return self.kind == "range"

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Survey:
        """Build from a `surveys` row."""
        return cls(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            source=row.get("source") or "",
            range_start=date_or_none(row.get("range_start")),
            range_end=date_or_none(row.get("range_end")),
            template=row.get("template"),
            created=row.get("created") or "",
            updated=row.get("updated") or "",
        )


@dataclass(frozen=True)
class Ref:
    """What a comparison side or a query reads: one survey's answers, or every answer in a date range."""

    label: str
    survey: Survey | None = None
    start: date | None = None
    end: date | None = None  # inclusive

    @property
    def is_range(self) -> bool:
        """Whether this reads a date range (over every survey) rather than one survey."""
        return self.survey is None or self.survey.is_range


Target = Survey | Ref | str


def date_or_none(value: object) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def list_surveys(reader: Reader) -> list[Survey]:
    """Every survey, by name."""
    return [Survey.from_row(r) for r in reader.rows("SELECT * FROM surveys ORDER BY name")]


def find_survey(reader: Reader, name_or_id: str) -> Survey | None:
    """The survey with this name (or id), or None."""
    found = reader.rows("SELECT * FROM surveys WHERE name = ? OR id = ? LIMIT 1", [name_or_id, name_or_id])
    return Survey.from_row(found[0]) if found else None


def _missing(reader: Reader, name: str) -> InputError:
    names = [s.name for s in list_surveys(reader)]
    known = (", ".join(names[:8]) + (", …" if len(names) > 8 else "")) if names else t("nps.none")
    return InputError(t("nps.survey_missing", name=name, known=known), field="survey")


def get_survey(reader: Reader, name_or_id: str) -> Survey:
    """The survey with this name (or id); InputError naming the known surveys when there is none."""
    survey = find_survey(reader, name_or_id)
    if survey is None:
        raise _missing(reader, name_or_id)
    return survey


def parse_range(text: str) -> tuple[date, date] | None:
    """`2026-01-01..2026-03-31` as (start, end) inclusive; None when `text` is not written that way."""
    match = _RANGE_RE.match(text)
    if match is None:
        return None
    try:
        start, end = date.fromisoformat(match.group(1)), date.fromisoformat(match.group(2))
    except ValueError:
        raise InputError(t("nps.bad_range", text=text), field="range") from None
    if end < start:
        raise InputError(t("nps.range_backwards", text=text), field="range")
    return start, end


def range_label(start: date, end: date) -> str:
    """How a date range is written on the command line and in JSON."""
    return f"{start.isoformat()}..{end.isoformat()}"


def resolve(reader: Reader, target: Target) -> Ref:
    """A target as a Ref: a survey name (or id) first, else a date range; InputError when neither."""
    if isinstance(target, Ref):
        return target
    if isinstance(target, Survey):
        return Ref(target.name, target, target.range_start, target.range_end)
    survey = find_survey(reader, target)
    if survey is not None:
        return Ref(survey.name, survey, survey.range_start, survey.range_end)
    dates = parse_range(target)
    if dates is not None:
        return Ref(range_label(*dates), None, dates[0], dates[1])
    if ".." in target:
        raise InputError(t("nps.bad_range", text=target), field="range")
    raise _missing(reader, target)


def scope(ref: Ref, segment: str | None = None, alias: str = "") -> tuple[str, list[Any]]:
    """WHERE clause (and parameters) selecting the answers a Ref reads."""
    a = f"{alias}." if alias else ""
    if ref.survey is None and ref.start is None and ref.end is None:
        # Every answer, undated ones included (views that need a date, like trends, add their own test).
        clauses, params = ["1 = 1"], list[Any]()
    elif ref.is_range:
        clauses, params = [f"{a}answered_at IS NOT NULL"], []
        if ref.start is not None:
            clauses.append(f"{a}answered_at >= ?")
            params.append(ref.start.isoformat())
        if ref.end is not None:
            # answered_at is ISO text (a date or a date-time): "< next day" includes the whole last day.
            clauses.append(f"{a}answered_at < ?")
            params.append((ref.end + timedelta(days=1)).isoformat())
    else:
        assert ref.survey is not None
        clauses, params = [f"{a}survey_id = ?"], [ref.survey.id]
    if segment is not None:
        clauses.append(f"{a}segment = ?")
        params.append(segment)
    return " AND ".join(clauses), params


# -- ids and writes ---------------------------------------------------------------------------


def now() -> str:
    """Current UTC time in the created/updated format."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_ids(count: int) -> list[str]:
    """`count` fresh UUIDs (version 7: time-ordered), ascending within the batch.

    Random UUID4 keys land all over the primary-key B-tree, which made a 100,000-row import ~25 %
    slower; version-7 keys (RFC 9562: 48-bit Unix milliseconds, then a random 74-bit value that
    is incremented per id, "method 3") are appended at its end and still unique across files.
    """
    millis = time.time_ns() // 1_000_000
    # Start low enough in the 74-bit space that adding `count` can never overflow it.
    start = int.from_bytes(os.urandom(10), "big") >> 7
    ids = []
    for i in range(count):
        value = start + i
        # 48 bits time | version 7 | 12 high bits of the counter | variant 0b10 | 62 low bits.
        whole = (millis << 80) | (0x7 << 76) | ((value >> 62) << 64) | (0b10 << 62) | (value & _LOW62)
        h = f"{whole:032x}"
        ids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return ids


_LOW62 = (1 << 62) - 1


# -- surveys ------------------------------------------------------------------------------------


def _check_name(store: Store, name: str, *, exclude_id: str | None = None) -> str:
    name = name.strip()
    if not name:
        raise InputError(t("nps.name_empty"), field="name")
    existing = find_survey(store, name)
    if existing is not None and existing.id != exclude_id and existing.name == name:
        raise InputError(t("nps.name_taken", name=name), field="name")
    return name


def create_survey(
    store: Store,
    name: str,
    kind: str = "manual",
    *,
    source: str = "",
    range_start: date | None = None,
    range_end: date | None = None,
    template: str | None = None,
) -> Survey:
    """Create a survey (one undo step); InputError when the name is empty or taken."""
    if kind not in KINDS:
        raise InputError(t("nps.bad_kind", kind=kind, choices=", ".join(KINDS)), field="kind")
    if kind == "range" and (range_start is None or range_end is None):
        raise InputError(t("nps.range_needs_dates"), field="range")
    if range_start is not None and range_end is not None and range_end < range_start:
        raise InputError(t("nps.range_backwards", text=f"{range_start}..{range_end}"), field="range")
    if template is not None:
        from cxtui.nps.templates import TEMPLATES

        if template not in TEMPLATES:
            raise InputError(
                t("nps.bad_template", key=template, choices=", ".join(TEMPLATES)), field="template"
            )
    with store.action(t("nps.act_create")):
        stamp = now()
        row = {
            "id": new_ids(1)[0],
            "name": _check_name(store, name),
            "kind": kind,
            "source": source,
            "range_start": None if range_start is None else range_start.isoformat(),
            "range_end": None if range_end is None else range_end.isoformat(),
            "template": template,
            "created": stamp,
            "updated": stamp,
        }
        store.insert_row("surveys", row)
    return Survey.from_row(row)


def create_range_survey(store: Store, name: str, start: date, end: date) -> Survey:
    """A stored date range: every answer of every survey between `start` and `end` (inclusive)."""
    return create_survey(store, name, "range", range_start=start, range_end=end)


def _own_survey(store: Store, survey: Survey | str) -> Survey:
    return survey if isinstance(survey, Survey) else get_survey(store, survey)


def rename_survey(store: Store, survey: Survey | str, new_name: str) -> Survey:
    """Rename a survey (one undo step)."""
    found = _own_survey(store, survey)
    with store.action(t("nps.act_rename")):
        name = _check_name(store, new_name, exclude_id=found.id)
        store.update_row("surveys", found.id, {"name": name})
    return get_survey(store, found.id)


def _delete_where(store: Store, table: str, where: str, params: list[Any]) -> int:
    """Delete many rows in one statement, journalling each row image so undo restores them."""
    gone = store.rows(f'SELECT * FROM "{table}" WHERE {where}', params)
    for row in gone:
        store.journal.record(table, row["id"], row, None)
    store.db.execute(f'DELETE FROM "{table}" WHERE {where}', params)
    return len(gone)


def delete_survey(store: Store, survey: Survey | str) -> int:
    """Delete a survey with its answers, imports and follow-ups (one undo step); returns answers deleted.

    Asking for confirmation is the caller's job; undo brings everything back.
    """
    found = _own_survey(store, survey)
    with store.action(t("nps.act_delete")):
        # Children first so foreign keys hold at every step, and undo re-inserts parents first.
        _delete_where(
            store,
            "followups",
            "response_id IN (SELECT id FROM responses WHERE survey_id = ?)",
            [found.id],
        )
        count = _delete_where(store, "responses", "survey_id = ?", [found.id])
        _delete_where(store, "imports", "survey_id = ?", [found.id])
        store.delete_row("surveys", found.id)
    return count

"""Surveys and what a query reads: a survey, a stored date range, or an ad-hoc range `2026-01-01..2026-03-31`.

Reads and writes take the `Store` (`Store.snapshot` on the CLI's read-only path); each write is one
undo step. Nothing here imports sqlite-utils, pydantic or textual, so `cxtui nps show` starts fast.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Any

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.ids import new_id, utc_now
from cxtui.models import from_row
from cxtui.nps.models import KINDS, Ref, Survey, Target
from cxtui.nps.templates import TEMPLATES

_RANGE_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$")


# -- surveys and references -------------------------------------------------------------------


def list_surveys(reader: Store) -> list[Survey]:
    """Every survey, by name."""
    return [from_row(Survey, r) for r in reader.rows("SELECT * FROM surveys ORDER BY name")]


def find_survey(reader: Store, name_or_id: str) -> Survey | None:
    """The survey with this name (or id), or None. Names match case-insensitively, as column names
    do (`CAFÉ BEFORE` finds `Café before`); an exact match wins, and surveys that differ only in
    case (possible in files made before this rule) are an InputError naming them."""
    found = reader.rows("SELECT * FROM surveys WHERE name = ? OR id = ? LIMIT 1", [name_or_id, name_or_id])
    if found:
        return from_row(Survey, found[0])
    wanted = _folded(name_or_id)
    # Python's casefold, not SQLite's ASCII-only lower(): `ＡＢＣ`, `Ä` and `ß` fold too.
    matches = [s for s in list_surveys(reader) if _folded(s.name) == wanted]
    if len(matches) > 1:
        names = ", ".join(s.name for s in matches)
        raise InputError(t("nps.repo.survey_ambiguous", name=name_or_id, names=names), field="survey")
    return matches[0] if matches else None


def _folded(name: str) -> str:
    """A survey name for case-insensitive comparison (NFKC, so full-width letters match too)."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _missing(reader: Store, name: str) -> InputError:
    names = [s.name for s in list_surveys(reader)]
    known = (", ".join(names[:8]) + (", …" if len(names) > 8 else "")) if names else t("nps.repo.none")
    return InputError(t("nps.repo.survey_missing", name=name, known=known), field="survey")


def get_survey(reader: Store, name_or_id: str) -> Survey:
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
        raise InputError(t("nps.repo.bad_range", text=text), field="range") from None
    if end < start:
        raise InputError(t("nps.repo.range_backwards", text=text), field="range")
    from cxtui.validation import check_date

    check_date(start, "range")
    check_date(end, "range")
    return start, end


def range_label(start: date, end: date) -> str:
    """How a date range is written on the command line and in JSON."""
    return f"{start.isoformat()}..{end.isoformat()}"


def resolve(reader: Store, target: Target) -> Ref:
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
        raise InputError(t("nps.repo.bad_range", text=target), field="range")
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


# -- surveys ------------------------------------------------------------------------------------


def _check_name(store: Store, name: str, *, exclude_id: str | None = None) -> str:
    name = name.strip()
    if not name:
        raise InputError(t("nps.repo.name_empty"), field="name")
    # Names are looked up case-insensitively, so `cafe` beside `Cafe` could never be told apart.
    taken = [s for s in list_surveys(store) if s.id != exclude_id and _folded(s.name) == _folded(name)]
    if taken:
        raise InputError(t("nps.repo.name_taken", name=taken[0].name), field="name")
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
        raise InputError(t("nps.repo.bad_kind", kind=kind, choices=", ".join(KINDS)), field="kind")
    if kind == "range" and (range_start is None or range_end is None):
        raise InputError(t("nps.repo.range_needs_dates"), field="range")
    if range_start is not None and range_end is not None and range_end < range_start:
        raise InputError(t("nps.repo.range_backwards", text=f"{range_start}..{range_end}"), field="range")
    if template is not None and template not in TEMPLATES:
        raise InputError(
            t("nps.repo.bad_template", key=template, choices=", ".join(TEMPLATES)), field="template"
        )
    with store.action(t("nps.act.create")):
        stamp = utc_now()
        row = {
            "id": new_id(),
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
    return from_row(Survey, row)


def create_range_survey(store: Store, name: str, start: date, end: date) -> Survey:
    """A stored date range: every answer of every survey between `start` and `end` (inclusive)."""
    return create_survey(store, name, "range", range_start=start, range_end=end)


def _own_survey(store: Store, survey: Survey | str) -> Survey:
    return survey if isinstance(survey, Survey) else get_survey(store, survey)


def rename_survey(store: Store, survey: Survey | str, new_name: str) -> Survey:
    """Rename a survey (one undo step)."""
    found = _own_survey(store, survey)
    with store.action(t("nps.act.rename")):
        name = _check_name(store, new_name, exclude_id=found.id)
        store.update_row("surveys", found.id, {"name": name})
    return get_survey(store, found.id)


def delete_survey(store: Store, survey: Survey | str) -> int:
    """Delete a survey with its answers, imports and follow-ups (one undo step); returns answers deleted.

    Asking for confirmation is the caller's job; undo brings everything back.
    """
    found = _own_survey(store, survey)
    with store.action(t("nps.act.delete")):
        # Children first so foreign keys hold at every step, and undo re-inserts parents first.
        store.delete_where(
            "followups",
            "response_id IN (SELECT id FROM responses WHERE survey_id = ?)",
            [found.id],
        )
        count = store.delete_where("responses", "survey_id = ?", [found.id])
        store.delete_where("imports", "survey_id = ?", [found.id])
        store.delete_row("surveys", found.id)
    return count

"""NPS repository: the write side (surveys, imports, quick entry, categories, follow-ups).

Functions take the `Store` first. Every write is one `store.action()`: one transaction and one
undo step, an import of 100,000 rows included. The read side lives in `cxtui.nps.queries` and is
re-exported here, so a screen needs only `from cxtui.nps import repo`.

    repo.import_parsed(store, "Spring survey", parse_file(path))   # one transaction
    repo.summaries(store)                                           # survey list, counted in SQL
    repo.compare(store, "2026-01-01..2026-03-31", "Spring survey")
"""

from __future__ import annotations

import csv
import json
import os
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxtui.errors import CxError, InputError
from cxtui.i18n import t
from cxtui.nps.categories import CATEGORIES, categorize
from cxtui.nps.queries import (
    FOLLOWUP_STATUSES,
    GRAINS,
    CommentRow,
    FollowupRow,
    Ref,
    Survey,
    SurveySummary,
    TrendPoint,
    by_segment,
    category_counts,
    comment_count,
    comments,
    compare,
    distribution,
    find_survey,
    followups,
    get_survey,
    list_surveys,
    parse_range,
    resolve,
    segments,
    summaries,
    summary,
    trend,
    undated,
    verdict,
)
from cxtui.nps.types import DetectedColumns, ParsedFile, RejectedRow

if TYPE_CHECKING:
    from cxtui.store import Store

__all__ = [
    "CATEGORIES",
    "FOLLOWUP_STATUSES",
    "GRAINS",
    "KINDS",
    "AlreadyImportedError",
    "CommentRow",
    "FollowupRow",
    "ImportResult",
    "ManualEntry",
    "Ref",
    "Survey",
    "SurveySummary",
    "TrendPoint",
    "add_manual_scores",
    "by_segment",
    "categorize",
    "category_counts",
    "comment_count",
    "comments",
    "compare",
    "create_range_survey",
    "create_survey",
    "delete_survey",
    "distribution",
    "find_survey",
    "followups",
    "get_survey",
    "import_parsed",
    "list_surveys",
    "new_ids",
    "parse_quick_entry",
    "parse_range",
    "rename_survey",
    "resolve",
    "save_rejects_csv",
    "segments",
    "set_category",
    "set_followup",
    "summaries",
    "summary",
    "trend",
    "undated",
    "verdict",
]

KINDS = ("import", "manual", "range", "template")


class AlreadyImportedError(InputError):
    """The same file (same SHA-256) was already imported into this survey; nothing was changed."""

    # Not bad input as such: the command refused for a reason it explains (DESIGN: exit 1).
    exit_code = 1


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_ids(count: int) -> list[str]:
    """`count` random UUID4 strings; ~5× faster than uuid.uuid4() in a loop, which matters at 100k rows."""
    raw = os.urandom(16 * count).hex()
    ids = []
    for i in range(0, 32 * count, 32):
        h = raw[i : i + 32]
        # Version nibble 4 and the RFC 4122 variant (10xx) set by hand, as uuid.UUID(version=4) does.
        ids.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}")
    return ids


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
        now = _now()
        row = {
            "id": new_ids(1)[0],
            "name": _check_name(store, name),
            "kind": kind,
            "source": source,
            "range_start": None if range_start is None else range_start.isoformat(),
            "range_end": None if range_end is None else range_end.isoformat(),
            "template": template,
            "created": now,
            "updated": now,
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


# -- imports ------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """What one import did: how many rows were imported, skipped as blank, or rejected (and why)."""

    survey: Survey
    import_id: str
    source: str
    encoding: str
    layout: str
    columns: DetectedColumns
    imported: int
    blank_lines: list[int] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def blank(self) -> int:
        """Rows skipped because they had no answer."""
        return len(self.blank_lines)

    @property
    def total_rows(self) -> int:
        """Data rows in the file: imported + blank + rejected."""
        return self.imported + self.blank + len(self.rejected)


def _extra_json(extra: dict[str, str]) -> str | None:
    return json.dumps(extra, ensure_ascii=False) if extra else None


def _answered(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def import_parsed(store: Store, survey_name: str, parsed: ParsedFile) -> ImportResult:
    """Store a parsed export in a survey (created if new) as ONE transaction and one undo step.

    AlreadyImportedError (exit 1) when a file with the same SHA-256 was already imported into that
    survey; InputError for a date-range survey, which has no answers of its own.
    """
    with store.action(t("nps.act_import", source=parsed.source)):
        survey = find_survey(store, survey_name.strip())
        if survey is None:
            survey = create_survey(store, survey_name, "import", source=parsed.source)
        elif survey.is_range:
            raise InputError(t("nps.import_into_range", name=survey.name), field="survey")
        done = store.rows(
            "SELECT source, imported_at FROM imports WHERE survey_id = ? AND sha256 = ?",
            [survey.id, parsed.sha256],
        )
        if done:
            raise AlreadyImportedError(
                t(
                    "nps.already_imported",
                    source=parsed.source,
                    survey=survey.name,
                    when=str(done[0]["imported_at"])[:10],
                    first=done[0]["source"],
                ),
                field="source",
            )
        now = _now()
        ids = new_ids(len(parsed.responses) + 1)
        import_id = ids.pop()
        store.insert_row(
            "imports",
            {
                "id": import_id,
                "survey_id": survey.id,
                "sha256": parsed.sha256,
                "source": parsed.source,
                "encoding": parsed.encoding,
                "layout": parsed.layout,
                "score_column": parsed.columns.score,
                "comment_column": parsed.columns.comment,
                "segment_column": parsed.columns.segment,
                "date_column": parsed.columns.date,
                "imported": len(parsed.responses),
                "blank": len(parsed.blank_lines),
                "rejected": len(parsed.rejected),
                "imported_at": now,
            },
        )
        store.insert_rows(
            "responses",
            [
                {
                    "id": rid,
                    "survey_id": survey.id,
                    "import_id": import_id,
                    "score": r.score,
                    "comment": r.comment,
                    "segment": r.segment,
                    "answered_at": _answered(r.answered_at),
                    "line": r.line,
                    "category": categorize(r.comment),
                    "extra": _extra_json(r.extra),
                    "created": now,
                }
                for rid, r in zip(ids, parsed.responses, strict=True)
            ],
        )
    return ImportResult(
        survey=survey,
        import_id=import_id,
        source=parsed.source,
        encoding=parsed.encoding,
        layout=parsed.layout,
        columns=parsed.columns,
        imported=len(parsed.responses),
        blank_lines=list(parsed.blank_lines),
        rejected=list(parsed.rejected),
    )


def save_rejects_csv(rejected: Sequence[RejectedRow], path: Path | str) -> None:
    """Write rejected rows (line, reason, raw row) as a CSV that Excel opens correctly (UTF-8 BOM)."""
    try:
        with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([t("nps.col_line"), t("nps.col_reason"), t("nps.col_row")])
            for row in rejected:
                writer.writerow([row.line, row.reason, row.raw])
    except OSError as exc:
        raise CxError(t("nps.rejects_unwritable", path=path, reason=exc.strerror)) from None


# -- quick entry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManualEntry:
    """One answer typed in by hand (e.g. from a paper form)."""

    score: int | None  # None only for template answers without an NPS question
    comment: str = ""
    segment: str = ""
    answered_at: date | datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _score_of(token: str) -> int | None:
    # NFKC turns full-width digits (１０) into ASCII, as on paper forms typed with a Japanese IME.
    text = unicodedata.normalize("NFKC", token).strip()
    if text.isdigit() and 0 <= int(text) <= 10:
        return int(text)
    return None


def parse_quick_entry(line: str, *, segment: str = "", answered_at: date | None = None) -> list[ManualEntry]:
    """Read one line typed in quick entry: `9 10 7 3` (several scores) or `3 slow service` (one score
    and its comment). Full-width digits and commas work. InputError when the first word is no 0–10 score."""
    text = unicodedata.normalize("NFKC", line).strip()
    if not text:
        return []
    tokens = text.replace(",", " ").replace("、", " ").split()
    scores = [_score_of(tok) for tok in tokens]
    if all(s is not None for s in scores):
        return [ManualEntry(s, "", segment, answered_at) for s in scores]
    first = scores[0]
    if first is None:
        raise InputError(t("nps.quick_bad_score", token=tokens[0]), field="score")
    comment = text.split(None, 1)[1].strip() if len(text.split(None, 1)) > 1 else ""
    return [ManualEntry(first, comment, segment, answered_at)]


def add_manual_scores(
    store: Store,
    survey: Survey | str,
    entries: Iterable[ManualEntry | int],
    *,
    answered_at: date | None = None,
) -> int:
    """Add typed-in answers to a survey (created as `manual` if new) as one undo step; returns how many.

    Answers without their own date get `answered_at` (default: today), since paper forms are entered
    on the day they come back. InputError (naming the entry) for a score outside 0–10.
    """
    from cxtui.clock import today

    default_day = answered_at or today()
    items = [ManualEntry(e) if isinstance(e, int) else e for e in entries]
    for index, item in enumerate(items, start=1):
        score = item.score
        if score is not None and (
            isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10
        ):
            raise InputError(t("nps.manual_bad_score", index=index, score=score), field="score")
    with store.action(t("nps.act_manual", n=len(items))):
        found = survey if isinstance(survey, Survey) else find_survey(store, survey.strip())
        if found is None:
            found = create_survey(store, str(survey), "manual")
        elif found.is_range:
            raise InputError(t("nps.import_into_range", name=found.name), field="survey")
        now = _now()
        ids = new_ids(len(items))
        store.insert_rows(
            "responses",
            [
                {
                    "id": rid,
                    "survey_id": found.id,
                    "import_id": None,
                    "score": item.score,
                    "comment": item.comment.strip(),
                    "segment": item.segment.strip(),
                    "answered_at": _answered(item.answered_at or default_day),
                    "line": None,
                    "category": categorize(item.comment),
                    "extra": _extra_json(item.extra),
                    "created": now,
                }
                for rid, item in zip(ids, items, strict=True)
            ],
        )
    return len(items)


# -- categories and follow-ups ------------------------------------------------------------------


def _response(store: Store, response_id: str) -> dict[str, Any]:
    row = store.get_row("responses", response_id)
    if row is None:
        raise InputError(t("nps.response_missing", id=response_id), field="response")
    return row


def set_category(store: Store, response_id: str, category: str) -> None:
    """Set a comment's category by hand (one undo step)."""
    if category not in CATEGORIES:
        raise InputError(
            t("nps.bad_category", category=category, choices=", ".join(CATEGORIES)), field="category"
        )
    _response(store, response_id)
    with store.action(t("nps.act_category")):
        store.update_row("responses", response_id, {"category": category})


def set_followup(
    store: Store,
    response_id: str,
    owner: str | None = None,
    status: str | None = None,
    note: str | None = None,
) -> None:
    """Create or update the follow-up of an answer (one undo step); None leaves a field as it was."""
    if status is not None and status not in FOLLOWUP_STATUSES:
        raise InputError(
            t("nps.bad_status", status=status, choices=", ".join(FOLLOWUP_STATUSES)), field="status"
        )
    _response(store, response_id)
    found = store.rows("SELECT * FROM followups WHERE response_id = ?", [response_id])
    with store.action(t("nps.act_followup")):
        if found:
            changes = {
                k: v.strip() if k != "status" else v
                for k, v in (("owner", owner), ("status", status), ("note", note))
                if v is not None
            }
            if changes:
                store.update_row("followups", found[0]["id"], changes)
            return
        now = _now()
        store.insert_row(
            "followups",
            {
                "id": new_ids(1)[0],
                "response_id": response_id,
                "owner": (owner or "").strip(),
                "status": status or "open",
                "note": (note or "").strip(),
                "created": now,
                "updated": now,
            },
        )

"""Answers coming in: imports of survey exports, quick entry and typed-in answers, the rejects CSV.

Each write takes the `Store` first and is one `store.action()`: one transaction and one undo step,
an import of 100,000 rows included. The rest of the NPS domain: `surveys` (surveys and refs),
`queries` (summaries, segments, distribution, trend, compare, verdict), `followups` (comments,
categories, the detractor queue), `templates` and `template_results` (seed 002's light surveys),
`categories` (keyword rules), `stats` (the formulas), `importers` (reading export files).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from cxtui.db.journal import Row
from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.gcpause import gc_paused
from cxtui.i18n import t
from cxtui.ids import new_ids, utc_now
from cxtui.nps.categories import categorize
from cxtui.nps.duplicates import AlreadyImportedError, Duplicates
from cxtui.nps.models import ImportResult, ManualEntry, ParsedFile, ParsedResponse, Survey
from cxtui.nps.schema import NPS_COUNTS_INSERT_TRIGGER
from cxtui.nps.surveys import create_survey, find_survey

# -- imports ------------------------------------------------------------------------------------


def _extra_json(extra: dict[str, str]) -> str | None:
    return json.dumps(extra, ensure_ascii=False) if extra else None


def _answered(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime) and value.microsecond:
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def import_parsed(
    store: Store, survey_name: str, parsed: ParsedFile, *, skip_duplicates: bool = False
) -> ImportResult:
    """Store a parsed export in a survey (created if new) as ONE transaction and one undo step.

    The rows are stored in batches as they are read (`ParsedFile.batches()`), so a million-row file
    never sits in memory; an error found on the way (a limit, ambiguous dates) rolls it all back.

    One answer is never stored twice, whatever the survey: AlreadyImportedError (exit 1) when a file
    with the same SHA-256 was already imported into any survey; DuplicateAnswersError (exit 1) when
    answers already in the workspace are in it (`cxtui.nps.duplicates.Duplicates` says when two are the same)
    unless `skip_duplicates`, which stores only the new ones. InputError for a date-range survey,
    which has no answers of its own.
    """
    with gc_paused(), store.action(t("nps.act.import", source=parsed.source)):
        survey = find_survey(store, survey_name.strip())
        if survey is not None and survey.is_range:
            raise InputError(t("nps.repo.import_into_range", name=survey.name), field="survey")
        done = store.rows(
            "SELECT i.source, i.imported_at, s.name FROM imports i JOIN surveys s ON s.id = i.survey_id "
            "WHERE i.sha256 = ? ORDER BY i.imported_at LIMIT 1",
            [parsed.sha256],
        )
        if done:
            raise AlreadyImportedError(
                t(
                    "nps.repo.already_imported",
                    source=parsed.source,
                    survey=done[0]["name"],
                    when=str(done[0]["imported_at"])[:10],
                    first=done[0]["source"],
                ),
                field="source",
            )
        if survey is None:
            survey = create_survey(store, survey_name, "import", source=parsed.source)
        stamp = utc_now()
        import_id = new_ids(1)[0]
        columns = parsed.columns
        store.insert_row(
            "imports",
            {
                "id": import_id,
                "survey_id": survey.id,
                "sha256": parsed.sha256,
                "source": parsed.source,
                "encoding": parsed.encoding,
                "layout": parsed.layout,
                "score_column": columns.score,
                "comment_column": columns.comment,
                "segment_column": columns.segment,
                "date_column": columns.date,
                "imported": 0,
                "blank": 0,
                "rejected": 0,
                "imported_at": stamp,
            },
        )
        duplicates = Duplicates(store, import_id)
        stored = 0
        with _bulk_counts(store) as counts:
            for batch in parsed.batches():
                rows = duplicates.filter(_response_rows(batch, survey.id, import_id, stamp))
                if duplicates.found and not skip_duplicates:
                    raise duplicates.error(parsed.source)
                store.insert_rows("responses", rows, bulk=("import_id", import_id))
                counts.update((survey.id, row["score"]) for row in rows)
                stored += len(rows)
            # Answers with a date but no time are judged once the whole file is in.
            repeated = duplicates.whole_import_repeats()
            if repeated and not skip_duplicates:
                raise duplicates.error(parsed.source)
            if repeated:
                dropped = duplicates.drop_repeats()
                counts.subtract({(survey.id, score): n for score, n in dropped.items()})
                stored -= sum(dropped.values())
        store.update_row(
            "imports",
            import_id,
            {"imported": stored, "blank": len(parsed.blank_lines), "rejected": len(parsed.rejected)},
        )
    return ImportResult(
        survey=survey,
        import_id=import_id,
        source=parsed.source,
        encoding=parsed.encoding,
        layout=parsed.layout,
        columns=parsed.columns,
        imported=stored,
        blank_lines=list(parsed.blank_lines),
        rejected=list(parsed.rejected),
        duplicates=duplicates.count,
        date_order=parsed.date_order,
        date_order_by=parsed.date_order_by,
    )


def _response_rows(batch: list[ParsedResponse], survey_id: str, import_id: str, stamp: str) -> list[Row]:
    ids = new_ids(len(batch))
    return [
        {
            "id": rid,
            "survey_id": survey_id,
            "import_id": import_id,
            "score": r.score,
            "comment": r.comment,
            "segment": r.segment,
            "answered_at": None if r.answered_at is None else _answered(r.answered_at),
            "line": r.line,
            "category": categorize(r.comment) if r.comment else "",
            "extra": _extra_json(r.extra) if r.extra else None,
            "created": stamp,
        }
        for rid, r in zip(ids, batch, strict=True)
    ]


class _bulk_counts:  # noqa: N801 (a context manager used like a function)
    """Drop the per-row nps_counts trigger for a bulk insert, and add the counts once at the end.

    A trigger costs ~15 us per row, which would double the time of a 100,000-row import. The DDL
    is inside the import's transaction: a crash or an error rolls it back with the rows. Undo and
    redo still go through the triggers, row by row.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.counts: Counter[tuple[str, int]] = Counter()
        self.trigger = False

    def __enter__(self) -> Counter[tuple[str, int]]:
        self.trigger = (
            self.store.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'nps_counts_insert'"
            ).fetchone()
            is not None
        )
        if self.trigger:
            self.store.db.execute("DROP TRIGGER nps_counts_insert")
        return self.counts

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is not None or not self.trigger:
            return  # the transaction rolls back, the DROP included
        self.store.db.conn.executemany(
            "INSERT INTO nps_counts (survey_id, score, n) VALUES (?, ?, ?) "
            "ON CONFLICT (survey_id, score) DO UPDATE SET n = n + excluded.n",
            [
                (survey_id, score, n)
                for (survey_id, score), n in self.counts.items()
                if score is not None and n > 0
            ],
        )
        self.store.db.execute(NPS_COUNTS_INSERT_TRIGGER)


def insert_responses_in_bulk(store: Store, rows: list[dict[str, Any]]) -> None:
    """Insert many answers in the current action, adding to nps_counts once rather than per row."""
    with _bulk_counts(store) as counts:
        store.insert_rows("responses", rows)
        counts.update((row["survey_id"], row["score"]) for row in rows)


# -- quick entry --------------------------------------------------------------------------------


# Quick-entry words are separated by spaces, commas and the Japanese 、 (after NFKC, which makes the
# full-width comma and space plain ones). The same rule lists the words and splits off the comment.
_QUICK_SEPARATOR = r"[\s,、]+"
_QUICK_SPLIT = re.compile(_QUICK_SEPARATOR)
_QUICK_EDGES = re.compile(f"^{_QUICK_SEPARATOR}|{_QUICK_SEPARATOR}$")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d*)?")


def _score_of(token: str) -> int | None:
    # NFKC turns full-width digits (１０) into ASCII, as on paper forms typed with a Japanese IME.
    text = unicodedata.normalize("NFKC", token).strip()
    if text.isdigit() and 0 <= int(text) <= 10:
        return int(text)
    return None


def _quick_words(line: str) -> list[str]:
    """The words of a quick-entry line (after NFKC, without separators at either end)."""
    text = _QUICK_EDGES.sub("", unicodedata.normalize("NFKC", line))
    return _QUICK_SPLIT.split(text) if text else []


def _leading_numbers(words: Sequence[str]) -> int:
    """How many words at the start of a line are written as numbers (the scores of the line)."""
    count = 0
    for word in words:
        if not _NUMBER.fullmatch(word):
            break
        count += 1
    return count


def _comment_after(line: str, words: int) -> str:
    """The text of `line` after its first `words` words, as typed (inner spacing kept)."""
    text = _QUICK_EDGES.sub("", unicodedata.normalize("NFKC", line))
    parts = _QUICK_SPLIT.split(text, maxsplit=words)
    return parts[words] if len(parts) > words else ""


def quick_entry_bad_tokens(line: str) -> list[str]:
    """The words of a quick-entry line that cannot be scores (empty when the line is fine).

    Every number at the start of a line is a score, so each must be 0–10 (a typo like 11 is an
    error, not a comment); a line must start with a score.
    """
    words = _quick_words(line)
    if not words:
        return []
    leading = _leading_numbers(words)
    if leading == 0:
        return [words[0]]
    return [word for word in words[:leading] if _score_of(word) is None]


def parse_quick_entry(line: str, *, segment: str = "", answered_at: date | None = None) -> list[ManualEntry]:
    """Read one line typed in quick entry: `9 10 7 3` (four scores), `3 slow service` (one score and its
    comment), `10 9 7 3 slow service` (four scores, the comment going with the last one, 3: the
    forms were typed in order and the comment was written on the last). Words are separated by
    spaces, commas or 、 (`3,slow service`, `３、待ち時間が長い`); full-width digits work. InputError
    naming the words that are no 0–10 score: every number the line starts with that is outside 0–10
    (`9 11 7` is a typo, not 9 with a comment), or a first word that is no number."""
    bad = quick_entry_bad_tokens(line)
    if bad:
        message = "; ".join(t("nps.repo.quick_bad_score", token=token) for token in bad)
        raise InputError(message, field="score")
    words = _quick_words(line)
    leading = _leading_numbers(words)
    comment = _comment_after(line, leading)
    return [
        ManualEntry(int(word), comment if index == leading - 1 else "", segment, answered_at)
        for index, word in enumerate(words[:leading])
    ]


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
            raise InputError(t("nps.repo.manual_bad_score", index=index, score=score), field="score")
    with store.action(t("nps.act.manual", n=len(items))):
        found = survey if isinstance(survey, Survey) else find_survey(store, survey.strip())
        if found is None:
            found = create_survey(store, str(survey), "manual")
        elif found.is_range:
            raise InputError(t("nps.repo.import_into_range", name=found.name), field="survey")
        stamp = utc_now()
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
                    "created": stamp,
                }
                for rid, item in zip(ids, items, strict=True)
            ],
        )
    return len(items)

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
from cxtui.nps.models import ImportResult, ManualEntry, ParsedFile, ParsedResponse, Survey
from cxtui.nps.schema import NPS_COUNTS_INSERT_TRIGGER
from cxtui.nps.surveys import create_survey, find_survey


class AlreadyImportedError(InputError):
    """The same file (same SHA-256) was already imported into this survey; nothing was changed."""

    # Not bad input as such: the command refused for a reason it explains (DESIGN: exit 1).
    exit_code = 1


class DuplicateAnswersError(AlreadyImportedError):
    """Some answers of the file are already in the workspace; nothing was changed.

    Importing again with `skip_duplicates=True` stores only the new ones. `line` is the first such
    answer's line in the file, `survey` the survey that already holds it.
    """

    def __init__(self, message: str, *, line: int, survey: str) -> None:
        super().__init__(message, field="source")
        self.line = line
        self.survey = survey


# A date alone is stored as midnight: such answers carry no time of day to tell people apart.
_DATE_ONLY_SUFFIX = "T00:00:00"
# Answers with a date but no time are a repeat only as a whole (see _Duplicates), and only when at
# least this many of them match: fewer say too little (the same "fewer than 5" as the interval).
WHOLE_IMPORT_MIN = 5


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
    answers already in the workspace are in it (see `_Duplicates` for when two answers are the same)
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
        duplicates = _Duplicates(store, import_id)
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


class _Duplicates:
    """Answers of an import already in the workspace (any survey, any earlier import).

    An answer with a time of day is the same as another when its time (to the second), score,
    comment and segment are: a survey tool's second export of the same period, or an export that
    overlaps an earlier one. These are matched one by one, batch by batch.

    An answer with a date but no time (stored as midnight) cannot be told from another person's
    answer of the same day, score and comment: two stores' surveys often share such rows. These are
    a repeat only as a whole, once the file is read (`whole_import_repeats`): when every one of them
    is in one earlier import (the same export re-saved, or a part of it), or every one of an earlier
    import's is in this file (an export that grew), counted with multiplicity, and at least
    WHOLE_IMPORT_MIN of them match. A file that overlaps an earlier one only in part is not caught
    this way (a file with the same bytes always is, by its SHA-256). Answers without a date are never
    duplicates.
    """

    def __init__(self, store: Store, import_id: str) -> None:
        self.store = store
        self.import_id = import_id
        self.count = 0
        self.found = False
        self.example: tuple[int, str] | None = None  # (line, survey) of the first one
        self.days: set[str] = set()  # stamps of this import's date-only answers (one per day)
        self.dated = 0  # how many date-only answers this import has
        self.matched: list[str] = []  # earlier imports this one repeats as a whole

    def filter(self, batch: list[Row]) -> list[Row]:
        """The answer rows of `batch` not yet in the workspace (the rest are counted)."""
        stamps = set()
        for r in batch:
            stamp = r["answered_at"]
            if stamp is None:
                continue
            if _date_only(stamp):
                self.days.add(stamp)
                self.dated += 1
            else:
                stamps.add(stamp)
        if not stamps:
            return batch
        # One range probe first: an import into a workspace without answers of that time (the usual
        # case) then costs one query per batch, not one index lookup per answer.
        overlap = self.store.conn.execute(
            "SELECT 1 FROM responses WHERE answered_at BETWEEN ? AND ? AND import_id IS NOT ? LIMIT 1",
            [min(stamps), max(stamps), self.import_id],
        ).fetchone()
        if overlap is None:
            return batch
        known: dict[tuple[str, int, str, str], str] = {}
        listed = list(stamps)
        for start in range(0, len(listed), 500):
            chunk = listed[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self.store.conn.execute(
                "SELECT r.answered_at, r.score, r.comment, r.segment, s.name FROM responses r "
                "JOIN surveys s ON s.id = r.survey_id "
                f"WHERE r.answered_at IN ({marks}) AND r.import_id IS NOT ?",
                [*chunk, self.import_id],
            ):
                known[(row[0], row[1], row[2], row[3])] = row[4]
        if not known:
            return batch
        fresh = []
        for r in batch:
            stamp = r["answered_at"]
            survey = None if stamp is None else known.get((stamp, r["score"], r["comment"], r["segment"]))
            if survey is None:
                fresh.append(r)
                continue
            self.count += 1
            self.found = True
            if self.example is None:
                self.example = (r["line"], survey)
        return fresh

    # Date-only answers of this import and of the earlier ones, on the days this import has (the
    # days as one JSON parameter: a file may span more days than SQLite takes parameters).
    _ON_DAYS = "answered_at IN (SELECT value FROM json_each(?))"

    def whole_import_repeats(self) -> bool:
        """Whether this import's date-only answers repeat earlier imports as a whole (see the class);
        they are then `matched`, and `drop_repeats` removes them."""
        if self.dated < WHOLE_IMPORT_MIN:
            return False
        days = json.dumps(sorted(self.days))
        shared = self.store.conn.execute(
            f"""
            WITH mine AS (
                SELECT answered_at, score, comment, segment, COUNT(*) AS n FROM responses
                WHERE {self._ON_DAYS} AND import_id = ? GROUP BY 1, 2, 3, 4),
            theirs AS (
                SELECT import_id, answered_at, score, comment, segment, COUNT(*) AS n FROM responses
                WHERE {self._ON_DAYS} AND import_id IS NOT NULL AND import_id != ?
                GROUP BY 1, 2, 3, 4, 5)
            SELECT t.import_id, SUM(MIN(t.n, m.n)), i.survey_id FROM theirs t
            JOIN mine m USING (answered_at, score, comment, segment)
            JOIN imports i ON i.id = t.import_id
            GROUP BY t.import_id HAVING SUM(MIN(t.n, m.n)) >= ?
            """,
            [days, self.import_id, days, self.import_id, WHOLE_IMPORT_MIN],
        ).fetchall()
        for import_id, n, survey_id in shared:
            theirs = self.store.conn.execute(
                "SELECT COUNT(*) FROM responses WHERE survey_id = ? AND import_id = ? "
                "AND substr(answered_at, 11) = ?",
                [survey_id, import_id, _DATE_ONLY_SUFFIX],
            ).fetchone()[0]
            if n in (self.dated, theirs):  # one of the two is wholly in the other
                self.matched.append(import_id)
        return bool(self.matched)

    def _repeats(self, what: str) -> str:
        """SQL selecting `what` from this import's answers that repeat the `matched` imports' (the
        first ones by line of each day, score, comment and segment, as many as those imports hold)."""
        return f"""
            WITH theirs AS (
                SELECT answered_at, score, comment, segment, COUNT(*) AS n FROM responses
                WHERE {self._ON_DAYS} AND import_id IN (SELECT value FROM json_each(?))
                GROUP BY 1, 2, 3, 4),
            mine AS (
                SELECT r.id, r.line, r.score, t.n, ROW_NUMBER() OVER (
                    PARTITION BY r.answered_at, r.score, r.comment, r.segment ORDER BY r.line) AS k
                FROM responses r JOIN theirs t USING (answered_at, score, comment, segment)
                WHERE r.{self._ON_DAYS} AND r.import_id = ?)
            {what}
            """

    def drop_repeats(self) -> Counter[int]:
        """Delete the repeated date-only answers of this import; returns how many per score.

        The import's counts (nps_counts) are added once at its end, so the delete trigger, which
        would take these answers off counts they were never added to, is held off meanwhile.
        """
        params = [json.dumps(sorted(self.days)), json.dumps(self.matched), json.dumps(sorted(self.days)),
                  self.import_id]  # fmt: skip
        conn = self.store.conn
        dropped: Counter[int] = Counter(
            dict(conn.execute(self._repeats("SELECT score, COUNT(*) FROM mine WHERE k <= n GROUP BY score"),
                              params).fetchall())
        )  # fmt: skip
        trigger = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'nps_counts_delete'"
        ).fetchone()
        if trigger is not None:
            self.store.db.execute("DROP TRIGGER nps_counts_delete")
        conn.execute(
            self._repeats("DELETE FROM responses WHERE id IN (SELECT id FROM mine WHERE k <= n)"), params
        )
        if trigger is not None:
            self.store.db.execute(trigger[0])
        self.count += sum(dropped.values())
        return dropped

    def error(self, source: str) -> DuplicateAnswersError:
        """Why the import is refused, and how to import only the new answers."""
        if self.matched:
            line, survey = self._whole_example()
            key = "nps.repo.duplicate_dated"
        else:
            line, survey = self.example or (0, "")
            key = "nps.repo.duplicate_answers"
        return DuplicateAnswersError(
            t(key, source=source, line=line, survey=survey), line=line, survey=survey
        )

    def _whole_example(self) -> tuple[int, str]:
        """(line, survey) of the first repeated date-only answer."""
        days = json.dumps(sorted(self.days))
        row = self.store.conn.execute(
            self._repeats("SELECT MIN(line) FROM mine WHERE k <= n"),
            [days, json.dumps(self.matched), days, self.import_id],
        ).fetchone()
        name = self.store.conn.execute(
            "SELECT s.name FROM imports i JOIN surveys s ON s.id = i.survey_id WHERE i.id = ?",
            [self.matched[0]],
        ).fetchone()
        return (row[0] or 0) if row else 0, name[0] if name else ""


def _date_only(stamp: str) -> bool:
    """Whether a stored answer time is a date alone (stored as midnight): no time of day."""
    return len(stamp) <= 10 or stamp.endswith(_DATE_ONLY_SUFFIX)


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

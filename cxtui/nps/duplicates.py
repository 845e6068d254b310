"""Answers never counted twice: the errors an import refuses with, and the check of each import's
answers against those already in the workspace (`Duplicates`). Used by `cxtui.nps.repo`."""

from __future__ import annotations

import json
from collections import Counter

from cxtui.db.journal import Row
from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.i18n import t


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
# Answers with a date but no time are a repeat only as a whole (see Duplicates), and only when at
# least this many of them match: fewer say too little (the same "fewer than 5" as the interval).
WHOLE_IMPORT_MIN = 5


class Duplicates:
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
            if date_only(stamp):
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


def date_only(stamp: str) -> bool:
    """Whether a stored answer time is a date alone (stored as midnight): no time of day."""
    return len(stamp) <= 10 or stamp.endswith(_DATE_ONLY_SUFFIX)

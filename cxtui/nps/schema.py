"""NPS tables (migration steps; `cxtui.db.migrations` lists every domain's steps in order).

Never edit an applied step: add a new one and append it to that list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m002_nps(db: Database) -> None:
    """NPS: surveys, their responses, the files imported into them and detractor follow-ups."""
    db.execute(
        """
        CREATE TABLE surveys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('import', 'manual', 'range', 'template')),
            source TEXT NOT NULL DEFAULT '',
            range_start TEXT, range_end TEXT,
            template TEXT,
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE imports (
            id TEXT PRIMARY KEY,
            survey_id TEXT NOT NULL REFERENCES surveys(id),
            sha256 TEXT NOT NULL, source TEXT NOT NULL DEFAULT '',
            encoding TEXT NOT NULL DEFAULT '', layout TEXT NOT NULL DEFAULT '',
            score_column TEXT NOT NULL DEFAULT '', comment_column TEXT, segment_column TEXT, date_column TEXT,
            imported INTEGER NOT NULL DEFAULT 0, blank INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL,
            UNIQUE (survey_id, sha256)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE responses (
            id TEXT PRIMARY KEY,
            survey_id TEXT NOT NULL REFERENCES surveys(id),
            import_id TEXT REFERENCES imports(id),
            -- NULL only for light-survey answers without an NPS question (the 1-minute survey).
            score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 10),
            comment TEXT NOT NULL DEFAULT '', segment TEXT NOT NULL DEFAULT '',
            answered_at TEXT, line INTEGER,
            category TEXT NOT NULL DEFAULT '',
            extra TEXT,
            created TEXT NOT NULL
        )
        """
    )
    # Covering indexes: the per-survey counts (and per-segment counts) are read from the index
    # alone, never from the table, which is what keeps `nps show` on a million rows fast.
    db.execute("CREATE INDEX responses_survey_score ON responses(survey_id, score)")
    db.execute("CREATE INDEX responses_survey_segment ON responses(survey_id, segment, score)")
    # First/last answer per survey (a min/max seek) and the trend of one survey, from the index.
    db.execute("CREATE INDEX responses_survey_answered ON responses(survey_id, answered_at, score)")
    # Date-range "surveys" read every survey between two dates.
    db.execute("CREATE INDEX responses_answered ON responses(answered_at, score)")
    db.execute(
        """
        CREATE TABLE followups (
            id TEXT PRIMARY KEY,
            response_id TEXT NOT NULL UNIQUE REFERENCES responses(id),
            owner TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'contacted', 'resolved')),
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )


_COUNT_ADD = (
    "INSERT INTO nps_counts (survey_id, score, n) SELECT {row}.survey_id, {row}.score, 1 "
    "WHERE {row}.score IS NOT NULL "  # the WHERE also lets SQLite parse the upsert after a SELECT
    "ON CONFLICT (survey_id, score) DO UPDATE SET n = n + 1;"
)
_COUNT_REMOVE = (
    "UPDATE nps_counts SET n = n - 1 WHERE survey_id = {row}.survey_id AND score = {row}.score "
    "AND {row}.score IS NOT NULL;"
)
# Bulk imports drop and recreate this one inside their transaction (see nps.repo): a trigger costs
# ~15 us per row, which would double the time of a 100,000-row import.
NPS_COUNTS_INSERT_TRIGGER = (
    f"CREATE TRIGGER nps_counts_insert AFTER INSERT ON responses BEGIN {_COUNT_ADD.format(row='NEW')} END"
)


def m003_nps_counts(db: Database) -> None:
    """Answers per (survey, score), kept exact by triggers on `responses`.

    The survey list and the overview read these ~11 rows a survey instead of scanning every answer
    (1M answers: ~500 ms -> ~5 ms). Triggers keep them right on every write path: imports, quick
    entry, deletes, and undo/redo, which replays response rows.
    """
    db.execute(
        """
        CREATE TABLE nps_counts (
            survey_id TEXT NOT NULL, score INTEGER NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (survey_id, score)
        ) WITHOUT ROWID
        """
    )
    db.execute(NPS_COUNTS_INSERT_TRIGGER)
    remove_old = _COUNT_REMOVE.format(row="OLD")
    db.execute(f"CREATE TRIGGER nps_counts_delete AFTER DELETE ON responses BEGIN {remove_old} END")
    db.execute(
        "CREATE TRIGGER nps_counts_update AFTER UPDATE OF survey_id, score ON responses "
        f"BEGIN {remove_old} {_COUNT_ADD.format(row='NEW')} END"
    )
    db.execute(
        "INSERT INTO nps_counts (survey_id, score, n) "
        "SELECT survey_id, score, COUNT(*) FROM responses WHERE score IS NOT NULL GROUP BY survey_id, score"
    )


def m008_nps_counts_no_zero(db: Database) -> None:
    """No `nps_counts` row with n = 0: undoing an import into a new survey deletes the survey, and
    its counts must go with it (they were left at n = 0 for a survey that no longer exists)."""
    db.execute(
        "CREATE TRIGGER nps_counts_zero AFTER UPDATE OF n ON nps_counts WHEN NEW.n <= 0 "
        "BEGIN DELETE FROM nps_counts WHERE survey_id = NEW.survey_id AND score = NEW.score; END"
    )
    db.execute("DELETE FROM nps_counts WHERE n <= 0")

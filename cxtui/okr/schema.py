"""OKR tables (migration steps; `cxtui.db.migrations` lists every domain's steps in order).

Never edit an applied step: add a new one and append it to that list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m001_okr(db: Database) -> None:
    """Periods, objectives, key results, check-ins, and the workspace settings every domain shares."""
    db.execute(
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)
        """
    )
    db.execute(
        """
        CREATE TABLE periods (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE objectives (
            id TEXT PRIMARY KEY,
            period_id TEXT NOT NULL REFERENCES periods(id),
            parent_id TEXT REFERENCES objectives(id),
            title TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0, rollup INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX objectives_period ON objectives(period_id, position)")
    db.execute("CREATE INDEX objectives_parent ON objectives(parent_id)")
    db.execute(
        """
        CREATE TABLE key_results (
            id TEXT PRIMARY KEY,
            objective_id TEXT NOT NULL REFERENCES objectives(id),
            title TEXT NOT NULL, kind TEXT NOT NULL, start REAL NOT NULL, target REAL NOT NULL,
            current REAL, confidence TEXT, unit TEXT NOT NULL DEFAULT '', weight REAL NOT NULL DEFAULT 1,
            owner TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX key_results_objective ON key_results(objective_id, position)")
    db.execute(
        """
        CREATE TABLE checkins (
            id TEXT PRIMARY KEY,
            kr_id TEXT NOT NULL REFERENCES key_results(id),
            date TEXT NOT NULL, value REAL NOT NULL, confidence TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '', blocker TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX checkins_kr ON checkins(kr_id, date)")

"""Weekly-review tables (migration steps; `cxtui.db.migrations` lists every domain's steps in order).

Never edit an applied step: add a new one and append it to that list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m007_review(db: Database) -> None:
    """Weekly reviews and the items entered in each."""
    db.execute(
        """
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            date TEXT NOT NULL, started TEXT NOT NULL, finished TEXT,
            step INTEGER NOT NULL DEFAULT 1, seconds INTEGER NOT NULL DEFAULT 0,
            learning TEXT NOT NULL DEFAULT '', next_step TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX reviews_date ON reviews(date)")
    # ref_id and record_id point into other domains' tables (KRs, KPIs, cycles; check-ins, values,
    # evidence): no foreign keys, so deleting those never fails; readers skip what is gone.
    db.execute(
        """
        CREATE TABLE review_items (
            id TEXT PRIMARY KEY,
            review_id TEXT NOT NULL REFERENCES reviews(id),
            kind TEXT NOT NULL CHECK (kind IN ('kr', 'kpi', 'voice', 'cycle')),
            ref_id TEXT, value REAL, text TEXT NOT NULL DEFAULT '', record_id TEXT,
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX review_items_review ON review_items(review_id, kind)")

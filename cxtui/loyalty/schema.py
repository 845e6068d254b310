"""Loyalty and ROX tables (migration steps; `cxtui.db.migrations` lists every domain's steps in order).

Never edit an applied step: add a new one and append it to that list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m005_loyalty(db: Database) -> None:
    """Monthly loyalty figures, the ROX log of deals, and the files imported into them."""
    db.execute(
        """
        CREATE TABLE loyalty_imports (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('months', 'deals')),
            sha256 TEXT NOT NULL, source TEXT NOT NULL DEFAULT '', encoding TEXT NOT NULL DEFAULT '',
            imported INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL,
            UNIQUE (kind, sha256)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE loyalty_months (
            id TEXT PRIMARY KEY,
            month TEXT NOT NULL UNIQUE,
            repurchase_rate REAL CHECK (repurchase_rate BETWEEN 0 AND 100),
            referrals INTEGER CHECK (referrals >= 0),
            churn_rate REAL CHECK (churn_rate BETWEEN 0 AND 100),
            months_retained REAL CHECK (months_retained > 0),
            average_spend REAL CHECK (average_spend >= 0),
            note TEXT NOT NULL DEFAULT '',
            import_id TEXT REFERENCES loyalty_imports(id),
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE rox_deals (
            id TEXT PRIMARY KEY,
            date TEXT NOT NULL,
            name TEXT NOT NULL,
            came_by_name INTEGER NOT NULL DEFAULT 0 CHECK (came_by_name IN (0, 1)),
            already_understood INTEGER NOT NULL DEFAULT 0 CHECK (already_understood IN (0, 1)),
            no_price_negotiation INTEGER NOT NULL DEFAULT 0 CHECK (no_price_negotiation IN (0, 1)),
            outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost')),
            note TEXT NOT NULL DEFAULT '',
            import_id TEXT REFERENCES loyalty_imports(id),
            line INTEGER,
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    # One deal per name and day: an import meeting it again skips or rejects the row. The index
    # also serves the log (newest first) and the month counts (a range scan on date).
    db.execute("CREATE UNIQUE INDEX rox_deals_date_name ON rox_deals(date, name)")

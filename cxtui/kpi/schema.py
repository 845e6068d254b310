"""KPI tables (migration steps; `cxtui.db.migrations` lists every domain's steps in order).

Never edit an applied step: add a new one and append it to that list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m004_kpi(db: Database) -> None:
    """KPIs, their dated values, the files imported into them, and field evidence."""
    db.execute(
        """
        CREATE TABLE kpis (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL, layer TEXT NOT NULL, unit TEXT NOT NULL DEFAULT '',
            direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
            target REAL,
            cadence TEXT NOT NULL DEFAULT 'weekly'
                CHECK (cadence IN ('weekly', 'right_after', 'next_week', 'monthly')),
            focus INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL DEFAULT 0,
            kr_id TEXT,
            source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'nps', 'cycles')),
            source_ref TEXT NOT NULL DEFAULT '',
            definition TEXT NOT NULL DEFAULT '', how_measured TEXT NOT NULL DEFAULT '',
            formula TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX kpis_layer ON kpis(layer, position)")
    db.execute(
        """
        CREATE TABLE kpi_imports (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE, source TEXT NOT NULL DEFAULT '',
            encoding TEXT NOT NULL DEFAULT '', layout TEXT NOT NULL DEFAULT '',
            imported INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE kpi_values (
            id TEXT PRIMARY KEY,
            kpi_id TEXT NOT NULL REFERENCES kpis(id),
            date TEXT NOT NULL, value REAL NOT NULL, note TEXT NOT NULL DEFAULT '',
            import_id TEXT REFERENCES kpi_imports(id),
            created TEXT NOT NULL, updated TEXT NOT NULL,
            UNIQUE (kpi_id, date)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE evidence (
            id TEXT PRIMARY KEY,
            date TEXT NOT NULL, quote TEXT NOT NULL, scene TEXT NOT NULL DEFAULT '',
            next_step TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'conversation' CHECK (kind IN ('conversation', 'behaviour', 'other')),
            kpi_id TEXT REFERENCES kpis(id),
            cycle_id TEXT,
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX evidence_date ON evidence(date)")
    db.execute("CREATE INDEX evidence_kpi ON evidence(kpi_id, date)")

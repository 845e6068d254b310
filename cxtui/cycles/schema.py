"""Learning-cycle tables (migration steps; `cxtui.db.migrations` lists every domain's steps in order).

Never edit an applied step: add a new one and append it to that list. `cxtui.kpi.sources` counts
reviewed cycles per month from `cycles.state` and `cycles."end"` (the action KPI "cycles run").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m006_cycles(db: Database) -> None:
    """Learning cycles and the KPIs each one watches."""
    db.execute(
        """
        CREATE TABLE cycles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'running', 'reviewed')),
            start TEXT NOT NULL, "end" TEXT NOT NULL,
            hypothesis TEXT NOT NULL DEFAULT '', change TEXT NOT NULL DEFAULT '',
            learning TEXT NOT NULL DEFAULT '', next_step TEXT NOT NULL DEFAULT '',
            previous_id TEXT REFERENCES cycles(id),
            created TEXT NOT NULL, updated TEXT NOT NULL
        )
        """
    )
    db.execute('CREATE INDEX cycles_state_end ON cycles(state, "end")')
    # No foreign key to kpis: deleting a KPI (cxtui.kpi.repo) must not be refused because a cycle
    # watched it; readers join and skip links whose KPI is gone.
    db.execute(
        """
        CREATE TABLE cycle_kpis (
            id TEXT PRIMARY KEY,
            cycle_id TEXT NOT NULL REFERENCES cycles(id),
            kpi_id TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL, updated TEXT NOT NULL,
            UNIQUE (cycle_id, kpi_id)
        )
        """
    )
    db.execute("CREATE INDEX cycle_kpis_kpi ON cycle_kpis(kpi_id)")

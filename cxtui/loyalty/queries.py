"""Loyalty and ROX reads that other screens need too (the dashboard's ROX rate): kept apart from the
repository, which also imports and edits, so reading them loads no importer.

Counting is done by SQLite; the formulas are in `metrics`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cxtui.db.store import Store

if TYPE_CHECKING:
    from cxtui.loyalty.metrics import RoxMonth


def has_tables(store: Store) -> bool:
    """Whether the workspace has the loyalty tables (an older file opened read-only may not)."""
    return store.has_table("rox_deals")


_FAVOURABLE = "(came_by_name OR already_understood OR no_price_negotiation)"
_ROX_SQL = f"""
SELECT substr(date, 1, 7) AS month,
    count(*) AS deals,
    sum({_FAVOURABLE}) AS favourable,
    sum(came_by_name) AS came_by_name,
    sum(already_understood) AS already_understood,
    sum(no_price_negotiation) AS no_price_negotiation,
    sum({_FAVOURABLE} AND outcome = 'won') AS won_favourable,
    sum({_FAVOURABLE} AND outcome <> 'open') AS decided_favourable,
    sum(NOT {_FAVOURABLE} AND outcome = 'won') AS won_other,
    sum(NOT {_FAVOURABLE} AND outcome <> 'open') AS decided_other
FROM rox_deals {{where}} GROUP BY month
"""


def rox_by_month(store: Store) -> list[RoxMonth]:
    """ROX by month, oldest first, from the first month with deals to the last (empty months included)."""
    from cxtui.loyalty import metrics
    from cxtui.loyalty.metrics import RoxMonth

    if not has_tables(store):
        return []
    found = {
        str(r["month"]): RoxMonth(str(r["month"]), *(int(r[name]) for name in metrics.COUNTS))
        for r in store.rows(_ROX_SQL.format(where=""))
    }
    return metrics.with_gaps(found)


def rox_between(store: Store, start: date, end: date) -> tuple[int, int] | None:
    """(favourable, deals) of the deals dated `start`..`end` (inclusive); None when the workspace has
    no deal log. The dashboard's ROX rate: plain counts, so its first paint loads neither the
    loyalty models nor their metrics."""
    if not has_tables(store):
        return None
    row = store.rows(
        f"SELECT count(*) AS deals, coalesce(sum({_FAVOURABLE}), 0) AS favourable FROM rox_deals "
        "WHERE date >= ? AND date <= ?",
        [start.isoformat(), end.isoformat()],
    )[0]
    return int(row["favourable"]), int(row["deals"])

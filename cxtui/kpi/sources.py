"""A KPI's series: its typed values, or values taken from elsewhere in the workspace.

- typed: the values recorded for it;
- nps: the NPS by month of one survey (`source_ref`) or of every answer, with each month's n; or
  one value per survey (`source_ref` BY_SURVEY), dated by the survey's last answer;
- cycles: the learning cycles reviewed per month (seed 001's action KPI "cycles run"), counted
  from the cycles table when the workspace has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cxtui.db.store import Store
from cxtui.kpi.models import BY_SURVEY, Kpi, KpiValue, Source


@dataclass(frozen=True)
class Point:
    """One value of a series: its date, the value, and how many answers it rests on (NPS only)."""

    date: date
    value: float
    n: int | None = None
    value_id: str | None = None  # the stored KpiValue, for typed series (edit, delete)


def series(store: Store, kpi: Kpi, typed: list[KpiValue] | None = None) -> list[Point]:
    """The KPI's values, oldest first (`typed`: its values when the caller already read them)."""
    if kpi.source is Source.nps:
        if kpi.source_ref == BY_SURVEY:
            return _nps_by_survey(store)
        return _nps_by_month(store, kpi.source_ref)
    if kpi.source is Source.cycles:
        return _cycles_by_month(store)
    if typed is None:
        # Here, not at the top: the dashboard's "cycles run" needs no repository (~2 ms at start-up).
        from cxtui.kpi.repo import values

        typed = values(store, kpi.id)
    rows = typed
    return [Point(v.date, v.value, None, v.id) for v in rows]


def _nps_by_month(store: Store, survey: str) -> list[Point]:
    from cxtui.nps.models import Ref
    from cxtui.nps.queries import trend

    if not store.has_table("responses"):
        return []
    target = survey if survey else Ref("all")
    return [Point(p.start, p.nps, p.counts.n) for p in trend(store, target, "month") if p.nps is not None]


def _nps_by_survey(store: Store) -> list[Point]:
    from cxtui.nps.queries import summaries

    if not store.has_table("responses"):
        return []
    found = [Point(s.last, s.nps, s.n) for s in summaries(store) if s.nps is not None and s.last is not None]
    return sorted(found, key=lambda p: p.date)


def _cycles_by_month(store: Store) -> list[Point]:
    # Read by SQL rather than through the cycles domain, which itself reads KPIs (no import cycle).
    if not store.has_table("cycles"):
        return []
    rows = store.rows(
        'SELECT substr("end", 1, 7) AS month, COUNT(*) AS n FROM cycles '
        "WHERE state = 'reviewed' GROUP BY month ORDER BY month"
    )
    return [Point(date.fromisoformat(f"{r['month']}-01"), float(r["n"])) for r in rows]

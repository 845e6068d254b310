"""Pure learning-cycle figures: a watched KPI's number before and after the cycle, judged by the
KPI's direction, and the count of cycles run per month (seed 001's action KPI)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from cxtui.kpi.metrics import Change, change
from cxtui.kpi.models import Kpi
from cxtui.kpi.sources import Point

# Why a before/after pair cannot be compared (None when it can).
NO_VALUE = "no_value"  # nothing on or before the end
NO_BEFORE = "no_before"  # nothing on or before the start
NONE_DURING = "none_during"  # the latest value by the end is from before the start


@dataclass(frozen=True)
class BeforeAfter:
    """A watched KPI's value on the cycle's start and end (the latest on or before each day)."""

    kpi: Kpi
    before: Point | None
    after: Point | None
    missing: str | None
    change: Change | None

    @property
    def delta(self) -> float | None:
        """after − before, when both exist and a value was recorded during the cycle."""
        return None if self.change is None else self.change.delta


def latest_by(points: Sequence[Point], day: date) -> Point | None:
    """The latest point dated on or before `day` (points oldest first)."""
    found = None
    for point in points:
        if point.date > day:
            break
        found = point
    return found


def judge(kpi: Kpi, before: Point | None, after: Point | None, start: date) -> BeforeAfter:
    """The pair for one KPI: `before` = latest on or before the start, `after` = latest on or before
    the end; says which is missing, and the change for the better or worse by the KPI's direction."""
    if after is None:
        return BeforeAfter(kpi, before, None, NO_VALUE, None)
    if after.date <= start:
        # Nothing was recorded during the cycle: "after" is the "before" value again, not a result.
        return BeforeAfter(kpi, before, after, NONE_DURING, None)
    if before is None:
        return BeforeAfter(kpi, None, after, NO_BEFORE, None)
    return BeforeAfter(kpi, before, after, None, change(after.value, before.value, kpi.direction))


def per_month(ends: Iterable[date]) -> list[tuple[str, int]]:
    """Reviewed cycles per month ("YYYY-MM", count) by the month of their end, oldest first, months
    without any included between the first and the last (a gap is news too)."""
    counts: dict[tuple[int, int], int] = {}
    for end in ends:
        counts[(end.year, end.month)] = counts.get((end.year, end.month), 0) + 1
    if not counts:
        return []
    (year, month), last = min(counts), max(counts)
    out = []
    while (year, month) <= last:
        out.append((f"{year}-{month:02d}", counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out

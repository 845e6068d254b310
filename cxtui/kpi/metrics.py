"""Pure KPI formulas: change since the previous value judged by direction, distance to the target,
and whether a value is due by the KPI's cadence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cxtui.kpi.models import Cadence, Direction


@dataclass(frozen=True)
class Change:
    """The change from the previous value to the latest, and whether it is for the better."""

    delta: float
    trend: str  # "up" | "down" | "flat"
    good: bool | None  # None when flat

    @property
    def verdict(self) -> str:
        """ "better", "worse" or "same": what the arrow means for this KPI's direction."""
        return "same" if self.good is None else "better" if self.good else "worse"


def change(latest: float, previous: float | None, direction: Direction) -> Change | None:
    """latest − previous, with "up/down" and better/worse by direction (for "lower is better" a fall
    is good); None without a previous value."""
    if previous is None:
        return None
    delta = latest - previous
    if abs(delta) < 1e-12:
        return Change(0.0, "flat", None)
    trend = "up" if delta > 0 else "down"
    return Change(delta, trend, (delta > 0) == (direction is Direction.HIGHER))


@dataclass(frozen=True)
class Distance:
    """How far the latest value is from the target, in the KPI's unit."""

    gap: float  # target − latest (negative when above the target)
    reached: bool  # at or past the target in the good direction


def distance(latest: float, target: float | None, direction: Direction) -> Distance | None:
    """The gap to the target and whether it is reached; None without a target."""
    if target is None:
        return None
    gap = target - latest
    reached = latest >= target if direction is Direction.HIGHER else latest <= target
    return Distance(gap, reached)


def period_start(cadence: Cadence, day: date) -> date:
    """The first day of the measuring period containing `day`: its week (Monday) or its month."""
    if cadence is Cadence.monthly:
        return day.replace(day=1)
    return day - timedelta(days=day.weekday())


def is_due(cadence: Cadence, last: date | None, today: date) -> bool:
    """Whether a value is due: none yet in the current week (weekly, right after, next week) or
    month (monthly)."""
    return last is None or last < period_start(cadence, today)

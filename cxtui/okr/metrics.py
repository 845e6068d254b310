"""Pure OKR formulas (DESIGN.md): progress by kind, objective roll-up, bands, expected progress."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from cxtui.format import round_half_away
from cxtui.okr.models import Band, KeyResult, KRKind, Period

GREEN_FROM = 0.70
AMBER_FROM = 0.40
MAX_KRS_ADVISED = 5


def raw_progress(kind: KRKind, start: float, target: float, current: float) -> float:
    """Progress as a fraction, unclamped: it may exceed 1 or fall below 0.

    One formula, (current - start) / (target - start), serves increase and decrease alike,
    which is what makes "churn 8 % -> 3 %" come out right. Guardrails are 1 while the value
    keeps its side of the threshold (reaching it counts as kept); milestones are 0 or 1.
    """
    if kind in (KRKind.increase, KRKind.decrease):
        span = target - start
        if span == 0:
            return 1.0 if current == target else 0.0
        return (current - start) / span
    if kind is KRKind.stay_above:
        return 1.0 if current >= target else 0.0
    if kind is KRKind.stay_below:
        return 1.0 if current <= target else 0.0
    return 1.0 if current >= 1 else 0.0


def clamp01(value: float) -> float:
    """Clamp to 0..1, the range bars show."""
    return min(1.0, max(0.0, value))


def kr_progress(kr: KeyResult) -> float:
    """Clamped progress of a key result at its latest value."""
    return clamp01(raw_progress(kr.kind, kr.start, kr.target, kr.value))


def kr_raw_progress(kr: KeyResult) -> float:
    """Unclamped progress of a key result at its latest value."""
    return raw_progress(kr.kind, kr.start, kr.target, kr.value)


def weighted_mean(items: Iterable[tuple[float, float]]) -> float | None:
    """Weighted mean of (value, weight) pairs; None when there is nothing to average."""
    total = 0.0
    weights = 0.0
    for value, weight in items:
        total += value * weight
        weights += weight
    return None if weights == 0 else total / weights


def objective_progress(krs: Iterable[KeyResult], child_progress: Iterable[float] = ()) -> float | None:
    """Weighted mean of clamped KR progress, optionally with rolled-up child objectives (weight 1).

    Clamped values are averaged so one over-achieved KR cannot hide another that is behind.
    """
    pairs = [(kr_progress(kr), kr.weight) for kr in krs]
    pairs += [(p, 1.0) for p in child_progress]
    return weighted_mean(pairs)


def band(progress: float) -> Band:
    """Grading band: >= 70 % green, 40-69 % amber, < 40 % red."""
    if progress >= GREEN_FROM - 1e-12:
        return Band.green
    if progress >= AMBER_FROM - 1e-12:
        return Band.amber
    return Band.red


def expected_progress(period: Period, today: date) -> float:
    """Linear expected progress through the period on `today` (0 before it starts, 1 after it ends)."""
    if today < period.start:
        return 0.0
    if today >= period.end:
        return 1.0
    return clamp01(((today - period.start).days + 1) / period.days)


def is_behind(progress: float, expected: float) -> bool:
    """A KR or objective is behind when its progress is below the expected progress."""
    return progress + 1e-9 < expected


def percent(fraction: float) -> int:
    """A fraction as a whole percentage, rounded half away from zero."""
    return int(round_half_away(fraction * 100))

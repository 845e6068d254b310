"""Display rounding, dependency-free so fast paths (`nps show`) need not import the models."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_away(value: float, digits: int = 0) -> float:
    """Round half away from zero (Python's round() rounds half to even), for display."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))

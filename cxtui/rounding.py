"""Display rounding and numbers, dependency-free so fast paths (`nps show`) need not import the models.

The report, the tree, the detail pane and the dialogs all show values through `number` and
`with_unit`, so a value reads the same everywhere.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_away(value: float, digits: int = 0) -> float:
    """Round half away from zero (Python's round() rounds half to even), for display."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def number(value: float) -> str:
    """A value for display: at most two decimals, half away from zero, thousands separated."""
    text = f"{round_half_away(value, 2):,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def with_unit(value: float, unit: str) -> str:
    """A value with its unit ('4.5%', '48 h')."""
    if not unit:
        return number(value)
    # Symbols and rates ("%", "/5") read best attached; words ("h", "件") after a space.
    return f"{number(value)}{unit}" if unit[0] in "%％/" else f"{number(value)} {unit}"

"""How numbers and text widths are shown, once for the CLI, the report and the screens.

Dependency-free, so the fast paths (`nps show`) need not import the models. A number reads the
same everywhere: values `1,234.5` and `4.5%`, shares `47%`, NPS-like points and changes signed
(`+25`, `-5`), p-values `p = 0.012` / `p < 0.001`. Display rounds half away from zero; JSON keeps
the exact values.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal

NONE = "—"


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


def percent(fraction: float) -> int:
    """A fraction (0..1) as a whole percentage, rounded half away from zero."""
    return int(round_half_away(fraction * 100))


def percent_text(fraction: float | None) -> str:
    """A fraction (0..1) as a whole percentage: `47%`; '-' for none."""
    return "-" if fraction is None else f"{percent(fraction)}%"


def share_text(value: float | None) -> str:
    """A value already in percent (0..100) as a whole percentage: `55%`; '—' for none."""
    return NONE if value is None else f"{int(round_half_away(value))}%"


def points(value: float | None, *, signed: bool = True) -> str:
    """An NPS-like value or a change in points: `+40`, `-5`, `0`; '—' for none.

    Signed by default: an NPS is a difference (promoters − detractors), and its sign is the news.
    """
    if value is None:
        return NONE
    rounded = int(round_half_away(value))
    if rounded == 0:
        return "0"
    return f"{rounded:+d}" if signed else f"{rounded:d}"


def interval(ci: tuple[float, float] | None) -> str:
    """An interval in points: `[+12, +38]`; '—' for none."""
    if ci is None:
        return NONE
    return f"[{points(ci[0])}, {points(ci[1])}]"


def exact_points(value: float) -> str:
    """An exact NPS as a formula line writes it: `40`, `33.3`, `-12.5` (one decimal at most)."""
    rounded = round_half_away(value, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def p_text(p: float | None) -> str:
    """A p-value as reports write it: `p = 0.012`, or `p < 0.001` when it is tiny."""
    if p is None:
        return f"p = {NONE}"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal or monospace font (wide East Asian characters take two,
    combining marks none)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


def ljust(text: str, width: int) -> str:
    """Left-justify to `width` terminal columns (a Japanese character takes two)."""
    return text + " " * max(0, width - display_width(text))


def rjust(text: str, width: int) -> str:
    """Right-justify to `width` terminal columns (a Japanese character takes two)."""
    return " " * max(0, width - display_width(text)) + text

"""Loyalty and ROX figures as text, the same in the CLI, the report and the screen.

Every function reads the JSON objects (`MonthFigures.to_json()`, `RoxMonth.to_json()`), so each
format shows exactly what the JSON carries. An estimated value reads `≈8.1 est.`: the mark and the
word say it, not a colour.
"""

from __future__ import annotations

from typing import Any

from cxtui.format import NONE, number, round_half_away, share_text, with_unit
from cxtui.i18n import t
from cxtui.loyalty.models import SIGNALS

Data = dict[str, Any]


def value_text(value: float | None, unit: str = "") -> str:
    """A figure as shown (`40.5%`, `1,234`); a dash when blank."""
    return NONE if value is None else with_unit(value, unit)


def estimated_text(value: float | None, estimated: bool, digits: int = 2) -> str:
    """A value (at most `digits` decimals), marked `≈… est.` when it is the 100 / churn estimate."""
    if value is None:
        return NONE
    text = number(round_half_away(value, digits))
    return t("loyalty.cell.estimated", value=text) if estimated else text


def loyalty_headers() -> list[str]:
    """Column headers of the monthly table."""
    return [t(f"loyalty.col.{name}") for name in LOYALTY_COLUMNS]


LOYALTY_COLUMNS = (
    "month", "repurchase_rate", "referrals", "churn_rate", "months_retained", "average_spend", "ltv",
)  # fmt: skip


def loyalty_cells(month: Data) -> list[str]:
    """One month as the table's cells."""
    estimated = bool(month["months_retained_estimated"])
    return [
        str(month["month"]),
        value_text(month["repurchase_rate"], "%"),
        value_text(month["referrals"]),
        value_text(month["churn_rate"], "%"),
        estimated_text(month["months_retained"], estimated),
        value_text(month["average_spend"]),
        # An LTV is money: whole units (the JSON keeps it exact).
        estimated_text(month["ltv"], estimated, digits=0),
    ]


# The win rates come before the signals' shares: on an 80-column screen they are what stays in view.
ROX_COLUMNS = (
    "month", "deals", "favourable", "rate", "win_favourable", "win_other", "came_by_name",
    "already_understood", "no_price_negotiation",
)  # fmt: skip


def rox_headers() -> list[str]:
    """Column headers of the ROX-by-month table (the signals' columns hold their shares)."""
    return [t(f"loyalty.col.{name}") for name in ROX_COLUMNS]


def win_text(won: int, decided: int, rate: float | None) -> str:
    """`67% (4/6)`: a win rate with the counts it comes from; a dash when nothing was decided."""
    return NONE if rate is None else f"{share_text(rate)} ({won}/{decided})"


def rox_cells(month: Data) -> list[str]:
    """One month (or the total) as the table's cells."""
    label = t("loyalty.cell.total") if month["month"] == "total" else str(month["month"])
    return [
        label,
        str(month["deals"]),
        str(month["favourable"]),
        share_text(month["rate"]),
        win_text(month["won_favourable"], month["decided_favourable"], month["win_rate_favourable"]),
        win_text(month["won_other"], month["decided_other"], month["win_rate_other"]),
        *(share_text(month[f"{signal}_share"]) for signal in SIGNALS),
    ]

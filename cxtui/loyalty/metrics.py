"""Pure loyalty and ROX formulas (DESIGN.md, seeds 000 and 002), and their definitions for the A4 sheet.

Monthly: simple LTV = average spend × months retained; when months retained is blank and the churn
rate is above 0, months retained is estimated as 100 / churn rate (percent), i.e. 1 / churn, and
marked estimated. ROX ("the win rate before selling starts"): a deal started favourable when at
least one of its three signals is set; ROX rate = 100 × favourable / deals; win rate = 100 × won /
decided (won + lost), for favourable deals and for the others. Rates are in percent and exact;
display rounds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from cxtui.i18n import t
from cxtui.loyalty.models import SIGNALS, Deal, LoyaltyMonth, Outcome, month_key


def rate(part: int, whole: int) -> float | None:
    """100 × part / whole in percent; None when there is nothing to divide by."""
    return None if whole == 0 else 100 * part / whole


def estimated_months_retained(churn_rate: float | None) -> float | None:
    """Months a customer stays when only the monthly churn is known: 100 / churn (percent) = 1 / churn.

    None for a blank or zero churn (no one leaves: the estimate would be infinite).
    """
    if churn_rate is None or churn_rate <= 0:
        return None
    return 100 / churn_rate


def ltv(average_spend: float | None, months_retained: float | None) -> float | None:
    """Simple LTV = average spend × months retained; None when either is unknown."""
    if average_spend is None or months_retained is None:
        return None
    return average_spend * months_retained


@dataclass(frozen=True)
class MonthFigures:
    """A month as shown and reported: its figures, the months retained used, and the LTV."""

    month: LoyaltyMonth
    months_retained: float | None  # as entered, or estimated from churn
    estimated: bool  # months retained (and so the LTV) is the 100 / churn estimate
    ltv: float | None

    def to_json(self) -> dict[str, Any]:
        """DESIGN.md's `loyalty show --json` month object (rates in percent, exact values)."""
        m = self.month
        return {
            "month": m.month,
            "repurchase_rate": m.repurchase_rate,
            "referrals": m.referrals,
            "churn_rate": m.churn_rate,
            "months_retained": self.months_retained,
            "months_retained_estimated": self.estimated,
            "average_spend": m.average_spend,
            "ltv": self.ltv,
            # Added keys: what was typed, and the note.
            "months_retained_entered": m.months_retained,
            "note": m.note,
        }


def figures(month: LoyaltyMonth) -> MonthFigures:
    """A month's LTV, estimating months retained from churn when it was left blank."""
    retained = month.months_retained
    estimated = False
    if retained is None:
        retained = estimated_months_retained(month.churn_rate)
        estimated = retained is not None
    return MonthFigures(month, retained, estimated, ltv(month.average_spend, retained))


# -- ROX -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoxMonth:
    """The ROX of one month (or of every month, `month` = "total"): counts, and rates from them."""

    month: str
    deals: int = 0
    favourable: int = 0
    came_by_name: int = 0
    already_understood: int = 0
    no_price_negotiation: int = 0
    won_favourable: int = 0
    decided_favourable: int = 0
    won_other: int = 0
    decided_other: int = 0

    @property
    def rate(self) -> float | None:
        """ROX rate = 100 × favourable / deals."""
        return rate(self.favourable, self.deals)

    def share(self, signal: str) -> float | None:
        """Share of the month's deals with `signal` set, in percent."""
        count: int = getattr(self, signal)
        return rate(count, self.deals)

    @property
    def win_rate_favourable(self) -> float | None:
        """Win rate of deals that started favourable: 100 × won / decided."""
        return rate(self.won_favourable, self.decided_favourable)

    @property
    def win_rate_other(self) -> float | None:
        """Win rate of the other decided deals: 100 × won / decided."""
        return rate(self.won_other, self.decided_other)

    @property
    def win_rate_gap(self) -> float | None:
        """What a favourable start is worth: favourable win rate − other win rate, in points."""
        fav, other = self.win_rate_favourable, self.win_rate_other
        return None if fav is None or other is None else fav - other

    @property
    def open(self) -> int:
        """Deals not decided yet."""
        return self.deals - self.decided_favourable - self.decided_other

    def __add__(self, other: RoxMonth) -> RoxMonth:
        return RoxMonth(
            self.month,
            *(getattr(self, name) + getattr(other, name) for name in COUNTS),
        )

    def to_json(self) -> dict[str, Any]:
        """DESIGN.md's `rox show --json` month object: counts, `rate` in percent, exact."""
        return {
            "month": self.month,
            **{name: getattr(self, name) for name in COUNTS},
            "rate": self.rate,
            # Added keys: shares of each signal and the win rates, in percent (None: nothing to divide).
            **{f"{signal}_share": self.share(signal) for signal in SIGNALS},
            "open": self.open,
            "win_rate_favourable": self.win_rate_favourable,
            "win_rate_other": self.win_rate_other,
            "win_rate_gap": self.win_rate_gap,
        }


COUNTS = (
    "deals", "favourable", "came_by_name", "already_understood", "no_price_negotiation",
    "won_favourable", "decided_favourable", "won_other", "decided_other",
)  # fmt: skip


def tally(deals: Iterable[Deal]) -> list[RoxMonth]:
    """ROX by month from deals, oldest first, months without deals between included (zeros).

    The reference implementation: the repository counts the same in SQL (`queries.rox_by_month`).
    """
    counts: dict[str, dict[str, int]] = {}
    for deal in deals:
        c = counts.setdefault(month_key(deal.date), dict.fromkeys(COUNTS, 0))
        favourable = deal.favourable
        decided = deal.outcome is not Outcome.open
        won = deal.outcome is Outcome.won
        c["deals"] += 1
        c["favourable"] += favourable
        for signal in SIGNALS:
            c[signal] += getattr(deal, signal)
        side = "favourable" if favourable else "other"
        c[f"decided_{side}"] += decided
        c[f"won_{side}"] += won
    return with_gaps({month: RoxMonth(month, **c) for month, c in counts.items()})


def next_month(month: str) -> str:
    """The YYYY-MM month after `month`."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + 1:04d}-01" if number == 12 else f"{year:04d}-{number + 1:02d}"


def month_range(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), both included.

    Counted as numbers, not compared as text: "10000-01" sorts before "9999-12", and a loop on the
    text never ended for a deal dated in year 9999.
    """

    def index(month: str) -> int:
        year, number = month.split("-")
        return int(year) * 12 + int(number) - 1

    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index(first), index(last) + 1)]


def with_gaps(by_month: dict[str, RoxMonth]) -> list[RoxMonth]:
    """The months in order from the first to the last, an empty RoxMonth where there were no deals."""
    if not by_month:
        return []
    return [by_month.get(m, RoxMonth(m)) for m in month_range(min(by_month), max(by_month))]


def total(months: Iterable[RoxMonth]) -> RoxMonth:
    """Every month added up (its `month` is "total")."""
    result = RoxMonth("total")
    for month in months:
        result = result + month
    return result


def first_day(month: str) -> date:
    """The first day of a YYYY-MM month."""
    return date(int(month[:4]), int(month[5:7]), 1)


# -- definitions (the A4 sheet) --------------------------------------------------------------------

# (key, unit) of every figure this domain defines, in the order the sheet lists them.
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("repurchase_rate", "%"),
    ("referrals", ""),
    ("churn_rate", "%"),
    ("months_retained", ""),
    ("average_spend", ""),
    ("ltv", ""),
    ("rox_rate", "%"),
    ("signal_share", "%"),
    ("win_rate", "%"),
)


ROX_KEYS = ("rox_rate", "signal_share", "win_rate")


def definitions() -> list[dict[str, str]]:
    """Every loyalty and ROX figure as plain data for the definitions sheet, in the UI language.

    Each: {"key", "name", "layer", "cadence", "counted" (how it is asked or counted), "formula",
    "unit"}; "layer" is "ltv" (seed 002's 4th layer) for the monthly loyalty figures and "result"
    (seed 001's result layer) for the ROX figures.
    """
    return [
        {
            "key": key,
            "name": t(f"loyalty.def.{key}.name"),
            "layer": "result" if key in ROX_KEYS else "ltv",
            "cadence": t("loyalty.def.monthly"),
            "counted": t(f"loyalty.def.{key}.counted"),
            "formula": t(f"loyalty.def.{key}.formula"),
            "unit": unit,
        }
        for key, unit in DEFINITIONS
    ]

"""Loyalty part of the demo workspace: six months of loyalty figures and a ROX log of 80 deals.

The content is data (`cxtui/loyalty/data/demo.json`, names in English and Japanese); this module
only places it in time: month offset 0 is today's month, and a deal `weeks_ago` weeks back is dated
that many weeks before today, deals of the same week a day apart, never after today.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from cxtui.bilingual import Text
from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.loyalty.models import Deal, LoyaltyMonth, Outcome, checked, month_key
from cxtui.models import to_row


class DemoMonth(BaseModel):
    """A month of figures, `month_offset` months from today's month (0 = this month)."""

    model_config = ConfigDict(extra="forbid")

    month_offset: int
    repurchase_rate: float | None = None
    referrals: int | None = None
    churn_rate: float | None = None
    months_retained: float | None = None
    average_spend: float | None = None


class DemoDeal(BaseModel):
    """A deal of the ROX log, `weeks_ago` weeks before today."""

    model_config = ConfigDict(extra="forbid")

    weeks_ago: int
    name: Text
    came_by_name: bool
    already_understood: bool
    no_price_negotiation: bool
    outcome: Outcome


class DemoData(BaseModel):
    """The whole demo data file."""

    model_config = ConfigDict(extra="forbid")

    about: str = ""
    months: list[DemoMonth]
    deals: list[DemoDeal]


@cache
def load_data() -> DemoData:
    """The demo's content, read from the package and validated (once per process)."""
    text = resources.files("cxtui").joinpath("loyalty/data/demo.json").read_text(encoding="utf-8")
    return DemoData.model_validate_json(text)


def shift_month(day: date, months: int) -> str:
    """The YYYY-MM month `months` months after (negative: before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return month_key(date(index // 12, index % 12 + 1, 1))


def deal_dates(weeks_ago: list[int], today: date) -> list[date]:
    """The date of each deal: `weeks_ago` weeks before today, the k-th of the same week k days earlier."""
    seen: dict[int, int] = {}
    out = []
    for weeks in weeks_ago:
        k = seen.get(weeks, 0)
        seen[weeks] = k + 1
        out.append(today - timedelta(days=7 * weeks + k % 7))
    return out


def add_demo(store: Store, lang: str, today: date) -> None:
    """Add six months of loyalty figures and 80 ROX deals (to `today`) to the demo workspace."""
    data = load_data()
    months = [
        checked(
            LoyaltyMonth(
                month=shift_month(today, item.month_offset),
                repurchase_rate=item.repurchase_rate,
                referrals=item.referrals,
                churn_rate=item.churn_rate,
                months_retained=item.months_retained,
                average_spend=item.average_spend,
            )
        )
        for item in data.months
    ]
    dates = deal_dates([item.weeks_ago for item in data.deals], today)
    deals = [
        checked(
            Deal(
                date=day,
                name=item.name.pick(lang),
                came_by_name=item.came_by_name,
                already_understood=item.already_understood,
                no_price_negotiation=item.no_price_negotiation,
                outcome=item.outcome,
            )
        )
        for item, day in zip(data.deals, dates, strict=True)
    ]
    with store.action(t("loyalty.act.demo")):
        store.insert_rows("loyalty_months", [to_row(m) for m in months])
        store.insert_rows("rox_deals", [to_row(d) for d in deals])

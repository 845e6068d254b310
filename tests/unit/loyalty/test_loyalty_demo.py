"""The demo's loyalty part: six months (two with months retained estimated), 80 deals, a rising ROX."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.loyalty import queries as loyalty_queries
from cxtui.loyalty import repo
from cxtui.loyalty.demo import deal_dates, load_data, shift_month
from cxtui.loyalty.metrics import tally, total
from tests.conftest import TODAY

IMPROVEMENT_WEEKS_AGO = 13  # the café's change starts in month 4 (demo_content: week 13)


def built(lang: str, today: date = TODAY) -> Store:
    store = Store.memory()
    build_demo(store, lang, today)
    return store


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_six_months_ending_this_month_two_of_them_estimated(lang: str) -> None:
    months = repo.month_figures(built(lang))
    assert [m.month.month for m in months] == [
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
    ]
    assert [m.estimated for m in months] == [True, True, False, False, False, False]
    assert months[0].months_retained == pytest.approx(100 / 12.4)
    assert months[-1].ltv == pytest.approx(728 * 9.6)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_eighty_deals_none_after_today(lang: str) -> None:
    store = built(lang)
    deals = repo.deals(store)
    assert len(deals) == 80
    assert all(TODAY - timedelta(days=26 * 7) <= d.date <= TODAY for d in deals)
    names = {d.name for d in deals}
    assert ("丸山食品" in names) == (lang == "ja") and ("Maruyama Foods" in names) == (lang == "en")


def test_the_favourable_share_rises_after_the_improvement() -> None:
    store = built("en")
    start = TODAY - timedelta(days=7 * IMPROVEMENT_WEEKS_AGO)
    deals = repo.deals(store)
    before = total(tally(d for d in deals if d.date < start))
    after = total(tally(d for d in deals if d.date >= start))
    assert before.rate is not None and after.rate is not None
    assert after.rate > before.rate + 20
    # And a favourable start is worth something: favourable deals win more often.
    everything = total(loyalty_queries.rox_by_month(store))
    assert everything.win_rate_gap is not None and everything.win_rate_gap > 30


def test_dates_are_placed_from_today() -> None:
    assert shift_month(date(2026, 1, 15), -2) == "2025-11"
    assert shift_month(date(2026, 11, 22), 0) == "2026-11"
    assert deal_dates([0, 0, 3], TODAY) == [TODAY, TODAY - timedelta(days=1), TODAY - timedelta(days=21)]
    data = load_data()
    assert len(data.months) == 6 and len(data.deals) == 80
    assert all(d.name.en.strip() and d.name.ja.strip() for d in data.deals)


def test_the_demo_cannot_be_undone() -> None:
    store = built("ja")
    assert not store.can_undo
    assert len(repo.deals(store)) == 80

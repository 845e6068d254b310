"""The loyalty and ROX formulas: LTV, the 100 / churn estimate, ROX rate, signal shares, win rates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxtui.db.store import Store
from cxtui.i18n import set_language
from cxtui.loyalty import metrics
from cxtui.loyalty import queries as loyalty_queries
from cxtui.loyalty.metrics import RoxMonth, estimated_months_retained, figures, ltv, rate, tally, total
from cxtui.loyalty.models import Deal, LoyaltyMonth, Outcome
from cxtui.models import to_row

# -- LTV -------------------------------------------------------------------------------------------


def test_ltv_is_average_spend_times_months_retained() -> None:
    assert ltv(728, 9.6) == pytest.approx(6988.8)
    assert ltv(None, 9.6) is None
    assert ltv(728, None) is None
    assert ltv(0, 9.6) == 0


@pytest.mark.parametrize(
    ("churn", "months"),
    [(12.5, 8.0), (10, 10.0), (100, 1.0), (2, 50.0), (0.5, 200.0), (0, None), (None, None)],
)
def test_months_retained_is_estimated_as_one_over_churn(churn: float | None, months: float | None) -> None:
    assert estimated_months_retained(churn) == months


def test_a_blank_months_retained_is_estimated_from_churn_and_marked() -> None:
    shown = figures(LoyaltyMonth(month="2026-06", churn_rate=12.4, average_spend=680))
    assert shown.estimated is True
    assert shown.months_retained == pytest.approx(100 / 12.4)
    assert shown.ltv == pytest.approx(680 * 100 / 12.4)
    data = shown.to_json()
    assert data["months_retained_estimated"] is True and data["months_retained_entered"] is None
    assert data["ltv"] == pytest.approx(5483.870967741935)


def test_an_entered_months_retained_wins_over_churn() -> None:
    shown = figures(LoyaltyMonth(month="2026-08", churn_rate=12.9, months_retained=7.9, average_spend=688))
    assert (shown.estimated, shown.months_retained) == (False, 7.9)
    assert shown.ltv == pytest.approx(5435.2)


@pytest.mark.parametrize(
    "month",
    [
        LoyaltyMonth(month="2026-06", churn_rate=0, average_spend=680),  # nobody left: no estimate
        LoyaltyMonth(month="2026-06", average_spend=680),  # neither months retained nor churn
        LoyaltyMonth(month="2026-06", churn_rate=10, months_retained=None),  # no spend
    ],
)
def test_no_ltv_without_both_factors(month: LoyaltyMonth) -> None:
    shown = figures(month)
    assert shown.ltv is None
    assert shown.estimated is (month.churn_rate is not None and month.churn_rate > 0)


@given(
    spend=st.floats(min_value=0, max_value=1e7, allow_nan=False),
    churn=st.floats(min_value=0.01, max_value=100, allow_nan=False),
)
def test_estimated_ltv_is_spend_divided_by_churn_share(spend: float, churn: float) -> None:
    shown = figures(LoyaltyMonth(month="2026-01", churn_rate=churn, average_spend=spend))
    assert shown.ltv == pytest.approx(spend / (churn / 100))


# -- ROX -------------------------------------------------------------------------------------------


def deal(day: str, *signals: str, outcome: str = "open", name: str = "x") -> Deal:
    return Deal(
        date=date.fromisoformat(day),
        name=name,
        outcome=Outcome(outcome),
        **{s: True for s in signals},
    )


def test_a_deal_is_favourable_when_at_least_one_signal_is_set() -> None:
    assert not deal("2026-11-01").favourable
    for signal in ("came_by_name", "already_understood", "no_price_negotiation"):
        assert deal("2026-11-01", signal).favourable
    assert deal("2026-11-01", "came_by_name", "no_price_negotiation").favourable


def test_rate_is_a_percentage_and_none_for_nothing() -> None:
    assert rate(1, 3) == pytest.approx(100 / 3)
    assert rate(0, 5) == 0
    assert rate(0, 0) is None


def test_rox_of_a_month_counts_and_rates() -> None:
    deals = [
        deal("2026-10-01", "came_by_name", outcome="won"),
        deal("2026-10-02", "came_by_name", "already_understood", outcome="won"),
        deal("2026-10-03", "no_price_negotiation", outcome="lost"),
        deal("2026-10-04", "already_understood"),  # favourable, still open
        deal("2026-10-05", outcome="won"),
        deal("2026-10-06", outcome="lost"),
        deal("2026-10-07", outcome="lost"),
        deal("2026-10-08"),
    ]
    (october,) = tally(deals)
    assert october == RoxMonth("2026-10", 8, 4, 2, 2, 1, 2, 3, 1, 3)
    assert october.rate == 50
    assert october.share("came_by_name") == 25
    assert october.share("already_understood") == 25
    assert october.share("no_price_negotiation") == 12.5
    assert october.win_rate_favourable == pytest.approx(200 / 3)  # 2 won of 3 decided
    assert october.win_rate_other == pytest.approx(100 / 3)  # 1 won of 3 decided
    assert october.win_rate_gap == pytest.approx(100 / 3)
    assert october.open == 2
    data = october.to_json()
    assert {k: data[k] for k in ("deals", "favourable", "rate", "won_favourable", "decided_favourable")} == {
        "deals": 8, "favourable": 4, "rate": 50.0, "won_favourable": 2, "decided_favourable": 3,
    }  # fmt: skip


def test_win_rates_without_decided_deals_are_none() -> None:
    (month,) = tally([deal("2026-10-01", "came_by_name"), deal("2026-10-02")])
    assert (month.win_rate_favourable, month.win_rate_other, month.win_rate_gap) == (None, None, None)
    assert month.rate == 50


def test_months_without_deals_are_kept_as_gaps() -> None:
    months = tally([deal("2026-12-03", outcome="won"), deal("2027-02-01", "came_by_name")])
    assert [m.month for m in months] == ["2026-12", "2027-01", "2027-02"]
    assert months[1].deals == 0 and months[1].rate is None
    assert total(months) == RoxMonth("total", 2, 1, 1, 0, 0, 0, 0, 1, 1)


def test_month_range_crosses_years() -> None:
    assert metrics.month_range("2026-11", "2027-02") == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert metrics.month_range("2026-11", "2026-10") == []
    assert metrics.next_month("2026-12") == "2027-01"


_signals = st.sampled_from(["came_by_name", "already_understood", "no_price_negotiation"])
_deals = st.lists(
    st.tuples(
        st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
        st.sets(_signals),
        st.sampled_from(["open", "won", "lost"]),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(_deals)
def test_sql_counts_agree_with_the_reference_tally(items: list[tuple[date, set[str], str]]) -> None:
    store = Store.memory()
    made = [
        deal(day.isoformat(), *signals, outcome=outcome, name=f"d{i}")
        for i, (day, signals, outcome) in enumerate(items)
    ]
    with store.action("test"):
        store.insert_rows("rox_deals", [to_row(d) for d in made])
    assert loyalty_queries.rox_by_month(store) == tally(made)
    everything = total(tally(made))
    assert everything.deals == len(made)
    assert everything.favourable == sum(d.favourable for d in made)
    assert everything.decided_favourable + everything.decided_other == sum(d.outcome != "open" for d in made)


# -- definitions for the A4 sheet ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_definitions_are_plain_data_in_the_ui_language(lang: str) -> None:
    set_language(lang)
    found = metrics.definitions()
    assert [d["key"] for d in found] == [key for key, _ in metrics.DEFINITIONS]
    for item in found:
        assert set(item) == {"key", "name", "layer", "cadence", "counted", "formula", "unit"}
        assert all(isinstance(v, str) for v in item.values())
        assert item["name"] and item["counted"] and item["formula"]
    ltv_def = next(d for d in found if d["key"] == "ltv")
    assert ltv_def["layer"] == "ltv"
    assert ("客単価 × 継続月数" if lang == "ja" else "average spend × months retained") in ltv_def["formula"]
    rox_def = next(d for d in found if d["key"] == "rox_rate")
    assert rox_def["layer"] == "result" and rox_def["unit"] == "%"

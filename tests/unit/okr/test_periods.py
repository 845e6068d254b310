"""Periods: overlaps asked about, the default period, fiscal-year quarters, renaming and re-dating,
and what a new period carries over (done milestones stay done)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cxtui.db.store import Store
from cxtui.i18n import set_language
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, KeyResult, KRKind, Objective, Period
from cxtui.okr.quarters import following_period, quarter_of

TODAY = date(2026, 11, 22)
Q4 = Period(name="2026 Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))


@pytest.fixture
def store(workspace_path: Path) -> Iterator[Store]:
    opened = Store.open(workspace_path, create=True)
    yield opened
    opened.close()


# -- overlaps and the default period ------------------------------------------------------------


def test_an_overlapping_period_is_refused_until_confirmed(store: Store) -> None:
    q4 = okr_periods.add_period(store, replace(Q4))
    # Touching periods (one ends the day before the next starts) do not overlap.
    q1 = okr_periods.add_period(store, okr_quarters.following_period(q4))
    year = Period(name="FY plan", start=date(2026, 4, 1), end=date(2027, 3, 31))
    with pytest.raises(okr_periods.PeriodOverlap) as asked:
        okr_periods.add_period(store, year)
    assert asked.value.others == [q4, q1] and asked.value.field == "start"
    assert "overlaps 2026 Q4 (2026-10-01 – 2026-12-31), 2027 Q1" in asked.value.message
    assert okr_periods.periods(store) == [q4, q1]
    okr_periods.add_period(store, year, allow_overlap=True)
    # The year contains today too, but the quarter stays the default: the shortest containing today.
    assert okr_periods.default_period(store, TODAY) == q4


def test_the_default_prefers_the_shortest_period_containing_today(store: Store) -> None:
    long = okr_periods.add_period(store, Period(name="long", start=date(2026, 11, 1), end=date(2027, 1, 31)))
    q4 = okr_periods.add_period(store, replace(Q4, name="quarter"), allow_overlap=True)
    sprint = okr_periods.add_period(
        store, Period(name="sprint", start=date(2026, 11, 16), end=date(2026, 11, 29)), allow_overlap=True
    )
    assert okr_periods.default_period(store, TODAY) == sprint
    assert okr_periods.default_period(store, date(2026, 10, 15)) == q4
    assert okr_periods.default_period(store, date(2027, 1, 15)) == long


def test_starting_an_overlapping_period_asks_too(store: Store) -> None:
    q4 = okr_periods.add_period(store, replace(Q4))
    clash = Period(name="again", start=date(2026, 12, 1), end=date(2027, 2, 28))
    with pytest.raises(okr_periods.PeriodOverlap):
        okr.start_period(store, clash, [])
    assert okr_periods.periods(store) == [q4]
    okr.start_period(store, clash, [], allow_overlap=True)
    assert [p.name for p in okr_periods.periods(store)] == ["2026 Q4", "again"]


def test_rename_and_redate_a_period_is_one_undo_step_and_checks_overlap(store: Store) -> None:
    q4 = okr_periods.add_period(store, replace(Q4))
    q1 = okr_periods.add_period(store, okr_quarters.following_period(q4))
    okr_periods.save_period(store, replace(q4, name="Autumn push", end=date(2026, 12, 20)))
    assert okr_periods.find_period(store, q4.id) == replace(
        q4, name="Autumn push", end=date(2026, 12, 20), updated=okr_periods.find_period(store, q4.id).updated
    )
    with pytest.raises(okr_periods.PeriodOverlap) as asked:
        okr_periods.save_period(store, replace(q4, end=date(2027, 1, 10)))
    assert asked.value.others == [q1]
    store.undo()
    found = okr_periods.find_period(store, q4.id)
    assert found is not None and (found.name, found.end) == ("2026 Q4", date(2026, 12, 31))


# -- the fiscal year ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "month", "name", "start", "end"),
    [
        (date(2026, 11, 22), 1, "2026 Q4", date(2026, 10, 1), date(2026, 12, 31)),
        (date(2026, 4, 1), 4, "FY2026 Q1", date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 6, 30), 4, "FY2026 Q1", date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 11, 22), 4, "FY2026 Q3", date(2026, 10, 1), date(2026, 12, 31)),
        (date(2027, 2, 10), 4, "FY2026 Q4", date(2027, 1, 1), date(2027, 3, 31)),
        (date(2026, 1, 15), 2, "FY2025 Q4", date(2025, 11, 1), date(2026, 1, 31)),
        (date(2026, 12, 31), 10, "FY2026 Q1", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_quarters_follow_the_fiscal_year(day: date, month: int, name: str, start: date, end: date) -> None:
    quarter = quarter_of(day, month)
    assert (quarter.name, quarter.start, quarter.end) == (name, start, end)


def test_fiscal_quarter_names_in_japanese() -> None:
    set_language("ja")
    assert quarter_of(date(2026, 5, 1), 4).name == "2026年度 Q1"


def test_the_next_fiscal_quarter_runs_into_the_next_fiscal_year() -> None:
    q4 = quarter_of(date(2027, 2, 1), 4)
    following = following_period(q4, 4)
    assert (following.name, following.start, following.end) == (
        "FY2027 Q1",
        date(2027, 4, 1),
        date(2027, 6, 30),
    )
    # A calendar quarter made before the setting was chosen goes on as calendar quarters.
    assert following_period(replace(Q4), 2).name == "2027 Q1"


def test_the_workspace_setting_drives_new_and_next_periods(store: Store) -> None:
    assert okr_periods.fiscal_start_month(store) == 1
    assert okr_periods.current_quarter(store, TODAY).name == "2026 Q4"
    okr_periods.set_fiscal_start_month(store, 4)
    assert okr_periods.fiscal_start_month(store) == 4
    current = okr_periods.add_period(store, okr_periods.current_quarter(store, TODAY))
    assert (current.name, current.start) == ("FY2026 Q3", date(2026, 10, 1))
    proposal = okr_periods.next_period(store)
    assert proposal is not None and (proposal.name, proposal.start) == ("FY2026 Q4", date(2027, 1, 1))
    with pytest.raises(okr.InputError):
        okr_periods.set_fiscal_start_month(store, 13)
    assert okr_periods.fiscal_start_month(store) == 4


# -- carrying over ------------------------------------------------------------------------------


def test_a_done_milestone_stays_done_in_the_new_period(store: Store) -> None:
    q4 = okr_periods.add_period(store, replace(Q4))
    objective = okr.save_objective(store, Objective(period_id=q4.id, title="launch"))
    done, open_, guard = (
        okr.save_key_result(store, KeyResult(objective_id=objective.id, title=title, kind=kind, **values))
        for title, kind, values in (
            ("shipped", KRKind.milestone, {"start": 0, "target": 1}),
            ("signed", KRKind.milestone, {"start": 0, "target": 1}),
            ("downtime", KRKind.stay_below, {"start": 3, "target": 1}),
        )
    )
    for kr, value in ((done, 1.0), (open_, 0.0), (guard, 0.5)):
        okr_checkins.record_checkin(store, CheckIn(kr_id=kr.id, date=date(2026, 11, 20), value=value))
    new = okr.start_period(store, okr_quarters.following_period(q4), [objective.id])
    (copy,) = okr.objectives(store, new.id)
    copies = {kr.title: kr for kr in okr.key_results(store, copy.id)}
    assert copies["shipped"].value == 1.0 and copies["shipped"].current is None
    assert copies["signed"].value == 0.0
    # A guardrail restarts at the value it ended at, not at the start it had three months ago.
    assert copies["downtime"].value == 0.5 and copies["downtime"].target == 1

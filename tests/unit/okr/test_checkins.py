"""Check-ins: dates guarded in the core, same-day replacement, edit and delete keep the KR's latest."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cxtui.db.store import Store
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.checkin_repo import questions
from cxtui.okr.models import CheckIn, Confidence, KeyResult, KRKind, Objective, Period

TODAY = date(2026, 11, 22)


@pytest.fixture
def store(workspace_path: Path) -> Iterator[Store]:
    opened = Store.open(workspace_path, create=True)
    yield opened
    opened.close()


@pytest.fixture
def kr(store: Store) -> KeyResult:
    period = okr_periods.add_period(
        store, Period(name="2026 Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))
    )
    objective = okr.save_objective(store, Objective(period_id=period.id, title="o"))
    return okr.save_key_result(
        store, KeyResult(objective_id=objective.id, title="churn", kind=KRKind.decrease, start=8, target=3)
    )


def record(store: Store, kr: KeyResult, day: date, value: float, **kw: bool) -> CheckIn:
    conf = Confidence.at_risk if value > 5 else Confidence.on_track
    return okr_checkins.record_checkin(
        store, CheckIn(kr_id=kr.id, date=day, value=value, confidence=conf), today=TODAY, **kw
    )


def current(store: Store, kr: KeyResult) -> tuple[float | None, Confidence | None]:
    found = okr.find_key_result(store, kr.id)
    assert found is not None
    return found.current, found.confidence


# -- dates ----------------------------------------------------------------------------------------


def test_a_mistyped_future_year_is_refused_until_confirmed(store: Store, kr: KeyResult) -> None:
    record(store, kr, date(2026, 11, 20), 4.5)
    with pytest.raises(okr_checkins.DateQuestion) as asked:
        record(store, kr, date(2027, 11, 20), 9.0)
    assert asked.value.field == "date" and "2027-11-20 is after today (2026-11-22)" in asked.value.message
    assert "outside the period 2026 Q4" in asked.value.message
    assert [c.value for c in okr_checkins.checkins(store, kr.id)] == [4.5]
    assert current(store, kr) == (4.5, Confidence.on_track)  # the typo did not become "current"
    record(store, kr, date(2027, 11, 20), 9.0, date_confirmed=True)
    assert current(store, kr) == (9.0, Confidence.at_risk)


def test_a_date_before_the_period_must_be_confirmed(store: Store, kr: KeyResult) -> None:
    with pytest.raises(okr_checkins.DateQuestion) as asked:
        record(store, kr, date(2026, 9, 30), 7.0)
    assert "outside the period 2026 Q4 (2026-10-01 – 2026-12-31)" in asked.value.message
    assert "after today" not in asked.value.message
    assert okr_checkins.checkins(store, kr.id) == []
    record(store, kr, date(2026, 10, 1), 7.0)  # the first day is inside
    record(store, kr, TODAY, 6.0)  # today is not "after today"


def test_without_a_today_the_clock_decides(store: Store, kr: KeyResult) -> None:
    # conftest fixes the clock at 2026-11-22.
    with pytest.raises(okr_checkins.DateQuestion):
        okr_checkins.record_checkin(store, CheckIn(kr_id=kr.id, date=date(2026, 11, 23), value=5))


def test_editing_a_checkin_without_changing_its_date_asks_nothing(store: Store, kr: KeyResult) -> None:
    saved = record(store, kr, date(2026, 9, 30), 7.0, date_confirmed=True)
    okr_checkins.record_checkin(store, replace(saved, value=6.5), today=TODAY)
    assert current(store, kr)[0] == 6.5


# -- same day -------------------------------------------------------------------------------------


def test_a_second_checkin_on_the_same_day_replaces_the_first_after_asking(
    store: Store, kr: KeyResult
) -> None:
    first = record(store, kr, date(2026, 11, 20), 4.5)
    with pytest.raises(okr_checkins.SameDayQuestion) as asked:
        record(store, kr, date(2026, 11, 20), 4.1)
    assert "2026-11-20 already has a check-in (4.5)" in asked.value.message
    assert [c.id for c in asked.value.existing] == [first.id]
    assert [c.value for c in okr_checkins.checkins(store, kr.id)] == [4.5]
    record(store, kr, date(2026, 11, 20), 4.1, replace=True)
    assert [c.value for c in okr_checkins.checkins(store, kr.id)] == [4.1]
    assert current(store, kr)[0] == 4.1
    store.undo()  # the replacement is one step: the first comes back
    assert [c.id for c in okr_checkins.checkins(store, kr.id)] == [first.id]
    assert current(store, kr)[0] == 4.5


def test_questions_lists_both_in_the_order_they_are_asked(store: Store, kr: KeyResult) -> None:
    record(store, kr, date(2027, 1, 5), 4.5, date_confirmed=True)
    draft = CheckIn(kr_id=kr.id, date=date(2027, 1, 5), value=4.0)
    assert [type(q) for q in questions(store, draft, TODAY)] == [
        okr_checkins.DateQuestion,
        okr_checkins.SameDayQuestion,
    ]


# -- edit and delete ----------------------------------------------------------------------------


def test_editing_the_latest_checkin_changes_the_kr(store: Store, kr: KeyResult) -> None:
    record(store, kr, date(2026, 11, 13), 6.0)
    latest = record(store, kr, date(2026, 11, 20), 4.5)
    okr_checkins.record_checkin(
        store, replace(latest, value=4.2, confidence=Confidence.off_track), today=TODAY
    )
    assert current(store, kr) == (4.2, Confidence.off_track)
    assert len(okr_checkins.checkins(store, kr.id)) == 2
    assert store.journal.undo_stack[-1].label == "edit check-in"
    store.undo()
    assert current(store, kr) == (4.5, Confidence.on_track)


def test_moving_the_latest_checkin_back_in_time_makes_the_other_one_current(
    store: Store, kr: KeyResult
) -> None:
    record(store, kr, date(2026, 11, 13), 6.0)
    latest = record(store, kr, date(2026, 11, 20), 4.5)
    okr_checkins.record_checkin(store, replace(latest, date=date(2026, 11, 6)), today=TODAY)
    assert current(store, kr) == (6.0, Confidence.at_risk)


def test_deleting_checkins_falls_back_to_the_previous_then_to_none(store: Store, kr: KeyResult) -> None:
    older = record(store, kr, date(2026, 11, 13), 6.0)
    latest = record(store, kr, date(2026, 11, 20), 4.5)
    assert okr_checkins.delete_checkin(store, latest.id) == latest
    assert current(store, kr) == (6.0, Confidence.at_risk)
    okr_checkins.delete_checkin(store, older.id)
    assert current(store, kr) == (None, None)
    found = okr.find_key_result(store, kr.id)
    assert found is not None and found.value == 8  # back to the start value
    assert okr_checkins.delete_checkin(store, older.id) is None  # already gone: nothing to do
    store.undo()
    store.undo()
    assert [c.id for c in okr_checkins.checkins(store, kr.id)] == [latest.id, older.id]
    assert current(store, kr) == (4.5, Confidence.on_track)
    assert store.journal.redo_stack[-1].label == "delete check-in"

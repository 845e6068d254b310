"""The review's position without a terminal: steps with nothing in them are passed over, resuming
lands on the first item not entered from the furthest step reached, values and notes are read."""

from __future__ import annotations

from datetime import date

import pytest

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Kpi
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import Confidence, KeyResult, Objective
from cxtui.review import repo
from cxtui.review.flow import CLOSE, KPI, KR, VOICES, Flow, value_and_note
from cxtui.review.plan import build

TODAY = date(2026, 11, 22)


@pytest.fixture
def store() -> Store:
    store = Store.memory()
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    objective = okr.save_objective(store, Objective(period_id=period.id, title="O"))
    for index in range(3):
        okr.save_key_result(
            store, KeyResult(objective_id=objective.id, title=f"KR {index}", start=0, target=10)
        )
    kpis.save_kpi(store, Kpi(name="Walk-aways", layer="behaviour", focus=True))
    return store


def test_steps_without_items_are_passed_over_both_ways(store: Store) -> None:
    review = repo.start_review(store, TODAY)
    flow = Flow(build(store, review, TODAY))
    assert (flow.step, flow.cursor) == (KR, 0)
    for _ in range(3):
        flow.next_item()
    assert flow.step == KPI  # one KPI due
    flow.next_item()
    assert flow.step == VOICES
    flow.next_item()
    assert flow.step == CLOSE  # no cycle due, no NPS data
    flow.go_to(flow.step - 1, -1)
    assert flow.step == VOICES
    assert not flow.move(1)  # a page, not a list


def test_resume_from_the_furthest_step_at_the_first_item_not_entered(store: Store) -> None:
    review = repo.start_review(store, TODAY)
    first = build(store, review, TODAY).krs[0].kr
    review, _ = repo.enter_kr(store, review, first.id, 5, today=TODAY)
    flow = Flow(build(store, review, TODAY), review.step)
    assert (flow.step, flow.cursor) == (KR, 1)
    review = repo.pause(store, review, 3, 10)  # left on the voices page
    flow = Flow(build(store, review, TODAY), review.step)
    assert flow.step == VOICES
    assert flow.entered_text() == ""


def test_confidence_carries_over_and_cycles(store: Store) -> None:
    review = repo.start_review(store, TODAY)
    flow = Flow(build(store, review, TODAY))
    kr_id = flow.plan.krs[0].kr.id
    assert flow.confidence_of(kr_id) is Confidence.on_track  # no previous check-in
    assert flow.next_confidence() and flow.confidence_of(kr_id) is Confidence.at_risk
    assert flow.next_confidence() and flow.next_confidence()
    assert flow.confidence_of(kr_id) is Confidence.on_track  # round


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.2", (4.2, "")),
        ("4.2 calls done", (4.2, "calls done")),
        ("１２％  rainy", (12.0, "rainy")),
        ("1,234.5", (1234.5, "")),
    ],
)
def test_value_and_note(text: str, expected: tuple[float, str]) -> None:
    assert value_and_note(text) == expected


def test_a_word_first_is_not_a_value() -> None:
    with pytest.raises(InputError) as refused:
        value_and_note("calls 4.2")
    assert refused.value.field == "value"

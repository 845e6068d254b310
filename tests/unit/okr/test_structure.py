"""Editing the structure: re-parenting objectives (never into a cycle), moving a KR to another
objective; and the demo's own note, shown only in the demo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.errors import InputError
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import KeyResult, Objective, Period
from cxtui.okr.report import markdown, section

TODAY = date(2026, 11, 22)


@pytest.fixture
def store(workspace_path: Path) -> Iterator[Store]:
    opened = Store.open(workspace_path, create=True)
    yield opened
    opened.close()


@pytest.fixture
def tree(store: Store) -> dict[str, Objective]:
    """company > sales > field, and dev at the top level, in 2026 Q4."""
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    company = okr.save_objective(store, Objective(period_id=period.id, title="company"))
    sales = okr.save_objective(store, Objective(period_id=period.id, parent_id=company.id, title="sales"))
    field = okr.save_objective(store, Objective(period_id=period.id, parent_id=sales.id, title="field"))
    dev = okr.save_objective(store, Objective(period_id=period.id, title="dev"))
    return {"company": company, "sales": sales, "field": field, "dev": dev}


def test_reparent_an_objective_moves_its_subtree(store: Store, tree: dict[str, Objective]) -> None:
    okr.save_objective(store, replace(tree["sales"], parent_id=tree["dev"].id))
    moved = okr.find_objective(store, tree["sales"].id)
    assert moved is not None and moved.parent_id == tree["dev"].id
    assert okr.descendants(store, tree["dev"].id) == {tree["sales"].id, tree["field"].id}
    okr.save_objective(store, replace(tree["field"], parent_id=None))  # to the top level
    assert [o.title for o in okr.objectives(store, tree["company"].period_id) if o.parent_id is None] == [
        "company",
        "dev",
        "field",
    ]
    store.undo()
    store.undo()
    assert okr.find_objective(store, tree["sales"].id).parent_id == tree["company"].id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("target", "new_parent"), [("company", "field"), ("company", "sales"), ("sales", "sales")]
)
def test_reparenting_into_a_cycle_is_refused(
    store: Store, tree: dict[str, Objective], target: str, new_parent: str
) -> None:
    with pytest.raises(InputError) as refused:
        okr.save_objective(store, replace(tree[target], parent_id=tree[new_parent].id))
    assert refused.value.field == "parent_id"
    assert "cannot align to itself or to an objective aligned under it" in refused.value.message
    assert okr.find_objective(store, tree[target].id) == tree[target]


def test_reparenting_into_another_period_is_refused(store: Store, tree: dict[str, Objective]) -> None:
    other = okr_periods.add_period(store, Period(name="next", start=date(2027, 1, 1), end=date(2027, 3, 31)))
    elsewhere = okr.save_objective(store, Objective(period_id=other.id, title="elsewhere"))
    with pytest.raises(InputError) as refused:
        okr.save_objective(store, replace(tree["dev"], parent_id=elsewhere.id))
    assert refused.value.field == "parent_id"


def test_move_a_kr_to_another_objective_keeps_its_checkins(store: Store, tree: dict[str, Objective]) -> None:
    from cxtui.okr.models import CheckIn

    kr = okr.save_key_result(store, KeyResult(objective_id=tree["sales"].id, title="deals", target=10))
    okr.save_key_result(store, KeyResult(objective_id=tree["dev"].id, title="releases", target=4))
    okr_checkins.record_checkin(store, CheckIn(kr_id=kr.id, date=date(2026, 11, 20), value=3))
    okr.save_key_result(store, replace(kr, objective_id=tree["dev"].id, current=3.0))
    assert [k.title for k in okr.key_results(store, tree["dev"].id)] == ["releases", "deals"]  # placed last
    assert okr.key_results(store, tree["sales"].id) == []
    assert [c.value for c in okr_checkins.checkins(store, kr.id)] == [3]
    store.undo()
    assert [k.title for k in okr.key_results(store, tree["sales"].id)] == ["deals"]


def test_a_kr_cannot_move_to_another_period(store: Store, tree: dict[str, Objective]) -> None:
    kr = okr.save_key_result(store, KeyResult(objective_id=tree["sales"].id, title="deals", target=10))
    other = okr_periods.add_period(store, Period(name="next", start=date(2027, 1, 1), end=date(2027, 3, 31)))
    elsewhere = okr.save_objective(store, Objective(period_id=other.id, title="elsewhere"))
    with pytest.raises(InputError) as refused:
        okr.save_key_result(store, replace(kr, objective_id=elsewhere.id))
    assert refused.value.field == "objective_id"


# -- the demo's note -----------------------------------------------------------------------------


def test_only_the_demo_carries_the_nexbridge_note(store: Store, tree: dict[str, Objective]) -> None:
    plain = section(store, TODAY)
    assert "NexBridge" not in json.dumps(plain, ensure_ascii=False)
    assert "NexBridge" not in "\n".join(markdown(plain))
    assert okr_periods.note(store) == ""
    demo = Store.memory()
    build_demo(demo, "en", TODAY)
    assert "follow no single formula" in okr_periods.note(demo)
    assert "NexBridge case reports achievement rates" in section(demo, TODAY)["okr"]["formula"]
    ja = Store.memory()
    build_demo(ja, "ja", TODAY)
    assert "NexBridge の事例" in section(ja, TODAY)["okr"]["formula"]

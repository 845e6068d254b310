"""Models validation, store CRUD, ordering, cascaded delete, undo/redo and the period reset."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.models import Record, to_row
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, Confidence, KeyResult, KRKind, Objective, Period
from cxtui.validation import validated

Dump = dict[str, list[tuple[Any, ...]]]


def dump(store: Store) -> Dump:
    """Every row of every table, in a stable order: two equal dumps mean identical data."""
    tables = [
        r[0]
        for r in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    return {t: store.db.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall() for t in tables}


@pytest.fixture
def store(workspace_path: Path) -> Iterator[Store]:
    opened = Store.open(workspace_path, create=True)
    yield opened
    opened.close()


def q4(store: Store) -> Period:
    return okr_periods.add_period(
        store, Period(name="2026 Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))
    )


def add_objective(store: Store, period: Period, title: str, parent: Objective | None = None) -> Objective:
    return okr.save_objective(
        store, Objective(period_id=period.id, title=title, parent_id=None if parent is None else parent.id)
    )


def add_kr(
    store: Store, objective: Objective, title: str = "kr", kind: KRKind = KRKind.increase, **kw: Any
) -> KeyResult:
    values: dict[str, Any] = {"start": 0.0, "target": 10.0} | kw
    return okr.save_key_result(store, KeyResult(objective_id=objective.id, title=title, kind=kind, **values))


def checkin(
    store: Store, kr: KeyResult, day: date, value: float, conf: Confidence = Confidence.on_track
) -> None:
    okr_checkins.record_checkin(store, CheckIn(kr_id=kr.id, date=day, value=value, confidence=conf))


# -- validation names the field -------------------------------------------------------------------


KR = {"objective_id": "o", "title": "kr", "start": 0, "target": 1}


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (Objective, {"period_id": "p", "title": "   "}, "title"),
        (Objective, {"period_id": "p"}, "title"),
        (KeyResult, KR | {"title": ""}, "title"),
        (KeyResult, KR | {"start": 5, "target": 5}, "target"),
        (KeyResult, KR | {"start": 5, "target": 1}, "target"),
        (KeyResult, KR | {"kind": "decrease", "start": 3, "target": 8}, "target"),
        (KeyResult, KR | {"weight": 0}, "weight"),
        (KeyResult, KR | {"target": "lots"}, "target"),
        (CheckIn, {"kr_id": "k", "date": date(2026, 1, 1), "value": "abc"}, "value"),
        (CheckIn, {"kr_id": "k", "date": "2026-02-30", "value": 1}, "date"),
        (Period, {"name": "p", "start": date(2026, 2, 1), "end": date(2026, 1, 1)}, "end"),
        (Period, {"name": " ", "start": date(2026, 1, 1), "end": date(2026, 2, 1)}, "name"),
    ],
)
def test_validation_message_names_the_field(model: type[Record], data: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        validated(model, data)
    error = caught.value
    assert error.field == field
    label = t(f"common.field.{field}")
    assert label != f"common.field.{field}"  # the field has a translated label
    assert error.message.startswith(f"{label}:")
    assert error.exit_code == 2


def test_validation_coerces_typed_text_and_strips_titles() -> None:
    checkin = validated(
        CheckIn, {"kr_id": "k", "date": "2026-01-02", "value": "3.5", "confidence": "at_risk"}
    )
    assert (checkin.date, checkin.value, checkin.confidence) == (date(2026, 1, 2), 3.5, Confidence.at_risk)
    assert validated(Objective, {"period_id": "p", "title": "  Grow  "}).title == "Grow"


def test_milestone_and_guardrail_accept_any_target() -> None:
    validated(KeyResult, KR | {"kind": "milestone", "start": 0, "target": 0})
    validated(KeyResult, KR | {"kind": "stay_below", "start": 5, "target": 1})


def test_saving_an_invalid_record_writes_nothing(store: Store) -> None:
    period = q4(store)
    objective = add_objective(store, period, "kept")
    before = dump(store)
    with pytest.raises(InputError) as caught:
        okr.save_objective(store, Objective(period_id=period.id, title="  "))
    assert caught.value.field == "title"
    with pytest.raises(InputError):
        okr.save_key_result(store, KeyResult(objective_id=objective.id, title="kr", start=3, target=3))
    with pytest.raises(InputError):
        okr_periods.add_period(store, Period(name="back", start=date(2027, 2, 1), end=date(2027, 1, 1)))
    assert dump(store) == before


def test_a_milestone_check_in_is_0_or_1_whoever_saves_it(store: Store) -> None:
    period = q4(store)
    milestone = add_kr(store, add_objective(store, period, "launch"), "shipped", KRKind.milestone, target=1.0)
    before = dump(store)
    with pytest.raises(InputError) as caught:
        checkin(store, milestone, date(2026, 11, 2), 5.0)
    assert caught.value.field == "value"
    assert dump(store) == before
    checkin(store, milestone, date(2026, 11, 3), 1.0)
    assert okr.find_key_result(store, milestone.id).current == 1.0  # type: ignore[union-attr]


def test_the_default_period_is_the_shortest_containing_today_else_started_else_next(store: Store) -> None:
    assert okr_periods.default_period(store, date(2026, 3, 10)) is None
    later = okr_periods.add_period(store, Period(name="later", start=date(2027, 1, 1), end=date(2027, 3, 31)))
    sooner = okr_periods.add_period(
        store, Period(name="sooner", start=date(2026, 7, 1), end=date(2026, 9, 30))
    )
    assert okr_periods.default_period(store, date(2026, 3, 10)) == sooner  # nothing started: the next one
    quarter = okr_periods.add_period(
        store, Period(name="quarter", start=date(2026, 1, 1), end=date(2026, 3, 31))
    )
    sprint = okr_periods.add_period(
        store, Period(name="sprint", start=date(2026, 3, 1), end=date(2026, 3, 31)), allow_overlap=True
    )
    assert okr_periods.default_period(store, date(2026, 3, 10)) == sprint  # both contain it: the shorter
    assert okr_periods.default_period(store, date(2026, 2, 10)) == quarter
    assert okr_periods.default_period(store, date(2026, 5, 1)) == sprint  # none contains it: latest started
    assert okr_periods.default_period(store, date(2027, 6, 1)) == later


# -- CRUD and positions ---------------------------------------------------------------------------------


def test_crud_and_positions(store: Store, workspace_path: Path) -> None:
    period = q4(store)
    roots = [add_objective(store, period, f"root {i}") for i in range(3)]
    children = [add_objective(store, period, f"child {i}", parent=roots[0]) for i in range(2)]
    assert [o.position for o in roots] == [0, 1, 2]
    assert [o.position for o in children] == [0, 1]
    krs = [add_kr(store, roots[0], f"kr {i}") for i in range(3)]
    assert [k.position for k in krs] == [0, 1, 2]

    edited = replace(roots[1], title="renamed", owner="Aiko")
    okr.save_objective(store, edited)
    again = okr.find_objective(store, roots[1].id)
    assert again is not None and again.title == "renamed" and again.owner == "Aiko" and again.position == 1

    # Re-aligning an objective places it last among its new siblings.
    moved = replace(roots[2], parent_id=roots[0].id)
    okr.save_objective(store, moved)
    assert [o.title for o in okr.objectives(store, period.id) if o.parent_id == roots[0].id] == [
        "child 0",
        "child 1",
        "root 2",
    ]

    changed_kr = replace(krs[1], title="renamed kr", target=20.0)
    okr.save_key_result(store, changed_kr)
    assert [(k.title, k.target) for k in okr.key_results(store, roots[0].id)] == [
        ("kr 0", 10.0),
        ("renamed kr", 20.0),
        ("kr 2", 10.0),
    ]

    okr.delete_key_result(store, krs[0].id)
    assert [k.title for k in okr.key_results(store, roots[0].id)] == ["renamed kr", "kr 2"]
    store.close()
    reopened = Store.open(workspace_path)
    assert [k.title for k in okr.key_results(reopened, roots[0].id)] == ["renamed kr", "kr 2"]
    assert okr.find_objective(reopened, roots[1].id) is not None
    reopened.close()


def test_reorder_siblings(store: Store) -> None:
    period = q4(store)
    a, b, c = (add_objective(store, period, name) for name in "abc")

    def order() -> list[str]:
        return [o.title for o in okr.objectives(store, period.id) if o.parent_id is None]

    assert okr.move_objective(store, c.id, -1)
    assert order() == ["a", "c", "b"]
    assert okr.move_objective(store, c.id, -1)
    assert order() == ["c", "a", "b"]
    assert not okr.move_objective(store, c.id, -1)  # already first
    assert not okr.move_objective(store, b.id, +1)  # already last
    assert order() == ["c", "a", "b"]
    store.undo()
    assert order() == ["a", "c", "b"]

    krs = [add_kr(store, a, f"kr {i}") for i in range(3)]
    assert okr.move_key_result(store, krs[0].id, +1)
    assert [k.title for k in okr.key_results(store, a.id)] == ["kr 1", "kr 0", "kr 2"]
    assert not okr.move_key_result(store, krs[2].id, +1)


# -- delete, undo, redo -----------------------------------------------------------------------------


def _tree(store: Store) -> tuple[Period, Objective, Objective, list[KeyResult]]:
    period = q4(store)
    parent = add_objective(store, period, "parent")
    child = add_objective(store, period, "child", parent=parent)
    grandchild = add_objective(store, period, "grandchild", parent=child)
    krs = [add_kr(store, o, f"kr of {o.title}") for o in (parent, child, grandchild)]
    for i, kr in enumerate(krs):
        checkin(store, kr, date(2026, 11, 1 + i), 3 + i)
        checkin(store, kr, date(2026, 11, 8 + i), 5 + i, Confidence.at_risk)
    return period, parent, child, krs


def test_cascaded_delete_and_undo_restore_every_row(store: Store) -> None:
    period, parent, child, krs = _tree(store)
    other = add_objective(store, period, "untouched")
    before = dump(store)
    assert okr.count_descendants(store, parent.id) == (2, 3, 6)

    okr.delete_objective(store, parent.id)
    after = dump(store)
    assert [o.id for o in okr.objectives(store, period.id)] == [other.id]
    assert after["key_results"] == []
    assert after["checkins"] == []

    assert store.undo() is not None
    assert dump(store) == before
    assert store.redo() is not None
    assert dump(store) == after
    assert store.undo() is not None
    assert dump(store) == before
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_undo_then_new_action_clears_redo(store: Store) -> None:
    period = q4(store)
    add_objective(store, period, "one")
    store.undo()
    assert store.can_redo
    add_objective(store, period, "two")
    assert not store.can_redo
    assert store.redo() is None


def test_undo_redo_of_a_kr_delete(store: Store) -> None:
    _, parent, _, krs = _tree(store)
    before = dump(store)
    okr.delete_key_result(store, krs[0].id)
    assert okr.find_key_result(store, krs[0].id) is None
    assert okr_checkins.checkins(store, krs[0].id) == []
    store.undo()
    assert dump(store) == before
    assert len(okr_checkins.checkins(store, krs[0].id)) == 2


def test_undo_is_not_available_after_reopen(workspace_path: Path) -> None:
    first = Store.open(workspace_path, create=True)
    period = q4(first)
    add_objective(first, period, "kept")
    assert first.can_undo
    first.close()

    second = Store.open(workspace_path)
    assert not second.can_undo
    assert not second.can_redo
    assert second.undo() is None
    assert [o.title for o in okr.objectives(second, period.id)] == ["kept"]
    second.close()


def test_failed_action_leaves_nothing(store: Store) -> None:
    period = q4(store)
    before = dump(store)
    with pytest.raises(RuntimeError), store.action("half"):
        store.insert_row("objectives", to_row(Objective(period_id=period.id, title="half")))
        raise RuntimeError("boom")
    assert dump(store) == before
    assert store.undo() is not None  # the period itself, not the failed action
    assert okr_periods.periods(store) == []


# -- check-ins ---------------------------------------------------------------------------------------


def test_checkin_sets_current_and_confidence_to_the_latest_by_date(store: Store) -> None:
    period = q4(store)
    objective = add_objective(store, period, "o")
    kr = add_kr(store, objective, kind=KRKind.decrease, start=8.0, target=3.0)
    checkin(store, kr, date(2026, 11, 20), 4.5, Confidence.at_risk)
    found = okr.find_key_result(store, kr.id)
    assert found is not None and found.current == 4.5 and found.confidence is Confidence.at_risk

    # A back-dated check-in is recorded, but does not override the latest one.
    checkin(store, kr, date(2026, 11, 1), 7.0, Confidence.off_track)
    found = okr.find_key_result(store, kr.id)
    assert found is not None and found.current == 4.5 and found.confidence is Confidence.at_risk
    assert [c.value for c in okr_checkins.checkins(store, kr.id)] == [4.5, 7.0]

    checkin(store, kr, date(2026, 11, 21), 4.0, Confidence.on_track)
    found = okr.find_key_result(store, kr.id)
    assert found is not None and found.current == 4.0 and found.confidence is Confidence.on_track

    # Undoing the newest check-in brings back the previous latest value.
    store.undo()
    found = okr.find_key_result(store, kr.id)
    assert found is not None and found.current == 4.5 and found.confidence is Confidence.at_risk


def test_second_checkin_on_the_same_day_replaces_the_first_when_asked(store: Store) -> None:
    period = q4(store)
    kr = add_kr(store, add_objective(store, period, "o"))
    day = date(2026, 11, 20)
    checkin(store, kr, day, 1.0)
    with pytest.raises(okr_checkins.SameDayQuestion):
        checkin(store, kr, day, 2.0)
    for value in (2.0, 3.0, 4.0):
        okr_checkins.record_checkin(store, CheckIn(kr_id=kr.id, date=day, value=value), replace=True)
        found = okr.find_key_result(store, kr.id)
        assert found is not None and found.current == value
    assert [c.value for c in okr_checkins.checkins(store, kr.id)] == [4.0]


def test_checkin_on_missing_kr_is_refused(store: Store) -> None:
    from cxtui.errors import WorkspaceError

    with pytest.raises(WorkspaceError):
        okr_checkins.record_checkin(store, CheckIn(kr_id="nope", date=date(2026, 11, 1), value=1))


# -- starting a new period ----------------------------------------------------------------------------


def test_start_period_copies_chosen_objectives_reset(store: Store) -> None:
    period = q4(store)
    company = add_objective(store, period, "company")
    sales = add_objective(store, period, "sales", parent=company)
    dev = add_objective(store, period, "dev", parent=company)
    churn = add_kr(store, company, "churn", KRKind.decrease, start=8.0, target=3.0)
    done = add_kr(store, sales, "deals", start=0.0, target=10.0)
    guard = add_kr(store, sales, "downtime", KRKind.stay_below, start=3.0, target=1.0)
    checkin(store, churn, date(2026, 11, 20), 4.5, Confidence.at_risk)
    checkin(store, done, date(2026, 11, 20), 12.0)  # overshot: the copy keeps the old start
    checkin(store, guard, date(2026, 11, 20), 0.5)
    before = dump(store)

    following = okr_quarters.following_period(period)
    assert (following.name, following.start, following.end) == (
        "2027 Q1",
        date(2027, 1, 1),
        date(2027, 3, 31),
    )
    okr.start_period(store, following, [company.id, sales.id])

    copies = okr.objectives(store, following.id)
    assert sorted(o.title for o in copies) == ["company", "sales"]
    by_title = {o.title: o for o in copies}
    assert by_title["company"].parent_id is None
    assert by_title["sales"].parent_id == by_title["company"].id  # alignment follows the copies
    assert {o.id for o in copies}.isdisjoint({company.id, sales.id, dev.id})

    new_krs = {k.title: k for o in copies for k in okr.key_results(store, o.id)}
    assert set(new_krs) == {"churn", "deals", "downtime"}
    assert new_krs["churn"].start == 4.5 and new_krs["churn"].target == 3.0
    assert new_krs["churn"].kind is KRKind.decrease
    assert new_krs["deals"].start == 0.0 and new_krs["deals"].target == 10.0
    # A guardrail restarts at the value it ended at (0.5), as the dialog says.
    assert new_krs["downtime"].start == 0.5 and new_krs["downtime"].target == 1.0
    for kr in new_krs.values():
        assert kr.current is None and kr.confidence is None
        assert okr_checkins.checkins(store, kr.id) == []

    # The old period is untouched, and the whole reset is one undo step.
    assert [o.title for o in okr.objectives(store, period.id)] == ["company", "sales", "dev"]
    store.undo()
    assert dump(store) == before


def test_start_period_child_without_parent_becomes_top_level(store: Store) -> None:
    period = q4(store)
    company = add_objective(store, period, "company")
    sales = add_objective(store, period, "sales", parent=company)
    following = okr_quarters.following_period(period)
    okr.start_period(store, following, [sales.id])
    (copy,) = okr.objectives(store, following.id)
    assert copy.title == "sales" and copy.parent_id is None


# -- random sequences: undo all, redo all ----------------------------------------------------------------

ACTIONS = (
    "add_objective",
    "add_child",
    "add_kr",
    "checkin",
    "edit_objective",
    "edit_kr",
    "delete_objective",
    "delete_kr",
    "move_objective",
    "move_kr",
    "start_period",
)


def _apply(store: Store, period: Period, action: str, pick: int, value: float) -> None:
    objectives = store.rows("SELECT id FROM objectives ORDER BY created, id")
    krs = store.rows("SELECT id FROM key_results ORDER BY created, id")
    obj_id = objectives[pick % len(objectives)]["id"] if objectives else None
    kr_id = krs[pick % len(krs)]["id"] if krs else None
    if action == "add_objective" or (obj_id is None and action != "start_period"):
        okr.save_objective(store, Objective(period_id=period.id, title=f"objective {value}"))
    elif action == "add_child":
        parent = okr.find_objective(store, obj_id)
        assert parent is not None
        okr.save_objective(store, Objective(period_id=parent.period_id, parent_id=obj_id, title="child"))
    elif action == "add_kr" or (kr_id is None and action in ("checkin", "edit_kr", "delete_kr", "move_kr")):
        kind = list(KRKind)[pick % len(KRKind)]
        start, target = (10.0, 2.0) if kind is KRKind.decrease else (0.0, 10.0)
        okr.save_key_result(
            store, KeyResult(objective_id=obj_id, title="kr", kind=kind, start=start, target=target)
        )
    elif action == "checkin":
        day = date(2026, 10, 1) + timedelta(days=pick % 60)
        conf = list(Confidence)[pick % 3]
        kr = okr.find_key_result(store, kr_id)
        if kr is not None and kr.kind is KRKind.milestone:
            value = float(pick % 2)  # a milestone is done (1) or not (0)
        okr_checkins.record_checkin(
            store,
            CheckIn(kr_id=kr_id, date=day, value=value, confidence=conf),
            date_confirmed=True,
            replace=True,
        )
    elif action == "edit_objective":
        found = okr.find_objective(store, obj_id)
        assert found is not None
        okr.save_objective(store, replace(found, title=f"edited {value}", rollup=True))
    elif action == "edit_kr":
        found_kr = okr.find_key_result(store, kr_id)
        assert found_kr is not None
        okr.save_key_result(store, replace(found_kr, title=f"kr {value}", weight=2.0))
    elif action == "delete_objective":
        okr.delete_objective(store, obj_id)
    elif action == "delete_kr":
        okr.delete_key_result(store, kr_id)
    elif action == "move_objective":
        okr.move_objective(store, obj_id, -1 if pick % 2 else 1)
    elif action == "move_kr":
        okr.move_key_result(store, kr_id, -1 if pick % 2 else 1)
    elif action == "start_period":
        latest = okr_periods.periods(store)[-1]
        chosen = [o.id for o in okr.objectives(store, latest.id)][: 1 + pick % 3]
        okr.start_period(store, okr_quarters.following_period(latest), chosen)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(ACTIONS),
            st.integers(min_value=0, max_value=1000),
            st.floats(min_value=-50, max_value=50, allow_nan=False).map(lambda v: round(v, 2)),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_random_actions_undo_all_then_redo_all(steps: list[tuple[str, int, float]]) -> None:
    store = Store.memory()
    period = q4(store)
    okr.save_objective(store, Objective(period_id=period.id, title="seed"))
    store.clear_history()  # the starting point
    start = dump(store)
    for action, pick, value in steps:
        _apply(store, period, action, pick, value)
    end = dump(store)

    undone = 0
    while store.undo() is not None:
        undone += 1
    assert dump(store) == start
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    redone = 0
    while store.redo() is not None:
        redone += 1
    assert redone == undone
    assert dump(store) == end
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    store.close()

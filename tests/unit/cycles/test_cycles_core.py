"""Learning cycles in the core: one hypothesis and one change, KPIs before → after from their series,
evidence captured during a cycle, states, the next cycle from a next step, the learning log."""

from __future__ import annotations

from datetime import date

import pytest

from cxtui.cycles import repo
from cxtui.cycles.models import Cycle, CycleState, split_items
from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Direction, Evidence, Kpi, KpiValue, Source
from cxtui.kpi.sources import series

D = date.fromisoformat


@pytest.fixture
def store() -> Store:
    return Store.memory()


def _kpi(store: Store, name: str, values: dict[str, float], direction: Direction = Direction.HIGHER) -> Kpi:
    kpi = kpis.save_kpi(store, Kpi(name=name, layer="behaviour", direction=direction, unit="people"))
    for day, value in values.items():
        kpis.record_value(store, KpiValue(kpi_id=kpi.id, date=D(day), value=value))
    return kpi


def _cycle(store: Store, kpi_ids: list[str] | None = None, **values: object) -> Cycle:
    fields: dict[str, object] = {
        "title": "Pre-ordering",
        "start": D("2026-10-05"),
        "end": D("2026-10-18"),
        "hypothesis": "People leave the queue because they cannot tell how long it takes",
        "change": "Mobile pre-order with a pick-up shelf",
        **values,
    }
    return repo.save_cycle(store, Cycle(**fields), kpi_ids)  # type: ignore[arg-type]


# -- one at a time -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Staff feel hard to talk to because nobody greets people at the door", 1),
        ("話しかけにくいのは、入店時に誰も声をかけないから", 1),
        ("Price 2.5 per cup, and 3) is the plan", 1),
        ("Use version 2. It works", 1),
        ("1) greet at the door 2) a shorter menu", 2),
        ("(1) greet (2) menu (3) music", 3),
        ("greet at the door; a shorter menu", 2),
        ("入口で声かけ\nメニューを短く", 2),
        ("①入口で声かけ ②メニュー短縮", 2),
        ("・入口で声かけ ・メニュー短縮", 2),
        ("", 0),
    ],
)
def test_split_items_counts_statements_not_commas(text: str, items: int) -> None:
    assert len(split_items(text)) == items


@pytest.mark.parametrize("field", ["hypothesis", "change", "learning", "next_step"])
def test_a_second_statement_is_refused_naming_the_field(store: Store, field: str) -> None:
    with pytest.raises(InputError) as refused:
        _cycle(store, **{field: "1) greet at the door 2) a shorter menu"})
    assert refused.value.field == field
    assert repo.cycles(store) == []  # nothing saved


def test_the_refusal_offers_another_cycle_in_its_message(store: Store) -> None:
    with pytest.raises(InputError) as refused:
        _cycle(store, hypothesis="A; B")
    assert "one hypothesis per cycle" in refused.value.message
    assert "another cycle" in refused.value.message


def test_end_before_start_and_missing_title_are_refused(store: Store) -> None:
    with pytest.raises(InputError) as refused:
        _cycle(store, end=D("2026-10-01"))
    assert refused.value.field == "end"
    with pytest.raises(InputError) as refused:
        _cycle(store, title="  ")
    assert refused.value.field == "title"


def test_a_reviewed_cycle_needs_its_learning_and_next_step(store: Store) -> None:
    cycle = _cycle(store)
    with pytest.raises(InputError) as refused:
        repo.review_cycle(store, cycle.id, "Walk-aways fell", "")
    assert refused.value.field == "next_step"
    assert repo.get_cycle(store, cycle.id).state is CycleState.planned


# -- before and after ------------------------------------------------------------------------------


def test_before_is_the_latest_on_or_before_the_start_after_the_latest_on_or_before_the_end(
    store: Store,
) -> None:
    walkaways = _kpi(
        store,
        "Walk-aways",
        {"2026-09-28": 44, "2026-10-05": 42, "2026-10-12": 30, "2026-10-18": 26, "2026-10-19": 20},
        Direction.LOWER,
    )
    cycle = _cycle(store, [walkaways.id])
    [pair] = repo.before_after(store, cycle)
    assert (pair.before.date, pair.before.value) == (D("2026-10-05"), 42)  # on the start day
    assert (pair.after.date, pair.after.value) == (D("2026-10-18"), 26)  # on the end day, not the 19th
    assert pair.missing is None
    assert pair.delta == -16
    assert pair.change.verdict == "better"  # lower is better for walk-aways


def test_missing_values_are_said_not_guessed(store: Store) -> None:
    none = _kpi(store, "No values yet", {})
    late = _kpi(store, "Started measuring mid-cycle", {"2026-10-10": 5})
    stale = _kpi(store, "Not measured during the cycle", {"2026-09-01": 3})
    cycle = _cycle(store, [none.id, late.id, stale.id])
    by_name = {p.kpi.name: p for p in repo.before_after(store, cycle)}
    assert by_name["No values yet"].missing == "no_value"
    assert by_name["Started measuring mid-cycle"].missing == "no_before"
    assert by_name["Started measuring mid-cycle"].after.value == 5
    assert by_name["Not measured during the cycle"].missing == "none_during"
    assert all(p.change is None for p in by_name.values())


def test_a_kpi_counting_cycles_run_takes_its_values_from_reviewed_cycles(store: Store) -> None:
    counted = kpis.save_kpi(store, Kpi(name="Cycles run", layer="action", source=Source.cycles))
    for start, end in (
        ("2026-08-03", "2026-08-16"),
        ("2026-08-17", "2026-08-30"),
        ("2026-10-05", "2026-10-18"),
    ):
        cycle = _cycle(store, start=D(start), end=D(end))
        repo.review_cycle(store, cycle.id, "Learned something", "Try the next thing")
    _cycle(store, start=D("2026-11-02"), end=D("2026-11-15"))  # planned: not counted
    assert repo.runs_per_month(store) == [("2026-08", 2), ("2026-09", 0), ("2026-10", 1)]
    # The KPI core counts the same cycles (by the month of their end) from the same table.
    assert [(p.date, p.value) for p in series(store, counted)] == [
        (D("2026-08-01"), 2.0),
        (D("2026-10-01"), 1.0),
    ]
    assert [k.name for k in repo.counting_kpis(store)] == ["Cycles run"]
    # ...and a cycle can watch it: the count before and after.
    watcher = _cycle(store, [counted.id], start=D("2026-09-01"), end=D("2026-10-31"))
    [pair] = repo.before_after(store, watcher)
    assert (pair.before.value, pair.after.value) == (2.0, 1.0)


def test_links_to_a_deleted_kpi_are_skipped(store: Store) -> None:
    kept = _kpi(store, "Kept", {"2026-10-01": 1})
    gone = _kpi(store, "Gone", {"2026-10-01": 1})
    cycle = _cycle(store, [gone.id, kept.id])
    kpis.delete_kpi(store, gone.id)  # the KPI domain knows nothing of cycles: no foreign key stops it
    assert [k.name for k in repo.watched(store, cycle.id)] == ["Kept"]


# -- evidence --------------------------------------------------------------------------------------


def test_evidence_of_a_cycle_is_what_was_linked_and_what_its_kpis_collected_during_it(store: Store) -> None:
    kpi = _kpi(store, "Walk-aways", {})
    other_kpi = _kpi(store, "Other", {})
    cycle = _cycle(store, [kpi.id])
    other = _cycle(store, [kpi.id], title="Other cycle")
    for quote, day, kpi_id, cycle_id in (
        ("Linked to it", "2026-09-01", None, cycle.id),
        ("On its KPI during it", "2026-10-10", kpi.id, None),
        ("On its KPI before it", "2026-10-01", kpi.id, None),
        ("On another KPI during it", "2026-10-10", other_kpi.id, None),
        ("Linked to another cycle", "2026-10-10", kpi.id, other.id),
    ):
        kpis.save_evidence(store, Evidence(date=D(day), quote=quote, kpi_id=kpi_id, cycle_id=cycle_id))
    assert [e.quote for e in repo.evidence(store, cycle)] == ["On its KPI during it", "Linked to it"]


# -- states and the next cycle ---------------------------------------------------------------------


def test_start_moves_a_future_cycle_to_today_keeping_its_length(store: Store) -> None:
    cycle = _cycle(store, start=D("2026-12-01"), end=D("2026-12-14"))
    started = repo.start_cycle(store, cycle.id, D("2026-11-22"))
    assert (started.state, started.start, started.end) == (
        CycleState.running,
        D("2026-11-22"),
        D("2026-12-05"),
    )
    with pytest.raises(InputError):
        repo.start_cycle(store, cycle.id, D("2026-11-22"))  # only a planned cycle starts


def test_overdue_and_days_left() -> None:
    cycle = Cycle(title="x", state=CycleState.running, start=D("2026-11-09"), end=D("2026-11-22"))
    assert cycle.days == 14
    assert cycle.days_left(D("2026-11-22")) == 1 and not cycle.overdue(D("2026-11-22"))
    assert cycle.days_left(D("2026-11-23")) == 0 and cycle.overdue(D("2026-11-23"))
    done = Cycle(title="x", state=CycleState.reviewed, start=D("2026-11-09"), end=D("2026-11-22"))
    assert not done.overdue(D("2026-12-31"))


def test_next_cycle_carries_the_kpis_and_the_next_step_as_its_hypothesis(store: Store) -> None:
    a, b = _kpi(store, "A", {}), _kpi(store, "B", {})
    cycle = _cycle(store, [b.id, a.id])
    with pytest.raises(InputError):
        repo.next_cycle(store, cycle.id, D("2026-10-20"))  # no next step before the review
    repo.review_cycle(store, cycle.id, "The shelf by the door matters", "Move the shelf next to the door")
    nxt = repo.next_cycle(store, cycle.id, D("2026-10-20"))
    assert nxt.state is CycleState.planned
    assert nxt.hypothesis == "Move the shelf next to the door" and nxt.change == ""
    assert nxt.previous_id == cycle.id
    assert (nxt.start, nxt.end) == (D("2026-10-20"), D("2026-11-02"))  # today (after the end), 2 weeks
    assert [k.name for k in repo.watched(store, nxt.id)] == ["B", "A"]  # same KPIs, same order


def test_learning_log_is_newest_first_and_searchable(store: Store) -> None:
    for title, end, learning in (
        ("Greeting", "2026-08-30", "A greeting lifted ease of talking"),
        ("Guide", "2026-09-27", "Showing the rule of thumb first cut the comparison questions"),
        ("Percent", "2026-10-11", "Walk-aways fell by 100%"),
    ):
        cycle = _cycle(store, title=title, start=D(end).replace(day=1), end=D(end))
        repo.review_cycle(store, cycle.id, learning, "Next")
    _cycle(store, title="Not reviewed")
    assert [c.title for c in repo.learning_log(store)] == ["Percent", "Guide", "Greeting"]
    assert [c.title for c in repo.learning_log(store, "rule of thumb")] == ["Guide"]
    assert [c.title for c in repo.learning_log(store, "100%")] == ["Percent"]  # % is not a wildcard
    assert repo.learning_log(store, "_") == []


def test_delete_unlinks_evidence_and_undo_brings_all_back(store: Store) -> None:
    kpi = _kpi(store, "K", {})
    cycle = _cycle(store, [kpi.id])
    kpis.save_evidence(store, Evidence(date=D("2026-10-10"), quote="それなら安心", cycle_id=cycle.id))
    repo.delete_cycle(store, cycle.id)
    assert repo.cycles(store) == [] and store.rows("SELECT cycle_id FROM evidence") == [{"cycle_id": None}]
    assert store.undo() == "Delete learning cycle"
    assert [c.id for c in repo.cycles(store)] == [cycle.id]
    assert [k.id for k in repo.watched(store, cycle.id)] == [kpi.id]
    assert store.rows("SELECT cycle_id FROM evidence") == [{"cycle_id": cycle.id}]

"""The demo's learning cycles and weekly reviews: the café chain and NexBridge stories, in both
languages, linked to the demo's KPIs and evidence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cxtui.cycles import queries as cycle_queries
from cxtui.cycles import repo as cycles
from cxtui.cycles.models import CycleState
from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.review import queries as review_queries
from cxtui.review import repo as reviews
from cxtui.review.models import ItemKind

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.fixture(scope="module", params=["en", "ja"])
def demo(request: pytest.FixtureRequest) -> tuple[Store, str]:
    from cxtui.i18n import set_language

    set_language(request.param)
    store = Store.memory()
    build_demo(store, request.param, TODAY)
    set_language("en")
    return store, request.param


def test_eight_cycles_five_reviewed_one_running_two_planned(demo: tuple[Store, str]) -> None:
    store, _lang = demo
    every = cycles.cycles(store)
    assert len(every) == 8
    states = [c.state for c in every]
    assert states.count(CycleState.reviewed) == 5
    assert states.count(CycleState.running) == 1
    assert states.count(CycleState.planned) == 2
    reviewed = [c for c in every if c.state is CycleState.reviewed]
    assert all(c.learning and c.next_step and c.hypothesis and c.change for c in reviewed)
    # In time order the reviewed cycles never overlap; every cycle lasts two weeks from a Monday.
    ordered = sorted(reviewed, key=lambda c: c.start)
    assert all(a.end < b.start for a, b in zip(ordered, ordered[1:], strict=False))
    assert all(c.days == 14 and c.start.weekday() == 0 for c in every)
    [running] = cycle_queries.running(store)
    assert running.start <= TODAY <= running.end


def test_learnings_in_the_seeds_words(demo: tuple[Store, str]) -> None:
    store, lang = demo
    learnings = {c.learning for c in cycles.learning_log(store)}
    expected = (
        "Showing the rule of thumb first cut the comparison questions"
        if lang == "en"
        else "目安を先に出すと比較の質問が減り、決める人が増えた"  # seed 001's own example
    )
    assert expected in learnings


def test_cycles_watch_the_demo_kpis_and_hold_their_evidence(demo: tuple[Store, str]) -> None:
    store, _lang = demo
    every = cycles.cycles(store)
    assert all(len(cycles.watched(store, c.id)) == 2 for c in every)
    linked = store.rows(
        "SELECT cycle_id, COUNT(*) AS n FROM evidence WHERE cycle_id IS NOT NULL GROUP BY cycle_id"
    )
    assert sum(r["n"] for r in linked) == 19  # every quote the content links to a cycle
    greeting = next(c for c in every if c.start == min(x.start for x in every))
    pairs = cycles.before_after(store, greeting)
    assert all(p.missing is None and p.change is not None for p in pairs)
    assert any(e.cycle_id == greeting.id for e in cycles.evidence(store, greeting))


def test_chains_link_each_cycle_to_the_one_before_in_its_story(demo: tuple[Store, str]) -> None:
    store, _lang = demo
    every = cycles.cycles(store)
    firsts = [c for c in every if c.previous_id is None]
    assert len(firsts) == 2  # one chain per story
    assert all(cycles.find_cycle(store, c.previous_id) is not None for c in every if c.previous_id)


def test_ten_past_weekly_reviews_on_fridays_with_what_they_went_through(demo: tuple[Store, str]) -> None:
    store, _lang = demo
    every = reviews.reviews(store)
    assert len(every) == 10
    assert all(r.done and r.step == 6 and r.date.weekday() == 4 and r.learning and r.next_step for r in every)
    assert every[0].date == TODAY - timedelta(days=TODAY.weekday()) - timedelta(weeks=1) + timedelta(days=4)
    assert all(11 * 60 <= r.seconds <= 16 * 60 for r in every)
    counts = reviews.item_counts(store)
    assert all(counts[r.id].get("kr", 0) > 0 for r in every)
    assert sum(counts[r.id].get("cycle", 0) for r in every) >= 3
    # Each KR item points at the check-in it stands for.
    item = next(i for i in reviews.items(store, every[0].id) if i.kind is ItemKind.kr)
    assert store.get_row("checkins", item.record_id or "")["value"] == item.value
    # This week has no review yet: the demo opens with the weekly review due.
    assert review_queries.done_this_week(store, TODAY) is None

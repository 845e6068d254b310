"""Pilot tests of the learning-cycles screen: the board and its flags, the five-step editor and its
"one" rule, next step → new cycle in one key, start and review, the learning log, delete and undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, SelectionList

from cxtui.cycles import repo
from cxtui.cycles.models import Cycle, CycleState
from cxtui.db.store import Store
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Direction, Evidence, Kpi, KpiValue
from screens.app import CxApp
from screens.cycles.editor import CycleEditor
from screens.cycles.screen import CyclesScreen
from tests.conftest import TODAY

SIZE = (120, 40)
D = date.fromisoformat


def build(path: Path) -> Store:
    store = Store.open(path, create=True)
    walkaways = kpis.save_kpi(
        store, Kpi(name="Walk-aways", layer="behaviour", unit="people", direction=Direction.LOWER)
    )
    for day, value in (("2026-10-26", 42), ("2026-11-08", 30), ("2026-11-20", 24)):
        kpis.record_value(store, KpiValue(kpi_id=walkaways.id, date=D(day), value=value))
    done = repo.save_cycle(
        store,
        Cycle(
            title="Pre-ordering",
            start=D("2026-10-26"),
            end=D("2026-11-08"),
            hypothesis="Queues",
            change="Pre-order",
        ),
        [walkaways.id],
    )
    repo.review_cycle(store, done.id, "Walk-aways fell from 42 to 30", "Move the shelf next to the door")
    repo.save_cycle(
        store,
        Cycle(
            title="Overdue one",
            state=CycleState.running,
            start=D("2026-11-02"),
            end=D("2026-11-15"),
            hypothesis="h",
            change="c",
        ),
        [walkaways.id],
    )
    repo.save_cycle(store, Cycle(title="Later", start=D("2026-12-07"), end=D("2026-12-20"), hypothesis="h"))
    kpis.save_evidence(
        store, Evidence(date=D("2026-11-10"), quote="No queue? Then I'll come at lunch", kpi_id=walkaways.id)
    )
    store.clear_history()
    return store


async def _open(store: Store, pilot) -> CyclesScreen:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import peer_key

    await pilot.pause()
    await pilot.press(peer_key("cycles"))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CyclesScreen)
    return screen


async def test_board_by_state_with_the_overdue_flag_and_the_numbers(tmp_path: Path) -> None:
    store = build(tmp_path / "ws.cxtui")
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(store, pilot)
        heads = [str(screen.query_one(f"#head-{s}").render()) for s in ("planned", "running", "reviewed")]
        assert heads == ["○ planned (1)", "▶ running (1)  ⚑ 1", "✓ reviewed (1)"]
        detail = screen.detail_text()
        assert "Overdue one" in detail and "⚑ ended 7 day(s) ago, not reviewed" in detail
        # Before: the latest value on or before the start (26 Oct); after: on or before the end (8 Nov).
        assert "Walk-aways: 42 people → 30 people (-12, better)" in detail
        assert "No queue? Then I'll come at lunch" in detail  # evidence on its KPI during it
        await pilot.press("right")  # the reviewed column
        await pilot.pause()
        assert "Walk-aways fell from 42 to 30" in screen.detail_text()


async def test_the_editor_walks_five_steps_and_refuses_a_second_hypothesis(tmp_path: Path) -> None:
    store = build(tmp_path / "ws.cxtui")
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(store, pilot)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, CycleEditor) and editor.step == 0
        await pilot.press(*"Greeting", "enter", "enter", "enter")  # title, start (today), end (2 weeks)
        await pilot.press(*"1) nobody greets 2) the menu is long", "enter")
        await pilot.pause()
        # Refused, with the offer to start another cycle for the second one.
        assert type(app.screen).__name__ == "ConfirmDialog"
        assert "the menu is long" in app.screen.message
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is editor and editor.step == 0
        assert editor.query_one("#hypothesis", Input).value == "nobody greets"
        await pilot.press("enter")  # the step holds now: on to ② change
        await pilot.pause()
        assert editor.step == 1
        await pilot.press(*"Greet every customer at the door", "enter")
        await pilot.pause()
        assert editor.step == 2  # ③ KPI check
        assert editor.query_one("#kpis", SelectionList).has_focus
        await pilot.press("space")  # watch Walk-aways
        await pilot.pause()
        assert "Walk-aways: 24 people → —" in str(editor.query_one("#numbers").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    every = {c.title: c for c in repo.cycles(store)}
    greeting = every["Greeting"]
    assert (greeting.hypothesis, greeting.change, greeting.state) == (
        "nobody greets",
        "Greet every customer at the door",
        CycleState.planned,
    )
    assert (greeting.start, greeting.end) == (TODAY, D("2026-12-05"))
    assert [k.name for k in repo.watched(store, greeting.id)] == ["Walk-aways"]
    # The second hypothesis became a cycle of its own, after this one, watching the same KPIs.
    other = every["the menu is long"]
    assert (other.hypothesis, other.state, other.start) == (
        "the menu is long",
        CycleState.planned,
        D("2026-12-06"),
    )
    assert [k.name for k in repo.watched(store, other.id)] == ["Walk-aways"]


async def test_a_step_is_reached_only_when_the_ones_before_hold(tmp_path: Path) -> None:
    store = build(tmp_path / "ws.cxtui")
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open(store, pilot)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, CycleEditor)
        await pilot.press(*"Untitled hypothesis missing", "pagedown")
        await pilot.pause()
        assert editor.step == 0 and "Hypothesis: must not be empty" in str(
            editor.query_one("#form-error").render()
        )
        await pilot.press("escape")
        await pilot.pause()
    assert len(repo.cycles(store)) == 3  # nothing saved


async def test_next_step_starts_the_next_cycle_in_one_key(tmp_path: Path) -> None:
    store = build(tmp_path / "ws.cxtui")
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(store, pilot)
        await pilot.press("right")  # the reviewed cycle
        await pilot.press("n")  # one key
        await pilot.pause()
        assert isinstance(app.screen, CycleEditor)  # opened to refine the draft
        assert app.screen.query_one("#hypothesis", Input).value == "Move the shelf next to the door"
        await pilot.press("escape")  # the new cycle stays even without edits
        await pilot.pause()
        assert app.screen is screen
    done = next(c for c in repo.cycles(store) if c.title == "Pre-ordering")
    [new] = [c for c in repo.cycles(store) if c.previous_id == done.id]
    assert (new.state, new.hypothesis, new.start, new.days) == (
        CycleState.planned,
        "Move the shelf next to the door",
        TODAY,
        14,
    )
    assert [k.name for k in repo.watched(store, new.id)] == ["Walk-aways"]


async def test_review_a_cycle_then_find_its_learning_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = build(tmp_path / "ws.cxtui")
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(store, pilot)
        await pilot.press("r")  # the overdue running cycle
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, CycleEditor) and editor.step == 2  # opens on the KPI check
        await pilot.press("pagedown")
        await pilot.press(*"The shelf by the door halved walk-aways", "enter")
        await pilot.press(*"Try it at Harbour", "enter")  # the last step saves
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("l")
        await pilot.pause()
        log = screen.log_text()
        assert log.index("The shelf by the door halved walk-aways") < log.index(
            "Walk-aways fell from 42 to 30"
        )
        assert "Cycles run per month: 2026-11 2" in log
        calls: list[str] = []
        real = repo.before_after

        def counted(store: Store, cycle: Cycle, kpis: object = None) -> object:
            calls.append(cycle.id)
            return real(store, cycle, kpis)  # type: ignore[arg-type]

        monkeypatch.setattr(repo, "before_after", counted)
        await pilot.press("slash", *"42 to")
        await pilot.pause()
        monkeypatch.undo()
        log = screen.log_text()
        assert "Walk-aways fell from 42 to 30" in log and "halved" not in log
        # Each keystroke filters the entries read before: no cycle's KPIs are read again.
        assert [c for c in calls if calls.count(c) > 1] == []
    reviewed = next(c for c in repo.cycles(store) if c.title == "Overdue one")
    assert (reviewed.state, reviewed.learning, reviewed.next_step) == (
        CycleState.reviewed,
        "The shelf by the door halved walk-aways",
        "Try it at Harbour",
    )


async def test_start_delete_and_undo(tmp_path: Path) -> None:
    store = build(tmp_path / "ws.cxtui")
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open(store, pilot)
        await pilot.press("left", "s")  # start the planned cycle (planned for later: it starts today)
        await pilot.pause()
        later = next(c for c in repo.cycles(store) if c.title == "Later")
        assert (later.state, later.start, later.end) == (CycleState.running, TODAY, D("2026-12-05"))
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "Later" not in {c.title for c in repo.cycles(store)}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Later" in {c.title for c in repo.cycles(store)}

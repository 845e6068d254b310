"""Pilot tests: keys pressed on the OKR screen, then the database and the screen are checked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, Static

from cxtui.db.store import Store
from cxtui.i18n import set_language
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import KRKind
from screens.app import CxApp
from screens.okr.detail import DetailPane
from screens.okr.tree import OkrTree
from screens.shared.choice import ChoiceBar
from screens.shared.translate import TEXTUAL_ACTIONS
from tests.conftest import TODAY
from tests.ui.conftest import SIZE


def _open(path: Path) -> tuple[CxApp, Store]:
    store = Store.open(path)
    return CxApp(store=store, today=TODAY, first="okr"), store


def _reopen_titles(path: Path, period_id: str) -> list[str]:
    store = Store.open(path)
    try:
        return [o.title for o in okr.objectives(store, period_id)]
    finally:
        store.close()


def _screen_text(app: CxApp) -> str:
    tree = app.screen.query_one(OkrTree)
    return "\n".join(str(tree.get_node_at_line(i).label) for i in range(tree.last_line + 1))


async def test_tree_shows_objectives_krs_and_decreasing_progress(small_workspace) -> None:
    path, _ids = small_workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = _screen_text(app)
        assert "Maximise customer success" in text
        assert "Contracts that succeed" in text
        # churn 8 -> 3 at 4.5 is 70 %: a decreasing KR shows its real progress, in the green band.
        churn_line = next(line for line in text.splitlines() if "Monthly churn" in line)
        assert "70%" in churn_line and "●" in churn_line and "4.5%" in churn_line
        await pilot.press("down")
        await pilot.pause()
        detail = app.screen.query_one(DetailPane).as_text()
        assert "at risk" in detail and "(4.5 − 8) / (3 − 8) = 70%" in detail


async def test_add_objective_kr_and_checkin_from_keys(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("A")  # top-level objective
        await pilot.pause()
        await pilot.press(*"Delight every customer", "tab", *"Aiko")
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = [o for o in okr.objectives(store, ids["period"]) if o.title == "Delight every customer"]
        assert len(new) == 1 and new[0].owner == "Aiko" and new[0].parent_id is None
        await pilot.press("k")
        await pilot.pause()
        await pilot.press(*"NPS")
        app.screen.query_one("#start", Input).value = "-5"
        app.screen.query_one("#target", Input).value = "40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [kr] = okr.key_results(store, new[0].id)
        assert (kr.title, kr.start, kr.target, kr.kind.value) == ("NPS", -5, 40, "increase")
        # The cursor is on the new KR: record a check-in.
        await pilot.press("c")
        await pilot.pause()
        assert "No previous check-in" in str(app.screen.query_one("#previous", Static).render())
        await pilot.press(*"12.5")
        await pilot.press("tab", "right")  # confidence: at risk
        await pilot.press("tab", *"first survey", "tab", *"no budget")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [checkin] = okr_checkins.checkins(store, kr.id)
        assert checkin.value == 12.5 and checkin.note == "first survey" and checkin.blocker == "no budget"
        assert checkin.date == TODAY
        assert okr.find_key_result(store, kr.id).current == 12.5
    store.close()
    assert "Delight every customer" in _reopen_titles(path, ids["period"])


async def test_checkin_dialog_shows_previous_value_and_note(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # first KR: Monthly churn
        await pilot.press("enter")  # enter on a KR opens the check-in
        await pilot.pause()
        previous = str(app.screen.query_one("#previous", Static).render())
        assert "2026-11-20" in previous and "4.5%" in previous and "churn analysis" in previous
        await pilot.press(*"4.1", "ctrl+s")
        await pilot.pause()
        assert okr.find_key_result(store, ids["churn"]).current == 4.1


async def test_checkin_confidence_by_keys_and_by_click(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # Monthly churn: its last check-in was "at risk"
        await pilot.pause()
        choice = app.screen.query_one("#confidence", ChoiceBar)
        assert choice.value == "at_risk"  # the previous confidence is the starting point
        assert "◉ at risk" in choice.render().plain
        await pilot.press(*"4.2", "tab", "right", "right")  # stops at the last option
        assert choice.value == "off_track"
        await pilot.press("left")
        assert choice.value == "at_risk"
        await pilot.click(ChoiceBar, offset=(1, 0))  # the first option: on track
        assert choice.value == "on_track"
        await pilot.press("ctrl+s")
        await pilot.pause()
        latest = okr_checkins.checkins(store, ids["churn"], limit=1)[0]
        assert (latest.value, latest.confidence.value) == (4.2, "on_track")


async def test_saving_an_edit_untouched_keeps_large_and_fine_values(small_workspace) -> None:
    path, ids = small_workspace
    store = Store.open(path)
    kr = okr.find_key_result(store, ids["support"])
    assert kr is not None
    okr.save_key_result(store, replace(kr, start=1234567.0, target=0.125, kind=KRKind.decrease, unit="円"))
    store.close()
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "e")  # the second KR: support reply time
        await pilot.pause()
        assert app.screen.query_one("#start", Input).value == "1234567"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = okr.find_key_result(store, ids["support"])
        assert saved is not None and (saved.start, saved.target) == (1234567.0, 0.125)
        tree_line = app.screen.query_one(OkrTree).cursor_node.label.plain
        assert "1,234,567 円" in tree_line  # shown as the report shows it


async def test_invalid_input_names_the_field_and_keeps_the_text(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        await pilot.press(*"Referrals")
        app.screen.query_one("#start", Input).value = "10"
        app.screen.query_one("#target", Input).value = "ten"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#form-error", Static).render())
        assert error == "Target: must be a number"
        assert app.screen.query_one("#title", Input).value == "Referrals"
        app.screen.query_one("#target", Input).value = "10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "differ from the start" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
    assert len(okr.key_results(store, ids["company"])) == 2


async def test_delete_asks_then_undo_and_redo(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")  # cursor on the company objective
        await pilot.pause()
        await pilot.press("n")  # declined: nothing deleted
        await pilot.pause()
        assert len(okr.objectives(store, ids["period"])) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert okr.objectives(store, ids["period"]) == []
        assert okr_checkins.checkins(store, ids["churn"]) == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert {o.title for o in okr.objectives(store, ids["period"])} == {
            "Maximise customer success",
            "Contracts that succeed",
        }
        assert [c.value for c in okr_checkins.checkins(store, ids["churn"])] == [4.5]
        assert "Maximise customer success" in _screen_text(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert okr.objectives(store, ids["period"]) == []


async def test_reorder_siblings(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down")  # second KR: Support reply time
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert [k.title for k in okr.key_results(store, ids["company"])] == [
            "Support reply time",
            "Monthly churn",
        ]
        assert app.screen.query_one(OkrTree).selected_ref.id == ids["support"]


async def test_switch_period_and_start_new_period(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "No more periods" in "".join(str(n.message) for n in app._notifications)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "2027 Q1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        periods = okr_periods.periods(store)
        assert [p.name for p in periods] == ["2026 Q4", "2027 Q1"]
        copied = okr.objectives(store, periods[1].id)
        assert {o.title for o in copied} == {"Maximise customer success", "Contracts that succeed"}
        company = next(o for o in copied if o.parent_id is None)
        churn = next(k for k in okr.key_results(store, company.id) if k.title == "Monthly churn")
        assert (churn.start, churn.target, churn.current) == (4.5, 3, None)
        assert "2027 Q1" in str(app.screen.query_one("#period-bar", Static).render())
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "2026 Q4" in str(app.screen.query_one("#period-bar", Static).render())
        await pilot.press("ctrl+z")  # undo the new period
        await pilot.pause()
        assert [p.name for p in okr_periods.periods(store)] == ["2026 Q4"]


async def test_japanese_labels_and_language_switch(small_workspace) -> None:
    path, _ids = small_workspace
    set_language("ja")
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")
        await pilot.pause()
        assert "要注意" in app.screen.query_one(DetailPane).as_text()
        assert any(b.description == "チェックイン" for _k, b in app.screen._bindings)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "at risk" in app.screen.query_one(DetailPane).as_text()
        assert any(b.description == "Check-in" for _k, b in app.screen._bindings)


async def test_read_only_workspace_shows_badge_and_refuses_changes(small_workspace) -> None:
    path, ids = small_workspace
    store = Store.open(path, readonly=True)
    app = CxApp(store=store, today=TODAY, first="okr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "READ-ONLY" in str(app.screen.query_one("#period-bar", Static).render())
        await pilot.press("d")
        await pilot.pause()
        assert "read-only" in "".join(str(n.message) for n in app._notifications)
    assert len(okr.objectives(Store.open(path), ids["period"])) == 2


async def test_help_lists_every_key_and_palette_has_every_action(small_workspace) -> None:
    path, _ids = small_workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {c.title for c in app.get_system_commands(app.screen)}
        for action in (
            "Add objective",
            "Add KR",
            "Check-in",
            "Delete",
            "Undo",
            "Redo",
            "New period",
            "Move up",
        ):
            assert action in commands
        # Textual's own screen keys (focus moves, copy) are not the screen's: help leaves them out.
        described = {
            b.description
            for _k, b in app.screen._bindings
            if b.description and b.action not in TEXTUAL_ACTIONS
        }
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        listed = dict((d, k) for k, d in app.screen.rows)
        # Every key of the OKR screen (shown in the footer or not) is in help, with its key.
        assert described <= set(listed)
        assert listed["Undo"] == "ctrl+z" and "ctrl+up" in listed["Move up"] and listed["Help"] == "f1 / ?"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "OkrScreen"


async def test_missing_file_offers_to_create(tmp_path: Path) -> None:
    path = tmp_path / "new.cxtui"
    app = CxApp(path=path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"  # a workspace opens on its dashboard
    assert path.exists()
    assert [p.name for p in okr_periods.periods(Store.open(path))] == ["2026 Q4"]


async def test_bad_file_shows_one_line_dialog_and_leaves_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.cxtui"
    path.write_text("just some notes\n", encoding="utf-8")
    app = CxApp(path=path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "MessageDialog"
        assert "not a cxtui workspace" in app.screen.message
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"
    assert path.read_text(encoding="utf-8") == "just some notes\n"


async def test_ctrl_p_opens_the_palette_and_runs_an_action(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"new period", "enter")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "NewPeriodDialog"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [p.name for p in okr_periods.periods(store)] == ["2026 Q4", "2027 Q1"]


async def test_help_after_language_switch_speaks_the_new_language(small_workspace) -> None:
    path, _ids = small_workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l", "ctrl+l")  # to Japanese and back
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        listed = dict((d, k) for k, d in app.screen.rows)
        assert "Undo" in listed and "元に戻す" not in listed
        # Textual's own keys (focus moves, scrolling) are not listed; cxtui's are.
        assert "Focus Next" not in listed and "Scroll Home" not in listed
        await pilot.press("escape", "ctrl+l", "f1")
        await pilot.pause()
        listed = dict((d, k) for k, d in app.screen.rows)
        assert "元に戻す" in listed and "ヘルプ" in listed and "Undo" not in listed

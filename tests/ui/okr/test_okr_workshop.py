"""Pilot tests of the workshop fixes on the OKR screen: check-in history (edit, delete, undo), dates
asked about, overlapping periods, editing a period and the fiscal year, re-parenting, moving a KR,
the KR dialog's kinds, and confidence shapes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Label, Select, Static

from cxtui.db.store import Store
from cxtui.i18n import set_language
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, Confidence
from screens.app import CxApp
from screens.okr.detail import DetailPane
from screens.okr.tree import OkrTree
from screens.shared.help import key_rows
from tests.conftest import TODAY
from tests.ui.conftest import SIZE


def _open(path: Path) -> tuple[CxApp, Store]:
    store = Store.open(path)
    return CxApp(store=store, today=TODAY, first="okr"), store


def _screen_name(app: CxApp) -> str:
    return type(app.screen).__name__


def _notes(app: CxApp) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


def _current(store: Store, kr_id: str) -> tuple[float | None, Confidence | None]:
    kr = okr.find_key_result(store, kr_id)
    assert kr is not None
    return kr.current, kr.confidence


def _add_older_checkin(path: Path, kr_id: str) -> None:
    store = Store.open(path)
    okr_checkins.record_checkin(
        store, CheckIn(kr_id=kr_id, date=date(2026, 11, 13), value=6.0, confidence=Confidence.off_track)
    )
    store.clear_history()
    store.close()


# -- check-in history ------------------------------------------------------------------------------


async def test_history_deletes_undoes_and_edits_a_checkin(small_workspace) -> None:
    path, ids = small_workspace
    _add_older_checkin(path, ids["churn"])
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "h")  # the churn KR: 4.5 on 11-20, 6.0 on 11-13
        await pilot.pause()
        assert _screen_name(app) == "CheckInHistory"
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        assert "2026-11-20" in str(table.get_row_at(0)[0]) and "4.5%" in str(table.get_row_at(0)[1])
        await pilot.press("d")  # delete the latest: asks first
        await pilot.pause()
        assert _screen_name(app) == "ConfirmDialog" and "2026-11-20 (4.5%)" in app.screen.message
        await pilot.press("y")
        await pilot.pause()
        assert [c.value for c in okr_checkins.checkins(store, ids["churn"])] == [6.0]
        assert _current(store, ids["churn"]) == (6.0, Confidence.off_track)  # the KR follows
        assert _screen_name(app) == "CheckInHistory" and app.screen.query_one(DataTable).row_count == 1
        await pilot.press("ctrl+z")  # undo from inside the history
        await pilot.pause()
        assert _screen_name(app) == "CheckInHistory" and app.screen.query_one(DataTable).row_count == 2
        assert _current(store, ids["churn"]) == (4.5, Confidence.at_risk)
        assert "Undone: delete check-in" in _notes(app)
        await pilot.press("down", "enter")  # edit the older one
        await pilot.pause()
        assert _screen_name(app) == "CheckInDialog"
        assert app.screen.query_one("#value", Input).value == "6"
        assert app.screen.query_one("#date", Input).value == "2026-11-13"
        app.screen.query_one("#value", Input).value = "5.5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.value for c in okr_checkins.checkins(store, ids["churn"])] == [4.5, 5.5]
        assert _current(store, ids["churn"])[0] == 4.5  # still the latest by date
        assert _screen_name(app) == "CheckInHistory"
        await pilot.press("escape")
        await pilot.pause()
        assert _screen_name(app) == "OkrScreen"
        assert "5.5%" in app.screen.query_one(DetailPane).as_text()
        await pilot.press("ctrl+z")  # the edit is one undo step
        await pilot.pause()
        assert [c.value for c in okr_checkins.checkins(store, ids["churn"])] == [4.5, 6.0]


async def test_history_keys_are_in_help_and_the_palette(small_workspace) -> None:
    path, _ids = small_workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")
        await pilot.pause()
        assert {"Check-in history", "Edit period"} <= {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("h")
        await pilot.pause()
        commands = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Edit check-in", "Delete check-in", "Undo", "Close"} <= commands
        # What the help screen lists for the dialog (the dialog shows the same keys on its last line).
        listed = dict((d, k) for k, d in key_rows(app.screen))
        assert listed["Edit check-in"] == "e" and listed["Delete check-in"] == "d / del"
        assert "enter/e edit · d delete · ctrl+z undo · esc close" in str(
            app.screen.query_one(".okr-history-keys", Static).render()
        )


# -- dates -------------------------------------------------------------------------------------


async def test_a_future_date_is_asked_about_and_no_keeps_what_was_typed(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "c")
        await pilot.pause()
        await pilot.press(*"4.1")
        app.screen.query_one("#note", Input).value = "typed with care"
        app.screen.query_one("#date", Input).value = "2027-11-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _screen_name(app) == "ConfirmDialog"
        assert "2027-11-20 is after today (2026-11-22) and outside the period 2026 Q4" in app.screen.message
        await pilot.press("n")
        await pilot.pause()
        assert _screen_name(app) == "CheckInDialog"  # back, with everything typed
        assert app.screen.query_one("#value", Input).value == "4.1"
        assert app.screen.query_one("#note", Input).value == "typed with care"
        assert app.screen.focused is app.screen.query_one("#date", Input)
        assert [c.value for c in okr_checkins.checkins(store, ids["churn"])] == [4.5]
        app.screen.query_one("#date", Input).value = TODAY.isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _screen_name(app) == "OkrScreen"
        assert [c.value for c in okr_checkins.checkins(store, ids["churn"])] == [4.1, 4.5]


async def test_a_second_checkin_the_same_day_replaces_the_first_only_on_yes(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "c")
        await pilot.pause()
        await pilot.press(*"4.2")
        app.screen.query_one("#date", Input).value = "2026-11-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _screen_name(app) == "ConfirmDialog"
        assert "2026-11-20 already has a check-in (4.5%)" in app.screen.message
        await pilot.press("y")
        await pilot.pause()
        assert [(c.date, c.value) for c in okr_checkins.checkins(store, ids["churn"])] == [
            (date(2026, 11, 20), 4.2)
        ]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [c.value for c in okr_checkins.checkins(store, ids["churn"])] == [4.5]


# -- periods -----------------------------------------------------------------------------------


async def test_an_overlapping_new_period_is_asked_about(small_workspace) -> None:
    path, _ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Winter sprint"
        app.screen.query_one("#start", Input).value = "2026-12-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _screen_name(app) == "ConfirmDialog"
        assert "Winter sprint overlaps 2026 Q4 (2026-10-01 – 2026-12-31)" in app.screen.message
        await pilot.press("n")
        await pilot.pause()
        assert _screen_name(app) == "NewPeriodDialog"
        assert app.screen.query_one("#start", Input).value == "2026-12-01"
        assert [p.name for p in okr_periods.periods(store)] == ["2026 Q4"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [p.name for p in okr_periods.periods(store)] == ["2026 Q4", "Winter sprint"]
    # Reopened, the default is still the shortest period containing today.
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Winter sprint" not in str(app.screen.query_one("#period-bar", Static).render())
        assert "2026 Q4" in str(app.screen.query_one("#period-bar", Static).render())


async def test_edit_period_renames_redates_and_follows_the_fiscal_year(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert _screen_name(app) == "PeriodDialog"
        assert app.screen.query_one("#fiscal", Input).value == "1"
        app.screen.query_one("#fiscal", Input).value = "4"
        await pilot.pause()
        # The fields held the calendar quarter: they follow the fiscal year (April: Oct-Dec is Q3).
        assert app.screen.query_one("#name", Input).value == "FY2026 Q3"
        assert app.screen.query_one("#start", Input).value == "2026-10-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert okr_periods.find_period(store, ids["period"]).name == "FY2026 Q3"  # type: ignore[union-attr]
        assert okr_periods.fiscal_start_month(store) == 4
        assert "FY2026 Q3" in str(app.screen.query_one("#period-bar", Static).render())
        # The next period proposed follows the fiscal year.
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "FY2026 Q4"
        await pilot.press("escape")
        await pilot.pause()
        # A typed name and end survive a change of month (they are no longer the quarter's).
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Autumn push"
        app.screen.query_one("#end", Input).value = "2026-12-20"
        app.screen.query_one("#fiscal", Input).value = "1"
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "Autumn push"
        await pilot.press("ctrl+s")
        await pilot.pause()
        found = okr_periods.find_period(store, ids["period"])
        assert found is not None and (found.name, found.end) == ("Autumn push", date(2026, 12, 20))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert okr_periods.find_period(store, ids["period"]).name == "FY2026 Q3"  # type: ignore[union-attr]


# -- structure -----------------------------------------------------------------------------------


async def test_reparent_an_objective_and_move_a_kr_from_the_edit_dialogs(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")  # the company objective
        await pilot.pause()
        choices = [str(label) for label, _value in app.screen.query_one("#parent", Select)._options]
        # Neither itself nor the objective aligned under it: that would be a cycle.
        assert choices == ["(top level)"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "down", "down", "e")  # Contracts that succeed (under company)
        await pilot.pause()
        parent = app.screen.query_one("#parent", Select)
        assert parent.value == ids["company"]
        parent.focus()
        await pilot.press("enter", "up", "enter")  # open the list, pick "(top level)"
        await pilot.pause()
        assert parent.value == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert okr.find_objective(store, ids["sales"]).parent_id is None  # type: ignore[union-attr]
        tree = app.screen.query_one(OkrTree)
        assert tree.cursor_node is not None and tree.cursor_node.parent is tree.root  # now a root
        await pilot.press("up", "e")  # Support reply time: move it to Contracts that succeed
        await pilot.pause()
        app.screen.query_one("#objective", Select).value = ids["sales"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [k.title for k in okr.key_results(store, ids["sales"])] == ["Support reply time"]
        assert [k.title for k in okr.key_results(store, ids["company"])] == ["Monthly churn"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [k.title for k in okr.key_results(store, ids["company"])] == [
            "Monthly churn",
            "Support reply time",
        ]


# -- the KR dialog --------------------------------------------------------------------------------


async def test_kr_dialog_hints_follow_the_kind_and_a_milestone_has_no_numbers(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#unit", Input).placeholder == "% / h / clients"

        def target_hint() -> str:
            row = dialog.query_one("#target", Input).parent
            assert row is not None
            return str(row.query_one(".field-hint", Label).render())

        assert target_hint() == "the value to reach"
        kind = dialog.query_one("#kind", Select)
        kind.value = "stay_below"
        await pilot.pause()
        assert target_hint() == "threshold: stay at or below"
        kind.value = "milestone"
        await pilot.pause()
        assert not dialog.query_one("#start", Input).parent.display  # type: ignore[union-attr]
        assert not dialog.query_one("#target", Input).parent.display  # type: ignore[union-attr]
        await pilot.press(*"Launch the portal", "ctrl+s")
        await pilot.pause()
        launch = next(k for k in okr.key_results(store, ids["company"]) if k.title == "Launch the portal")
        assert (launch.kind.value, launch.start, launch.target) == ("milestone", 0, 1)


async def test_a_start_above_the_target_proposes_decrease(small_workspace) -> None:
    path, ids = small_workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await pilot.pause()
        await pilot.press(*"Cancellations")
        app.screen.query_one("#start", Input).value = "12"
        app.screen.query_one("#target", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _screen_name(app) == "KeyResultDialog"  # not saved yet: the change is shown first
        assert app.screen.query_one("#kind", Select).value == "decrease"
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "the kind is now “Decrease”" in error
        assert app.screen.query_one("#form-error").has_class("okr-proposal")  # a note, not an error
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = next(k for k in okr.key_results(store, ids["company"]) if k.title == "Cancellations")
        assert (saved.kind.value, saved.start, saved.target) == ("decrease", 12, 5)


async def test_unit_placeholder_in_japanese(small_workspace) -> None:
    path, _ids = small_workspace
    set_language("ja")
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await pilot.pause()
        assert app.screen.query_one("#unit", Input).placeholder == "% / 時間 / 社"


# -- confidence shapes ----------------------------------------------------------------------------


async def test_confidence_states_have_distinct_shapes(small_workspace) -> None:
    path, ids = small_workspace
    store = Store.open(path)
    okr_checkins.record_checkin(store, CheckIn(kr_id=ids["support"], date=date(2026, 11, 20), value=20))
    store.close()
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(OkrTree)
        labels = [tree.get_node_at_line(i).label.plain for i in range(tree.last_line + 1)]
        churn = next(line for line in labels if "Monthly churn" in line)  # at risk
        support = next(line for line in labels if "Support reply time" in line)  # on track
        assert " ! " in churn and " ✓ " in support
        await pilot.press("down")
        await pilot.pause()
        assert "! at risk" in app.screen.query_one(DetailPane).as_text()


# -- the demo's note ------------------------------------------------------------------------------


async def test_the_nexbridge_note_shows_only_in_the_demo(small_workspace, tmp_path: Path) -> None:
    from cxtui.demo import build_demo

    path, _ids = small_workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        detail = app.screen.query_one(DetailPane).as_text()
        assert "weighted mean of its KRs" in detail and "NexBridge" not in detail
    demo = Store.open(tmp_path / "demo.cxtui", create=True)
    build_demo(demo, "en", TODAY)
    app = CxApp(store=demo, today=TODAY, first="okr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        detail = app.screen.query_one(DetailPane).as_text(width=200)
        assert "The NexBridge case reports achievement rates that follow no single formula" in detail

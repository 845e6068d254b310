"""The start screen: the demo copy is kept and reopened, "reset the demo" asks first, "Open file…",
the first choice highlighted, and `~/client` becomes `~/client.cxtui`."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList, Static

from cxtui import paths
from cxtui.db.store import Store
from cxtui.demo import demo_workspace
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import Objective
from screens.app import CxApp
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, peer_key

MARK = "Rehearsal objective"


def _rehearsed_demo() -> Path:
    """The user's demo copy with an objective they added while rehearsing."""
    path, _built = demo_workspace("en")
    with Store.open(path) as store:
        okr.save_objective(store, Objective(period_id=okr_periods.periods(store)[0].id, title=MARK))
    return path


def _titles(path: Path) -> set[str]:
    with Store.open(path) as store:
        return {o.title for p in okr_periods.periods(store) for o in okr.objectives(store, p.id)}


def _name(app: CxApp) -> str:
    return type(app.screen).__name__


async def test_demo_opens_the_users_copy_with_their_changes() -> None:
    path = _rehearsed_demo()
    app = CxApp(today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _name(app) == "StartScreen"
        await pilot.press("d")
        await pilot.pause()
        await pilot.pause()
        assert _name(app) == "HomeScreen"
        assert app.store is not None and app.store.path == path
        assert MARK in {o.title for o in okr.objectives(app.store, okr_periods.periods(app.store)[0].id)}
    assert MARK in _titles(path)


async def test_reset_the_demo_asks_and_rebuilds_only_on_yes() -> None:
    path = _rehearsed_demo()
    app = CxApp(today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert _name(app) == "ConfirmDialog" and str(path) in app.screen.message
        await pilot.press("n")
        await pilot.pause()
        assert _name(app) == "StartScreen"
        assert MARK in _titles(path)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert _name(app) == "HomeScreen"
    titles = _titles(path)
    assert MARK not in titles and "Maximise customer success" in titles


async def test_reset_while_the_demo_is_open_closes_it_first() -> None:
    path = _rehearsed_demo()
    app = CxApp(path=path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        old = app.store
        assert old is not None and old.path == path
        app.show_start()
        await pilot.pause()
        await pilot.press("r", "y")
        await pilot.pause()
        await pilot.pause()
        assert _name(app) == "HomeScreen" and app.store is not old
        assert app.store is not None and app.store.path == path
        assert MARK not in {o.title for o in okr.objectives(app.store, okr_periods.periods(app.store)[0].id)}
        # The new copy is written to and read back whole.
        okr.save_objective(
            app.store, Objective(period_id=okr_periods.periods(app.store)[0].id, title="after")
        )
    assert app.store is not None
    app.store.close()
    assert "after" in _titles(path)
    with Store.open(path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_the_first_choice_is_highlighted_and_open_file_opens_one(small_workspace) -> None:
    path, _ids = small_workspace
    app = CxApp(today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 0 and options.has_focus
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids[:4] == ["new", "open", "demo", "reset"]
        await pilot.press("o")
        await pilot.pause()
        assert _name(app) == "OpenDialog"
        assert str(app.screen.query_one("#save", Button).label).startswith("Open")
        field = app.screen.query_one("#path", Input)
        field.value = str(path.parent / "nothing-here.cxtui")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "nothing-here.cxtui does not exist" in error
        field.value = str(path.with_suffix(""))  # the extension may be left out
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert _name(app) == "HomeScreen"
        assert app.store is not None and app.store.path == path


@pytest.mark.parametrize(("fiscal", "period"), [("1", "2026 Q4"), ("4", "FY2026 Q3")])
async def test_new_workspace_adds_the_extension_and_follows_the_fiscal_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fiscal: str, period: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = CxApp(today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = "~/client"
        app.screen.query_one("#fiscal", Input).value = fiscal
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert _name(app) == "HomeScreen"  # a workspace opens on its dashboard
        await pilot.press(peer_key("okr"))
        await pilot.pause()
        assert period in str(app.screen.query_one("#period-bar", Static).render())
    assert (tmp_path / "client.cxtui").exists() and not (tmp_path / "client").exists()
    with Store.open(tmp_path / "client.cxtui") as store:
        assert [p.name for p in okr_periods.periods(store)] == [period]
        assert not store.can_undo
    assert paths.recent_workspaces()[0] == tmp_path / "client.cxtui"

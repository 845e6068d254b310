"""The TUI against hostile text and a second program: shown literally, never a crash, never lost."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import pty
import select
import signal
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Label, OptionList, Static
from textual.widgets.option_list import Option

from cxtui import paths
from cxtui.cycles import repo as cycles
from cxtui.cycles.models import Cycle
from cxtui.db.store import Store
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Evidence, Kpi, KpiValue
from cxtui.loyalty import repo as loyalty
from cxtui.loyalty.models import Deal
from cxtui.nps import followups
from cxtui.nps import repo as nps
from cxtui.nps.models import ManualEntry
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import Objective, Period
from screens.app import CxApp
from screens.shared.confirm import ConfirmDialog
from screens.shared.usertext import literal, literal_text
from tests.conftest import TODAY
from tests.ui.conftest import peer_key

SIZE = (120, 40)
OWNER = "[@click=app.quit]CLICKME[/]"
TITLE = "x[/y] \x1b]0;PWNED\x1b\\[bold red]red"


def _hostile(path: Path) -> Store:
    store = Store.open(path, create=True)
    period = okr_periods.add_period(
        store, Period(name="FY[/]", start=date(2026, 10, 1), end=date(2026, 12, 31))
    )
    parent = okr.save_objective(store, Objective(period_id=period.id, title="[/]", owner=OWNER))
    okr.save_objective(
        store,
        Objective(period_id=period.id, parent_id=parent.id, title=TITLE, owner=OWNER, description="[b]d"),
    )
    nps.add_manual_scores(
        store,
        "x[/y]",
        [ManualEntry(2, "[bold red]slow", "[/]", date(2026, 11, 1)), ManualEntry(9, "ok", "[/]")],
    )
    response_id = store.conn.execute("SELECT id FROM responses WHERE score = 2").fetchone()[0]
    followups.set_followup(store, response_id, owner="[/]", note="[@click=app.quit]x[/]")
    # The KPI, evidence, cycles and deal texts: every other place a user types.
    kpi = kpis.save_kpi(store, Kpi(name="[/]k", layer="behaviour", unit="[b]", focus=True, owner="[/]"))
    kpis.record_value(store, KpiValue(kpi_id=kpi.id, date=date(2026, 11, 20), value=3, note="[/]"))
    kpis.save_evidence(
        store,
        Evidence(date=date(2026, 11, 20), quote="[/]q", scene="[/]", next_step=OWNER, kpi_id=kpi.id),
    )
    cycles.save_cycle(
        store,
        Cycle(title="[/]c", start=date(2026, 11, 1), end=date(2026, 11, 14), hypothesis="[/]", change=OWNER),
    )
    loyalty.save_deal(store, Deal(date=date(2026, 11, 20), name="[/]d", came_by_name=True))
    store.clear_history()
    return store


async def _press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys; an app that crashed on them fails the test instead of leaving the pilot waiting."""
    await asyncio.wait_for(pilot.press(*keys), timeout=15)
    await asyncio.wait_for(pilot.pause(), timeout=15)
    assert pilot.app.is_running, "the app ended (crashed?) on " + repr(keys)


def _screen_text(app: App[None]) -> str:
    return app.export_screenshot().replace("&#160;", " ")


async def test_user_text_with_markup_and_escapes_is_shown_literally_everywhere(tmp_path: Path) -> None:
    store = _hostile(tmp_path / "h.cxtui")
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"  # the dashboard shows the same text first
        await _press(pilot, peer_key("okr"))
        assert type(app.screen).__name__ == "OkrScreen"
        assert "FY[/]" in _screen_text(app)
        await _press(pilot, "down", "down")
        shown = _screen_text(app)
        assert "CLICKME[/]" in shown and "\x1b" not in shown
        await _press(pilot, peer_key("nps"))
        options = app.screen.query_one("#survey-list", OptionList)
        assert any("x[/y]" in str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        for key in "otsvcfa":
            await _press(pilot, key)
            assert type(app.screen).__name__ == "NpsScreen"
        await _press(pilot, peer_key("home"))
        await _press(pilot, peer_key("kpi"))
        assert "[/]k" in _screen_text(app)
        for keys in (("v",), ("s",), ("c", "enter"), ("escape",)):  # voices, sheet, the card
            await _press(pilot, *keys)
        await _press(pilot, peer_key("loyalty"))
        for key in "rlm":
            await _press(pilot, key)
        await _press(pilot, peer_key("cycles"))
        assert "[/]c" in _screen_text(app)
        await _press(pilot, "l")
    assert app.return_code in (None, 0)


async def test_a_recent_path_with_markup_does_not_break_the_start_screen(tmp_path: Path) -> None:
    folder = tmp_path / "a[" / "y]"  # the path holds "[/y]"
    folder.mkdir(parents=True)
    workspace = folder / "w[b].cxtui"
    Store.open(workspace, create=True).close()
    paths.remember_workspace(workspace)
    app = CxApp(today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"
        assert "a[/y]" in _screen_text(app)
        options = app.screen.query_one("#start-options", OptionList)
        assert any(
            "w[b].cxtui" in str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )


async def test_notifications_quote_user_text_literally(tmp_path: Path) -> None:
    store = _hostile(tmp_path / "h.cxtui")
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.notify("Saved [@click=app.quit]TOASTME[/] \x1b[2J")
        await pilot.pause()
        # Control characters gone, and the toast renders the message as plain content, not markup.
        assert [(n.message, n.markup) for n in app._notifications] == [
            ("Saved [@click=app.quit]TOASTME[/] [2J", False)
        ]
    assert app.return_code in (None, 0)


async def test_undo_after_another_program_changed_the_row_is_a_message_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "two.cxtui"
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    objective = okr.save_objective(store, Objective(period_id=period.id, title="Grow", owner="Aiko"))
    store.clear_history()
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        okr.save_objective(store, dataclasses.replace(objective, title="Grow fast"))
        other = Store.open(path)
        with other.action("owner"):
            other.update_row("objectives", objective.id, {"owner": "Ben"})
        other.close()
        await pilot.pause(1.5)  # the app checks the file every second
        messages = [n.message for n in app._notifications]
        assert any("another program changed" in m for m in messages)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("Cannot undo" in n.message for n in app._notifications)
        row = store.get_row("objectives", objective.id)
        assert row is not None and (row["title"], row["owner"]) == ("Grow fast", "Ben")
    assert app.return_code in (None, 0)


async def test_a_save_while_another_program_writes_keeps_the_change_and_retries(tmp_path: Path) -> None:
    path = tmp_path / "busy.cxtui"
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    store.clear_history()
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        store.wait_seconds = 0.2
        other = sqlite3.connect(path)
        other.execute("BEGIN IMMEDIATE")
        screen = app.screen
        assert not screen.apply(
            lambda: okr.save_objective(store, Objective(period_id=period.id, title="Typed"))
        )  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "busy" in _screen_text(app) and "kept" in _screen_text(app)
        other.rollback()
        other.close()
        await pilot.press("y")
        await pilot.pause()
        assert [o.title for o in okr.objectives(store, period.id)] == ["Typed"]


def test_the_main_file_alone_holds_an_action_made_in_the_tui(tmp_path: Path) -> None:
    """Copy only FILE (not FILE-wal) while the app is open: the copy has the action."""
    import asyncio
    import shutil

    path = tmp_path / "client.cxtui"
    Store.open(path, create=True).close()

    async def scenario() -> None:
        app = CxApp(path=path, today=TODAY, first="okr")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            await pilot.press("A", *"Workshop goal", "ctrl+s")
            await pilot.pause()
            shutil.copyfile(path, tmp_path / "copy.cxtui")

    asyncio.run(scenario())
    with Store.snapshot(tmp_path / "copy.cxtui") as copy:
        titles = [o.title for p in okr_periods.periods(copy) for o in okr.objectives(copy, p.id)]
    assert titles == ["Workshop goal"]


# -- the process: exit codes and signals -----------------------------------------------------------


def _run_in_pty(
    args: list[str], until: bytes, then: signal.Signals | None, env: dict[str, str]
) -> tuple[int, bytes]:
    """Run python `args` on a pseudo-terminal; send `then` once `until` was printed; (exit code, output)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the TUI on a pseudo-terminal
        os.execvpe(sys.executable, [sys.executable, *args], env)
    seen = b""
    deadline = time.monotonic() + 60
    signalled = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child closed the terminal: it has ended
                    chunk = b""
                if not chunk:
                    break
                seen += chunk
                if then is not None and not signalled and until in seen:
                    time.sleep(0.5)
                    os.kill(pid, then)
                    signalled = True
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status), seen
        else:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), seen
    finally:
        os.close(fd)


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "CXTUI_DATA_DIR": str(tmp_path / "data"),
        "COLUMNS": "100",
        "LINES": "30",
    }


CRASHING = """
import sys
from pathlib import Path

from screens import app as module


class Crashing(module.CxApp):
    CSS_PATH = module.CxApp.CSS_PATH and str(Path(module.__file__).with_name("cxtui.tcss"))

    def on_mount(self) -> None:
        # Textual calls CxApp.on_mount too (handlers run for each class): only add the crash.
        self.set_timer(1.0, self.explode)

    def explode(self) -> None:
        raise RuntimeError("boom")


module.CxApp = Crashing
module.run_app(Path(sys.argv[1]), "en")
"""


def test_a_crash_exits_non_zero_and_the_work_is_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "crash.cxtui"
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    okr.save_objective(store, Objective(period_id=period.id, title="Kept"))
    store.close()
    script = tmp_path / "crashing.py"
    script.write_text(CRASHING)
    code, output = _run_in_pty([str(script), str(path)], b"", None, _env(tmp_path))
    assert code != 0
    assert b"boom" in output
    with Store.snapshot(path) as reader:
        assert [o.title for o in okr.objectives(reader, period.id)] == ["Kept"]


def test_sigterm_and_sighup_close_the_workspace_cleanly(tmp_path: Path) -> None:
    for sig in (signal.SIGTERM, signal.SIGHUP):
        path = tmp_path / f"sig{int(sig)}.cxtui"
        Store.open(path, create=True).close()
        code, _ = _run_in_pty(["-m", "screens.launch", str(path)], b"OKR", sig, _env(tmp_path))
        assert code == 128 + int(sig)
        assert not path.with_name(path.name + "-wal").exists()
        assert not path.with_name(path.name + "-shm").exists()


# -- fuzz: hostile text in the text widgets --------------------------------------------------------

hostile_text = st.lists(
    st.one_of(
        st.text(max_size=6),
        st.sampled_from(
            [
                "[",
                "]",
                "[/]",
                "[/y]",
                "[b]",
                "[@click=app.quit]",
                "[link=x]",
                "\x1b]0;X\x07",
                "\x1b[2J",
                "\x9b",
                "\r",
            ]
        ),
    ),
    max_size=10,
).map("".join)


class Widgets(App[None]):
    """Every kind of widget that shows user text, fed the same text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(literal(self.text))
        yield Label(literal(self.text))
        yield OptionList(Option(literal(self.text)))
        table: DataTable[object] = DataTable()
        table.add_column(literal_text(self.text))
        table.add_row(literal_text(self.text))
        yield table


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile_text)
def test_fuzz_hostile_text_in_widgets_never_crashes_or_reaches_the_terminal(text: str) -> None:
    import asyncio

    async def scenario() -> str:
        app = Widgets(text)
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.pause()
            return app.export_screenshot()

    shown = asyncio.run(scenario())
    assert "\x1b" not in shown and "\x9b" not in shown and "\x07" not in shown


async def test_a_save_on_a_full_disk_keeps_the_change_and_retries(tmp_path: Path) -> None:
    from cxtui.db.workspace import database_error
    from cxtui.errors import DiskFullError

    path = tmp_path / "full.cxtui"
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    store.clear_history()
    full = database_error(sqlite3.OperationalError("database or disk is full"), path)
    assert isinstance(full, DiskFullError) and str(path) in full.message
    attempts: list[int] = []

    def save() -> None:
        attempts.append(1)
        if len(attempts) == 1:  # the first try meets a full disk, as SQLite reports it
            raise full
        okr.save_objective(store, Objective(period_id=period.id, title="Typed"))

    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.apply(save)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        dialog = app.screen
        assert dialog.title_text == "Disk full" and "free some disk space, then retry" in dialog.message
        assert "Disk" in _screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert [o.title for o in okr.objectives(store, period.id)] == ["Typed"] and len(attempts) == 2


async def test_the_nps_screen_shows_answers_another_program_imported(tmp_path: Path) -> None:
    from tests.ui.conftest import screen_text

    path = tmp_path / "two.cxtui"
    store = Store.open(path, create=True)
    nps.add_manual_scores(store, "Paper", [9, 3])
    store.clear_history()
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _press(pilot, peer_key("nps"))
        assert "n=2  NPS 0" in screen_text(app) and "n = 2" in screen_text(app)
        other = Store.open(path)  # the CLI importing into the same survey while the app is open
        nps.add_manual_scores(other, "Paper", [10, 10, 10, 9, 9, 0])
        other.close()
        await pilot.pause(1.5)  # the app checks the file every second
        await pilot.pause()
        shown = screen_text(app)
        assert "n=8  NPS +50" in shown and "n = 8" in shown  # the list and the overview both follow
        assert any("another program changed" in n.message for n in app._notifications)

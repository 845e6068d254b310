"""SVG snapshots of key screens at a fixed size (the demo workspace, fixed today).

Paired with behaviour asserts elsewhere: a snapshot shows the look changed, not why.
Update with `make snapshots-update` only after reviewing snapshot_report.html.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.i18n import set_language
from screens.app import CxApp
from tests.conftest import TODAY
from tests.ui.conftest import peer_key

SIZE = (120, 36)


def demo_app(tmp_path: Path, lang: str, first: str = "home") -> CxApp:
    """The app on a fresh demo workspace in `lang`, opened on the peer screen `first`."""
    set_language(lang)
    store = Store.open(tmp_path / f"demo-{lang}.cxtui", create=True)
    build_demo(store, lang, TODAY)
    return CxApp(store=store, today=TODAY, first=first)


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


def test_okr_screen_en(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("down", "down")  # the churn KR: a decreasing KR with its formula
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "en", "okr"), terminal_size=SIZE, run_before=run_before)


def test_okr_screen_ja(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("down")
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "ja", "okr"), terminal_size=SIZE, run_before=run_before)


def test_checkin_dialog(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(peer_key("okr"), "down", "down", "c")
        await _settle(pilot)
        await pilot.press(*"4.2")
        pilot.app.screen.query_one("#value").cursor_blink = False
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "en"), terminal_size=SIZE, run_before=run_before)


def test_checkin_history_ja_80x24(snap_compare, tmp_path: Path) -> None:
    """The check-in history fits a projector's 80×24 in Japanese, its keys visible."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("down", "down", "h")  # the churn KR: twelve check-ins
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "ja", "okr"), terminal_size=(80, 24), run_before=run_before)


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f1")
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "en"), terminal_size=SIZE, run_before=run_before)


def test_nps_screen_en(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(peer_key("nps"))
        await _settle(pilot)
        await pilot.pause()

    assert snap_compare(demo_app(tmp_path, "en"), terminal_size=SIZE, run_before=run_before)


def test_nps_screen_ja(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(peer_key("nps"))
        await _settle(pilot)
        await pilot.press("s")  # segments: Japanese store names and aligned figures
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "ja"), terminal_size=SIZE, run_before=run_before)


# -- a projector's 80×24: the worst dialogs and the NPS screen -----------------------------------------

PROJECTOR = (80, 24)


def test_checkin_error_at_80x24_ja(snap_compare, tmp_path: Path) -> None:
    """The check-in in Japanese with a bad value: the error line and the buttons in view."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("down", "down", "c")
        await _settle(pilot)
        await pilot.press(*"abc", "ctrl+s")
        pilot.app.screen.query_one("#value").cursor_blink = False
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "ja", "okr"), terminal_size=PROJECTOR, run_before=run_before)


def test_add_kr_at_80x24_ja(snap_compare, tmp_path: Path) -> None:
    """Add KR in Japanese, saved without a title: the fields scroll, the error and Save show."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("down", "k")
        await _settle(pilot)
        await pilot.press("ctrl+s")
        pilot.app.screen.query_one("#title").cursor_blink = False
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "ja", "okr"), terminal_size=PROJECTOR, run_before=run_before)


def test_compare_dialog_at_80x24_en(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(peer_key("nps"))
        await _settle(pilot)
        await pilot.press("x")
        await _settle(pilot)
        await pilot.press("ctrl+s")
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "en"), terminal_size=PROJECTOR, run_before=run_before)


def test_nps_screen_at_80x24_ja(snap_compare, tmp_path: Path) -> None:
    """Every tab, the survey list above them, help first in the footer, the palette key translated."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(peer_key("nps"))
        await _settle(pilot)
        await pilot.pause()

    assert snap_compare(demo_app(tmp_path, "ja"), terminal_size=PROJECTOR, run_before=run_before)

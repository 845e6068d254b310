"""SVG snapshots of the KPI screen on the demo (café 4 layers, NexBridge 3 layers): both layer models,
both languages, at 120×40 and 80×24. Paired with the Pilot tests, which say why a snapshot changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.i18n import set_language
from screens.app import CxApp
from tests.conftest import TODAY


def demo_app(tmp_path: Path, lang: str) -> CxApp:
    """The app on a fresh demo workspace in `lang`."""
    set_language(lang)
    store = Store.open(tmp_path / f"demo-{lang}.cxtui", create=True)
    build_demo(store, lang, TODAY)
    return CxApp(store=store, today=TODAY)


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("model", ["4", "3"], ids=["4layers", "3layers"])
def test_kpi_screen(snap_compare, tmp_path: Path, model: str, lang: str, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("3")
        await _settle(pilot)
        if model == "3":
            await pilot.press("l")  # NexBridge's action → intermediate → result; the café's in one column
            await _settle(pilot)
            pilot.app.clear_notifications()  # the switch is said in a toast; the picture is of the cards
            await _settle(pilot)
        await pilot.press("down")  # a card other than the first under the cursor
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, lang), terminal_size=size, run_before=run_before)


def test_kpi_card_opened(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("3")
        await _settle(pilot)
        await pilot.press("enter")  # the café's walk-aways: 26 weeks falling to the target line
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "en"), terminal_size=(120, 40), run_before=run_before)


def test_capture_dialog_at_80x24_in_japanese(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+n")
        await _settle(pilot)
        pilot.app.screen.query_one("#quote").cursor_blink = False
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "ja"), terminal_size=(80, 24), run_before=run_before)


def test_recording_a_value_in_the_line_at_80x24(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("3")
        await _settle(pilot)
        await pilot.press("r", *"15")  # the previous value and its date beside the number
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "en"), terminal_size=(80, 24), run_before=run_before)

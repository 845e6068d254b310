"""SVG snapshots of the LTV·ROX screen (the demo workspace, fixed today) in both languages, 120×40 and 80×24.

Paired with the behaviour asserts of test_loyalty_screen.py: a snapshot shows the look changed, not why.
Update with `make snapshots-update` only after reviewing snapshot_report.html.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.i18n import set_language
from screens.app import CxApp
from tests.conftest import TODAY

WIDE = (120, 40)
NARROW = (80, 24)


def demo_app(tmp_path: Path, lang: str) -> CxApp:
    set_language(lang)
    store = Store.open(tmp_path / f"demo-{lang}.cxtui", create=True)
    build_demo(store, lang, TODAY)
    return CxApp(store=store, today=TODAY)


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _keys(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("5")
        await _settle(pilot)
        if keys:
            await pilot.press(*keys)
            await _settle(pilot)

    return run_before


@pytest.mark.parametrize(
    ("lang", "size"),
    [("en", WIDE), ("ja", WIDE), ("en", NARROW), ("ja", NARROW)],
    ids=["en-120x40", "ja-120x40", "en-80x24", "ja-80x24"],
)
def test_monthly_tab(snap_compare, tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path, lang), terminal_size=size, run_before=_keys())


@pytest.mark.parametrize(("lang", "size"), [("en", WIDE), ("ja", NARROW)], ids=["en-120x40", "ja-80x24"])
def test_rox_tab(snap_compare, tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path, lang), terminal_size=size, run_before=_keys("r"))


def test_deal_dialog_ja_narrow(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _keys("a")(pilot)
        await pilot.press(*"Aoba", "tab", "right")
        pilot.app.screen.query_one("#name", Input).cursor_blink = False
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, "ja"), terminal_size=NARROW, run_before=run_before)

"""SVG snapshots of the home dashboard, the learning-cycles board and the weekly review, in English and
Japanese, at 120×40 and at a projector's 80×24 (the demo workspace, fixed today, a stopped clock).

Paired with the behaviour tests in tests/ui/home, tests/ui/cycles and tests/ui/review.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

import screens.review.screen as review_screen
from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.i18n import set_language
from screens.app import CxApp
from tests.conftest import TODAY
from tests.ui.conftest import peer_key

SIZES = {"120x40": (120, 40), "80x24": (80, 24)}
CASES = [(lang, size) for lang in ("en", "ja") for size in SIZES]


@pytest.fixture(autouse=True)
def stopped_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The review's timer reads 00:00 whenever the snapshot is taken."""
    monkeypatch.setattr(review_screen, "CLOCK", lambda: 0.0)


def demo_app(tmp_path: Path, lang: str) -> CxApp:
    set_language(lang)
    store = Store.open(tmp_path / f"demo-{lang}.cxtui", create=True)
    build_demo(store, lang, TODAY)
    return CxApp(store=store, today=TODAY)


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize(("lang", "size"), CASES)
def test_dashboard(snap_compare, tmp_path: Path, lang: str, size: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, lang), terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize(("lang", "size"), CASES)
def test_cycles_board(snap_compare, tmp_path: Path, lang: str, size: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press(peer_key("cycles"))
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, lang), terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize(("lang", "size"), CASES)
def test_weekly_review(snap_compare, tmp_path: Path, lang: str, size: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("w")
        await _settle(pilot)
        await pilot.press("8", "6", "enter")  # the first KR checked in: ✓ on it, the next one current
        await _settle(pilot)
        pilot.app.screen.query_one("#review-input", Input).cursor_blink = False
        await _settle(pilot)

    assert snap_compare(demo_app(tmp_path, lang), terminal_size=SIZES[size], run_before=run_before)

"""UI fixtures: a small NexBridge-like workspace in a temp file and an app around it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cxtui.db.store import Store
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, Confidence, KeyResult, KRKind, Objective
from tests.conftest import TODAY

SIZE = (120, 36)


def peer_key(name: str) -> str:
    """The number key of the peer screen `name` (the lead may renumber them; tests follow)."""
    from screens.app import PEERS

    return next(peer.key for peer in PEERS if peer.name == name)


def build_small(store: Store) -> dict[str, str]:
    """One company objective with two KRs and one aligned department objective; ids by name."""
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    company = okr.save_objective(
        store, Objective(period_id=period.id, title="Maximise customer success", owner="Kenta")
    )
    churn = okr.save_key_result(
        store,
        KeyResult(
            objective_id=company.id, title="Monthly churn", kind=KRKind.decrease, start=8, target=3, unit="%"
        ),
    )
    support = okr.save_key_result(
        store,
        KeyResult(
            objective_id=company.id,
            title="Support reply time",
            kind=KRKind.decrease,
            start=48,
            target=12,
            unit="h",
        ),
    )
    sales = okr.save_objective(
        store, Objective(period_id=period.id, parent_id=company.id, title="Contracts that succeed")
    )
    okr_checkins.record_checkin(
        store,
        CheckIn(
            kr_id=churn.id,
            date=date(2026, 11, 20),
            value=4.5,
            confidence=Confidence.at_risk,
            note="churn analysis",
        ),
    )
    store.clear_history()
    return {
        "period": period.id,
        "company": company.id,
        "churn": churn.id,
        "support": support.id,
        "sales": sales.id,
    }


@pytest.fixture
def small_workspace(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A saved workspace file and the ids of what it holds."""
    path = tmp_path / "small.cxtui"
    store = Store.open(path, create=True)
    ids = build_small(store)
    store.close()
    return path, ids


def screen_text(app: object) -> str:
    """What the terminal shows, as plain text lines (read from Textual's SVG screenshot)."""
    import html
    import re

    svg = app.export_screenshot()  # type: ignore[attr-defined]
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        x, y, text = float(match.group(1)), float(match.group(2)), html.unescape(match.group(3))
        rows.setdefault(y, []).append((x, text))
    return "\n".join(
        "".join(t for _, t in sorted(cells)).replace("\xa0", " ") for _, cells in sorted(rows.items())
    )


async def check_help_at_80x24(
    pilot: Any, formulas: tuple[str, ...], okr_formula: str, last_words: str
) -> None:
    """f1 on the current screen: its own formulas (not the OKR screen's) below its keys, reached by
    scrolling inside an 80×24 terminal."""
    from textual.containers import VerticalScroll

    from screens.shared.help import HelpScreen

    app = pilot.app
    await pilot.press("f1")
    await pilot.pause()
    help_screen = app.screen
    assert isinstance(help_screen, HelpScreen)
    assert all(formula in help_screen.notes for formula in formulas)
    assert okr_formula not in help_screen.notes
    body = help_screen.query_one(VerticalScroll)
    assert body.region.right <= 80 and body.region.bottom <= 24
    assert body.max_scroll_y > 0 and last_words not in screen_text(app)
    await pilot.press("end")
    await pilot.pause()
    text = screen_text(app)
    assert last_words in text and okr_formula not in text

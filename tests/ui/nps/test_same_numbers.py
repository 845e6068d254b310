"""The CLI and the TUI show the same number the same way: NPS signed (`+25`), shares as `47%`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from cxtui.cli import cli
from cxtui.db.store import Store
from cxtui.nps import repo
from cxtui.nps.models import ManualEntry
from screens.app import CxApp
from tests.conftest import TODAY
from tests.ui.conftest import peer_key, screen_text


def _survey(path: Path) -> None:
    # 47 promoters, 31 passives, 22 detractors: NPS +25, shares 47% / 31% / 22%.
    scores = [10] * 47 + [8] * 31 + [3] * 22
    store = Store.open(path, create=True)
    repo.add_manual_scores(store, "Spring", [ManualEntry(s, answered_at=date(2026, 11, 2)) for s in scores])
    store.close()


async def test_cli_and_tui_write_nps_and_shares_alike(tmp_path: Path) -> None:
    path = tmp_path / "ws.cxtui"
    _survey(path)
    printed = CliRunner().invoke(cli, ["nps", "show", str(path), "--survey", "Spring"]).stdout
    row = next(line for line in printed.splitlines() if line.startswith("Spring"))
    assert "+25" in row.split() and {"47%", "31%", "22%"} <= set(row.split())

    app = CxApp(store=Store.open(path), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(peer_key("nps"))
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
    assert "NPS +25" in shown
    assert "47%" in shown and "31%" in shown and "22%" in shown
    assert "47 %" not in printed and "47 %" not in shown

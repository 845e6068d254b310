"""Opening a workspace paints the home dashboard without loading what only later actions need.

Start-up time is budgeted (bench/bench_startup.py): validation (pydantic), writing (sqlite-utils),
the CLI (click), the NPS query module, the other screens (OKR tree, NPS, cycles, the weekly review)
and their charts and importers load on first use instead.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CHILD = """
import asyncio, json, sys
from pathlib import Path
from screens.app import CxApp
from screens.home.screen import HomeScreen, Panel

SIZE = (120, 36)
HEAVY = {"pydantic", "click", "sqlite_utils", "plotext", "textual_plotext", "openpyxl", "charset_normalizer"}
LATER = {"screens.okr.screen", "screens.nps.screen", "screens.cycles.screen", "screens.review.screen",
         "cxtui.nps.queries", "cxtui.report", "screens.okr.tree", "screens.cycles.editor"}

async def main():
    app = CxApp(path=Path(sys.argv[1]))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            screen = app.screen
            if isinstance(screen, HomeScreen) and screen.home is not None:
                break
            await pilot.pause()
        shown = app.screen.query_one("#panel-okr", Panel).as_text()
        loaded = sorted({m.split(".")[0] for m in sys.modules} & HEAVY)
        later = sorted(set(sys.modules) & LATER)
        print(json.dumps({"shown": shown, "loaded": loaded, "later": later}))
        app.exit()

asyncio.run(main())
"""


def _first_paint(path: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_opening_a_workspace_loads_no_validation_writing_chart_or_other_screen_code(
    small_workspace: tuple[Path, dict[str, str]],
) -> None:
    path, _ = small_workspace
    result = _first_paint(path)
    assert "Maximise customer success" in str(result["shown"])  # the check ran on a painted dashboard
    assert result["loaded"] == []
    assert result["later"] == []

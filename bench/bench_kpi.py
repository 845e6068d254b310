"""Benchmark (not a test): the KPI screen on 300 KPIs × 260 values, recording a value, `kpi import`.

Budgets (the KPI issue), each printed as the median beside a baseline measured in the same run:
1. Opening the KPI screen (the `3` key in a workspace of 300 KPIs with 260 values each, 78,000
   values) to the first painted frame showing its cards: <= 300 ms. Baseline: the same key press
   pushing a bare screen (one Static) in the same app: what any screen switch costs.
2. Recording a value (`r`, the number, then enter in the line under the cards) to the first frame
   showing the new value on its card: <= 50 ms. Baseline: escape in the same line (closing it
   without writing).
3. Importing a 100,000-row long CSV (date, KPI, value) into that workspace: <= 3× Python's csv
   module reading the file plus one executemany of its rows into the same table of a copy of the
   same workspace (so both sides pay the table's indexes and foreign keys alike).

Screen figures come from Pilot in fresh child processes, with frames rendered as a terminal driver
would (see bench_startup.py); the import is timed inside fresh child processes after their imports.

    .venv/bin/python bench/bench_kpi.py [--runs 7] [--records 15] [--rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 22)
KPIS = 300
VALUES = 260
LAYERS = ("behaviour", "experience", "psychology", "ltv")
SIZE = (120, 40)
BUDGET_OPEN_MS = 300.0
BUDGET_RECORD_MS = 50.0
BUDGET_IMPORT_RATIO = 3.0


# -- the workspaces ---------------------------------------------------------------------------------


def build_large(path: Path) -> None:
    """300 KPIs over the four layers, 260 weekly values each, some evidence."""
    sys.path.insert(0, str(ROOT))
    from cxtui.db.store import Store
    from cxtui.ids import new_ids, utc_now
    from cxtui.kpi.models import LAYER_CADENCE

    rnd = random.Random(300)
    store = Store.open(path, create=True)
    stamp = utc_now()
    ids = new_ids(KPIS)
    kpis = [
        {"id": pk, "name": f"KPI {i + 1:03d}", "layer": LAYERS[i % 4], "unit": "%", "direction": "higher",
         "target": 50.0, "cadence": LAYER_CADENCE[LAYERS[i % 4]].value, "focus": int(i < 5),
         "position": i // 4,
         "kr_id": None, "source": "typed", "source_ref": "", "definition": "", "how_measured": "",
         "formula": "", "owner": "", "created": stamp, "updated": stamp}
        for i, pk in enumerate(ids)
    ]  # fmt: skip
    first = TODAY - timedelta(weeks=VALUES)
    values = []
    value_ids = iter(new_ids(KPIS * VALUES))
    for pk in ids:
        level = rnd.uniform(20, 60)
        for week in range(VALUES):
            level += rnd.uniform(-2, 2.2)
            day = (first + timedelta(weeks=week)).isoformat()
            values.append(
                {"id": next(value_ids), "kpi_id": pk, "date": day, "value": round(level, 1), "note": "",
                 "import_id": None, "created": stamp, "updated": stamp}
            )  # fmt: skip
    evidence = [
        {"id": pk, "date": (TODAY - timedelta(days=i)).isoformat(), "quote": f"voice {i}", "scene": "",
         "next_step": "", "kind": "conversation", "kpi_id": ids[i % KPIS], "cycle_id": None,
         "created": stamp, "updated": stamp}
        for i, pk in enumerate(new_ids(600))
    ]  # fmt: skip
    with store.action("bench"):
        store.insert_rows("kpis", kpis)
        store.insert_rows("kpi_values", values)
        store.insert_rows("evidence", evidence)
    store.set_setting("kpi.layers", "4")
    store.close()


def make_long_csv(path: Path, rows: int) -> Path:
    """A long KPI file (date, KPI, value): dates after the workspace's values, a few typed forms."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["date", "kpi", "value"])
    start = TODAY + timedelta(days=1)
    for i in range(rows):
        day = (start + timedelta(days=i // KPIS)).isoformat()
        value = f"{(i * 7) % 1000 / 10}" if i % 10 else f"{i % 5000:,}円"
        writer.writerow([day, f"KPI {i % KPIS + 1:03d}", value])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


# -- the screen, in a child process ------------------------------------------------------------------


async def _screen_latencies(path: Path, records: int) -> dict[str, list[float]]:
    from textual._compositor import CompositorUpdate
    from textual.screen import Screen
    from textual.widgets import Static

    from screens.app import CxApp
    from screens.kpi.board import KpiBoard
    from screens.kpi.record_line import RecordLine
    from screens.kpi.screen import KpiScreen

    class Bare(Screen[None]):
        def compose(self) -> Any:
            yield Static("bare")

    app = CxApp(path=path, today=TODAY)
    frames: list[tuple[float, bool]] = []
    reached: Callable[[], bool] = lambda: False  # noqa: E731

    async with app.run_test(size=SIZE) as pilot:
        display = app._display

        def painting(screen: Screen[Any], renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # what a terminal driver does every frame
            frames.append((time.perf_counter(), reached()))

        app._display = painting  # type: ignore[method-assign]

        async def press(key: str, shown: Callable[[], bool]) -> float:
            nonlocal reached
            frames.clear()
            reached = shown
            began = time.perf_counter()
            await pilot.press(key)
            for _ in range(100):
                if any(ok for _at, ok in frames):
                    break
                await pilot.pause(0.01)
            reached = lambda: False  # noqa: E731
            first = next((at for at, ok in frames if ok), None)
            if first is None:
                raise RuntimeError(f"pressing {key!r} did not paint the expected result")
            return first - began

        for _ in range(300):
            if app.screen.__class__.__name__ == "OkrScreen":
                break
            await pilot.pause(0.01)
        await pilot.pause(0.3)
        result: dict[str, list[float]] = {"open": [], "bare": [], "record": [], "escape": []}

        def board_shown() -> bool:
            screen = app.screen
            if not isinstance(screen, KpiScreen):
                return False
            board = screen.query_one(KpiBoard)
            return bool(board.columns) and board.current is not None and board.columns[0].size.height > 0

        result["open"].append(await press("3", board_shown))
        await pilot.pause(0.3)
        kpi_screen = app.screen
        app.action_push_bare = lambda: app.push_screen(Bare())  # type: ignore[attr-defined]
        app.bind("f9", "push_bare")
        result["bare"].append(await press("f9", lambda: isinstance(app.screen, Bare)))
        app.pop_screen()
        await pilot.pause(0.2)

        board = kpi_screen.query_one(KpiBoard)

        line = kpi_screen.query_one(RecordLine)

        def typing() -> bool:
            return line.recording

        for index in range(records):
            await pilot.press("r")
            for _ in range(100):
                if typing():
                    break
                await pilot.pause(0.01)
            await pilot.press(*str(index + 1000))

            def card_shows(value: float = index + 1000.0) -> bool:
                card = board.current
                return card is not None and card.latest is not None and card.latest.value == value

            result["record"].append(await press("enter", card_shows))
            await pilot.pause(0.05)
            await pilot.press("r")
            for _ in range(100):
                if typing():
                    break
                await pilot.pause(0.01)
            result["escape"].append(await press("escape", lambda: not line.recording))
            await pilot.press("down")  # the next KPI: each value is the first of its day
            await pilot.pause(0.05)
        app.exit()
    return result


def screen_child(path: Path, records: int) -> None:
    """Entry of the screen child: one JSON line of latencies."""
    import asyncio
    import gc

    gc.disable()  # as `cxtui FILE` starts: paused until the first screen is painted
    sys.path.insert(0, str(ROOT))
    print(json.dumps(asyncio.run(_screen_latencies(path, records))))


# -- the import, in a child process ------------------------------------------------------------------


def import_child(kind: str, source: Path, workspace: Path) -> None:
    """Entry of an import child: seconds for one side, measured after the imports."""
    sys.path.insert(0, str(ROOT))
    if kind == "baseline":
        # The same table of the same workspace (its indexes and foreign keys cost both sides alike);
        # the KPI's id looked up by name, the value stored as the text it is.
        db = sqlite3.connect(workspace)
        db.execute("PRAGMA foreign_keys = ON")
        ids = dict(db.execute("SELECT name, id FROM kpis").fetchall())
        began = time.perf_counter()
        text = source.read_bytes().decode("utf-8")
        reader = csv.reader(io.StringIO(text, newline=""))
        next(reader)
        with db:
            db.executemany(
                "INSERT INTO kpi_values (id, kpi_id, date, value, created, updated)"
                " VALUES (?, ?, ?, ?, '', '')",
                ((str(n), ids[r[1]], r[0], r[2]) for n, r in enumerate(reader, start=2)),
            )
        print(time.perf_counter() - began)
        return
    from cxtui.db.store import Store
    from cxtui.kpi.import_store import import_file

    store = Store.open(workspace)
    began = time.perf_counter()
    result = import_file(store, source)
    elapsed = time.perf_counter() - began
    store.close()
    assert result.imported > 0 and not result.rejected, result.rejected[:3]
    print(elapsed)


def _child(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, __file__, *args], check=False, capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "CXTUI_TODAY": TODAY.isoformat()}, timeout=900,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    """Build the workspaces and the file, run the children, print medians beside the baselines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per figure")
    parser.add_argument("--records", type=int, default=15, help="values recorded per screen run")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--screen-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--import-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.screen_child:
        screen_child(Path(args.screen_child[0]), int(args.screen_child[1]))
        return
    if args.import_child:
        import_child(args.import_child[0], Path(args.import_child[1]), Path(args.import_child[2]))
        return
    ms = 1000.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        large = folder / "large.cxtui"
        build_large(large)
        source = make_long_csv(folder / "values.csv", args.rows)
        opened, bare, record, escape = [], [], [], []
        for run in range(args.runs):
            copy = folder / f"run{run}.cxtui"
            copy.write_bytes(large.read_bytes())
            data = json.loads(_child("--screen-child", str(copy), str(args.records)))
            opened += data["open"]
            bare += data["bare"]
            record += data["record"]
            escape += data["escape"]
        base, ours = [], []
        for run in range(args.runs):  # alternated, so drift in machine load hits both sides alike
            plain = folder / f"plain{run}.cxtui"
            plain.write_bytes(large.read_bytes())
            base.append(float(_child("--import-child", "baseline", str(source), str(plain))))
            target = folder / f"import{run}.cxtui"
            target.write_bytes(large.read_bytes())
            ours.append(float(_child("--import-child", "import", str(source), str(target))))
    print(f"KPI workspace: {KPIS} KPIs × {VALUES} values ({KPIS * VALUES:,}); {args.runs} fresh processes")
    rows = [
        ("open the KPI screen (key → painted cards)", statistics.median(opened) * ms, BUDGET_OPEN_MS, "ms"),
        ("  baseline: key → a bare screen painted", statistics.median(bare) * ms, None, "ms"),
        ("record a value (enter → card repainted)", statistics.median(record) * ms, BUDGET_RECORD_MS, "ms"),
        ("  baseline: escape → line closed, painted", statistics.median(escape) * ms, None, "ms"),
        (f"kpi import of {args.rows:,} rows (long CSV)", statistics.median(ours) * ms, None, "ms"),
        ("  baseline: csv.reader + one executemany", statistics.median(base) * ms, None, "ms"),
        (
            "  ratio import / baseline",
            statistics.median(ours) / statistics.median(base),
            BUDGET_IMPORT_RATIO,
            "x",
        ),
    ]
    for label, value, budget, unit in rows:
        limit = (
            "" if budget is None else f"  (budget <= {budget:g}{unit}: {'ok' if value <= budget else 'OVER'})"
        )
        print(f"{label:46} {value:9.1f} {unit}{limit}")
    print(f"samples: open {len(opened)}, record {len(record)} (median of all), import {len(ours)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()

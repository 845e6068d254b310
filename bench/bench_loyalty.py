"""Benchmark (not a test): `cxtui rox import` of 100,000 rows, and the LTV·ROX screen on 10,000 deals.

1. `cxtui rox import FILE SOURCE` of a 100,000-row CP932 ROX log (Japanese headers, ○/× signals,
   受注/失注/進行中) into an empty workspace, beside `python -c` reading the same file with csv.reader
   and storing its rows with one executemany into the same table of an empty workspace (same
   indexes). Budget: <= 3x. Every measurement is the wall time of a fresh process (interpreter start
   included on both sides), run alternately, median of --runs after one warm-up each.
2. Opening the LTV·ROX screen (key `5`) on a workspace of 10,000 deals over 24 months (and 24 months
   of figures), timed in-process from the key press to the first painted frame that shows the screen
   with its months table filled; then `r` (ROX by month, with the charts and the NPS trend) and `l`
   (the deal log) to their first painted frames. Beside it, the same on the demo workspace (80 deals)
   measured in the same run. Median of --runs fresh processes (one warm-up first).

    .venv/bin/python bench/bench_loyalty.py [--runs 7] [--skip-import] [--skip-screen]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CXTUI = str(BIN / "cxtui")
ROWS = 100_000
SCREEN_DEALS = 10_000
TODAY = date(2026, 11, 22)
SEED = 2000

BARE_IMPORT = """
import csv, io, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
text = open(sys.argv[2], "rb").read().decode("cp932")
reader = csv.reader(io.StringIO(text, newline=""))
next(reader)
yes = {"○": 1, "×": 0, "": 0}
outcome = {"受注": "won", "失注": "lost", "進行中": "open", "": "open"}
with conn:
    conn.executemany(
        "INSERT INTO rox_deals (id, date, name, came_by_name, already_understood, no_price_negotiation,"
        " outcome, line, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')",
        (
            (str(n), r[0].replace("/", "-"), r[1], yes[r[2]], yes[r[3]], yes[r[4]], outcome[r[5]], n)
            for n, r in enumerate(reader, start=2)
        ),
    )
print(conn.execute("SELECT COUNT(*) FROM rox_deals").fetchone()[0])
"""


def make_log(path: Path, rows: int, *, encoding: str = "cp932", first: date = date(2024, 12, 1)) -> Path:
    """A ROX log as a Japanese Excel user saves it: CP932, YYYY/MM/DD, ○/×, 受注/失注/進行中."""
    rnd = random.Random(SEED)
    days = max(1, (TODAY - first).days)
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["日付", "案件", "指名", "説明不要", "価格交渉なし", "結果"])
        for n in range(rows):
            day = first + timedelta(days=n * days // rows)
            favourable = rnd.random() < 0.2 + 0.4 * n / rows  # the share rises over time
            signals = [favourable and rnd.random() < 0.6 for _ in range(3)]
            if favourable and not any(signals):
                signals[rnd.randrange(3)] = True
            won = rnd.random() < (0.7 if favourable else 0.3)
            outcome = "進行中" if rnd.random() < 0.15 else "受注" if won else "失注"
            writer.writerow(
                [f"{day.year}/{day.month:02d}/{day.day:02d}", f"株式会社サンプル{n:06d}",
                 *("○" if s else "×" for s in signals), outcome]
            )  # fmt: skip
    return path


def _empty_workspace(path: Path) -> None:
    from cxtui.db.store import Store

    path.unlink(missing_ok=True)
    Store.open(path, create=True).close()


def _wall(cmd: list[str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def _alternate(runs: int, *sides: Callable[[], float]) -> list[float]:
    """Median wall time of each side, runs interleaved so drift in machine load hits all alike."""
    for side in sides:
        side()  # warm-up: page cache, .pyc files
    times: list[list[float]] = [[] for _ in sides]
    for _ in range(runs):
        for side, bucket in zip(sides, times, strict=True):
            bucket.append(side())
    return [statistics.median(bucket) for bucket in times]


def bench_import(runs: int) -> None:
    """`cxtui rox import` of 100,000 rows vs csv.reader + one executemany."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = make_log(folder / "rox_log_cp932.csv", ROWS)
        template = folder / "empty.cxtui"
        _empty_workspace(template)
        work = folder / "work.cxtui"

        def fresh() -> str:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{work}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(template, work)
            return str(work)

        def ours() -> float:
            return _wall([CXTUI, "rox", "import", fresh(), str(source)])

        def bare() -> float:
            return _wall([sys.executable, "-c", BARE_IMPORT, fresh(), str(source)])

        mine, base = _alternate(runs, ours, bare)
    label = "csv.reader + one executemany into the workspace's rox_deals table"
    print(f"rox import, {ROWS:,}-row CP932 ROX log; median of {runs} fresh processes")
    print(f"  {label} : {base * 1000:7.0f} ms")
    print(f"  {'cxtui rox import FILE SOURCE':{len(label)}} : {mine * 1000:7.0f} ms")
    print(f"  {'ratio':{len(label)}} : {mine / base:7.2f}x  (budget <= 3.00x)")


SCREEN_RUN = """
import asyncio, json, sys, time
from datetime import date
from textual._compositor import CompositorUpdate
from cxtui.db.store import Store
from screens.app import CxApp

# From a key press to the first frame painted showing the result (the app's _display is wrapped to
# see frames, each encoded as a terminal driver would), as bench_nps times the NPS screen.
async def main():
    store = Store.open(sys.argv[1])
    app = CxApp(store=store, today=date(2026, 11, 22))
    frames = []
    state = {"check": lambda: False}

    def table_filled(name, tab):
        def check():
            screen = app.screen
            if type(screen).__name__ != "LoyaltyScreen":
                return False
            tabs = screen.query_one("#loyalty-tabs")
            return tabs.active == tab and screen.query_one(name).row_count > 0
        return check

    async with app.run_test(size=(120, 40)) as pilot:
        display = app._display
        def painting(screen, renderable):
            display(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            frames.append((time.perf_counter(), state["check"]()))
        app._display = painting
        await pilot.pause()
        result = {}
        steps = (("5", "#months-table", "months"), ("r", "#rox-table", "rox"), ("l", "#deals-table", "deals"))
        for key, name, tab in steps:
            state["check"] = table_filled(name, tab)
            frames.clear()
            began = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            for _ in range(50):
                if any(ok for _, ok in frames):
                    break
                await pilot.pause()
            first = next(at for at, ok in frames if ok)
            result[key] = (first - began) * 1000
        print(json.dumps(result))

asyncio.run(main())
"""


def build_screen_workspace(path: Path) -> Path:
    """A workspace of 10,000 deals over 24 months and 24 months of figures (through the importers)."""
    from cxtui.db.store import Store
    from cxtui.loyalty import importers, repo

    _empty_workspace(path)
    with tempfile.TemporaryDirectory() as tmp:
        log = make_log(Path(tmp) / "log.csv", SCREEN_DEALS, first=date(2024, 12, 1))
        months = Path(tmp) / "months.csv"
        rnd = random.Random(SEED)
        with months.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["月", "再購入率", "紹介数", "解約率", "継続月数", "客単価"])
            for k in range(24):
                year, month = divmod(2024 * 12 + 11 + k, 12)
                retained = "" if k % 3 == 0 else f"{8 + k / 10:.1f}"
                writer.writerow(
                    [f"{year}-{month + 1:02d}", f"{40 + k / 2:.1f}", 15 + k, f"{12 - k / 6:.1f}", retained,
                     680 + rnd.randrange(60)]
                )  # fmt: skip
        store = Store.open(path)
        repo.import_deals(store, importers.parse_deals(log))
        repo.import_months(store, importers.parse_months(months))
        store.close()
    return path


def _screen_times(path: Path) -> dict[str, float]:
    import json

    command = [sys.executable, "-c", SCREEN_RUN, str(path)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def bench_screen(runs: int) -> None:
    """Key `5`, `r` and `l` to their painted frames: 10,000 deals beside the 80-deal demo."""
    from cxtui.db.store import Store
    from cxtui.demo import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        large = build_screen_workspace(Path(tmp) / "large.cxtui")
        demo = Path(tmp) / "demo.cxtui"
        store = Store.open(demo, create=True)
        build_demo(store, "en", TODAY)
        store.close()
        samples: dict[str, list[dict[str, float]]] = {"large": [], "demo": []}
        for run in range(runs + 1):
            for name, path in (("large", large), ("demo", demo)):
                times = _screen_times(path)
                if run:  # the first run warms the file cache and bytecode
                    samples[name].append(times)
    print(
        f"LTV·ROX screen, key press to the first painted frame with the table filled; median of {runs} runs"
    )
    labels = {"5": "open the screen (months, figure chart)", "r": "ROX tab (table, ROX and NPS charts)",
              "l": "deal log (newest 500 rows)"}  # fmt: skip
    for key, label in labels.items():
        large_ms = statistics.median(s[key] for s in samples["large"])
        demo_ms = statistics.median(s[key] for s in samples["demo"])
        print(f"  {key}  {label:40} 10,000 deals: {large_ms:6.1f} ms   demo (80 deals): {demo_ms:6.1f} ms")


def main() -> None:
    """Run both benchmarks and print the medians."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-screen", action="store_true")
    args = parser.parse_args()
    if not args.skip_import:
        bench_import(max(3, args.runs))
    if not args.skip_screen:
        bench_screen(max(3, args.runs))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()

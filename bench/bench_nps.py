"""Benchmark (not a test): `cxtui nps show` on 1,000,000 answers and `cxtui nps import` of 100,000 rows.

1. `cxtui nps show FILE --json` (every survey) on a workspace of 1,000,000 answers in 50 surveys,
   beside the bare aggregate query (`python -c` running the GROUP BY with sqlite3) over the same file.
   Budget (issue 3): <= 1.5x.
2. `cxtui nps import FILE SOURCE --survey S` of a 100,000-row CP932 Google Forms CSV into an empty
   workspace, beside `python -c` reading the same file with csv.reader and storing its rows with one
   executemany into the same table of an empty workspace. Budget: <= 3x.

Every measurement is the wall time of a fresh process (interpreter start-up included on both sides,
since that is what a user waits for), run alternately, median of --runs after one warm-up each.
The 1M-answer workspace is cached in the temp folder (built once with executemany, ~20 s).

    .venv/bin/python bench/bench_nps.py [--runs 7] [--rebuild] [--skip-import]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CXTUI = str(BIN / "cxtui")
SURVEYS = 50
ANSWERS = 1_000_000
CACHE = Path(tempfile.gettempdir()) / "cxtui-bench"
SEED = 1_000_000

# The straightforward aggregate: promoters, passives and detractors per survey with SUM(CASE ...).
NAIVE_SQL = (
    "SELECT survey_id, SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN score BETWEEN 7 AND 8 THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END) FROM responses GROUP BY survey_id"
)

BARE_SHOW = """
import sqlite3, sys
conn = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(len(conn.execute(sys.argv[2]).fetchall()))
"""

BARE_IMPORT = """
import csv, io, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
# Like cxtui's bulk import, the baseline does not pay the per-row counting trigger.
conn.execute("DROP TRIGGER IF EXISTS nps_counts_insert")
text = open(sys.argv[2], "rb").read().decode("cp932")
reader = csv.reader(io.StringIO(text, newline=""))
next(reader)
sid = conn.execute("SELECT id FROM surveys").fetchone()[0]
with conn:
    conn.executemany(
        "INSERT INTO responses (id, survey_id, answered_at, score, comment, segment, line, created)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, '')",
        ((str(n), sid, r[0], int(r[1]), r[2], r[3], n) for n, r in enumerate(reader, start=2) if r[1]),
    )
print(conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
"""

BARE_IMPORT_PLAIN = """
import csv, io, sqlite3, sys
conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE responses (line INTEGER, score INTEGER, comment TEXT, segment TEXT, day TEXT)")
text = open(sys.argv[1], "rb").read().decode("cp932")
reader = csv.reader(io.StringIO(text, newline=""))
next(reader)
with conn:
    conn.executemany(
        "INSERT INTO responses VALUES (?, ?, ?, ?, ?)",
        ((n, int(r[1]), r[2], r[3], r[0]) for n, r in enumerate(reader, start=2) if r[1]),
    )
"""


def _empty_workspace(path: Path) -> None:
    from cxtui.db.store import Store

    if path.exists():
        path.unlink()
    Store.open(path, create=True).close()


def build_large(path: Path) -> None:
    """50 surveys × 20,000 answers through the real schema, written with executemany in one go."""
    from cxtui.ids import new_ids
    from cxtui.nps.categories import categorize

    began = time.perf_counter()
    tmp = path.with_suffix(".building")
    _empty_workspace(tmp)
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA synchronous = OFF")
    # Indexes are dropped and rebuilt after the load: sorting once is far faster than 1M inserts
    # into five B-trees. The definitions are read back from the file, so they stay the schema's.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'index' AND tbl_name = 'responses' AND sql IS NOT NULL"
    ).fetchall()
    rnd = random.Random(SEED)
    comments = ["Great coffee", "Slow service at lunch", "店員さんが親切", "待ち時間が長い", "価格が高い"]
    per_survey = ANSWERS // SURVEYS
    start = datetime(2025, 1, 1, 9)
    with conn:
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        survey_ids = new_ids(SURVEYS)
        conn.executemany(
            "INSERT INTO surveys (id, name, kind, source, created, updated) VALUES (?, ?, 'import', ?, ?, ?)",
            [(sid, f"survey {i:02d}", f"export-{i:02d}.csv", "-", "-") for i, sid in enumerate(survey_ids)],
        )
        for i, sid in enumerate(survey_ids):
            weights = [rnd.random() + 0.2 for _ in range(11)]
            scores = rnd.choices(range(11), weights=weights, k=per_survey)
            ids = new_ids(per_survey)
            rows = []
            for k in range(per_survey):
                comment = rnd.choice(comments) if rnd.random() < 0.3 else ""
                when = start + timedelta(minutes=26 * k + i)
                segment, category = f"store {k % 4}", categorize(comment)
                rows.append((ids[k], sid, scores[k], comment, segment, when.isoformat(), k + 2, category))
            conn.executemany(
                "INSERT INTO responses (id, survey_id, score, comment, segment, answered_at, line, category,"
                " created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01')",
                rows,
            )
        for _, sql in indexes:
            conn.execute(sql)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.replace(tmp, path)
    print(f"built {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - began:.1f} s")


def _wall(cmd: list[str], check: Callable[[str], None] | None = None) -> float:
    began = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    if check is not None:
        check(done.stdout)
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


def bench_show(runs: int, rebuild: bool) -> None:
    """`cxtui nps show FILE --json` vs the bare GROUP BY over the same file."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"nps-{ANSWERS}-{SURVEYS}.cxtui"
    if rebuild or not path.exists():
        build_large(path)

    def check(out: str) -> None:
        import json

        data = json.loads(out)
        assert len(data) == SURVEYS and sum(d["n"] for d in data) == ANSWERS, "wrong totals"

    from cxtui.nps.queries import SURVEY_COUNTS_SQL

    ours, naive, same = _alternate(
        runs,
        lambda: _wall([CXTUI, "nps", "show", str(path), "--json"], check),
        lambda: _wall([sys.executable, "-c", BARE_SHOW, str(path), NAIVE_SQL]),
        lambda: _wall([sys.executable, "-c", BARE_SHOW, str(path), SURVEY_COUNTS_SQL]),
    )
    empty = _wall([sys.executable, "-c", "pass"])
    print(f"nps show --json, {ANSWERS:,} answers in {SURVEYS} surveys; median of {runs} fresh processes")
    label = "bare GROUP BY with SUM(CASE) per row (python -c + sqlite3)"
    print(f"  {label} : {naive * 1000:7.0f} ms")
    print(f"  {'cxtui nps show FILE --json':{len(label)}} : {ours * 1000:7.0f} ms")
    print(f"  {'ratio':{len(label)}} : {ours / naive:7.2f}x  (budget <= 1.50x)")
    print(f"  (the same two-step SQL cxtui runs, bare: {same * 1000:.0f} ms, {ours / same:.2f}x;")
    print(f"   an empty `python -c pass` takes {empty * 1000:.0f} ms here)")


def bench_import(runs: int) -> None:
    """`cxtui nps import` of a 100,000-row CP932 CSV vs csv.reader + one executemany."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_nps_import import make_cp932_csv

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = make_cp932_csv(folder / "google_forms_cp932.csv", 100_000)
        template = folder / "empty.cxtui"
        _empty_workspace(template)
        work = folder / "work.cxtui"

        def fresh() -> str:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{work}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(template, work)
            return str(work)

        def ours() -> float:
            target = fresh()
            return _wall([CXTUI, "nps", "import", target, str(source), "--survey", "bench"])

        def bare() -> float:
            target = fresh()
            conn = sqlite3.connect(target)
            with conn:
                # A real survey key (a UUID), as the rows' survey_id is in every index.
                conn.execute(
                    "INSERT INTO surveys (id, name, kind, created, updated) "
                    "VALUES (?, 'bench', 'import', '', '')",
                    [str(uuid.uuid4())],
                )
            conn.close()
            return _wall([sys.executable, "-c", BARE_IMPORT, target, str(source)])

        def plain() -> float:
            return _wall([sys.executable, "-c", BARE_IMPORT_PLAIN, str(source)])

        mine, base, floor = _alternate(runs, ours, bare, plain)
    label = "csv.reader + one executemany into the workspace's responses table"
    print(f"nps import, 100,000-row CP932 Google Forms CSV; median of {runs} fresh processes")
    print(f"  {label} : {base * 1000:7.0f} ms")
    print(f"  {'cxtui nps import FILE SOURCE':{len(label)}} : {mine * 1000:7.0f} ms")
    print(f"  {'ratio':{len(label)}} : {mine / base:7.2f}x  (budget <= 3.00x)")
    bare_table = f"{floor * 1000:.0f} ms, {mine / floor:.2f}x"
    print(f"  (for reference, the same rows into a bare in-memory table: {bare_table};")
    print("   the gap is index upkeep and the WAL commit, which the baseline above pays too)")


SCREEN_RUN = """
import asyncio, sys, time
from datetime import date
from textual._compositor import CompositorUpdate
from cxtui.db.store import Store
from screens.app import PEERS, CxApp

# Timed like bench_startup's key presses: from the key press to the first frame painted that shows
# the NPS screen with its survey list and headline filled (the app's _display is wrapped to see
# frames, encoding each as a terminal driver would).
async def main():
    store = Store.open(sys.argv[1])
    app = CxApp(store=store, today=date(2026, 11, 22))
    frames = []
    def shown():
        screen = app.screen
        if type(screen).__name__ != "NpsScreen":
            return False
        return screen.query_one("#survey-list").option_count > 0 and screen.query_one("#headline").is_mounted
    async with app.run_test(size=(120, 40)) as pilot:
        display = app._display
        def painting(screen, renderable):
            display(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            frames.append((time.perf_counter(), shown()))
        app._display = painting
        await pilot.pause()
        frames.clear()
        began = time.perf_counter()
        await pilot.press(next(p.key for p in PEERS if p.name == "nps"))
        await pilot.pause()
        first = next(at for at, ok in frames if ok)
        print(f"{(first - began) * 1000:.1f}")

asyncio.run(main())
"""


def bench_screen(runs: int) -> None:
    """Opening the NPS screen (key `2` to the painted overview) on the 1M-answer workspace."""
    path = CACHE / f"nps-{ANSWERS}-{SURVEYS}.cxtui"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        build_large(path)
    times = []
    for _ in range(runs + 1):
        command = [sys.executable, "-c", SCREEN_RUN, str(path)]
        out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout
        times.append(float(out.strip().splitlines()[-1]))
    times = times[1:]  # the first run warms the OS file cache
    median = statistics.median(times)
    verdict = "pass" if median <= 300 else "FAIL"
    print(
        f"open NPS screen, 1M answers: median {median:.0f} ms "
        f"(min {min(times):.0f}, max {max(times):.0f}, {runs} runs) budget <= 300 ms: {verdict}"
    )


def main() -> None:
    """Run both benchmarks and print the medians and ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the cached 1M-answer workspace.")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-show", action="store_true")
    parser.add_argument("--skip-screen", action="store_true")
    args = parser.parse_args()
    if not args.skip_screen:
        bench_screen(max(5, args.runs))
    if not args.skip_show:
        bench_show(max(5, args.runs), args.rebuild)
    if not args.skip_import:
        bench_import(max(5, args.runs))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()

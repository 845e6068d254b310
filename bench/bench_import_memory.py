"""Benchmark (not a test): `cxtui nps import` memory and time as files grow (issue: hostile input, 2).

Budget: peak RSS <= 200 MB at 1,000,000 rows (CSV and XLSX), memory flat as the file grows, and the
100,000-row import no slower than before the streaming change. Each import runs in a fresh process
(`cxtui nps import ...` into a new workspace); its peak RSS is the child's own VmHWM. Beside it, in
the same run: Python's csv module + one executemany of the same file into a bare table (the floor),
and, with --before DIR, the same command from an older checkout of cxtui (e.g.
`git archive <commit> | tar -x -C DIR`).

    .venv/bin/python bench/bench_import_memory.py [--rows 100000 1000000] [--runs 3] [--xlsx] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_nps_import import HEADER, make_cp932_csv  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

BASELINE = """
import csv, io, sqlite3, sys, time
began = time.perf_counter()
db = sqlite3.connect(sys.argv[2])
db.execute("CREATE TABLE responses (line INTEGER, score, comment TEXT, segment TEXT, answered_at TEXT)")
with open(sys.argv[1], encoding="cp932", newline="") as handle:
    reader = csv.reader(handle)
    next(reader)
    db.executemany(
        "INSERT INTO responses VALUES (?, ?, ?, ?, ?)",
        ((n, r[1], r[2], r[3], r[0]) for n, r in enumerate(reader, start=2)),
    )
db.commit()
print(time.perf_counter() - began)
print("hwm", [l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")][0])
"""

TIMED_IMPORT = """
import sys, time
began = time.perf_counter()
from screens.launch import main
try:
    main(["nps", "import", sys.argv[2], sys.argv[1], "--survey", "bench"])
except SystemExit as exc:
    if exc.code:
        raise
print(time.perf_counter() - began, file=sys.stderr)
print("hwm", [l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")][0], file=sys.stderr)
"""


def make_xlsx(path: Path, rows: int) -> Path:
    """The same answers as the CSV, as an .xlsx (written with openpyxl's streaming writer)."""
    import random
    from datetime import datetime, timedelta

    from bench_nps_import import COMMENTS, STORES
    from openpyxl import Workbook

    rng = random.Random(3)
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    start = datetime(2026, 1, 5, 9, 0, 0)
    for i in range(rows):
        when = start + timedelta(minutes=7 * i + rng.randrange(7))
        score = rng.choices(range(11), weights=[1, 1, 1, 2, 2, 3, 4, 8, 10, 9, 8])[0]
        sheet.append([when, score, rng.choice(COMMENTS), rng.choice(STORES)])
    book.save(path)
    return path


def run_child(code: str, source: Path, target: Path, pythonpath: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one child process running `code`."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath), "CXTUI_DATA_DIR": str(target.parent)}
    target.unlink(missing_ok=True)
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(source), str(target)],
        env=env,
        cwd=pythonpath,  # `python -c` puts the current folder first on sys.path
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stdout, stderr = child.communicate()
    elapsed = time.perf_counter() - began
    out = stdout + stderr
    if child.returncode != 0:
        raise SystemExit(f"child failed: {out[-2000:]}")
    timed = [line for line in out.splitlines() if line.replace(".", "", 1).isdigit()]
    # VmHWM: the child's own peak resident memory (ru_maxrss would include the parent's at fork).
    hwm = [int(line.split()[1]) for line in out.splitlines() if line.startswith("hwm ")]
    return (float(timed[-1]) if timed else elapsed), hwm[-1] / 1024


def measure(label: str, code: str, source: Path, folder: Path, pythonpath: Path, runs: int) -> None:
    results = [run_child(code, source, folder / "bench.cxtui", pythonpath) for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    print(f"  {label:<38} {seconds * 1000:9.0f} ms   peak RSS {peak:7.1f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--xlsx", action="store_true", help="also measure .xlsx files")
    parser.add_argument("--before", type=Path, default=None, help="an older checkout to compare with")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; medians of {args.runs} runs, peak = max")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for rows in args.rows:
            source = make_cp932_csv(folder / f"answers-{rows}.csv", rows)
            size = source.stat().st_size / 1e6
            print(f"{rows:,} rows, CP932 CSV ({size:.1f} MB):", flush=True)
            measure("csv module + executemany (floor)", BASELINE, source, folder, ROOT, args.runs)
            if args.before is not None:
                measure("cxtui nps import, before", TIMED_IMPORT, source, folder, args.before, args.runs)
            measure("cxtui nps import", TIMED_IMPORT, source, folder, ROOT, args.runs)
            if args.xlsx:
                book = make_xlsx(folder / f"answers-{rows}.xlsx", rows)
                print(f"{rows:,} rows, XLSX ({book.stat().st_size / 1e6:.1f} MB):", flush=True)
                if args.before is not None:
                    measure("cxtui nps import, before", TIMED_IMPORT, book, folder, args.before, 1)
                measure("cxtui nps import", TIMED_IMPORT, book, folder, ROOT, 1)


if __name__ == "__main__":
    main()

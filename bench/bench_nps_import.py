"""Benchmark (not a test): importing a 100,000-row CP932 Google Forms CSV.

Budget (issue 3): parse_file + one executemany <= 3x Python's csv module reading the file + one
executemany of its rows. Each measurement runs in a fresh subprocess (no warm caches, no shared
objects); the figure is the median of the runs, timed inside the child after its imports.

    .venv/bin/python bench/bench_nps_import.py [--rows 100000] [--runs 7]

`make_cp932_csv(path, rows)` is importable to build the same file for other benchmarks.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HEADER = [
    "タイムスタンプ",
    "この店を友人や同僚に勧める可能性はどのくらいありますか？",
    "その点数をつけた理由を教えてください",
    "店舗",
]
COMMENTS = [
    "店員さんの笑顔が素敵で、また来たいと思いました",
    "待ち時間が長かった①",
    "コーヒーがおいしい～",
    "",
    "席が狭く、少し落ち着かなかった",
    "季節のケーキが楽しみです。友人にも紹介しました",
    "価格がもう少し安ければ…",
]
STORES = ["渋谷店", "吉祥寺店", "横浜店"]


def make_cp932_csv(path: Path, rows: int, seed: int = 3) -> Path:
    """Write a Google-Forms-style CSV (Japanese header and comments) in CP932, as Japanese Excel saves it."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 9, 0, 0)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        when = start + timedelta(minutes=7 * i + rng.randrange(7))
        score = rng.choices(range(11), weights=[1, 1, 1, 2, 2, 3, 4, 8, 10, 9, 8])[0]
        writer.writerow([when.strftime("%Y/%m/%d %H:%M:%S"), score, rng.choice(COMMENTS), rng.choice(STORES)])
    path.write_bytes(out.getvalue().encode("cp932"))
    return path


def _table() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE responses (line INTEGER, score, comment TEXT, segment TEXT, answered_at TEXT)")
    return db


def run_baseline(path: Path) -> float:
    """csv.reader over the decoded file + one executemany of its rows; seconds."""
    db = _table()
    began = time.perf_counter()
    text = path.read_bytes().decode("cp932")
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    db.executemany(
        "INSERT INTO responses VALUES (?, ?, ?, ?, ?)",
        ((n, r[1], r[2], r[3], r[0]) for n, r in enumerate(reader, start=2)),
    )
    db.commit()
    return time.perf_counter() - began


def run_parse(path: Path) -> float:
    """parse_file + one executemany of the accepted responses; seconds."""
    from cxtui.nps.importers import parse_file

    db = _table()
    began = time.perf_counter()
    parsed = parse_file(path)
    db.executemany(
        "INSERT INTO responses VALUES (?, ?, ?, ?, ?)",
        (
            (r.line, r.score, r.comment, r.segment, r.answered_at and r.answered_at.isoformat())
            for r in parsed.responses
        ),
    )
    db.commit()
    elapsed = time.perf_counter() - began
    assert parsed.total_rows == len(parsed.responses) + len(parsed.blank_lines) + len(parsed.rejected)
    assert len(parsed.responses) > 0 and parsed.encoding == "cp932"
    return elapsed


def _child(kind: str, path: Path) -> float:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)], check=True, capture_output=True, text=True
    )
    return float(done.stdout.strip())


def main() -> None:
    """Build the file, time both sides in fresh subprocesses, print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        print(run_baseline(Path(path)) if kind == "baseline" else run_parse(Path(path)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = make_cp932_csv(Path(tmp) / "google_forms_cp932.csv", args.rows)
        size = path.stat().st_size / 1e6
        base, ours = [], []
        for _ in range(args.runs):  # interleaved, so drift in machine load hits both sides alike
            base.append(_child("baseline", path))
            ours.append(_child("parse", path))
    b, o = statistics.median(base), statistics.median(ours)
    print(f"file: {args.rows:,} rows, {size:.1f} MB CP932; median of {args.runs} fresh-process runs")
    print(f"baseline csv.reader + executemany : {b * 1000:8.1f} ms")
    print(f"parse_file + executemany          : {o * 1000:8.1f} ms")
    print(f"ratio                             : {o / b:8.2f}x  (budget <= 3.00x)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()

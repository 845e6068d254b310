"""Benchmark (not a test): what checkpointing the WAL after every action costs (Workshop-ready, 1).

Each action (an objective's title edited through the repository, as the TUI does) is timed on the
large workspace (bench/make_large.py), once with the checkpoint cxtui now makes after every action
and once with it switched off (the baseline, same run, same file). Medians of --actions actions.

    .venv/bin/python bench/bench_checkpoint.py [--actions 200]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from cxtui.db.store import Store
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr


def timed_actions(path: Path, actions: int, checkpoint: bool) -> list[float]:
    store = Store.open(path)
    if not checkpoint:
        store.checkpoint = lambda: True  # type: ignore[method-assign]
    period = okr_periods.periods(store)[0]
    objectives = okr.objectives(store, period.id)[:actions]
    times = []
    for i, objective in enumerate(objectives):
        began = time.perf_counter()
        okr.save_objective(store, dataclasses.replace(objective, title=f"{objective.title} {i}"))
        times.append(time.perf_counter() - began)
    store.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.cxtui"
        subprocess.run(
            [
                sys.executable,
                str(Path(__file__).with_name("make_large.py")),
                str(path),
                "--today",
                date(2026, 11, 22).isoformat(),
            ],
            check=True,
            capture_output=True,
        )
        # Alternate, so both see the same machine load.
        with_cp, without = [], []
        for _ in range(3):
            without += timed_actions(path, args.actions // 3, checkpoint=False)
            with_cp += timed_actions(path, args.actions // 3, checkpoint=True)
    base, now = statistics.median(without), statistics.median(with_cp)
    print(f"save an objective, no checkpoint (baseline): {base * 1000:6.2f} ms median")
    extra = (now - base) * 1000
    print(f"save an objective + WAL checkpoint (now)    : {now * 1000:6.2f} ms median  (+{extra:.2f} ms)")


if __name__ == "__main__":
    main()

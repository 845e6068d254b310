"""Generate a large workspace for the benchmarks: 200 objectives, 1,000 KRs, 52 weekly check-ins each;
60 KPIs (12 in the focus set) with two years of weekly values, 5,000 pieces of field evidence, 400
learning cycles watching 3 KPIs each, 100 weekly reviews with their items.

Usage: python bench/make_large.py OUT.cxtui [--today YYYY-MM-DD]

Rows go through the real schema (Store.open creates and migrates the file) but are written with
executemany in one transaction and without the undo journal: ~75,000 rows in about a second.
The output is deterministic for a given `today` (seeded random numbers, ids included).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from cxtui.db.store import Store
from cxtui.ids import utc_now
from cxtui.okr.metrics import raw_progress
from cxtui.okr.models import KRKind
from cxtui.okr.quarters import quarter_of

OBJECTIVES = 200
ROOTS = 40
KRS_PER_OBJECTIVE = 5
CHECKINS_PER_KR = 52
SEED = 20260101

# Mostly increase/decrease, like real OKR sets; guardrails and milestones still appear in every screen.
KIND_WEIGHTS = {
    KRKind.increase: 40,
    KRKind.decrease: 30,
    KRKind.stay_above: 10,
    KRKind.stay_below: 10,
    KRKind.milestone: 10,
}
CONFIDENCES = ("on_track", "at_risk", "off_track")
KPIS = 60
FOCUS = 12
KPI_WEEKS = 104
EVIDENCE = 5_000
CYCLES = 400
REVIEWS = 100
REVIEW_ITEMS = 30
LAYERS = ("behaviour", "experience", "psychology", "ltv")


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _kr_plan(rng: random.Random, kind: KRKind) -> tuple[float, float, str]:
    """Start, target and unit of a generated KR of `kind`."""
    if kind is KRKind.increase:
        start = float(rng.randint(0, 60))
        return start, start + rng.randint(10, 40), "%"
    if kind is KRKind.decrease:
        start = float(rng.randint(20, 100))
        return start, start - rng.randint(5, 19), "h"
    if kind is KRKind.stay_above:
        return 0.0, float(rng.randint(50, 90)), "%"
    if kind is KRKind.stay_below:
        return 0.0, float(rng.randint(1, 10)), "h"
    return 0.0, 1.0, ""


def _series(rng: random.Random, kind: KRKind, start: float, target: float) -> list[float]:
    """52 weekly values drifting from start toward (sometimes past) the target, with noise."""
    if kind is KRKind.milestone:
        done_week = rng.randint(10, 70)  # beyond 51: not done yet
        return [1.0 if week >= done_week else 0.0 for week in range(CHECKINS_PER_KR)]
    if kind in (KRKind.stay_above, KRKind.stay_below):
        spread = max(1.0, abs(target) * 0.2)
        return [round(target + rng.uniform(-spread, spread * 0.5), 1) for _ in range(CHECKINS_PER_KR)]
    reach = rng.uniform(0.2, 1.2)
    noise = abs(target - start) * 0.05
    return [
        round(start + (target - start) * reach * (week + 1) / CHECKINS_PER_KR + rng.uniform(-noise, noise), 1)
        for week in range(CHECKINS_PER_KR)
    ]


def _confidence(rng: random.Random, progress: float, week: int) -> str:
    """A plausible confidence: mostly following progress against a linear expectation."""
    expected = (week + 1) / CHECKINS_PER_KR
    if rng.random() < 0.1:
        return rng.choice(CONFIDENCES)
    if progress >= expected - 0.1:
        return "on_track"
    return "at_risk" if progress >= expected - 0.3 else "off_track"


def _title(index: int) -> str:
    # Every third title is Japanese so wide-character layout is part of what is measured.
    if index % 3 == 2:
        return f"目標 {index + 1}: 顧客体験を改善し、解約を減らす"
    return f"Objective {index + 1}: improve the customer experience of segment {index % 17 + 1}"


def _kpi_rows(
    rng: random.Random, today: date, stamp: str
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """KPIs (the first FOCUS in the focus set; one counts cycles run) and two years of weekly values."""
    kpis: list[dict[str, object]] = []
    values: list[dict[str, object]] = []
    monday = today - timedelta(days=today.weekday())
    for index in range(KPIS):
        kpi_id = _uuid(rng)
        layer = LAYERS[index % len(LAYERS)]
        source = "cycles" if index == FOCUS - 1 else "typed"
        kpis.append(
            {
                "id": kpi_id,
                "name": f"KPI {index + 1}: signals of {LAYERS[index % 4]} {index % 9 + 1}",
                "layer": layer,
                "unit": "%" if index % 3 else "people",
                "direction": "lower" if index % 5 == 0 else "higher",
                "target": float(rng.randint(20, 80)),
                "cadence": "weekly",
                "focus": int(index < FOCUS),
                "position": index // len(LAYERS),
                "kr_id": None,
                "source": source,
                "source_ref": "",
                "definition": f"What KPI {index + 1} counts",
                "how_measured": "Counted every Friday",
                "formula": "count / visits x 100",
                "owner": f"Owner {index % 23 + 1}",
                "created": stamp,
                "updated": stamp,
            }
        )
        if source != "typed":
            continue
        level = rng.uniform(20, 60)
        # The last weeks of some focus KPIs are left empty so that the review has values due.
        weeks = KPI_WEEKS - (1 if index % 2 == 0 else 0)
        for week in range(weeks):
            level += rng.uniform(-2, 2.2)
            day = monday - timedelta(weeks=KPI_WEEKS - 1 - week) + timedelta(days=4)
            values.append(
                {
                    "id": _uuid(rng),
                    "kpi_id": kpi_id,
                    "date": min(day, today).isoformat(),
                    "value": round(level, 1),
                    "note": "",
                    "import_id": None,
                    "created": stamp,
                    "updated": stamp,
                }
            )
    return kpis, values


def _cycle_rows(
    rng: random.Random, today: date, stamp: str, kpi_ids: list[str]
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Two-week cycles back to back in 4 chains: reviewed in the past, one running each, planned ahead."""
    cycles: list[dict[str, object]] = []
    links: list[dict[str, object]] = []
    monday = today - timedelta(days=today.weekday())
    per_chain = CYCLES // 4
    for chain in range(4):
        previous = None
        for index in range(per_chain):
            offset = index - (per_chain - 6)  # 0 = the running one; 5 planned after it
            start = monday + timedelta(weeks=2 * offset - 1)
            state = "reviewed" if offset < 0 else "running" if offset == 0 else "planned"
            cycle_id = _uuid(rng)
            reviewed = state == "reviewed"
            cycles.append(
                {
                    "id": cycle_id,
                    "title": f"Chain {chain + 1} cycle {index + 1}",
                    "state": state,
                    "start": start.isoformat(),
                    "end": (start + timedelta(days=13)).isoformat(),
                    "hypothesis": f"Customers hesitate at step {index % 7 + 1}",
                    "change": f"Show the guide at step {index % 7 + 1}",
                    "learning": f"Showing the guide at step {index % 7 + 1} cut the questions"
                    if reviewed
                    else "",
                    "next_step": f"Try the guide at step {index % 7 + 2}" if reviewed else "",
                    "previous_id": previous,
                    "created": stamp,
                    "updated": stamp,
                }
            )
            previous = cycle_id
            for position, kpi_id in enumerate(rng.sample(kpi_ids[:FOCUS], 3)):
                links.append(
                    {
                        "id": _uuid(rng),
                        "cycle_id": cycle_id,
                        "kpi_id": kpi_id,
                        "position": position,
                        "created": stamp,
                        "updated": stamp,
                    }
                )
    return cycles, links


def _evidence_rows(
    rng: random.Random, today: date, stamp: str, kpi_ids: list[str]
) -> list[dict[str, object]]:
    """Field evidence over two years, linked to a KPI."""
    return [
        {
            "id": _uuid(rng),
            "date": (today - timedelta(days=rng.randrange(730))).isoformat(),
            "quote": f"Heard phrase {index + 1}: that's reassuring, then",
            "scene": f"Store {index % 12 + 1}",
            "next_step": "Try it at the till",
            "kind": ("conversation", "behaviour", "other")[index % 3],
            "kpi_id": kpi_ids[index % len(kpi_ids)],
            "cycle_id": None,
            "created": stamp,
            "updated": stamp,
        }
        for index in range(EVIDENCE)
    ]


def _review_rows(
    rng: random.Random, today: date, stamp: str, kr_ids: list[str]
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """A finished review every Friday for REVIEWS weeks before this one, each with REVIEW_ITEMS items."""
    reviews: list[dict[str, object]] = []
    items: list[dict[str, object]] = []
    monday = today - timedelta(days=today.weekday())
    for week in range(REVIEWS, 0, -1):
        day = monday - timedelta(weeks=week) + timedelta(days=4)
        review_id = _uuid(rng)
        reviews.append(
            {
                "id": review_id,
                "date": day.isoformat(),
                "started": f"{day.isoformat()}T06:00:00+00:00",
                "finished": f"{day.isoformat()}T06:14:00+00:00",
                "step": 6,
                "seconds": 840,
                "learning": f"Week {week}: the guide cut the questions",
                "next_step": "Put the guide on the till",
                "notes": "",
                "created": stamp,
                "updated": stamp,
            }
        )
        for kr_id in rng.sample(kr_ids, REVIEW_ITEMS):
            items.append(
                {
                    "id": _uuid(rng),
                    "review_id": review_id,
                    "kind": "kr",
                    "ref_id": kr_id,
                    "value": float(rng.randint(1, 90)),
                    "text": "",
                    "record_id": None,
                    "created": stamp,
                    "updated": stamp,
                }
            )
    return reviews, items


def _insert(conn: object, table: str, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.executemany(  # type: ignore[attr-defined]
        f'INSERT INTO "{table}" ({names}) VALUES ({marks})', [[r[c] for c in columns] for r in rows]
    )


def _remove_database(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def make_large(path: Path, today: date) -> Path:
    """Write a fresh large workspace at `path` (replacing any file there) and return the path."""
    path = Path(path)
    rng = random.Random(SEED)
    stamp = utc_now()
    period = quarter_of(today)
    period_id = _uuid(rng)

    objective_rows: list[tuple[object, ...]] = []
    kr_rows: list[tuple[object, ...]] = []
    checkin_rows: list[tuple[object, ...]] = []
    objective_ids: list[str] = []
    positions: dict[str | None, int] = {}
    # 52 weeks ending today: longer than the quarter, as a workspace used for a year would hold.
    first = today - timedelta(weeks=CHECKINS_PER_KR - 1)
    dates = [(first + timedelta(weeks=week)).isoformat() for week in range(CHECKINS_PER_KR)]
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())

    for index in range(OBJECTIVES):
        objective_id = _uuid(rng)
        # Aligned objectives pick an earlier objective as parent, so parents always exist first
        # and the tree gets a few levels of depth.
        parent = None if index < ROOTS else objective_ids[rng.randrange(index)]
        position = positions.get(parent, 0)
        positions[parent] = position + 1
        objective_ids.append(objective_id)
        owner = f"Owner {index % 23 + 1}"
        objective_rows.append(
            (objective_id, period_id, parent, _title(index), owner, "", position, 0, stamp, stamp)
        )
        for kr_index in range(KRS_PER_OBJECTIVE):
            kr_id = _uuid(rng)
            kind = rng.choices(kinds, weights)[0]
            start, target, unit = _kr_plan(rng, kind)
            values = _series(rng, kind, start, target)
            confidence = "on_track"
            for week, value in enumerate(values):
                progress = raw_progress(kind, start, target, value)
                confidence = _confidence(rng, progress, week)
                note = f"Week {week + 1}: reviewed with the team" if week % 4 == 3 else ""
                blocker = "Waiting on another team" if confidence == "off_track" else ""
                checkin_rows.append(
                    (_uuid(rng), kr_id, dates[week], value, confidence, note, blocker, stamp, stamp)
                )
            kr_rows.append(
                (
                    kr_id,
                    objective_id,
                    f"KR {index + 1}.{kr_index + 1} ({kind.value})",
                    kind.value,
                    start,
                    target,
                    values[-1],
                    confidence,
                    unit,
                    1.0,
                    owner,
                    kr_index,
                    stamp,
                    stamp,
                )
            )

    kpi_rows, value_rows = _kpi_rows(rng, today, stamp)
    kpi_ids = [str(k["id"]) for k in kpi_rows]
    cycle_rows, link_rows = _cycle_rows(rng, today, stamp, kpi_ids)
    evidence_rows = _evidence_rows(rng, today, stamp, kpi_ids)
    review_rows, item_rows = _review_rows(rng, today, stamp, [str(r[0]) for r in kr_rows])

    _remove_database(path)
    store = Store.open(path, create=True)
    try:
        conn = store.db.conn
        with store.db.atomic():
            conn.execute(
                'INSERT INTO periods (id, name, start, "end", created, updated) VALUES (?, ?, ?, ?, ?, ?)',
                (period_id, period.name, period.start.isoformat(), period.end.isoformat(), stamp, stamp),
            )
            conn.executemany(
                "INSERT INTO objectives (id, period_id, parent_id, title, owner, description, position,"
                " rollup, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                objective_rows,
            )
            conn.executemany(
                "INSERT INTO key_results (id, objective_id, title, kind, start, target, current,"
                " confidence, unit, weight, owner, position, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                kr_rows,
            )
            conn.executemany(
                "INSERT INTO checkins (id, kr_id, date, value, confidence, note, blocker, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checkin_rows,
            )
            for table, rows in (
                ("kpis", kpi_rows),
                ("kpi_values", value_rows),
                ("evidence", evidence_rows),
                ("cycles", cycle_rows),
                ("cycle_kpis", link_rows),
                ("reviews", review_rows),
                ("review_items", item_rows),
            ):
                _insert(conn, table, rows)
    finally:
        store.close()
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: write the large workspace and print what was written and how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="the workspace file to write (replaced if it exists)")
    parser.add_argument("--today", type=date.fromisoformat, help="date the data ends on (default: today)")
    args = parser.parse_args(argv)
    from cxtui import clock

    began = time.perf_counter()
    path = make_large(args.out, args.today or clock.today())
    elapsed = time.perf_counter() - began
    print(
        f"{path}: {OBJECTIVES} objectives, {OBJECTIVES * KRS_PER_OBJECTIVE} key results, "
        f"{OBJECTIVES * KRS_PER_OBJECTIVE * CHECKINS_PER_KR} check-ins, {KPIS} KPIs, {EVIDENCE} evidence, "
        f"{CYCLES} cycles, {REVIEWS} reviews in {elapsed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

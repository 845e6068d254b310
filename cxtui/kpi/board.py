"""The KPI cards: each KPI with its latest value, the change since the previous one, the distance
to its target, whether a value is due, its recent series, its linked KR and its evidence count.

One card per KPI, read with few queries (the screen opens on 300 KPIs × 260 values): the recent
values of typed KPIs come from the (kpi_id, date) index, newest first, a fixed number per KPI.
`show_json` is the object `cxtui kpi show --json` prints and the report's "kpis" section holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cxtui.db.store import Store
from cxtui.kpi.metrics import Change, Distance, change, distance, is_due
from cxtui.kpi.models import LAYER_MODELS, Kpi, Source
from cxtui.kpi.repo import find_kpi, kpis, layer_model
from cxtui.kpi.sources import Point, series

SPARK_POINTS = 40  # values a card keeps: enough for the widest sparkline a card draws


@dataclass(frozen=True, slots=True)
class Card:
    """What a KPI card shows."""

    kpi: Kpi
    points: tuple[Point, ...]  # the most recent values, oldest first
    kr_title: str | None
    evidence: int  # pieces of field evidence linked to the KPI
    due: bool

    @property
    def latest(self) -> Point | None:
        """The newest value."""
        return self.points[-1] if self.points else None

    @property
    def previous(self) -> Point | None:
        """The value before the newest."""
        return self.points[-2] if len(self.points) > 1 else None

    @property
    def change(self) -> Change | None:
        """Latest − previous, judged by the KPI's direction."""
        latest, previous = self.latest, self.previous
        if latest is None or previous is None:
            return None
        return change(latest.value, previous.value, self.kpi.direction)

    @property
    def distance(self) -> Distance | None:
        """How far the latest value is from the target."""
        latest = self.latest
        return None if latest is None else distance(latest.value, self.kpi.target, self.kpi.direction)


def card_due(kpi: Kpi, last: date | None, today: date) -> bool:
    """Whether the KPI wants a value typed in now: only typed KPIs are ever due (the others are
    counted from the NPS answers or the learning cycles)."""
    return kpi.source is Source.typed and is_due(kpi.cadence, last, today)


def _recent_typed(store: Store, kpi_id: str, limit: int) -> tuple[Point, ...]:
    rows = store.conn.execute(
        "SELECT date, value, id FROM kpi_values WHERE kpi_id = ? ORDER BY date DESC LIMIT ?", [kpi_id, limit]
    ).fetchall()
    return tuple(Point(date.fromisoformat(d), float(v), None, i) for d, v, i in reversed(rows))


def _kr_titles(store: Store, ids: set[str]) -> dict[str, str]:
    if not ids or not store.has_table("key_results"):
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = store.conn.execute(f"SELECT id, title FROM key_results WHERE id IN ({marks})", list(ids))
    return {str(pk): str(title) for pk, title in rows}


def _evidence_counts(store: Store) -> dict[str, int]:
    rows = store.conn.execute(
        "SELECT kpi_id, COUNT(*) FROM evidence WHERE kpi_id IS NOT NULL GROUP BY kpi_id"
    )
    return {str(pk): int(n) for pk, n in rows}


def _card(
    store: Store, kpi: Kpi, today: date, krs: dict[str, str], evidence: dict[str, int], limit: int
) -> Card:
    if kpi.source is Source.typed:
        points = _recent_typed(store, kpi.id, limit)
    else:
        points = tuple(series(store, kpi)[-limit:])
    last = points[-1].date if points else None
    return Card(
        kpi=kpi,
        points=points,
        kr_title=krs.get(kpi.kr_id) if kpi.kr_id else None,
        evidence=evidence.get(kpi.id, 0),
        due=card_due(kpi, last, today),
    )


def cards(store: Store, today: date, *, limit: int = SPARK_POINTS) -> list[Card]:
    """Every KPI's card, by layer and position."""
    every = kpis(store)
    krs = _kr_titles(store, {k.kr_id for k in every if k.kr_id})
    evidence = _evidence_counts(store)
    return [_card(store, kpi, today, krs, evidence, limit) for kpi in every]


def card(store: Store, kpi_id: str, today: date, *, limit: int = SPARK_POINTS) -> Card | None:
    """One KPI's card (after recording a value, only that card is read again)."""
    kpi = find_kpi(store, kpi_id)
    if kpi is None:
        return None
    krs = _kr_titles(store, {kpi.kr_id} if kpi.kr_id else set())
    found = store.conn.execute("SELECT COUNT(*) FROM evidence WHERE kpi_id = ?", [kpi_id]).fetchone()
    return _card(store, kpi, today, krs, {kpi_id: int(found[0])}, limit)


def focus_count(store: Store) -> int:
    """How many KPIs are in the focus set."""
    return int(store.conn.execute("SELECT COUNT(*) FROM kpis WHERE focus = 1").fetchone()[0])


# -- JSON (`kpi show --json`, the report's "kpis") ------------------------------------------------


def _point_json(point: Point | None) -> dict[str, Any] | None:
    if point is None:
        return None
    data: dict[str, Any] = {"date": point.date.isoformat(), "value": point.value}
    if point.n is not None:
        data["n"] = point.n
    return data


def kpi_json(kpi: Kpi, points: list[Point], today: date, kr_title: str | None = None) -> dict[str, Any]:
    """One KPI as `kpi show --json` prints it (DESIGN.md's keys first; more keys may be added)."""
    latest = points[-1] if points else None
    previous = points[-2] if len(points) > 1 else None
    moved = (
        None if latest is None or previous is None else change(latest.value, previous.value, kpi.direction)
    )
    gap = None if latest is None else distance(latest.value, kpi.target, kpi.direction)
    return {
        "id": kpi.id,
        "name": kpi.name,
        "layer": kpi.layer,
        "unit": kpi.unit,
        "direction": kpi.direction.value,
        "target": kpi.target,
        "cadence": kpi.cadence.value,
        "focus": kpi.focus,
        "kr_id": kpi.kr_id,
        "latest": _point_json(latest),
        "previous": _point_json(previous),
        "change": None if moved is None else moved.delta,
        "due": card_due(kpi, None if latest is None else latest.date, today),
        "values": [_point_json(p) for p in points],
        # Added keys (never renamed):
        "verdict": None if moved is None else moved.verdict,
        "gap": None if gap is None else gap.gap,
        "reached": None if gap is None else gap.reached,
        "source": kpi.source.value,
        "source_ref": kpi.source_ref,
        "kr_title": kr_title,
        "owner": kpi.owner,
    }


def _all_typed(store: Store) -> dict[str, list[Point]]:
    found: dict[str, list[Point]] = {}
    rows = store.conn.execute("SELECT kpi_id, date, value, id FROM kpi_values ORDER BY kpi_id, date")
    for kpi_id, day, value, pk in rows:
        found.setdefault(kpi_id, []).append(Point(date.fromisoformat(day), float(value), None, pk))
    return found


def show_json(store: Store, today: date) -> dict[str, Any]:
    """`{"kpis": [...]}` with every KPI and its whole series, plus the layer model shown."""
    every = kpis(store)
    typed = _all_typed(store)
    krs = _kr_titles(store, {k.kr_id for k in every if k.kr_id})
    items = []
    for kpi in every:
        points = typed.get(kpi.id, []) if kpi.source is Source.typed else series(store, kpi)
        items.append(kpi_json(kpi, points, today, krs.get(kpi.kr_id) if kpi.kr_id else None))
    model = layer_model(store)
    items.sort(key=lambda item: layer_order(model).get(str(item["layer"]), 99))
    return {"kpis": items, "layer_model": model, "layers": list(LAYER_MODELS[model])}


def layer_order(model: str) -> dict[str, int]:
    """Every layer's place: the shown model's layers first, then the other model's."""
    other = "3" if model == "4" else "4"
    return {layer: i for i, layer in enumerate(LAYER_MODELS[model] + LAYER_MODELS[other])}

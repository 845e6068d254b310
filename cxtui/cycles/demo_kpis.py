"""A stand-in for the KPI part of the demo: the café and NexBridge KPIs with their values, and the
field evidence, from `cxtui/cycles/data/kpi_stand_in.json` (the project's demo content).

Used only while `cxtui.kpi` has no `demo` module of its own (see `cxtui.cycles.demo`); once it has,
this module is never imported and can be deleted with its data file.

Dates: weekly series end this week (26 café weeks, 12 NexBridge weeks), each value on the Friday of
its week but never after today; monthly series end this month, on the 1st; evidence `weeks_ago`
weeks before today.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources
from typing import Any

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.kpi.models import Cadence, Direction, Evidence, EvidenceKind, Kpi, KpiValue, Source
from cxtui.models import to_row
from cxtui.validation import checked

FRIDAY = 4


def _pick(text: dict[str, str] | None, lang: str) -> str:
    return "" if not text else text["ja" if lang == "ja" else "en"]


def _months_back(day: date, months: int) -> date:
    month0 = day.month - 1 - months
    return date(day.year + month0 // 12, month0 % 12 + 1, 1)


def value_dates(spec: dict[str, Any], today: date) -> list[date]:
    """The date of each of a KPI's values, oldest first."""
    count = len(spec["values"])
    if spec["cadence"] == Cadence.monthly.value:
        return [_months_back(today, count - 1 - i) for i in range(count)]
    monday = today - timedelta(days=today.weekday())
    return [
        min(monday - timedelta(weeks=count - 1 - i) + timedelta(days=FRIDAY), today) for i in range(count)
    ]


def add_kpis(store: Store, lang: str, today: date) -> None:
    """Add the demo's KPIs (focus set, layers, definitions), their values and the field evidence."""
    data = json.loads(
        resources.files("cxtui").joinpath("cycles/data/kpi_stand_in.json").read_text(encoding="utf-8")
    )
    kpi_rows, value_rows, evidence_rows = [], [], []
    ids: dict[str, str] = {}
    positions: dict[str, int] = {}
    for spec in data["kpis"]:
        source = (
            Source.cycles
            if spec.get("cycles_source")
            else Source.nps
            if spec.get("nps_source")
            else Source.typed
        )
        kpi = checked(
            Kpi(
                name=_pick(spec["name"], lang),
                layer=spec["layer"],
                unit=_pick(spec["unit"], lang),
                direction=Direction(spec["direction"]),
                target=spec.get("target"),
                cadence=Cadence(spec["cadence"]),
                focus=bool(spec.get("focus")),
                position=positions.get(spec["layer"], 0),
                source=source,
                definition=_pick(spec.get("definition"), lang),
                how_measured=_pick(spec.get("how_measured"), lang),
                formula=_pick(spec.get("formula"), lang),
                owner=_pick(spec.get("owner"), lang),
            )
        )
        positions[spec["layer"]] = kpi.position + 1
        ids[spec["key"]] = kpi.id
        kpi_rows.append(to_row(kpi))
        for day, value in zip(value_dates(spec, today), spec["values"], strict=True):
            value_rows.append(to_row(KpiValue(kpi_id=kpi.id, date=day, value=float(value))))
    for item in data["evidence"]:
        evidence = Evidence(
            date=today - timedelta(weeks=int(item["weeks_ago"])),
            quote=_pick(item["quote"], lang),
            scene=_pick(item.get("scene"), lang),
            next_step=_pick(item.get("next"), lang),
            kind=EvidenceKind(item.get("kind") or "conversation"),
            kpi_id=ids.get(item.get("kpi_key") or ""),
        )
        evidence_rows.append(to_row(checked(evidence)))
    with store.action(t("kpi.act.add")):
        store.insert_rows("kpis", kpi_rows)
        store.insert_rows("kpi_values", value_rows)
        store.insert_rows("evidence", evidence_rows)

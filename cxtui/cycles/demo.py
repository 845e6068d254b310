"""Learning-cycle part of the demo workspace: 8 cycles across the café chain and NexBridge (5 reviewed
with their learnings, 1 running, 2 planned), built from `cxtui/cycles/data/cycles.json`.

The content is data, in English and Japanese; this module places it in time (a cycle starts on the
Monday `start_weeks_ago` weeks before this week's) and links it to the KPI part of the demo: KPIs
are found by name in the demo's language, and the evidence quotes the data lists are linked to
their cycle (the KPI part writes evidence without a cycle).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from cxtui.cycles.models import Cycle, CycleKpi, CycleState
from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.kpi.repo import find_kpi_named
from cxtui.models import to_row
from cxtui.validation import checked


@cache
def load_data() -> dict[str, Any]:
    """The demo cycles' content (read once per process)."""
    text = resources.files("cxtui").joinpath("cycles/data/cycles.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def monday(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def cycle_dates(spec: dict[str, Any], today: date) -> tuple[date, date]:
    """Start (a Monday) and end of a demo cycle."""
    start = monday(today) - timedelta(weeks=int(spec["start_weeks_ago"]))
    return start, start + timedelta(days=int(spec["length_days"]) - 1)


def _pick(text: dict[str, str] | None, lang: str) -> str:
    return "" if not text else text["ja" if lang == "ja" else "en"]


def add_demo(store: Store, lang: str, today: date) -> None:
    """Add the demo's learning cycles, linked to the demo's KPIs and evidence."""
    data = load_data()
    names = {key: _pick(text, lang) for key, text in data["kpi_names"].items()}
    ids: dict[str, str] = {}
    last_in_story: dict[str, str] = {}
    cycle_rows = []
    link_rows = []
    for spec in sorted(data["cycles"], key=lambda s: -int(s["start_weeks_ago"])):
        start, end = cycle_dates(spec, today)
        cycle = checked(
            Cycle(
                title=_pick(spec["title"], lang),
                state=CycleState(spec["state"]),
                start=start,
                end=end,
                hypothesis=_pick(spec["hypothesis"], lang),
                change=_pick(spec["change"], lang),
                learning=_pick(spec.get("learning"), lang),
                next_step=_pick(spec.get("next_step"), lang),
                previous_id=last_in_story.get(spec["story"]),
            )
        )
        ids[spec["key"]] = last_in_story[spec["story"]] = cycle.id
        cycle_rows.append(to_row(cycle))
        for position, key in enumerate(spec["kpi_keys"]):
            kpi = find_kpi_named(store, names[key])
            if kpi is not None:
                link_rows.append(to_row(CycleKpi(cycle_id=cycle.id, kpi_id=kpi.id, position=position)))
    with store.action(t("cycles.act.demo")):
        store.insert_rows("cycles", cycle_rows)
        store.insert_rows("cycle_kpis", link_rows)
        for link in data["evidence_links"]:
            for row in store.rows("SELECT id FROM evidence WHERE quote = ?", [_pick(link["quote"], lang)]):
                store.update_row("evidence", row["id"], {"cycle_id": ids[link["cycle_key"]]})

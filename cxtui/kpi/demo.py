"""KPI part of the demo workspace, built from `cxtui/kpi/data/demo.json`:

- the café chain (seed 002's 4 layers): 26 weeks of weekly values (week 26 is this week) and 6
  months of monthly ones; its NPS KPI reads the café's next-week survey (the NPS part of the demo);
- NexBridge (seed 001's 3 layers): 12 weeks of its Q1, on the days of the KR check-ins, two KPIs
  linked to their KRs (found by title in the demo's language); "cycles run" counts the cycle log;
- about 40 pieces of field evidence with the seeds' phrases (`cycle_key` links are set by the
  cycles part of the demo, which finds the evidence by its quote text).

The workspace shows the 4-layer model; NexBridge's KPIs stay visible as the other model's.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from cxtui.bilingual import Text
from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.kpi.models import Cadence, Direction, Evidence, EvidenceKind, Kpi, KpiValue, Source
from cxtui.kpi.repo import LAYER_MODEL_SETTING
from cxtui.models import to_row
from cxtui.validation import checked

CAFE_WEEKS = 26
CAFE_MONTHS = 6


class DemoKpi(BaseModel):
    """A KPI of the demo and its values, oldest first."""

    model_config = ConfigDict(extra="forbid")

    key: str
    name: Text
    layer: str
    unit: Text
    direction: Direction
    target: float | None = None
    cadence: Cadence
    focus: bool = False
    nps_source: bool = False
    cycles_source: bool = False
    kr_key: str | None = None
    definition: Text
    how_measured: Text
    formula: Text
    owner: Text
    values: list[float] = Field(default_factory=list)


class DemoEvidence(BaseModel):
    """A piece of field evidence, placed `weeks_ago` weeks before this week."""

    model_config = ConfigDict(extra="forbid")

    story: str
    weeks_ago: int
    quote: Text
    scene: Text
    next: Text
    kind: EvidenceKind
    kpi_key: str | None = None
    cycle_key: str | None = None


class DemoData(BaseModel):
    """The whole KPI demo file."""

    model_config = ConfigDict(extra="forbid")

    about: str = ""
    cafe_kpis: list[DemoKpi]
    nexbridge_kpis: list[DemoKpi]
    evidence: list[DemoEvidence]


@cache
def load_data() -> DemoData:
    """The KPI demo's content, read from the package and validated (once per process)."""
    text = resources.files("cxtui").joinpath("kpi/data/demo.json").read_text(encoding="utf-8")
    return DemoData.model_validate_json(text)


def monday(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def week_day(today: date, weeks_ago: int) -> date:
    """The day a weekly value is recorded: Monday of the week `weeks_ago` weeks back."""
    return monday(today) - timedelta(weeks=weeks_ago)


def month_day(today: date, months_ago: int) -> date:
    """The day a monthly value is recorded: the last day of that month, or today in this month."""
    month0 = today.month - 1 - months_ago
    first = date(today.year + month0 // 12, month0 % 12 + 1, 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return min(following - timedelta(days=1), today)


def _source(spec: DemoKpi) -> Source:
    return Source.nps if spec.nps_source else Source.cycles if spec.cycles_source else Source.typed


def _kpi(spec: DemoKpi, lang: str, position: int, **extra: Any) -> Kpi:
    return checked(
        Kpi(
            name=spec.name.pick(lang),
            layer=spec.layer,
            unit=spec.unit.pick(lang),
            direction=spec.direction,
            target=spec.target,
            cadence=spec.cadence,
            focus=spec.focus,
            position=position,
            source=_source(spec),
            definition=spec.definition.pick(lang),
            how_measured=spec.how_measured.pick(lang),
            formula=spec.formula.pick(lang),
            owner=spec.owner.pick(lang),
            **extra,
        )
    )


def _cafe_days(spec: DemoKpi, today: date) -> list[date]:
    count = len(spec.values)
    if spec.cadence is Cadence.monthly:
        return [month_day(today, count - 1 - i) for i in range(count)]
    return [week_day(today, count - 1 - i) for i in range(count)]


def _nexbridge_days(spec: DemoKpi, today: date) -> list[date]:
    from cxtui.okr.demo import checkin_date, q1_dates

    q1_start, _end = q1_dates(today)
    if spec.cadence is Cadence.monthly:
        count = len(spec.values)
        return [month_day(today, count - 1 - i) for i in range(count)]
    return [checkin_date(q1_start, week, today) for week in range(1, len(spec.values) + 1)]


def _kr_ids(store: Store, lang: str, today: date) -> dict[str, str]:
    """The demo KRs of Q1 by their key in the OKR demo's data, found by title in `lang`."""
    from cxtui.okr import periods as okr_periods
    from cxtui.okr import repo as okr
    from cxtui.okr.demo import load_data as okr_data

    period = okr_periods.period_on(store, today)
    if period is None:
        return {}
    titles = {kr.title: kr.id for krs in okr.key_results_in_period(store, period.id).values() for kr in krs}
    found = {}
    for objective in okr_data().q1.objectives:
        for spec in objective.krs:
            pk = titles.get(spec.title.pick(lang))
            if pk is not None:
                found[spec.key] = pk
    return found


def _cafe_survey(store: Store) -> str:
    """The name of the café's next-week survey (the NPS part of the demo), or '' for all answers."""
    if not store.has_table("surveys"):
        return ""
    rows = store.rows("SELECT name FROM surveys WHERE template = 'next_week_2min' ORDER BY created LIMIT 1")
    return str(rows[0]["name"]) if rows else ""


def add_demo(store: Store, lang: str, today: date) -> None:
    """Add the café's and NexBridge's KPIs, their values and the field evidence to the demo."""
    data = load_data()
    krs = _kr_ids(store, lang, today)
    survey = _cafe_survey(store)
    keys: dict[str, str] = {}
    kpi_rows, value_rows = [], []
    positions: dict[str, int] = {}
    for story, specs in (("cafe", data.cafe_kpis), ("nexbridge", data.nexbridge_kpis)):
        for spec in specs:
            position = positions.get(spec.layer, 0)
            positions[spec.layer] = position + 1
            extra: dict[str, Any] = {}
            if spec.nps_source:
                extra["source_ref"] = survey
            if spec.kr_key is not None:
                extra["kr_id"] = krs.get(spec.kr_key)
            kpi = _kpi(spec, lang, position, **extra)
            keys[spec.key] = kpi.id
            kpi_rows.append(to_row(kpi))
            days = _cafe_days(spec, today) if story == "cafe" else _nexbridge_days(spec, today)
            value_rows += [
                to_row(KpiValue(kpi_id=kpi.id, date=day, value=value))
                for day, value in zip(days, spec.values, strict=True)
            ]
    evidence_rows = []
    for index, item in enumerate(data.evidence):
        # Spread over the week (Tuesday..Friday), never after today.
        day = min(week_day(today, item.weeks_ago) + timedelta(days=1 + index % 4), today)
        evidence = Evidence(
            date=day,
            quote=item.quote.pick(lang),
            scene=item.scene.pick(lang),
            next_step=item.next.pick(lang),
            kind=item.kind,
            kpi_id=keys.get(item.kpi_key) if item.kpi_key else None,
        )
        evidence_rows.append(to_row(checked(evidence)))
    with store.action(t("kpi.act.demo")):
        store.insert_rows("kpis", kpi_rows)
        store.insert_rows("kpi_values", value_rows)
        store.insert_rows("evidence", evidence_rows)
    # The café's four layers are what the demo opens on; NexBridge's three show as the other model.
    store.set_setting(LAYER_MODEL_SETTING, "4")

"""OKR part of the demo workspace: NexBridge's OKRs (seed 003), built from `cxtui/okr/data/nexbridge.json`.

The content is data, in English and Japanese; this module only places it in time: Q1 is the 12
weeks ending on the Sunday on or after today (so today falls in its last week), Q2 the 12 weeks after.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from cxtui.bilingual import Text
from cxtui.db.journal import Row
from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.models import to_row
from cxtui.okr.models import CheckIn, Confidence, KeyResult, KRKind, Objective, Period
from cxtui.okr.periods import NOTE
from cxtui.okr.repo import objectives, start_period
from cxtui.validation import checked

WEEKS = 12
PERIOD_DAYS = WEEKS * 7
FRIDAY = 4  # date.weekday() of the seed's weekly review ("毎週金曜15時")


class DemoKR(BaseModel):
    """A key result of the demo with its weekly story (values, confidence changes, notes, blockers)."""

    model_config = ConfigDict(extra="forbid")

    key: str
    title: Text
    kind: KRKind
    unit: Text
    start: float
    target: float
    owner: Text | None = None
    values: list[float] = Field(default_factory=list)
    confidence: dict[int, Confidence] = Field(default_factory=dict)
    notes: dict[int, Text] = Field(default_factory=dict)
    blockers: dict[int, Text] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _weeks_fit(self) -> Self:
        if self.values and len(self.values) != WEEKS:
            raise ValueError(f"{self.key}: values must hold {WEEKS} weeks")
        weeks = [*self.confidence, *self.notes, *self.blockers]
        if any(not 1 <= week <= len(self.values) for week in weeks):
            raise ValueError(f"{self.key}: a week is outside 1..{len(self.values)}")
        return self

    def confidence_in(self, week: int) -> Confidence:
        """Confidence in force at `week`: the latest change up to it, on track before any."""
        changes = [w for w in self.confidence if w <= week]
        return self.confidence[max(changes)] if changes else Confidence.on_track


class DemoObjective(BaseModel):
    """An objective of the demo; `parent` is the key of the objective it aligns to."""

    model_config = ConfigDict(extra="forbid")

    key: str
    parent: str | None = None
    title: Text
    owner: Text
    description: Text
    rollup: bool = False
    krs: list[DemoKR]


class DemoPeriod(BaseModel):
    """A period of the demo; `carry` lists objectives of the previous period copied with values reset."""

    model_config = ConfigDict(extra="forbid")

    name: Text
    objectives: list[DemoObjective]
    carry: list[str] = Field(default_factory=list)
    carry_under: str | None = None

    @model_validator(mode="after")
    def _keys_resolve(self) -> Self:
        seen: set[str] = set()
        for objective in self.objectives:
            # Parents first: objectives are inserted in file order and must point at existing rows.
            if objective.parent is not None and objective.parent not in seen:
                raise ValueError(f"{objective.key}: parent {objective.parent!r} must come before it")
            seen.add(objective.key)
        if self.carry_under is not None and self.carry_under not in seen:
            raise ValueError(f"carry_under: {self.carry_under!r} is not an objective of this period")
        return self


class DemoData(BaseModel):
    """The whole demo data file."""

    model_config = ConfigDict(extra="forbid")

    about: str = ""
    note: Text
    q1: DemoPeriod
    q2: DemoPeriod


@cache
def load_data() -> DemoData:
    """The demo's content, read from the package and validated (once per process)."""
    text = resources.files("cxtui").joinpath("okr/data/nexbridge.json").read_text(encoding="utf-8")
    return DemoData.model_validate_json(text)


def q1_dates(today: date) -> tuple[date, date]:
    """Start (a Monday) and end (the Sunday on or after `today`) of the demo's 12-week Q1."""
    end = today + timedelta(days=(6 - today.weekday()) % 7)
    return end - timedelta(days=PERIOD_DAYS - 1), end


def checkin_date(q1_start: date, week: int, today: date) -> date:
    """The Friday of `week` (1-based), but never after today, so no check-in lies in the future."""
    return min(q1_start + timedelta(days=7 * (week - 1) + FRIDAY), today)


def add_demo(store: Store, lang: str, today: date) -> None:
    """Add NexBridge's OKRs for Q1 (12 weekly check-ins) and Q2 (the quarterly reset) to the demo."""
    data = load_data()
    q1_start, q1_end = q1_dates(today)
    q1 = Period(name=data.q1.name.pick(lang), start=q1_start, end=q1_end)
    q2_start = q1_end + timedelta(days=1)
    q2 = Period(name=data.q2.name.pick(lang), start=q2_start, end=q2_start + timedelta(days=PERIOD_DAYS - 1))
    # One action for the whole OKR part: one transaction keeps building well under the time budget.
    with store.action(t("okr.act.demo")):
        # The seed's own rates follow no single formula: the demo says so where its formula is shown.
        store.set_setting(NOTE, data.note.pick(lang))
        store.insert_row("periods", to_row(checked(q1)))
        ids = _insert_objectives(store, q1, data.q1.objectives, lang, q1_start, today)
        # The quarterly reset goes through the same code as the user's "start new period", so the
        # demo's Q2 starts each carried KR exactly where that feature would (where Q1 ended).
        start_period(store, q2, [ids[key] for key in data.q2.carry])
        carried_roots = [o for o in objectives(store, q2.id) if o.parent_id is None]
        ids.update(_insert_objectives(store, q2, data.q2.objectives, lang, q1_start, today))
        if data.q2.carry_under is not None:
            for position, objective in enumerate(carried_roots):
                store.update_row(
                    "objectives", objective.id, {"parent_id": ids[data.q2.carry_under], "position": position}
                )


def _insert_objectives(
    store: Store, period: Period, objectives: list[DemoObjective], lang: str, q1_start: date, today: date
) -> dict[str, str]:
    """Insert objectives (parents listed before children), their KRs and check-ins; return ids by key."""
    ids: dict[str, str] = {}
    positions: dict[str | None, int] = {}
    objective_rows: list[Row] = []
    kr_rows: list[Row] = []
    checkin_rows: list[Row] = []
    for item in objectives:
        parent_id = None if item.parent is None else ids[item.parent]
        position = positions.get(parent_id, 0)
        positions[parent_id] = position + 1
        objective = Objective(
            period_id=period.id,
            parent_id=parent_id,
            title=item.title.pick(lang),
            owner=item.owner.pick(lang),
            description=item.description.pick(lang),
            position=position,
            rollup=item.rollup,
        )
        ids[item.key] = objective.id
        objective_rows.append(to_row(checked(objective)))
        for kr_position, spec in enumerate(item.krs):
            kr = KeyResult(
                objective_id=objective.id,
                title=spec.title.pick(lang),
                kind=spec.kind,
                start=spec.start,
                target=spec.target,
                unit=spec.unit.pick(lang),
                owner=(spec.owner or item.owner).pick(lang),
                position=kr_position,
            )
            checkins = [
                CheckIn(
                    kr_id=kr.id,
                    date=checkin_date(q1_start, week, today),
                    value=value,
                    confidence=spec.confidence_in(week),
                    note=spec.notes[week].pick(lang) if week in spec.notes else "",
                    blocker=spec.blockers[week].pick(lang) if week in spec.blockers else "",
                )
                for week, value in enumerate(spec.values, start=1)
            ]
            if checkins:
                # What record_checkin would leave: the KR shows its latest check-in.
                kr.current = checkins[-1].value
                kr.confidence = checkins[-1].confidence
            kr_rows.append(to_row(checked(kr)))
            checkin_rows.extend(to_row(checked(c)) for c in checkins)
    store.insert_rows("objectives", objective_rows)
    store.insert_rows("key_results", kr_rows)
    store.insert_rows("checkins", checkin_rows)
    return ids

"""KPI models: a KPI, its dated values, and a piece of field evidence (see `cxtui.models`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Self

from cxtui.models import Conversion, Record, required


class Direction(StrEnum):
    """Which way is better."""

    # Upper-case names: a member called `lower` would hide str.lower.
    HIGHER = "higher"
    LOWER = "lower"


class Cadence(StrEnum):
    """When a KPI is measured (seed 002): weekly, right after the experience, the week after, monthly."""

    weekly = "weekly"
    right_after = "right_after"
    next_week = "next_week"
    monthly = "monthly"


class Source(StrEnum):
    """Where a KPI's values come from: typed in, the NPS of the surveys by month, or cycles run."""

    typed = "typed"
    nps = "nps"
    cycles = "cycles"


class EvidenceKind(StrEnum):
    """What a piece of field evidence records (seed 001): a conversation, a behaviour, or other."""

    conversation = "conversation"
    behaviour = "behaviour"
    other = "other"


# The two layer models. A workspace shows one (setting "kpi.layers"); a KPI keeps its layer.
LAYERS_3 = ("action", "intermediate", "result")
LAYERS_4 = ("behaviour", "experience", "psychology", "ltv")
LAYER_MODELS: dict[str, tuple[str, ...]] = {"3": LAYERS_3, "4": LAYERS_4}
# Seed 002's cadence of each 4-layer level; a new KPI in that layer starts with it.
LAYER_CADENCE = {
    "action": Cadence.weekly,
    "intermediate": Cadence.weekly,
    "result": Cadence.monthly,
    "behaviour": Cadence.weekly,
    "experience": Cadence.right_after,
    "psychology": Cadence.next_week,
    "ltv": Cadence.monthly,
}
FOCUS_ADVISED = 5  # seed 001: 3-5 KPIs are enough; more is a warning, not a block
# An NPS KPI's `source_ref`: "" every answer by month, a survey's name that survey by month, or
# this: one value per survey (each survey's NPS, dated by its last answer: before/after surveys).
BY_SURVEY = "*"


def _optional_float(value: float | None) -> float | None:
    return None if value is None else float(value)


@dataclass(slots=True, kw_only=True)
class Kpi(Record):
    """A KPI: what is measured, which way is better, how often, in which layer."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "direction": Direction,
        "cadence": Cadence,
        "source": Source,
        "focus": bool,
        "target": _optional_float,
    }

    name: str
    layer: str
    unit: str = ""
    direction: Direction = Direction.HIGHER
    target: float | None = None
    cadence: Cadence = Cadence.weekly
    focus: bool = False
    position: int = 0
    kr_id: str | None = None  # a key result this KPI mirrors (no foreign key: OKRs may be deleted)
    source: Source = Source.typed
    source_ref: str = ""  # for source "nps": a survey name, "" every answer, BY_SURVEY each survey
    definition: str = ""
    how_measured: str = ""
    formula: str = ""
    owner: str = ""

    def check(self) -> Self:
        """A name and a layer of one of the two models."""
        self.name = required(self.name, "name")
        if self.layer not in LAYERS_3 + LAYERS_4:
            raise ValueError("layer|kpi.err.bad_layer")
        return self


@dataclass(slots=True, kw_only=True)
class KpiValue(Record):
    """One dated value of a KPI (at most one per KPI and day)."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {"date": dt.date.fromisoformat}

    kpi_id: str
    date: dt.date
    value: float
    note: str = ""
    import_id: str | None = None  # the file it came from, if imported


@dataclass(slots=True, kw_only=True)
class Evidence(Record):
    """The 1-minute record (seed 001): the phrase that changed, where it was said, what to try next."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "date": dt.date.fromisoformat,
        "kind": EvidenceKind,
    }

    date: dt.date
    quote: str
    scene: str = ""
    next_step: str = ""
    kind: EvidenceKind = EvidenceKind.conversation
    kpi_id: str | None = None
    cycle_id: str | None = None  # a learning cycle it was captured in (no foreign key here)

    def check(self) -> Self:
        """The phrase that changed."""
        self.quote = required(self.quote, "quote")
        return self

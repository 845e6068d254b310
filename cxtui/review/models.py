"""Weekly-review models: a dated review and what was entered in it (see `cxtui.models`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Self

from cxtui.cycles.models import one_only
from cxtui.models import Conversion, Record

BUDGET_SECONDS = 15 * 60  # seed 001: "会議を短くする:15分で「学び」と「次の一歩」だけ決める"


class Step(StrEnum):
    """The six steps of the review, in order."""

    krs = "krs"
    kpis = "kpis"
    voices = "voices"
    cycles = "cycles"
    nps = "nps"
    close = "close"


STEPS: tuple[Step, ...] = tuple(Step)


class ItemKind(StrEnum):
    """What a review item records: a KR check-in, a KPI value, a voice, a cycle's review."""

    kr = "kr"
    kpi = "kpi"
    voice = "voice"
    cycle = "cycle"


def _optional_float(value: float | None) -> float | None:
    return None if value is None else float(value)


@dataclass(slots=True, kw_only=True)
class Review(Record):
    """One weekly review: when it ran, how far it got, and the learning and next step it ended with."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {"date": dt.date.fromisoformat}

    date: dt.date
    started: str  # UTC timestamp
    finished: str | None = None  # None while it is under way (or was left part-way)
    step: int = 1  # the furthest step reached, 1..6
    seconds: int = 0  # time spent in it, over every sitting
    learning: str = ""
    next_step: str = ""
    notes: str = ""

    def check(self) -> Self:
        """One line learned and one next step."""
        self.learning = one_only(self.learning, "learning", "cycles.err.one_line")
        self.next_step = one_only(self.next_step, "next_step", "cycles.err.one_next_step")
        if not 1 <= self.step <= len(STEPS):
            raise ValueError("step|review.err.bad_step")
        return self

    @property
    def done(self) -> bool:
        """Whether it was finished (ended with its learning and next step)."""
        return self.finished is not None


@dataclass(slots=True, kw_only=True)
class ReviewItem(Record):
    """What was entered for one item of a review: a KR's check-in, a KPI's value, a captured voice,
    a cycle's learning; `record_id` is the row it wrote (check-in, KPI value, evidence, cycle)."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "kind": ItemKind,
        "value": _optional_float,
    }

    review_id: str
    kind: ItemKind
    ref_id: str | None = None  # the KR, KPI or cycle
    value: float | None = None
    text: str = ""
    record_id: str | None = None

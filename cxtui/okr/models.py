"""OKR models: periods, objectives, key results and check-ins (see `cxtui.models` for the convention)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Self

from cxtui.models import Conversion, Record, required


class KRKind(StrEnum):
    """How a key result's progress is measured."""

    increase = "increase"
    decrease = "decrease"
    stay_above = "stay_above"
    stay_below = "stay_below"
    milestone = "milestone"


class Confidence(StrEnum):
    """Check-in confidence, kept apart from progress."""

    on_track = "on_track"
    at_risk = "at_risk"
    off_track = "off_track"


class Band(StrEnum):
    """Grading band (Google/Doerr)."""

    green = "green"
    amber = "amber"
    red = "red"


@dataclass(slots=True, kw_only=True)
class Period(Record):
    """A time box for objectives: a calendar quarter by default, any date range allowed."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "start": dt.date.fromisoformat,
        "end": dt.date.fromisoformat,
    }

    name: str
    start: dt.date
    end: dt.date

    def check(self) -> Self:
        """A name, and an end on or after the start."""
        self.name = required(self.name, "name")
        if self.end < self.start:
            raise ValueError("end|common.err.end_before_start")
        return self

    @property
    def days(self) -> int:
        """Length of the period in days, both ends included."""
        return (self.end - self.start).days + 1


@dataclass(slots=True, kw_only=True)
class Objective(Record):
    """A qualitative objective; may align to a parent objective of the same period."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {"rollup": bool}

    period_id: str
    parent_id: str | None = None
    title: str
    owner: str = ""
    description: str = ""
    position: int = 0
    rollup: bool = False

    def check(self) -> Self:
        """A title."""
        self.title = required(self.title, "title")
        return self


def _optional_confidence(value: str | None) -> Confidence | None:
    return None if value is None else Confidence(value)


@dataclass(slots=True, kw_only=True)
class KeyResult(Record):
    """A quantitative key result of one objective."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "kind": KRKind,
        "confidence": _optional_confidence,
    }

    objective_id: str
    title: str
    kind: KRKind = KRKind.increase
    start: float = 0.0
    target: float = 1.0
    current: float | None = None
    confidence: Confidence | None = None
    unit: str = ""
    weight: float = 1.0
    owner: str = ""
    position: int = 0

    def check(self) -> Self:
        """A title, a positive weight, and a target that fits the kind."""
        self.title = required(self.title, "title")
        if not self.weight > 0:
            raise ValueError("weight|common.err.positive")
        if self.kind is KRKind.milestone:
            return self
        if self.kind in (KRKind.increase, KRKind.decrease) and self.target == self.start:
            raise ValueError("target|common.err.target_equals_start")
        if self.kind is KRKind.increase and self.target < self.start:
            raise ValueError("target|common.err.target_below_start")
        if self.kind is KRKind.decrease and self.target > self.start:
            raise ValueError("target|common.err.target_above_start")
        return self

    @property
    def value(self) -> float:
        """The latest value: the last check-in, or the start value before any check-in."""
        return self.start if self.current is None else self.current


@dataclass(slots=True, kw_only=True)
class CheckIn(Record):
    """A weekly check-in on a key result."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "date": dt.date.fromisoformat,
        "confidence": Confidence,
    }

    kr_id: str
    date: dt.date
    value: float
    confidence: Confidence = Confidence.on_track
    note: str = ""
    blocker: str = ""

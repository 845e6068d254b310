"""Domain models (pydantic): periods, objectives, key results and check-ins.

Validation errors name the field at fault so dialogs can show them beside the input.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


def new_id() -> str:
    """A fresh UUID4 key as text (rows are keyed by UUID so files can later be merged)."""
    return str(uuid.uuid4())


def utc_now() -> str:
    """Current UTC time as an ISO-8601 string, the format of created/updated columns."""
    return datetime.now(UTC).isoformat(timespec="seconds")


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


class Record(BaseModel):
    """Base of every stored row: UUID key and timestamps."""

    model_config = ConfigDict(validate_assignment=True, extra="ignore")

    id: str = Field(default_factory=new_id)
    created: str = Field(default_factory=utc_now)
    updated: str = Field(default_factory=utc_now)


def _strip_required(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("err.empty")
    return value


class Period(Record):
    """A time box for objectives: a calendar quarter by default, any date range allowed."""

    name: str
    start: date
    end: date

    _check_name = field_validator("name")(classmethod(lambda cls, v: _strip_required(v)))

    @model_validator(mode="after")
    def _end_after_start(self) -> Self:
        if self.end < self.start:
            raise ValueError("end|err.end_before_start")
        return self

    @property
    def days(self) -> int:
        """Length of the period in days, both ends included."""
        return (self.end - self.start).days + 1


class Objective(Record):
    """A qualitative objective; may align to a parent objective of the same period."""

    period_id: str
    parent_id: str | None = None
    title: str
    owner: str = ""
    description: str = ""
    position: int = 0
    rollup: bool = False

    _check_title = field_validator("title")(classmethod(lambda cls, v: _strip_required(v)))


class KeyResult(Record):
    """A quantitative key result of one objective."""

    objective_id: str
    title: str
    kind: KRKind = KRKind.increase
    start: float = 0.0
    target: float = 1.0
    current: float | None = None
    confidence: Confidence | None = None
    unit: str = ""
    weight: float = Field(default=1.0, gt=0)
    owner: str = ""
    position: int = 0

    _check_title = field_validator("title")(classmethod(lambda cls, v: _strip_required(v)))

    @model_validator(mode="after")
    def _target_fits_kind(self) -> Self:
        if self.kind is KRKind.milestone:
            return self
        if self.kind in (KRKind.increase, KRKind.decrease) and self.target == self.start:
            raise ValueError("target|err.target_equals_start")
        if self.kind is KRKind.increase and self.target < self.start:
            raise ValueError("target|err.target_below_start")
        if self.kind is KRKind.decrease and self.target > self.start:
            raise ValueError("target|err.target_above_start")
        return self

    @property
    def value(self) -> float:
        """The latest value: the last check-in, or the start value before any check-in."""
        return self.start if self.current is None else self.current


class CheckIn(Record):
    """A weekly check-in on a key result."""

    kr_id: str
    date: date
    value: float
    confidence: Confidence = Confidence.on_track
    note: str = ""
    blocker: str = ""

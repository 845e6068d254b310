"""Domain models (pydantic): periods, objectives, key results and check-ins.

Validation errors name the field at fault so dialogs can show them beside the input.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Self, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


def new_id() -> str:
    """A fresh UUID4 key as text (rows are keyed by UUID so files can later be merged)."""
    # Formatted by hand: importing `uuid` costs ~5 ms of startup for one function.
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


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

    # defer_build: schemas are built on first validation, not at import (~50 ms of startup).
    model_config = ConfigDict(validate_assignment=True, extra="ignore", defer_build=True)

    id: str = Field(default_factory=new_id)
    created: str = Field(default_factory=utc_now)
    updated: str = Field(default_factory=utc_now)


def _strip_required(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("err.empty")
    return value


R = TypeVar("R", bound="Record")


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


Conversion = Callable[[Any], Any]


def _optional(kind: type[Confidence]) -> Conversion:
    return lambda value: None if value is None else kind(value)


# How a stored row's columns become model values without running validation (see `from_row`).
_ROW_CONVERSIONS: dict[type[Record], dict[str, Conversion]] = {
    Period: {"start": date.fromisoformat, "end": date.fromisoformat},
    Objective: {"rollup": bool},
    KeyResult: {"kind": KRKind, "confidence": _optional(Confidence)},
    CheckIn: {"date": date.fromisoformat, "confidence": Confidence},
}


def from_row(model: type[R], row: dict[str, Any]) -> R:
    """A model from a row of its own table, converted but not validated.

    Rows were validated when written; re-validating every row on each read costs the first paint
    of a large workspace ~30 ms (and builds pydantic's validators before they are needed).
    """
    conversions = _ROW_CONVERSIONS.get(model, {})
    values: dict[str, Any] = {
        key: conversions[key](value) if key in conversions else value
        for key, value in row.items()
        if key in model.model_fields
    }
    return cast(R, model.model_construct(**values))

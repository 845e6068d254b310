"""Domain models: periods, objectives, key results and check-ins, as plain dataclasses.

Reading a workspace builds thousands of these, so they are stdlib dataclasses: no validation on
construction, nothing heavy to import (pydantic costs ~45 ms of start-up). Input is validated by
pydantic at the edges: `cxtui.validation.validated()` coerces and type-checks the fields and then
runs the model's `check()` (the domain rules), and every OKR edit in `cxtui.okr` re-validates what
it saves. Errors name the field at fault so dialogs can show them beside the input.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum, StrEnum
from typing import Any, ClassVar, Self, TypeVar


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
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


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


def _required(value: str, field_name: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError(f"{field_name}|err.empty")
    return value


Conversion = Callable[[Any], Any]


@dataclass(slots=True, kw_only=True)
class Record:
    """Base of every stored row: UUID key and timestamps."""

    # How a stored column becomes the field's value (dates are ISO text, enums their value).
    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {}

    id: str = field(default_factory=new_id)
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)

    def check(self) -> Self:
        """Apply the domain rules (run by pydantic after it has checked the field types).

        Raises ValueError("field|err.key"): the field at fault and an i18n key for the message.
        """
        return self


R = TypeVar("R", bound=Record)


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
        self.name = _required(self.name, "name")
        if self.end < self.start:
            raise ValueError("end|err.end_before_start")
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
        self.title = _required(self.title, "title")
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
        self.title = _required(self.title, "title")
        if not self.weight > 0:
            raise ValueError("weight|err.positive")
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


_FIELD_NAMES: dict[type[Record], frozenset[str]] = {}


def field_names(model: type[Record]) -> frozenset[str]:
    """The names of a model's fields (its table's columns)."""
    names = _FIELD_NAMES.get(model)
    if names is None:
        names = _FIELD_NAMES[model] = frozenset(f.name for f in fields(model))
    return names


def values_of(record: Record) -> dict[str, Any]:
    """A record's field values by name (a shallow copy, unlike `dataclasses.asdict`)."""
    return {name: getattr(record, name) for name in field_names(type(record))}


def from_row(model: type[R], row: dict[str, Any]) -> R:
    """A model from a row of its own table, converted but not validated.

    Rows were validated when written, and re-checking thousands of them would slow every open; a
    row edited by hand outside cxtui still opens rather than making the whole workspace unreadable.
    """
    conversions = model.ROW_CONVERSIONS
    names = field_names(model)
    values: dict[str, Any] = {
        key: conversions[key](value) if key in conversions else value
        for key, value in row.items()
        if key in names
    }
    return model(**values)


def to_row(record: Record) -> dict[str, Any]:
    """A record as a database row: dates as ISO text, enums as their value, booleans as 0/1."""
    row: dict[str, Any] = {}
    for name, value in values_of(record).items():
        if isinstance(value, bool):
            value = int(value)
        elif isinstance(value, Enum):
            value = value.value
        elif isinstance(value, dt.date):
            value = value.isoformat()
        row[name] = value
    return row

"""The one model convention of every domain: a stored row is a `Record` dataclass.

Reading a workspace builds thousands of models, so they are stdlib dataclasses (`slots`,
`kw_only`): no validation on construction, nothing heavy to import (pydantic costs ~45 ms of
start-up). A model declares how stored columns become field values (`ROW_CONVERSIONS`) and its
domain rules (`check()`); `from_row` / `to_row` convert both ways for every domain alike. Input is
validated by pydantic at the edges (`cxtui.validation.validated()`), which runs `check()` after the
field types; errors name the field at fault so dialogs can show them beside the input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, ClassVar, Self, TypeVar

from cxtui.ids import new_id, utc_now


def required(value: str, field_name: str) -> str:
    """`value` stripped; ValueError("field|err.key") when nothing is left (for `check()`)."""
    value = value.strip()
    if not value:
        raise ValueError(f"{field_name}|common.err.empty")
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

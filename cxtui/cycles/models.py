"""Learning-cycle models: a cycle and the KPIs it watches (see `cxtui.models` for the convention)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Self

from cxtui.models import Conversion, Record, required

DEFAULT_DAYS = 14  # seed 001: "2週間で回す"


class CycleState(StrEnum):
    """Where a cycle is: planned, running, or reviewed (its learning is in the log)."""

    planned = "planned"
    running = "running"
    reviewed = "reviewed"


# What separates statements: a line break or a semicolon; and enumerations, once they reach a
# second item ("1) … 2) …", "① … ②", "・… ・…"). One statement may hold commas, "and", "2.5".
_BREAKS = re.compile(r"[\r\n;；]+")
_NUMBERED = re.compile(r"(?:^|\s)[(（]?(\d)[.)）]\s")
_CIRCLED = re.compile(r"[①②③④⑤⑥⑦⑧⑨]")
_BULLET = re.compile(r"(?:^|\s)[・•]")


def split_items(text: str) -> list[str]:
    """The separate statements of `text`: one item when it states one thing, none when empty."""
    parts = [text]
    numbers = [m.group(1) for m in _NUMBERED.finditer(text)]
    if "1" in numbers and "2" in numbers[numbers.index("1") :]:
        parts = _NUMBERED.split(text)[::2]  # split() also returns the captured digits
    elif len(_CIRCLED.findall(text)) >= 2:
        parts = _CIRCLED.split(text)
    elif len(_BULLET.findall(text)) >= 2:
        parts = _BULLET.split(text)
    items = [piece.strip(" 、,.\t・•") for part in parts for piece in _BREAKS.split(part)]
    return [item for item in items if item]


def one_only(text: str, field: str, key: str) -> str:
    """`text` stripped; ValueError("field|key") when it holds more than one statement."""
    text = text.strip()
    if len(split_items(text)) > 1:
        raise ValueError(f"{field}|{key}")
    return text


@dataclass(slots=True, kw_only=True)
class Cycle(Record):
    """A learning cycle: exactly one hypothesis and one change, judged by the KPIs it watches."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "start": dt.date.fromisoformat,
        "end": dt.date.fromisoformat,
        "state": CycleState,
    }

    title: str
    state: CycleState = CycleState.planned
    start: dt.date
    end: dt.date
    hypothesis: str = ""
    change: str = ""
    learning: str = ""
    next_step: str = ""
    previous_id: str | None = None  # the cycle whose next step this one carries on

    def check(self) -> Self:
        """A title; an end on or after the start; one hypothesis, one change, one line learned, one
        next step; a reviewed cycle has its learning and next step."""
        self.title = required(self.title, "title")
        if self.end < self.start:
            raise ValueError("end|common.err.end_before_start")
        self.hypothesis = one_only(self.hypothesis, "hypothesis", "cycles.err.one_hypothesis")
        self.change = one_only(self.change, "change", "cycles.err.one_change")
        self.learning = one_only(self.learning, "learning", "cycles.err.one_line")
        self.next_step = one_only(self.next_step, "next_step", "cycles.err.one_next_step")
        if self.state is CycleState.reviewed:
            required(self.learning, "learning")
            required(self.next_step, "next_step")
        return self

    @property
    def days(self) -> int:
        """Length in days, both ends included."""
        return (self.end - self.start).days + 1

    def overdue(self, today: dt.date) -> bool:
        """Past its end and not reviewed yet (the board flags it)."""
        return self.state is not CycleState.reviewed and today > self.end

    def days_left(self, today: dt.date) -> int:
        """Days until the end, today included (0 once it has ended)."""
        return max(0, (self.end - today).days + 1)


@dataclass(slots=True, kw_only=True)
class CycleKpi(Record):
    """A KPI a cycle watches (no foreign key to the KPI: deleting a KPI leaves the cycle readable)."""

    cycle_id: str
    kpi_id: str
    position: int = 0

"""Loyalty and ROX models: a month of loyalty figures, a deal of the ROX log, an import.

Stored rows follow the one model convention (`cxtui.models.Record`). Rates are stored in percent
(12.4 means 12.4 %), as people type them. Domain rules live in `check()`; `checked()` turns a
broken rule into an InputError naming the field in the user's language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Self, TypeVar

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.models import Conversion, Record

if TYPE_CHECKING:
    # Only named in annotations: the dashboard reads ROX without loading the importers (~8 ms).
    from cxtui.importing.table import RejectedRow

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
# Control characters (C0, DEL, C1) never reach a terminal: a name is one line of text.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """`text` as one line: control characters and runs of whitespace become single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


# The figures of a month, in the order tables and files show them.
FIGURES = ("repurchase_rate", "referrals", "churn_rate", "months_retained", "average_spend")
SIGNALS = ("came_by_name", "already_understood", "no_price_negotiation")


class Outcome(StrEnum):
    """Where a deal stands: still open, won, or lost (won and lost are "decided")."""

    open = "open"
    won = "won"
    lost = "lost"


def month_key(day: dt.date) -> str:
    """The month of a date as stored and shown: `2026-11`."""
    return f"{day.year:04d}-{day.month:02d}"


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass(slots=True, kw_only=True)
class LoyaltyMonth(Record):
    """One month of the loyalty figures of seed 002 (any of them may be blank)."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "repurchase_rate": _optional_float,
        "referrals": _optional_int,
        "churn_rate": _optional_float,
        "months_retained": _optional_float,
        "average_spend": _optional_float,
    }

    month: str  # YYYY-MM
    repurchase_rate: float | None = None  # percent of customers who bought again
    referrals: int | None = None  # customers referred by customers
    churn_rate: float | None = None  # percent of customers lost in the month
    months_retained: float | None = None  # how many months a customer stays, when known
    average_spend: float | None = None  # per customer per month
    note: str = ""
    import_id: str | None = None

    def check(self) -> Self:
        """A YYYY-MM month, at least one figure, rates within 0–100, no negative figures."""
        self.month = self.month.strip()
        if not _MONTH.fullmatch(self.month):
            raise ValueError("month|loyalty.err.month")
        if all(getattr(self, name) is None for name in FIGURES):
            raise ValueError("repurchase_rate|loyalty.err.no_figures")
        for name in ("repurchase_rate", "churn_rate"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 100:
                raise ValueError(f"{name}|loyalty.err.rate_range")
        if self.referrals is not None and self.referrals < 0:
            raise ValueError("referrals|loyalty.err.negative")
        if self.months_retained is not None and not self.months_retained > 0:
            raise ValueError("months_retained|loyalty.err.positive")
        if self.average_spend is not None and self.average_spend < 0:
            raise ValueError("average_spend|loyalty.err.negative")
        self.note = one_line(self.note)
        return self


@dataclass(slots=True, kw_only=True)
class Deal(Record):
    """A deal or inquiry of the ROX log: when, who, the three signals, and its outcome."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "date": dt.date.fromisoformat,
        "came_by_name": bool,
        "already_understood": bool,
        "no_price_negotiation": bool,
        "outcome": Outcome,
    }

    date: dt.date
    name: str
    came_by_name: bool = False  # 指名: they asked for us by name
    already_understood: bool = False  # 説明不要: they already understood what we offer
    no_price_negotiation: bool = False  # 価格交渉なし: the price was not haggled over
    outcome: Outcome = Outcome.open
    note: str = ""
    import_id: str | None = None
    line: int | None = None  # line of the imported file it came from

    @property
    def favourable(self) -> bool:
        """Whether the deal started favourable: at least one of the three signals is set."""
        return self.came_by_name or self.already_understood or self.no_price_negotiation

    def check(self) -> Self:
        """A name (one line)."""
        name = one_line(self.name)
        if not name:
            raise ValueError("name|loyalty.err.empty")
        self.name = name
        self.note = one_line(self.note)
        return self


R = TypeVar("R", LoyaltyMonth, Deal)


def checked(record: R) -> R:
    """`record` after its domain rules; InputError naming the field (in the UI language) if one fails."""
    try:
        return record.check()
    except ValueError as exc:
        field, _, key = str(exc).partition("|")
        raise InputError(f"{t(f'loyalty.field.{field}')}: {t(key)}", field=field) from None


class ParsedMonth(NamedTuple):
    """A month read from a file: its line, the figures it gives (None: blank), the raw row."""

    line: int
    month: LoyaltyMonth
    raw: str


class ParsedDeal(NamedTuple):
    """A deal read from a file (a plain tuple: a 100,000-row import builds one per row)."""

    line: int
    date: str  # ISO date
    name: str
    came_by_name: bool
    already_understood: bool
    no_price_negotiation: bool
    outcome: str
    note: str
    row: list[str]  # the row as read (made into a CSV line only if it is rejected)


@dataclass
class ParsedFile:
    """What an importer read from one file, before it meets the workspace."""

    kind: str  # "months" | "deals"
    source: str
    sha256: str
    encoding: str
    columns: dict[str, str]  # role -> header as written in the file
    months: list[ParsedMonth]
    deals: list[ParsedDeal]
    skipped: list[RejectedRow]
    rejected: list[RejectedRow]
    notes: list[str]
    # A deal log parsed lazily (`parse_deals(..., lazy=True)`): its rows, read once as the import
    # asks for them, adding to `skipped` and `rejected` on the way; `deals` stays empty.
    reader: Callable[[], Iterator[ParsedDeal]] | None = field(default=None, repr=False)

    def deal_rows(self) -> Iterator[ParsedDeal]:
        """The deals: those already read, or (lazily parsed) read now, once."""
        yield from self.deals
        reader, self.reader = self.reader, None
        if reader is not None:
            yield from reader()


@dataclass
class ImportResult:
    """What an import did: rows added (or months completed), skipped and rejected, each with its line."""

    kind: str
    source: str
    encoding: str
    columns: dict[str, str]
    imported: int
    skipped: list[RejectedRow]
    rejected: list[RejectedRow]
    notes: list[str]

"""OKR periods: reads, the default period, adding, renaming and re-dating (overlaps are refused
unless the user confirms them), and the workspace settings about periods (the fiscal year).
"""

from __future__ import annotations

from datetime import date

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.models import from_row, to_row
from cxtui.okr.models import Period
from cxtui.okr.quarters import following_period, quarter_of
from cxtui.validation import checked

FISCAL_START = "okr.fiscal_start_month"
NOTE = "okr.note"


class PeriodOverlap(InputError):
    """A period would overlap others; `add_period`/`save_period`/`start_period` with
    `allow_overlap=True` accept it (the user said yes)."""

    def __init__(self, period: Period, others: list[Period]) -> None:
        names = ", ".join(f"{p.name} ({p.start.isoformat()} – {p.end.isoformat()})" for p in others)
        super().__init__(
            f"{t('common.field.start_date')}: {t('okr.period.overlap', names=names)}", field="start"
        )
        self.period = period
        self.others = others


# -- reads -------------------------------------------------------------------------------


def periods(store: Store) -> list[Period]:
    """Every period, oldest first."""
    return store.models(Period, 'SELECT * FROM periods ORDER BY start, "end", name')


def find_period(store: Store, period_id: str) -> Period | None:
    """One period by id."""
    row = store.get_row("periods", period_id)
    return None if row is None else from_row(Period, row)


def period_on(store: Store, day: date) -> Period | None:
    """The period that contains `day` (the shortest one if several do)."""
    found = store.models(
        Period,
        'SELECT * FROM periods WHERE start <= ? AND "end" >= ? '
        'ORDER BY julianday("end") - julianday(start), start DESC LIMIT 1',
        [day.isoformat(), day.isoformat()],
    )
    return found[0] if found else None


def default_period(store: Store, today: date) -> Period | None:
    """The period shown when none is asked for: the one containing today, else the latest that has
    started, else the first to come; None for a workspace without periods (screen and report agree)."""
    current = period_on(store, today)
    if current is not None:
        return current
    every = periods(store)  # ordered by start, end
    started = [p for p in every if p.start <= today]
    if started:
        return started[-1]
    return every[0] if every else None


# -- settings and edits -------------------------------------------------------------------


def fiscal_start_month(store: Store) -> int:
    """The month the workspace's fiscal year starts in (1 = calendar quarters, 4 = April...)."""
    raw = store.setting(FISCAL_START, "1") or "1"
    month = int(raw) if raw.isdigit() else 1
    return month if 1 <= month <= 12 else 1


def set_fiscal_start_month(store: Store, month: int) -> None:
    """Remember the fiscal year's first month (a workspace setting, like the language of a file)."""
    if not 1 <= month <= 12:
        raise InputError(f"{t('okr.period.fiscal_start')}: {t('okr.period.month_range')}", field="fiscal")
    store.set_setting(FISCAL_START, str(month))


def current_quarter(store: Store, today: date) -> Period:
    """The quarter of the workspace's fiscal year containing `today`, unsaved (a new workspace's period)."""
    return quarter_of(today, fiscal_start_month(store))


def next_period(store: Store) -> Period | None:
    """The period proposed to start next: after the last one, following the fiscal year setting."""
    every = periods(store)
    return following_period(every[-1], fiscal_start_month(store)) if every else None


def overlapping(store: Store, period: Period) -> list[Period]:
    """The other periods sharing at least one day with `period`."""
    return store.models(
        Period,
        'SELECT * FROM periods WHERE id != ? AND start <= ? AND "end" >= ? ORDER BY start',
        [period.id, period.end.isoformat(), period.start.isoformat()],
    )


def refuse_overlap(store: Store, period: Period, allow_overlap: bool) -> None:
    """PeriodOverlap when `period` shares days with another, unless `allow_overlap`."""
    if not allow_overlap:
        others = overlapping(store, period)
        if others:
            raise PeriodOverlap(period, others)


def add_period(store: Store, period: Period, *, allow_overlap: bool = False) -> Period:
    """Add a period; PeriodOverlap unless `allow_overlap` when it shares days with another."""
    period = checked(period)
    refuse_overlap(store, period, allow_overlap)
    with store.action(t("okr.act.add_period")):
        store.insert_row("periods", to_row(period))
    return period


def save_period(store: Store, period: Period, *, allow_overlap: bool = False) -> Period:
    """Rename or re-date a period (one undo step); PeriodOverlap as `add_period`."""
    period = checked(period)
    if find_period(store, period.id) is None:
        return add_period(store, period, allow_overlap=allow_overlap)
    refuse_overlap(store, period, allow_overlap)
    with store.action(t("okr.act.save_period")):
        store.save("periods", period)
    return period


def note(store: Store) -> str:
    """The workspace's own note on how its numbers were reported (the demo's: NexBridge's rates)."""
    return store.setting(NOTE, "") or ""

"""Start a new period by copying chosen objectives with their values reset; rename or re-date one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, SelectionList, Static

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.models import values_of
from cxtui.okr.models import Objective, Period
from cxtui.okr.quarters import quarter_of
from cxtui.validation import parse_date, validated
from screens.shared.form import FieldInput, FormDialog, field_row


@dataclass
class NewPeriod:
    """The dialog's result: the period to create and the objectives to copy into it."""

    period: Period
    objective_ids: list[str]


class NewPeriodDialog(FormDialog[NewPeriod]):
    """Name and dates (defaulting to the period after the current one), objectives to carry over."""

    title_key = "okr.dialog.new_period"

    def __init__(
        self, proposal: Period, objectives: list[tuple[Objective, int]], chosen: set[str] | None = None
    ) -> None:
        super().__init__()
        self.proposal = proposal
        self.objectives = objectives
        self.chosen = chosen  # None: every objective

    def body(self) -> ComposeResult:
        """Name, start, end, and the objectives of the current period (all chosen by default)."""
        yield from field_row("common.field.name", FieldInput(self.proposal.name, id="name"))
        yield from field_row(
            "common.field.start_date", FieldInput(self.proposal.start.isoformat(), id="start")
        )
        yield from field_row("common.field.end", FieldInput(self.proposal.end.isoformat(), id="end"))
        yield Static(t("okr.dialog.carry_over"), classes="dialog-context")
        yield SelectionList[str](
            *[
                ("  " * depth + o.title, o.id, self.chosen is None or o.id in self.chosen)
                for o, depth in self.objectives
            ],
            id="carry",
        )

    def build(self) -> NewPeriod:
        """The validated period and the chosen objective ids (in tree order)."""
        period = validated(
            Period,
            {
                "name": self.value_of("name"),
                "start": parse_date(self.value_of("start"), "start", "common.field.start_date"),
                "end": parse_date(self.value_of("end"), "end"),
            },
        )
        chosen = set(self.query_one("#carry", SelectionList).selected)
        return NewPeriod(period, [o.id for o, _ in self.objectives if o.id in chosen])


@dataclass
class PeriodEdit:
    """The edit dialog's result: the renamed or re-dated period and the fiscal year's first month."""

    period: Period
    fiscal_month: int


class PeriodDialog(FormDialog[PeriodEdit]):
    """Name, start, end, and the workspace's fiscal-year start month.

    While the period's fields still hold the quarter the old month gave (a new workspace's first
    period), changing the month moves them to the matching quarter of the new fiscal year.
    """

    title_key = "okr.dialog.edit_period"

    def __init__(self, period: Period, draft: Period, fiscal_month: int, today: date) -> None:
        super().__init__()
        self.period = period
        self.draft = draft
        self.fiscal_month = fiscal_month
        # The day whose quarter the fields follow: today when the period holds it, else its start.
        self.anchor_day = today if period.start <= today <= period.end else period.start

    def body(self) -> ComposeResult:
        """Name, start, end, fiscal-year start month."""
        draft = self.draft
        yield from field_row("common.field.name", FieldInput(draft.name, id="name"))
        yield from field_row("common.field.start_date", FieldInput(draft.start.isoformat(), id="start"))
        yield from field_row("common.field.end", FieldInput(draft.end.isoformat(), id="end"))
        yield from field_row(
            "okr.period.fiscal_start",
            FieldInput(str(self.fiscal_month), id="fiscal", type="integer", max_length=2),
            t("okr.dialog.fiscal_hint"),
        )

    def on_mount(self) -> None:
        """Start in the name."""
        self.query_one("#name", Input).focus()

    def _shown(self) -> tuple[str, str, str]:
        return self.value_of("name"), self.value_of("start"), self.value_of("end")

    @on(Input.Changed, "#fiscal")
    def _fiscal_changed(self, event: Input.Changed) -> None:
        month = _month(event.value)
        if month is None or month == self.fiscal_month:
            return
        before = quarter_of(self.anchor_day, self.fiscal_month)
        if self._shown() == (before.name, before.start.isoformat(), before.end.isoformat()):
            after = quarter_of(self.anchor_day, month)
            self.query_one("#name", Input).value = after.name
            self.query_one("#start", Input).value = after.start.isoformat()
            self.query_one("#end", Input).value = after.end.isoformat()
        self.fiscal_month = month

    def build(self) -> PeriodEdit:
        """The validated period (same id) and the month."""
        month = _month(self.value_of("fiscal"))
        if month is None:
            raise InputError(f"{t('okr.period.fiscal_start')}: {t('okr.period.month_range')}", field="fiscal")
        data = values_of(self.period)
        data.update(
            name=self.value_of("name"),
            start=parse_date(self.value_of("start"), "start", "common.field.start_date"),
            end=parse_date(self.value_of("end"), "end"),
        )
        return PeriodEdit(validated(Period, data), month)


def _month(raw: str) -> int | None:
    text = raw.strip()
    month = int(text) if text.isdigit() else 0
    return month if 1 <= month <= 12 else None

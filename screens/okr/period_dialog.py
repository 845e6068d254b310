"""Start a new period by copying chosen objectives with their values reset."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import SelectionList, Static

from cxtui.i18n import t
from cxtui.okr.models import Objective, Period
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

    def __init__(self, proposal: Period, objectives: list[tuple[Objective, int]]) -> None:
        super().__init__()
        self.proposal = proposal
        self.objectives = objectives

    def body(self) -> ComposeResult:
        """Name, start, end, and the objectives of the current period (all chosen by default)."""
        yield from field_row("common.field.name", FieldInput(self.proposal.name, id="name"))
        yield from field_row(
            "common.field.start_date", FieldInput(self.proposal.start.isoformat(), id="start")
        )
        yield from field_row("common.field.end", FieldInput(self.proposal.end.isoformat(), id="end"))
        yield Static(t("okr.dialog.carry_over"), classes="dialog-context")
        yield SelectionList[str](
            *[("  " * depth + o.title, o.id, True) for o, depth in self.objectives], id="carry"
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

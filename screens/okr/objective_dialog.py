"""Add or edit an objective."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from cxtui.i18n import t
from cxtui.models import values_of
from cxtui.okr.models import Objective
from cxtui.validation import validated
from screens.shared.checkbox import CheckBox as Checkbox
from screens.shared.form import FieldInput, FormDialog, field_row


class ObjectiveDialog(FormDialog[Objective]):
    """Title, owner, description, roll-up. `parent_title` says where a new objective aligns."""

    def __init__(self, objective: Objective, parent_title: str | None, *, is_new: bool) -> None:
        super().__init__()
        self.objective = objective
        self.parent_title = parent_title
        self.is_new = is_new

    def dialog_title(self) -> str:
        """Add or edit."""
        return t("okr.dialog.add_objective") if self.is_new else t("okr.dialog.edit_objective")

    def body(self) -> ComposeResult:
        """The objective's fields."""
        yield Static(
            f"{t('common.field.aligned_to')}: {self.parent_title or t('okr.dialog.top_level')}",
            classes="dialog-context",
            markup=False,
        )
        yield from field_row("common.field.title", FieldInput(self.objective.title, id="title"))
        yield from field_row("common.field.owner", FieldInput(self.objective.owner, id="owner"))
        yield from field_row(
            "common.field.description", FieldInput(self.objective.description, id="description")
        )
        yield Checkbox(t("common.field.rollup_long"), self.objective.rollup, id="rollup")

    def on_mount(self) -> None:
        """Start in the title."""
        self.query_one("#title", Input).focus()

    def build(self) -> Objective:
        """Validated copy of the objective with the typed values."""
        data = values_of(self.objective)
        data.update(
            title=self.value_of("title"),
            owner=self.value_of("owner").strip(),
            description=self.value_of("description").strip(),
            rollup=self.query_one("#rollup", Checkbox).value,
        )
        return validated(Objective, data)

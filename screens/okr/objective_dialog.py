"""Add or edit an objective, including what it is aligned to."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select

from cxtui.i18n import t
from cxtui.models import values_of
from cxtui.okr.models import Objective
from cxtui.validation import validated
from screens.shared.checkbox import CheckBox as Checkbox
from screens.shared.form import FieldInput, FormDialog, field_row

TOP_LEVEL = ""  # the "aligned to" choice of a top-level objective


class ObjectiveDialog(FormDialog[Objective]):
    """Aligned to, title, owner, description, roll-up.

    `parents` are the objectives it may align to, as (label, id) in tree order: the screen leaves
    out the objective itself and those aligned under it (the core refuses them too).
    """

    def __init__(self, objective: Objective, parents: list[tuple[Text, str]], *, is_new: bool) -> None:
        super().__init__()
        self.objective = objective
        self.parents = parents
        self.is_new = is_new

    def dialog_title(self) -> str:
        """Add or edit."""
        return t("okr.dialog.add_objective") if self.is_new else t("okr.dialog.edit_objective")

    def body(self) -> ComposeResult:
        """The objective's fields."""
        options = [(Text(t("okr.dialog.top_level")), TOP_LEVEL), *self.parents]
        known = {value for _label, value in options}
        current = self.objective.parent_id or TOP_LEVEL
        yield from field_row(
            "common.field.aligned_to",
            Select(options, value=current if current in known else TOP_LEVEL, allow_blank=False, id="parent"),
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
        parent = str(self.query_one("#parent", Select).value)
        data.update(
            parent_id=parent or None,
            title=self.value_of("title"),
            owner=self.value_of("owner").strip(),
            description=self.value_of("description").strip(),
            rollup=self.query_one("#rollup", Checkbox).value,
        )
        return validated(Objective, data)

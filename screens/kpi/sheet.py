"""The definitions sheet (seed 002's A4 page): every KPI's definition, how it is asked or counted,
its formula, cadence and owner, one row each, edited in place in the line under the table; below
them, read-only, the LTV·ROX formulas the report's sheet lists too."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

from cxtui.i18n import t
from cxtui.kpi.models import Cadence, Kpi
from cxtui.kpi.repo import SHEET_FIELDS
from cxtui.kpi.texts import layer_text, one_line
from screens.shared.choice import ChoiceBar
from screens.shared.literal_table import LiteralDataTable
from screens.shared.translate import translate_bindings

NAME_WIDTH = 24  # at most; a quarter of the width on a narrow terminal
FIELD_WIDTH = 16


class DefinitionsSheet(Vertical):
    """Rows of (KPI, item, text); enter edits the text of the row under the cursor (a KPI's row: the
    LTV·ROX formulas under them are fixed)."""

    BINDINGS = [
        Binding("escape", "cancel", "kpi.key.cancel_edit", show=False),
        Binding("enter", "commit", "kpi.key.save_edit", show=False),
    ]

    class Edited(Message):
        """The user changed one field of one KPI's definition."""

        def __init__(self, kpi_id: str, field: str, text: str) -> None:
            super().__init__()
            self.kpi_id = kpi_id
            self.field = field
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.kpis: list[Kpi] = []
        # The report's other formulas ({"name", "definition", "formula"}), shown under the KPIs.
        self.formulas: list[dict[str, Any]] = []
        self.rows: list[tuple[str, str] | None] = []  # (kpi id, field) of each row; None: a formula's
        self.editing: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        """Note, table, edit line (hidden until enter)."""
        yield Static(t("kpi.sheet.note"), classes="dim-line", id="sheet-note")
        yield LiteralDataTable(id="sheet-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="sheet-edit"):
            yield Label(id="sheet-edit-label", markup=False)
            yield Input(compact=True, select_on_focus=False, id="sheet-input")
            yield ChoiceBar(
                [(t(f"kpi.cadence.{c.value}"), c.value) for c in Cadence], "weekly", id="sheet-choice"
            )

    def on_mount(self) -> None:
        """The edit line is hidden until a row is edited."""
        self.query_one("#sheet-edit").display = False

    def show(self, kpis: list[Kpi], formulas: list[dict[str, Any]] | None = None) -> None:
        """One row per field of each KPI (the KPI's name and layer on its first row), then two per
        formula of `formulas` (how it is counted, the formula); None keeps the formulas shown."""
        self.kpis = kpis
        if formulas is not None:
            self.formulas = formulas
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        total = self.size.width or 100
        name_width = min(NAME_WIDTH, total // 4)
        width = max(20, total - name_width - FIELD_WIDTH - 8)
        table.add_column(t("kpi.report.def.kpi"), width=name_width)
        table.add_column(t("kpi.sheet.item"), width=FIELD_WIDTH)
        table.add_column(t("kpi.sheet.text"), width=width)
        self.rows = []
        for kpi in kpis:
            for index, field in enumerate(SHEET_FIELDS):
                if index == 0:
                    name = Text(one_line(kpi.name), style="bold")
                elif index == 1:
                    name = Text(layer_text(kpi.layer), style="dim")
                else:
                    name = Text("")
                text = self.field_text(kpi, field)
                # Rows as tall as their text: a definition is read whole, not cut at the edge.
                cell = Text(text) if text else Text("—", style="dim")
                table.add_row(name, t(f"kpi.sheet.field.{field}"), cell, height=None)
                self.rows.append((kpi.id, field))
        for formula in self.formulas:
            table.add_row(
                Text(one_line(formula["name"]), style="bold"),
                t("kpi.sheet.field.how_measured"),
                Text(one_line(formula["definition"])),
                height=None,
            )
            table.add_row(
                Text(t("kpi.sheet.fixed"), style="dim"),
                t("kpi.sheet.field.formula"),
                Text(one_line(formula["formula"])),
                height=None,
            )
            self.rows += [None, None]
        if self.rows:
            table.move_cursor(row=min(row, len(self.rows) - 1))

    @staticmethod
    def field_text(kpi: Kpi, field: str) -> str:
        """What a row shows for a field (the cadence as a word)."""
        if field == "cadence":
            return t(f"kpi.cadence.{kpi.cadence.value}")
        return one_line(str(getattr(kpi, field)))

    def on_resize(self, event: events.Resize) -> None:
        """The text column takes the width left."""
        if self.kpis or self.formulas:
            self.show(self.kpis)

    @property
    def selected(self) -> tuple[str, str] | None:
        """(KPI id, field) of the row under the cursor; None on a formula's row."""
        row = self.query_one(DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    @property
    def on_formula(self) -> bool:
        """Whether the cursor is on one of the fixed LTV·ROX formulas."""
        row = self.query_one(DataTable).cursor_row
        return 0 <= row < len(self.rows) and self.rows[row] is None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row edits it."""
        event.stop()
        self.start_edit()

    def start_edit(self) -> None:
        """Open the edit line on the selected row, holding its current text."""
        chosen = self.selected
        if chosen is None:
            if self.on_formula:
                self.notify(t("kpi.sheet.read_only"))
            return
        kpi_id, field = chosen
        kpi = next(k for k in self.kpis if k.id == kpi_id)
        self.editing = chosen
        self.query_one("#sheet-edit").display = True
        self.query_one("#sheet-edit-label", Label).update(
            f"{one_line(kpi.name)} · {t(f'kpi.sheet.field.{field}')}: "
        )
        entry = self.query_one("#sheet-input", Input)
        choice = self.query_one("#sheet-choice", ChoiceBar)
        entry.display = field != "cadence"
        choice.display = field == "cadence"
        if field == "cadence":
            choice.value = kpi.cadence.value
            choice.focus()
        else:
            entry.value = str(getattr(kpi, field))
            entry.cursor_position = len(entry.value)
            entry.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the edit line saves."""
        event.stop()
        self.action_commit()

    def action_commit(self) -> None:
        """Hand the edited text to the screen and close the edit line."""
        if self.editing is None:
            return
        kpi_id, field = self.editing
        if field == "cadence":
            text = self.query_one("#sheet-choice", ChoiceBar).value
        else:
            text = self.query_one("#sheet-input", Input).value
        self._close()
        self.post_message(self.Edited(kpi_id, field, text))

    def action_cancel(self) -> None:
        """Close the edit line without saving."""
        if self.editing is not None:
            self._close()

    def _close(self) -> None:
        self.editing = None
        self.query_one("#sheet-edit").display = False
        self.query_one(DataTable).focus()

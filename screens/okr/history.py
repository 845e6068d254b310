"""A key result's check-in history: every check-in, newest first, to edit or delete one.

The dialog never writes: it closes with what the user chose (`HistoryChoice`), the OKR screen does
it (asking first where it must) and opens the history again with the cursor where it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from cxtui.i18n import t
from cxtui.okr.models import CheckIn, KeyResult
from screens.okr.tree import confidence_text, value_text
from screens.shared.literal_table import LiteralDataTable
from screens.shared.translate import translate_bindings


@dataclass(frozen=True)
class HistoryChoice:
    """What the user asked for: "edit" or "delete" a check-in (by id), or "undo" the last change."""

    verb: str
    checkin_id: str | None = None


def _one_line(text: str) -> str:
    # Notes are user text: one line in a table cell, control characters never reach the terminal.
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


class CheckInHistory(ModalScreen[HistoryChoice | None]):
    """Every check-in of one key result; enter or e edits, d deletes, ctrl+z undoes, esc closes."""

    # OKR-only styles, read when the dialog first opens (nothing to parse before the first paint).
    CSS_PATH = "okr.tcss"
    BINDINGS = [
        Binding("e", "choose('edit')", "okr.key.edit_checkin"),
        Binding("d,delete", "choose('delete')", "okr.key.delete_checkin"),
        Binding("ctrl+z", "undo", "app.key.undo"),
        Binding("escape", "close", "app.key.close"),
    ]

    def __init__(self, kr: KeyResult, checkins: list[CheckIn], cursor: str | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.kr = kr
        self.checkins = checkins
        self.cursor = cursor

    def compose(self) -> ComposeResult:
        """Title, the table (or why it is empty), the keys, a close button."""
        with Vertical(classes="dialog okr-history"):
            yield Label(t("okr.dialog.history", n=len(self.checkins)), classes="dialog-title")
            yield Static(Text(_one_line(self.kr.title)), classes="dialog-context")
            table: LiteralDataTable[Text] = LiteralDataTable(
                id="history", cursor_type="row", zebra_stripes=True
            )
            yield table
            if not self.checkins:
                yield Static(t("okr.detail.no_checkins"), classes="dialog-message")
            # The keys instead of buttons: a projector's 24 lines go to the check-ins.
            yield Static(t("okr.dialog.history_keys"), classes="dialog-context okr-history-keys")

    def on_mount(self) -> None:
        """Fill the table and put the cursor on the check-in last worked on."""
        table = self.query_one("#history", DataTable)
        # Fixed widths that fit the dialog, so a long note is cut ("…") rather than scrolled sideways.
        columns = (
            ("date", "common.field.date", 10),
            ("value", "common.field.value", 9),
            ("confidence", "common.field.confidence", 12),
            ("note", "common.field.note", 30),
        )
        for key, label, width in columns:
            table.add_column(t(label), key=key, width=width)
        for checkin in self.checkins:
            note = _one_line(checkin.note)
            if checkin.blocker:
                note = f"{note}  {t('common.field.blocker')}: {_one_line(checkin.blocker)}".strip()
            table.add_row(
                Text(checkin.date.isoformat()),
                Text(value_text(self.kr, checkin.value), justify="right"),
                confidence_text(checkin.confidence.value),
                Text(note, overflow="ellipsis", no_wrap=True),
                key=checkin.id,
            )
        ids = [c.id for c in self.checkins]
        if self.cursor in ids:
            table.move_cursor(row=ids.index(self.cursor))
        table.focus()

    def _selected(self) -> str | None:
        table = self.query_one("#history", DataTable)
        if not self.checkins:
            return None
        return self.checkins[min(table.cursor_row, len(self.checkins) - 1)].id

    def action_choose(self, verb: str) -> None:
        """Close asking the screen to edit or delete the check-in under the cursor."""
        chosen = self._selected()
        if chosen is not None:
            self.dismiss(HistoryChoice(verb, chosen))

    def action_undo(self) -> None:
        """Close asking the screen to undo the last change (the app's ctrl+z is off over a dialog)."""
        self.dismiss(HistoryChoice("undo", self._selected()))

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row edits it."""
        event.stop()
        self.action_choose("edit")

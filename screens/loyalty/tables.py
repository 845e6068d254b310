"""The loyalty screen's tables: months with LTV, ROX by month, and the deal log.

Each takes what the screen read (`show(...)`) and keeps the keys of its rows, so the screen can
act on the row under the cursor. Cells are Text objects: a deal's name is shown as typed, never
read as markup. Estimates read `≈… est.` and a favourable start `★`, not only a colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist, RowKey

from cxtui.i18n import t
from cxtui.loyalty.cells import LOYALTY_COLUMNS, ROX_COLUMNS, loyalty_cells, rox_cells
from cxtui.loyalty.metrics import MonthFigures, RoxMonth, total
from cxtui.loyalty.models import SIGNALS, Deal

YES = "✓"
NO = "·"
FAVOURABLE = "★"


class LoyaltyTable(DataTable[Text]):
    """A row-cursor table that keeps its cursor on the same row across reloads."""

    DEFAULT_CSS = """
    LoyaltyTable { height: auto; max-height: 1fr; }
    LoyaltyTable > .loyalty-table--muted { color: $text-muted; }
    LoyaltyTable > .loyalty-table--estimated { color: $text-warning; }
    """
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {"loyalty-table--muted", "loyalty-table--estimated"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)

    def tone(self, name: str) -> Any:
        """A component style (muted, estimated) as a Rich style; plain before mounting."""
        if not self.is_mounted:
            return ""
        return self.get_component_rich_style(f"loyalty-table--{name}", partial=True)

    def selected_key(self) -> str | None:
        """The key of the row under the cursor, if any."""
        if self.row_count == 0:
            return None
        row_key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return None if row_key.value is None else str(row_key.value)

    def restore_cursor(self, key: str | None) -> None:
        """Put the cursor back on the row with `key`, if it is still there."""
        if key is None:
            return
        try:
            self.move_cursor(row=self.get_row_index(RowKey(key)), animate=False)
        except RowDoesNotExist:
            return

    def fill(self, headers: Sequence[str], right: set[int], rows: Sequence[tuple[str, list[Text]]]) -> None:
        """Replace the rows (and the columns if their headers changed), keeping the cursor on its row."""
        keep = self.selected_key()
        labels = [column.label.plain for column in self.ordered_columns]
        if labels != list(headers):
            # Re-made columns only when they change: a DataTable whose columns are cleared and
            # added again with the rows drew every column at its header's width until resized.
            self.clear(columns=True)
            for index, header in enumerate(headers):
                self.add_column(Text(header, justify="right" if index in right else "left"), key=str(index))
        else:
            self.clear()
        for key, cells in rows:
            self.add_row(*cells, key=key)
        self.restore_cursor(keep)


def _cell(text: str, right: bool, style: Any = "") -> Text:
    return Text(text, style=style, justify="right" if right else "left", no_wrap=True)


class MonthsTable(LoyaltyTable):
    """Every month's figures and LTV; estimated values marked `≈… est.` (and dimmed amber)."""

    def show(self, months: Sequence[MonthFigures]) -> None:
        """Show these months (oldest first); row keys are the months' record ids."""
        headers = [t(f"loyalty.col.{name}") for name in LOYALTY_COLUMNS]
        rows = []
        for figures in months:
            data = figures.to_json()
            cells = loyalty_cells(data)
            styled = [
                _cell(cell, i > 0, self.tone("estimated") if figures.estimated and i in (4, 6) else "")
                for i, cell in enumerate(cells)
            ]
            rows.append((figures.month.id, styled))
        self.fill(headers, set(range(1, 7)), rows)


class RoxTable(LoyaltyTable):
    """ROX by month and in total: deals, favourable, ROX rate, each signal's share, win rates."""

    def show(self, months: Sequence[RoxMonth]) -> None:
        """Show these months (oldest first) and their total; row keys are the months (`total`)."""
        headers = [t(f"loyalty.col.{name}") for name in ROX_COLUMNS]
        rows = []
        for month in [*months, total(months)] if months else []:
            muted = self.tone("muted") if month.deals == 0 else ""
            cells = [_cell(c, i > 0, muted) for i, c in enumerate(rox_cells(month.to_json()))]
            if month.month == "total":
                for cell in cells:
                    cell.stylize("bold")
            rows.append((month.month, cells))
        self.fill(headers, set(range(1, 9)), rows)
        # The month stays in view when the table scrolls sideways (→) on a narrow screen.
        self.fixed_columns = 1


class DealsTable(LoyaltyTable):
    """The ROX log: date, name, ✓/· per signal, ★ for a favourable start, outcome."""

    def show(self, deals: Sequence[Deal]) -> None:
        """Show these deals (newest first); row keys are their ids."""
        columns = ["date", "name", "outcome", "favourable", *SIGNALS]
        headers = [t(f"loyalty.col.{name}") for name in columns]
        # Names get what the other columns leave of the screen (62 cells), 16 to 40 cells.
        name_cells = min(40, max(16, (self.app.size.width or 80) - 62))
        rows = []
        for deal in deals:
            marks = [_cell(YES if getattr(deal, s) else NO, False) for s in SIGNALS]
            start = _cell(FAVOURABLE if deal.favourable else NO, False)
            outcome = _cell(t(f"loyalty.outcome.{deal.outcome.value}"), False)
            # The name is data: a Text, so brackets in it are never read as markup.
            name = Text(" ".join(deal.name.split()), no_wrap=True, overflow="ellipsis")
            name.truncate(name_cells, overflow="ellipsis")
            rows.append((deal.id, [_cell(deal.date.isoformat(), False), name, outcome, start, *marks]))
        self.fill(headers, set(), rows)

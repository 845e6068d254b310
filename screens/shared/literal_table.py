"""A DataTable that shows user text literally (see `screens.shared.usertext`)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from rich.text import TextType
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from screens.shared.usertext import literal_text

CellType = TypeVar("CellType")


def _cell(value: Any) -> Any:
    return literal_text(value) if isinstance(value, str) else value


class LiteralDataTable(DataTable[CellType], Generic[CellType]):
    """A DataTable whose `str` cells and column labels are shown literally (DataTable reads a `str`
    as markup: a segment named `[/]` would crash it). Use it for any table of user data."""

    def add_column(
        self,
        label: TextType,
        *,
        width: int | None = None,
        key: str | None = None,
        default: CellType | None = None,
    ) -> ColumnKey:
        """As DataTable.add_column, the label literal."""
        return super().add_column(_cell(label), width=width, key=key, default=default)

    def add_row(
        self, *cells: CellType, height: int | None = 1, key: str | None = None, label: TextType | None = None
    ) -> RowKey:
        """As DataTable.add_row, every `str` cell literal."""
        return super().add_row(*(_cell(c) for c in cells), height=height, key=key, label=_cell(label))

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: CellType,
        *,
        update_width: bool = False,
    ) -> None:
        """As DataTable.update_cell, the value literal."""
        super().update_cell(row_key, column_key, _cell(value), update_width=update_width)

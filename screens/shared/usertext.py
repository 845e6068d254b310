"""The one way user text reaches a widget: literal, never markup, never terminal control.

A survey named `x[/y]`, an owner `[@click=app.quit]CLICKME[/]` or a title holding `ESC ] 0;...`
is data. Textual and Rich read a plain `str` as markup in Static, Label, OptionList, DataTable
cells and headers, Tree labels and Rich tables; so every text that came from the user or a file
goes through one of these instead:

- `literal(text)` → a Textual `Content` (Static, Label, Option prompts, `Content.assemble` parts);
- `literal_text(text)` → a Rich `Text` (DataTable cells and column labels, Rich Table cells);
- `escaped(text)` → a markup-escaped `str`, only where a markup string must be built around it;
- `LiteralDataTable` → a DataTable that does the above for every `str` cell and column label.

All three remove control characters (`cxtui.text.clean`; newline and tab are kept).
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from rich.text import Text, TextType
from textual.content import Content
from textual.markup import escape
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from cxtui.text import clean


def plain(value: object) -> str:
    """`value` as text without control characters (still to be shown through a literal widget)."""
    return clean("" if value is None else str(value))


def literal(value: object, style: str = "") -> Content:
    """User text as Content: shown exactly as written, whatever brackets it holds."""
    text = plain(value)
    return Content.styled(text, style) if style else Content(text)


def literal_text(value: object, style: str = "", **options: object) -> Text:
    """User text as a Rich Text (DataTable cells and headers, Rich Table cells)."""
    return Text(plain(value), style=style, **options)  # type: ignore[arg-type]


def escaped(value: object) -> str:
    """User text escaped for a markup string (prefer `literal` where a Content can be passed)."""
    return escape(plain(value))


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

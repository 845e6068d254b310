"""The one way user text reaches a widget: literal, never markup, never terminal control.

A survey named `x[/y]`, an owner `[@click=app.quit]CLICKME[/]` or a title holding `ESC ] 0;...`
is data. Textual and Rich read a plain `str` as markup in Static, Label, OptionList, DataTable
cells and headers, Tree labels and Rich tables; so every text that came from the user or a file
goes through one of these instead:

- `literal(text)` → a Textual `Content` (Static, Label, Option prompts, `Content.assemble` parts);
- `literal_text(text)` → a Rich `Text` (DataTable cells and column labels, Rich Table cells);
- `escaped(text)` → a markup-escaped `str`, only where a markup string must be built around it;
- `screens.shared.literal_table.LiteralDataTable` → a DataTable doing it for every `str` cell and
  column label (a module of its own: DataTable is not needed before the first paint).

All three remove control characters (`cxtui.text.clean`; newline and tab are kept).
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.markup import escape

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

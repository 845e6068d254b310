"""The KPI board: one column per layer, a card per KPI, moved over with the arrow keys.

The board gets `Card`s from the screen and reports what the user asks for with messages; it never
reads the workspace. Each column draws its own cards (`screens.kpi.column`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll, Vertical
from textual.message import Message
from textual.widgets import Static

from cxtui.kpi.board import Card
from screens.kpi.column import LayerColumn
from screens.shared.translate import translate_bindings

MIN_COLUMN = 23  # cells: a card narrower than this cuts its change or target


@dataclass(frozen=True)
class ColumnData:
    """A column of the board: its key (a layer, or OTHER), its title and its cards."""

    key: str
    title: str
    cards: list[Card]


class KpiBoard(HorizontalScroll, can_focus=True):
    """The layer columns side by side; arrows move between cards and columns."""

    BINDINGS = [
        Binding("up", "cursor(0, -1)", "kpi.key.cursor_up", show=False),
        Binding("down", "cursor(0, 1)", "kpi.key.cursor_down", show=False),
        Binding("left", "cursor(-1, 0)", "kpi.key.cursor_left", show=False),
        Binding("right", "cursor(1, 0)", "kpi.key.cursor_right", show=False),
        Binding("home", "edge(-1)", "kpi.key.first", show=False),
        Binding("end", "edge(1)", "kpi.key.last", show=False),
        Binding("enter", "open", "kpi.key.open"),
    ]

    class Highlighted(Message):
        """The cursor moved to a card (or to an empty column: kpi_id None)."""

        def __init__(self, layer: str, kpi_id: str | None) -> None:
            super().__init__()
            self.layer = layer
            self.kpi_id = kpi_id

    class Opened(Message):
        """Enter on a card: open it."""

        def __init__(self, kpi_id: str) -> None:
            super().__init__()
            self.kpi_id = kpi_id

    def __init__(self, data: list[ColumnData], *, width: int = 0, id: str | None = None) -> None:
        """`data`: the columns to show first (composed with the board, so its first frame has
        cards); `width`: the width it will get, so the columns are sized before the first layout."""
        super().__init__(id=id)
        translate_bindings(self)
        self.initial = data
        self.columns = [LayerColumn(c.key) for c in data]
        self.column_index = 0
        self._width = width
        # While a value is typed in the line under the board, its keys go there (the keyboard
        # stays here: taking it away and back would restyle and repaint every column).
        self.key_handler: Callable[[events.Key], bool] | None = None

    def on_key(self, event: events.Key) -> None:
        """Hand keys to the record line while it is open."""
        if self.key_handler is not None and self.key_handler(event):
            event.stop()
            event.prevent_default()

    def compose(self) -> ComposeResult:
        """A title and a column of cards per layer."""
        width = self._column_width(self._width)
        for item, column in zip(self.initial, self.columns, strict=True):
            yield self._layer(item, column, width)

    def on_mount(self) -> None:
        """Show the first data (the columns exist now)."""
        self._fill(self.initial, None)

    @staticmethod
    def _layer(item: ColumnData, column: LayerColumn, width: int) -> Vertical:
        title = Static(id=f"title-{item.key}", classes="layer-title", markup=False)
        layer = Vertical(title, column, classes="layer")
        if width:
            layer.styles.width = width
        return layer

    def _column_width(self, total: int) -> int:
        # Fixed widths rather than fr units: in a scrolling row, fr units do not share the width
        # when the minimum widths overflow it.
        return max(MIN_COLUMN, total // len(self.columns)) if total and self.columns else 0

    async def show(self, data: list[ColumnData], keep: str | None = None) -> None:
        """Lay out these columns and cards; the cursor goes to the card of KPI `keep` if given,
        else stays in the same column and place."""
        keys = [c.key for c in data]
        if keys != [c.key for c in self.columns]:
            await self.remove_children()
            self.columns = [LayerColumn(c.key) for c in data]
            width = self._column_width(self.size.width)
            await self.mount_all(
                self._layer(c, col, width) for c, col in zip(data, self.columns, strict=True)
            )
            self.column_index = min(self.column_index, len(self.columns) - 1)
        self._fill(data, keep)

    def _fill(self, data: list[ColumnData], keep: str | None) -> None:
        for column, item in zip(self.columns, data, strict=True):
            self.query_one(f"#title-{item.key}", Static).update(f" {item.title} ({len(item.cards)})")
            column.show(item.cards)
        if keep is not None:
            for index, item in enumerate(data):
                for row, card in enumerate(item.cards):
                    if card.kpi.id == keep:
                        self.column_index = index
                        self.columns[index].cursor = row
        self._activate()

    def on_resize(self, event: events.Resize) -> None:
        """Columns share the width, but never get narrower than a readable card."""
        self._size_columns()

    def _size_columns(self) -> None:
        width = self._column_width(self.size.width)
        if not width:
            return
        for column in self.columns:
            layer = column.parent
            current = layer.styles.width if isinstance(layer, Vertical) else None
            if isinstance(layer, Vertical) and (current is None or current.value != width):
                layer.styles.width = width

    def _activate(self) -> None:
        for index, column in enumerate(self.columns):
            column.set_active(index == self.column_index)
        current = self.current_column
        if current is None:
            return
        column = current
        column.move_cursor(column.cursor)
        # After the next refresh: column widths set by `show` are laid out only then.
        self.call_after_refresh(self.scroll_to_widget, column.parent or column, animate=False)
        card = column.current
        self.post_message(self.Highlighted(column.key, card.kpi.id if card else None))

    @property
    def current_column(self) -> LayerColumn | None:
        """The column the cursor is in."""
        return self.columns[self.column_index] if self.columns else None

    @property
    def current(self) -> Card | None:
        """The card under the cursor."""
        column = self.current_column
        return None if column is None else column.current

    def replace(self, card: Card) -> None:
        """Redraw one KPI's card where it is."""
        for column in self.columns:
            if column.replace(card):
                return

    def action_cursor(self, dx: int, dy: int) -> None:
        """Move to the next card up/down, or to the column left/right (same height if it has one)."""
        found = self.current_column
        if found is None:
            return
        column = found
        if dy:
            column.move_cursor(column.cursor + dy)
            card = column.current
            self.post_message(self.Highlighted(column.key, card.kpi.id if card else None))
            return
        index = self.column_index + dx
        if 0 <= index < len(self.columns):
            row = column.cursor
            self.column_index = index
            self.columns[index].cursor = min(row, max(0, len(self.columns[index].cards) - 1))
            self._activate()

    def action_edge(self, direction: int) -> None:
        """First or last card of the column."""
        column = self.current_column
        if column is not None and column.cards:
            column.move_cursor(0 if direction < 0 else len(column.cards) - 1)
            card = column.current
            self.post_message(self.Highlighted(column.key, card.kpi.id if card else None))

    def action_open(self) -> None:
        """Open the card under the cursor."""
        card = self.current
        if card is not None:
            self.post_message(self.Opened(card.kpi.id))

    def on_layer_column_clicked(self, event: LayerColumn.Clicked) -> None:
        """Move the cursor to the clicked card."""
        keys = [c.key for c in self.columns]
        if event.column in keys:
            self.column_index = keys.index(event.column)
            self.columns[self.column_index].cursor = event.index
            self._activate()
            self.focus()

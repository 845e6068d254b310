"""The KPI board: one column per layer, a card per KPI, moved over with the arrow keys.

A column draws its cards line by line (Textual's line API): opening the board on 300 KPIs paints
only the cards in view, and recording a value redraws one card. The board gets `Card`s from the
screen and reports what the user asks for with messages; it never reads the workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import HorizontalScroll, Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from cxtui.i18n import t
from cxtui.kpi.board import Card
from cxtui.kpi.texts import (
    cadence_text,
    change_text,
    distance_text,
    due_text,
    layer_text,
    one_line,
    sparkline,
    value_text,
)
from screens.shared.translate import translate_bindings

CARD_HEIGHT = 7  # six lines and a rule
MIN_COLUMN = 23  # cells: a card narrower than this cuts its change or target
OTHER = "other"  # the key of the column holding the other layer model's KPIs

_VERDICT_STYLE = {"better": Style(color="green", bold=True), "worse": Style(color="red", bold=True)}
_DUE_STYLE = Style(color="yellow", bold=True)
_DIM = Style(dim=True)


@dataclass(frozen=True)
class ColumnData:
    """A column of the board: its key (a layer, or OTHER), its title and its cards."""

    key: str
    title: str
    cards: list[Card]


def card_lines(card: Card, width: int, *, selected: bool, other: bool) -> list[Text]:
    """The six text lines of a card, each `width` cells (a Japanese character takes two)."""
    kpi = card.kpi
    mark = "▶" if selected else " "
    name = Text(f"{mark}{'★' if kpi.focus else ' '}{one_line(kpi.name)}", style=Style(bold=True))
    latest = card.latest
    if latest is None:
        value = Text(" " + t("kpi.card.no_value"), style=_DIM)
    else:
        shown = value_text(kpi, latest.value)
        if latest.n is not None:
            shown += f" n={latest.n}"
        value = Text(" " + one_line(shown), style=Style(bold=True))
        moved = card.change
        if moved is not None:
            value.append("  ")
            value.append(change_text(moved, kpi), style=_VERDICT_STYLE.get(moved.verdict, _DIM))
    target = Text(" " + one_line(distance_text(kpi, card.distance)))
    spark = Text(
        " " + sparkline([p.value for p in card.points], max(1, width - 2)), style=Style(color="cyan")
    )
    cadence = Text(f" {cadence_text(kpi)} · ")
    cadence.append(due_text(kpi, card.due), style=_DUE_STYLE if card.due else _DIM)
    if other:
        last = Text(" " + layer_text(kpi.layer), style=_DIM)
    elif card.kr_title:
        last = Text(" KR " + one_line(card.kr_title), style=_DIM)
    elif card.evidence:
        last = Text(" " + t("kpi.screen.voices_count", n=card.evidence), style=_DIM)
    else:
        last = Text("")
    lines = [name, value, target, spark, cadence, last]
    for line in lines:
        line.truncate(width, overflow="ellipsis", pad=True)
    return lines


class LayerColumn(ScrollView, can_focus=False):
    """One layer's cards, drawn line by line; the board moves the cursor."""

    DEFAULT_CSS = """
    LayerColumn {
        height: 1fr;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """

    def __init__(self, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key = key
        self.cards: list[Card] = []
        self.cursor = 0
        self.active = False
        self._cache: dict[tuple[int, int, bool], list[Strip]] = {}
        self._styles: tuple[str, Style, Style] | None = None

    def show(self, cards: list[Card]) -> None:
        """Draw these cards (the cursor stays on the same index, within range)."""
        self.cards = cards
        self.cursor = min(self.cursor, max(0, len(cards) - 1))
        self._cache.clear()
        self.virtual_size = Size(self.size.width, max(1, len(cards) * CARD_HEIGHT))
        self.refresh()

    def replace(self, card: Card) -> bool:
        """Redraw one card in place (after a value was recorded); False if it is not here."""
        for index, old in enumerate(self.cards):
            if old.kpi.id == card.kpi.id:
                self.cards[index] = card
                for key in [k for k in self._cache if k[0] == index]:
                    del self._cache[key]
                self.refresh_card(index)
                return True
        return False

    def refresh_card(self, index: int) -> None:
        """Repaint the lines of card `index` only."""
        top = index * CARD_HEIGHT - self.scroll_offset.y
        self.refresh(Region(0, top, self.size.width, CARD_HEIGHT))

    def move_cursor(self, index: int) -> None:
        """Put the cursor on card `index` and scroll it into view."""
        if not self.cards:
            return
        index = max(0, min(index, len(self.cards) - 1))
        old, self.cursor = self.cursor, index
        self.refresh_card(old)
        self.refresh_card(index)
        self.scroll_to_region(Region(0, index * CARD_HEIGHT, 1, CARD_HEIGHT), animate=False, force=True)

    def set_active(self, active: bool) -> None:
        """Whether the board's cursor is in this column (its card is marked only then)."""
        if active != self.active:
            self.active = active
            if self.cards:
                self.refresh_card(self.cursor)

    @property
    def current(self) -> Card | None:
        """The card under the cursor."""
        return self.cards[self.cursor] if self.cards else None

    def on_resize(self, event: events.Resize) -> None:
        """Cards are drawn to the column's width."""
        self._cache.clear()
        self.virtual_size = Size(event.size.width, max(1, len(self.cards) * CARD_HEIGHT))

    def _strips(self, index: int, width: int) -> list[Strip]:
        if self._styles is not None and self._styles[0] != self.app.current_theme.name:
            self._cache.clear()  # drawn in the colours of another theme
        selected = self.active and index == self.cursor
        key = (index, width, selected)
        found = self._cache.get(key)
        if found is None:
            lines = card_lines(self.cards[index], width, selected=selected, other=self.key == OTHER)
            console = self.app.console
            base = self._theme_styles()[0] if selected else Style()
            found = []
            for line in lines:
                if selected:
                    line.stylize(base)
                found.append(Strip(line.render(console), width))
            rule = self._theme_styles()[1]
            found.append(Strip([*Text("─" * width, style=rule).render(console)], width))
            self._cache[key] = found
        return found

    def _theme_styles(self) -> tuple[Style, Style]:
        """The cursor card's background and the rule's colour, from the app's theme.

        Read from the theme rather than from component classes: Textual restyles (and so repaints)
        a widget with component classes whenever an ancestor's style is updated, e.g. when the
        board gets the keyboard back after a value was typed, which would repaint every column.
        """
        theme = self.app.current_theme.name
        if self._styles is None or self._styles[0] != theme:
            variables = self.app.theme_variables
            background = Color.parse(variables.get("background", "#000000"))
            primary = Color.parse(variables.get("primary", "#0178D4"))
            foreground = Color.parse(variables.get("foreground", "#e0e0e0"))
            cursor = Style(bgcolor=(background + primary.with_alpha(0.3)).rich_color)
            rule = Style(color=(background + foreground.with_alpha(0.15)).rich_color)
            self._styles = (theme, cursor, rule)
        return self._styles[1], self._styles[2]

    def render_line(self, y: int) -> Strip:
        """Line `y` of the visible part: a line of a card, or blank below the last one."""
        width = self.size.width
        row = y + self.scroll_offset.y
        if not self.cards:
            if y == 0:
                hint = Text(" " + t("kpi.screen.empty_layer"), style=_DIM)
                hint.truncate(width, overflow="ellipsis", pad=True)
                return Strip(hint.render(self.app.console), width)
            return Strip.blank(width)
        index, line = divmod(row, CARD_HEIGHT)
        if index >= len(self.cards):
            return Strip.blank(width)
        return self._strips(index, width)[line].crop_extend(0, width, None)

    def on_click(self, event: events.Click) -> None:
        """A click picks the card under the pointer."""
        index = (event.y + self.scroll_offset.y) // CARD_HEIGHT
        if 0 <= index < len(self.cards):
            self.post_message(KpiBoard.Clicked(self.key, index))


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

    class Clicked(Message):
        """A card was clicked."""

        def __init__(self, column: str, index: int) -> None:
            super().__init__()
            self.column = column
            self.index = index

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

    def on_kpi_board_clicked(self, event: KpiBoard.Clicked) -> None:
        """Move the cursor to the clicked card."""
        keys = [c.key for c in self.columns]
        if event.column in keys:
            self.column_index = keys.index(event.column)
            self.columns[self.column_index].cursor = event.index
            self._activate()
            self.focus()

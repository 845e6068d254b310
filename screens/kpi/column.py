"""A column of KPI cards, drawn line by line (Textual's line API): on 300 KPIs only the cards in
view are painted, and recording a value redraws one card."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

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

CARD_HEIGHT = 7  # six lines and a rule
OTHER = "other"  # the key of the column holding the other layer model's KPIs

_VERDICT_STYLE = {"better": Style(color="green", bold=True), "worse": Style(color="red", bold=True)}
_DUE_STYLE = Style(color="yellow", bold=True)
_DIM = Style(dim=True)


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

    class Clicked(Message):
        """A card was clicked."""

        def __init__(self, column: str, index: int) -> None:
            super().__init__()
            self.column = column
            self.index = index

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
            self.post_message(self.Clicked(self.key, index))

"""Help: every key of the screen underneath and of the app, and how the numbers are computed."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from cxtui.i18n import t
from screens.shared.translate import describe, is_ours, translate_bindings


class HelpScreen(ModalScreen[None]):
    """Lists the active bindings (all of them, shown in the footer or not) and the formulas."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "app.key.close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        translate_bindings(self)
        # Read now, while `under` is the active screen: app-level keys (undo...) are only
        # active bindings of the screen on top.
        self.rows = key_rows(under)
        # The screen's own help (its keys in context, how its numbers are computed), if it has one.
        help_key = getattr(under, "HELP_KEY", "")
        self.notes = t(help_key) if isinstance(help_key, str) and help_key else ""

    def compose(self) -> ComposeResult:
        """Keys table, then the screen's notes."""
        table = Table(title=t("app.help.title"), expand=True, show_edge=False, header_style="bold")
        table.add_column(t("app.help.key"), no_wrap=True, style="bold cyan")
        table.add_column(t("app.help.action"))
        for keys_text, description in self.rows:
            table.add_row(keys_text, description)
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(table)
            if self.notes:
                yield Static(Text(self.notes), classes="help-notes")

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)


def key_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """(keys, description) of every described binding of `screen` and of the app.

    Textual's own keys (cursor moves, scrolling, focus moves) are not listed: they are the same in
    every list and input, and would bury the screen's keys; a widget of ours (the OKR tree) keeps its.
    """
    rows: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        if not is_ours(active.node, key, active.binding):
            continue
        # t(): Textual's own descriptions (scrolling, inputs) are translated by their English text.
        description = describe(active.binding.description)
        if not description:
            continue
        # Spelled-out modifiers ("ctrl+z") read better in help than the footer's "^z".
        spelled = key.startswith(("ctrl+", "alt+", "shift+")) or len(key) == 1
        display = active.binding.key_display or (
            key if spelled else screen.app.get_key_display(active.binding)
        )
        rows.setdefault(description, [])
        if display not in rows[description]:
            rows[description].append(display)
    return [(" / ".join(keys), description) for description, keys in rows.items()]

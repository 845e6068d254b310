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
from screens.shared.translate import describe, translate_bindings


class HelpScreen(ModalScreen[None]):
    """Lists the active bindings (all of them, shown in the footer or not) and the formulas."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "app.key.close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        translate_bindings(self)
        # Read now, while `under` is the active screen: app-level keys (undo...) are only
        # active bindings of the screen on top.
        self.rows = key_rows(under)

    def compose(self) -> ComposeResult:
        """Keys table, then notes."""
        table = Table(title=t("app.help.title"), expand=True, show_edge=False, header_style="bold")
        table.add_column(t("app.help.key"), no_wrap=True, style="bold cyan")
        table.add_column(t("app.help.action"))
        for keys_text, description in self.rows:
            table.add_row(keys_text, description)
        for key, text in (("↑ ↓", "app.help.move"), ("← →", "app.help.fold"), ("enter", "app.help.enter")):
            table.add_row(key, t(text))
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(table)
            yield Static(Text(t("app.help.formulas")), classes="help-notes")

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)


def key_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """(keys, description) of every described binding active on `screen`, app-level ones included."""
    rows: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
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

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
from screens.translate import translate_bindings


class HelpScreen(ModalScreen[None]):
    """Lists the active bindings (all of them, shown in the footer or not) and the formulas."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "key.close")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        translate_bindings(self)
        self.under = under

    def compose(self) -> ComposeResult:
        """Keys table, then notes."""
        table = Table(title=t("help.title"), expand=True, show_edge=False, header_style="bold")
        table.add_column(t("help.key"), no_wrap=True, style="bold cyan")
        table.add_column(t("help.action"))
        rows: dict[str, list[str]] = {}
        for key, active in self.under.active_bindings.items():
            description = active.binding.description
            if not description:
                continue
            display = self.app.get_key_display(active.binding) or key
            rows.setdefault(description, [])
            if display not in rows[description]:
                rows[description].append(display)
        for description, keys in rows.items():
            table.add_row(" / ".join(keys), description)
        table.add_row("ctrl+p", t("help.palette"))
        for key, text in (("↑ ↓", "help.move"), ("← →", "help.fold"), ("enter", "help.enter")):
            table.add_row(key, t(text))
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(table)
            yield Static(Text(t("help.formulas")), classes="help-notes")

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)

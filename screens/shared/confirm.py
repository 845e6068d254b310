"""Yes/no confirmation (deletes ask first)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from cxtui.i18n import t
from screens.shared.translate import translate_bindings
from screens.shared.usertext import literal


class ConfirmDialog(ModalScreen[bool]):
    """Ask a question; `y`/enter confirms, `n`/escape declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "app.key.yes"),
        Binding("n,escape", "answer(False)", "app.key.no"),
    ]

    def __init__(self, title: str, message: str, confirm_label: str | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.title_text = title
        self.message = message
        self.confirm_label = confirm_label or t("app.key.yes")

    def compose(self) -> ComposeResult:
        """Question, details and two buttons."""
        with Vertical(classes="dialog dialog-small"):
            # Messages quote user text (titles, notes): shown literally, never parsed as markup.
            yield Label(literal(self.title_text), classes="dialog-title")
            yield Static(literal(self.message), classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.confirm_label}  y", variant="error", id="yes")
                yield Button(f"{t('app.key.no')}  n", id="no")

    def on_mount(self) -> None:
        """Focus the safe choice."""
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons answer."""
        self.dismiss(event.button.id == "yes")


class MessageDialog(ModalScreen[None]):
    """A one-line message (e.g. why a file cannot be opened) with an OK button."""

    BINDINGS = [Binding("escape,enter", "close", "app.key.close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        """Title, message, OK."""
        # A long message (a whole comment) scrolls; OK stays in view at 80×24.
        with Vertical(classes="dialog dialog-small form-dialog"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield Static(self.message, classes="dialog-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok", compact=True)

    def on_mount(self) -> None:
        """Focus OK."""
        self.query_one("#ok", Button).focus()

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """OK closes."""
        self.dismiss(None)

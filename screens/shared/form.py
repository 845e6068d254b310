"""Base of the edit dialogs: validate on save, show the one-line error, keep what was typed."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from cxtui.errors import InputError
from cxtui.i18n import t
from screens.shared.translate import translate_bindings

T = TypeVar("T")


class FormDialog(ModalScreen[T | None], Generic[T]):
    """A modal form. Subclasses compose `body()` and implement `build()`, which may raise."""

    BINDINGS = [
        Binding("escape", "cancel", "app.key.cancel"),
        Binding("ctrl+s", "save", "app.key.save"),
    ]
    title_key = ""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        """Title, the subclass's fields (scrolling when the screen is short), then the error line and
        the buttons, which stay in view at any size: at 80×24 a long form scrolls, never its buttons."""
        with Vertical(classes="dialog form-dialog"):
            yield Label(self.dialog_title(), classes="dialog-title")
            with VerticalScroll(classes="dialog-body", can_focus=False):
                yield from self.body()
            error = Static("", id="form-error", classes="form-error", markup=False)
            error.display = False
            yield error
            with Horizontal(classes="dialog-buttons"):
                # Compact (one line, no border): at 80×24 two lines more for the fields.
                yield Button(t("app.key.save") + "  ctrl+s", variant="primary", id="save", compact=True)
                yield Button(t("app.key.cancel") + "  esc", id="cancel", compact=True)

    def dialog_title(self) -> str:
        """The dialog's title line."""
        return t(self.title_key)

    def body(self) -> ComposeResult:
        """The form fields."""
        yield from ()

    def build(self) -> T:
        """Make the result from the fields (`cxtui.validation.validated`); raise InputError when invalid."""
        raise NotImplementedError

    def value_of(self, widget_id: str) -> str:
        """The text of the Input with this id."""
        return self.query_one(f"#{widget_id}", Input).value

    def show_error(self, error: InputError) -> None:
        """Show the message and focus the field at fault (scrolled into view); nothing typed is lost."""
        line = self.query_one("#form-error", Static)
        line.update(error.message)
        line.display = True
        # The bell too: at a glance an error line may be missed, a key that did nothing may not.
        self.app.bell()
        if error.field:
            matches = self.query(f"#{error.field}")
            if matches:
                field = matches.first()
                field.focus()
                self.call_after_refresh(field.scroll_visible, animate=False)

    def clear_error(self) -> None:
        """Hide the error line (the fields are fine again)."""
        line = self.query_one("#form-error", Static)
        line.update("")
        line.display = False

    def action_save(self) -> None:
        """Validate; close with the result, or stay open with the error shown."""
        try:
            result = self.build()
        except InputError as exc:
            self.show_error(exc)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons do what their keys do."""
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field moves to the next one; in the last field it saves."""
        inputs = list(self.query(Input))
        if inputs and event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()


class FieldInput(Input):
    """An Input that is compact from the start (setting `compact` later restyles it: ~5 ms a dialog)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(*args, **kwargs)


def field_grid(*rows: tuple[str, Widget, str]) -> Grid:
    """(label key, widget, hint) rows as one grid: the same look as `field_row`s, fewer widgets.

    A row container per field costs a millisecond or so to mount; dialogs that open on a key press
    and are budgeted (the check-in) use one grid instead.
    """
    cells: list[Widget] = []
    for label_key, widget, hint in rows:
        cells.append(Label(t(label_key), classes="field-label"))
        if hint:
            hint_label = Label(hint, classes="field-hint", markup=False)
            cells.append(Horizontal(widget, hint_label, classes="field-cell"))
        else:
            cells.append(widget)
    return Grid(*cells, classes="field-grid")


def field_row(label_key: str, widget: Widget, hint: str = "") -> ComposeResult:
    """A label beside its (compact) input, so a whole form fits a 40-line terminal."""
    if hasattr(widget, "compact") and not widget.compact:
        widget.compact = True
    label = Label(t(label_key), classes="field-label")
    if hint:
        yield Horizontal(label, widget, Label(hint, classes="field-hint", markup=False), classes="field-row")
    else:
        yield Horizontal(label, widget, classes="field-row")

"""A one-line choice among a few options (a compact radio set): ←/→ choose, a click picks one."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from screens.shared.translate import translate_bindings


class ChoiceBar(Widget, can_focus=True):
    """Mutually exclusive options on one line, one always chosen.

    One widget instead of a RadioSet's set plus a button per option: dialogs that open on a key
    press (the check-in) are budgeted, and every widget costs about a millisecond to mount.
    """

    DEFAULT_CSS = """
    ChoiceBar {
        height: 1;
        width: 1fr;
    }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "app.key.choice_previous", show=False),
        Binding("right", "step(1)", "app.key.choice_next", show=False),
    ]

    class Changed(Message):
        """The chosen option changed."""

        def __init__(self, choice_bar: ChoiceBar, value: str) -> None:
            super().__init__()
            self.choice_bar = choice_bar
            self.value = value

        @property
        def control(self) -> ChoiceBar:
            """The ChoiceBar that changed."""
            return self.choice_bar

    def __init__(self, options: list[tuple[str, str]], value: str, *, id: str | None = None) -> None:
        """`options` are (label, value) pairs; `value` is the one chosen first."""
        super().__init__(id=id)
        translate_bindings(self)
        self.options = options
        self._values = [v for _, v in options]
        if value not in self._values:
            raise ValueError(f"{value!r} is not one of the options")
        self._value = value

    @property
    def value(self) -> str:
        """The chosen option's value."""
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        if value not in self._values:
            raise ValueError(f"{value!r} is not one of the options")
        if value != self._value:
            self._value = value
            self.refresh()
            self.post_message(self.Changed(self, value))

    def render(self) -> Content:
        """`◉ chosen   ○ other   ○ other`, each option clickable."""
        parts: list[Content] = []
        for index, (label, value) in enumerate(self.options):
            chosen = value == self._value
            # The label is a variable, not markup: a translated label may contain brackets.
            style, mark = ("bold", "◉") if chosen else ("dim", "○")
            markup = f"[{style} @click=choose({index})]{mark} $label[/]"
            parts.append(Content.from_markup(markup, label=label))
        return Content("   ").join(parts)

    def action_step(self, delta: int) -> None:
        """Choose the previous (-1) or next (+1) option, stopping at either end."""
        index = self._values.index(self._value) + delta
        if 0 <= index < len(self._values):
            self.value = self._values[index]

    def action_choose(self, index: int) -> None:
        """Choose the option at `index` (a click)."""
        self.value = self._values[index]

"""The one-line title at the top of every screen: the app's name and what the screen shows."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class TitleBar(Widget):
    """The screen's title and sub-title, centred, like Textual's Header but one widget.

    Textual's Header is four widgets (icon, title, clock space) that cost the first paint of every
    screen ~3-5 ms; cxtui shows neither the icon nor a clock (ctrl+p opens the palette).
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: center middle;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        """Redraw when the screen's (or the app's) title or sub-title changes."""
        for node in (self.app, self.screen):
            self.watch(node, "title", lambda _: self.refresh(), init=False)
            self.watch(node, "sub_title", lambda _: self.refresh(), init=False)

    def render(self) -> Content:
        """`title — sub-title`, as the app formats it."""
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        return self.app.format_title(title, sub_title)

"""The one-line title at the top of every screen: the app's name, what the screen shows, and the
workspace's screens with their number keys (the current one bracketed, not only highlighted)."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class TitleBar(Widget):
    """The screen's title and sub-title, centred, with the screen tabs on the right.

    Like Textual's Header but one widget: the Header is four (icon, title, clock space) and cost the
    first paint of every screen ~3-5 ms. The tabs come from the app (`screen_tabs()`: (key, label,
    current) triples), so the bar itself knows nothing of the workspace.
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        """Redraw when the screen's (or the app's) title or sub-title changes."""
        for node in (self.app, self.screen):
            self.watch(node, "title", self._redraw, init=False)
            self.watch(node, "sub_title", self._redraw, init=False)

    def _redraw(self, _value: object) -> None:
        self.refresh()

    def tabs(self) -> Content:
        """`[1 OKR]  2 NPS`: the workspace's screens, the current one bracketed and bold."""
        screen_tabs = getattr(self.app, "screen_tabs", None)
        entries: list[tuple[str, str, bool]] = screen_tabs(self.screen) if callable(screen_tabs) else []
        parts = []
        for key, label, current in entries:
            if current:
                parts.append(Content.styled(f"[{key} {label}]", "bold reverse"))
            else:
                parts.append(Content.styled(f" {key} {label} ", "dim"))
        return Content(" ").join(parts)

    def render(self) -> Content:
        """The title centred in the space the tabs leave."""
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        heading = self.app.format_title(title, sub_title)
        tabs = self.tabs()
        width = self.size.width
        room = max(0, width - tabs.cell_length - 1)
        if heading.cell_length > room:
            heading = heading.truncate(room, ellipsis=True)
        left = (room - heading.cell_length) // 2
        gap = width - left - heading.cell_length - tabs.cell_length
        return Content.assemble(" " * left, heading, " " * max(1, gap), tabs)

"""The baseline of bench_startup.py: a bare Textual app that shows one line and exits once painted.

    .venv/bin/python bench/bare_app.py

It exits the same way cxtui does under CXTUI_EXIT_AFTER_PAINT=1: `call_after_refresh(exit)` from
on_mount, so both figures end at the same point of Textual's cycle.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

LINE = "Bare Textual app: one line of text."


class BareApp(App[None]):
    """One Static, nothing else."""

    def compose(self) -> ComposeResult:
        """The one line."""
        yield Static(LINE)

    def on_mount(self) -> None:
        """Exit right after the first refresh."""
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareApp().run()

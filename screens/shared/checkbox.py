"""A checkbox whose state shows as a shape, not only a colour: `[✓]` on, `[ ]` off."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

ON_MARK = "✓"
OFF_MARK = " "


class CheckBox(Checkbox):
    """Textual's Checkbox draws the same X on and off (only its colour changes): on a projector,
    or for a colour-blind reviewer, both look alike. This one draws a tick or nothing."""

    @property
    def _button(self) -> Content:
        """`[✓]` or `[ ]` in the button's style (the brackets read on every theme)."""
        style = self.get_visual_style("toggle--button")
        mark = ON_MARK if self.value else OFF_MARK
        return Content.assemble("[", (mark, style), "]")

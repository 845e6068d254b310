"""Text progress bars and band colours, measured in terminal cells."""

from __future__ import annotations

from rich.text import Text

from cxtui.format import ljust, percent, rjust
from cxtui.okr.models import Band

BLOCKS = " ▏▎▍▌▋▊▉█"

BAND_STYLE = {Band.green: "bold green", Band.amber: "bold yellow", Band.red: "bold red"}
BAND_MARK = {Band.green: "●", Band.amber: "▲", Band.red: "■"}


def bar_text(fraction: float, width: int = 10, style: str = "green") -> Text:
    """A bar of `width` cells filled to `fraction` (0..1), with eighth-cell resolution."""
    fraction = min(1.0, max(0.0, fraction))
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    filled = "█" * full + (BLOCKS[part] if part and full < width else "")
    text = Text(filled, style=style)
    text.append("░" * (width - len(filled)), style="dim")
    return text


def progress_text(progress: float | None, band: Band | None, width: int = 10) -> Text:
    """Bar, percentage and band mark, e.g. `███████▊░░  78% ●`; a dash when there is no progress."""
    if progress is None or band is None:
        return Text("░" * width + "   – ", style="dim")
    style = BAND_STYLE[band]
    text = bar_text(progress, width, style)
    text.append(f" {percent(progress):>3}% ", style=style)
    text.append(BAND_MARK[band], style=style)
    return text


def rjust_cells(text: str, width: int) -> str:
    """Right-justify to `width` terminal cells (a Japanese character takes two; cxtui.format)."""
    return rjust(text, width)


def ljust_cells(text: str, width: int) -> str:
    """Left-justify to `width` terminal cells (a Japanese character takes two; cxtui.format)."""
    return ljust(text, width)

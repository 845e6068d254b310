"""Start-up tricks that outlive the entry point: the paused garbage collector and the first paint.

`screens.launch` pauses the cyclic GC while it imports and loads; the app and the first workspace
screen call back here once something is painted.
"""

from __future__ import annotations

import gc
import os
from typing import Any

from textual.app import App

# When no workspace screen gets painted (start screen, a dialog waiting for the user), the GC paused
# for start-up comes back after this long anyway.
GC_RESUME_AFTER_S = 3.0


def start_paused_gc_timer(app: App[Any]) -> None:
    """If start-up paused the GC, make sure it comes back even when no workspace is painted."""
    if not gc.isenabled():
        app.set_timer(GC_RESUME_AFTER_S, resume_gc)


def resume_gc() -> None:
    """Turn the cyclic GC back on once the first screen is painted, if start-up paused it."""
    if gc.isenabled():
        return
    # What is alive now (modules, widgets, the workspace: ~120,000 objects with the large benchmark
    # workspace) lives as long as the app: freezing it keeps every later full collection from
    # walking it again, which took 50-150 ms in the middle of a key press.
    gc.freeze()
    gc.enable()


def after_first_paint(app: App[Any]) -> None:
    """Called by a workspace screen once mounted: after its first frame the GC resumes, and
    benchmarks that time start-up to the first painted screen (CXTUI_EXIT_AFTER_PAINT) end the app."""
    app.call_after_refresh(resume_gc)
    if os.environ.get("CXTUI_EXIT_AFTER_PAINT"):
        app.call_after_refresh(app.exit)

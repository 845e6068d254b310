"""The `cxtui` entry point (also `python -m cxtui`).

`cxtui FILE` opens the TUI straight away; everything else goes to click.

Opening a workspace is the common case and its start-up time is budgeted, so it skips importing
click (~15 ms). Any option, command or second argument takes the full CLI, with its help and errors.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

COMMANDS = frozenset({"open", "demo", "check", "report", "nps"})


def main(argv: list[str] | None = None) -> Any:
    """Run `cxtui`: the TUI directly for a single FILE argument, else the click CLI."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 1 and args[0] not in COMMANDS and not args[0].startswith("-"):
        from pathlib import Path

        from cxtui.i18n import detect_language

        return run_tui(Path(args[0]), detect_language())
    from cxtui.cli import main as cli_main

    return cli_main(args)


def run_tui(path: Path | None, lang: str) -> None:
    """Import and run the TUI, with the cyclic GC paused until its first screen is painted."""
    # Startup makes ~120,000 objects that live as long as the app (textual, pydantic, the screens,
    # the workspace) and next to no garbage: collecting during startup only walks them over and over
    # (50-120 ms before the first paint). The app turns the GC back on (CxApp.resume_gc).
    gc.disable()
    try:
        from screens.app import run_app

        run_app(path, lang=lang)
    finally:
        gc.enable()


if __name__ == "__main__":
    main()

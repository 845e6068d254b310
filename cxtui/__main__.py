"""The `cxtui` entry point (also `python -m cxtui`).

`cxtui FILE` (optionally with `--lang en|ja`) opens the TUI straight away; everything else goes to
click.

Opening a workspace is the common case and its start-up time is budgeted, so it skips importing
click and the CLI (~15 ms). Any other option, a command or a second argument takes the full CLI,
with its help and errors.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

# The click group's commands, listed here so that opening a file need not import click
# (tests/unit/test_entry.py checks the two stay the same).
COMMANDS = frozenset({"open", "demo", "check", "report", "nps"})


def plain_open(args: list[str]) -> tuple[str, str | None] | None:
    """(FILE, language or None) when `args` only open a file: `FILE`, `--lang X FILE`, `FILE --lang=X`."""
    rest: list[str] = []
    lang: str | None = None
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--lang" and index + 1 < len(args) and lang is None:
            lang, index = args[index + 1], index + 2
        elif arg.startswith("--lang=") and lang is None:
            lang, index = arg.removeprefix("--lang="), index + 1
        else:
            rest.append(arg)
            index += 1
    if len(rest) != 1 or rest[0] in COMMANDS or rest[0].startswith("-"):
        return None
    from cxtui.i18n import LANGUAGES

    if lang is not None and lang not in LANGUAGES:
        return None  # click says what is wrong with the value
    return rest[0], lang


def main(argv: list[str] | None = None) -> Any:
    """Run `cxtui`: the TUI directly when the arguments only open a FILE, else the click CLI."""
    args = sys.argv[1:] if argv is None else argv
    opening = plain_open(args)
    if opening is not None:
        from pathlib import Path

        from cxtui.i18n import detect_language

        file, lang = opening
        return run_tui(Path(file), lang or detect_language())
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

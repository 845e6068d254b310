"""The `cxtui` console entry, and every start-up trick in one place.

`cxtui FILE` (optionally with `--lang en|ja`) opens the TUI straight away; everything else goes to
the click CLI (`cxtui.cli`), which is handed `run_tui` so the core never imports the UI.

Start-up is budgeted, so this module:
- skips importing click and the CLI (~15 ms) when the arguments only open a file;
- pauses the cyclic garbage collector until the first screen is painted (`screens.startup`
  resumes it, and with CXTUI_EXIT_AFTER_PAINT set, for benchmarks, ends the app right then).
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

# The click group's commands, listed here so that opening a file need not import click
# (tests/unit/test_entry.py checks the two stay the same).
COMMANDS = frozenset(
    {"open", "new", "demo", "check", "report", "nps", "kpi", "evidence", "loyalty", "rox", "cycle"}
)

# When no workspace screen gets painted (start screen, a dialog waiting for the user), the GC paused
# for start-up comes back after this long anyway.
GC_RESUME_AFTER_S = 3.0


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

    return cli_main(args, run_tui=run_tui)


def run_tui(path: Path | None, lang: str) -> None:
    """Import and run the TUI, with the cyclic GC paused until its first screen is painted."""
    # Start-up makes ~120,000 objects that live as long as the app (textual, the screens, the
    # workspace) and next to no garbage: collecting during start-up only walks them over and over
    # (50-120 ms before the first paint). `screens.startup.resume_gc` turns it back on.
    gc.disable()
    try:
        from screens.app import run_app

        run_app(path, lang=lang)
    finally:
        gc.enable()


if __name__ == "__main__":
    main()

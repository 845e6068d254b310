"""What every command of the CLI shares: `--lang` and `--json`, one-line errors, workspaces opened for
writing, JSON and plain-text tables. Domain command groups (`cxtui/<domain>/cli.py`) build on these.

Only click is imported at module level: read commands (`nps show`) must start fast.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TextIO, TypeVar

import click

if TYPE_CHECKING:
    from cxtui.db.store import Store

P = ParamSpec("P")
R = TypeVar("R")

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["en", "ja"]),
    default=None,
    help="cli.help.lang",
)
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="cli.help.json")

# readable=False: click's own check would print a multi-line usage error for a file without read
# permission; the workspace code says it in one line instead.
WORKSPACE_FILE = click.Path(path_type=Path, readable=False)


def apply_lang(ctx: click.Context, lang: str | None) -> str:
    """Set the UI language: the command's `--lang`, else the root's (`cxtui --lang ja nps ...`),
    else the locale's. Returns it."""
    from cxtui.i18n import detect_language, set_language

    root = ctx.find_root().obj
    parent = root.get("lang") if isinstance(root, dict) else None
    chosen = lang or parent or detect_language()
    set_language(chosen)
    return str(chosen)


def one_line_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn an explained failure (CxError) into one stderr line and its exit code, even when the
    command runs outside `cxtui.cli.main` (click's test runner)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from cxtui.errors import CxError

        try:
            return command(*args, **kwargs)
        except CxError as exc:
            fail(exc.message, exc.exit_code)

    return wrapper


def fail(message: str, exit_code: int) -> NoReturn:
    """Print `cxtui: message` on stderr (one line, no control characters) and exit with `exit_code`."""
    from cxtui.text import clean_line

    click.echo(f"cxtui: {clean_line(message)}", err=True)
    sys.exit(exit_code)


class CleanStream:
    """A text stream that drops control characters (`cxtui.text.clean`) from everything written.

    Installed over stdout and stderr for every command that prints (`sanitize_output`): whatever a
    workspace or an imported file holds (a title with `ESC ] 0;...`), the terminal only ever gets
    text. click strips CSI sequences when piped but not OSC, and not at all on a terminal.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write `text` cleaned (bytes are refused, as by any text stream)."""
        if not isinstance(text, str):
            raise TypeError("CleanStream takes str")
        from cxtui.text import clean

        return self._stream.write(clean(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def sanitize_output(ctx: click.Context) -> None:
    """Clean stdout and stderr for the rest of this command (restored when it ends)."""
    saved = sys.stdout, sys.stderr
    if isinstance(saved[0], CleanStream):
        return
    sys.stdout = CleanStream(saved[0])
    sys.stderr = CleanStream(saved[1])

    def restore() -> None:
        sys.stdout, sys.stderr = saved

    ctx.call_on_close(restore)


# How long a CLI command that writes waits for another program's write (a long import) to finish.
CLI_WAIT_SECONDS = 60.0


def open_for_writing(file: Path, *, announce: bool = True) -> Store:
    """Open FILE for a command that writes into it, creating it when it does not exist (the way
    `sqlite-utils insert` does) and saying so on stderr.

    When another program is writing to FILE, says so once and waits (up to CLI_WAIT_SECONDS), both
    to open it and for each write; then one line (BusyError).
    """
    import time

    from cxtui.db.store import Store
    from cxtui.errors import BusyError
    from cxtui.i18n import t

    created = not file.exists() and not file.is_symlink()
    waiting = False

    def say_waiting() -> None:
        nonlocal waiting
        if not waiting:
            click.echo(t("db.ws.waiting", path=file), err=True)
            waiting = True

    deadline = time.monotonic() + CLI_WAIT_SECONDS
    while True:
        try:
            store = Store.open(file, create=True)
            break
        except BusyError:
            if time.monotonic() >= deadline:
                raise
            say_waiting()
            time.sleep(0.2)
    store.wait_seconds = max(0.1, deadline - time.monotonic()) if waiting else CLI_WAIT_SECONDS
    store.on_wait = say_waiting
    if created and announce:
        click.echo(t("cli.msg.created", path=file), err=True)
    return store


@contextmanager
def writing_to(file: Path) -> Iterator[Store]:
    """`open_for_writing(file)` for one command, closed at the end. When the command fails on a FILE
    it created (an import refused half-way through its source), FILE is removed again: a failed
    command leaves no new workspace behind."""
    from cxtui.i18n import t

    created = not file.exists() and not file.is_symlink()
    store = open_for_writing(file, announce=False)
    try:
        yield store
    except BaseException:
        store.close()
        if created:
            for path in (file, *(file.with_name(file.name + s) for s in ("-wal", "-shm", "-journal"))):
                path.unlink(missing_ok=True)
        raise
    store.close()
    if created:
        click.echo(t("cli.msg.created", path=file), err=True)


def dump_json(data: object) -> None:
    """Print `data` as indented JSON (non-ASCII kept readable)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def print_table(header: list[str], rows: list[list[str]], right: set[int]) -> None:
    """A plain-text table, columns padded to the widest cell (a Japanese character takes two)."""
    from cxtui.format import display_width, ljust, rjust

    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [(rjust if i in right else ljust)(cell, widths[i]) for i, cell in enumerate(row)]
        click.echo("  ".join(cells).rstrip())

"""`--help` in the user's language.

Commands and options give i18n keys as their help (`help="nps.cmd.show"`). Before click parses the
command line, the root group picks the language (`--lang` anywhere on the line, else the locale) and
`localize()` resolves every key of the command tree in it; click's own words ("Usage:", "Options",
"Show this message and exit.") go through a formatter that knows them. Help texts that are not keys
(a domain that has not moved to keys yet) are shown as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import click

from cxtui.i18n import LANGUAGES, detect_language, has, set_language, t

# click's own English words, by the i18n key that translates them.
_CLICK_SECTIONS = {"Options": "cli.help.options", "Commands": "cli.help.commands"}
_CLICK_TEXTS = {
    "Show this message and exit.": "cli.help.help_option",
    "Show the version and exit.": "cli.help.version_option",
}
# The key each localized command or option was given, kept beside the text shown now.
_KEY_ATTRIBUTE = "_cxtui_help_key"


class LocalFormatter(click.HelpFormatter):
    """click's help formatter with its own words in the current language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """`Usage:` translated."""
        super().write_usage(prog, args, prefix if prefix is not None else f"{t('cli.help.usage')} ")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        """`Options` and `Commands` translated."""
        key = _CLICK_SECTIONS.get(name)
        with super().section(t(key) if key else name):
            yield

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """The help option's and the version option's text translated."""
        translated = [(term, t(_CLICK_TEXTS[text]) if text in _CLICK_TEXTS else text) for term, text in rows]
        super().write_dl(translated, col_max, col_spacing)


class LocalContext(click.Context):
    """A click context whose help speaks the current language."""

    formatter_class = LocalFormatter


def language_of(args: Sequence[str]) -> str:
    """The language a command line asks for: its `--lang X` or `--lang=X`, else the locale's."""
    for index, arg in enumerate(args):
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value in LANGUAGES:
            return value
    return detect_language()


def _resolve(item: click.Command | click.Parameter) -> None:
    key = getattr(item, _KEY_ATTRIBUTE, None)
    text = getattr(item, "help", None)
    if key is None and isinstance(text, str) and has(text):
        key = text
        setattr(item, _KEY_ATTRIBUTE, key)
    if key is not None:
        item.help = t(key)


def localize(command: click.Command) -> None:
    """Resolve the help keys of `command`, its options and every subcommand in the current language."""
    command.context_class = LocalContext
    _resolve(command)
    for param in command.params:
        _resolve(param)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localize(sub)


def prepare(command: click.Command, args: Sequence[str]) -> None:
    """Before parsing: set the language the line asks for and build the help texts in it."""
    set_language(language_of(args))
    localize(command)

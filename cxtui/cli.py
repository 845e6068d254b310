"""Command line (click). Errors are one line on stderr; exit 0 ok, 1 failed, 2 bad input or file.

The TUI is imported only by the commands that open it, so `check`, `report` and `nps` start fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from cxtui import __version__
from cxtui.errors import CxError
from cxtui.i18n import detect_language, set_language

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["en", "ja"]),
    default=None,
    help="UI language (default: from the locale).",
)


# readable=False: click's own check would print a multi-line usage error for a file without read
# permission; the workspace code says it in one line instead.
WORKSPACE_FILE = click.Path(path_type=Path, readable=False)


class FileOrCommandGroup(click.Group):
    """A group where an unknown first word is a FILE to open: `cxtui FILE` means `cxtui open FILE`."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Route a non-command first argument to the `open` command."""
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "open", self.commands["open"], args
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Show that a FILE may stand where a command does."""
        formatter.write_usage(ctx.command_path, "[OPTIONS] [FILE | COMMAND [ARGS]...]")


def _apply_lang(lang: str | None) -> str:
    chosen = lang or detect_language()
    set_language(chosen)
    return chosen


def _run_tui(path: Path | None, lang: str) -> None:
    from cxtui.__main__ import run_tui

    run_tui(path, lang)


@click.group(cls=FileOrCommandGroup, invoke_without_command=True)
@LANG_OPTION
@click.version_option(__version__, prog_name="cxtui")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """Run customer-experience improvement from the keyboard: OKRs, KPIs, NPS, weekly review.

    With no FILE, opens the start screen (recent workspaces, new, demo).
    """
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang
    if ctx.invoked_subcommand is None:
        _run_tui(None, _apply_lang(lang))


@cli.command("open")
@click.argument("file", type=WORKSPACE_FILE)
@LANG_OPTION
@click.pass_context
def open_cmd(ctx: click.Context, file: Path, lang: str | None) -> None:
    """Open FILE in the TUI (offers to create it if it does not exist)."""
    _run_tui(file, _apply_lang(lang or ctx.obj.get("lang")))


@cli.command()
@LANG_OPTION
@click.pass_context
def demo(ctx: click.Context, lang: str | None) -> None:
    """Open a fresh copy of the built-in demo workspace (NexBridge OKRs and more)."""
    from cxtui.demo import write_demo
    from cxtui.i18n import t

    chosen = _apply_lang(lang or ctx.obj.get("lang"))
    path = write_demo(chosen)
    click.echo(t("cli.demo_written", path=path), err=True)
    _run_tui(path, chosen)


@cli.command()
@click.argument("file", type=WORKSPACE_FILE)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@LANG_OPTION
@click.pass_context
def check(ctx: click.Context, file: Path, as_json: bool, lang: str | None) -> None:
    """Check FILE's integrity and schema version (exit 0 ok, 2 bad file). Never changes FILE."""
    from cxtui.check import check_workspace, format_check

    _apply_lang(lang or ctx.obj.get("lang"))
    result = check_workspace(file)
    click.echo(format_check(result, as_json=as_json))
    if not result.ok:
        sys.exit(2)


@cli.command()
@click.argument("file", type=WORKSPACE_FILE)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "json"]),
    default="markdown",
    help="Output format.",
)
@click.option("--output", type=click.Path(path_type=Path), default=None, help="Write to PATH.")
@click.option("--period", default=None, help="Period name (default: the one containing today).")
@LANG_OPTION
@click.pass_context
def report(
    ctx: click.Context,
    file: Path,
    fmt: str,
    output: Path | None,
    period: str | None,
    lang: str | None,
) -> None:
    """Write the workspace report (OKRs with progress, bands and confidence)."""
    from cxtui.report import render_report
    from cxtui.store import Store

    _apply_lang(lang or ctx.obj.get("lang"))
    store = Store.snapshot(file)
    try:
        text = render_report(store, fmt=fmt, period_name=period)
    finally:
        store.close()
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    from cxtui.i18n import t

    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CxError(t("cli.cannot_write", path=output, reason=exc.strerror or exc)) from None
    click.echo(t("cli.report_written", path=output), err=True)


def _register_extensions() -> None:
    """Attach command groups that live in their own modules (NPS; later KPIs, cycles...)."""
    from cxtui.nps.cli import nps

    cli.add_command(nps)


_register_extensions()


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI, turning every explained failure into one line and an exit code."""
    try:
        return cli.main(args=argv, prog_name="cxtui", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:
        sys.exit(1)
    except CxError as exc:
        click.echo(f"cxtui: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)

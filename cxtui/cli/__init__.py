"""Command line (click). Errors are one line on stderr; exit 0 ok, 1 failed, 2 bad input or file.

The core never imports the TUI: the console entry (`screens.launch`) hands `main()` the function
that opens it. The domains' command groups come from the domain list (`cxtui.domains`); only the
commands that open the TUI pay for Textual, so `check`, `report` and `nps` start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cxtui import __version__
from cxtui.cli.localize import LocalContext, prepare
from cxtui.console import LANG_OPTION, WORKSPACE_FILE, apply_lang, fail, one_line_errors, sanitize_output
from cxtui.domains import parts
from cxtui.errors import CxError

# Opens the TUI on a file (or the start screen) in a language; given by the console entry.
TuiRunner = Callable[[Path | None, str], None]


class FileOrCommandGroup(click.Group):
    """A group where an unknown first word is a FILE to open: `cxtui FILE` means `cxtui open FILE`."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Route a non-command first argument to the `open` command."""
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "open", self.commands["open"], args
        return super().resolve_command(ctx, args)

    context_class = LocalContext

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """The whole command line: pick its language and build every help text in it first, so
        `cxtui nps show --help --lang ja` is Japanese whatever the order of the options."""
        if ctx.parent is None:
            prepare(self, args)
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Show that a FILE may stand where a command does."""
        formatter.write_usage(ctx.command_path, "[OPTIONS] [FILE | COMMAND [ARGS]...]", None)


def _run_tui(ctx: click.Context, path: Path | None, lang: str) -> None:
    root = ctx.find_root().obj
    runner: TuiRunner | None = root.get("run_tui") if isinstance(root, dict) else None
    if runner is None:
        from cxtui.i18n import t

        raise CxError(t("cli.msg.no_tui"))
    runner(path, lang)


@click.group(cls=FileOrCommandGroup, invoke_without_command=True, help="cli.cmd.root")
@LANG_OPTION
@click.version_option(__version__, prog_name="cxtui")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """Run customer-experience improvement from the keyboard: OKRs, KPIs, NPS, weekly review.

    With no FILE, opens the start screen (recent workspaces, new, demo).
    """
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang
    if ctx.invoked_subcommand not in (None, "open", "demo"):
        # Every command that prints: no control character from user data reaches the terminal.
        sanitize_output(ctx)
    if ctx.invoked_subcommand is None:
        _run_tui(ctx, None, apply_lang(ctx, lang))


@cli.command("open", help="cli.cmd.open")
@click.argument("file", type=WORKSPACE_FILE)
@LANG_OPTION
@click.pass_context
@one_line_errors
def open_cmd(ctx: click.Context, file: Path, lang: str | None) -> None:
    """Open FILE in the TUI (offers to create it if it does not exist)."""
    _run_tui(ctx, file, apply_lang(ctx, lang))


@cli.command("new", help="cli.cmd.new")
@click.argument("file", type=WORKSPACE_FILE)
@LANG_OPTION
@click.pass_context
@one_line_errors
def new_cmd(ctx: click.Context, file: Path, lang: str | None) -> None:
    """Create an empty workspace FILE without opening it (an existing FILE is refused)."""
    from cxtui.db.store import Store
    from cxtui.db.workspace import probe
    from cxtui.errors import InputError
    from cxtui.i18n import t

    apply_lang(ctx, lang)
    if probe(file) or file.is_symlink():
        raise InputError(t("cli.msg.exists", path=file), field="file")
    Store.open(file, create=True).close()
    click.echo(str(file))


@cli.command(help="cli.cmd.demo")
@LANG_OPTION
@click.option("--reset", is_flag=True, help="cli.cmd.demo_reset")
@click.option("--yes", "-y", is_flag=True, help="cli.cmd.demo_yes")
@click.pass_context
@one_line_errors
def demo(ctx: click.Context, lang: str | None, reset: bool, yes: bool) -> None:
    """Open your copy of the demo workspace (built on first use; what you change in it is kept)."""
    from cxtui.demo import demo_exists, demo_workspace
    from cxtui.i18n import t

    chosen = apply_lang(ctx, lang)
    if reset and demo_exists(chosen) and not yes and not click.confirm(t("cli.msg.demo_reset_ask"), err=True):
        reset = False
    path, built = demo_workspace(chosen, reset=reset)
    click.echo(t("cli.msg.demo_written" if built else "cli.msg.demo_opened", path=path), err=True)
    _run_tui(ctx, path, chosen)


@cli.command(help="cli.cmd.check")
@click.argument("file", type=WORKSPACE_FILE)
@click.option("--json", "as_json", is_flag=True, help="cli.cmd.check_json")
@LANG_OPTION
@click.pass_context
def check(ctx: click.Context, file: Path, as_json: bool, lang: str | None) -> None:
    """Check FILE's integrity, schema version and rows of every part (exit 0 ok, 2 bad file).

    Never changes FILE.
    """
    from cxtui.db.check import check_workspace, format_check

    apply_lang(ctx, lang)
    result = check_workspace(file)
    click.echo(format_check(result, as_json=as_json))
    if not result.ok:
        sys.exit(2)


@cli.command(help="cli.cmd.report")
@click.argument("file", type=WORKSPACE_FILE)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "json"]),
    default="markdown",
    help="cli.cmd.report_format",
)
@click.option("--output", type=click.Path(path_type=Path), default=None, help="cli.cmd.report_output")
@click.option("--period", default=None, help="cli.cmd.report_period")
@LANG_OPTION
@click.pass_context
@one_line_errors
def report(
    ctx: click.Context,
    file: Path,
    fmt: str,
    output: Path | None,
    period: str | None,
    lang: str | None,
) -> None:
    """Write the workspace report: OKRs with progress, bands and confidence, NPS with its interval."""
    from cxtui.db.store import Store
    from cxtui.report import render_report

    apply_lang(ctx, lang)
    with Store.snapshot(file) as store:
        text = render_report(store, fmt=fmt, period_name=period)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    from cxtui.files import write_text_atomically
    from cxtui.i18n import t

    write_text_atomically(output, text)
    click.echo(t("cli.msg.report_written", path=output), err=True)


def _register_domains() -> None:
    """Attach every domain's command groups (`cxtui/<domain>/cli.py`, `COMMANDS`)."""
    for _domain, module in parts("cli"):
        for command in module.COMMANDS:
            cli.add_command(command)


_register_domains()


def main(argv: list[str] | None = None, *, run_tui: TuiRunner | None = None) -> Any:
    """Run the CLI, turning every explained failure into one line and an exit code.

    `run_tui` opens the TUI (the console entry passes it; without it, TUI commands say so).
    """
    try:
        return cli.main(args=argv, prog_name="cxtui", standalone_mode=False, obj={"run_tui": run_tui})
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort:
        sys.exit(1)
    except CxError as exc:
        fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)

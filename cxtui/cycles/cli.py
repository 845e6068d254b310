"""`cxtui cycle list`: the learning cycles of a workspace with their KPIs before → after.

Only click is imported at module level (read commands start fast). Errors are one line on stderr.
"""

from __future__ import annotations

from pathlib import Path

import click

from cxtui.console import (
    JSON_OPTION,
    LANG_OPTION,
    WORKSPACE_FILE,
    apply_lang,
    dump_json,
    one_line_errors,
    print_table,
)


@click.group("cycle")
def cycle() -> None:
    """Learning cycles: one hypothesis, one change, KPIs before → after, one learning, one next step."""


@cycle.command("list")
@click.argument("file", type=WORKSPACE_FILE)
@JSON_OPTION
@LANG_OPTION
@click.pass_context
@one_line_errors
def list_cmd(ctx: click.Context, file: Path, as_json: bool, lang: str | None) -> None:
    """List every learning cycle by start date, with its state, dates, KPIs before → after and learning.

    --json prints {"cycles": [{"id", "title", "state", "start", "end", "hypothesis", "change",
    "kpis": [{"name", "before", "after", ...}], "learning", "next_step", ...}]}.
    """
    from cxtui import clock
    from cxtui.cycles.report import cycles_json, kpi_line
    from cxtui.db.store import Store
    from cxtui.i18n import t

    apply_lang(ctx, lang)
    today = clock.today()
    with Store.snapshot(file) as reader:
        found = cycles_json(reader, today)
    if as_json:
        dump_json({"cycles": found})
        return
    if not found:
        click.echo(t("cycles.cli.none"))
        return
    header = [t(f"cycles.cli.col.{name}") for name in ("title", "state", "start", "end", "kpis", "learning")]
    rows = []
    for item in found:
        state = t(f"cycles.state.{item['state']}") + (" ⚑" if item["overdue"] else "")
        kpis = "; ".join(kpi_line(k) for k in item["kpis"]) or "—"
        rows.append([item["title"], state, item["start"], item["end"], kpis, item["learning"] or "—"])
    print_table(header, [[_one_line(c) for c in row] for row in rows], right=set())


def _one_line(text: str) -> str:
    """A cell on one line, without control characters (user text never drives the terminal)."""
    return "".join(c if c.isprintable() else " " for c in text)


COMMANDS = [cycle]

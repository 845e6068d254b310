"""`cxtui loyalty ...` and `cxtui rox ...`: import monthly figures and the ROX log, show them.

Only click is imported at module level: `show` must start fast. Errors are one line on stderr with
the CLI's exit codes: 1 the command refused for a reason it explains, 2 bad input or a bad file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cxtui.console import (
    JSON_OPTION,
    LANG_OPTION,
    WORKSPACE_FILE,
    apply_lang,
    dump_json,
    one_line_errors,
    print_table,
    writing_to,
)

if TYPE_CHECKING:
    from cxtui.loyalty.models import ImportResult, ParsedFile

REJECTS_HELP = "Save the rejected rows (line, reason, row) as CSV."


@click.group("loyalty")
def loyalty() -> None:
    """Monthly loyalty figures: repurchase rate, referrals, churn, months retained, spend, LTV."""


@click.group("rox")
def rox() -> None:
    """ROX, the win rate before selling starts: the log of deals and their three signals."""


def _import(
    ctx: click.Context, file: Path, source: Path, rejects: Path | None, lang: str | None, kind: str
) -> None:
    from cxtui.errors import InputError
    from cxtui.i18n import t
    from cxtui.importing.table import save_rejects_csv
    from cxtui.loyalty import importers, repo

    apply_lang(ctx, lang)
    if not source.exists():
        raise InputError(t("loyalty.import.source_missing", path=source), field="source")
    # A deal log is read as it is stored (memory stays flat); its header is checked before FILE opens.
    parsed: ParsedFile = (
        importers.parse_months(source, source_name=source.name)
        if kind == "months"
        else importers.parse_deals(source, source_name=source.name, lazy=True)
    )
    with writing_to(file) as store:
        store_parsed = repo.import_months if kind == "months" else repo.import_deals
        result = store_parsed(store, parsed)
    _print_result(result)
    if rejects is not None and result.rejected:
        save_rejects_csv(result.rejected, rejects)
        click.echo(t("loyalty.cli.rejects_saved", path=rejects))


def _print_result(result: ImportResult) -> None:
    from cxtui.i18n import t

    click.echo(t("loyalty.cli.into", source=result.source, encoding=result.encoding))
    columns = ", ".join(f"{t(f'loyalty.col.{role}')} = “{header}”" for role, header in result.columns.items())
    click.echo(t("loyalty.cli.columns", columns=columns))
    for note in result.notes:
        click.echo(t("loyalty.cli.note", note=note))
    click.echo(
        t(
            "loyalty.cli.counts",
            imported=result.imported,
            skipped=len(result.skipped),
            rejected=len(result.rejected),
        )
    )
    for row in sorted([*result.skipped, *result.rejected], key=lambda r: r.line):
        key = "loyalty.cli.skipped_line" if row in result.skipped else "loyalty.cli.rejected_line"
        click.echo(t(key, line=row.line, reason=row.reason))


@loyalty.command("import")
@click.argument("file", type=WORKSPACE_FILE)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--rejects", type=click.Path(path_type=Path), default=None, help=REJECTS_HELP)
@LANG_OPTION
@click.pass_context
@one_line_errors
def loyalty_import(
    ctx: click.Context, file: Path, source: Path, rejects: Path | None, lang: str | None
) -> None:
    """Import monthly figures from SOURCE (CSV or XLSX, one row per month) into FILE.

    Columns (English or Japanese): month/月, repurchase rate/再購入率, referrals/紹介数, churn
    rate/解約率, months retained/継続月数, average spend/客単価. Every row is imported, skipped or
    rejected with its line and reason, in one transaction; the same file is not imported twice, and
    a second value for a figure a month already has is rejected.

    Limits: a regular file of at most 256 MB, 2,000,000 rows, 1,000 columns, 32,767 characters a
    cell; dates 1900-01-01 to 2100-12-31.
    """
    _import(ctx, file, source, rejects, lang, "months")


@rox.command("import")
@click.argument("file", type=WORKSPACE_FILE)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--rejects", type=click.Path(path_type=Path), default=None, help=REJECTS_HELP)
@LANG_OPTION
@click.pass_context
@one_line_errors
def rox_import(ctx: click.Context, file: Path, source: Path, rejects: Path | None, lang: str | None) -> None:
    """Import the ROX log from SOURCE (CSV or XLSX, one row per deal or inquiry) into FILE.

    Columns: date/日付, name/案件, came by name/指名, already understood/説明不要, no price
    negotiation/価格交渉なし (yes/no, はい/いいえ, ○/×, 1/0, true/false; blank = no), outcome/結果
    (won/lost/open, 受注/失注/進行中; blank = open). A deal already logged on that day is skipped
    when the file agrees and rejected when it does not.

    Limits: a regular file of at most 256 MB, 2,000,000 rows, 1,000 columns, 32,767 characters a
    cell; dates 1900-01-01 to 2100-12-31.
    """
    _import(ctx, file, source, rejects, lang, "deals")


@loyalty.command("show")
@click.argument("file", type=WORKSPACE_FILE)
@JSON_OPTION
@LANG_OPTION
@click.pass_context
@one_line_errors
def loyalty_show(ctx: click.Context, file: Path, as_json: bool, lang: str | None) -> None:
    """Show every month's figures and its simple LTV (≈ marks months retained estimated from churn).

    --json prints {"months": [{"month", "repurchase_rate", "referrals", "churn_rate",
    "months_retained", "months_retained_estimated", "average_spend", "ltv"}]} (rates in percent).
    """
    from cxtui.db.store import Store
    from cxtui.i18n import t
    from cxtui.loyalty.cells import loyalty_cells, loyalty_headers
    from cxtui.loyalty.repo import month_figures

    apply_lang(ctx, lang)
    with Store.snapshot(file) as reader:
        months = [m.to_json() for m in month_figures(reader)]
    if as_json:
        dump_json({"months": months})
        return
    if not months:
        click.echo(t("loyalty.report.no_months"))
        return
    print_table(loyalty_headers(), [loyalty_cells(m) for m in months], right={1, 2, 3, 4, 5, 6})
    click.echo(t("loyalty.formula.ltv"))


@rox.command("show")
@click.argument("file", type=WORKSPACE_FILE)
@JSON_OPTION
@LANG_OPTION
@click.pass_context
@one_line_errors
def rox_show(ctx: click.Context, file: Path, as_json: bool, lang: str | None) -> None:
    """Show ROX by month: deals, favourable starts, ROX rate, each signal's share, and win rates.

    --json prints {"months": [{"month", "deals", "favourable", "rate", "came_by_name",
    "already_understood", "no_price_negotiation", "won_favourable", "decided_favourable",
    "won_other", "decided_other", ...}], "total": {...}}; rate = 100 × favourable / deals.
    """
    from cxtui.db.store import Store
    from cxtui.i18n import t
    from cxtui.loyalty.cells import rox_cells, rox_headers
    from cxtui.loyalty.metrics import total
    from cxtui.loyalty.queries import rox_by_month

    apply_lang(ctx, lang)
    with Store.snapshot(file) as reader:
        months = rox_by_month(reader)
    if as_json:
        dump_json({"months": [m.to_json() for m in months], "total": total(months).to_json()})
        return
    if not months:
        click.echo(t("loyalty.report.no_deals"))
        return
    rows = [rox_cells(m.to_json()) for m in [*months, total(months)]]
    print_table(rox_headers(), rows, right=set(range(1, 9)))
    click.echo(t("loyalty.formula.rox"))


COMMANDS = [loyalty, rox]

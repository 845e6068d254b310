"""`cxtui nps ...`: import survey exports, show NPS with its interval, compare before and after.

Only click is imported at module level: `cxtui nps show` must start fast (no textual, openpyxl,
sqlite-utils or pydantic on the read path). Errors are one line on stderr with the CLI's exit codes:
1 the command refused for a reason it explains, 2 bad input or a bad file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn

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
    from cxtui.db.store import Store
    from cxtui.nps.models import SurveySummary
    from cxtui.nps.stats import Comparison, Counts, NpsSummary

Mode = Literal["segment", "week", "month", "quarter"]
_GRAIN_MODES: dict[str, Mode] = {"week": "week", "month": "month", "quarter": "quarter"}


@click.group("nps", help="nps.cmd.group")
def nps() -> None:
    """NPS: import survey exports, show NPS with its 95 % interval, compare before and after."""


# -- import -------------------------------------------------------------------------------------


@nps.command("import", help="nps.cmd.import")
@click.argument("file", type=WORKSPACE_FILE)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--survey", required=True, help="nps.cmd.import_survey")
@click.option("--score-column", default=None, help="nps.cmd.score_column")
@click.option("--comment-column", default=None, help="nps.cmd.comment_column")
@click.option("--segment-column", default=None, help="nps.cmd.segment_column")
@click.option("--date-column", default=None, help="nps.cmd.date_column")
@click.option("--date-format", type=click.Choice(["dmy", "mdy"]), default=None, help="nps.cmd.date_format")
@click.option("--force-scale", is_flag=True, help="nps.cmd.force_scale")
@click.option("--skip-duplicates", is_flag=True, help="nps.cmd.skip_duplicates")
@click.option("--rejects", type=click.Path(path_type=Path), default=None, help="nps.cmd.rejects")
@LANG_OPTION
@click.pass_context
@one_line_errors
def import_cmd(
    ctx: click.Context,
    file: Path,
    source: Path,
    survey: str,
    score_column: str | None,
    comment_column: str | None,
    segment_column: str | None,
    date_column: str | None,
    date_format: str | None,
    force_scale: bool,
    skip_duplicates: bool,
    rejects: Path | None,
    lang: str | None,
) -> None:
    from cxtui.errors import InputError
    from cxtui.gcpause import gc_paused
    from cxtui.i18n import t
    from cxtui.importing.limits import MAX_ARGUMENT_CHARS
    from cxtui.importing.table import save_rejects_csv
    from cxtui.nps.importers import open_export
    from cxtui.nps.repo import import_parsed

    apply_lang(ctx, lang)
    if len(survey) > MAX_ARGUMENT_CHARS:
        raise InputError(
            t("importing.limit.argument", option="--survey", limit=f"{MAX_ARGUMENT_CHARS:,}"), field="survey"
        )
    if not source.exists():
        raise InputError(t("nps.repo.source_missing", path=source), field="source")
    # The source is checked (readable, a survey export, its columns found) before FILE is opened
    # for writing: a failed import never creates, migrates or backs up the workspace.
    parsed = open_export(
        source,
        score_column=score_column,
        comment_column=comment_column,
        segment_column=segment_column,
        date_column=date_column,
        source_name=source.name,
        date_format=date_format,
        force_scale=force_scale,
    )
    with writing_to(file) as store:
        with gc_paused():
            result = import_parsed(store, survey, parsed, skip_duplicates=skip_duplicates)
    cols = result.columns
    click.echo(
        t(
            "nps.cli.into",
            survey=result.survey.name,
            source=result.source,
            layout=result.layout,
            encoding=result.encoding,
        )
    )
    click.echo(
        t(
            "nps.cli.columns",
            score=_quoted(cols.score),
            comment=_quoted(cols.comment),
            segment=_quoted(cols.segment),
            date=_quoted(cols.date),
        )
    )
    if result.date_order is not None:
        click.echo(
            t(f"nps.cli.date_order_{result.date_order}", how=t(f"nps.cli.date_by_{result.date_order_by}"))
        )
    click.echo(
        t("nps.cli.imported", imported=result.imported, blank=result.blank, rejected=len(result.rejected))
    )
    if result.duplicates:
        click.echo(t("nps.cli.duplicates_skipped", n=result.duplicates))
    for row in result.rejected:
        click.echo(t("nps.cli.reject_line", line=row.line, reason=row.reason))
    if rejects is not None and result.rejected:
        save_rejects_csv(result.rejected, rejects)
        click.echo(t("nps.cli.rejects_saved", path=rejects))


def _quoted(value: str | None) -> str:
    from cxtui.i18n import t

    return t("nps.repo.absent") if value is None else t("nps.repo.quoted", value=value)


# -- show ---------------------------------------------------------------------------------------


@nps.command("show", help="nps.cmd.show")
@click.argument("file", type=WORKSPACE_FILE)
@click.option("--survey", default=None, help="nps.cmd.show_survey")
@click.option(
    "--by",
    default=None,
    metavar="SEGMENT",
    help="nps.cmd.show_by",
)
@JSON_OPTION
@LANG_OPTION
@click.pass_context
@one_line_errors
def show_cmd(
    ctx: click.Context, file: Path, survey: str | None, by: str | None, as_json: bool, lang: str | None
) -> None:
    """Show NPS with its 95 % interval: every survey, or one with --survey.

    --json prints one object (survey, n, promoters, passives, detractors, nps, ci95, rejected) for
    one survey, a list of them without --survey, and a list with one entry per segment value (key
    "segment") or period (key "period") with --by.
    """
    from cxtui.db.store import Store
    from cxtui.nps import queries as q
    from cxtui.nps import surveys

    apply_lang(ctx, lang)
    with Store.snapshot(file) as reader:
        if not reader.has_table("responses"):
            # A workspace from before NPS existed: no surveys, and so no survey of that name.
            if survey is not None:
                _no_such_survey(survey)
            _print_summaries([], as_json, single=False)
            return
        if by is None:
            if survey is None:
                _print_summaries(q.summaries(reader), as_json, single=False)
            else:
                _print_summaries([q.summary(reader, survey)], as_json, single=True)
            return
        mode = _by_mode(reader, by)
        refs = (
            [surveys.resolve(reader, survey)]
            if survey
            else [surveys.resolve(reader, s) for s in surveys.list_surveys(reader)]
        )
        entries: list[tuple[str, str, NpsSummary]] = []
        for ref in refs:
            if mode == "segment":
                entries += [(ref.label, seg, s) for seg, s in q.by_segment(reader, ref)]
            else:
                entries += [
                    (ref.label, p.period, _named(ref.label, p.counts)) for p in q.trend(reader, ref, mode)
                ]
        _print_groups(entries, "segment" if mode == "segment" else "period", as_json)


def _no_such_survey(name: str) -> NoReturn:
    from cxtui.errors import InputError
    from cxtui.i18n import t

    raise InputError(t("nps.repo.survey_missing", name=name, known=t("nps.repo.none")), field="survey")


def _named(name: str, counts: Counts) -> NpsSummary:
    from cxtui.nps.stats import NpsSummary

    return NpsSummary.from_counts(name, counts)


def _by_mode(reader: Store, by: str) -> Mode:
    from cxtui.errors import InputError
    from cxtui.i18n import t

    wanted = by.strip().lower()
    headers = {
        str(r["segment_column"]).lower()
        for r in reader.rows("SELECT DISTINCT segment_column FROM imports WHERE segment_column IS NOT NULL")
    }
    if wanted == "segment" or wanted in headers:
        return "segment"
    if wanted in _GRAIN_MODES:
        return _GRAIN_MODES[wanted]
    choices = ", ".join(["segment", *sorted(headers), *_GRAIN_MODES])
    raise InputError(t("nps.repo.bad_by", by=by, choices=choices), field="by")


def _print_summaries(items: Sequence[SurveySummary], as_json: bool, *, single: bool) -> None:
    from cxtui.i18n import t

    if as_json:
        dump_json(items[0].to_json() if single else [s.to_json() for s in items])
        return
    if not items:
        click.echo(t("nps.cli.no_surveys"))
        return
    header = [t("nps.cli.h_survey"), t("nps.cli.h_period"), *_figure_headers(), t("nps.cli.h_rejected")]
    rows = []
    for s in items:
        period = "" if s.first is None else f"{s.first.isoformat()} – {s.last.isoformat() if s.last else ''}"
        rows.append([s.name, period, *_figures(s.summary), str(s.summary.rejected)])
    print_table(header, rows, right={2, 3, 5, 6, 7, 8})
    _notes([s.summary for s in items])


def _figure_headers() -> list[str]:
    """Headers of the columns `_figures()` fills: n, NPS, interval, the three groups."""
    from cxtui.i18n import t

    keys = ("nps.cli.h_n", "nps.cli.h_nps", "nps.cli.h_ci", "nps.cli.h_promoters", "nps.cli.h_passives",
            "nps.cli.h_detractors")  # fmt: skip
    return [t(key) for key in keys]


def _print_groups(entries: list[tuple[str, str, NpsSummary]], key: str, as_json: bool) -> None:
    from cxtui.i18n import t

    if as_json:
        dump_json(
            [
                {"survey": name, key: group, **{k: v for k, v in s.to_json().items() if k != "survey"}}
                for name, group, s in entries
            ]
        )
        return
    if not entries:
        click.echo(t("nps.cli.no_surveys"))
        return
    group_header = t("nps.cli.h_segment" if key == "segment" else "nps.cli.h_period")
    header = [t("nps.cli.h_survey"), group_header, *_figure_headers()]
    rows = [[name, group or t("nps.repo.no_segment"), *_figures(s)] for name, group, s in entries]
    print_table(header, rows, right={2, 3, 5, 6, 7})
    _notes([s for _, _, s in entries])


def _figures(s: NpsSummary) -> list[str]:
    """n, NPS, interval and the three shares, as the tables show them (small samples starred)."""
    from cxtui.format import NONE, points, share_text
    from cxtui.nps.stats import is_small, shares

    star = "*" if s.n > 0 and is_small(s.counts) else ""
    pct = shares(s.counts)
    parts = [NONE] * 3 if pct is None else [share_text(v) for v in pct]
    return [f"{s.n}{star}", points(s.nps), _interval(s), *parts]


def _interval(s: NpsSummary) -> str:
    """`[+10, +23]`, or `— (n<5)` when there are answers but too few for an interval."""
    from cxtui.format import interval
    from cxtui.i18n import t
    from cxtui.nps.stats import MIN_CI_N

    if s.n > 0 and not s.ci95_meaningful:
        return t("nps.cli.no_ci", min=MIN_CI_N)
    return interval(s.ci95)


def _notes(summaries: Sequence[NpsSummary]) -> None:
    """The footnotes a table needs: small samples (*), intervals left out (n < MIN_CI_N)."""
    from cxtui.i18n import t
    from cxtui.nps.stats import MIN_CI_N, is_small

    if any(s.n > 0 and is_small(s.counts) for s in summaries):
        click.echo(t("nps.cli.small_note"))
    if any(s.n > 0 and not s.ci95_meaningful for s in summaries):
        click.echo(t("nps.cli.no_ci_note", min=MIN_CI_N))


# -- compare ------------------------------------------------------------------------------------


@nps.command("compare", help="nps.cmd.compare")
@click.argument("file", type=WORKSPACE_FILE)
@click.argument("before")
@click.argument("after")
@click.option("--segment", default=None, help="nps.cmd.compare_segment")
@JSON_OPTION
@LANG_OPTION
@click.pass_context
@one_line_errors
def compare_cmd(
    ctx: click.Context,
    file: Path,
    before: str,
    after: str,
    segment: str | None,
    as_json: bool,
    lang: str | None,
) -> None:
    """Compare NPS BEFORE and AFTER (survey names or date ranges 2026-01-01..2026-03-31).

    Says whether the change is real (p < 0.05 on the adjusted-Wald z-test) or could be noise.
    """
    from cxtui.db.store import Store
    from cxtui.nps import queries as q

    apply_lang(ctx, lang)
    with Store.snapshot(file) as reader:
        if not reader.has_table("responses"):
            _no_such_survey(before)
        result = q.compare(reader, before, after, segment)
    _print_comparison(result, as_json)


# DESIGN.md's keys, then the interval of Δ (null below MIN_CI_N answers a side) and its flag.
_COMPARE_KEYS = (
    "before",
    "after",
    "delta",
    "z",
    "p_value",
    "significant",
    "delta_ci95",
    "delta_ci95_meaningful",
)


def _print_comparison(result: Comparison, as_json: bool) -> None:
    from cxtui.format import p_text, points
    from cxtui.i18n import t
    from cxtui.nps.queries import verdict
    from cxtui.nps.stats import MIN_CI_N

    if as_json:
        data = result.to_json()
        dump_json({k: data[k] for k in _COMPARE_KEYS})
        return
    # The before/after column needs no heading.
    header = ["", t("nps.cli.h_survey"), *_figure_headers()]
    rows = [
        [t("nps.repo.before"), result.before.survey, *_figures(result.before)],
        [t("nps.repo.after"), result.after.survey, *_figures(result.after)],
    ]
    print_table(header, rows, right={2, 3, 5, 6, 7})
    _notes([result.before, result.after])
    if result.delta is not None and result.z is not None:
        p = p_text(result.p_value or 0.0)
        z = f"{result.z:.2f}"
        if result.delta_ci95 is None:  # a side has too few answers for an interval (as in the table)
            click.echo(t("nps.cli.change_no_ci", delta=points(result.delta), min=MIN_CI_N, z=z, p=p))
        else:
            lo, hi = result.delta_ci95
            click.echo(
                t("nps.cli.change", delta=points(result.delta), lo=points(lo), hi=points(hi), z=z, p=p)
            )
    click.echo(verdict(result))


# -- templates ----------------------------------------------------------------------------------


@nps.command("template", help="nps.cmd.template")
@click.argument("key", type=click.Choice(["after_1min", "next_week_2min"]))
@LANG_OPTION
@click.pass_context
def template_cmd(ctx: click.Context, key: str, lang: str | None) -> None:
    """Print a light survey template (1-minute right-after, 2-minute next-week) for a form tool."""
    from cxtui.i18n import get_language
    from cxtui.nps.templates import template_text

    apply_lang(ctx, lang)
    click.echo(template_text(key, get_language()), nl=False)


COMMANDS = [nps]

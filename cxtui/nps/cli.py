"""`cxtui nps ...`: import survey exports, show NPS with its interval, compare before and after.

Only click is imported at module level: `cxtui nps show` must start fast (no textual, openpyxl,
sqlite-utils or pydantic on the read path). Errors are one line on stderr with DESIGN's exit codes:
1 the command refused for a reason it explains, 2 bad input or a bad file.
"""

from __future__ import annotations

import functools
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn, ParamSpec, TypeVar

import click

if TYPE_CHECKING:
    from cxtui.nps.queries import Reader, SurveySummary
    from cxtui.nps.stats import Comparison, Counts, NpsSummary

P = ParamSpec("P")
R = TypeVar("R")

_LANG = click.option(
    "--lang", type=click.Choice(["en", "ja"]), default=None, help="UI language (default: from the locale)."
)
_JSON = click.option("--json", "as_json", is_flag=True, help="Print DESIGN.md's JSON instead of a table.")
Mode = Literal["segment", "week", "month", "quarter"]
_GRAIN_MODES: dict[str, Mode] = {"week": "week", "month": "month", "quarter": "quarter"}


def _apply_lang(ctx: click.Context, lang: str | None) -> None:
    from cxtui.i18n import detect_language, set_language

    # `cxtui --lang ja nps show ...` puts the language on the root command's context object.
    root = ctx.find_root().obj
    parent = root.get("lang") if isinstance(root, dict) else None
    set_language(lang or parent or detect_language())


def _one_line_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn an explained failure (CxError) into one stderr line and its exit code, even when the
    command runs outside `cxtui.cli.main` (click's test runner, another group)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from cxtui.errors import CxError

        try:
            return command(*args, **kwargs)
        except CxError as exc:
            click.echo(f"cxtui: {exc.message}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


@click.group("nps")
def nps() -> None:
    """NPS: import survey exports, show NPS with its 95 % interval, compare before and after."""


# -- import -------------------------------------------------------------------------------------


@nps.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--survey", required=True, help="Survey to import into (created if new).")
@click.option("--score-column", default=None, help="Header of the 0–10 column (default: detected).")
@click.option("--comment-column", default=None, help="Header of the comment column.")
@click.option("--segment-column", default=None, help="Header of the segment column (store, channel...).")
@click.option("--date-column", default=None, help="Header of the answer date column.")
@click.option("--rejects", type=click.Path(path_type=Path), default=None, help="Save rejected rows as CSV.")
@_LANG
@click.pass_context
@_one_line_errors
def import_cmd(
    ctx: click.Context,
    file: Path,
    source: Path,
    survey: str,
    score_column: str | None,
    comment_column: str | None,
    segment_column: str | None,
    date_column: str | None,
    rejects: Path | None,
    lang: str | None,
) -> None:
    """Import the survey export SOURCE into the workspace FILE (which must exist).

    Every row is imported, skipped as blank or rejected with its line number and reason. The
    import is one transaction; importing the same file into the same survey again is refused.
    """
    from cxtui.errors import InputError, WorkspaceError
    from cxtui.gcpause import gc_paused
    from cxtui.i18n import t
    from cxtui.nps.importers import parse_file
    from cxtui.nps.repo import import_parsed, save_rejects_csv
    from cxtui.store import Store

    _apply_lang(ctx, lang)
    if not file.exists() and not file.is_dir():
        raise WorkspaceError(t("ws.missing", path=file))
    if not source.exists():
        raise InputError(t("nps.source_missing", path=source), field="source")
    store = Store.open(file)
    try:
        with gc_paused():
            parsed = parse_file(
                source,
                score_column=score_column,
                comment_column=comment_column,
                segment_column=segment_column,
                date_column=date_column,
                source_name=source.name,
            )
            result = import_parsed(store, survey, parsed)
    finally:
        store.close()
    cols = result.columns
    click.echo(
        t(
            "nps.cli_into",
            survey=result.survey.name,
            source=result.source,
            layout=result.layout,
            encoding=result.encoding,
        )
    )
    click.echo(
        t(
            "nps.cli_columns",
            score=_quoted(cols.score),
            comment=_quoted(cols.comment),
            segment=_quoted(cols.segment),
            date=_quoted(cols.date),
        )
    )
    click.echo(
        t("nps.cli_imported", imported=result.imported, blank=result.blank, rejected=len(result.rejected))
    )
    for row in result.rejected:
        click.echo(t("nps.cli_reject_line", line=row.line, reason=row.reason))
    if rejects is not None and result.rejected:
        save_rejects_csv(result.rejected, rejects)
        click.echo(t("nps.cli_rejects_saved", path=rejects))


def _quoted(value: str | None) -> str:
    from cxtui.i18n import t

    return t("nps.absent") if value is None else t("nps.quoted", value=value)


# -- show ---------------------------------------------------------------------------------------


@nps.command("show")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--survey", default=None, help="Survey name, or a date range 2026-01-01..2026-03-31.")
@click.option(
    "--by",
    default=None,
    metavar="SEGMENT",
    help="One entry per segment value ('segment' or the segment column's header), or per week/month/quarter.",
)
@_JSON
@_LANG
@click.pass_context
@_one_line_errors
def show_cmd(
    ctx: click.Context, file: Path, survey: str | None, by: str | None, as_json: bool, lang: str | None
) -> None:
    """Show NPS with its 95 % interval: every survey, or one with --survey.

    --json prints DESIGN.md's object for one survey, a list of them without --survey, and a list
    with one entry per segment value (key "segment") or period (key "period") with --by.
    """
    from cxtui.nps import queries as q
    from cxtui.nps.reader import ReadOnlyWorkspace

    _apply_lang(ctx, lang)
    with ReadOnlyWorkspace.open(file) as reader:
        if not reader.has_nps:
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
            [q.resolve(reader, survey)] if survey else [q.resolve(reader, s) for s in q.list_surveys(reader)]
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

    raise InputError(t("nps.survey_missing", name=name, known=t("nps.none")), field="survey")


def _named(name: str, counts: Counts) -> NpsSummary:
    from cxtui.nps.stats import NpsSummary

    return NpsSummary.from_counts(name, counts)


def _by_mode(reader: Reader, by: str) -> Mode:
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
    raise InputError(t("nps.bad_by", by=by, choices=choices), field="by")


def _dump(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _print_summaries(items: Sequence[SurveySummary], as_json: bool, *, single: bool) -> None:
    from cxtui.i18n import t

    if as_json:
        _dump(items[0].to_json() if single else [s.to_json() for s in items])
        return
    if not items:
        click.echo(t("nps.cli_no_surveys"))
        return
    header = [t("nps.h_survey"), t("nps.h_period"), *_figure_headers(), t("nps.h_rejected")]
    rows = []
    for s in items:
        period = "" if s.first is None else f"{s.first.isoformat()} – {s.last.isoformat() if s.last else ''}"
        rows.append([s.name, period, *_figures(s.summary), str(s.summary.rejected)])
    _print_table(header, rows, right={2, 3, 5, 6, 7, 8})
    if any(s.small and s.n > 0 for s in items):
        click.echo(t("nps.cli_small_note"))


def _figure_headers() -> list[str]:
    """Headers of the columns `_figures()` fills: n, NPS, interval, the three groups."""
    from cxtui.i18n import t

    names = ("h_n", "h_nps", "h_ci", "h_promoters", "h_passives", "h_detractors")
    return [t(f"nps.{name}") for name in names]


def _print_groups(entries: list[tuple[str, str, NpsSummary]], key: str, as_json: bool) -> None:
    from cxtui.i18n import t

    if as_json:
        _dump(
            [
                {"survey": name, key: group, **{k: v for k, v in s.to_json().items() if k != "survey"}}
                for name, group, s in entries
            ]
        )
        return
    if not entries:
        click.echo(t("nps.cli_no_surveys"))
        return
    group_header = t("nps.h_segment" if key == "segment" else "nps.h_period")
    header = [t("nps.h_survey"), group_header, *_figure_headers()]
    rows = [[name, group or t("nps.no_segment"), *_figures(s)] for name, group, s in entries]
    _print_table(header, rows, right={2, 3, 5, 6, 7})
    if any(0 < s.n < 30 for _, _, s in entries):
        click.echo(t("nps.cli_small_note"))


def _figures(s: NpsSummary) -> list[str]:
    """n, NPS, interval and the three shares, as the tables show them (small samples starred)."""
    from cxtui.nps.queries import format_points
    from cxtui.nps.stats import is_small, shares

    star = "*" if s.n > 0 and is_small(s.counts) else ""
    ci = "—" if s.ci95 is None else f"[{format_points(s.ci95[0])}, {format_points(s.ci95[1])}]"
    pct = shares(s.counts)
    parts = ["—"] * 3 if pct is None else [f"{format_points(v)} %" for v in pct]
    return [f"{s.n}{star}", format_points(s.nps), ci, *parts]


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide and full-width (Japanese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def _print_table(header: list[str], rows: list[list[str]], right: set[int]) -> None:
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(_pad(cell, widths[i], i in right) for i, cell in enumerate(row)).rstrip())


# -- compare ------------------------------------------------------------------------------------


@nps.command("compare")
@click.argument("file", type=click.Path(path_type=Path))
@click.argument("before")
@click.argument("after")
@click.option("--segment", default=None, help="Compare one segment value only (e.g. one store).")
@_JSON
@_LANG
@click.pass_context
@_one_line_errors
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
    from cxtui.nps import queries as q
    from cxtui.nps.reader import ReadOnlyWorkspace

    _apply_lang(ctx, lang)
    with ReadOnlyWorkspace.open(file) as reader:
        if not reader.has_nps:
            _no_such_survey(before)
        result = q.compare(reader, before, after, segment)
    _print_comparison(result, as_json)


_COMPARE_KEYS = ("before", "after", "delta", "z", "p_value", "significant")


def _print_comparison(result: Comparison, as_json: bool) -> None:
    from cxtui.i18n import t
    from cxtui.nps.queries import format_points, p_text, verdict

    if as_json:
        # DESIGN.md's keys exactly; the interval of Δ is in the table and the repository API.
        data = result.to_json()
        _dump({k: data[k] for k in _COMPARE_KEYS})
        return
    # The before/after column needs no heading.
    header = ["", t("nps.h_survey"), *_figure_headers()]
    rows = [
        [t("nps.before"), result.before.survey, *_figures(result.before)],
        [t("nps.after"), result.after.survey, *_figures(result.after)],
    ]
    _print_table(header, rows, right={2, 3, 5, 6, 7})
    if result.delta is not None and result.delta_ci95 is not None and result.z is not None:
        p = result.p_value or 0.0
        click.echo(
            t(
                "nps.cli_change",
                delta=format_points(result.delta, signed=True),
                lo=format_points(result.delta_ci95[0], signed=True),
                hi=format_points(result.delta_ci95[1], signed=True),
                z=f"{result.z:.2f}",
                p=p_text(p),
            )
        )
    click.echo(verdict(result))


# -- templates ----------------------------------------------------------------------------------


@nps.command("template")
@click.argument("key", type=click.Choice(["after_1min", "next_week_2min"]))
@_LANG
@click.pass_context
def template_cmd(ctx: click.Context, key: str, lang: str | None) -> None:
    """Print a light survey template from seed 002, ready to paste into a form tool."""
    from cxtui.i18n import get_language
    from cxtui.nps.templates import template_text

    _apply_lang(ctx, lang)
    click.echo(template_text(key, get_language()), nl=False)

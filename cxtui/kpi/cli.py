"""`cxtui kpi ...` and `cxtui evidence ...`: import and record KPI values, show the cards, capture
field evidence from the command line.

Only click is imported at module level (`cxtui kpi show` starts fast). Errors are one line on stderr:
exit 1 when the command refused for a reason it explains (a file imported before, a value already
recorded that day), 2 for bad input or a bad file.
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
    from cxtui.db.store import Store
    from cxtui.kpi.models import Kpi

_LAYERS = ["action", "intermediate", "result", "behaviour", "experience", "psychology", "ltv"]


@click.group("kpi")
def kpi() -> None:
    """KPIs in layers: import and record values, show the cards with change and target."""


@kpi.command("import")
@click.argument("file", type=WORKSPACE_FILE)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--create-missing", is_flag=True, help="Create KPIs the workspace does not have yet.")
@click.option(
    "--layer", type=click.Choice(_LAYERS), default=None, help="Layer of KPIs created by --create-missing."
)
@click.option("--rejects", type=click.Path(path_type=Path), default=None, help="Save rejected rows as CSV.")
@LANG_OPTION
@click.pass_context
@one_line_errors
def import_cmd(
    ctx: click.Context,
    file: Path,
    source: Path,
    create_missing: bool,
    layer: str | None,
    rejects: Path | None,
    lang: str | None,
) -> None:
    """Import KPI values from SOURCE (CSV or XLSX) into the workspace FILE (created if missing).

    Long files hold a date, a KPI name and a value per row; wide files a date and one column per
    KPI. Every row is imported, skipped or rejected with its line and reason; the import is one
    transaction, and importing the same file again is refused.

    Limits: a regular file of at most 256 MB, 2,000,000 rows, 1,000 columns, 32,767 characters a
    cell; dates 1900-01-01 to 2100-12-31.
    """
    from cxtui.errors import InputError
    from cxtui.i18n import t
    from cxtui.importing.table import save_rejects_csv
    from cxtui.kpi.import_store import import_parsed
    from cxtui.kpi.importers import parse_file
    from cxtui.kpi.texts import one_line

    apply_lang(ctx, lang)
    if not source.exists():
        raise InputError(t("kpi.import.source_missing", path=source), field="source")
    # The source is read before FILE is opened: a bad source leaves FILE as it was (not created,
    # migrated or backed up).
    parsed = parse_file(source, source_name=source.name)
    with writing_to(file) as store:
        result = import_parsed(store, parsed, create_missing=create_missing, layer=layer)
    click.echo(t("kpi.cli.from_file", source=result.source, layout=t(f"kpi.import.layout_{result.layout}"),
                 encoding=result.encoding))  # fmt: skip
    click.echo(
        t(
            "kpi.cli.imported",
            imported=result.imported,
            kpis=result.kpis,
            skipped=len(result.skipped),
            rejected=len(result.rejected),
        )
    )
    if result.created:
        click.echo(t("kpi.cli.created", names=one_line(", ".join(result.created))))
    for row in result.rejected:
        click.echo(t("kpi.cli.reject_line", line=row.line, reason=one_line(row.reason)))
    if rejects is not None and result.rejected:
        save_rejects_csv(result.rejected, rejects)
        click.echo(t("kpi.cli.rejects_saved", path=rejects))
    if result.import_id is None and result.rejected:
        click.echo(t("kpi.cli.nothing_imported"))


def _named(store: Store, name: str) -> Kpi:
    from cxtui.errors import InputError
    from cxtui.i18n import t
    from cxtui.kpi.repo import find_kpi_named, kpis

    found = find_kpi_named(store, name)
    if found is None:
        known = ", ".join(k.name for k in kpis(store)) or t("kpi.cli.none")
        raise InputError(t("kpi.cli.no_such_kpi", name=name, known=known), field="kpi")
    return found


@kpi.command("record")
@click.argument("file", type=WORKSPACE_FILE)
@click.argument("name", metavar="KPI")
@click.argument("value")
@click.option("--date", "day", default=None, help="Date of the value (default: today).")
@click.option("--note", default="", help="A note beside the value.")
@click.option("--replace", is_flag=True, help="Replace a value already recorded on that date.")
@click.option("--checkin", is_flag=True, help="Also record the value as the linked KR's check-in.")
@LANG_OPTION
@click.pass_context
@one_line_errors
def record_cmd(
    ctx: click.Context,
    file: Path,
    name: str,
    value: str,
    day: str | None,
    note: str,
    replace: bool,
    checkin: bool,
    lang: str | None,
) -> None:
    """Record VALUE for the KPI named KPI (`12%`, `12,345円` and full-width digits are read as numbers).

    A second value for the same KPI and date is refused unless --replace.
    """
    from cxtui import clock
    from cxtui.errors import InputError
    from cxtui.i18n import t
    from cxtui.importing.values import parse_number
    from cxtui.kpi import repo
    from cxtui.kpi.models import KpiValue, Source
    from cxtui.kpi.texts import value_text
    from cxtui.validation import parse_date

    apply_lang(ctx, lang)
    number = parse_number(value)
    if number is None:
        raise InputError(f"{t('common.field.value')}: {t('common.err.not_number')} ({value})", field="value")
    when = clock.today() if day is None else parse_date(day, "date")
    if not file.exists():  # a new workspace has no KPI: refused without creating FILE
        raise InputError(t("kpi.cli.no_such_kpi", name=name, known=t("kpi.cli.none")), field="kpi")
    with writing_to(file) as store:
        found = _named(store, name)
        if found.source is not Source.typed:
            raise InputError(
                t("kpi.err.derived", name=found.name, source=t(f"kpi.source.{found.source.value}")),
                field="kpi",
            )
        previous = repo.latest_on_or_before(store, found.id, when)
        # One action: a check-in that is refused (no linked KR, a check-in that day without
        # --replace, an odd date) leaves the KPI value unsaved too.
        with store.action(t("kpi.act.record")):
            repo.record_value(
                store, KpiValue(kpi_id=found.id, date=when, value=number, note=note), replace=replace
            )
            kr_title = _checkin(store, found, when, number, replace=replace) if checkin else None
        click.echo(
            t("kpi.cli.recorded", name=found.name, value=value_text(found, number), date=when.isoformat())
        )
        if previous is not None and previous.date != when:
            click.echo(
                t("kpi.cli.previous", value=value_text(found, previous.value), date=previous.date.isoformat())
            )
        if kr_title is not None:
            click.echo(t("kpi.cli.checked_in", title=kr_title))


def _checkin(store: Store, found: Kpi, when: object, number: float, *, replace: bool) -> str:
    """Record the value as the linked KR's check-in (a check-in that day replaced with `replace`);
    the KR's title."""
    from datetime import date

    from cxtui.errors import InputError
    from cxtui.i18n import t
    from cxtui.okr import checkin_repo as okr_checkins
    from cxtui.okr import repo as okr
    from cxtui.okr.models import CheckIn

    assert isinstance(when, date)
    kr = okr.find_key_result(store, found.kr_id) if found.kr_id else None
    if kr is None:
        raise InputError(t("kpi.cli.no_kr", name=found.name), field="checkin")
    okr_checkins.record_checkin(store, CheckIn(kr_id=kr.id, date=when, value=number), replace=replace)
    return kr.title


@kpi.command("show")
@click.argument("file", type=WORKSPACE_FILE)
@JSON_OPTION
@LANG_OPTION
@click.pass_context
@one_line_errors
def show_cmd(ctx: click.Context, file: Path, as_json: bool, lang: str | None) -> None:
    """Show every KPI by layer: latest value, change (▲/▼ better/worse), target, due, linked KR.

    --json prints {"kpis": [{"id", "name", "layer", "unit", "direction", "target", "cadence",
    "focus", "kr_id", "latest", "previous", "change", "due", "values"}]}.
    """
    from cxtui import clock
    from cxtui.db.store import Store
    from cxtui.kpi.board import show_json

    apply_lang(ctx, lang)
    with Store.snapshot(file) as reader:
        if not reader.has_table("kpis"):
            data: dict[str, object] = {"kpis": []}
        else:
            data = show_json(reader, clock.today())
    if as_json:
        dump_json(data)
        return
    _print_kpis(data)


def _print_kpis(data: dict[str, object]) -> None:
    from cxtui.i18n import t
    from cxtui.kpi.metrics import change, distance
    from cxtui.kpi.models import Cadence, Direction, Kpi, Source
    from cxtui.kpi.texts import (
        cadence_text,
        change_text,
        distance_text,
        due_text,
        layer_text,
        one_line,
        value_text,
    )

    items = data["kpis"]
    assert isinstance(items, list)
    if not items:
        click.echo(t("kpi.cli.no_kpis"))
        return
    header = [
        t(f"kpi.cli.h_{name}") for name in ("layer", "kpi", "latest", "change", "target", "cadence", "kr")
    ]
    rows = []
    for item in items:
        kpi = Kpi(name=item["name"], layer=item["layer"], unit=item["unit"],
                  direction=Direction(item["direction"]), target=item["target"],
                  cadence=Cadence(item["cadence"]), source=Source(item["source"]))  # fmt: skip
        latest, previous = item["latest"], item["previous"]
        value = None if latest is None else latest["value"]
        moved = None if value is None or previous is None else change(value, previous["value"], kpi.direction)
        gap = None if value is None else distance(value, kpi.target, kpi.direction)
        star = "★ " if item["focus"] else ""
        rows.append(
            [
                layer_text(kpi.layer),
                star + kpi.name,
                value_text(kpi, value) + (f" (n={latest['n']})" if latest and "n" in latest else ""),
                change_text(moved, kpi),
                distance_text(kpi, gap),
                f"{cadence_text(kpi)} · {due_text(kpi, item['due'])}",
                item.get("kr_title") or "",
            ]
        )
    print_table(header, [[one_line(c) for c in row] for row in rows], right={2})


@click.group("evidence")
def evidence() -> None:
    """Field evidence (the 1-minute record): the phrase that changed, the scene, what to try next."""


@evidence.command("add")
@click.argument("file", type=WORKSPACE_FILE)
@click.argument("quote")
@click.option("--scene", default="", help="Where it was said or seen.")
@click.option("--next", "next_step", default="", help="The one thing to try next.")
@click.option("--kind", type=click.Choice(["conversation", "behaviour", "other"]), default="conversation")
@click.option("--kpi", "kpi_name", default=None, help="Name of the KPI it explains.")
@click.option("--date", "day", default=None, help="Date (default: today).")
@LANG_OPTION
@click.pass_context
@one_line_errors
def add_cmd(
    ctx: click.Context,
    file: Path,
    quote: str,
    scene: str,
    next_step: str,
    kind: str,
    kpi_name: str | None,
    day: str | None,
    lang: str | None,
) -> None:
    """Record the phrase that changed (QUOTE), optionally with its scene, what to try next and a KPI."""
    import dataclasses

    from cxtui import clock
    from cxtui.errors import InputError
    from cxtui.i18n import t
    from cxtui.kpi import repo
    from cxtui.kpi.models import Evidence, EvidenceKind
    from cxtui.validation import parse_date, validated

    apply_lang(ctx, lang)
    when = clock.today() if day is None else parse_date(day, "date")
    # Everything that can be checked without FILE is checked first: a refused record leaves FILE
    # as it was (not created, not migrated).
    item = validated(
        Evidence,
        {"date": when, "quote": quote, "scene": scene.strip(), "next_step": next_step.strip(),
         "kind": EvidenceKind(kind), "kpi_id": None},
    )  # fmt: skip
    if kpi_name is not None and not file.exists():
        raise InputError(t("kpi.cli.no_such_kpi", name=kpi_name, known=t("kpi.cli.none")), field="kpi")
    with writing_to(file) as store:
        if kpi_name is not None:
            item = dataclasses.replace(item, kpi_id=_named(store, kpi_name).id)
        repo.save_evidence(store, item)
    from cxtui.kpi.texts import one_line

    click.echo(t("kpi.cli.evidence_added", date=when.isoformat(), quote=one_line(item.quote)))


@evidence.command("list")
@click.argument("file", type=WORKSPACE_FILE)
@click.option("--kind", type=click.Choice(["conversation", "behaviour", "other"]), default=None)
@click.option("--kpi", "kpi_name", default=None, help="Only evidence linked to this KPI.")
@click.option("--search", default=None, help="Only evidence whose quote, scene or next step holds this text.")
@JSON_OPTION
@LANG_OPTION
@click.pass_context
@one_line_errors
def list_cmd(
    ctx: click.Context,
    file: Path,
    kind: str | None,
    kpi_name: str | None,
    search: str | None,
    as_json: bool,
    lang: str | None,
) -> None:
    """List field evidence, newest first."""
    from cxtui.db.store import Store
    from cxtui.i18n import t
    from cxtui.kpi import repo
    from cxtui.kpi.models import EvidenceKind
    from cxtui.kpi.report import evidence_item
    from cxtui.kpi.texts import one_line

    apply_lang(ctx, lang)
    with Store.snapshot(file) as reader:
        if not reader.has_table("evidence"):
            items = []
        else:
            linked = None if kpi_name is None else _named(reader, kpi_name)
            names = {k.id: k.name for k in repo.kpis(reader)}
            found = repo.evidence(
                reader,
                kind=None if kind is None else EvidenceKind(kind),
                kpi_id=None if linked is None else linked.id,
                search=search,
            )
            items = [evidence_item(e, names) for e in found]
    if as_json:
        dump_json({"evidence": items})
        return
    if not items:
        click.echo(t("kpi.cli.no_evidence"))
        return
    header = [t(f"kpi.cli.h_{name}") for name in ("date", "kind", "quote", "scene", "next", "kpi")]
    rows = [
        [e["date"], t(f"kpi.kind.{e['kind']}"), e["quote"], e["scene"], e["next_step"], e["kpi"] or ""]
        for e in items
    ]
    print_table(header, [[one_line(c) for c in row] for row in rows], right=set())


COMMANDS = [kpi, evidence]

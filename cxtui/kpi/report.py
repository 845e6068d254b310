"""The KPI sections of the report: the focus KPIs with their change beside the voices that explain them
(seed 002: "numbers and field quotes on one page"), and the A4 definitions sheet for the workshop wall,
which lists every KPI (the main page names how many others it holds).

JSON (keys are added, never renamed)::

    "kpis": {"layer_model": "3" | "4", "layers": [...], "focus_advised": 5, "focus_count": int,
             "kpis": [ ... as `cxtui kpi show --json` (every KPI, "focus": true | false),
                       plus "voice": {"date", "quote"} | null ]},
    "evidence": {"since": "YYYY-MM-DD" | null, "until": "YYYY-MM-DD", "total": int,
                 "items": [{"id", "date", "quote", "scene", "next_step", "kind", "kpi_id", "kpi",
                            "cycle_id"}]},                  # newest first, at most EVIDENCE_SHOWN
    "definitions": {"kpis": [{"id", "name", "layer", "unit", "direction", "target", "cadence",
                              "definition", "how_measured", "formula", "owner", "source"}],
                    "formulas": [{"name", "definition", "formula"}]}   # other domains' formulas

The HTML prints the definitions on one A4 page of their own (a print stylesheet scoped to that
section: a page break before and after it, type sized to the number of KPIs).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.kpi import repo
from cxtui.kpi.board import show_json
from cxtui.kpi.metrics import change, distance
from cxtui.kpi.models import FOCUS_ADVISED, Cadence, Direction, Evidence, Kpi, Source
from cxtui.kpi.texts import (
    cadence_text,
    change_text,
    distance_text,
    due_text,
    layer_text,
    sparkline,
    value_text,
)
from cxtui.page import h, html_row, md_escape, md_table

Data = dict[str, Any]
EVIDENCE_SHOWN = 20
RECENT_DAYS = 90  # the voices shown without an OKR period
SPARK = 16


def formula_definitions() -> list[Data]:
    """Formulas of other domains listed on the definitions sheet ({"name", "definition", "formula"}):
    the monthly loyalty/LTV and ROX figures, so every number of the workshop wall means one thing."""
    from cxtui.loyalty.metrics import definitions

    return [
        {"name": item["name"], "definition": item["counted"], "formula": item["formula"]}
        for item in definitions()
    ]


def evidence_item(item: Evidence, names: dict[str, str]) -> Data:
    """One piece of evidence as the report's and `evidence list --json`'s JSON holds it."""
    return {
        "id": item.id,
        "date": item.date.isoformat(),
        "quote": item.quote,
        "scene": item.scene,
        "next_step": item.next_step,
        "kind": item.kind.value,
        "kpi_id": item.kpi_id,
        "kpi": names.get(item.kpi_id) if item.kpi_id else None,
        "cycle_id": item.cycle_id,
    }


def _period_range(store: Store, today: date, period_name: str | None) -> tuple[date | None, date]:
    from cxtui.okr.report import choose_period

    period = choose_period(store, period_name, today) if store.has_table("periods") else None
    if period is None:
        return today - timedelta(days=RECENT_DAYS), today
    # A period still running shows the voices up to today; a past or future one, all of its own.
    end = min(period.end, today) if period.start <= today else period.end
    return period.start, end


def _latest_voices(store: Store) -> dict[str, Data]:
    rows = store.rows(
        "SELECT kpi_id, date, quote FROM evidence WHERE kpi_id IS NOT NULL ORDER BY date, created, id"
    )
    # Oldest first: each KPI ends up with its newest piece.
    return {str(r["kpi_id"]): {"date": r["date"], "quote": r["quote"]} for r in rows}


def section(store: Store, today: date, period_name: str | None = None) -> Data:
    """The report's "kpis", "evidence" and "definitions" keys."""
    if not store.has_table("kpis"):
        empty: Data = {"layer_model": "4", "layers": [], "focus_advised": FOCUS_ADVISED, "focus_count": 0}
        return {
            "kpis": {**empty, "kpis": []},
            "evidence": {"since": None, "until": today.isoformat(), "total": 0, "items": []},
            "definitions": {"kpis": [], "formulas": formula_definitions()},
        }
    cards = show_json(store, today)
    voices = _latest_voices(store)
    for item in cards["kpis"]:
        item["voice"] = voices.get(item["id"])
    every = repo.kpis(store)
    names = {k.id: k.name for k in every}
    since, until = _period_range(store, today, period_name)
    found = repo.evidence(store, since=since, until=until)
    order = {str(item["id"]): i for i, item in enumerate(cards["kpis"])}
    return {
        "kpis": {
            **cards,
            "focus_advised": FOCUS_ADVISED,
            "focus_count": sum(1 for k in every if k.focus),
        },
        "evidence": {
            "since": None if since is None else since.isoformat(),
            "until": until.isoformat(),
            "total": len(found),
            "items": [evidence_item(e, names) for e in found[:EVIDENCE_SHOWN]],
        },
        "definitions": {
            "kpis": [_definition(k) for k in sorted(every, key=lambda k: order.get(k.id, 0))],
            "formulas": formula_definitions(),
        },
    }


def _definition(kpi: Kpi) -> Data:
    return {
        "id": kpi.id,
        "name": kpi.name,
        "layer": kpi.layer,
        "unit": kpi.unit,
        "direction": kpi.direction.value,
        "target": kpi.target,
        "cadence": kpi.cadence.value,
        "definition": kpi.definition,
        "how_measured": kpi.how_measured,
        "formula": kpi.formula,
        "owner": kpi.owner,
        "source": kpi.source.value,
    }


# -- shared formatting ---------------------------------------------------------------------------


def _kpi_of(item: Data) -> Kpi:
    return Kpi(
        name=item["name"],
        layer=item["layer"],
        unit=item["unit"],
        direction=Direction(item["direction"]),
        target=item["target"],
        cadence=Cadence(item["cadence"]),
        source=Source(item["source"]),
    )


def _focus_items(data: Data) -> tuple[list[Data], int]:
    """The focus KPIs (the main page shows them) and how many others the definitions sheet holds."""
    items = data["kpis"]["kpis"]
    focus = [item for item in items if item["focus"]]
    return focus, len(items) - len(focus)


def _others_note(focus: list[Data], others: int) -> str | None:
    """`12 other KPIs: see the definitions sheet.`, or how to choose focus KPIs when there are none."""
    if not focus:
        return t("kpi.report.no_focus", n=others)
    return t("kpi.report.others", n=others) if others else None


def _kpi_cells(item: Data) -> list[str]:
    """Layer, KPI, latest, change (▲/▼ and its word), target, trend, cadence · due, linked KR."""
    kpi = _kpi_of(item)
    latest, previous = item["latest"], item["previous"]
    value = None if latest is None else float(latest["value"])
    moved = None if value is None or previous is None else change(value, previous["value"], kpi.direction)
    gap = None if value is None else distance(value, kpi.target, kpi.direction)
    shown = value_text(kpi, value)
    if latest is not None and "n" in latest:
        shown += f" (n={latest['n']})"
    if latest is not None:
        shown += f" · {latest['date']}"
    return [
        layer_text(kpi.layer),
        kpi.name,
        shown,
        change_text(moved, kpi),
        distance_text(kpi, gap),
        sparkline([float(v["value"]) for v in item["values"]], SPARK),
        f"{cadence_text(kpi)} · {due_text(kpi, item['due'])}",
        item.get("kr_title") or "",
    ]


def _kpi_headers() -> list[str]:
    names = ("layer", "kpi", "latest", "change", "target", "trend", "cadence", "kr")
    return [t(f"kpi.report.col.{name}") for name in names]


def _evidence_line(item: Data) -> str:
    parts = [item["date"], t(f"kpi.kind.{item['kind']}"), f"“{item['quote']}”"]
    if item["scene"]:
        parts.append(t("kpi.report.scene", scene=item["scene"]))
    if item["next_step"]:
        parts.append(t("kpi.report.next", next=item["next_step"]))
    if item["kpi"]:
        parts.append(f"→ {item['kpi']}")
    return " · ".join(parts)


def _definition_cells(item: Data) -> list[str]:
    unit = f" ({item['unit']})" if item["unit"] else ""
    return [
        f"{item['name']}{unit}",
        layer_text(item["layer"]),
        item["definition"],
        item["how_measured"],
        item["formula"],
        f"{t('kpi.cadence.' + item['cadence'])} · {t('kpi.direction.' + item['direction'])}",
        item["owner"],
    ]


def _definition_headers() -> list[str]:
    names = ("kpi", "layer", "definition", "how", "formula", "cadence", "owner")
    return [t(f"kpi.report.def.{name}") for name in names]


def _focus_note(data: Data) -> str | None:
    count, advised = data["kpis"]["focus_count"], data["kpis"]["focus_advised"]
    return t("kpi.report.too_many_focus", count=count, advised=advised) if count > advised else None


# -- Markdown ------------------------------------------------------------------------------------


def markdown(data: Data) -> list[str]:
    """The focus KPIs, the voices beside them, and the definitions sheet, in Markdown."""
    return [line for lines in markdown_places(data).values() for line in lines]


def markdown_places(data: Data) -> dict[str, list[str]]:
    """The one-page report's places: the focus KPIs with the numbers, the evidence with the voices, the
    definitions sheet (every KPI) as the appendix."""
    return {
        "numbers": _kpis_markdown(data),
        "voices": _evidence_markdown(data["evidence"]),
        "appendix": _definitions_markdown(data["definitions"]),
    }


def _kpis_markdown(data: Data) -> list[str]:
    items, others = _focus_items(data)
    out = [f"## {md_escape(t('kpi.report.title'))}", ""]
    if not data["kpis"]["kpis"]:
        out += [md_escape(t("kpi.report.no_kpis")), ""]
    else:
        if items:
            out += md_table(_kpi_headers(), [_kpi_cells(item) for item in items], right={2})
            out.append("")
        others_note = _others_note(items, others)
        if others_note:
            out += [md_escape(others_note), ""]
        voiced = [item for item in items if item.get("voice")]
        if voiced:
            out += [f"**{md_escape(t('kpi.report.voice_beside'))}**", ""]
            out += [
                f"- {md_escape(i['name'])}: “{md_escape(i['voice']['quote'])}” ({i['voice']['date']})"
                for i in voiced
            ]
            out.append("")
        note = _focus_note(data)
        if note:
            out += [md_escape(note), ""]
    return out


def _evidence_markdown(evidence: Data) -> list[str]:
    out = [f"## {md_escape(t('kpi.report.voices'))}", ""]
    if not evidence["items"]:
        return [*out, md_escape(t("kpi.report.no_evidence")), ""]
    out += [f"- {md_escape(_evidence_line(item))}" for item in evidence["items"]]
    if evidence["total"] > len(evidence["items"]):
        out += [
            "",
            md_escape(t("kpi.report.more_evidence", shown=len(evidence["items"]), total=evidence["total"])),
        ]
    return [*out, ""]


def _definitions_markdown(definitions: Data) -> list[str]:
    out = [
        f"## {md_escape(t('kpi.report.definitions'))}",
        "",
        md_escape(t("kpi.report.definitions_note")),
        "",
    ]
    if not definitions["kpis"] and not definitions["formulas"]:
        return [*out, md_escape(t("kpi.report.no_kpis")), ""]
    if definitions["kpis"]:
        out += md_table(
            _definition_headers(), [_definition_cells(i) for i in definitions["kpis"]], right=set()
        )
        out.append("")
    if definitions["formulas"]:
        headers = [t("kpi.report.def.kpi"), t("kpi.report.def.definition"), t("kpi.report.def.formula")]
        rows = [[f["name"], f["definition"], f["formula"]] for f in definitions["formulas"]]
        out += [*md_table(headers, rows, right=set()), ""]
    return out


# -- HTML ----------------------------------------------------------------------------------------


def _sheet_css(rows: int) -> str:
    """Print rules for the definitions sheet alone: its own A4 page, type sized to fit it there."""
    size = 10 if rows <= 8 else 8.5 if rows <= 16 else 7 if rows <= 24 else 6
    return (
        "<style>\n"
        ".a4-sheet table { font-size: .85rem; }\n"
        "@media print {\n"
        # A named page: the report prints landscape, its sheet (with the appendix heading) portrait.
        "  @page sheet { size: A4 portrait; margin: 12mm; }\n"
        "  .appendix, .a4-sheet { page: sheet; }\n"
        "  .a4-sheet { break-before: page; page-break-before: always; }\n"
        "  .appendix > .a4-sheet { break-before: auto; page-break-before: auto; }\n"
        f"  .a4-sheet, .a4-sheet table {{ font-size: {size}pt; line-height: 1.25; }}\n"
        "  .a4-sheet h2 { margin-top: 0; font-size: 13pt; }\n"
        "  .a4-sheet th, .a4-sheet td { padding: 1.5pt 3pt; }\n"
        "  .a4-sheet tr { break-inside: avoid; page-break-inside: avoid; }\n"
        "  .a4-sheet td:nth-child(1) { width: 14%; }\n"
        "  .a4-sheet td:nth-child(2) { white-space: nowrap; }\n"
        "}\n"
        "</style>"
    )


def html(data: Data) -> list[str]:
    """The focus KPIs with their latest voice, the voices, and the A4 definitions sheet, in HTML."""
    return [line for lines in html_places(data).values() for line in lines]


def html_places(data: Data) -> dict[str, list[str]]:
    """The one-page report's places (see `markdown_places`), in HTML."""
    return {
        "numbers": _kpis_html(data),
        "voices": _evidence_html(data["evidence"]),
        "appendix": _definitions_html(data["definitions"]),
    }


def _kpis_html(data: Data) -> list[str]:
    items, others = _focus_items(data)
    out = [f"<h2>{h(t('kpi.report.title'))}</h2>"]
    if not data["kpis"]["kpis"]:
        out.append(f"<p>{h(t('kpi.report.no_kpis'))}</p>")
        return out
    if items:
        out.append("<table>")
        headers = [*_kpi_headers(), t("kpi.report.col.voice")]
        out.append(html_row([h(text) for text in headers], {2}, "th"))
        for item in items:
            cells = [h(c) for c in _kpi_cells(item)]
            voice = item.get("voice")
            cells.append(
                f'“{h(voice["quote"])}” <span class="meta">{h(voice["date"])}</span>' if voice else ""
            )
            out.append(html_row(cells, {2}))
        out.append("</table>")
    others_note = _others_note(items, others)
    if others_note:
        out.append(f'<p class="note">{h(others_note)}</p>')
    note = _focus_note(data)
    if note:
        out.append(f'<p class="note">{h(note)}</p>')
    return out


def _evidence_html(evidence: Data) -> list[str]:
    out = [f"<h2>{h(t('kpi.report.voices'))}</h2>"]
    if not evidence["items"]:
        out.append(f"<p>{h(t('kpi.report.no_evidence'))}</p>")
    else:
        out.append("<ul>")
        out += [f"<li>{h(_evidence_line(item))}</li>" for item in evidence["items"]]
        out.append("</ul>")
        if evidence["total"] > len(evidence["items"]):
            more = t("kpi.report.more_evidence", shown=len(evidence["items"]), total=evidence["total"])
            out.append(f'<p class="note">{h(more)}</p>')
    return out


def _definitions_html(definitions: Data) -> list[str]:
    rows = len(definitions["kpis"]) + len(definitions["formulas"])
    out = [_sheet_css(rows), '<section class="a4-sheet">', f"<h2>{h(t('kpi.report.definitions'))}</h2>"]
    out.append(f'<p class="note">{h(t("kpi.report.definitions_note"))}</p>')
    if not rows:
        out += [f"<p>{h(t('kpi.report.no_kpis'))}</p>", "</section>"]
        return out
    out.append("<table>")
    if definitions["kpis"]:
        out.append(html_row([h(text) for text in _definition_headers()], set(), "th"))
        out += [html_row([h(c) for c in _definition_cells(i)], set()) for i in definitions["kpis"]]
    for formula in definitions["formulas"]:
        out.append(
            html_row(
                [h(formula["name"]), "", h(formula["definition"]), "", h(formula["formula"]), "", ""], set()
            )
        )
    out += ["</table>", "</section>"]
    return out

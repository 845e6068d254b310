"""The OKR section of the report: the period's objectives and KRs with progress, bands, confidence.

JSON (keys are added, never renamed; fractions are 0..1 and exact, "raw_progress" may leave 0..1)::

    "period": null | {"id", "name", "start", "end", "expected_progress"},
    "okr": {
      "formula": str,                   # how progress is computed (the note shown in every format),
                                        # followed by the workspace's own note when it has one (the demo)
      "objectives": [                   # tree order: each parent before its aligned children
        {"id", "parent_id", "depth", "title", "owner", "rollup",
         "progress": float | null,      # weighted mean of clamped KR progress (+ rolled-up children)
         "band": "green" | "amber" | "red" | null,
         "expected_progress", "behind", "too_many_krs",
         "key_results": [
           {"id", "title", "kind", "unit", "start", "target",
            "current",                  # latest value (the start before any check-in)
            "raw_progress", "progress", "expected_progress", "behind",
            "confidence": "on_track" | "at_risk" | "off_track" | null,   # of the latest check-in
            "band", "weight", "owner",
            "last_checkin": "YYYY-MM-DD" | null,
            "note": str, "blocker": str}     # of the latest check-in ("" without one)
         ]}
      ]
    }
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.format import number, percent, percent_text, with_unit
from cxtui.i18n import t
from cxtui.okr.metrics import expected_progress
from cxtui.okr.models import KRKind, Period
from cxtui.okr.periods import default_period, note, periods
from cxtui.okr.repo import key_results_in_period, objectives
from cxtui.okr.tree import KRView, ObjectiveNode, build_tree
from cxtui.page import bar_html, h, html_row, md_escape, md_table

Data = dict[str, Any]
pct = percent_text


# -- gathering -------------------------------------------------------------------------------


def choose_period(store: Store, period_name: str | None, today: date) -> Period | None:
    """The period a report covers: the named one, else `okr.default_period` (the one the screen
    opens on)."""
    if period_name is None:
        return default_period(store, today)
    every = periods(store)
    for period in every:
        if period.name == period_name.strip():
            return period
    known = ", ".join(p.name for p in every) or "-"
    raise InputError(t("report.page.no_period", name=period_name, known=known), field="period")


def _last_checkins(store: Store, period_id: str) -> dict[str, dict[str, str]]:
    """The latest check-in of every KR of the period: its date, note and blocker."""
    rows = store.rows(
        "SELECT kr_id, date, note, blocker FROM (SELECT c.kr_id, c.date, c.note, c.blocker, "
        "ROW_NUMBER() OVER (PARTITION BY c.kr_id ORDER BY c.date DESC, c.created DESC) AS rank "
        "FROM checkins c JOIN key_results k ON k.id = c.kr_id JOIN objectives o ON o.id = k.objective_id "
        "WHERE o.period_id = ?) WHERE rank = 1",
        [period_id],
    )
    return {
        str(r["kr_id"]): {"date": str(r["date"]), "note": r["note"], "blocker": r["blocker"]} for r in rows
    }


def _kr_data(view: KRView, last: dict[str, dict[str, str]]) -> Data:
    kr = view.kr
    return {
        "id": kr.id,
        "title": kr.title,
        "kind": kr.kind.value,
        "unit": kr.unit,
        "start": kr.start,
        "target": kr.target,
        "current": kr.value,
        "raw_progress": view.raw_progress,
        "progress": view.progress,
        "expected_progress": view.expected,
        "behind": view.behind,
        "confidence": None if kr.confidence is None else kr.confidence.value,
        "band": view.band.value,
        "weight": kr.weight,
        "owner": kr.owner,
        "last_checkin": last[kr.id]["date"] if kr.id in last else None,
        "note": last[kr.id]["note"] if kr.id in last else "",
        "blocker": last[kr.id]["blocker"] if kr.id in last else "",
    }


def _objective_rows(roots: list[ObjectiveNode], last: dict[str, dict[str, str]]) -> list[Data]:
    out: list[Data] = []

    def visit(node: ObjectiveNode, depth: int) -> None:
        objective = node.objective
        out.append(
            {
                "id": objective.id,
                "parent_id": objective.parent_id,
                "depth": depth,
                "title": objective.title,
                "owner": objective.owner,
                "rollup": objective.rollup,
                "progress": node.progress,
                "band": None if node.band is None else node.band.value,
                "expected_progress": node.expected,
                "behind": node.behind,
                "too_many_krs": node.too_many_krs,
                "key_results": [_kr_data(v, last) for v in node.krs],
            }
        )
        for child in node.children:
            visit(child, depth + 1)

    for root in roots:
        visit(root, 0)
    return out


def section(store: Store, today: date, period_name: str | None = None) -> Data:
    """The report's "period" and "okr" keys for the chosen period."""
    period = choose_period(store, period_name, today)
    period_data: Data | None = None
    rows: list[Data] = []
    if period is not None:
        period_data = {
            "id": period.id,
            "name": period.name,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "expected_progress": expected_progress(period, today),
        }
        krs = key_results_in_period(store, period.id)
        roots = build_tree(period, objectives(store, period.id), krs, today)
        rows = _objective_rows(roots, _last_checkins(store, period.id))
    formula = " ".join(text for text in (t("okr.report.formula"), note(store)) if text)
    return {"period": period_data, "okr": {"formula": formula, "objectives": rows}}


# -- shared formatting -----------------------------------------------------------------------


def _kr_values(kr: Data) -> tuple[str, str, str]:
    """(start, target, current) as shown: milestones read done / not done."""
    if kr["kind"] == KRKind.milestone.value:
        done = t("okr.report.done") if kr["current"] >= 1 else t("okr.report.not_done")
        return "-", t("okr.report.done"), done
    unit = str(kr["unit"])
    return with_unit(kr["start"], unit), with_unit(kr["target"], unit), with_unit(kr["current"], unit)


def _progress_text(kr: Data) -> str:
    shown = pct(kr["progress"])
    if percent(kr["raw_progress"]) != percent(kr["progress"]):
        return t("okr.report.progress_raw", progress=shown, raw=pct(kr["raw_progress"]))
    return shown


def _objective_heading(index: int, objective: dict[str, Any]) -> str:
    """`1. Title — 80 % (green)`: the heading of an objective's section, in Markdown and HTML."""
    return t(
        "okr.report.objective_heading",
        n=index,
        title=objective["title"],
        progress=pct(objective["progress"]),
        band=_band_text(objective["band"]),
    )


def _band_text(band: str | None) -> str:
    return "-" if band is None else t(f"okr.report.band.{band}")


def _confidence_text(confidence: str | None) -> str:
    return "-" if confidence is None else t(f"okr.report.confidence.{confidence}")


def _pace_text(behind: bool, progress: float | None) -> str:
    if progress is None:
        return "-"
    return t("okr.report.behind") if behind else t("okr.report.on_pace")


def _kr_cells(kr: Data) -> list[str]:
    start, target, current = _kr_values(kr)
    return [
        str(kr["title"]),
        t(f"okr.report.kind.{kr['kind']}"),
        start,
        target,
        current,
        _progress_text(kr),
        pct(kr["expected_progress"]),
        _pace_text(kr["behind"], kr["progress"]),
        _confidence_text(kr["confidence"]),
        _band_text(kr["band"]),
        number(kr["weight"]),
    ]


def _kr_headers() -> list[str]:
    return [
        t(f"okr.report.col.{name}")
        for name in (
            "key_result", "kind", "start", "target", "current", "progress", "expected", "pace",
            "confidence", "band", "weight",
        )
    ]  # fmt: skip


def _objective_cells(objective: Data) -> list[str]:
    return [
        pct(objective["progress"]),
        _band_text(objective["band"]),
        pct(objective["expected_progress"]),
        _pace_text(objective["behind"], objective["progress"]),
        str(len(objective["key_results"])),
    ]


def _notes(objective: Data) -> list[str]:
    """`KR — note: … · blocker: …` for every KR whose latest check-in has a note or a blocker."""
    lines = []
    for kr in objective["key_results"]:
        parts = []
        if kr.get("note"):
            parts.append(f"{t('report.okr.note')}: {kr['note']}")
        if kr.get("blocker"):
            parts.append(f"{t('report.okr.blocker')}: {kr['blocker']}")
        if parts:
            lines.append(f"{kr['title']} — {' · '.join(parts)}")
    return lines


def _objective_meta(objective: Data, titles: dict[str, str]) -> list[str]:
    meta = []
    if objective["owner"]:
        meta.append(t("okr.report.owner", owner=objective["owner"]))
    parent = objective["parent_id"]
    if parent is not None:
        meta.append(t("okr.report.aligned_to", title=titles.get(parent, parent)))
    if objective["rollup"]:
        meta.append(t("okr.report.rolls_up"))
    if objective["too_many_krs"]:
        meta.append(t("okr.report.too_many_krs", count=len(objective["key_results"])))
    return meta


# -- Markdown -----------------------------------------------------------------------------------


def markdown(data: Data) -> list[str]:
    """The OKR section in Markdown: the objectives table, one table of KRs per objective, the formula."""
    period = data["period"]
    objectives: list[Data] = data["okr"]["objectives"]
    out: list[str] = []
    if period is None:
        out += [t("okr.report.no_periods"), ""]
    elif not objectives:
        out += [t("okr.report.no_objectives"), ""]
    else:
        out += [f"## {t('okr.report.objectives')}", ""]
        # Markdown trims ASCII spaces in cells; an ideographic space keeps the indent of aligned ones.
        rows = [
            ["\u3000" * obj["depth"] + ("↳ " if obj["depth"] else "") + str(obj["title"])]
            + _objective_cells(obj)
            for obj in objectives
        ]
        headers = [
            t(f"okr.report.col.{n}") for n in ("objective", "progress", "band", "expected", "pace", "krs")
        ]
        out += md_table(headers, rows, right={1, 3, 5})
        out.append("")
        titles = {str(o["id"]): str(o["title"]) for o in objectives}
        for index, objective in enumerate(objectives, start=1):
            heading = _objective_heading(index, objective)
            out += [f"### {md_escape(heading)}", ""]
            meta = _objective_meta(objective, titles)
            if meta:
                out += [md_escape(" · ".join(meta)), ""]
            if objective["key_results"]:
                out += md_table(
                    _kr_headers(),
                    [_kr_cells(kr) for kr in objective["key_results"]],
                    right={2, 3, 4, 5, 6, 10},
                )
                notes = _notes(objective)
                if notes:
                    out += ["", f"{md_escape(t('report.okr.latest_notes'))}:", ""]
                    out += [f"- {md_escape(line)}" for line in notes]
            else:
                out.append(t("okr.report.no_krs"))
            out.append("")
    out += ["---", "", md_escape(data["okr"]["formula"]), ""]
    return out


# -- HTML ---------------------------------------------------------------------------------------


def html(data: Data) -> list[str]:
    """The OKR section in HTML; every text from the workspace is escaped."""
    period = data["period"]
    objectives: list[Data] = data["okr"]["objectives"]
    out: list[str] = []
    if period is None:
        out.append(f"<p>{h(t('okr.report.no_periods'))}</p>")
    elif not objectives:
        out.append(f"<p>{h(t('okr.report.no_objectives'))}</p>")
    else:
        out.append(f"<h2>{h(t('okr.report.objectives'))}</h2>")
        out.append("<table>")
        headers = [
            t(f"okr.report.col.{n}") for n in ("objective", "progress", "band", "expected", "pace", "krs")
        ]
        out.append(html_row([h(text) for text in headers], {3, 5}, "th"))
        for obj in objectives:
            indent = f'<span style="padding-left: {1.2 * obj["depth"]:.1f}rem"></span>'
            cells = _objective_cells(obj)
            out.append(
                html_row(
                    [
                        indent + ("↳ " if obj["depth"] else "") + h(obj["title"]),
                        bar_html(obj["progress"], obj["band"]),
                        *[h(c) for c in cells[1:]],
                    ],
                    {3, 5},
                )
            )
        out.append("</table>")
        titles = {str(o["id"]): str(o["title"]) for o in objectives}
        for index, objective in enumerate(objectives, start=1):
            heading = _objective_heading(index, objective)
            band_class = objective["band"] or ""
            out.append(f'<h3 class="{h(band_class)}">{h(heading)}</h3>')
            meta = _objective_meta(objective, titles)
            if meta:
                out.append(f'<p class="meta">{h(" · ".join(meta))}</p>')
            if not objective["key_results"]:
                out.append(f"<p>{h(t('okr.report.no_krs'))}</p>")
                continue
            out.append("<table>")
            out.append(html_row([h(text) for text in _kr_headers()], {2, 3, 4, 6, 10}, "th"))
            for kr in objective["key_results"]:
                cells = [h(c) for c in _kr_cells(kr)]
                cells[5] = bar_html(kr["progress"], kr["band"]) + (
                    "" if percent(kr["raw_progress"]) == percent(kr["progress"])
                    else " " + h(t("okr.report.raw", raw=pct(kr["raw_progress"])))
                )  # fmt: skip
                out.append(html_row(cells, {2, 3, 4, 6, 10}))
            out.append("</table>")
            notes = _notes(objective)
            if notes:
                out.append(f'<p class="meta">{h(t("report.okr.latest_notes"))}:</p><ul class="tight">')
                out += [f"<li>{h(line)}</li>" for line in notes]
                out.append("</ul>")
    out.append(f'<p class="note">{h(data["okr"]["formula"])}</p>')
    return out

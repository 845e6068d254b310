"""The workspace report (`cxtui report`): one data object, rendered as JSON, Markdown or HTML.

`build_report` gathers the figures once; the three renderers only format them, so the formats
always agree. The JSON is a stable interface: later versions ADD sections (e.g. "nps") beside
"okr" and keys inside objects, and never rename or remove a key. A test freezes the key sets.

JSON keys (fractions are 0..1 and exact, never rounded; "raw_progress" may leave 0..1)::

    {
      "cxtui_report": 1,                  # format version (bumped only by an incompatible change)
      "generated": "YYYY-MM-DD",          # cxtui's today
      "language": "en" | "ja",            # language of the text fields ("formula")
      "workspace": str | null,            # file name of the workspace
      "period": null | {"id", "name", "start", "end", "expected_progress"},
      "okr": {
        "formula": str,                   # how progress is computed (the note shown in every format)
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
              "last_checkin": "YYYY-MM-DD" | null}
           ]}
        ]
      }
    }
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from cxtui import clock
from cxtui.errors import InputError
from cxtui.i18n import get_language, t
from cxtui.metrics import expected_progress
from cxtui.models import Period
from cxtui.okr import default_period
from cxtui.okr_tree import KRView, ObjectiveNode, build_tree
from cxtui.store import Store
from cxtui.workspace import database_error

REPORT_FORMAT_VERSION = 1
FORMATS = ("json", "markdown", "html")

Data = dict[str, Any]


# -- gathering -------------------------------------------------------------------------------


def choose_period(store: Store, period_name: str | None, today: date) -> Period | None:
    """The period a report covers: the named one, else `okr.default_period` (the one the screen
    opens on)."""
    if period_name is None:
        return default_period(store, today)
    periods = store.periods()
    for period in periods:
        if period.name == period_name.strip():
            return period
    known = ", ".join(p.name for p in periods) or "-"
    raise InputError(t("report.no_period", name=period_name, known=known), field="period")


def _last_checkins(store: Store, period_id: str) -> dict[str, str]:
    rows = store.rows(
        "SELECT c.kr_id AS kr_id, max(c.date) AS day FROM checkins c "
        "JOIN key_results k ON k.id = c.kr_id JOIN objectives o ON o.id = k.objective_id "
        "WHERE o.period_id = ? GROUP BY c.kr_id",
        [period_id],
    )
    return {str(r["kr_id"]): str(r["day"]) for r in rows}


def _kr_data(view: KRView, last: dict[str, str]) -> Data:
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
        "last_checkin": last.get(kr.id),
    }


def _objective_rows(roots: list[ObjectiveNode], last: dict[str, str]) -> list[Data]:
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


def build_report(store: Store, period_name: str | None = None) -> Data:
    """The report as one JSON-compatible object (keys documented in the module docstring)."""
    today = clock.today()
    period = choose_period(store, period_name, today)
    period_data: Data | None = None
    objectives: list[Data] = []
    if period is not None:
        period_data = {
            "id": period.id,
            "name": period.name,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "expected_progress": expected_progress(period, today),
        }
        roots = build_tree(period, store.objectives(period.id), store.key_results_in_period(period.id), today)
        objectives = _objective_rows(roots, _last_checkins(store, period.id))
    return {
        "cxtui_report": REPORT_FORMAT_VERSION,
        "generated": today.isoformat(),
        "language": get_language(),
        "workspace": None if store.path is None else store.path.name,
        "period": period_data,
        "okr": {"formula": t("report.formula"), "objectives": objectives},
    }


def render_report(store: Store, fmt: str = "markdown", period_name: str | None = None) -> str:
    """The report in `fmt` ("json", "markdown" or "html"); InputError for an unknown period."""
    if fmt not in FORMATS:
        raise InputError(t("report.bad_format", fmt=fmt, known=", ".join(FORMATS)), field="format")
    try:
        data = build_report(store, period_name)
    except sqlite3.DatabaseError as exc:
        # A read-only file without cxtui's tables (or damaged past the header) fails here.
        where = store.path if store.path is not None else ":memory:"
        raise database_error(exc, where) from None
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from cxtui.report_render import render_html, render_markdown

    if fmt == "html":
        return render_html(data)
    return render_markdown(data)

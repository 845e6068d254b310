"""The workspace report (`cxtui report`): one data object, rendered as JSON, Markdown or HTML.

`build_report` gathers every domain's section once (the `section()` of each domain's `report`
module, in the order of the domain list); the three renderers only format it, so the formats
always agree. The JSON is a stable interface: later versions ADD sections and keys inside
objects, and never rename or remove a key. A test freezes the key sets.

Top-level JSON keys::

    {
      "cxtui_report": 1,                  # format version (bumped only by an incompatible change)
      "generated": "YYYY-MM-DD",          # cxtui's today
      "language": "en" | "ja",            # language of the text fields ("formula")
      "workspace": str | null,            # file name of the workspace
      "period": ..., "okr": ...,          # cxtui.okr.report
      "nps": ...,                         # cxtui.nps.report
      "kpis", "evidence", "definitions"   # cxtui.kpi.report
      "loyalty", "rox"                    # cxtui.loyalty.report
      "cycles": ...,                      # cxtui.cycles.report
      "reviews": ...                      # cxtui.review.report
    }

Each section is present when its domain is (in the order of the domain list); the page layout
(numbers and voices side by side, the appendix) is `cxtui.report.render`'s.
"""

from __future__ import annotations

import json
import sqlite3
from types import ModuleType
from typing import Any

from cxtui import clock
from cxtui.db.store import Store
from cxtui.db.workspace import database_error
from cxtui.domains import parts
from cxtui.errors import InputError
from cxtui.i18n import get_language, t

REPORT_FORMAT_VERSION = 1
FORMATS = ("json", "markdown", "html")

Data = dict[str, Any]


def _sections() -> list[ModuleType]:
    return [module for _domain, module in parts("report")]


def build_report(store: Store, period_name: str | None = None) -> Data:
    """The report as one JSON-compatible object (keys documented in each domain's report module)."""
    today = clock.today()
    data: Data = {
        "cxtui_report": REPORT_FORMAT_VERSION,
        "generated": today.isoformat(),
        "language": get_language(),
        "workspace": None if store.path is None else store.path.name,
    }
    for section in _sections():
        data.update(section.section(store, today, period_name))
    return data


def render_report(store: Store, fmt: str = "markdown", period_name: str | None = None) -> str:
    """The report in `fmt` ("json", "markdown" or "html"); InputError for an unknown period."""
    if fmt not in FORMATS:
        raise InputError(t("report.page.bad_format", fmt=fmt, known=", ".join(FORMATS)), field="format")
    try:
        data = build_report(store, period_name)
    except sqlite3.DatabaseError as exc:
        # A read-only file without cxtui's tables (or damaged past the header) fails here.
        where = store.path if store.path is not None else ":memory:"
        raise database_error(exc, where) from None
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from cxtui.report.render import render_html, render_markdown

    if fmt == "html":
        return render_html(data, _sections())
    return render_markdown(data, _sections())

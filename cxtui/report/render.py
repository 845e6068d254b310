"""Rendering the report's data (see `cxtui.report`) as a Markdown page or a self-contained HTML page.

The page (title, summary line, footer) is drawn here; each domain's `report` module draws its own
section (`markdown(data)` / `html(data)` return lines). Both read only the dict `build_report`
returns, so the three formats always agree. Every text the user typed is escaped here or there.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from cxtui.format import percent_text
from cxtui.i18n import t
from cxtui.page import PAGE_CSS, h, md_escape

Data = dict[str, Any]


def summary_line(data: Data) -> str:
    """`Workspace: … · Period: … · Expected today: … · Generated …`."""
    period = data.get("period")
    parts = [t("report.page.workspace", name=data["workspace"] or "-")]
    if period is not None:
        parts.append(t("report.page.period", name=period["name"], start=period["start"], end=period["end"]))
        parts.append(t("report.page.expected_today", expected=percent_text(period["expected_progress"])))
    parts.append(t("report.page.generated", date=data["generated"]))
    return " · ".join(parts)


def page_title(data: Data) -> str:
    """The report's title: the period's name when there is one."""
    period = data.get("period")
    return t("report.page.title", period=period["name"]) if period else t("report.page.title_no_period")


# -- Markdown ---------------------------------------------------------------------------------------


def render_markdown(data: Data, sections: list[ModuleType]) -> str:
    """A one-page Markdown report: title and summary, then each domain's section."""
    out = [f"# {md_escape(page_title(data))}", "", md_escape(summary_line(data)), ""]
    for section in sections:
        out += section.markdown(data)
    return "\n".join(out)


# -- HTML -------------------------------------------------------------------------------------------


def render_html(data: Data, sections: list[ModuleType]) -> str:
    """A self-contained HTML page (inline CSS, no scripts): title and summary, each domain's section."""
    title = page_title(data)
    lang = "ja" if data["language"] == "ja" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(title)}</title>",
        f"<style>\n{PAGE_CSS}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{h(title)}</h1>",
        f'<p class="summary">{h(summary_line(data))}</p>',
    ]
    for section in sections:
        out += section.html(data)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)

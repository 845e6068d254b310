"""Rendering the report's data (see `cxtui.report`) as a Markdown page or a self-contained HTML page.

The page is the week on one sheet, numbers and voices side by side (seed 002: "数字+体験談(引用)を
1枚に並べる"): the title and summary line, then two columns, numbers (OKRs, NPS, KPIs, loyalty, ROX)
and voices (evidence, learning cycles, the last review), then the appendix (the definitions sheet).
Markdown has no columns: the same parts follow one another under their headings.

Each domain's `report` module draws its own section (`markdown(data)` / `html(data)` return lines)
into the place its `REPORT_PLACE` names ("numbers" by default, "voices" or "appendix"). A module
whose sections belong in several places defines `markdown_places(data)` / `html_places(data)`
returning `{place: lines}` instead. Both read only the dict `build_report` returns, so the three
formats always agree. Every text the user typed is escaped here or there.
"""

from __future__ import annotations

from datetime import date, timedelta
from types import ModuleType
from typing import Any

from cxtui.format import percent_text
from cxtui.i18n import t
from cxtui.page import PAGE_CSS, h, md_escape

Data = dict[str, Any]
PLACES = ("numbers", "voices", "appendix")


def summary_line(data: Data) -> str:
    """`Workspace: … · Period: … · week of … · Expected today: … · Generated …`."""
    period = data.get("period")
    parts = [t("report.page.workspace", name=data["workspace"] or "-")]
    if period is not None:
        parts.append(t("report.page.period", name=period["name"], start=period["start"], end=period["end"]))
    generated = date.fromisoformat(data["generated"])
    parts.append(t("report.page.week", start=(generated - timedelta(days=generated.weekday())).isoformat()))
    if period is not None:
        parts.append(t("report.page.expected_today", expected=percent_text(period["expected_progress"])))
    parts.append(t("report.page.generated", date=data["generated"]))
    return " · ".join(parts)


def page_title(data: Data) -> str:
    """The report's title: the period's name when there is one."""
    period = data.get("period")
    return t("report.page.title", period=period["name"]) if period else t("report.page.title_no_period")


def placed(data: Data, sections: list[ModuleType], fmt: str) -> dict[str, list[str]]:
    """Every section's lines in `fmt` ("markdown" or "html"), gathered by place, in domain order."""
    found: dict[str, list[str]] = {place: [] for place in PLACES}
    for section in sections:
        several = getattr(section, f"{fmt}_places", None)
        if several is not None:
            parts: dict[str, list[str]] = several(data)
        else:
            parts = {getattr(section, "REPORT_PLACE", "numbers"): getattr(section, fmt)(data)}
        for place, lines in parts.items():
            found[place if place in found else "numbers"] += lines
    return found


# -- Markdown ---------------------------------------------------------------------------------------


def render_markdown(data: Data, sections: list[ModuleType]) -> str:
    """A one-page Markdown report: title and summary, numbers, voices, then the appendix."""
    out = [f"# {md_escape(page_title(data))}", "", md_escape(summary_line(data)), ""]
    parts = placed(data, sections, "markdown")
    out += parts["numbers"]
    if parts["voices"]:
        out += ["---", "", f"# {md_escape(t('report.page.voices'))}", ""] + parts["voices"]
    if parts["appendix"]:
        out += ["---", "", f"# {md_escape(t('report.page.appendix'))}", ""] + parts["appendix"]
    return "\n".join(out)


# -- HTML -------------------------------------------------------------------------------------------


def render_html(data: Data, sections: list[ModuleType]) -> str:
    """A self-contained HTML page (inline CSS and SVG, no scripts, no links): numbers and voices side
    by side, then the appendix on a page of its own when printed (A4)."""
    title = page_title(data)
    lang = "ja" if data["language"] == "ja" else "en"
    parts = placed(data, sections, "html")
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
        '<div class="columns">',
        f'<section class="numbers" aria-label="{h(t("report.page.numbers"))}">',
        *parts["numbers"],
        "</section>",
        f'<section class="voices" aria-label="{h(t("report.page.voices"))}">',
        *parts["voices"],
        "</section>",
        "</div>",
    ]
    if parts["appendix"]:
        out += [
            '<section class="appendix">',
            f"<h2>{h(t('report.page.appendix'))}</h2>",
            *parts["appendix"],
            "</section>",
        ]
    out += ["</body>", "</html>", ""]
    return "\n".join(out)

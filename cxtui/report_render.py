"""Rendering the report's data (see `cxtui.report`) as a Markdown page or a self-contained HTML page.

Both read only the dict `build_report` returns, so the three formats always agree.
"""

from __future__ import annotations

import html
import unicodedata
from typing import Any

from cxtui.i18n import t
from cxtui.metrics import percent
from cxtui.models import KRKind
from cxtui.rounding import number, with_unit

Data = dict[str, Any]


# -- shared formatting ---------------------------------------------------------------------------


def pct(fraction: float | None) -> str:
    """A fraction as a whole percentage for display ('-' for none)."""
    return "-" if fraction is None else f"{percent(fraction)}%"


def _kr_values(kr: Data) -> tuple[str, str, str]:
    """(start, target, current) as shown: milestones read done / not done."""
    if kr["kind"] == KRKind.milestone.value:
        done = t("report.done") if kr["current"] >= 1 else t("report.not_done")
        return "-", t("report.done"), done
    unit = str(kr["unit"])
    return with_unit(kr["start"], unit), with_unit(kr["target"], unit), with_unit(kr["current"], unit)


def _progress_text(kr: Data) -> str:
    shown = pct(kr["progress"])
    if percent(kr["raw_progress"]) != percent(kr["progress"]):
        return t("report.progress_raw", progress=shown, raw=pct(kr["raw_progress"]))
    return shown


def _objective_heading(index: int, objective: dict[str, Any]) -> str:
    """`1. Title — 80 % (green)`: the heading of an objective's section, in Markdown and HTML."""
    return t(
        "report.objective_heading",
        n=index,
        title=objective["title"],
        progress=pct(objective["progress"]),
        band=_band_text(objective["band"]),
    )


def _band_text(band: str | None) -> str:
    return "-" if band is None else t(f"report.band.{band}")


def _confidence_text(confidence: str | None) -> str:
    return "-" if confidence is None else t(f"report.confidence.{confidence}")


def _pace_text(behind: bool, progress: float | None) -> str:
    if progress is None:
        return "-"
    return t("report.behind") if behind else t("report.on_pace")


def _kr_cells(kr: Data) -> list[str]:
    start, target, current = _kr_values(kr)
    return [
        str(kr["title"]),
        t(f"report.kind.{kr['kind']}"),
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
        t(f"report.col.{name}")
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


def _summary_line(data: Data) -> str:
    period = data["period"]
    parts = [t("report.workspace", name=data["workspace"] or "-")]
    if period is not None:
        parts.append(t("report.period", name=period["name"], start=period["start"], end=period["end"]))
        parts.append(t("report.expected_today", expected=pct(period["expected_progress"])))
    parts.append(t("report.generated", date=data["generated"]))
    return " · ".join(parts)


def _objective_meta(objective: Data, titles: dict[str, str]) -> list[str]:
    meta = []
    if objective["owner"]:
        meta.append(t("report.owner", owner=objective["owner"]))
    parent = objective["parent_id"]
    if parent is not None:
        meta.append(t("report.aligned_to", title=titles.get(parent, parent)))
    if objective["rollup"]:
        meta.append(t("report.rolls_up"))
    if objective["too_many_krs"]:
        meta.append(t("report.too_many_krs", count=len(objective["key_results"])))
    return meta


# -- Markdown -------------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal or monospace font (wide East Asian characters take two)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|<>`*_[]"} | {"\n": " ", "\r": " ", "\t": " "})


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell or heading (no pipes, tags or emphasis)."""
    return text.translate(_MD_SPECIAL)


def md_table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    """A Markdown table padded so its columns line up in plain text too (wide characters count 2)."""
    cells = [[md_escape(c) for c in headers]] + [[md_escape(c) for c in row] for row in rows]
    widths = [max(3, *(display_width(r[i]) for r in cells)) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        padded = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            padded.append(pad + cell if i in right else cell + pad)
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join("-" * (w + 1) + ":" if i in right else "-" * (w + 2) for i, w in enumerate(widths))
        + "|"
    )
    return [line(cells[0]), rule, *(line(r) for r in cells[1:])]


def render_markdown(data: Data) -> str:
    """A one-page Markdown report: summary, the objectives table, one table of KRs per objective."""
    period = data["period"]
    objectives: list[Data] = data["okr"]["objectives"]
    title = t("report.title", period=period["name"]) if period else t("report.title_no_period")
    out = [f"# {md_escape(title)}", "", md_escape(_summary_line(data)), ""]
    if period is None:
        out += [t("report.no_periods"), ""]
    elif not objectives:
        out += [t("report.no_objectives"), ""]
    else:
        out += [f"## {t('report.objectives')}", ""]
        # Markdown trims ASCII spaces in cells; an ideographic space keeps the indent of aligned ones.
        rows = [
            ["\u3000" * obj["depth"] + ("↳ " if obj["depth"] else "") + str(obj["title"])]
            + _objective_cells(obj)
            for obj in objectives
        ]
        headers = [t(f"report.col.{n}") for n in ("objective", "progress", "band", "expected", "pace", "krs")]
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
            else:
                out.append(t("report.no_krs"))
            out.append("")
    out += ["---", "", data["okr"]["formula"], ""]
    return "\n".join(out)


# -- HTML -------------------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif;
       margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; width: 6rem; height: .6rem; background: #eee; margin-right: .4rem; }
.bar span { display: block; height: 100%; }
.green { color: #1b7f3b; } .amber { color: #a86400; } .red { color: #b3261e; }
.bar .green { background: #2e9e52; } .bar .amber { background: #e0a000; } .bar .red { background: #d9463b; }
.meta, .summary, .note { color: #555; font-size: .9rem; }
""".strip()


def _h(value: object) -> str:
    return html.escape(str(value), quote=True)


def _bar(fraction: float | None, band: str | None) -> str:
    if fraction is None:
        return "-"
    width = max(0, min(100, percent(fraction)))
    css = band if band in ("green", "amber", "red") else "red"
    return (
        f'<span class="bar"><span class="{css}" style="width: {width}%"></span></span>'
        f'<span class="{css}">{_h(pct(fraction))}</span>'
    )


def _html_row(cells: list[str], numeric: set[int], tag: str = "td") -> str:
    parts = [
        f'<{tag} class="num">{cell}</{tag}>' if i in numeric else f"<{tag}>{cell}</{tag}>"
        for i, cell in enumerate(cells)
    ]
    return "<tr>" + "".join(parts) + "</tr>"


def render_html(data: Data) -> str:
    """A self-contained HTML page (inline CSS, no scripts); every text from the workspace is escaped."""
    period = data["period"]
    objectives: list[Data] = data["okr"]["objectives"]
    title = t("report.title", period=period["name"]) if period else t("report.title_no_period")
    lang = "ja" if data["language"] == "ja" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{_h(title)}</h1>",
        f'<p class="summary">{_h(_summary_line(data))}</p>',
    ]
    if period is None:
        out.append(f"<p>{_h(t('report.no_periods'))}</p>")
    elif not objectives:
        out.append(f"<p>{_h(t('report.no_objectives'))}</p>")
    else:
        out.append(f"<h2>{_h(t('report.objectives'))}</h2>")
        out.append("<table>")
        headers = [t(f"report.col.{n}") for n in ("objective", "progress", "band", "expected", "pace", "krs")]
        out.append(_html_row([_h(h) for h in headers], {3, 5}, "th"))
        for obj in objectives:
            indent = f'<span style="padding-left: {1.2 * obj["depth"]:.1f}rem"></span>'
            cells = _objective_cells(obj)
            out.append(
                _html_row(
                    [
                        indent + ("↳ " if obj["depth"] else "") + _h(obj["title"]),
                        _bar(obj["progress"], obj["band"]),
                        *[_h(c) for c in cells[1:]],
                    ],
                    {3, 5},
                )
            )
        out.append("</table>")
        titles = {str(o["id"]): str(o["title"]) for o in objectives}
        for index, objective in enumerate(objectives, start=1):
            heading = _objective_heading(index, objective)
            band_class = objective["band"] or ""
            out.append(f'<h3 class="{_h(band_class)}">{_h(heading)}</h3>')
            meta = _objective_meta(objective, titles)
            if meta:
                out.append(f'<p class="meta">{_h(" · ".join(meta))}</p>')
            if not objective["key_results"]:
                out.append(f"<p>{_h(t('report.no_krs'))}</p>")
                continue
            out.append("<table>")
            out.append(_html_row([_h(h) for h in _kr_headers()], {2, 3, 4, 6, 10}, "th"))
            for kr in objective["key_results"]:
                cells = [_h(c) for c in _kr_cells(kr)]
                cells[5] = _bar(kr["progress"], kr["band"]) + (
                    "" if percent(kr["raw_progress"]) == percent(kr["progress"])
                    else " " + _h(t("report.raw", raw=pct(kr["raw_progress"])))
                )  # fmt: skip
                out.append(_html_row(cells, {2, 3, 4, 6, 10}))
            out.append("</table>")
    out += [f'<p class="note">{_h(data["okr"]["formula"])}</p>', "</body>", "</html>", ""]
    return "\n".join(out)

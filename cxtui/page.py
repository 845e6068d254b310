"""Markdown and HTML building blocks for reports: escaping, aligned tables, bars, the page style.

Every text the user typed reaches a page through `md_escape` or `h`.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Callable

from cxtui.format import display_width, number, percent, percent_text

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


PAGE_CSS = """
body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif;
       margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 1.4rem; }
h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; width: 6rem; height: .6rem; background: #eee; margin-right: .4rem; }
.bar span { display: block; height: 100%; }
.green { color: #1b7f3b; } .amber { color: #a86400; } .red { color: #b3261e; }
.bar .green { background: #2e9e52; } .bar .amber { background: #e0a000; } .bar .red { background: #d9463b; }
.meta, .summary, .note { color: #555; font-size: .9rem; }
.columns { display: grid; grid-template-columns: minmax(0, 1.9fr) minmax(0, 1fr); gap: 0 2rem; }
.voices { border-left: 3px solid #e6e6e6; padding-left: 1.2rem; }
.voices blockquote { margin: .3rem 0 .6rem; padding-left: .6rem; border-left: 2px solid #bbb; }
.card { border: 1px solid #ddd; border-radius: 4px; padding: .4rem .7rem; margin: .4rem 0 .8rem; }
.card p { margin: .2rem 0; }
.chart { display: block; margin: .3rem 0 .8rem; max-width: 100%; height: auto; }
.appendix { break-before: page; margin-top: 2rem; border-top: 2px solid #ccc; }
ul.tight { margin: .2rem 0 .8rem; padding-left: 1.2rem; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 7.5pt; line-height: 1.25; }
  h1 { font-size: 12pt; margin: 0 0 1pt; } h2 { font-size: 9.5pt; margin: 5pt 0 2pt; break-after: avoid; }
  h3 { font-size: 8pt; margin: 4pt 0 1pt; break-after: avoid; }
  p { margin: 2pt 0; } ul.tight { margin: 1pt 0 3pt; }
  table { font-size: 6.5pt; margin: 1pt 0 3pt; } th, td { padding: 0 2pt; }
  .meta, .summary, .note { font-size: 6.5pt; }
  .card { padding: 2pt 4pt; margin: 2pt 0 4pt; } .voices blockquote { margin: 2pt 0 4pt; }
  .columns { gap: 0 12pt; } .voices { padding-left: 8pt; }
  .chart { max-height: 32mm; width: auto; }
  tr, .card, blockquote, svg { break-inside: avoid; }
  .bar { width: 2.5rem; height: .45rem; }
}
""".strip()


def h(value: object) -> str:
    """`value` as HTML text: every character that could open a tag or an attribute escaped."""
    return html_lib.escape(str(value), quote=True)


def bar_html(fraction: float | None, band: str | None) -> str:
    """A progress bar coloured by band, with its percentage (the band also reads from the text)."""
    if fraction is None:
        return "-"
    width = max(0, min(100, percent(fraction)))
    css = band if band in ("green", "amber", "red") else "red"
    return (
        f'<span class="bar"><span class="{css}" style="width: {width}%"></span></span>'
        f'<span class="{css}">{h(percent_text(fraction))}</span>'
    )


def html_row(cells: list[str], numeric: set[int], tag: str = "td") -> str:
    """A table row of already-escaped cells; `numeric` columns are right-aligned."""
    parts = [
        f'<{tag} class="num">{cell}</{tag}>' if i in numeric else f"<{tag}>{cell}</{tag}>"
        for i, cell in enumerate(cells)
    ]
    return "<tr>" + "".join(parts) + "</tr>"


# -- inline SVG charts (no scripts, no external files: the page stays one self-contained file) -------


def _scale(value: float, low: float, high: float, top: float, bottom: float) -> float:
    """`value` in [low, high] as a y coordinate between `bottom` (low) and `top` (high)."""
    if high == low:
        return (top + bottom) / 2
    return bottom - (value - low) / (high - low) * (bottom - top)


def svg_line(
    values: list[float | None],
    labels: list[str],
    *,
    band: list[tuple[float, float] | None] | None = None,
    title: str = "",
    low: float | None = None,
    high: float | None = None,
    width: int = 420,
    height: int = 150,
    value_text: Callable[[float], str] = number,
) -> str:
    """A line chart as inline SVG: one point per label (None leaves a gap), an optional shaded band
    (an interval around each point), the first and last labels under the axis and the value of each
    point above it. Every text is escaped; the numbers are already formatted by the caller's rules."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    spread = [x for pair in band or [] if pair is not None for x in pair]
    low = min(known + spread) if low is None else low
    high = max(known + spread) if high is None else high
    if high - low < 1:
        low, high = low - 1, high + 1
    left, right, top, bottom = 22, width - 22, 18, height - 22  # room for the end labels
    step = (right - left) / max(1, len(values) - 1)
    xs = [left + i * step if len(values) > 1 else (left + right) / 2 for i in range(len(values))]
    parts = [
        f'<svg class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{h(title)}">',
        f"<title>{h(title)}</title>",
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#bbb" stroke-width="1"/>',
    ]
    if low < 0 < high:
        zero = _scale(0, low, high, top, bottom)
        parts.append(
            f'<line x1="{left}" y1="{zero:.1f}" x2="{right}" y2="{zero:.1f}" '
            'stroke="#ddd" stroke-dasharray="3 3"/>'
        )
    if band:
        upper = [(x, _scale(b[1], low, high, top, bottom)) for x, b in zip(xs, band, strict=False) if b]
        lower = [(x, _scale(b[0], low, high, top, bottom)) for x, b in zip(xs, band, strict=False) if b]
        if len(upper) > 1:
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in upper + lower[::-1])
            parts.append(f'<polygon points="{points}" fill="#4a7fd4" fill-opacity="0.15" stroke="none"/>')
    segment: list[str] = []
    for x, value in zip(xs, values, strict=True):
        if value is None:
            if len(segment) > 1:
                parts.append(
                    f'<polyline points="{" ".join(segment)}" fill="none" stroke="#2b5fb4" stroke-width="2"/>'
                )
            segment = []
            continue
        y = _scale(value, low, high, top, bottom)
        segment.append(f"{x:.1f},{y:.1f}")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#2b5fb4"/>')
    if len(segment) > 1:
        parts.append(
            f'<polyline points="{" ".join(segment)}" fill="none" stroke="#2b5fb4" stroke-width="2"/>'
        )
    return (
        "".join(parts) + _labels(xs, values, labels, low, high, (top, bottom, height), value_text) + "</svg>"
    )


def _labels(
    xs: list[float],
    values: list[float | None],
    labels: list[str],
    low: float,
    high: float,
    frame: tuple[float, float, int],
    value_text: Callable[[float], str],
) -> str:
    top, bottom, height = frame
    out = []
    for x, value, label in zip(xs, values, labels, strict=True):
        if value is not None:
            y = _scale(value, low, high, top, bottom) - 6
            out.append(
                f'<text x="{x:.1f}" y="{y:.1f}" font-size="9" text-anchor="middle" fill="#333">'
                f"{h(value_text(value))}</text>"
            )
        out.append(
            f'<text x="{x:.1f}" y="{height - 6}" font-size="9" text-anchor="middle" fill="#666">'
            f"{h(label)}</text>"
        )
    return "".join(out)


def svg_bars(
    values: list[float], labels: list[str], *, title: str = "", width: int = 300, height: int = 110
) -> str:
    """A bar chart as inline SVG, each bar labelled with its value and its (escaped) label."""
    if not values:
        return ""
    high = max(max(values), 1.0)
    left, right, top, bottom = 6, width - 6, 14, height - 20
    slot = (right - left) / len(values)
    parts = [
        f'<svg class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{h(title)}"><title>{h(title)}</title>',
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#bbb"/>',
    ]
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        x = left + index * slot + slot * 0.2
        bar = (bottom - top) * value / high
        parts.append(
            f'<rect x="{x:.1f}" y="{bottom - bar:.1f}" width="{slot * 0.6:.1f}" height="{bar:.1f}" '
            'fill="#2e9e52"/>'
            f'<text x="{x + slot * 0.3:.1f}" y="{bottom - bar - 3:.1f}" font-size="9" text-anchor="middle">'
            f"{h(number(value))}</text>"
            f'<text x="{x + slot * 0.3:.1f}" y="{height - 6}" font-size="8" text-anchor="middle" fill="#666">'
            f"{h(label)}</text>"
        )
    return "".join(parts) + "</svg>"

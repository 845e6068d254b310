"""Markdown and HTML building blocks for reports: escaping, aligned tables, bars, the page style.

Every text the user typed reaches a page through `md_escape` or `h`.
"""

from __future__ import annotations

import html as html_lib

from cxtui.format import display_width, percent, percent_text

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

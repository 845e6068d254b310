"""What each dashboard panel says, as Rich Text built from the dashboard's figures (no database here).

Every state reads without colour too: bands carry a mark (● ▲ ■), changes a word (better/worse),
flags a ⚑ and a word. Text the user typed is appended as plain text, never parsed as markup.
"""

from __future__ import annotations

from rich.text import Text

from cxtui.cycles.models import Cycle
from cxtui.cycles.text import status_text
from cxtui.format import interval, percent_text, points, share_text
from cxtui.i18n import t
from cxtui.kpi.metrics import Change
from cxtui.kpi.texts import value_text
from cxtui.okr.metrics import band
from cxtui.review.dashboard import Home, KpiSpark
from screens.shared.bars import BAND_MARK, BAND_STYLE, ljust_cells, progress_text

SPARKS = "▁▂▃▄▅▆▇█"
NAME_CELLS = 22


def sparkline(values: list[float]) -> str:
    """One character per value, low to high (a flat series sits in the middle)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high - low < 1e-12:
        return SPARKS[3] * len(values)
    return "".join(SPARKS[round((v - low) / (high - low) * (len(SPARKS) - 1))] for v in values)


def _line(*parts: Text | str) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    for part in parts:
        line.append(part)
    return line


def _lines(lines: list[Text]) -> Text:
    out = Text("\n").join(lines)
    out.no_wrap = True
    out.overflow = "ellipsis"
    return out


def change_text(moved: Change | None) -> Text:
    """`▲ better`, `▼ worse`, `= same`: the arrow says which way, the word whether that is good."""
    if moved is None:
        return Text("")
    arrow = {"up": "▲", "down": "▼", "flat": "="}[moved.trend]
    style = "green" if moved.good else "red" if moved.good is False else "dim"
    return Text(f"{arrow} {t('cycles.verdict.' + moved.verdict)}", style=style)


def okr_panel(home: Home, width: int = 120) -> Text:
    """The period, overall progress, the top-level objectives and the weakest KRs."""
    if home.period is None:
        return Text(t("home.okr.no_period"), style="dim")
    lines = [_line(Text(home.period.name, style="bold"), "  ", Text(t("home.okr.overall"), style="dim"), " ")]
    overall = home.overall
    lines[0].append(progress_text(overall, None if overall is None else band(overall), width=8))
    if not home.objectives:
        lines.append(Text(t("home.okr.no_objectives"), style="dim"))
    for node in home.objectives[:3]:
        line = _line(progress_text(node.progress, node.band, width=8), " ")
        line.append(node.objective.title)
        lines.append(line)
    if len(home.objectives) > 3:
        lines.append(Text(t("home.okr.more", n=len(home.objectives) - 3), style="dim"))
    if home.weakest:
        lines.append(Text(t("home.okr.weakest"), style="dim"))
        for view, objective in home.weakest:
            line = _line(
                Text(f"{BAND_MARK[view.band]} {percent_text(view.progress):>4} ", style=BAND_STYLE[view.band])
            )
            line.append(view.kr.title)
            line.append(f"  ({objective})", style="dim")
            lines.append(line)
    return _lines(lines)


def _kpi_line(spark: KpiSpark, width: int) -> Text:
    kpi = spark.kpi
    # At 80 columns a panel is ~38 cells wide: the name and the sparkline give way to the value.
    name_cells = max(10, min(NAME_CELLS, width - 34))
    spark_points = 12 if width >= 56 else 6
    line = _line(ljust_cells(_clip(kpi.name, name_cells), name_cells), " ")
    values = [value for _day, value in spark.points][-spark_points:]
    line.append(f"{sparkline(values):<{spark_points}}", style="cyan")
    line.append(f" {value_text(kpi, spark.latest):>10} ")
    if spark.too_few:  # a month of a handful of answers: no verdict (see the NPS panel)
        line.append(t("home.kpi.few", n=spark.n), style="yellow")
    elif spark.so_far:
        line.append(t("home.kpi.so_far"), style="dim")
    else:
        line.append(change_text(spark.change))
    if spark.due:
        line.append(f"  ○ {t('home.kpi.due')}", style="yellow")
    return line


def _clip(text: str, cells: int) -> str:
    """`text` cut to `cells` terminal cells, with an ellipsis when cut."""
    from rich.cells import cell_len

    if cell_len(text) <= cells:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > cells - 1:
            break
        out += char
    return out + "…"


def kpi_panel(home: Home, width: int = 120) -> Text:
    """Each focus KPI with its recent values as a sparkline, the latest value and its change."""
    if not home.kpis:
        return Text(t("home.kpi.none"), style="dim")
    lines = [_kpi_line(s, width) for s in home.kpis]
    if len(home.kpis) > 5:
        lines.append(Text(t("home.kpi.too_many", n=len(home.kpis)), style="yellow"))
    return _lines(lines)


def nps_panel(home: Home, width: int = 120) -> Text:
    """The NPS of the last 30 days with its interval and n, the change from the 30 days before, and
    the monthly trend."""
    months = [m for m in home.nps if m.nps is not None]
    recent = home.nps_recent
    if recent is None or recent.nps is None:
        return Text(t("home.nps.none"), style="dim")
    line = _line(Text(f"NPS {points(recent.nps)}", style="bold"), f" {interval(recent.ci95)}  n={recent.n}")
    line.append(f"  {t('home.panel.window')}", style="dim")
    lines = [line]
    trend = _line(
        Text(t("home.nps.trend"), style="dim"),
        " ",
        Text(sparkline([m.nps for m in months if m.nps is not None]), style="cyan"),
    )
    before = home.nps_previous
    if before is not None and before.nps is not None:
        trend.append(f"  {t('home.nps.vs_before', delta=points(recent.nps - before.nps))}")
    lines.append(trend)
    if recent.n < 30:
        lines.append(Text(t("home.nps.small", n=recent.n), style="yellow"))
    return _lines(lines)


def rox_panel(home: Home, width: int = 120) -> Text:
    """The ROX rate of the last 30 days' deals (seed 000: the win rate before selling starts)."""
    if home.rox is None:
        return Text(t("home.rox.none"), style="dim")
    rox = home.rox
    return _lines(
        [
            _line(Text(f"ROX {share_text(rox.rate)}", style="bold"), f"  {t('home.panel.window')}"),
            _line(Text(t("home.rox.detail", favourable=rox.favourable, deals=rox.deals), style="dim")),
        ]
    )


def _cycle_lines(cycle: Cycle, home: Home) -> list[Text]:
    head = _line(Text("▶ ", style="bold"), Text(cycle.title, style="bold"))
    head.append(f"  {status_text(cycle, home.today)}", style="yellow" if cycle.overdue(home.today) else "")
    lines = [head]
    if cycle.hypothesis:
        lines.append(_line(Text(t("common.field.hypothesis") + ": ", style="dim"), cycle.hypothesis))
    if cycle.change:
        lines.append(_line(Text(t("common.field.change") + ": ", style="dim"), cycle.change))
    return lines


def cycle_panel(home: Home, width: int = 120) -> Text:
    """The running cycle: title, days left (or ⚑ overdue), its one hypothesis and one change."""
    if not home.running:
        return Text(t("home.cycle.none"), style="dim")
    lines = _cycle_lines(home.running[0], home)
    if len(home.running) > 1:
        lines.append(Text(t("home.cycle.more", n=len(home.running) - 1), style="dim"))
    return _lines(lines)


def voices_panel(home: Home, width: int = 120) -> Text:
    """The latest voices of the last 7 days: the phrase that changed, and where."""
    if not home.voices:
        return Text(t("home.voices.none"), style="dim")
    lines = []
    for item in home.voices:
        line = _line(Text("“", style="dim"), item.quote, Text("”", style="dim"))
        if item.scene:
            line.append(f"  {item.scene}", style="dim")
        lines.append(line)
    return _lines(lines)


def due_panel(home: Home, width: int = 120) -> Text:
    """What is due this week: the weekly review, check-ins, KPI values and cycles to review."""
    due = home.due
    if due.open_review is not None:
        review = _line(
            Text("○ ", style="yellow"), t("home.due.review_open", date=due.open_review.date.isoformat())
        )
    elif due.review_due:
        last = due.last_review.date.isoformat() if due.last_review else "—"
        review = _line(Text("○ ", style="yellow"), t("home.due.review", last=last))
    else:
        review = _line(Text("✓ ", style="green"), t("home.due.review_done"))
    lines = [review]
    if due.krs_total:
        mark = Text("✓ ", style="green") if due.krs_open == 0 else Text("○ ", style="yellow")
        lines.append(_line(mark, t("home.due.checkins", open=due.krs_open, total=due.krs_total)))
    if due.kpis:
        names = ", ".join(k.name for k in due.kpis)
        lines.append(_line(Text("○ ", style="yellow"), t("home.due.kpis", names=names)))
    if due.cycles:
        titles = ", ".join(c.title for c in due.cycles)
        lines.append(_line(Text("⚑ ", style="red"), t("home.due.cycles", titles=titles)))
    return _lines(lines)

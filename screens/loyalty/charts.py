"""Loyalty charts: one monthly figure over time, and the ROX rate by month beside the NPS trend.

plotext 5 counts every character as one column, so what plotext draws (ticks) stays ASCII; titles
and legends, which may be Japanese, are Textual widgets around the plots. Estimated points are drawn
with another marker (`x`), not only another colour, and the legend says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static
from textual_plotext import PlotextPlot

from cxtui.format import number
from cxtui.i18n import t
from cxtui.loyalty.metrics import first_day, next_month
from cxtui.nps.models import TrendPoint
from cxtui.nps.stats import Counts
from screens.nps.charts import TrendChart

RGB = tuple[int, int, int]
ENTERED = "●"  # one cell wide, as plotext assumes
ESTIMATED = "x"


@dataclass(frozen=True)
class Series:
    """One figure by month: ASCII month labels, values (None: blank), which are estimates."""

    months: list[str]
    values: list[float | None]
    estimated: list[bool]
    floor_zero: bool = True  # rates, counts and money start their axis at 0


def nice_step(span: float, ticks: int) -> float:
    """A round tick step (1, 2, 2.5, 5 × 10^k) giving about `ticks` ticks over `span`."""
    raw = max(span / max(ticks, 1), 1e-9)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10.0 * magnitude


def y_ticks(
    values: Sequence[float], floor_zero: bool, ceiling: float | None = None, most: int = 5
) -> list[float]:
    """At most `most` round ticks covering `values` (from 0 when `floor_zero`, up to `ceiling`)."""
    low = 0.0 if floor_zero else min(values)
    high = max(values) if ceiling is None else ceiling
    if high <= low:
        high = low + 1
    step = nice_step(high - low, max(1, most - 1))
    while True:
        start = math.floor(low / step) * step
        ticks = [start]
        while ticks[-1] < high - 1e-9:
            ticks.append(ticks[-1] + step)
        if len(ticks) <= max(2, most):
            return ticks
        step = nice_step(step * 1.01 * (len(ticks) - 1), max(1, most - 1))


def tick_rows(height: int) -> int:
    """How many y ticks a plot `height` rows tall shows without two on one row (a blank row between)."""
    # The frame takes a row at the top and one at the bottom, the month labels another.
    inner = max(1, height - 3)
    return max(2, (inner + 1) // 2)


def tick_months(months: Sequence[str], width: int) -> list[int]:
    """1-based x positions that get a month label: every k-th, so labels never collide."""
    if not months:
        return []
    slots = max(2, (width - 10) // (max(len(m) for m in months) + 2))
    step = max(1, math.ceil(len(months) / slots))
    return list(range(1, len(months) + 1, step))


class MonthPlot(PlotextPlot):
    """A figure by month: a line through the known values, `x` markers on estimates."""

    DEFAULT_CSS = """
    MonthPlot { height: 1fr; min-height: 6; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.series = Series([], [], [])

    def on_mount(self) -> None:
        """Redraw in the theme's colours now and on every theme change."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.replot())
        self.replot()

    def on_resize(self) -> None:
        """How many month labels fit depends on the width."""
        self.replot()

    def show(self, series: Series) -> None:
        """Draw this series."""
        self.series = series
        self.replot()

    def _colour(self, name: str, fallback: str) -> RGB | str:
        if not self.is_mounted:
            return fallback
        value = self.app.theme_variables.get(name)
        if not value:
            return fallback
        colour = Color.parse(value)
        if colour.a < 1:
            colour = Color.parse(self.app.theme_variables.get("surface", "#000000")) + colour
        return colour.rgb

    def replot(self) -> None:
        """Line, markers and ASCII ticks."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        s = self.series
        points = [
            (x, v, e) for x, (v, e) in enumerate(zip(s.values, s.estimated, strict=True), 1) if v is not None
        ]
        line = self._colour("primary", "cyan")
        muted = self._colour("warning", "yellow")
        if points:
            if len(points) > 1:
                plt.plot([x for x, _, _ in points], [v for _, v, _ in points], marker="hd", color=line)
            for estimated, marker, colour in ((False, ENTERED, line), (True, ESTIMATED, muted)):
                chosen = [(x, v) for x, v, e in points if e is estimated]
                if chosen:
                    plt.scatter([x for x, _ in chosen], [v for _, v in chosen], marker=marker, color=colour)
            # As many ticks as the height holds: plotext drops labels that share a row, and which
            # one it keeps would then depend on the order the plot was drawn in.
            values = [v for _, v, _ in points]
            most = min(5, tick_rows(self.size.height or 20))
            ticks = y_ticks(values, s.floor_zero, self._ceiling(values), most)
            plt.ylim(ticks[0], ticks[-1])
            plt.yticks(ticks, [number(tick) for tick in ticks])
        positions = tick_months(s.months, self.size.width or 80)
        plt.xticks([float(x) for x in positions], [s.months[x - 1] for x in positions])
        plt.xlim(0.5, max(1, len(s.months)) + 0.5)
        self.refresh()

    def _ceiling(self, values: list[float]) -> float | None:
        return None


class RatePlot(MonthPlot):
    """A percentage by month on a 0–100 axis (the ROX rate)."""

    def _ceiling(self, values: list[float]) -> float | None:
        return 100.0


class FigureChart(Vertical):
    """The chosen figure's title, its plot, and the legend of the markers."""

    DEFAULT_CSS = """
    FigureChart { height: 1fr; }
    FigureChart > .chart-title { text-style: bold; height: 1; }
    FigureChart > .chart-legend { color: $text-muted; height: 1; }
    FigureChart > .chart-message { color: $text-muted; height: auto; padding: 1 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = Label("", classes="chart-title")
        self.plot = MonthPlot()
        self.legend = Static("", classes="chart-legend")
        self.message = Static("", classes="chart-message")

    def compose(self) -> ComposeResult:
        """Title, plot, legend, and the message shown instead when there is nothing to draw."""
        yield self.title
        yield self.plot
        yield self.legend
        yield self.message

    def show(self, title: str, series: Series, legend: str) -> None:
        """Draw `series` under `title` (a message instead when no month has a value)."""
        self.title.update(Content(title))
        drawable = any(v is not None for v in series.values)
        self.plot.display = drawable
        self.legend.display = drawable
        self.message.display = not drawable
        self.plot.show(series)
        self.legend.update(Content(legend))
        self.message.update(Content(t("loyalty.ui.chart_empty")))


class RoxCharts(Horizontal):
    """The ROX rate by month (left) beside the NPS trend of the same months (right)."""

    DEFAULT_CSS = """
    RoxCharts { height: 1fr; min-height: 8; }
    RoxCharts > Vertical { width: 1fr; height: 1fr; }
    RoxCharts .chart-title { text-style: bold; height: 1; }
    RoxCharts .chart-legend { color: $text-muted; height: 1; }
    RoxCharts .chart-message { color: $text-muted; height: auto; padding: 1 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rox_title = Label("", classes="chart-title")
        self.rox_plot = RatePlot(id="rox-rate-plot")
        self.rox_legend = Static("", classes="chart-legend")
        self.nps_title = Label("", classes="chart-title")
        self.nps_chart = TrendChart(id="rox-nps-chart")
        self.nps_message = Static("", classes="chart-message")

    def compose(self) -> ComposeResult:
        """Two columns: ROX rate, NPS."""
        with Vertical():
            yield self.rox_title
            yield self.rox_plot
            yield self.rox_legend
        with Vertical(id="rox-nps-side"):
            yield self.nps_title
            yield self.nps_chart
            yield self.nps_message

    def show(self, series: Series, nps: Sequence[TrendPoint] | None) -> None:
        """ROX rate by month; beside it NPS for the same months (None: the workspace has no NPS answers)."""
        self.rox_title.update(Content(t("loyalty.ui.rox_chart_title")))
        self.rox_plot.show(series)
        self.rox_legend.update(Content(t("loyalty.ui.rox_chart_legend")))
        self.nps_title.update(Content(t("loyalty.ui.nps_chart_title")))
        has_nps = nps is not None and any(p.nps is not None for p in nps)
        self.nps_chart.display = has_nps
        self.nps_message.display = not has_nps
        self.nps_message.update(Content(t("loyalty.ui.no_nps")))
        if has_nps and nps is not None:
            self.nps_chart.show(nps)


def aligned_nps(points: Sequence[TrendPoint], months: Sequence[str]) -> list[TrendPoint]:
    """NPS points for exactly `months` (YYYY-MM), an empty point where a month has no answers."""
    by_month = {p.period: p for p in points}
    out = []
    for month in months:
        found = by_month.get(month)
        if found is None:
            end = first_day(next_month(month)) - timedelta(days=1)
            found = TrendPoint(month, first_day(month), end, Counts(), None, None)
        out.append(found)
    return out

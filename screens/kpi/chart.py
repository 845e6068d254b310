"""A KPI's series as a plotext line chart with its target as a horizontal line.

plotext 5 counts every character as one column, so what it draws (ticks: dates as MM-DD, numbers)
stays ASCII; the legend, which may be Japanese, is a Textual widget under the plot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static
from textual_plotext import PlotextPlot

from cxtui.format import number
from cxtui.i18n import t
from cxtui.kpi.models import Kpi
from cxtui.kpi.sources import Point
from cxtui.kpi.texts import value_text


def _colour(plot: PlotextPlot, name: str, fallback: str) -> tuple[int, int, int] | str:
    if not plot.is_mounted:
        return fallback
    value = plot.app.theme_variables.get(name)
    if not value:
        return fallback
    colour = Color.parse(value)
    if colour.a < 1:
        colour = Color.parse(plot.app.theme_variables.get("surface", "#000000")) + colour
    return colour.rgb


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round values (1, 2 or 5 × 10^k apart) between `low` and `high`, about `count` of them."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def date_ticks(points: Sequence[Point], width: int) -> list[int]:
    """Indexes (1-based) of the points that get a date label, spaced so labels never collide."""
    if not points:
        return []
    slots = max(2, (width - 10) // 8)  # "MM-DD" and room around it
    step = max(1, math.ceil(len(points) / slots))
    return list(range(1, len(points) + 1, step))


class SeriesPlot(PlotextPlot):
    """Values oldest to newest, the target as a horizontal line."""

    DEFAULT_CSS = """
    SeriesPlot { height: 1fr; min-height: 6; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[Point] = []
        self.target: float | None = None

    def on_mount(self) -> None:
        """Redraw in the theme's colours when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.replot())
        self.replot()

    def on_resize(self) -> None:
        """How many date labels fit depends on the width."""
        self.replot()

    def show(self, points: Sequence[Point], target: float | None) -> None:
        """Draw this series and target."""
        self.points = list(points)
        self.target = target
        self.replot()

    def replot(self) -> None:
        """Line with points, target line, ASCII ticks."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if not self.points:
            self.refresh()
            return
        xs = list(range(1, len(self.points) + 1))
        ys = [p.value for p in self.points]
        line = _colour(self, "primary", "cyan")
        plt.plot(xs, ys, marker="hd", color=line)
        plt.scatter(xs, ys, marker="●", color=line)
        values = list(ys)
        if self.target is not None:
            plt.hline(self.target, color=_colour(self, "warning", "yellow"))
            values.append(self.target)
        low, high = min(values), max(values)
        pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
        plt.ylim(low - pad, high + pad)
        ticks = nice_ticks(low - pad, high + pad)
        plt.yticks(ticks, [number(v) for v in ticks])
        positions = date_ticks(self.points, self.size.width or 80)
        plt.xticks(
            [float(x) for x in positions], [self.points[x - 1].date.strftime("%m-%d") for x in positions]
        )
        plt.xlim(0.5, len(self.points) + 0.5)
        self.refresh()


class SeriesChart(Vertical):
    """The plot and its legend (or a message when there is nothing to draw)."""

    DEFAULT_CSS = """
    SeriesChart { height: 1fr; }
    SeriesChart > .series--legend { height: 1; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plot = SeriesPlot()
        self.legend = Static("", classes="series--legend")

    def compose(self) -> ComposeResult:
        """Plot above, legend below."""
        yield self.plot
        yield self.legend

    def show(self, kpi: Kpi, points: Sequence[Point]) -> None:
        """Draw the KPI's series and say what the lines are."""
        self.plot.show(points, kpi.target)
        if not points:
            self.legend.update(Content(t("kpi.card.no_value")))
            return
        legend = t(
            "kpi.detail.legend_series", first=points[0].date.isoformat(), last=points[-1].date.isoformat()
        )
        if kpi.target is not None:
            legend += "   " + t("kpi.detail.legend_target", target=value_text(kpi, kpi.target))
        self.legend.update(Content(legend))

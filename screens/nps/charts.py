"""NPS charts drawn by plotext through textual-plotext: the 0–10 distribution and the trend.

plotext 5 counts every character as one column, so everything plotext draws (ticks) stays ASCII;
titles and legends, which may be Japanese, are Textual widgets around the plots.
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

from cxtui.i18n import t
from cxtui.nps.models import TrendPoint
from screens.nps.headline import ci_line, signed

RGB = tuple[int, int, int]
SCORES = tuple(range(11))
# (first score, last score + 1, theme colour, fallback) of detractors, passives, promoters.
SCORE_GROUPS: tuple[tuple[int, int, str, str], ...] = (
    (0, 7, "error", "red"),
    (7, 9, "warning", "yellow"),
    (9, 11, "success", "green"),
)
BAR_WIDTH = 0.6
POINT = "●"  # one cell wide, as plotext assumes


def nice_step(span: float, ticks: int, smallest: int = 1) -> int:
    """A round tick step (1, 2, 5 × 10^k, at least `smallest`) giving about `ticks` ticks over `span`."""
    raw = max(span / max(ticks, 1), smallest)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw and step == int(step):
            return int(step)
    return int(10 * magnitude)


def _theme_colour(plot: PlotextPlot, name: str, fallback: str) -> RGB | str:
    """A theme colour as RGB for plotext (muted colours blended over the surface), else a plotext name."""
    if not plot.is_mounted:
        return fallback
    variables = plot.app.theme_variables
    value = variables.get(name)
    if not value:
        return fallback
    colour = Color.parse(value)
    if colour.a < 1:
        colour = Color.parse(variables.get("surface", "#000000")) + colour
    return colour.rgb


class _ThemedPlot(PlotextPlot):
    """A PlotextPlot that redraws its data when the app theme changes (its colours come from the theme)."""

    def on_mount(self) -> None:
        """Draw in the theme's colours now and on every theme change (PlotextPlot's on_mount runs too)."""
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.replot())
        self.replot()

    def replot(self) -> None:
        """Draw the data again."""
        raise NotImplementedError


class DistributionChart(_ThemedPlot):
    """How many answers gave each score 0–10: red detractors, yellow passives, green promoters."""

    DEFAULT_CSS = """
    DistributionChart { height: 1fr; min-height: 8; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.buckets: list[int] = [0] * 11

    def show(self, buckets: Sequence[int]) -> None:
        """Draw 11 buckets: the number of answers for scores 0..10."""
        if len(buckets) != 11:
            raise ValueError(f"the distribution has 11 buckets (0..10), not {len(buckets)}")
        self.buckets = [int(b) for b in buckets]
        self.replot()

    def replot(self) -> None:
        """Bars per score group (plotext 5 colours a whole bar() call alike, so one call per group)."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        for first, stop, colour, fallback in SCORE_GROUPS:
            plt.bar(
                list(SCORES[first:stop]),
                self.buckets[first:stop],
                color=_theme_colour(self, colour, fallback),
                width=BAR_WIDTH,
                reset_ticks=False,
            )
        plt.xticks(list(SCORES), [str(s) for s in SCORES])
        plt.xlim(-0.5, 10.5)
        top = max(self.buckets)
        step = nice_step(top, 4)
        ceiling = max(step, math.ceil(top / step) * step)
        plt.ylim(0, ceiling)
        ticks = list(range(0, ceiling + 1, step))
        plt.yticks([float(tick) for tick in ticks], [str(tick) for tick in ticks])
        self.refresh()


def _runs(points: Sequence[TrendPoint]) -> list[list[tuple[int, TrendPoint]]]:
    """Consecutive periods with answers, as (x, point) runs; empty periods split the runs."""
    runs: list[list[tuple[int, TrendPoint]]] = []
    current: list[tuple[int, TrendPoint]] = []
    for x, point in enumerate(points, start=1):
        if point.nps is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((x, point))
    if current:
        runs.append(current)
    return runs


def y_range(points: Sequence[TrendPoint]) -> tuple[int, int]:
    """Bounds of the trend's y axis: every interval in view, on tens, within [-100, 100], 20 at least."""
    shown = [p for p in points if p.nps is not None]
    if not shown:
        return -100, 100
    lows = [p.ci95[0] for p in shown if p.ci95 is not None]
    highs = [p.ci95[1] for p in shown if p.ci95 is not None]
    values = [p.nps for p in shown if p.nps is not None]
    low = max(-100, math.floor((min(lows + values) - 5) / 10) * 10)
    high = min(100, math.ceil((max(highs + values) + 5) / 10) * 10)
    while high - low < 20:
        low, high = max(-100, low - 10), min(100, high + 10)
    return low, high


class TrendPlot(_ThemedPlot):
    """NPS per period as a line, with the 95 % interval's low and high ends as dotted lines."""

    DEFAULT_CSS = """
    TrendPlot { height: 1fr; min-height: 8; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.points: list[TrendPoint] = []

    def show(self, points: Sequence[TrendPoint]) -> None:
        """Draw these periods (periods without answers stay as gaps)."""
        self.points = list(points)
        self.replot()

    def on_resize(self) -> None:
        """How many period labels fit depends on the width."""
        self.replot()

    def tick_positions(self, width: int) -> list[int]:
        """The x positions that get a period label: every k-th, so labels never collide."""
        count = len(self.points)
        if count == 0:
            return []
        label_cells = max(len(p.period) for p in self.points) + 2
        slots = max(2, (width - 8) // label_cells)
        step = max(1, math.ceil(count / slots))
        return list(range(1, count + 1, step))

    def replot(self) -> None:
        """Line, interval ends, zero line and ASCII ticks."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        line = _theme_colour(self, "primary", "cyan")
        band = _theme_colour(self, "foreground-muted", "gray")
        for run in _runs(self.points):
            xs = [x for x, _ in run]
            values = [p.nps for _, p in run]
            # A period with too few answers for an interval (n < MIN_CI_N) shows its point alone.
            lows = [p.nps if p.ci95 is None else p.ci95[0] for _, p in run]
            highs = [p.nps if p.ci95 is None else p.ci95[1] for _, p in run]
            if len(run) == 1:
                # A lone period between gaps: its interval as a vertical stroke.
                plt.plot([xs[0], xs[0]], [lows[0], highs[0]], marker="dot", color=band)
            else:
                plt.plot(xs, lows, marker="dot", color=band)
                plt.plot(xs, highs, marker="dot", color=band)
                plt.plot(xs, values, marker="hd", color=line)
            plt.scatter(xs, values, marker=POINT, color=line)
        low, high = y_range(self.points)
        if low < 0 < high:
            plt.hline(0, color=band)
        plt.ylim(low, high)
        step = nice_step(high - low, 5, smallest=5)
        ticks = list(range(math.ceil(low / step) * step, high + 1, step))
        plt.yticks([float(tick) for tick in ticks], [signed(tick) if tick else "0" for tick in ticks])
        positions = self.tick_positions(self.size.width or 80)
        plt.xticks([float(x) for x in positions], [self.points[x - 1].period for x in positions])
        plt.xlim(0.5, len(self.points) + 0.5)
        self.refresh()


class TrendChart(Vertical):
    """The trend plot with its legend, or a plain message when there are fewer than two periods."""

    DEFAULT_CSS = """
    TrendChart { height: 1fr; }
    TrendChart > .trend--legend { height: auto; color: $text-muted; }
    TrendChart > .trend--message { height: auto; color: $text-muted; padding: 1 0; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.plot = TrendPlot()
        self.legend = Static("", classes="trend--legend")
        self.message = Static("", classes="trend--message")
        self.message_text = ""

    def compose(self) -> ComposeResult:
        """Plot, legend, message (only one of plot and message is shown)."""
        yield self.plot
        yield self.legend
        yield self.message

    def show(self, points: Sequence[TrendPoint]) -> None:
        """Show NPS per period (the queries' TrendPoints, empty periods included)."""
        shown = [p for p in points if p.nps is not None]
        drawable = len(shown) >= 2
        self.plot.display = drawable
        self.legend.display = drawable
        self.message.display = not drawable
        if drawable:
            self.message_text = ""
            self.plot.show(points)
            legend = t("nps.ui.trend_legend")
            if len(shown) < len(points):
                legend += "   " + t("nps.ui.trend_gaps")
            self.legend.update(Content(legend))
            return
        self.plot.show([])
        if not shown:
            self.message_text = t("nps.ui.trend_empty")
        else:
            point = shown[0]
            ci = ci_line(point.ci95, point.counts.n)
            self.message_text = t(
                "nps.ui.trend_one", period=point.period, nps=signed(point.nps), ci=ci, n=point.counts.n
            )
        self.message.update(Content(self.message_text))

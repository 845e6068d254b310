"""The NPS as a number: the headline, the promoter/passive/detractor bar, and the before/after view.

These widgets take models from `cxtui.nps` through `show(...)`; they never read the workspace.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Digits, Static

from cxtui.format import exact_points, p_text, points, round_half_away, share_text
from cxtui.i18n import t
from cxtui.nps.queries import verdict
from cxtui.nps.stats import MIN_CI_N, Comparison, Counts, NpsSummary, half_width, is_small, shares

# (legend key, theme colour) for promoters, passives, detractors, in the order the bar draws them.
GROUPS: tuple[tuple[str, str], ...] = (
    ("nps.ui.promoters", "$success"),
    ("nps.ui.passives", "$warning"),
    ("nps.ui.detractors", "$error"),
)
SWATCH = "■"
BAR_CELL = "█"
EMPTY_CELL = "░"
LEGEND_GAP = "   "


def signed(value: float | None) -> str:
    """An NPS-like value for display (`+40`, `-5`, `—`), rounded half away from zero."""
    return points(value)


def exact(value: float) -> str:
    """An exact NPS as the formula line writes it: `40`, `33.3`, `-12.5` (cxtui.format)."""
    return exact_points(value)


def percent_text(value: float) -> str:
    """A share in percent, rounded half away from zero: `55%` (cxtui.format, as the CLI shows it)."""
    return share_text(value)


def interval_text(ci: tuple[float, float] | None) -> tuple[str, str]:
    """The two ends of an interval, signed and rounded for display."""
    if ci is None:
        return "—", "—"
    return signed(ci[0]), signed(ci[1])


def ci_line(ci: tuple[float, float] | None, n: int) -> str:
    """`95% CI +10 … +23`, or that the interval means nothing at this n (fewer than MIN_CI_N)."""
    if n > 0 and ci is None:
        return t("nps.ui.ci_none", min=MIN_CI_N)
    lo, hi = interval_text(ci)
    return t("nps.ui.ci", lo=lo, hi=hi)


def ci_cell(summary: NpsSummary) -> str:
    """`+10 … +23` for a table cell, or `no CI (n<5)`."""
    if summary.n > 0 and summary.ci95 is None:
        return t("nps.ui.ci_short_none", min=MIN_CI_N)
    lo, hi = interval_text(summary.ci95)
    return f"{lo} … {hi}"


def split_cells(counts: Counts, width: int) -> tuple[int, int, int]:
    """Cells of a `width`-cell bar per group, proportional to the counts and summing to `width`.

    Largest remainders decide the leftover cells; a group with any answers keeps at least one cell,
    so one detractor in two hundred is still visible (the legend carries the exact figures).
    """
    values = (counts.promoters, counts.passives, counts.detractors)
    n = counts.n
    if n == 0 or width <= 0:
        return 0, 0, 0
    exact_cells = [v * width / n for v in values]
    cells = [int(x) for x in exact_cells]
    order = sorted(range(3), key=lambda i: (-(exact_cells[i] - cells[i]), i))
    for i in order[: width - sum(cells)]:
        cells[i] += 1
    for i in range(3):
        if values[i] and not cells[i]:
            donor = max(range(3), key=lambda j: cells[j])
            if cells[donor] > 1:
                cells[donor] -= 1
                cells[i] += 1
    return cells[0], cells[1], cells[2]


class ProportionBar(Widget):
    """One bar of promoters / passives / detractors with a legend of percentages and counts."""

    DEFAULT_CSS = """
    ProportionBar { width: 1fr; height: auto; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.counts: Counts = Counts()

    def show(self, counts: Counts) -> None:
        """Draw these counts."""
        self.counts = counts
        # The legend may need another line (or one fewer) at the new figures: lay out again.
        self.refresh(layout=True)

    def legend_items(self) -> list[tuple[str, str, str, str]]:
        """(label, percent, count, colour) per group, in the current language."""
        percents = shares(self.counts) or (0.0, 0.0, 0.0)
        values = (self.counts.promoters, self.counts.passives, self.counts.detractors)
        return [
            (t(key), percent_text(pct), str(count), colour)
            for (key, colour), pct, count in zip(GROUPS, percents, values, strict=True)
        ]

    def _legend(self, width: int) -> list[Content]:
        if self.counts.n == 0:
            return [Content.styled(t("nps.ui.no_answers"), "$text-muted")]
        items = self.legend_items()
        one_line = Content(LEGEND_GAP).join(
            Content.assemble((SWATCH, colour), f" {label} {pct} ({count})")
            for label, pct, count, colour in items
        )
        if one_line.cell_length <= width:
            return [one_line]
        # Too narrow for one line: one group per line, columns padded by terminal cells (推奨者 is 6).
        label_w = max(cell_len(label) for label, *_ in items)
        pct_w = max(len(pct) for _, pct, _, _ in items)
        count_w = max(len(count) for _, _, count, _ in items)
        return [
            Content.assemble(
                (SWATCH, colour),
                f" {label}{' ' * (label_w - cell_len(label))}  {pct:>{pct_w}}  {count:>{count_w}}",
            )
            for label, pct, count, colour in items
        ]

    def _bar(self, width: int) -> Content:
        if self.counts.n == 0:
            return Content.styled(EMPTY_CELL * width, "$text-muted")
        cells = split_cells(self.counts, width)
        return Content.assemble(
            *((BAR_CELL * n, colour) for n, (_, colour) in zip(cells, GROUPS, strict=True) if n)
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The bar plus as many legend lines as this width needs."""
        return 1 + len(self._legend(width))

    def render(self) -> Content:
        """The bar across the whole width, the legend below it."""
        width = max(1, self.size.width)
        return Content("\n").join([self._bar(width), *self._legend(width)])


# CompareView's bars are plain ProportionBars, so the screen's `query_one(StackedBar)` finds one widget.
class StackedBar(ProportionBar):
    """The selected survey's promoter / passive / detractor bar."""


class NpsHeadline(Widget):
    """The NPS as a big number, with its interval, n, formula and an honest small-sample note."""

    DEFAULT_CSS = """
    NpsHeadline { layout: horizontal; height: auto; }
    NpsHeadline > Digits { width: auto; min-width: 6; margin-right: 2; text-style: bold; }
    NpsHeadline.-small > Digits { color: $text-muted; }
    NpsHeadline > Static { width: 1fr; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.digits = Digits("")
        self.lines = Static("")
        self.summary: NpsSummary | None = None
        self.text: Content = Content("")

    def compose(self) -> ComposeResult:
        """The number on the left, the figures beside it."""
        yield self.digits
        yield self.lines

    def show(self, summary: NpsSummary) -> None:
        """Show one survey's (or segment's) summary."""
        self.summary = summary
        empty = summary.n == 0 or summary.nps is None
        self.digits.update("" if empty else signed(summary.nps))
        self.digits.display = not empty
        self.set_class(is_small(summary.counts), "-small")
        self.text = self._figures(summary)
        self.lines.update(self.text)

    def _figures(self, summary: NpsSummary) -> Content:
        lines: list[Content] = []
        if summary.n == 0 or summary.nps is None:
            lines.append(Content.assemble((t("nps.ui.nps"), "bold"), "  —"))
            lines.append(Content(t("nps.ui.n", n=0)))
            lines.append(Content.styled(t("nps.ui.formula_empty"), "$text-muted"))
            lines.append(Content.styled(t("nps.ui.no_answers"), "$warning"))
            return Content("\n").join(lines)
        lines.append(Content.assemble((t("nps.ui.nps"), "bold"), "  ", ci_line(summary.ci95, summary.n)))
        n_line = Content(t("nps.ui.n", n=summary.n))
        if summary.rejected:
            n_line = Content.assemble(
                n_line, "  ·  ", (t("nps.ui.rejected", n=summary.rejected), "$text-muted")
            )
        lines.append(n_line)
        formula = t(
            "nps.ui.formula", p=summary.promoters, d=summary.detractors, n=summary.n, value=exact(summary.nps)
        )
        lines.append(Content.styled(formula, "$text-muted"))
        if is_small(summary.counts):
            half = half_width(summary.counts) or 0.0
            lines.append(
                Content.styled(t("nps.ui.small", n=summary.n, half=int(round_half_away(half))), "$warning")
            )
        return Content("\n").join(lines)

    def as_text(self) -> str:
        """What the headline shows, as plain text: the number, then the figures."""
        return f"{self.digits.value}\n{self.text.plain}"


def verdict_tone(result: Comparison) -> str:
    """CSS class of a verdict: -up (real improvement), -down (real decline), -noise, -empty."""
    if result.before.n == 0 or result.after.n == 0:
        return "-empty"
    if result.significant:
        return "-up" if (result.delta or 0) > 0 else "-down"
    return "-noise"


class CompareView(Vertical):
    """Before and after side by side as bars, the change with its interval, z, p and a verdict."""

    DEFAULT_CSS = """
    CompareView { height: auto; }
    CompareView > .compare--head { margin-top: 1; }
    CompareView > .compare--delta { margin-top: 1; }
    CompareView > .compare--verdict { margin-top: 1; text-style: bold; }
    CompareView > .-up { color: $success; }
    CompareView > .-noise { color: $warning; }
    CompareView > .-down { color: $error; }
    CompareView > .-empty { color: $text-muted; }
    """

    TONES = ("-up", "-noise", "-down", "-empty")

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.before_head = Static("", classes="compare--head")
        self.before_bar = ProportionBar()
        self.after_head = Static("", classes="compare--head")
        self.after_bar = ProportionBar()
        self.delta = Static("", classes="compare--delta")
        self.verdict = Static("", classes="compare--verdict")
        self.verdict_text = ""

    def compose(self) -> ComposeResult:
        """Before, after, the change, the verdict."""
        yield self.before_head
        yield self.before_bar
        yield self.after_head
        yield self.after_bar
        yield self.delta
        yield self.verdict

    def show(self, comparison: Comparison, before_label: str, after_label: str) -> None:
        """Show a comparison; the labels name the two sides (survey names or date ranges)."""
        self.before_head.update(_side(t("nps.repo.before"), before_label, comparison.before))
        self.before_bar.show(comparison.before.counts)
        self.after_head.update(_side(t("nps.repo.after"), after_label, comparison.after))
        self.after_bar.show(comparison.after.counts)
        if comparison.delta is None:
            self.delta.update(Content(t("nps.ui.delta_empty")))
        else:
            lo, hi = interval_text(comparison.delta_ci95)
            z = "—" if comparison.z is None else f"{comparison.z:.2f}"
            change = (
                t("nps.ui.delta", delta=signed(comparison.delta), lo=lo, hi=hi)
                if comparison.delta_ci95_meaningful
                else t("nps.ui.delta_no_ci", delta=signed(comparison.delta), min=MIN_CI_N)
            )
            self.delta.update(
                Content("\n").join(
                    [
                        Content.assemble((change, "bold")),
                        Content.styled(t("nps.ui.test", z=z, p=p_text(comparison.p_value)), "$text-muted"),
                    ]
                )
            )
        self.verdict_text = verdict(comparison)
        self.verdict.update(Content(self.verdict_text))
        tone = verdict_tone(comparison)
        for name in self.TONES:
            self.verdict.set_class(name == tone, name)


def _side(side: str, label: str, summary: NpsSummary) -> Content:
    """`before: Survey A` in bold, then its NPS, interval and n."""
    head = Content.assemble((t("nps.ui.side", side=side, label=label), "bold"))
    if summary.n == 0 or summary.nps is None:
        figures = Content.styled(t("nps.ui.side_empty"), "$text-muted")
    else:
        figures = Content(
            t(
                "nps.ui.side_figures",
                nps=signed(summary.nps),
                ci=ci_line(summary.ci95, summary.n),
                n=summary.n,
            )
        )
    return Content.assemble(head, "   ", figures)

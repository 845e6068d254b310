"""NPS widgets in a tiny app: models from the worked example in, what is displayed checked."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.containers import Container
from textual.widget import Widget

from cxtui.i18n import set_language
from cxtui.nps.models import CommentRow, FollowupRow, TrendPoint
from cxtui.nps.stats import Counts, NpsSummary, ci95, compare, nps
from screens.nps.charts import DistributionChart, TrendChart
from screens.nps.headline import CompareView, NpsHeadline, StackedBar, split_cells
from screens.nps.tables import CommentsTable, FollowupsTable, SegmentsTable

SIZE = (100, 30)
# DESIGN.md's worked example: 80/70/50 (n=200) -> 110/60/30 (n=200), NPS 15 -> 40, z ≈ 3.248, p ≈ 0.0012.
BEFORE = Counts(80, 70, 50)
AFTER = Counts(110, 60, 30)
SMALL = Counts(5, 4, 3)  # n = 12
WIDGET_FILES = ("headline.py", "charts.py", "tables.py")


class Harness(App[None]):
    """One widget on a screen, collecting the Chosen messages the tables post."""

    def __init__(self, *widgets: Widget, width: int | None = None) -> None:
        super().__init__()
        self.widgets = widgets
        self.width = width
        self.chosen: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        """The widgets, in a narrower box when a width is given."""
        box = Container()
        if self.width is not None:
            box.styles.width = self.width
        with box:
            yield from self.widgets

    @on(CommentsTable.Chosen)
    def _comment(self, event: CommentsTable.Chosen) -> None:
        self.chosen.append(("comment", event.response_id))

    @on(FollowupsTable.Chosen)
    def _followup(self, event: FollowupsTable.Chosen) -> None:
        self.chosen.append(("followup", event.response_id))


def summary(counts: Counts, name: str = "s", rejected: int = 0) -> NpsSummary:
    """A summary as the queries build it."""
    return NpsSummary.from_counts(name, counts, rejected)


def point(label: str, counts: Counts) -> TrendPoint:
    """One trend period (the dates do not matter to the chart)."""
    return TrendPoint(label, date(2026, 1, 1), date(2026, 1, 31), counts, nps(counts), ci95(counts))


def row_text(table: SegmentsTable | CommentsTable | FollowupsTable, key: str) -> list[str]:
    """The plain text of one table row's cells."""
    return [cell.plain if isinstance(cell, Text) else str(cell) for cell in table.get_row(key)]


# -- headline ---------------------------------------------------------------------------------------


async def test_headline_shows_big_number_interval_n_and_formula() -> None:
    headline = NpsHeadline()
    async with Harness(headline).run_test(size=SIZE) as pilot:
        headline.show(summary(AFTER, rejected=3))
        await pilot.pause()
        assert headline.digits.value == "+40"
        assert headline.digits.display
        text = headline.as_text()
        # Adjusted Wald for 110/60/30: 29.28 … 49.53, shown rounded.
        assert "95% CI +29 … +50" in text
        assert "n = 200" in text
        assert "3 rows could not be read" in text
        assert "NPS = 100·(P − D)/n = 100·(110 − 30)/200 = 40" in text
        assert "too few" not in text
        assert not headline.has_class("-small")


async def test_headline_rounds_half_away_from_zero() -> None:
    headline = NpsHeadline()
    async with Harness(headline).run_test(size=SIZE) as pilot:
        headline.show(summary(Counts(5, 25, 10)))  # 100·(5 − 10)/40 = −12.5
        await pilot.pause()
        assert headline.digits.value == "-13"  # round() would give −12
        assert "= 100·(5 − 10)/40 = -12.5" in headline.as_text()


async def test_headline_small_sample_is_honest() -> None:
    headline = NpsHeadline()
    async with Harness(headline).run_test(size=SIZE) as pilot:
        headline.show(summary(SMALL))
        await pilot.pause()
        text = headline.as_text()
        assert "n = 12: the interval is ±40 points wide — too few answers to conclude." in text
        assert headline.has_class("-small")


async def test_headline_says_the_interval_means_nothing_at_n_1() -> None:
    # One answer of 10: the adjusted-Wald interval [-48, +98] would lie below the NPS of +100.
    headline = NpsHeadline()
    async with Harness(headline).run_test(size=SIZE) as pilot:
        headline.show(summary(Counts(1, 0, 0)))
        await pilot.pause()
        text = headline.as_text()
        assert headline.digits.value == "+100"
        assert "95% CI: not meaningful below 5 answers" in text
        assert "-48" not in text and "+98" not in text


async def test_segments_and_trend_say_no_interval_for_tiny_groups() -> None:
    table = SegmentsTable()
    async with Harness(table).run_test(size=SIZE) as pilot:
        table.show([("Ueno", summary(Counts(1, 0, 0)))])
        await pilot.pause()
        assert row_text(table, "Ueno")[2:4] == ["+100", "no CI (n<5)"]
    chart = TrendChart()
    async with Harness(chart).run_test(size=SIZE) as pilot:
        chart.show([point("2026-01", Counts(1, 0, 0))])
        await pilot.pause()
        assert "NPS +100, 95% CI: not meaningful below 5 answers, n = 1" in chart.message_text
        # A tiny period between ordinary ones is drawn as a point (not left out as a gap).
        chart.show([point("2026-01", AFTER), point("2026-02", Counts(1, 0, 0)), point("2026-03", BEFORE)])
        await pilot.pause()
        assert chart.plot.display and "gaps" not in str(chart.legend.render())


async def test_headline_without_answers() -> None:
    headline = NpsHeadline()
    async with Harness(headline).run_test(size=SIZE) as pilot:
        headline.show(summary(Counts()))
        await pilot.pause()
        assert not headline.digits.display
        assert "No answers yet." in headline.as_text()


# -- stacked bar ------------------------------------------------------------------------------------


def test_split_cells_is_proportional_and_keeps_small_groups_visible() -> None:
    assert split_cells(AFTER, 100) == (55, 30, 15)
    assert sum(split_cells(BEFORE, 37)) == 37
    assert split_cells(Counts(199, 0, 1), 20) == (19, 0, 1)
    assert split_cells(Counts(), 20) == (0, 0, 0)


async def test_stacked_bar_percentages_and_counts() -> None:
    bar = StackedBar()
    async with Harness(bar).run_test(size=SIZE) as pilot:
        bar.show(AFTER)
        await pilot.pause()
        lines = bar.render().plain.splitlines()
        assert lines[0] == "█" * bar.size.width
        assert lines[1] == "■ Promoters 55% (110)   ■ Passives 30% (60)   ■ Detractors 15% (30)"
        assert bar.size.height == 2


async def test_stacked_bar_japanese_legend_aligns_when_narrow() -> None:
    set_language("ja")
    bar = StackedBar()
    async with Harness(bar, width=24).run_test(size=SIZE) as pilot:
        bar.show(AFTER)
        await pilot.pause()
        lines = bar.render().plain.splitlines()
        assert [line.split()[1] for line in lines[1:]] == ["推奨者", "中立者", "批判者"]
        # One group per line, the percentages in one column, measured in terminal cells.
        ends = {cell_len(line[: line.index("%") + 1]) for line in lines[1:]}
        assert len(ends) == 1
        assert bar.size.height == 4


async def test_stacked_bar_without_answers() -> None:
    bar = StackedBar()
    async with Harness(bar).run_test(size=SIZE) as pilot:
        bar.show(Counts())
        await pilot.pause()
        assert "No answers yet." in bar.render().plain


# -- charts -----------------------------------------------------------------------------------------


async def test_distribution_chart_draws_eleven_buckets() -> None:
    chart = DistributionChart()
    buckets = [3, 2, 1, 4, 5, 6, 9, 25, 35, 60, 50]
    async with Harness(chart).run_test(size=SIZE) as pilot:
        chart.show(buckets)
        await pilot.pause()
        assert chart.buckets == buckets
        lines = str(chart.render()).splitlines()
        ticks = lines[-1].split()
        assert ticks == [str(score) for score in range(11)]
        assert all(line.isascii() for line in lines if "█" not in line and "─" not in line)
        with pytest.raises(ValueError):
            chart.show([1, 2, 3])


async def test_trend_chart_with_six_points_and_a_gap() -> None:
    chart = TrendChart()
    counts = [Counts(20, 20, 20), Counts(25, 20, 15), Counts(), AFTER, Counts(40, 15, 8), Counts(45, 15, 5)]
    async with Harness(chart).run_test(size=SIZE) as pilot:
        chart.show([point(f"2026-0{i + 1}", c) for i, c in enumerate(counts)])
        await pilot.pause()
        assert chart.plot.display and not chart.message.display
        assert len(chart.plot.points) == 6
        rendered = str(chart.plot.render())
        assert "2026-01" in rendered and "2026-06" in rendered
        assert "gaps" in str(chart.legend.render())


async def test_trend_chart_with_one_or_no_points_says_so() -> None:
    chart = TrendChart()
    async with Harness(chart).run_test(size=SIZE) as pilot:
        chart.show([point("2026-W10", AFTER)])
        await pilot.pause()
        assert not chart.plot.display and chart.message.display
        assert "2026-W10: NPS +40" in chart.message_text and "at least two" in chart.message_text
        chart.show([])
        await pilot.pause()
        assert "No dated answers yet" in chart.message_text
        chart.show([point("2026-01", BEFORE), point("2026-02", AFTER)])
        await pilot.pause()
        assert chart.plot.display and not chart.message.display


async def test_trend_chart_many_weeks_thins_labels() -> None:
    chart = TrendChart()
    weeks = [point(f"2026-W{w:02d}", AFTER) for w in range(1, 27)]
    async with Harness(chart).run_test(size=SIZE) as pilot:
        chart.show(weeks)
        await pilot.pause()
        positions = chart.plot.tick_positions(chart.plot.size.width)
        assert 2 <= len(positions) < 26
        assert str(chart.plot.render()).count("2026-W") == len(positions)


# -- segments and compare ---------------------------------------------------------------------------


async def test_segments_table_rows_and_small_flag() -> None:
    table = SegmentsTable()
    async with Harness(table).run_test(size=SIZE) as pilot:
        table.show([("", summary(BEFORE)), ("Shibuya", summary(AFTER)), ("Ueno", summary(SMALL))])
        await pilot.pause()
        assert table.row_count == 3
        assert row_text(table, "Shibuya") == ["Shibuya", "200", "+40", "+29 … +50", "55%", "30%", "15%", ""]
        assert row_text(table, "Ueno")[-1] == "⚠ n<30"
        assert row_text(table, "")[0] == "(no segment)"
        assert table.zebra_stripes and table.cursor_type == "row"


async def test_compare_view_real_improvement() -> None:
    view = CompareView()
    async with Harness(view).run_test(size=SIZE) as pilot:
        view.show(compare(BEFORE, AFTER), "March", "April")
        await pilot.pause()
        assert "real" in view.verdict_text and "p = 0.001" in view.verdict_text
        assert view.verdict.has_class("-up")
        assert "Δ +25 points" in str(view.delta.render())
        assert "z = 3.25" in str(view.delta.render())
        assert "before: March" in str(view.before_head.render())
        assert "55% (110)" in view.after_bar.render().plain


async def test_compare_view_noise_and_empty() -> None:
    view = CompareView()
    async with Harness(view).run_test(size=SIZE) as pilot:
        view.show(compare(BEFORE, Counts(85, 70, 45)), "a", "b")
        await pilot.pause()
        assert "noise" in view.verdict_text and "more answers" in view.verdict_text
        assert view.verdict.has_class("-noise") and not view.verdict.has_class("-up")
        view.show(compare(BEFORE, Counts()), "a", "b")
        await pilot.pause()
        assert view.verdict.has_class("-empty")
        assert str(view.delta.render()) == "Δ —"


async def test_compare_view_says_the_interval_of_the_change_means_nothing_below_5_answers() -> None:
    view = CompareView()
    async with Harness(view).run_test(size=SIZE) as pilot:
        view.show(compare(BEFORE, Counts(3, 0, 1)), "March", "tiny")
        await pilot.pause()
        text = str(view.delta.render())
        assert "Δ +35 points" in text and "not meaningful below 5 answers" in text and "…" not in text


# -- comments and follow-ups ------------------------------------------------------------------------


def comment_rows() -> list[CommentRow]:
    """A long Japanese comment and a short English one."""
    long_ja = "スタッフがとても親切でした。また来ます！" * 4
    return [
        CommentRow("r1", "S", 10, "Shibuya", "staff", long_ja, "2026-03-01"),
        CommentRow("r2", "S", 3, "", "wait", "Waited 20 minutes", "2026-03-02T10:00:00"),
    ]


async def test_comments_table_rows_clip_and_chosen() -> None:
    table = CommentsTable()
    app = Harness(table)
    async with app.run_test(size=SIZE) as pilot:
        table.show(comment_rows())
        await pilot.pause()
        assert table.row_count == 2
        first = row_text(table, "r1")
        assert first[:4] == ["10", "Shibuya", "staff / service", "2026-03-01"]
        assert first[4].endswith("…") and cell_len(first[4]) < table.size.width
        assert row_text(table, "r2")[1:4] == ["—", "wait / speed", "2026-03-02"]
        assert table.tooltip == comment_rows()[0].comment
        table.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.chosen == [("comment", "r2")]
        # A reload keeps the cursor on the same response, wherever it moved to.
        extra = CommentRow("r0", "S", 8, "", "", "newer", "2026-03-03")
        table.show([extra, *comment_rows()])
        assert table.cursor_row == 2


async def test_followups_table_translated_status_and_chosen() -> None:
    set_language("ja")
    table = FollowupsTable()
    app = Harness(table)
    rows = [
        FollowupRow("r2", "S", 3, "", "wait", "遅い", "2026-03-02", "Aiko", "contacted", "電話済み", None),
        FollowupRow("r3", "S", 0, "Ueno", "price", "高い", None, "", "open", "", None),
    ]
    async with app.run_test(size=SIZE) as pilot:
        table.show(rows)
        await pilot.pause()
        assert row_text(table, "r2")[5:] == ["Aiko", "連絡済み", "電話済み"]
        assert row_text(table, "r3")[3:7] == ["—", "高い", "—", "未対応"]
        assert str(table.columns[next(iter(table.columns))].label) == "点数"
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.chosen == [("followup", "r2")]


def test_widgets_never_touch_the_store() -> None:
    """Widgets get models; only the screen reads the workspace."""
    folder = Path(__file__).resolve().parents[3] / "screens" / "nps"
    for name in WIDGET_FILES:
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        modules |= {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        }
        assert not any(m and m.startswith("cxtui.db.store") for m in modules), name


async def test_compare_bars_are_not_stacked_bars() -> None:
    """The screen finds its one StackedBar by type even with a CompareView on it."""
    app = Harness(StackedBar(), CompareView())
    async with app.run_test(size=SIZE):
        assert len(app.query(StackedBar)) == 1


async def test_followup_queue_fits_owner_status_and_note_at_120_columns() -> None:
    # At 120 columns the table beside the survey list is about 85 cells wide.
    table = FollowupsTable()
    app = Harness(table, width=85)
    long_owner = "Tanaka (Harbour store manager)"
    rows = [
        FollowupRow(
            "r1",
            "S",
            2,
            "Harbour",
            "price",
            "Too expensive " * 6,
            "2026-03-02",
            long_owner,
            "contacted",
            "called back, will visit",
            None,
        ),
        FollowupRow("r2", "S", 5, "", "wait", "Slow", "2026-03-03", "", "open", "", None),
    ]
    async with app.run_test(size=(120, 30)) as pilot:
        table.show(rows)
        await pilot.pause()
        labels = [str(column.label) for column in table.columns.values()]
        assert labels[-3:] == ["Owner", "Status", "Note"] and "Comment" in labels
        assert table.virtual_size.width <= table.size.width  # nothing hidden to the right
        owner = row_text(table, "r1")[labels.index("Owner")]
        assert owner.startswith("Tanaka") and len(owner) >= 10
        assert row_text(table, "r1")[labels.index("Status")] == "contacted"


async def test_segments_filled_under_a_dialog_keep_their_widths() -> None:
    table = SegmentsTable()
    async with Harness(table).run_test(size=SIZE) as pilot:
        table.show([("", summary(Counts(1, 0, 0)))])
        await pilot.pause()
        widths = {column.key.value: column.get_render_width(table) for column in table.columns.values()}
        # `(no segment)` and `no CI (n<5)` whole, not `(no seg` cut at the header's width.
        assert widths["segment"] >= len("(no segment)") + 2 and widths["ci"] >= len("no CI (n<5)") + 2

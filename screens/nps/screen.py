"""The NPS screen: surveys on the left; overview, trend, segments, compare, comments, follow-ups.

This screen is the only NPS UI module that calls the store; widgets get models, dialogs return
what the user asked for, and this module persists it (one undoable action each).
"""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.lazy import Lazy
from textual.widgets import Footer, Input, Label, OptionList, Select, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from cxtui.db.store import Store
from cxtui.errors import CxError
from cxtui.format import points
from cxtui.i18n import t
from cxtui.nps import followups, models, queries
from cxtui.nps.models import Ref, Target
from cxtui.nps.stats import MIN_CI_N
from cxtui.nps.template_results import summarise_template
from screens.nps.actions import ALL, NpsActions
from screens.nps.answers_view import AnswersView
from screens.nps.charts import DistributionChart, TrendChart
from screens.nps.headline import CompareView, NpsHeadline, StackedBar
from screens.nps.tables import CommentsTable, FollowupsTable, SegmentsTable
from screens.shared.title_bar import TitleBar
from screens.shared.usertext import literal

GRAINS = ("week", "month", "quarter")
STATUSES = ("open", "contacted", "resolved")
TABS = ("overview", "trend", "segments", "compare", "comments", "followups", "answers")


class NpsScreen(NpsActions):
    """NPS with honest statistics, for the survey chosen on the left."""

    CSS_PATH = "nps.tcss"

    BINDINGS = [
        Binding("i", "import_file", "nps.key.import"),
        Binding("m", "quick_entry", "nps.key.quick"),
        Binding("x", "compare", "nps.key.compare"),
        Binding("g", "grain", "nps.key.grain", show=False),
        Binding("slash", "search", "nps.key.search", key_display="/"),
        # In help and the palette, not the footer: at 80 columns the footer holds the daily keys only.
        Binding("l", "templates", "nps.key.templates", show=False),
        Binding("d,delete", "delete_survey", "nps.key.delete_survey", show=False),
        Binding("o", "tab('overview')", "nps.key.tab_overview", show=False),
        Binding("t", "tab('trend')", "nps.key.tab_trend", show=False),
        Binding("s", "tab('segments')", "nps.key.tab_segments", show=False),
        Binding("v", "tab('compare')", "nps.key.tab_compare", show=False),
        Binding("c", "tab('comments')", "nps.key.tab_comments", show=False),
        Binding("f", "tab('followups')", "nps.key.tab_followups", show=False),
        Binding("a", "tab('answers')", "nps.key.tab_answers", show=False),
        Binding("q", "app.quit", "app.key.quit", show=False),
    ]
    HELP_KEY = "nps.help.text"

    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        self.target_key: str = ALL
        self.grain = "month"
        self.compare_sides: tuple[str, str, str | None] | None = None
        # What the active tab was last loaded from (see refresh_tab).
        self._tab_shown: tuple[object, ...] | None = None

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Survey list beside the tabs."""
        yield TitleBar()
        with Horizontal(id="nps-body"):
            with Vertical(id="survey-pane"):
                yield Label(t("nps.screen.surveys"), classes="pane-title")
                yield OptionList(id="survey-list")
            with TabbedContent(id="nps-tabs", initial="overview"):
                with TabPane(t("nps.tab.overview"), id="overview"):
                    with Horizontal(id="overview-row"):
                        with Vertical(id="overview-left"):
                            yield NpsHeadline(id="headline")
                            yield StackedBar(id="stacked")
                        with Vertical(id="overview-right"):
                            yield Label(t("nps.screen.distribution"), classes="pane-title")
                            yield DistributionChart(id="distribution")
                # Hidden tabs mount after the first paint (Lazy): the screen shows sooner, and
                # each tab's data still loads only when the tab is opened.
                with TabPane(t("nps.tab.trend"), id="trend"):
                    yield Lazy(
                        Vertical(Label(id="trend-title", classes="pane-title"), TrendChart(id="trend-chart"))
                    )
                with TabPane(t("nps.tab.segments"), id="segments"):
                    yield Lazy(SegmentsTable(id="segments-table"))
                with TabPane(t("nps.tab.compare"), id="compare"):
                    yield Lazy(
                        Vertical(
                            Static(t("nps.screen.compare_hint"), id="compare-hint"),
                            CompareView(id="compare-view"),
                        )
                    )
                with TabPane(t("nps.tab.comments"), id="comments"):
                    yield Lazy(
                        Vertical(
                            Horizontal(
                                Input(placeholder=t("nps.screen.search"), id="comment-search"),
                                Select[str]([], prompt=t("nps.screen.all_categories"), id="comment-category"),
                                classes="filter-row",
                            ),
                            Static(id="comment-count", classes="dim-line"),
                            CommentsTable(id="comments-table"),
                        )
                    )
                with TabPane(t("nps.tab.followups"), id="followups"):
                    statuses = [(t(f"nps.status.{s}"), s) for s in STATUSES]
                    yield Lazy(
                        Vertical(
                            Horizontal(
                                Select[str](
                                    statuses, prompt=t("nps.screen.all_statuses"), id="followup-status"
                                ),
                                classes="filter-row",
                            ),
                            Static(id="followup-count", classes="dim-line"),
                            FollowupsTable(id="followups-table"),
                        )
                    )
                with TabPane(t("nps.tab.answers"), id="answers"):
                    yield Lazy(VerticalScroll(AnswersView(id="answers-view")))
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill the survey list and the first tab."""
        self.sub_title = t("nps.screen.subtitle")
        self.reload()
        self.query_one("#survey-list", OptionList).focus()

    def relabel(self) -> None:
        """Language switched: rebuild the texts."""
        self.refresh(recompose=True)
        self.call_after_refresh(self.reload)

    # -- loading ---------------------------------------------------------------------------------

    @property
    def target(self) -> Target:
        """What the tabs show: one survey by name, or every dated answer."""
        if self.target_key == ALL:
            return Ref(t("nps.screen.all_responses"))
        return self.target_key

    def reload(self) -> None:
        """Re-read the survey list and the visible tab."""
        self.mark_shown()
        survey_list = self.query_one("#survey-list", OptionList)
        summaries = queries.summaries(self.store)
        names = {s.name for s in summaries}
        if self.target_key != ALL and self.target_key not in names:
            self.target_key = ALL
        survey_list.clear_options()
        survey_list.add_option(Option(t("nps.screen.all_responses"), id=ALL))
        for item in summaries:
            survey_list.add_option(Option(literal(_survey_line(item)), id=item.name))
        index = 0 if self.target_key == ALL else 1 + [s.name for s in summaries].index(self.target_key)
        survey_list.highlighted = index
        self.refresh_tab()

    @on(OptionList.OptionHighlighted, "#survey-list")
    def _survey_changed(self, event: OptionList.OptionHighlighted) -> None:
        key = event.option.id or ALL
        if key != self.target_key:
            self.target_key = key
            self.refresh_tab()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_tab()

    def refresh_tab(self) -> None:
        """Load what the active tab shows (only that one: the others load when shown)."""
        active = self.query_one("#nps-tabs", TabbedContent).active or "overview"
        # Mounting fires TabActivated right after on_mount has loaded the same tab: load once.
        # Grain and compare sides are in the key too, so an action that changes them, switches
        # tabs and calls this loads once; the TabActivated that follows is then a cache hit.
        shown = (
            active,
            self.target_key,
            self.source(),
            self.grain,
            self.compare_sides,
        )
        if shown == self._tab_shown:
            return
        self._tab_shown = shown
        try:
            getattr(self, f"_load_{active}")()
        except CxError as exc:
            self.notify(exc.message, severity="error")

    def _load_overview(self) -> None:
        result = queries.summary(self.store, self.target)
        self.query_one(NpsHeadline).show(result.summary)
        self.query_one(StackedBar).show(result.counts)
        self.query_one(DistributionChart).show(queries.distribution(self.store, self.target))

    def _load_trend(self) -> None:
        points = queries.trend(self.store, self.target, self.grain)  # type: ignore[arg-type]
        self.query_one("#trend-title", Label).update(
            t("nps.screen.trend_title", grain=t(f"nps.grain.{self.grain}"))
        )
        self.query_one(TrendChart).show(points)

    def _load_segments(self) -> None:
        self.query_one(SegmentsTable).show(queries.by_segment(self.store, self.target))

    def _load_compare(self) -> None:
        view = self.query_one(CompareView)
        hint = self.query_one("#compare-hint", Static)
        if self.compare_sides is None:
            hint.display = True
            view.display = False
            return
        before, after, segment = self.compare_sides
        result = queries.compare(self.store, before, after, segment)
        hint.display = False
        view.display = True
        view.show(result, before, after)

    def _load_comments(self) -> None:
        # The category counts ignore the search text, so they are counted here (survey, data or
        # language changed), not on every keystroke: the filters reload only the rows.
        category_select = self.query_one("#comment-category", Select)
        category = category_select.value if isinstance(category_select.value, str) else None
        options = [
            (f"{t('nps.cat.' + c) if c else t('nps.screen.uncategorised')} ({n})", c)
            for c, n in followups.category_counts(self.store, self.target)
        ]
        with self.prevent(Select.Changed):
            category_select.set_options(options)  # clears the choice; kept below if still offered
            if category in {value for _label, value in options}:
                category_select.value = category
        self._load_comment_rows()

    def _load_comment_rows(self) -> None:
        search = self.query_one("#comment-search", Input).value.strip() or None
        category_select = self.query_one("#comment-category", Select)
        category = category_select.value if isinstance(category_select.value, str) else None
        rows = followups.comments(self.store, self.target, category=category, search=search, limit=500)
        total = followups.comment_count(self.store, self.target, category=category, search=search)
        self.query_one("#comment-count", Static).update(
            t("nps.screen.comment_count", shown=len(rows), n=total)
        )
        self.query_one(CommentsTable).show(rows)

    def _load_followups(self, *, keep_index: bool = False) -> None:
        status_select = self.query_one("#followup-status", Select)
        status = status_select.value if isinstance(status_select.value, str) else None
        rows = followups.followups(self.store, self.target, status=status)
        open_count = sum(1 for r in rows if r.status == "open")
        self.query_one("#followup-count", Static).update(
            t("nps.screen.followup_count", n=len(rows), open=open_count)
        )
        self.query_one(FollowupsTable).show(rows, keep_index=keep_index)

    def _load_answers(self) -> None:
        summary = None
        if self.target_key != ALL:
            summary = summarise_template(self.store, self.target_key)
        self.query_one(AnswersView).show(summary)

    @on(Input.Changed, "#comment-search")
    @on(Select.Changed, "#comment-category")
    def _comment_filter_changed(self) -> None:
        self._load_comment_rows()

    @on(Select.Changed, "#followup-status")
    def _status_filter_changed(self) -> None:
        self._load_followups()

    # -- actions ---------------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        """Show one of the tabs."""
        self.query_one("#nps-tabs", TabbedContent).active = tab

    def action_grain(self) -> None:
        """Cycle the trend between weeks, months and quarters."""
        self.grain = GRAINS[(GRAINS.index(self.grain) + 1) % len(GRAINS)]
        self.action_tab("trend")
        self.refresh_tab()  # loads once: the grain is in the cache key (see refresh_tab)

    def action_search(self) -> None:
        """Search the comments."""
        self.action_tab("comments")
        self.query_one("#comment-search", Input).focus()

    @on(FollowupsTable.Chosen)
    @work
    async def _edit_followup(self, event: FollowupsTable.Chosen) -> None:
        # The table holds the rows it shows: no need to query every follow-up again to find one.
        row = next((r for r in event.control.items if r.response_id == event.response_id), None)
        if row is not None:
            await self._followup_dialog(row)

    @on(CommentsTable.Chosen)
    @work
    async def _open_comment(self, event: CommentsTable.Chosen) -> None:
        """Enter on a comment: the whole comment; a detractor's with its follow-up, to edit."""
        from screens.nps.dialogs import comment_text
        from screens.shared.confirm import MessageDialog

        row = next((r for r in event.control.items if r.response_id == event.response_id), None)
        if row is None:
            return
        if row.score is not None and row.score <= 6:
            queue = followups.followups(self.store, self.target)
            followup = next((f for f in queue if f.response_id == row.response_id), None)
            if followup is not None:
                await self._followup_dialog(followup)
                return
        await self.app.push_screen_wait(MessageDialog(t("nps.dialog.comment_title"), comment_text(row)))

    async def _followup_dialog(self, row: models.FollowupRow) -> None:
        """Edit one detractor's follow-up; the tables keep their cursor where it was."""
        from screens.nps.dialogs import FollowupDialog

        if not self.writable():
            return
        edit = await self.app.push_screen_wait(FollowupDialog(row))
        if edit is None:
            return
        if self.apply(
            lambda: followups.set_followup(
                self.store, edit.response_id, owner=edit.owner, status=edit.status, note=edit.note
            )
        ):
            # The edited row may move (the queue is sorted by status): the cursor stays at the same
            # row number, on the next one to work on.
            self.mark_shown()
            self._tab_shown = None
            active = self.query_one("#nps-tabs", TabbedContent).active
            if active == "followups":
                self._load_followups(keep_index=True)
            else:
                self.refresh_tab()


def _survey_line(item: models.SurveySummary) -> str:
    """`Name  n=200  NPS +40 [+31, +48]` for the survey list."""
    if item.nps is None:
        return f"{item.name}\n  n=0"
    flag = " ⚠" if item.small else ""
    if item.ci95 is None:  # too few answers for an interval: say so rather than show one
        return f"{item.name}\n  n={item.n}  NPS {points(item.nps)}  {t('nps.ui.ci_short_none', min=MIN_CI_N)}"
    low, high = item.ci95
    return f"{item.name}\n  n={item.n}  NPS {points(item.nps)} [{points(low)}, {points(high)}]{flag}"

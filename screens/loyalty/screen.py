"""The loyalty screen: monthly figures with LTV, ROX by month beside the NPS trend, the deal log.

This screen (with its edits in `actions`) is the only loyalty UI code that calls the store: tables and
charts get what it read, dialogs return models, and the actions save them (one undoable action each).
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from cxtui.db.store import Store
from cxtui.errors import CxError
from cxtui.format import number
from cxtui.i18n import t
from cxtui.loyalty import queries as loyalty_queries
from cxtui.loyalty import repo
from cxtui.loyalty.metrics import MonthFigures, RoxMonth
from cxtui.loyalty.models import FIGURES, Deal
from cxtui.nps.models import TrendPoint
from screens.loyalty.actions import LoyaltyActions
from screens.loyalty.charts import FigureChart, RoxCharts, Series, aligned_nps
from screens.loyalty.tables import DealsTable, MonthsTable, RoxTable
from screens.shared.title_bar import TitleBar

CHART_FIGURES = (*FIGURES, "ltv")
DEAL_LIMIT = 500  # the log shows the newest deals; a month chosen on the ROX tab shows all of its


class LoyaltyScreen(LoyaltyActions):
    """Monthly loyalty and LTV, ROX by month, and the ROX log, edited from the keyboard."""

    CSS_PATH = "loyalty.tcss"
    BINDINGS = [
        Binding("n", "add_month", "loyalty.key.add_month"),
        Binding("a", "add_deal", "loyalty.key.add_deal"),
        Binding("e", "edit", "loyalty.key.edit", show=False),
        Binding("d,delete", "delete", "loyalty.key.delete"),
        Binding("i", "import_file", "loyalty.key.import"),
        Binding("f", "next_figure", "loyalty.key.next_figure", show=False),
        Binding("m", "tab('months')", "loyalty.tab.months", show=False),
        Binding("r", "tab('rox')", "loyalty.tab.rox", show=False),
        Binding("l", "all_deals", "loyalty.tab.deals", show=False),
        Binding("q", "app.quit", "app.key.quit", show=False),
    ]
    HELP_KEY = "loyalty.help.text"

    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        self.figure = CHART_FIGURES[0]
        self.deal_month: str | None = None  # the deal log shows one month, or the newest deals
        self.months: list[MonthFigures] = []
        self.rox: list[RoxMonth] = []
        self.deals: dict[str, Deal] = {}
        self._tab_shown: tuple[object, ...] | None = None
        self._select: str | None = None  # a row key to put the cursor on after the next load
        # Tabs whose widgets are mounted: the ROX and deal-log tabs are built when first shown, which
        # takes about a quarter off opening the screen.
        self._built: set[str] = {"months"}
        self._building: set[str] = set()

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Three tabs: months, ROX by month, deal log (each loads its data only when shown)."""
        yield TitleBar()
        with TabbedContent(id="loyalty-tabs", initial="months"):
            with TabPane(t("loyalty.tab.months"), id="months"):
                with Vertical(id="months-pane"):
                    yield Static(id="months-empty", classes="loyalty-empty")
                    yield MonthsTable(id="months-table")
                    yield Static(t("loyalty.ui.formula_ltv"), id="months-formula", classes="formula-line")
                    yield FigureChart(id="figure-chart")
            with TabPane(t("loyalty.tab.rox"), id="rox"):
                yield Vertical(id="rox-pane")
            with TabPane(t("loyalty.tab.deals"), id="deals"):
                yield Vertical(id="deals-pane")
        yield Footer(compact=True)

    def _tab_widgets(self, tab: str) -> list[Widget]:
        """The widgets of the ROX or deal-log tab, mounted when the tab is first shown."""
        if tab == "rox":
            return [
                Static(id="rox-empty", classes="loyalty-empty"),
                RoxTable(id="rox-table"),
                Static(t("loyalty.ui.formula_rox"), id="rox-formula", classes="formula-line"),
                RoxCharts(id="rox-charts"),
            ]
        return [Static(id="deals-count", classes="loyalty-count"), DealsTable(id="deals-table")]

    async def _build(self, tab: str) -> None:
        """Mount a tab's widgets, then load it (if it is still the one shown)."""
        if tab in self._built or tab in self._building:
            return
        self._building.add(tab)
        await self.query_one(f"#{tab}-pane", Vertical).mount_all(self._tab_widgets(tab))
        # Loaded only once mounted: the tables take their colours from styles set on mounting.
        self._building.discard(tab)
        self._built.add(tab)
        self.refresh_tab()

    def on_mount(self) -> None:
        """Load the first tab."""
        super().on_mount()
        self.sub_title = t("loyalty.ui.subtitle")
        self.reload()
        self.query_one(MonthsTable).focus()

    def relabel(self) -> None:
        """Language switched: rebuild the texts."""
        self._tab_shown = None
        self._built = {"months"}
        self._building = set()
        self.refresh(recompose=True)
        self.call_after_refresh(self._after_relabel)

    def _after_relabel(self) -> None:
        self.sub_title = t("loyalty.ui.subtitle")
        self.reload()

    # -- loading ---------------------------------------------------------------------------------

    @property
    def active_tab(self) -> str:
        """The tab shown: months, rox or deals."""
        return self.query_one("#loyalty-tabs", TabbedContent).active or "months"

    def reload(self) -> None:
        """Re-read what the visible tab shows."""
        self.mark_shown()
        self.refresh_tab()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_tab()

    def refresh_tab(self) -> None:
        """Load the active tab when what it shows may have changed (the others load when shown)."""
        active = self.active_tab
        if active not in self._built:
            self.call_later(self._build, active)
            return
        shown = (active, self.source(), self.figure, self.deal_month, self._select)
        if shown == self._tab_shown:
            return
        self._tab_shown = shown
        try:
            getattr(self, f"_load_{active}")()
        except CxError as exc:
            self.notify(exc.message, severity="error")
        self._select = None

    def _load_months(self) -> None:
        self.months = repo.month_figures(self.store)
        table = self.query_one(MonthsTable)
        table.show(self.months)
        table.restore_cursor(self._select)
        empty = self.query_one("#months-empty", Static)
        empty.display = not self.months
        empty.update(Content(t("loyalty.ui.no_months")))
        self._load_chart()

    def _load_chart(self) -> None:
        figure = self.figure
        values: list[float | None] = []
        estimated: list[bool] = []
        for item in self.months:
            if figure == "ltv":
                values.append(item.ltv)
                estimated.append(item.estimated and item.ltv is not None)
            elif figure == "months_retained":
                values.append(item.months_retained)
                estimated.append(item.estimated)
            else:
                values.append(getattr(item.month, figure))
                estimated.append(False)
        series = Series([m.month.month for m in self.months], values, estimated)
        unit = " (%)" if figure in ("repurchase_rate", "churn_rate") else ""
        title = t(
            "loyalty.ui.chart_title",
            figure=t(f"loyalty.field.{figure}" if figure != "ltv" else "loyalty.col.ltv"),
        )
        legend_key = "loyalty.ui.legend_estimated" if any(estimated) else "loyalty.ui.legend"
        self.query_one(FigureChart).show(title + unit, series, t(legend_key))

    def _load_rox(self) -> None:
        self.rox = loyalty_queries.rox_by_month(self.store)
        table = self.query_one(RoxTable)
        table.show(self.rox)
        table.restore_cursor(self._select)
        empty = self.query_one("#rox-empty", Static)
        empty.display = not self.rox
        empty.update(Content(t("loyalty.ui.no_deals")))
        months = [m.month for m in self.rox]
        series = Series(months, [m.rate for m in self.rox], [False] * len(months))
        self.query_one(RoxCharts).show(series, self._nps(months))

    def _nps(self, months: list[str]) -> list[TrendPoint] | None:
        """NPS by month over every dated answer, for the ROX months; None without NPS answers."""
        if not months or not self.store.has_table("responses"):
            return None
        from cxtui.nps import queries
        from cxtui.nps.models import Ref

        points = queries.trend(self.store, Ref(t("loyalty.ui.all_answers")), "month")
        if not points:
            return None
        return aligned_nps(points, months)

    def _load_deals(self) -> None:
        month = self.deal_month
        deals = repo.deals(self.store, month=month, limit=None if month else DEAL_LIMIT)
        self.deals = {d.id: d for d in deals}
        table = self.query_one(DealsTable)
        table.show(deals)
        table.restore_cursor(self._select)
        count = repo.deal_count(self.store, month)
        if month is not None:
            line = t("loyalty.ui.deals_month", month=month, n=count)
        elif count > len(deals):
            line = t("loyalty.ui.deals_newest", shown=len(deals), n=number(count))
        else:
            line = t("loyalty.ui.deals_all", n=count)
        self.query_one("#deals-count", Static).update(Content(line))

    # -- navigation ------------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        """Show one of the tabs."""
        self.query_one("#loyalty-tabs", TabbedContent).active = tab

    def action_all_deals(self) -> None:
        """Show the deal log (the newest deals, every month)."""
        self.deal_month = None
        self.action_tab("deals")
        self.refresh_tab()

    def action_next_figure(self) -> None:
        """Chart the next monthly figure (repurchase, referrals, churn, months retained, spend, LTV)."""
        self.figure = CHART_FIGURES[(CHART_FIGURES.index(self.figure) + 1) % len(CHART_FIGURES)]
        self.action_tab("months")
        self.refresh_tab()

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter: edit a month or a deal; on a ROX month, list that month's deals."""
        event.stop()
        key = event.row_key.value
        if key is None:
            return
        if isinstance(event.data_table, RoxTable):
            if key != "total":
                self.deal_month = str(key)
                self.action_tab("deals")
                self.refresh_tab()
            return
        self.action_edit()

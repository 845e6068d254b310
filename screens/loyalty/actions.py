"""The loyalty screen's edits: record, edit and delete months and deals, import files. Each persists
what its dialog returns as one undoable action, through `apply`; the screen reloads with the cursor on
the changed row."""

from __future__ import annotations

import asyncio

from textual import work
from textual.markup import escape

from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.loyalty import repo
from cxtui.loyalty.metrics import MonthFigures, next_month
from cxtui.loyalty.models import Deal, ImportResult, LoyaltyMonth, month_key
from screens.loyalty.tables import DealsTable, MonthsTable
from screens.shared.workspace import WorkspaceScreen


class LoyaltyActions(WorkspaceScreen):
    """LoyaltyScreen's edits (LoyaltyScreen provides the tabs, the loading and `reload()`)."""

    months: list[MonthFigures]
    deals: dict[str, Deal]
    deal_month: str | None
    _select: str | None
    _built: set[str]

    @property
    def active_tab(self) -> str:
        """The tab shown (see LoyaltyScreen)."""
        raise NotImplementedError

    def action_tab(self, tab: str) -> None:
        """Show a tab (see LoyaltyScreen)."""
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------------------------------

    def selected_month(self) -> MonthFigures | None:
        """The month under the cursor of the months table."""
        key = self.query_one(MonthsTable).selected_key()
        return next((m for m in self.months if m.month.id == key), None)

    def selected_deal(self) -> Deal | None:
        """The deal under the cursor of the deal log (None before the log is built)."""
        if "deals" not in self._built or not self.query(DealsTable):
            return None
        key = self.query_one(DealsTable).selected_key()
        return None if key is None else self.deals.get(key)

    def _saved(self, select: str) -> None:
        """After a save: reload, the cursor on the saved row."""
        self._select = select
        self.reload()

    def _new_month(self) -> LoyaltyMonth:
        recorded = {m.month.month for m in self.months} or {m.month for m in repo.months(self.store)}
        month = month_key(self.today)
        while month in recorded:
            month = next_month(month)
        # Empty figures: the dialog asks for at least one.
        return LoyaltyMonth(month=month)

    # -- edits -----------------------------------------------------------------------------------

    @work
    async def action_add_month(self) -> None:
        """Record a month's figures."""
        if not self.writable():
            return
        from screens.loyalty.dialogs import MonthDialog

        self.action_tab("months")
        result = await self.app.push_screen_wait(MonthDialog(self._new_month(), is_new=True))
        if result is not None and self.apply(lambda: repo.save_month(self.store, result)):
            self._saved(result.id)
            self.notify(t("loyalty.ui.month_saved", month=result.month))

    @work
    async def action_add_deal(self) -> None:
        """Add a deal or inquiry to the ROX log."""
        if not self.writable():
            return
        from screens.loyalty.dialogs import DealDialog

        draft = Deal(date=self.today, name="")
        result = await self.app.push_screen_wait(DealDialog(draft, is_new=True))
        if result is None:
            return
        if self.apply(lambda: repo.save_deal(self.store, result)):
            if self.deal_month is not None and self.deal_month != month_key(result.date):
                self.deal_month = None
            self.action_tab("deals")
            self._saved(result.id)
            self.notify(t("loyalty.ui.deal_saved", name=escape(result.name)))

    @work
    async def action_edit(self) -> None:
        """Edit the month or the deal under the cursor."""
        if not self.writable():
            return
        from screens.loyalty.dialogs import DealDialog, MonthDialog

        tab = self.active_tab
        if tab == "months":
            figures = self.selected_month()
            if figures is None:
                self.notify(t("loyalty.ui.no_month_selected"), severity="warning")
                return
            month = await self.app.push_screen_wait(MonthDialog(figures.month, is_new=False))
            if month is not None and self.apply(lambda: repo.save_month(self.store, month)):
                self._saved(month.id)
        elif tab == "deals":
            deal = self.selected_deal()
            if deal is None:
                self.notify(t("loyalty.ui.no_deal_selected"), severity="warning")
                return
            edited = await self.app.push_screen_wait(DealDialog(deal, is_new=False))
            if edited is not None and self.apply(lambda: repo.save_deal(self.store, edited)):
                self._saved(edited.id)
        else:
            self.notify(t("loyalty.ui.edit_where"), severity="warning")

    @work
    async def action_delete(self) -> None:
        """Delete the month or the deal under the cursor (asks first; ctrl+z undoes it)."""
        if not self.writable():
            return
        from screens.shared.confirm import ConfirmDialog

        tab = self.active_tab
        if tab == "months":
            figures = self.selected_month()
            if figures is None:
                self.notify(t("loyalty.ui.no_month_selected"), severity="warning")
                return
            title, question = figures.month.month, t("loyalty.ui.delete_month", month=figures.month.month)
            change = lambda: repo.delete_month(self.store, figures.month.id)  # noqa: E731
        elif tab == "deals":
            deal = self.selected_deal()
            if deal is None:
                self.notify(t("loyalty.ui.no_deal_selected"), severity="warning")
                return
            title = deal.name
            question = t("loyalty.ui.delete_deal", name=escape(deal.name), date=deal.date.isoformat())
            change = lambda: repo.delete_deal(self.store, deal.id)  # noqa: E731
        else:
            self.notify(t("loyalty.ui.edit_where"), severity="warning")
            return
        confirmed = await self.app.push_screen_wait(
            ConfirmDialog(t("app.confirm.delete_title"), question, t("app.key.delete"))
        )
        if confirmed and self.apply(change):
            self.reload()
            self.notify(t("app.msg.deleted", title=escape(title)))

    @work
    async def action_import_file(self) -> None:
        """Import monthly figures or a ROX log from a CSV or XLSX file."""
        if not self.writable():
            return
        from cxtui.loyalty import importers
        from screens.loyalty.import_dialog import ImportDialog, ImportResultDialog

        folder = self.store.path.parent if self.store.path else None
        kind = "months" if self.active_tab == "months" else "deals"
        request = await self.app.push_screen_wait(ImportDialog(kind, folder))
        if request is None:
            return
        parse = importers.parse_months if request.kind == "months" else importers.parse_deals
        try:
            # Parsing is pure (no database), so it may run off the UI thread; storing may not.
            parsed = await asyncio.to_thread(parse, request.path)
        except CxError as exc:  # nothing was written: nothing to reload
            self.notify(exc.message, severity="error", timeout=10)
            return
        store_parsed = repo.import_months if request.kind == "months" else repo.import_deals
        results: list[ImportResult] = []
        if not self.apply(lambda: results.append(store_parsed(self.store, parsed)), timeout=10):
            return
        self.deal_month = None
        self.action_tab(request.kind)
        self.reload()
        await self.app.push_screen_wait(ImportResultDialog(results[0], request.path))

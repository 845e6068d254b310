"""The KPI screen's edits: add, edit, delete, reorder and move KPIs between layers, record values,
mark the focus set, switch the layer model, insert a starter set, edit evidence and definitions.

Each is one undoable store action through `apply()`; dialogs are imported when first opened.
"""

from __future__ import annotations

from datetime import date

from textual import on, work

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.kpi import repo
from cxtui.kpi.board import card
from cxtui.kpi.models import FOCUS_ADVISED, LAYER_CADENCE, LAYER_MODELS, Kpi
from screens.kpi.board import KpiBoard
from screens.kpi.column import OTHER
from screens.kpi.record_line import RecordLine
from screens.kpi.sheet import DefinitionsSheet
from screens.kpi.voices import VoicesView
from screens.shared.workspace import WorkspaceScreen


def kr_options(store: Store) -> list[tuple[str, str]]:
    """(label, id) of every key result a KPI can mirror, newest period first."""
    from cxtui.okr import periods as okr_periods
    from cxtui.okr import repo as okr

    if not store.has_table("key_results"):
        return []
    options = []
    for period in reversed(okr_periods.periods(store)):
        for krs in okr.key_results_in_period(store, period.id).values():
            options += [(f"{period.name} · {kr.title}", kr.id) for kr in krs]
    return options


def survey_names(store: Store) -> list[str]:
    """The NPS surveys an NPS KPI can read, by name."""
    if not store.has_table("surveys"):
        return []
    return [str(r["name"]) for r in store.rows("SELECT name FROM surveys ORDER BY name")]


class KpiActions(WorkspaceScreen):
    """Edits of the KPI screen (the screen itself lays out and loads; see `screens.kpi.screen`)."""

    view: str
    model: str
    highlighted: str | None
    column_layer: str | None

    async def load(self, keep: str | None = None) -> None:
        """Read the current view again (the screen implements it)."""
        raise NotImplementedError

    def load_voices(self) -> None:
        """Read the voices again (the screen implements it)."""
        raise NotImplementedError

    def update_bar(self) -> None:
        """Redraw the view bar (the screen implements it)."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Card keys work on the cards; edit and delete on whatever the view lists."""
        if action in ("add", "record", "focus_kpi", "move", "move_layer", "switch_model", "starter"):
            return self.view == "cards"
        if action == "delete":
            return self.view in ("cards", "voices")
        return True

    def _selected_kpi(self) -> Kpi | None:
        found = None if self.highlighted is None else repo.find_kpi(self.store, self.highlighted)
        if found is None:
            self.notify(t("kpi.screen.select_kpi"), severity="warning")
        return found

    async def _reload_keep(self, keep: str | None) -> None:
        await self.load(keep=keep)

    def _refresh_card(self, kpi_id: str, *, bar: bool = True) -> None:
        """Redraw one card after a change to it alone (a value recorded, the focus toggled); the
        view bar too when the focus set changed."""
        fresh = card(self.store, kpi_id, self.today)
        if fresh is not None:
            self.query_one(KpiBoard).replace(fresh)
        self.mark_shown()
        if bar:
            self.update_bar()

    # -- KPIs -------------------------------------------------------------------------------------

    @work
    async def action_add(self) -> None:
        """Add a KPI in the layer of the column under the cursor."""
        if not self.writable():
            return
        from screens.kpi.dialogs import KpiDialog

        layer = self.column_layer
        if layer in (None, OTHER):
            current = self._selected_kpi() if layer == OTHER else None
            layer = current.layer if current else LAYER_MODELS[self.model][0]
        draft = Kpi(name="", layer=layer, cadence=LAYER_CADENCE[layer])
        result = await self.app.push_screen_wait(
            KpiDialog(draft, self.model, kr_options(self.store), survey_names(self.store), is_new=True)
        )
        if result is not None and self.apply(lambda: repo.save_kpi(self.store, result)):
            await self._reload_keep(result.id)

    @work
    async def action_edit(self) -> None:
        """Edit the KPI, the piece of evidence or the definition under the cursor."""
        if not self.writable():
            return
        if self.view == "voices":
            self._edit_evidence()
            return
        if self.view == "sheet":
            self.query_one(DefinitionsSheet).start_edit()
            return
        kpi = self._selected_kpi()
        if kpi is None:
            return
        from screens.kpi.dialogs import KpiDialog

        result = await self.app.push_screen_wait(
            KpiDialog(kpi, self.model, kr_options(self.store), survey_names(self.store), is_new=False)
        )
        if result is not None and self.apply(lambda: repo.save_kpi(self.store, result)):
            await self._reload_keep(result.id)

    @work
    async def action_delete(self) -> None:
        """Delete the KPI (with its values) or the piece of evidence under the cursor, after asking."""
        if not self.writable():
            return
        from screens.shared.confirm import ConfirmDialog

        if self.view == "voices":
            item = self.query_one(VoicesView).selected
            if item is None:
                return
            message = t("kpi.confirm.delete_evidence", quote=item.quote)
            asked = ConfirmDialog(t("app.confirm.delete_title"), message, t("app.key.delete"))
            if await self.app.push_screen_wait(asked) and self.apply(
                lambda: repo.delete_evidence(self.store, item.id)
            ):
                self.load_voices()
            return
        kpi = self._selected_kpi()
        if kpi is None:
            return
        count = len(repo.values(self.store, kpi.id))
        voices = len(repo.evidence(self.store, kpi_id=kpi.id))
        message = t("kpi.confirm.delete_kpi", name=kpi.name, values=count, voices=voices)
        asked = ConfirmDialog(t("app.confirm.delete_title"), message, t("app.key.delete"))
        if await self.app.push_screen_wait(asked) and self.apply(lambda: repo.delete_kpi(self.store, kpi.id)):
            self.highlighted = None
            await self.load()
            self.notify(t("app.msg.deleted", title=kpi.name))

    async def action_move(self, delta: int) -> None:
        """Move the KPI up or down within its layer."""
        kpi = self._selected_kpi()
        if (
            kpi is not None
            and self.writable()
            and self.apply(lambda: repo.move_kpi(self.store, kpi.id, delta))
        ):
            await self._reload_keep(kpi.id)

    async def action_move_layer(self, delta: int) -> None:
        """Move the KPI to the layer left or right of its own (within its layer model)."""
        kpi = self._selected_kpi()
        if kpi is None or not self.writable():
            return
        layers = LAYER_MODELS["3"] if kpi.layer in LAYER_MODELS["3"] else LAYER_MODELS["4"]
        index = layers.index(kpi.layer) + delta
        if not 0 <= index < len(layers):
            self.notify(t("kpi.screen.no_layer_there"), severity="warning")
            return
        target = layers[index]
        if self.apply(lambda: repo.move_to_layer(self.store, kpi.id, target)):
            await self._reload_keep(kpi.id)
            self.notify(t("kpi.msg.moved", name=kpi.name, layer=t(f"kpi.layer.{target}")))

    def action_focus_kpi(self) -> None:
        """Mark or unmark the KPI as watched; more than 5 gets the seed's advice, not a block."""
        kpi = self._selected_kpi()
        if kpi is None or not self.writable():
            return
        if not self.apply(lambda: repo.set_focus(self.store, kpi.id, not kpi.focus)):
            return
        self._refresh_card(kpi.id)
        count = int(self.store.conn.execute("SELECT COUNT(*) FROM kpis WHERE focus = 1").fetchone()[0])
        if not kpi.focus and count > FOCUS_ADVISED:
            self.notify(
                t("kpi.msg.too_many_focus", n=count, advised=FOCUS_ADVISED), severity="warning", timeout=8
            )

    def action_record(self) -> None:
        """Record a value for the KPI under the cursor, in the line under the cards: the previous
        value and its date beside it, the number, enter."""
        kpi = self._selected_kpi()
        if kpi is None or not self.writable():
            return
        from screens.kpi.recording import derived_warning, kr_title

        if derived_warning(self, kpi):
            return
        previous = repo.latest_on_or_before(self.store, kpi.id, date.max)
        line = self.query_one(RecordLine)
        line.start(kpi, previous, self.today, kr_title(self.store, kpi))
        board = self.query_one(KpiBoard)
        board.key_handler = line.edit_key
        board.focus()

    @on(RecordLine.Submitted)
    def _record_submitted(self, event: RecordLine.Submitted) -> None:
        from screens.kpi.recording import save_request

        line = self.query_one(RecordLine)
        kpi = line.kpi
        if kpi is None:
            return

        def saved(_value: object) -> None:
            self._refresh_card(kpi.id, bar=False)
            line.stop()
            self.query_one(KpiBoard).key_handler = None

        save_request(self, self.store, kpi, event.request, saved)

    @on(RecordLine.Cancelled)
    def _record_cancelled(self) -> None:
        self.query_one(KpiBoard).key_handler = None

    @on(KpiBoard.Opened)
    def _open(self, event: KpiBoard.Opened) -> None:
        from screens.kpi.detail import KpiDetailScreen

        self.app.push_screen(KpiDetailScreen(self.store, self.today, event.kpi_id))

    # -- the board as a whole --------------------------------------------------------------------

    async def action_switch_model(self) -> None:
        """Show the other layer model (3 ↔ 4); KPIs of the model not shown keep a column."""
        repo.set_layer_model(self.store, "3" if self.model == "4" else "4")
        await self.load()
        self.notify(t(f"kpi.model.{self.model}"))

    @work
    async def action_starter(self) -> None:
        """Insert a starter set of the seeds in one step (then edit it like any KPI)."""
        if not self.writable():
            return
        from cxtui.kpi.starters import STARTER_MODEL, add_starter
        from screens.kpi.dialogs import StarterDialog

        key = await self.app.push_screen_wait(StarterDialog())
        if key is None:
            return
        added: list[Kpi] = []

        def insert() -> None:
            added.extend(add_starter(self.store, key))

        if not self.apply(insert):
            return
        repo.set_layer_model(self.store, STARTER_MODEL[key])
        await self._reload_keep(added[0].id if added else None)
        if added:
            self.notify(t("kpi.msg.starter_added", n=len(added), name=t(f"kpi.starter.{key}")))
        else:
            self.notify(t("kpi.msg.starter_present"), severity="warning")

    # -- voices and definitions ------------------------------------------------------------------

    @on(VoicesView.Chosen)
    def _evidence_chosen(self) -> None:
        if self.writable():
            self._edit_evidence()

    def _edit_evidence(self) -> None:
        item = self.query_one(VoicesView).selected
        if item is None:
            return
        from screens.kpi.capture import capture

        capture(self.app, self.store, self.today, item=item, done=lambda _e: self.load_voices())

    @on(DefinitionsSheet.Edited)
    def _definition_edited(self, event: DefinitionsSheet.Edited) -> None:
        if not self.writable():
            return
        if self.apply(lambda: repo.set_sheet_field(self.store, event.kpi_id, event.field, event.text)):
            sheet = self.query_one(DefinitionsSheet)
            sheet.show([repo.find_kpi(self.store, k.id) or k for k in sheet.kpis])
            self.mark_shown()

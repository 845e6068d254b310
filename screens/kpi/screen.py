"""The KPI screen: cards in layer columns (3 or 4 layers), the voices list, the definitions sheet.

This module lays the screen out and loads what it shows; `screens.kpi.actions` holds the edits.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import ContentSwitcher, Footer, Static

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.kpi import repo
from cxtui.kpi.board import Card, cards, layer_order
from cxtui.kpi.models import FOCUS_ADVISED, LAYER_MODELS, Kpi
from cxtui.kpi.texts import one_line
from screens.kpi.actions import KpiActions
from screens.kpi.board import ColumnData, KpiBoard
from screens.kpi.column import OTHER
from screens.kpi.record_line import RecordLine
from screens.kpi.sheet import DefinitionsSheet
from screens.kpi.voices import VoicesView
from screens.shared.title_bar import TitleBar

VIEWS = ("cards", "voices", "sheet")
VIEW_KEYS = {"cards": "c", "voices": "v", "sheet": "s"}


def columns_of(cards_: list[Card], model: str) -> list[ColumnData]:
    """The shown model's layers as columns, then one column for the other model's KPIs, if any
    (a workspace may hold both: switching the model never hides a KPI)."""
    shown = LAYER_MODELS[model]
    data = [
        ColumnData(
            layer,
            f"{t('kpi.layer.' + layer)} · {t('kpi.layer_help.' + layer)}",
            [c for c in cards_ if c.kpi.layer == layer],
        )
        for layer in shown
    ]
    other = "3" if model == "4" else "4"
    rest = [c for layer in LAYER_MODELS[other] for c in cards_ if c.kpi.layer == layer]
    if rest:
        data.append(ColumnData(OTHER, t(f"kpi.model.other_{other}"), rest))
    return data


class KpiScreen(KpiActions):
    """KPI cards by layer with their field evidence and definitions."""

    CSS_PATH = "kpi.tcss"

    BINDINGS = [
        Binding("a", "add", "kpi.key.add"),
        Binding("r", "record", "kpi.key.record"),
        Binding("e", "edit", "app.key.edit", show=False),
        Binding("d,delete", "delete", "app.key.delete", show=False),
        Binding("f,space", "focus_kpi", "kpi.key.focus"),
        Binding("ctrl+up,alt+up", "move(-1)", "kpi.key.move_up", show=False),
        Binding("ctrl+down,alt+down", "move(1)", "kpi.key.move_down", show=False),
        Binding("ctrl+left,alt+left", "move_layer(-1)", "kpi.key.layer_left", show=False),
        Binding("ctrl+right,alt+right", "move_layer(1)", "kpi.key.layer_right", show=False),
        Binding("l", "switch_model", "kpi.key.switch_model", show=False),
        Binding("t", "starter", "kpi.key.starter", show=False),
        Binding("c", "view('cards')", "kpi.view.cards", show=False),
        Binding("v", "view('voices')", "kpi.view.voices", show=False),
        Binding("s", "view('sheet')", "kpi.view.sheet", show=False),
        Binding("slash", "search", "kpi.key.search", key_display="/", show=False),
        Binding("q", "app.quit", "app.key.quit", show=False),
    ]
    HELP_KEY = "kpi.help.text"

    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        self.view = "cards"
        self.model = "4"
        self.highlighted: str | None = None  # the KPI under the board's cursor
        self.column_layer: str | None = None  # the layer of the board's column (OTHER for the other model)

    def compose(self) -> ComposeResult:
        """Title, the view bar, the cards (read now, so the first frame shows them), keys.

        The voices and the definitions sheet are mounted when first shown: tables and filters the
        first frame does not need.
        """
        self.mark_shown()
        self.model = repo.layer_model(self.store)
        data = columns_of(cards(self.store, self.today), self.model)
        yield TitleBar()
        yield Static(id="kpi-bar")
        with ContentSwitcher(initial="kpi-board", id="kpi-views"):
            yield KpiBoard(data, width=self.app.size.width, id="kpi-board")
        yield RecordLine(id="kpi-line")
        yield Footer(compact=True)

    @on(events.Mount)
    def _ready(self) -> None:
        """The bar and the keyboard (the base class's mount handler runs too: title, start-up hooks)."""
        self.sub_title = t("kpi.screen.subtitle")
        self.update_bar()
        self.query_one(KpiBoard).focus()

    async def _view_widget(self, view: str) -> None:
        """Mount the voices or the definitions sheet the first time it is shown."""
        switcher = self.query_one(ContentSwitcher)
        if view == "voices" and not self.query(VoicesView):
            await switcher.mount(VoicesView(id="kpi-voices"))
        elif view == "sheet" and not self.query(DefinitionsSheet):
            await switcher.mount(DefinitionsSheet(id="kpi-sheet"))

    def relabel(self) -> None:
        """Language switched: texts are rebuilt by the next load."""
        self.sub_title = t("kpi.screen.subtitle")
        self.refresh(recompose=True)
        self.call_after_refresh(self._after_recompose)

    async def _after_recompose(self) -> None:
        await self._view_widget(self.view)
        self.query_one(ContentSwitcher).current = f"kpi-{'board' if self.view == 'cards' else self.view}"
        await self.load()
        self.focus_view()

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read what the current view shows (after undo, or data changed elsewhere)."""
        self._load_later()

    @work(exclusive=True, group="kpi-load")
    async def _load_later(self) -> None:
        await self.load()

    async def load(self, keep: str | None = None) -> None:
        """Read the current view's data from the store and show it."""
        self.mark_shown()
        self.model = repo.layer_model(self.store)
        if self.view == "cards":
            board = self.query_one(KpiBoard)
            await board.show(
                columns_of(cards(self.store, self.today), self.model), keep=keep or self.highlighted
            )
        elif self.view == "voices":
            self.load_voices()
        else:
            from cxtui.kpi.report import formula_definitions

            self.query_one(DefinitionsSheet).show(self._sheet_order(), formula_definitions())
        self.update_bar()

    def _sheet_order(self) -> list[Kpi]:
        order = layer_order(self.model)
        return sorted(repo.kpis(self.store), key=lambda k: (order.get(k.layer, 99), k.position))

    def load_voices(self) -> None:
        """The evidence matching the voices view's filters."""
        view = self.query_one(VoicesView)
        every = repo.kpis(self.store)
        view.set_kpis([(k.name, k.id) for k in every])
        kind, kpi_id, search = view.filters()
        items = repo.evidence(self.store, kind=kind, kpi_id=kpi_id, search=search, limit=1000)
        total = int(self.store.conn.execute("SELECT COUNT(*) FROM evidence").fetchone()[0])
        view.show(items, {k.id: k.name for k in every}, total)

    def update_bar(self) -> None:
        """The views with their keys (the current one bracketed), the layer model, the focus count."""
        bar = Text()
        for view in VIEWS:
            label = f"{VIEW_KEYS[view]} {t('kpi.view.' + view)}"
            if view == self.view:
                bar.append(f"[{label}]", style="bold reverse")
            else:
                bar.append(f" {label} ", style="dim")
            bar.append(" ")
        bar.append(f"│ {t('kpi.model.short_' + self.model)} ({t('kpi.screen.switch_hint')})", style="dim")
        focus = int(self.store.conn.execute("SELECT COUNT(*) FROM kpis WHERE focus = 1").fetchone()[0])
        bar.append(" │ ")
        if focus > FOCUS_ADVISED:
            bar.append(t("kpi.screen.focus_too_many", n=focus, advised=FOCUS_ADVISED), style="bold yellow")
        else:
            bar.append(t("kpi.screen.focus_count", n=focus, advised=FOCUS_ADVISED))
        self.query_one("#kpi-bar", Static).update(bar)

    def focus_view(self) -> None:
        """Put the keyboard in the current view's main widget."""
        if self.view == "cards":
            self.query_one(KpiBoard).focus()
        elif self.view == "voices":
            self.query_one("#voices-table").focus()
        else:
            self.query_one("#sheet-table").focus()

    @on(KpiBoard.Highlighted)
    def _highlighted(self, event: KpiBoard.Highlighted) -> None:
        self.highlighted = event.kpi_id
        self.column_layer = event.layer
        card = self.query_one(KpiBoard).current
        definition = card.kpi.definition if card is not None and card.kpi.id == event.kpi_id else ""
        shown = (
            f"{t('common.field.definition')}: {one_line(definition)}" if definition else t("kpi.line.keys")
        )
        self.query_one(RecordLine).hint(shown)

    @on(VoicesView.FiltersChanged)
    def _filters_changed(self) -> None:
        self.load_voices()

    # -- views ----------------------------------------------------------------------------------

    async def action_view(self, view: str) -> None:
        """Show the cards, the voices or the definitions sheet."""
        self.view = view
        line = self.query_one(RecordLine)
        if line.recording:
            line.stop()
            self.query_one(KpiBoard).key_handler = None
        line.display = view == "cards"
        await self._view_widget(view)
        self.query_one(ContentSwitcher).current = f"kpi-{'board' if view == 'cards' else view}"
        await self.load()
        self.focus_view()

    async def action_search(self) -> None:
        """Search the voices."""
        if self.view != "voices":
            await self.action_view("voices")
        self.query_one(VoicesView).focus_search()

    def capture_kpi(self) -> str | None:
        """The KPI a new piece of evidence is linked to when captured from here: the card under the
        cursor, on the cards view."""
        return self.highlighted if self.view == "cards" else None

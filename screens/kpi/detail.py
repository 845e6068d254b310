"""An open KPI card: its series as a chart with the target line, its values (record, edit, delete),
its definition and the field evidence linked to it. Every change is undoable here too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from cxtui.db.store import Store
from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.kpi import repo
from cxtui.kpi.metrics import change
from cxtui.kpi.models import Kpi, KpiValue, Source
from cxtui.kpi.sources import Point, series
from cxtui.kpi.texts import cadence_text, change_text, layer_text, one_line, value_text
from screens.kpi.chart import SeriesChart
from screens.kpi.recording import record_flow
from screens.shared.literal_table import LiteralDataTable
from screens.shared.translate import translate_bindings


class KpiDetailScreen(ModalScreen[None]):
    """One KPI in full. Its own undo keys: the app's act on the screens beneath, not on dialogs."""

    CSS_PATH = "kpi.tcss"

    BINDINGS = [
        Binding("escape", "close", "app.key.close"),
        Binding("r", "record", "kpi.key.record"),
        Binding("e", "edit_value", "kpi.key.edit_value"),
        Binding("d,delete", "delete_value", "kpi.key.delete_value"),
        Binding("ctrl+n", "capture", "kpi.key.capture"),
        Binding("ctrl+z", "undo", "app.key.undo"),
        Binding("ctrl+y", "redo", "app.key.redo", show=False),
        # A modal screen hides the app's keys; these two belong on a screen this big too.
        Binding("f1,question_mark", "app.help", "app.key.help"),
        Binding("ctrl+l", "app.toggle_language", "app.key.language"),
    ]

    def __init__(self, store: Store, today: date, kpi_id: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.today = today
        self.kpi_id = kpi_id
        self.kpi: Kpi | None = None
        self.points: list[Point] = []

    def compose(self) -> ComposeResult:
        """Heading, chart, values beside definition and evidence, keys."""
        with Vertical(id="kpi-detail"):
            yield Static(id="detail-head", markup=False)
            yield SeriesChart(id="detail-chart")
            with Horizontal(id="detail-bottom"):
                yield LiteralDataTable(id="detail-values", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="detail-side"):
                    yield Static(id="detail-definition")
                    yield Static(id="detail-evidence")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Load the KPI."""
        self.reload()
        self.query_one("#detail-values", DataTable).focus()

    def relabel(self) -> None:
        """Language switched (ctrl+l): every text is drawn again."""
        self.reload()

    def reload(self) -> None:
        """Read the KPI, its series and its evidence again."""
        kpi = repo.find_kpi(self.store, self.kpi_id)
        if kpi is None:  # deleted meanwhile (undo of its creation)
            self.dismiss(None)
            return
        self.kpi = kpi
        self.points = series(self.store, kpi)
        self._show_head(kpi)
        self.query_one(SeriesChart).show(kpi, self.points)
        self._show_values(kpi)
        self._show_side(kpi)

    def _show_head(self, kpi: Kpi) -> None:
        parts = [layer_text(kpi.layer), cadence_text(kpi), t(f"kpi.direction.{kpi.direction.value}")]
        if kpi.target is not None:
            parts.append(t("kpi.card.target", target=value_text(kpi, kpi.target)))
        if kpi.source is not Source.typed:
            parts.append(
                t(f"kpi.card.from_{kpi.source.value}") + (f" “{kpi.source_ref}”" if kpi.source_ref else "")
            )
        head = Text(one_line(kpi.name), style="bold")
        head.append("\n" + " · ".join(one_line(p) for p in parts))
        if kpi.kr_id:
            kr = self.store.rows("SELECT title FROM key_results WHERE id = ?", [kpi.kr_id])
            if kr:
                head.append(f"\nKR: {one_line(str(kr[0]['title']))}", style="dim")
        self.query_one("#detail-head", Static).update(head)

    def _show_values(self, kpi: Kpi) -> None:
        table = self.query_one("#detail-values", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns(
            t("kpi.cli.h_date"), t("common.field.value"), t("kpi.cli.h_change"), t("common.field.note")
        )
        newest_first = list(reversed(self.points))
        notes = {v.id: v.note for v in repo.values(self.store, kpi.id)} if kpi.source is Source.typed else {}
        for index, point in enumerate(newest_first):
            before = newest_first[index + 1] if index + 1 < len(newest_first) else None
            moved = None if before is None else change(point.value, before.value, kpi.direction)
            shown = value_text(kpi, point.value) + ("" if point.n is None else f" n={point.n}")
            table.add_row(
                point.date.isoformat(),
                Text(shown, justify="right"),
                change_text(moved, kpi),
                one_line(notes.get(point.value_id or "", "")),
                key=point.value_id or point.date.isoformat(),
            )
        if newest_first:
            table.move_cursor(row=min(row, len(newest_first) - 1))

    def _show_side(self, kpi: Kpi) -> None:
        definition = Text()
        for field in ("definition", "how_measured", "formula", "owner"):
            text = getattr(kpi, field)
            definition.append(f"{t('common.field.' + field)}: ", style="bold")
            definition.append((one_line(text) or "—") + "\n")
        self.query_one("#detail-definition", Static).update(definition)
        voices = Text(t("kpi.detail.evidence") + "\n", style="bold")
        found = repo.evidence(self.store, kpi_id=kpi.id, limit=30)
        if not found:
            voices.append(t("kpi.detail.no_evidence"), style="dim")
        for item in found:
            voices.append(f"{item.date.isoformat()} ", style="dim")
            voices.append(f"“{one_line(item.quote)}”")
            if item.scene:
                voices.append(f" — {one_line(item.scene)}", style="dim")
            if item.next_step:
                voices.append(f"\n   → {one_line(item.next_step)}", style="italic")
            voices.append("\n")
        self.query_one("#detail-evidence", Static).update(voices)

    # -- actions --------------------------------------------------------------------------------

    def _apply(self, change_fn: Callable[[], object]) -> bool:
        try:
            change_fn()
        except CxError as exc:
            self.notify(exc.message, severity="error")
            self.reload()
            return False
        self.reload()
        return True

    def _selected_value(self) -> KpiValue | None:
        kpi = self.kpi
        if kpi is None or kpi.source is not Source.typed:
            if kpi is not None:
                self.notify(
                    t("kpi.err.derived", name=kpi.name, source=t(f"kpi.source.{kpi.source.value}")),
                    severity="warning",
                )
            return None
        table = self.query_one("#detail-values", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((v for v in repo.values(self.store, kpi.id) if v.id == key), None)

    def action_record(self) -> None:
        """Record a new value (the previous one shown)."""
        if self.kpi is not None and self._writable():
            record_flow(self, self.store, self.today, self.kpi, lambda _value: self.reload())

    @work
    async def action_edit_value(self) -> None:
        """Edit the value under the cursor."""
        value = self._selected_value()
        if value is None or self.kpi is None or not self._writable():
            return
        from screens.kpi.dialogs import ValueDialog

        edited = await self.app.push_screen_wait(ValueDialog(self.kpi, value))
        if edited is not None:
            self._apply(lambda: repo.record_value(self.store, edited))

    @work
    async def action_delete_value(self) -> None:
        """Delete the value under the cursor, after asking."""
        value = self._selected_value()
        if value is None or self.kpi is None or not self._writable():
            return
        from screens.shared.confirm import ConfirmDialog

        message = t(
            "kpi.confirm.delete_value", date=value.date.isoformat(), value=value_text(self.kpi, value.value)
        )
        if await self.app.push_screen_wait(
            ConfirmDialog(t("app.confirm.delete_title"), message, t("app.key.delete"))
        ):
            self._apply(lambda: repo.delete_value(self.store, value.id))

    def action_capture(self) -> None:
        """Capture a piece of field evidence linked to this KPI."""
        from screens.kpi.capture import capture

        capture(self.app, self.store, self.today, kpi_id=self.kpi_id, done=lambda _e: self.reload())

    def _writable(self) -> bool:
        if self.store.readonly:
            self.notify(t("db.ws.readonly_write"), severity="error")
            return False
        return True

    def action_undo(self) -> None:
        """Undo the last change (this screen's or one made before it opened)."""
        label = self.store.undo()
        self.notify(t("app.msg.undone", label=label) if label else t("app.msg.nothing_to_undo"))
        self.reload()

    def action_redo(self) -> None:
        """Redo the last undone change."""
        label = self.store.redo()
        self.notify(t("app.msg.redone", label=label) if label else t("app.msg.nothing_to_redo"))
        self.reload()

    def action_close(self) -> None:
        """Back to the cards."""
        self.dismiss(None)

"""The voices list: field evidence newest first, filtered by kind and KPI, searched by text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Select, Static

from cxtui.format import display_width
from cxtui.i18n import t
from cxtui.kpi.models import Evidence, EvidenceKind
from cxtui.kpi.texts import one_line
from screens.shared.literal_table import LiteralDataTable

Filters = tuple[EvidenceKind | None, str | None, str | None]  # kind, KPI id, search text


class VoicesView(Vertical):
    """Filters above a table of evidence; the screen loads the rows and saves the edits."""

    class FiltersChanged(Message):
        """A filter or the search text changed: the screen reads the rows again."""

    class Chosen(Message):
        """Enter on a piece of evidence: edit it."""

        def __init__(self, evidence_id: str) -> None:
            super().__init__()
            self.evidence_id = evidence_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Evidence] = []
        self.names: dict[str, str] = {}
        self.total = 0

    def compose(self) -> ComposeResult:
        """Kind, KPI and search on one line; the count; the table."""
        kinds = [(t(f"kpi.kind.{k.value}"), k.value) for k in EvidenceKind]
        with Horizontal(classes="filter-row"):
            yield Select[str](kinds, prompt=t("kpi.voices.all_kinds"), compact=True, id="voices-kind")
            yield Select[str]([], prompt=t("kpi.voices.all_kpis"), compact=True, id="voices-kpi")
            yield Input(placeholder=t("kpi.voices.search"), compact=True, id="voices-search")
        yield Static(id="voices-count", classes="dim-line")
        yield LiteralDataTable(id="voices-table", cursor_type="row", zebra_stripes=True)

    def _columns(self) -> None:
        """Columns sized to the width: the phrase gets the most room."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        total = self.size.width or 100
        kind = max(display_width(t(f"kpi.kind.{k.value}")) for k in EvidenceKind)
        kpi = min(20, total // 6)
        room = max(24, total - 10 - kind - kpi - 14)  # 14: the cells' padding
        widths = {
            "date": 10,
            "kind": kind,
            "quote": room * 2 // 5,
            "scene": room * 3 // 10,
            "next": room * 3 // 10,
            "kpi": kpi,
        }
        for key, width in widths.items():
            table.add_column(t(f"kpi.cli.h_{key}"), key=key, width=width)

    def on_resize(self) -> None:
        """Lay the columns out again for the new width."""
        self._columns()
        self.show(self.items, self.names, self.total)

    def set_kpis(self, kpis: list[tuple[str, str]]) -> None:
        """The KPIs offered by the KPI filter ((name, id)); the choice is kept while it exists."""
        select = self.query_one("#voices-kpi", Select)
        chosen = select.value
        with self.prevent(Select.Changed):
            select.set_options(kpis)
            if isinstance(chosen, str) and chosen in {pk for _n, pk in kpis}:
                select.value = chosen

    def filters(self) -> Filters:
        """What the rows are filtered by."""
        kind = self.query_one("#voices-kind", Select).value
        kpi = self.query_one("#voices-kpi", Select).value
        search = self.query_one("#voices-search", Input).value.strip()
        return (
            EvidenceKind(kind) if isinstance(kind, str) else None,
            kpi if isinstance(kpi, str) else None,
            search or None,
        )

    def show(self, items: list[Evidence], names: dict[str, str], total: int) -> None:
        """Show these pieces (newest first), out of `total` in the workspace."""
        self.items, self.names, self.total = items, names, total
        table = self.query_one(DataTable)
        if not table.columns:
            self._columns()
        row = table.cursor_row
        table.clear()
        for item in items:
            table.add_row(
                item.date.isoformat(),
                t(f"kpi.kind.{item.kind.value}"),
                Text(one_line(item.quote), style="bold"),
                one_line(item.scene),
                one_line(item.next_step),
                one_line(names.get(item.kpi_id or "", "")),
                key=item.id,
            )
        if items:
            table.move_cursor(row=min(row, len(items) - 1))
        self.query_one("#voices-count", Static).update(t("kpi.voices.count", shown=len(items), total=total))

    @property
    def selected(self) -> Evidence | None:
        """The piece of evidence under the cursor."""
        table = self.query_one(DataTable)
        if not self.items or table.cursor_row >= len(self.items):
            return None
        return self.items[table.cursor_row]

    def focus_search(self) -> None:
        """Put the cursor in the search field."""
        self.query_one("#voices-search", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """A filter changed."""
        event.stop()
        self.post_message(self.FiltersChanged())

    def on_input_changed(self, event: Input.Changed) -> None:
        """The search text changed."""
        event.stop()
        self.post_message(self.FiltersChanged())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search goes to the results."""
        event.stop()
        self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: edit it."""
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Chosen(event.row_key.value))

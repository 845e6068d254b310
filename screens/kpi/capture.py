"""The 1-minute record (seed 001): capture a piece of field evidence from any screen.

The phrase that changed, the scene, what to try next, its kind, and optionally the KPI (and the
learning cycle, once the workspace has cycles) it explains. The app binds one key to `capture()`;
the dialog opens with the cursor in the phrase, tab moves on, ctrl+s (or enter in the last field)
saves.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select

from cxtui.db.store import Store
from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.kpi import repo
from cxtui.kpi.models import Evidence, EvidenceKind
from cxtui.models import values_of
from cxtui.validation import parse_date, validated
from screens.shared.choice import ChoiceBar
from screens.shared.form import FieldInput, FormDialog, field_grid
from screens.shared.workspace import WorkspaceScreen

if TYPE_CHECKING:
    from textual.app import App


def cycle_options(store: Store) -> list[tuple[str, str]]:
    """(title, id) of the workspace's learning cycles, newest first; none before cycles exist."""
    # Read by SQL: the cycles domain is built on top of the KPIs, not below them.
    if not store.has_table("cycles"):
        return []
    try:
        rows = store.rows("SELECT id, title, start FROM cycles ORDER BY start DESC")
    except sqlite3.Error:  # a cycles table of another shape: capture without the link
        return []
    return [(f"{r['start']} {r['title']}", str(r["id"])) for r in rows]


class EvidenceDialog(FormDialog[Evidence]):
    """Quote, scene, next step, kind, KPI (and cycle), date: a new piece or an edited one."""

    CSS_PATH = "kpi.tcss"

    def __init__(
        self,
        item: Evidence,
        kpis: list[tuple[str, str]],
        cycles: list[tuple[str, str]],
        *,
        is_new: bool,
    ) -> None:
        """`kpis` and `cycles` are (label, id) pairs to link the evidence to."""
        super().__init__()
        self.add_class("kpi-form")
        self.item = item
        self.kpis = kpis
        self.cycles = cycles
        self.is_new = is_new

    def dialog_title(self) -> str:
        """Capture or edit."""
        return t("kpi.dialog.capture") if self.is_new else t("kpi.dialog.edit_evidence")

    def body(self) -> ComposeResult:
        """The three lines of the record first: that is what the minute is for."""
        item = self.item
        kinds = [(t(f"kpi.kind.{k.value}"), k.value) for k in EvidenceKind]
        known = {pk for _label, pk in self.kpis}
        hints = {
            "quote": "kpi.dialog.quote_hint",
            "scene": "kpi.dialog.scene_hint",
            "next_step": "kpi.dialog.next_hint",
        }
        rows: list[tuple[str, Widget, str]] = [
            (f"common.field.{name}", FieldInput(getattr(item, name), id=name, placeholder=t(key)), "")
            for name, key in hints.items()
        ]
        rows.append(("common.field.kind", ChoiceBar(kinds, item.kind.value, id="kind"), ""))
        kpi = Select(
            self.kpis,
            value=item.kpi_id if item.kpi_id is not None and item.kpi_id in known else Select.NULL,
            prompt=t("kpi.dialog.no_kpi"),
            compact=True,
            id="kpi_id",
        )
        rows.append(("common.field.kpi_id", kpi, ""))
        if self.cycles:
            cycle_ids = {pk for _label, pk in self.cycles}
            chosen = item.cycle_id if item.cycle_id is not None and item.cycle_id in cycle_ids else None
            cycle = Select(
                self.cycles,
                value=Select.NULL if chosen is None else chosen,
                prompt=t("kpi.dialog.no_cycle"),
                compact=True,
                id="cycle_id",
            )
            rows.append(("common.field.cycle_id", cycle, ""))
        rows.append(("common.field.date", FieldInput(item.date.isoformat(), id="date"), ""))
        yield field_grid(*rows)

    def on_mount(self) -> None:
        """Start in the phrase."""
        self.query_one("#quote", Input).focus()

    def build(self) -> Evidence:
        """The validated piece of evidence."""
        data = values_of(self.item)
        kpi = self.query_one("#kpi_id", Select).value
        cycle = self.query_one("#cycle_id", Select).value if self.cycles else self.item.cycle_id
        data.update(
            quote=self.value_of("quote"),
            scene=self.value_of("scene").strip(),
            next_step=self.value_of("next_step").strip(),
            kind=EvidenceKind(self.query_one("#kind", ChoiceBar).value),
            kpi_id=kpi if isinstance(kpi, str) else None,
            cycle_id=cycle if isinstance(cycle, str) else None,
            date=parse_date(self.value_of("date"), "date"),
        )
        return validated(Evidence, data)


def kpi_options(store: Store) -> list[tuple[str, str]]:
    """(name, id) of every KPI, for linking evidence to one."""
    return [(kpi.name, kpi.id) for kpi in repo.kpis(store)]


def capture(
    app: App[Any],
    store: Store,
    today: date,
    *,
    kpi_id: str | None = None,
    item: Evidence | None = None,
    done: Callable[[Evidence], None] | None = None,
) -> None:
    """Open the evidence dialog over the current screen and save what it returns (one undoable
    action); `item` edits an existing piece, `kpi_id` pre-links a new one; `done` runs after saving."""
    if store.readonly:
        app.notify(t("db.ws.readonly_write"), severity="error")
        return
    is_new = item is None
    draft = item if item is not None else Evidence(date=today, quote="", kpi_id=kpi_id)
    under = app.screen

    def save(result: Evidence | None) -> None:
        if result is None:
            return
        try:
            repo.save_evidence(store, result)
        except CxError as exc:
            app.notify(exc.message, severity="error")
            return
        app.notify(t("kpi.msg.captured" if is_new else "kpi.msg.evidence_saved"))
        if done is not None:
            done(result)
        elif isinstance(under, WorkspaceScreen) and under.is_mounted and under.is_stale():
            under.reload()

    dialog = EvidenceDialog(draft, kpi_options(store), cycle_options(store), is_new=is_new)
    app.push_screen(dialog, callback=save)

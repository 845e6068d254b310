"""The import's outcome: counts, every rejected row with its line and reason, and saving them as CSV.

It writes the rejects file itself (a file the user asked for, not the workspace).
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.importing.table import save_rejects_csv
from cxtui.nps.models import ImportResult
from screens.nps.import_support import encoding_label
from screens.shared.form import field_row
from screens.shared.literal_table import LiteralDataTable
from screens.shared.translate import translate_bindings
from screens.shared.usertext import literal, literal_text


class ImportResultDialog(ModalScreen[Path | None]):
    """What an import did (imported / blank / rejected, each reject's line and reason); saves rejects.

    Returns the path the rejected rows were saved to (already written), or None.
    """

    BINDINGS = [
        Binding("escape", "close", "app.key.close"),
        Binding("ctrl+s", "save", "nps.dialog.key_save_rejects"),
    ]

    def __init__(self, result: ImportResult, rejects_dir: Path | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.result = result
        self.rejects_dir = rejects_dir or Path.cwd()
        self.saved: Path | None = None
        self._replace: Path | None = None  # an existing file the user was warned about once

    def compose(self) -> ComposeResult:
        """Counts, the rejected rows and the save field."""
        r = self.result
        with Vertical(classes="dialog nps-result-dialog"):
            yield Label(literal(t("nps.dialog.result_title", survey=r.survey.name)), classes="dialog-title")
            yield Static(
                t(
                    "nps.dialog.result_source",
                    source=r.source,
                    layout=t(f"nps.import.layout.{r.layout}"),
                    encoding=encoding_label(r.encoding),
                ),
                classes="dialog-context",
                markup=False,
            )
            yield Static(
                t("nps.dialog.result_counts", imported=r.imported, blank=r.blank, rejected=len(r.rejected)),
                id="result-counts",
                markup=False,
            )
            if r.date_order is not None:  # how dates such as 03/04/2026 were read, as the preview said
                how = t(f"nps.dialog.date_by_{r.date_order_by}")
                yield Static(
                    t(f"nps.dialog.result_dates_{r.date_order}", how=how), id="result-dates", markup=False
                )
            if r.duplicates:
                yield Static(
                    t("nps.dialog.result_duplicates", n=r.duplicates), id="result-duplicates", markup=False
                )
            if r.rejected:
                yield LiteralDataTable(id="result-rejects", zebra_stripes=True, cursor_type="row")
                default = self.rejects_dir / f"{Path(r.source).stem}-rejects.csv"
                yield from field_row("nps.dialog.rejects_file", Input(str(default), id="rejects-path"))
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                if r.rejected:
                    yield Button(t("nps.dialog.save_rejects") + "  ctrl+s", id="save")
                yield Button(t("app.key.close") + "  esc", variant="primary", id="close")

    def on_mount(self) -> None:
        """List the rejected rows."""
        if self.result.rejected:
            table = self.query_one("#result-rejects", DataTable)
            table.add_columns(t("nps.dialog.col_line"), t("nps.dialog.col_reason"))
            for row in self.result.rejected:
                table.add_row(str(row.line), literal_text(row.reason))
        self.query_one("#close", Button).focus()

    def action_save(self) -> None:
        """Write the rejected rows as CSV (a second ctrl+s replaces an existing file)."""
        if not self.result.rejected:
            return
        raw = self.query_one("#rejects-path", Input).value.strip()
        message = self.query_one("#form-error", Static)
        if not raw:
            message.update(f"{t('nps.dialog.rejects_file')}: {t('nps.dialog.need_path')}")
            return
        path = Path(os.path.expanduser(raw))
        if path.exists() and path != self._replace and path != self.saved:
            self._replace = path
            message.update(literal(t("nps.dialog.file_exists", path=path)))
            return
        try:
            save_rejects_csv(self.result.rejected, path)
        except CxError as exc:
            message.update(exc.message)
            return
        self.saved = path
        message.update(literal(t("nps.dialog.rejects_saved", n=len(self.result.rejected), path=path)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the path field saves."""
        event.stop()
        self.action_save()

    def action_close(self) -> None:
        """Close; the result is where the rejects were saved, if anywhere."""
        self.dismiss(self.saved)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons do what their keys do."""
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "close":
            self.action_close()

"""Importing from the loyalty screen: which file and what it holds, then what the import did.

The request dialog only names the file; the screen parses it (off the UI thread: parsing touches no
database) and stores it (one undoable action). The result dialog lists every skipped and rejected
row with its line and reason, and saves the rejected ones as CSV beside the file on ctrl+s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from cxtui.errors import CxError, InputError
from cxtui.i18n import t
from cxtui.importing.table import save_rejects_csv
from cxtui.loyalty.models import ImportResult
from screens.shared.choice import ChoiceBar
from screens.shared.form import FieldInput, FormDialog, field_grid
from screens.shared.translate import translate_bindings

KINDS = ("months", "deals")


@dataclass(frozen=True)
class ImportRequest:
    """A file to import, and whether it holds monthly figures or deals."""

    kind: str  # months | deals
    path: Path


class ImportDialog(FormDialog[ImportRequest]):
    """Monthly figures or a ROX log, from a CSV or XLSX file (its columns are found by their headers)."""

    title_key = "loyalty.import_ui.title"
    CSS_PATH = "loyalty.tcss"

    def __init__(self, kind: str, folder: Path | None) -> None:
        super().__init__()
        self.kind = kind if kind in KINDS else KINDS[0]
        self.folder = folder

    def body(self) -> ComposeResult:
        """What the file holds, its path, and the columns each kind expects."""
        kinds = [(t(f"loyalty.import_ui.{kind}"), kind) for kind in KINDS]
        start = f"{self.folder}/" if self.folder is not None else ""
        yield field_grid(
            ("loyalty.import_ui.kind", ChoiceBar(kinds, self.kind, id="kind"), ""),
            ("loyalty.import_ui.path", FieldInput(start, id="path", placeholder="deals.csv"), ""),
        )
        yield Static(id="columns-hint", classes="loyalty-live")

    def on_mount(self) -> None:
        """Start in the path."""
        field = self.query_one("#path", Input)
        field.focus()
        field.cursor_position = len(field.value)
        self._hint()

    def on_choice_bar_changed(self) -> None:
        """The expected columns follow the kind chosen."""
        self._hint()

    def _hint(self) -> None:
        kind = self.query_one("#kind", ChoiceBar).value
        self.query_one("#columns-hint", Static).update(Content(t(f"loyalty.import_ui.columns_{kind}")))

    def build(self) -> ImportRequest:
        """The request; InputError when the file is not there."""
        text = self.value_of("path").strip()
        path = Path(text).expanduser()
        if not text or not path.is_file():
            raise InputError(t("loyalty.import_ui.no_file", path=text or "-"), field="path")
        return ImportRequest(self.query_one("#kind", ChoiceBar).value, path)


def rejects_path(source: Path) -> Path:
    """Where the rejected rows of `source` are saved: beside it, `<name>.rejects.csv`."""
    return source.with_name(f"{source.stem}.rejects.csv")


class ImportResultDialog(ModalScreen[None]):
    """What an import did: counts, notes, and every skipped or rejected row with its line and reason."""

    BINDINGS = [
        Binding("escape,enter", "close", "app.key.close"),
        Binding("ctrl+s", "save", "loyalty.import_ui.save_rejects"),
    ]
    CSS_PATH = "loyalty.tcss"

    def __init__(self, result: ImportResult, source: Path) -> None:
        super().__init__()
        translate_bindings(self)
        self.result = result
        self.source = source

    def compose(self) -> ComposeResult:
        """Counts and notes, the rows, the buttons."""
        r = self.result
        lines = [
            t("loyalty.cli.into", source=r.source, encoding=r.encoding),
            t("loyalty.cli.counts", imported=r.imported, skipped=len(r.skipped), rejected=len(r.rejected)),
            *(t("loyalty.cli.note", note=note) for note in r.notes),
        ]
        rows = sorted([*r.skipped, *r.rejected], key=lambda row: row.line)
        listed = [
            t("loyalty.cli.skipped_line" if row in r.skipped else "loyalty.cli.rejected_line", line=row.line,
              reason=row.reason).strip()
            for row in rows
        ]  # fmt: skip
        with Vertical(classes="dialog result-dialog"):
            yield Label(t("loyalty.import_ui.result_title"), classes="dialog-title")
            yield Static(Content("\n".join(lines)), classes="dialog-context")
            if listed:
                with VerticalScroll(id="result-lines"):
                    yield Static(Content("\n".join(listed)))
            yield Static("", id="saved-line", classes="dialog-context")
            with Horizontal(classes="dialog-buttons"):
                if r.rejected:
                    yield Button(t("loyalty.import_ui.save_rejects") + "  ctrl+s", id="save")
                yield Button(t("app.key.close") + "  esc", variant="primary", id="close")

    def on_mount(self) -> None:
        """Focus Close."""
        self.query_one("#close", Button).focus()

    def action_save(self) -> None:
        """Save the rejected rows (line, reason, row) as CSV beside the imported file."""
        if not self.result.rejected:
            return
        path = rejects_path(self.source)
        try:
            save_rejects_csv(self.result.rejected, path)
        except CxError as exc:
            self.notify(exc.message, severity="error")
            return
        self.query_one("#saved-line", Static).update(Content(t("loyalty.cli.rejects_saved", path=path)))

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons do what their keys do."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

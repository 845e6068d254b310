"""The import wizard (file → preview → columns → survey name) and the import result dialog.

Neither dialog touches the workspace: the wizard parses the file for its preview (pure, no database)
and returns an ImportRequest; the NPS screen imports it. The result dialog writes the rejected rows to
a CSV itself, because that file is not the workspace and an unwritable path is best fixed in place.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from rich.console import RenderableType
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, ContentSwitcher, DataTable, DirectoryTree, Input, Label, Select, Static

from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.importing.values import norm
from cxtui.nps.models import ParsedFile
from screens.nps.file_picker import ExportTree, PathInput, is_folder
from screens.nps.import_support import CELL_WIDTH, SHOWN_REJECTS, ImportRequest, clip, encoding_label
from screens.nps.import_support import parse_for_preview as _parse  # a module name tests can watch
from screens.shared.form import field_row
from screens.shared.literal_table import LiteralDataTable
from screens.shared.translate import translate_bindings
from screens.shared.usertext import literal, literal_text

ROLES = ("score", "comment", "segment", "date")
ASKED = ("date_format", "force_scale")  # answers the dialog asks for when the file needs them
NO_COLUMN = "none"  # Select value of "no such column"


class ImportDialog(ModalScreen[ImportRequest | None]):
    """Pick a survey export, see what would be imported, adjust the columns, name the survey."""

    BINDINGS = [
        Binding("escape", "cancel", "app.key.cancel"),
        Binding("ctrl+s", "import", "nps.dialog.key_import"),
        Binding("ctrl+o", "pick", "nps.dialog.key_pick"),
        Binding("ctrl+d", "date_order", "nps.dialog.key_date_order"),
        Binding("ctrl+f", "force_scale", "nps.dialog.key_force_scale"),
    ]
    # Larger files are parsed in a thread so the dialog keeps answering keys (no database is involved).
    INLINE_BYTES = 256 * 1024

    def __init__(self, start_dir: Path, existing_names: Sequence[str] = ()) -> None:
        super().__init__()
        translate_bindings(self)
        # A folder that has gone (e.g. the workspace was moved) would leave the tree empty.
        self.start_dir = start_dir if is_folder(start_dir) else Path.cwd()
        self.existing_names = set(existing_names)
        self.path: Path | None = None
        self.parsed: ParsedFile | None = None
        self.headers: list[str] = []
        self.overrides: dict[str, str | None] = dict.fromkeys((*ROLES, *ASKED))
        self.reading = False
        self._generation = 0  # bumped per parse, so a slower, older parse never overwrites a newer one

    def compose(self) -> ComposeResult:
        """The file picker and the preview (one shown at a time), the error line and the buttons."""
        with Vertical(classes="dialog nps-import-dialog"):
            yield Label(t("nps.dialog.import_title"), classes="dialog-title")
            with ContentSwitcher(initial="import-pick", id="import-steps"):
                with Vertical(id="import-pick"):
                    start = str(self.start_dir).rstrip(os.sep) + os.sep
                    yield from field_row("nps.dialog.file", PathInput(start, id="import-path"))
                    yield Static(t("nps.dialog.pick_hint"), classes="nps-note")
                    yield ExportTree(self.start_dir, id="import-tree")
                with VerticalScroll(id="import-preview"):
                    yield Static("", id="import-info", markup=False)
                    yield LiteralDataTable(id="import-table", zebra_stripes=True, cursor_type="none")
                    with Horizontal(classes="nps-columns"):
                        yield from self._column_select("score")
                        yield from self._column_select("comment")
                    with Horizontal(classes="nps-columns"):
                        yield from self._column_select("segment")
                        yield from self._column_select("date")
                    yield Static("", id="import-counts", markup=False)
                    yield Static("", id="import-rejects", classes="nps-note", markup=False)
                    yield from field_row("nps.dialog.survey_name", Input(id="import-name"))
                    yield Static("", id="import-name-note", classes="nps-note", markup=False)
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("nps.dialog.import") + "  ctrl+s", variant="primary", id="import")
                yield Button(t("nps.dialog.other_file") + "  ctrl+o", id="pick")
                yield Button(t("app.key.cancel") + "  esc", id="cancel")

    def _column_select(self, role: str) -> ComposeResult:
        select: Select[str] = Select([], prompt=t("nps.dialog.choose_column"), id=f"col-{role}")
        yield from field_row(f"nps.dialog.column.{role}", select)

    def on_mount(self) -> None:
        """Start in the path field, cursor at the end so typing a name completes the folder."""
        path_input = self.query_one("#import-path", Input)
        path_input.focus()
        path_input.cursor_position = len(path_input.value)

    # -- choosing the file -----------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter on a path opens the folder or reads the file; on the survey name, imports."""
        event.stop()
        if event.input.id == "import-name":
            self.action_import()
            return
        if event.input.id != "import-path" or not event.value.strip():
            return
        path = Path(os.path.expanduser(event.value.strip()))
        if is_folder(path):
            self.query_one(ExportTree).path = path
            self.query_one(ExportTree).focus()
        else:
            self.choose(path)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        """Enter on a file in the tree reads it."""
        event.stop()
        self.query_one("#import-path", Input).value = str(event.path)
        self.choose(event.path)

    def on_directory_tree_directory_selected(self, event: DirectoryTree.DirectorySelected) -> None:
        """Keep the path field in step with the folder browsed, ready for completion."""
        event.stop()
        self.query_one("#import-path", Input).value = str(event.path).rstrip(os.sep) + os.sep

    def choose(self, path: Path) -> None:
        """Read a newly chosen file with every column detected."""
        self.path = path
        self.parsed = None
        self.headers = []
        self.overrides = dict.fromkeys((*ROLES, *ASKED))
        self.query_one("#import-name", Input).value = path.stem
        self.parse()

    # -- parsing ----------------------------------------------------------------------------------

    def parse(self) -> None:
        """Parse the chosen file with the current column choices (in a thread when it is large)."""
        if self.path is None:
            return
        self._generation += 1
        try:
            large = self.path.stat().st_size > self.INLINE_BYTES
        except OSError:
            large = False  # parse_file explains what is wrong with the path
        if large:
            self.reading = True
            self._error(t("nps.dialog.reading", name=self.path.name))
            self._parse_in_thread(self.path, dict(self.overrides), self._generation)
            return
        self._parsed(self._generation, *_parse(self.path, self.overrides))

    @work(thread=True, exclusive=True, group="nps-import-parse")
    def _parse_in_thread(self, path: Path, overrides: dict[str, str | None], generation: int) -> None:
        parsed, error, headers = _parse(path, overrides)
        self.app.call_from_thread(self._parsed, generation, parsed, error, headers)

    def _parsed(
        self, generation: int, parsed: ParsedFile | None, error: CxError | None, headers: list[str]
    ) -> None:
        """Show a parse's outcome, unless a newer parse has been asked for since."""
        if generation != self._generation or not self.is_attached:
            return
        self.reading = False
        self.parsed = parsed
        if parsed is None and not headers:
            # Nothing could be read: a new file goes back to the picker, a re-parse keeps its preview.
            if not self.headers:
                self.query_one(ContentSwitcher).current = "import-pick"
            self._error(error.message if error else "")
            return
        self._show(parsed, headers)
        self._error(error.message if error else "")

    def _show(self, parsed: ParsedFile | None, headers: list[str]) -> None:
        first = self.query_one(ContentSwitcher).current != "import-preview"
        if headers != self.headers:
            self.headers = headers
            self._fill_selects(headers)
        self._set_selects(parsed)
        self._fill_table(parsed)
        self._show_counts(parsed)
        self._update_name_note()
        if first:
            self.query_one(ContentSwitcher).current = "import-preview"
            self.query_one("#import-name", Input).focus()

    def _fill_selects(self, headers: list[str]) -> None:
        columns: list[tuple[RenderableType, str]] = [
            (literal_text(clip(h, 30) or str(i + 1)), str(i)) for i, h in enumerate(headers)
        ]
        for role in ROLES:
            select = self.query_one(f"#col-{role}", Select)
            none: list[tuple[RenderableType, str]] = [(t("nps.dialog.no_column"), NO_COLUMN)]
            options = columns if role == "score" else [*none, *columns]
            with select.prevent(Select.Changed):
                select.set_options(options)

    def _role_index(self, role: str, parsed: ParsedFile | None) -> int | None:
        """The column a role was read from (None: none, or no score column found yet)."""
        chosen = self.overrides[role]
        if chosen:
            # What the user chose, by header or (when its header repeats) by position.
            return self.headers.index(chosen) if chosen in self.headers else int(chosen) - 1
        header = getattr(parsed.columns, role) if parsed is not None else None
        return self.headers.index(header) if header is not None and header in self.headers else None

    def _set_selects(self, parsed: ParsedFile | None) -> None:
        """Show the columns the parse used (detection may move the others when one is changed)."""
        for role in ROLES:
            select: Select[str] = self.query_one(f"#col-{role}", Select)
            index = self._role_index(role, parsed)
            with select.prevent(Select.Changed):
                if index is not None:
                    select.value = str(index)
                elif parsed is None or role == "score":
                    select.clear()
                else:
                    select.value = NO_COLUMN

    def _fill_table(self, parsed: ParsedFile | None) -> None:
        table = self.query_one("#import-table", DataTable)
        table.clear(columns=True)
        roles = {self._role_index(role, parsed): role for role in ROLES}
        for i, header in enumerate(self.headers):
            label = clip(header, CELL_WIDTH - 4) or str(i + 1)
            if i in roles:
                label = f"{t(f'nps.dialog.role.{roles[i]}')}: {label}"
            table.add_column(literal_text(label), key=str(i))
        for row in parsed.preview if parsed is not None else []:
            table.add_row(
                *[literal_text(clip(row[i]) if i < len(row) else "") for i in range(len(self.headers))]
            )

    def _show_counts(self, parsed: ParsedFile | None) -> None:
        counts = self.query_one("#import-counts", Static)
        rejects = self.query_one("#import-rejects", Static)
        info = self.query_one("#import-info", Static)
        if parsed is None:
            info.update(literal(t("nps.dialog.file_only", name=self.path.name if self.path else "")))
            counts.update(t("nps.dialog.choose_score"))
            rejects.update("")
            return
        info.update(
            t(
                "nps.dialog.file_info",
                name=self.path.name if self.path else parsed.source,
                layout=t(f"nps.import.layout.{parsed.layout}"),
                encoding=encoding_label(parsed.encoding),
                rows=parsed.total_rows,
            )
            + (t(f"nps.dialog.date_order_{parsed.date_order}") if parsed.date_order else "")
        )
        counts.update(
            t(
                "nps.dialog.would_import",
                accepted=len(parsed.responses),
                blank=len(parsed.blank_lines),
                rejected=len(parsed.rejected),
            )
        )
        lines = [
            t("nps.dialog.reject_line", line=r.line, reason=r.reason) for r in parsed.rejected[:SHOWN_REJECTS]
        ]
        more = len(parsed.rejected) - SHOWN_REJECTS
        if more > 0:
            lines.append(t("nps.dialog.more_rejects", n=more))
        rejects.update("\n".join(lines))

    def on_select_changed(self, event: Select.Changed) -> None:
        """A column chosen by the user: parse again with it."""
        event.stop()
        role = (event.select.id or "").removeprefix("col-")
        if role not in ROLES or event.value is Select.NULL:
            return
        value = str(event.value)
        self.overrides[role] = "" if value == NO_COLUMN else self._column_ref(int(value))
        self.parse()

    def _column_ref(self, index: int) -> str:
        """A column as parse_file is given it: its header, or its position when the header repeats
        (compared as parse_file compares them, so "Store  name" repeats "Store name")."""
        header = self.headers[index]
        wanted = norm(header)
        for i, other in enumerate(self.headers):
            if norm(other) == wanted:
                return header if i == index and header else str(index + 1)
        return str(index + 1)

    # -- survey name and finishing ----------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        """Warn as soon as the typed survey name is one that exists."""
        if event.input.id == "import-name":
            self._update_name_note()

    def _update_name_note(self) -> None:
        name = self.query_one("#import-name", Input).value.strip()
        note = t("nps.dialog.name_exists", name=name) if name in self.existing_names else ""
        self.query_one("#import-name-note", Static).update(note)

    def action_import(self) -> None:
        """Close with the request, or say what is missing."""
        if self.reading:
            self._error(t("nps.dialog.still_reading"))
            return
        if self.path is None or not self.headers:
            self._error(t("nps.dialog.no_file"))
            return
        if self.parsed is None:
            self._error(t("nps.dialog.choose_score"), "col-score")
            return
        name = self.query_one("#import-name", Input).value.strip()
        if not name:
            self._error(f"{t('nps.dialog.survey_name')}: {t('nps.dialog.need_name')}", "import-name")
            return
        o = self.overrides
        self.dismiss(
            ImportRequest(
                self.path,
                name,
                o["score"],
                o["comment"],
                o["segment"],
                o["date"],
                date_format=o["date_format"],
                force_scale=bool(o["force_scale"]),
                parsed=self.parsed,
            )
        )

    def action_date_order(self) -> None:
        """Read dates such as 03/04/2026 as day/month, month/day, or as the file settles it."""
        order = self.overrides["date_format"]
        self.overrides["date_format"] = {None: "dmy", "dmy": "mdy"}.get(order)
        self.parse()

    def action_force_scale(self) -> None:
        """Import a score column of 1–5 answers anyway (or not)."""
        self.overrides["force_scale"] = None if self.overrides["force_scale"] else "yes"
        self.parse()

    def action_pick(self) -> None:
        """Back to the file picker to choose another file."""
        self.query_one(ContentSwitcher).current = "import-pick"
        self.query_one("#import-path", Input).focus()

    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Buttons do what their keys do."""
        event.stop()
        actions = {"import": self.action_import, "pick": self.action_pick, "cancel": self.action_cancel}
        if event.button.id in actions:
            actions[event.button.id]()

    def _error(self, message: str, focus: str | None = None) -> None:
        self.query_one("#form-error", Static).update(message)
        if focus:
            self.query_one(f"#{focus}").focus()

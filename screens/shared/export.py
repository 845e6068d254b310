"""Exporting from the TUI: the one-page weekly report (HTML, Markdown or JSON) and an SVG picture of
the current screen, both saved beside the workspace file (the current folder for an unsaved one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Static

from cxtui.db.store import Store
from cxtui.errors import CxError, InputError
from cxtui.i18n import t
from screens.shared.choice import ChoiceBar
from screens.shared.form import FieldInput, FormDialog, field_grid

SUFFIX = {"html": ".html", "markdown": ".md", "json": ".json"}


@dataclass(frozen=True)
class ExportRequest:
    """Which format, and where to write it."""

    fmt: str
    path: Path


def folder_of(store: Store | None) -> Path:
    """Where exports go: beside the workspace file, else the current folder."""
    if store is not None and store.path is not None:
        return store.path.resolve().parent
    return Path.cwd()


def default_path(store: Store | None, today: date, fmt: str) -> Path:
    """`<workspace>-report-<date>.html` beside the workspace."""
    stem = store.path.stem if store is not None and store.path is not None else "cxtui"
    return folder_of(store) / f"{stem}-report-{today.isoformat()}{SUFFIX[fmt]}"


class ExportDialog(FormDialog[ExportRequest]):
    """The format (HTML, Markdown, JSON) and the file to write; the suffix follows the format."""

    title_key = "app.export.title"

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today

    def body(self) -> ComposeResult:
        """Format and path, and what each format is good for."""
        options = [("HTML", "html"), ("Markdown", "markdown"), ("JSON", "json")]
        path = str(default_path(self.store, self.today, "html"))
        yield field_grid(
            ("app.export.format", ChoiceBar(options, "html", id="fmt"), ""),
            ("common.field.path", FieldInput(path, id="path"), ""),
        )
        yield Static(t("app.export.hint"), classes="dialog-context", markup=False)

    def on_mount(self) -> None:
        """Start on the format."""
        self.query_one("#fmt", ChoiceBar).focus()

    def on_choice_bar_changed(self, event: ChoiceBar.Changed) -> None:
        """A new format changes the suffix of the path (a path typed by hand keeps its name)."""
        field = self.query_one("#path", FieldInput)
        current = Path(field.value)
        if current.suffix in SUFFIX.values():
            field.value = str(current.with_suffix(SUFFIX[event.value]))

    def build(self) -> ExportRequest:
        """The request; refused without a file name or with a missing folder."""
        raw = self.value_of("path").strip()
        if not raw:
            raise InputError(f"{t('common.field.path')}: {t('common.err.empty')}", field="path")
        path = Path(raw).expanduser()
        if not path.parent.is_dir():
            raise InputError(
                f"{t('common.field.path')}: {t('db.ws.no_folder', path=path.parent)}", field="path"
            )
        return ExportRequest(self.query_one("#fmt", ChoiceBar).value, path)


def write_report(app: App[Any], store: Store, request: ExportRequest) -> Path | None:
    """Render the report from the open workspace and write it whole; say where (or why not)."""
    from cxtui.files import write_text_atomically
    from cxtui.report import render_report

    try:
        write_text_atomically(request.path, render_report(store, request.fmt))
    except CxError as exc:
        app.notify(t("app.export.failed", error=exc.message), severity="error")
        return None
    app.notify(t("app.export.written", path=request.path), timeout=8)
    return request.path


def save_screen(app: App[Any], store: Store | None) -> Path | None:
    """Save the current screen as an SVG (Textual's screenshot) beside the workspace."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = store.path.stem if store is not None and store.path is not None else "cxtui"
    name = f"{stem}-screen-{stamp}.svg"
    try:
        saved = Path(app.save_screenshot(name, str(folder_of(store))))
    except OSError as exc:
        app.notify(t("app.screenshot.failed", error=exc.strerror or exc), severity="error")
        return None
    app.notify(t("app.screenshot.saved", path=saved), timeout=8)
    return saved

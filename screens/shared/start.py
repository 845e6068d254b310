"""The start screen: open a file, create a new workspace, open (or reset) the demo, recent files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from cxtui import paths
from cxtui.errors import InputError
from cxtui.i18n import get_language, t
from screens.shared.form import FieldInput, FormDialog, field_row
from screens.shared.title_bar import TitleBar
from screens.shared.translate import translate_bindings
from screens.shared.usertext import literal

EXTENSION = ".cxtui"


def _typed_path(raw: str) -> Path:
    """The path typed, `~` expanded; InputError when nothing was typed."""
    if not raw.strip():
        raise InputError(f"{t('common.field.path')}: {t('common.err.empty')}", field="path")
    return Path(raw.strip()).expanduser()


@dataclass
class NewWorkspace:
    """Where to create a workspace, and the month its fiscal year starts in."""

    path: Path
    fiscal_month: int


class PathDialog(FormDialog[NewWorkspace]):
    """Ask for the path of a new workspace file (and its fiscal year's first month)."""

    title_key = "app.start.new_title"

    def body(self) -> ComposeResult:
        """The path, pre-filled in the current folder; the fiscal-year start month."""
        yield from field_row("common.field.path", FieldInput(str(Path.cwd() / "workspace.cxtui"), id="path"))
        yield from field_row(
            "okr.period.fiscal_start",
            FieldInput("1", id="fiscal", type="integer", max_length=2),
            t("okr.dialog.fiscal_hint"),
        )

    def on_mount(self) -> None:
        """The button says what saving does here: create."""
        self.query_one("#save", Button).label = f"{t('app.key.create')}  ctrl+s"

    def build(self) -> NewWorkspace:
        """The path typed, expanded, with `.cxtui` added to a name without an extension; refused
        when it is an existing file or folder."""
        path = _typed_path(self.value_of("path"))
        if not path.suffix:
            # `~/client` means the workspace file `~/client.cxtui`, as every file dialog does it.
            path = path.with_name(path.name + EXTENSION)
        if path.exists():
            raise InputError(f"{t('common.field.path')}: {t('app.start.exists', path=path)}", field="path")
        if not path.parent.is_dir():
            raise InputError(
                f"{t('common.field.path')}: {t('db.ws.no_folder', path=path.parent)}", field="path"
            )
        raw = self.value_of("fiscal").strip()
        month = int(raw) if raw.isdigit() else 0
        if not 1 <= month <= 12:
            raise InputError(f"{t('okr.period.fiscal_start')}: {t('okr.period.month_range')}", field="fiscal")
        return NewWorkspace(path, month)


class OpenDialog(FormDialog[Path]):
    """Ask for the path of an existing workspace file."""

    title_key = "app.start.open_title"

    def body(self) -> ComposeResult:
        """One path field, pre-filled with the current folder."""
        yield from field_row("common.field.path", FieldInput(f"{Path.cwd()}/", id="path"))

    def on_mount(self) -> None:
        """The button says what saving does here: open."""
        self.query_one("#save", Button).label = f"{t('app.start.open_button')}  ctrl+s"

    def build(self) -> Path:
        """The path typed, expanded; a missing file or a folder is said here, in the dialog."""
        path = _typed_path(self.value_of("path"))
        if not path.exists() and not path.suffix and path.with_name(path.name + EXTENSION).exists():
            path = path.with_name(path.name + EXTENSION)
        if path.is_dir():
            raise InputError(f"{t('common.field.path')}: {t('app.start.is_folder', path=path)}", field="path")
        if not path.exists():
            raise InputError(f"{t('common.field.path')}: {t('app.start.missing', path=path)}", field="path")
        return path


class StartScreen(Screen[None]):
    """Choose what to open."""

    BINDINGS = [
        Binding("o", "open", "app.start.open"),
        Binding("n", "new", "app.start.new"),
        Binding("d", "demo", "app.start.demo"),
        Binding("r", "reset_demo", "app.start.reset"),
        Binding("q", "app.quit", "app.key.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        """Intro, the choices, footer."""
        yield TitleBar()
        with Vertical(id="start-body"):
            yield Static(t("app.start.intro"), id="start-intro")
            yield OptionList(id="start-options")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the choices."""
        self.relabel()

    def relabel(self) -> None:
        """Rebuild the texts in the current language."""
        self.query_one("#start-intro", Static).update(t("app.start.intro"))
        options = self.query_one("#start-options", OptionList)
        options.clear_options()
        options.add_option(Option(t("app.start.new_option"), id="new"))
        options.add_option(Option(t("app.start.open_option"), id="open"))
        options.add_option(Option(t("app.start.demo_option"), id="demo"))
        options.add_option(Option(t("app.start.reset_option"), id="reset"))
        recent = paths.recent_workspaces()
        if recent:
            options.add_option(None)
            for path in recent:
                options.add_option(Option(literal(f"{t('app.start.recent')}  {path}"), id=f"file:{path}"))
        # The first choice is highlighted: enter acts at once, and the cursor shows where it is.
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice == "new":
            self.action_new()
        elif choice == "open":
            self.action_open()
        elif choice == "demo":
            self.action_demo()
        elif choice == "reset":
            self.action_reset_demo()
        elif choice.startswith("file:"):
            self.app.open_path(Path(choice[5:]))  # type: ignore[attr-defined]

    @work
    async def action_new(self) -> None:
        """Create a new workspace at a path the user types."""
        result = await self.app.push_screen_wait(PathDialog())
        if result is None:
            return
        if result.fiscal_month != 1:
            # The setting goes in before the workspace opens: its first period follows it.
            from cxtui.db.store import Store
            from cxtui.errors import WorkspaceError
            from cxtui.okr import periods as okr_periods

            try:
                with Store.open(result.path, create=True) as store:
                    okr_periods.set_fiscal_start_month(store, result.fiscal_month)
            except WorkspaceError as exc:
                self.notify(exc.message, severity="error")
                return
        self.app.open_path(result.path, create=True)  # type: ignore[attr-defined]

    @work
    async def action_open(self) -> None:
        """Open an existing workspace file the user types the path of."""
        path = await self.app.push_screen_wait(OpenDialog())
        if path is not None:
            self.app.open_path(path)  # type: ignore[attr-defined]

    def action_demo(self) -> None:
        """Open the user's demo copy (built on first use; what they changed in it is kept)."""
        from cxtui.demo import demo_workspace

        path, built = demo_workspace(get_language())
        self.notify(t("cli.msg.demo_written" if built else "app.start.demo_opened", path=path))
        self.app.open_path(path)  # type: ignore[attr-defined]

    @work
    async def action_reset_demo(self) -> None:
        """Rebuild the demo from scratch, after asking when there is a copy to lose."""
        from cxtui.demo import demo_exists, write_demo
        from screens.shared.confirm import ConfirmDialog

        lang = get_language()
        path = paths.demo_path(lang)
        if demo_exists(lang):
            confirmed = await self.app.push_screen_wait(
                ConfirmDialog(
                    t("app.start.reset_title"),
                    t("app.start.reset_question", path=path),
                    t("app.start.reset_label"),
                )
            )
            if not confirmed:
                return
        self._close_if_open(path)
        path = write_demo(lang)
        self.notify(t("app.start.demo_reset", path=path))
        self.app.open_path(path)  # type: ignore[attr-defined]

    def _close_if_open(self, path: Path) -> None:
        """Close the app's workspace when it is `path`: the file is about to be replaced, and the
        screens must not go on writing to the old copy (now unlinked) while the new one opens."""
        store = getattr(self.app, "store", None)
        if store is not None and store.path is not None and store.path.resolve() == path.resolve():
            store.close()
            self.app.store = None  # type: ignore[attr-defined]

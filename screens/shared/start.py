"""The start screen: recent workspaces, create a new one, open the demo."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from cxtui import paths
from cxtui.errors import InputError
from cxtui.i18n import get_language, t
from screens.shared.form import FieldInput, FormDialog, field_row
from screens.shared.title_bar import TitleBar
from screens.shared.translate import translate_bindings
from screens.shared.usertext import literal


class PathDialog(FormDialog[Path]):
    """Ask for the path of a new workspace file."""

    title_key = "app.start.new_title"

    def body(self) -> ComposeResult:
        """One path field, pre-filled in the current folder."""
        yield from field_row("common.field.path", FieldInput(str(Path.cwd() / "workspace.cxtui"), id="path"))

    def build(self) -> Path:
        """The path typed, expanded; refused when it is an existing file or folder."""
        raw = self.value_of("path").strip()
        if not raw:
            raise InputError(f"{t('common.field.path')}: {t('common.err.empty')}", field="path")
        path = Path(raw).expanduser()
        if path.exists():
            raise InputError(f"{t('common.field.path')}: {t('app.start.exists', path=path)}", field="path")
        if not path.parent.is_dir():
            raise InputError(
                f"{t('common.field.path')}: {t('db.ws.no_folder', path=path.parent)}", field="path"
            )
        return path


class StartScreen(Screen[None]):
    """Choose what to open."""

    BINDINGS = [
        Binding("n", "new", "app.start.new"),
        Binding("d", "demo", "app.start.demo"),
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
        options.add_option(Option(t("app.start.demo_option"), id="demo"))
        recent = paths.recent_workspaces()
        if recent:
            options.add_option(None)
            for path in recent:
                options.add_option(Option(literal(f"{t('app.start.recent')}  {path}"), id=f"file:{path}"))
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice == "new":
            self.action_new()
        elif choice == "demo":
            self.action_demo()
        elif choice.startswith("file:"):
            self.app.open_path(Path(choice[5:]))  # type: ignore[attr-defined]

    @work
    async def action_new(self) -> None:
        """Create a new workspace at a path the user types."""
        path = await self.app.push_screen_wait(PathDialog())
        if path is not None:
            self.app.open_path(path, create=True)  # type: ignore[attr-defined]

    def action_demo(self) -> None:
        """Open a fresh copy of the demo workspace."""
        from cxtui.demo import write_demo

        path = write_demo(get_language())
        self.notify(t("cli.msg.demo_written", path=path))
        self.app.open_path(path)  # type: ignore[attr-defined]

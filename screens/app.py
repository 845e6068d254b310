"""The cxtui Textual app: opens a workspace (or the start screen), switches between its peer screens
with the number keys, and owns undo, help, language and the command palette."""

from __future__ import annotations

import asyncio
import importlib
import signal
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from cxtui import clock, paths
from cxtui.db.store import Store
from cxtui.errors import CxError, WorkspaceError
from cxtui.i18n import get_language, set_language, t
from cxtui.okr import periods as okr_periods
from cxtui.text import clean
from screens import startup
from screens.shared.themes import HIGH_CONTRAST, THEMES, next_theme
from screens.shared.themes import SETTING as THEME_SETTING
from screens.shared.translate import is_ours, translate_bindings, translate_tree
from screens.shared.workspace import WorkspaceScreen


@dataclass(frozen=True)
class Peer:
    """A peer screen of a workspace: its name, its number key, where its class lives, its label."""

    name: str
    key: str
    module: str
    cls: str
    label: str  # i18n key of the binding ("OKR screen")
    tab: str  # i18n key of its tab in the title bar ("OKR")


# The peer screens, in number-key order; the first is what a workspace opens on. Adding a domain's
# screen means adding one line here ("3" is kept for the KPI screen).
PEERS: tuple[Peer, ...] = (
    Peer("home", "1", "screens.home.screen", "HomeScreen", "app.screen.home", "app.tab.home"),
    Peer("okr", "2", "screens.okr.screen", "OkrScreen", "app.screen.okr", "app.tab.okr"),
    Peer("kpi", "3", "screens.kpi.screen", "KpiScreen", "kpi.screen.peer", "kpi.screen.tab"),
    Peer("nps", "4", "screens.nps.screen", "NpsScreen", "app.screen.nps", "app.tab.nps"),
    Peer("loyalty", "5", "screens.loyalty.screen", "LoyaltyScreen", "loyalty.ui.screen", "loyalty.ui.tab"),
    Peer("cycles", "6", "screens.cycles.screen", "CyclesScreen", "app.screen.cycles", "app.tab.cycles"),
)
FIRST_SCREEN = PEERS[0].name
# How often the workspace file is checked for changes made by another program (one PRAGMA).
WATCH_INTERVAL_S = 1.0
TUI_WAIT_S = 1.0


class StartPlaceholder(Screen[None]):
    """An empty screen held while the workspace screens are swapped (they cannot be
    uninstalled while on the stack)."""


class CxApp(App[None]):
    """cxtui. Give it a store (tests), a path (CLI), or nothing (start screen)."""

    CSS_PATH = "cxtui.tcss"
    TITLE = "cxtui"
    ENABLE_COMMAND_PALETTE = True
    # Screen classes by terminal size: layouts and dialogs adapt to a projector's 80×24.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("ctrl+z", "undo", "app.key.undo"),
        Binding("ctrl+y", "redo", "app.key.redo", show=False),
        # Workspace screens show f1 first in their footer (WorkspaceScreen); here for every other screen.
        Binding("f1,question_mark", "help", "app.key.help", show=False),
        # Language, the weekly review and the 1-minute record stay off the footer here (the dashboard
        # shows them; help and the palette list them): a footer wider than 80 columns cuts labels.
        Binding("ctrl+l", "toggle_language", "app.key.language", show=False),
        Binding("ctrl+t", "cycle_theme", "app.key.theme", show=False),
        Binding("w", "weekly_review", "app.key.weekly_review", show=False),
        Binding("W", "review_history", "app.key.review_history", show=False),
        Binding("ctrl+r", "export_report", "app.key.export_report", show=False),
        Binding("ctrl+g", "screenshot_svg", "app.key.screenshot", show=False),
        # The 1-minute record (seed 001) from every workspace screen: screens.kpi.capture.
        Binding("ctrl+n", "capture", "kpi.key.capture", show=False),
        Binding("ctrl+q", "quit", "app.key.quit", show=False, priority=True),
        *[Binding(peer.key, f"show('{peer.name}')", peer.label, show=False) for peer in PEERS],
    ]

    def __init__(
        self,
        *,
        path: Path | None = None,
        store: Store | None = None,
        today: date | None = None,
        first: str = FIRST_SCREEN,
    ) -> None:
        """`first`: the peer screen a workspace opens on (the dashboard unless asked otherwise)."""
        super().__init__()
        self.register_theme(HIGH_CONTRAST)
        translate_bindings(self)
        self.path = path
        self.store = store
        self.today = today or clock.today()
        self.first = next(peer for peer in PEERS if peer.name == first)

    async def on_mount(self) -> None:
        """Open what we were given; watch the file for other programs' changes."""
        startup.start_paused_gc_timer(self)
        self.set_interval(WATCH_INTERVAL_S, self.watch_file)
        if self.store is not None:
            await self.show_workspace(self.store)
        elif self.path is not None:
            self.open_path(self.path)
        else:
            self.show_start()

    # -- opening -----------------------------------------------------------------------------

    def show_start(self) -> None:
        """The start screen: recent workspaces, new, demo."""
        from screens.shared.start import StartScreen

        self._show_screen(StartScreen())

    def _show_screen(self, screen: Screen[None] | str) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @work
    async def open_path(self, path: Path, *, create: bool = False) -> None:
        """Open `path`, offering to create it when missing; errors become a dialog."""
        if not path.exists() and not path.is_symlink() and not create:
            # Dialogs are imported only when needed: opening a file that is there needs none.
            from screens.shared.confirm import ConfirmDialog

            create = await self.push_screen_wait(
                ConfirmDialog(
                    t("app.start.create_title"),
                    t("app.start.create_question", path=path),
                    t("app.key.create"),
                )
            )
            if not create:
                if not self.screen_stack or len(self.screen_stack) <= 1:
                    self.show_start()
                return
        try:
            store = Store.open(path, create=create)
        except WorkspaceError as exc:
            from screens.shared.confirm import MessageDialog

            await self.push_screen_wait(MessageDialog(t("app.start.cannot_open"), exc.message))
            if len(self.screen_stack) <= 1:
                self.show_start()
            return
        # After the first paint: the recent list needs platformdirs, which start-up can do without.
        self.call_after_refresh(paths.remember_workspace, path)
        await self.show_workspace(store)

    async def show_workspace(self, store: Store) -> None:
        """Show the first peer screen of `store` (a new workspace gets the current quarter)."""
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        chosen = store.setting(THEME_SETTING)
        if chosen in self.available_themes:
            self.theme = chosen
        # A write waits this long for another program's lock, then the screen offers to retry: the
        # UI must not freeze for the CLI's full wait.
        store.wait_seconds = TUI_WAIT_S
        if not store.readonly and not okr_periods.periods(store):
            okr_periods.add_period(store, okr_periods.current_quarter(store, self.today))
            store.clear_history()
        # The workspace's screens stay installed, so switching between them keeps their state.
        # Installed screens cannot be uninstalled while on the stack: step aside first.
        if any(self.is_screen_installed(peer.name) for peer in PEERS):
            await self.switch_screen(StartPlaceholder())
            for peer in PEERS:
                if self.is_screen_installed(peer.name):
                    self.uninstall_screen(peer.name)
        self._install(self.first)
        if len(self.screen_stack) > 1:
            await self.switch_screen(self.first.name)
        else:
            await self.push_screen(self.first.name)

    def _install(self, peer: Peer) -> None:
        assert self.store is not None
        # Imported on first use: only the first screen's code is loaded before the first paint.
        screen_class = getattr(importlib.import_module(peer.module), peer.cls)
        self.install_screen(screen_class(self.store, self.today), peer.name)

    def has_peer(self, name: str) -> bool:
        """Whether this cxtui has the peer screen `name` (panels lead only to screens that exist)."""
        return any(peer.name == name for peer in PEERS)

    def action_show(self, name: str) -> None:
        """Show the peer screen `name` (installed on first use, so its code loads only then)."""
        if self.store is None:
            return
        peer = next(p for p in PEERS if p.name == name)
        if not self.is_screen_installed(name):
            self._install(peer)
        if self.screen is not self.get_screen(name):
            self.switch_screen(name)

    def screen_tabs(self, screen: Screen[object]) -> list[tuple[str, str, bool]]:
        """(key, label, current) of every peer screen, for the title bar of `screen`."""
        if not isinstance(screen, WorkspaceScreen) or getattr(screen, "FLOW", False):
            return []
        current = next(
            (p.name for p in PEERS if self.is_screen_installed(p.name) and self.get_screen(p.name) is screen),
            None,
        )
        return [(peer.key, t(peer.tab), peer.name == current) for peer in PEERS]

    # -- undo, help, language ------------------------------------------------------------------

    def _reload_screen(self) -> None:
        if isinstance(self.screen, WorkspaceScreen):
            self.screen.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo/redo and switching screens act on the workspace: not while a dialog is open over it,
        and not without a workspace."""
        if action in ("undo", "redo", "show", "weekly_review", "review_history", "export_report"):
            if self.store is None or isinstance(self.screen, ModalScreen):
                return False
            # A guided flow on top of the workspace (the weekly review) is left with escape, not by
            # switching screens underneath it.
            return not (action in ("show", "weekly_review") and getattr(self.screen, "FLOW", False))
        if action == "capture":
            return self.store is not None and isinstance(self.screen, WorkspaceScreen)
        return True

    def action_undo(self) -> None:
        """Undo the last change of this session (refused if another program changed it since)."""
        if self.store is None:
            return
        self.watch_file()  # see another program's change before deciding
        try:
            label = self.store.undo()
        except CxError as exc:
            self.notify(exc.message, severity="error", timeout=10)
            self._reload_screen()
            return
        if label is None:
            self.notify(t("app.msg.nothing_to_undo"), severity="warning")
            return
        self._reload_screen()
        self.notify(t("app.msg.undone", label=label))

    def action_redo(self) -> None:
        """Redo the last undone change (refused if another program changed it since)."""
        if self.store is None:
            return
        self.watch_file()
        try:
            label = self.store.redo()
        except CxError as exc:
            self.notify(exc.message, severity="error", timeout=10)
            self._reload_screen()
            return
        if label is None:
            self.notify(t("app.msg.nothing_to_redo"), severity="warning")
            return
        self._reload_screen()
        self.notify(t("app.msg.redone", label=label))

    def action_capture(self) -> None:
        """Capture a piece of field evidence (the 1-minute record) from any workspace screen."""
        from screens.kpi.capture import capture

        if self.store is not None:
            capture(self, self.store, self.today, kpi_id=getattr(self.screen, "capture_kpi", lambda: None)())

    def watch_file(self) -> None:
        """Reload what is shown when another program changed the file (SQLite's data_version), and
        finish a checkpoint that readers held up, so the main file alone is complete."""
        store = self.store
        if store is None:
            return
        if store.wal_pending:
            store.checkpoint()
        if not store.changed_elsewhere():
            return
        screen = self.screen
        if isinstance(screen, WorkspaceScreen) and screen.is_mounted:
            screen.reload()
            self.notify(t("app.msg.changed_elsewhere"))
        # Screens under a dialog or off the stack reload when shown again (their data version moved).

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification. Messages quote user text (names, cells, paths), so they are shown
        literally (no markup) and without control characters, whoever calls this."""
        super().notify(clean(message), title=clean(title), severity=severity, timeout=timeout, markup=markup)

    def action_help(self) -> None:
        """Show every key of the current screen and of the app."""
        from screens.shared.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_language(self) -> None:
        """Switch the UI between English and Japanese."""
        set_language("ja" if get_language() == "en" else "en")
        translate_bindings(self)
        # Installed workspace screens off the stack get their keys now and relabel on resume.
        for peer in PEERS:
            if self.is_screen_installed(peer.name):
                translate_tree(self.get_screen(peer.name))
        for screen in self.screen_stack:
            translate_tree(screen)
            if isinstance(screen, WorkspaceScreen) or hasattr(screen, "relabel"):
                screen.relabel()
        self.refresh_bindings()
        self.notify(t("app.msg.language"))

    def action_cycle_theme(self) -> None:
        """Switch to the next theme (dark, light, high contrast), remembered in the workspace."""
        self.set_theme(next_theme(self.theme))

    def set_theme(self, name: str) -> None:
        """Use the theme `name` and remember it in the workspace (a preference, not undoable data)."""
        self.theme = name
        if self.store is not None:
            self.store.set_setting(THEME_SETTING, name)
        label = next((key for theme, key in THEMES if theme == name), None)
        self.notify(t("app.msg.theme", theme=t(label) if label else name))

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the current language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(id="--command-palette", placeholder=t("app.palette.placeholder")))

    def action_weekly_review(self) -> None:
        """The 15-minute weekly review: this week's, resumed where it was left if it was started."""
        if self.store is None:
            return
        from screens.review.screen import ReviewScreen

        self.push_screen(ReviewScreen(self.store, self.today))

    def action_review_history(self) -> None:
        """Read the past weekly reviews."""
        if self.store is None:
            return
        from screens.review.history import ReviewHistory

        self.push_screen(ReviewHistory(self.store))

    @work
    async def action_export_report(self) -> None:
        """Save the one-page weekly report (HTML, Markdown or JSON) beside the workspace."""
        if self.store is None:
            return
        from screens.shared.export import ExportDialog, write_report

        request = await self.push_screen_wait(ExportDialog(self.store, self.today))
        if request is not None:
            write_report(self, self.store, request)

    def action_screenshot_svg(self) -> None:
        """Save what the screen shows as an SVG picture (for slides), beside the workspace."""
        from screens.shared.export import save_screen

        save_screen(self, self.store)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Everything runnable by key is also in the command palette, in the current language.

        Only cxtui's own keys: Textual's (cursor moves, scrolling) are not commands, and one command
        is listed once however many keys run it.
        """
        seen: set[str] = set()
        for binding_key, active in screen.active_bindings.items():
            binding = active.binding
            # Commands of the screen and the app; a list's cursor keys are moves, not commands.
            if not isinstance(active.node, (Screen, App)) or not is_ours(active.node, binding_key, binding):
                continue
            if not binding.description or binding.description in seen:
                continue
            seen.add(binding.description)
            key = self.get_key_display(binding) or binding_key
            yield SystemCommand(
                binding.description,
                f"{t('app.palette.key')}: {key}",
                partial(self.run_action, binding.action, active.node),
            )
        for name, label in THEMES:
            yield SystemCommand(
                f"{t('app.palette.theme')}: {t(label)}",
                t("app.palette.theme_help"),
                partial(self.set_theme, name),
            )
        yield SystemCommand(t("app.palette.start"), t("app.palette.start_help"), self.show_start)


def run_app(path: Path | None, lang: str) -> None:
    """Run the TUI on `path` (or the start screen) in `lang`; exit non-zero after a crash.

    SIGTERM and SIGHUP (the terminal closed) end the app the way `q` does, so the workspace is
    closed properly (no -wal left behind); every finished action is in the file already.
    """
    set_language(lang)
    app = CxApp(path=path)
    ended_by: list[int] = []

    def on_signal(number: int, _frame: object) -> None:
        ended_by.append(number)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # before or after the app's loop: nothing to close gracefully
            raise SystemExit(128 + number) from None
        # call_soon_threadsafe wakes the loop at once (a plain callback would wait for the next event).
        loop.call_soon_threadsafe(partial(app.exit, return_code=128 + number))

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        app.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if app.store is not None:
            app.store.close()
    code = app.return_code or 0
    if ended_by:
        code = 128 + ended_by[0]
    if code:
        sys.exit(code)

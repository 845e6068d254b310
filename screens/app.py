"""The cxtui Textual app: opens a workspace (or the start screen) and owns undo, help, language."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from cxtui import clock, okr, paths
from cxtui.errors import WorkspaceError
from cxtui.i18n import get_language, set_language, t
from cxtui.store import Store
from screens.translate import translate_bindings, translate_tree

WORKSPACE_SCREENS = ("okr", "nps")
# When no OKR screen gets painted (start screen, a dialog waiting for the user), the GC paused for
# startup comes back after this long anyway.
GC_RESUME_AFTER_S = 3.0


class StartPlaceholder(Screen[None]):
    """An empty screen held while the workspace screens are swapped (they cannot be
    uninstalled while on the stack)."""


class CxApp(App[None]):
    """cxtui. Give it a store (tests), a path (CLI), or nothing (start screen)."""

    CSS_PATH = "cxtui.tcss"
    TITLE = "cxtui"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+z", "undo", "key.undo"),
        Binding("ctrl+y", "redo", "key.redo", show=False),
        Binding("f1,question_mark", "help", "key.help"),
        Binding("ctrl+l", "toggle_language", "key.language"),
        Binding("ctrl+q", "quit", "key.quit", show=False, priority=True),
    ]

    def __init__(
        self,
        *,
        path: Path | None = None,
        store: Store | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.path = path
        self.store = store
        self.today = today or clock.today()
        # The entry point pauses the cyclic GC while it imports and loads (cxtui.__main__.run_tui);
        # see resume_gc.
        self._gc_paused = not gc.isenabled()

    async def on_mount(self) -> None:
        """Open what we were given."""
        if self._gc_paused:
            self.set_timer(GC_RESUME_AFTER_S, self.resume_gc)
        if self.store is not None:
            await self.show_workspace(self.store)
        elif self.path is not None:
            self.open_path(self.path)
        else:
            self.show_start()

    def resume_gc(self) -> None:
        """Turn the cyclic GC back on once the first screen is painted, if startup paused it."""
        if not self._gc_paused:
            return
        self._gc_paused = False
        # What is alive now (modules, widgets, the workspace: ~120,000 objects with the large benchmark
        # workspace) lives as long as the app: freezing it keeps every later full collection from
        # walking it again, which took 50-150 ms in the middle of a key press.
        gc.freeze()
        gc.enable()

    # -- opening -----------------------------------------------------------------------------

    def show_start(self) -> None:
        """The start screen: recent workspaces, new, demo."""
        from screens.start import StartScreen

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
            from screens.dialogs.confirm import ConfirmDialog

            create = await self.push_screen_wait(
                ConfirmDialog(t("start.create_title"), t("start.create_question", path=path), t("key.create"))
            )
            if not create:
                if not self.screen_stack or len(self.screen_stack) <= 1:
                    self.show_start()
                return
        try:
            store = Store.open(path, create=create)
        except WorkspaceError as exc:
            from screens.dialogs.confirm import MessageDialog

            await self.push_screen_wait(MessageDialog(t("start.cannot_open"), exc.message))
            if len(self.screen_stack) <= 1:
                self.show_start()
            return
        # After the first paint: the recent list needs platformdirs, which start-up can do without.
        self.call_after_refresh(paths.remember_workspace, path)
        await self.show_workspace(store)

    async def show_workspace(self, store: Store) -> None:
        """Show the OKR screen of `store` (a new workspace gets the current quarter)."""
        from screens.okr import OkrScreen

        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        if not store.readonly and not store.periods():
            okr.add_period(store, okr.quarter_of(self.today))
            store.journal.undo_stack.clear()
        # The workspace's screens stay installed, so switching between them keeps their state.
        # Installed screens cannot be uninstalled while on the stack: step aside first.
        if any(self.is_screen_installed(name) for name in WORKSPACE_SCREENS):
            await self.switch_screen(StartPlaceholder())
            for name in WORKSPACE_SCREENS:
                if self.is_screen_installed(name):
                    self.uninstall_screen(name)
        self.install_screen(OkrScreen(store, self.today), "okr")
        if len(self.screen_stack) > 1:
            await self.switch_screen("okr")
        else:
            await self.push_screen("okr")

    def action_show_okr(self) -> None:
        """Show the OKR screen."""
        if self.is_screen_installed("okr"):
            self.switch_screen("okr")

    def action_show_nps(self) -> None:
        """Show the NPS screen (its charts load on first use)."""
        if self.store is None:
            return
        if not self.is_screen_installed("nps"):
            from screens.nps.screen import NpsScreen

            self.install_screen(NpsScreen(self.store, self.today), "nps")
        self.switch_screen("nps")

    # -- undo, help, language ------------------------------------------------------------------

    def _reload_screen(self) -> None:
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo/redo act on the workspace, so not while a dialog is open over it."""
        return not (action in ("undo", "redo") and isinstance(self.screen, ModalScreen))

    def action_undo(self) -> None:
        """Undo the last change of this session."""
        if self.store is None:
            return
        label = self.store.undo()
        if label is None:
            self.notify(t("msg.nothing_to_undo"), severity="warning")
            return
        self._reload_screen()
        self.notify(t("msg.undone", label=label))

    def action_redo(self) -> None:
        """Redo the last undone change."""
        if self.store is None:
            return
        label = self.store.redo()
        if label is None:
            self.notify(t("msg.nothing_to_redo"), severity="warning")
            return
        self._reload_screen()
        self.notify(t("msg.redone", label=label))

    def action_help(self) -> None:
        """Show every key of the current screen and of the app."""
        from screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_language(self) -> None:
        """Switch the UI between English and Japanese."""
        set_language("ja" if get_language() == "en" else "en")
        translate_bindings(self)
        # Installed workspace screens off the stack get their keys now and relabel on resume.
        installed = [self.get_screen(n) for n in WORKSPACE_SCREENS if self.is_screen_installed(n)]
        for screen in installed:
            translate_tree(screen)
        for screen in self.screen_stack:
            translate_tree(screen)
            relabel = getattr(screen, "relabel", None)
            if callable(relabel):
                relabel()
        self.refresh_bindings()
        self.notify(t("msg.language"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Everything runnable by key is also in the command palette, in the current language."""
        seen: set[str] = set()
        for binding_key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.get_key_display(binding) or binding_key
            yield SystemCommand(
                t(binding.description),
                f"{t('palette.key')}: {key}",
                partial(active.node.run_action, binding.action),
            )
        yield SystemCommand(t("palette.start"), t("palette.start_help"), self.show_start)
        yield SystemCommand(t("key.quit"), "ctrl+q", self.exit)


def run_app(path: Path | None, lang: str) -> None:
    """Run the TUI on `path` (or the start screen) in `lang`."""
    set_language(lang)
    app = CxApp(path=path)
    app.run()
    if app.store is not None:
        app.store.close()

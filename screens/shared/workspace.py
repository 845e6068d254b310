"""The base of every peer screen of an open workspace (OKR, NPS, ...): one way to write, one way to
notice that the data changed, one way to relabel after a language switch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from cxtui.db.store import Store
from cxtui.errors import CxError, DiskFullError, RetryableError
from cxtui.i18n import get_language, t
from screens import startup
from screens.shared.translate import translate_bindings

# What a screen last drew from: the store's data version and the language.
Source = tuple[tuple[int, int], str]


class WorkspaceScreen(Screen[None]):
    """A peer screen of the workspace in `store`; subclasses implement `reload()`.

    Rules every such screen keeps:
    - writes go through `apply()`: a failure (CxError) becomes one error line and a reload (the usual
      cause is data changed underneath, e.g. by another program), never an exception that ends the app;
    - `reload()` re-reads what the screen shows and calls `mark_shown()`; coming back to the screen
      (from another screen or a dialog) reloads only when the data or the language changed since;
    - `HELP_KEY` names its help text (its own keys and how its numbers are computed).
    """

    # Bindings of this base come before a subclass's in the footer: help is the first key shown, so
    # it is never the one cut off at 80 columns.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f1", "app.help", "app.key.help")]
    # The i18n key of the screen's help text (its keys in context, its formulas), shown under its
    # keys in help (f1); every workspace screen names its own (a test checks).
    HELP_KEY: ClassVar[str] = ""

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.today = today
        self._shown: Source | None = None

    def on_mount(self) -> None:
        """The title, and the start-up hooks once the first frame is painted."""
        self.title = "cxtui"
        startup.after_first_paint(self.app)

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read everything the screen shows from the store (subclasses call `mark_shown()`)."""
        raise NotImplementedError

    def relabel(self) -> None:
        """Redraw every text in the current language (after ctrl+l)."""
        self.reload()

    def source(self) -> Source:
        """What the screen's content depends on: the data version and the language."""
        return self.store.data_version(), get_language()

    def mark_shown(self) -> None:
        """Note that what is shown is up to date with the store and the language."""
        self._shown = self.source()

    def is_stale(self) -> bool:
        """Whether the data or the language changed since the screen last loaded."""
        return self._shown != self.source()

    def on_screen_resume(self) -> None:
        """Back from another screen or a dialog: reload only if something changed meanwhile.

        A dialog closed with escape would otherwise rebuild the whole screen (~100 ms on a large
        workspace) for nothing.
        """
        if not self.is_mounted or self._shown is None or not self.is_stale():
            return
        if self._shown[1] != get_language():
            self.relabel()
        else:
            self.reload()

    # -- writing --------------------------------------------------------------------------------

    def writable(self) -> bool:
        """False (and a message) when the workspace cannot be changed."""
        if self.store.readonly:
            self.notify(t("db.ws.readonly_write"), severity="error")
            return False
        return True

    def apply(self, change: Callable[[], object], *, timeout: float | None = None) -> bool:
        """Run one store write (one undoable action) and say whether it worked.

        On failure the message is shown and the screen reloads, so what is shown catches up with the
        file; on success the caller reloads what it needs (keeping its cursor where it wants it).
        """
        try:
            change()
        except RetryableError as exc:
            # Another program is writing (a long import), or the disk is full: nothing was written;
            # keep the change and offer to retry it.
            self.app.call_later(self._offer_retry, change, exc)
            return False
        except CxError as exc:
            self.notify(exc.message, severity="error", timeout=timeout)
            self.reload()
            return False
        return True

    def _offer_retry(self, change: Callable[[], object], error: RetryableError) -> None:
        """A dialog that keeps the change the user made: Retry runs it again, Cancel drops it."""
        from screens.shared.confirm import ConfirmDialog

        def answered(retry: bool | None) -> None:
            if retry and self.apply(change):
                self.reload()

        if isinstance(error, DiskFullError):
            title, kept = t("app.disk_full.title"), t("app.disk_full.kept")
        else:
            title, kept = t("app.busy.title"), t("app.busy.kept")
        self.app.push_screen(ConfirmDialog(title, f"{error.message}\n{kept}", t("app.busy.retry")), answered)

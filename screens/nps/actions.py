"""NPS screen actions that change the workspace or open a dialog: import, quick entry, compare,
templates, delete. Each persists what its dialog returns as one undoable action, through `_apply`."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import work

from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.nps import models, queries, repo, surveys
from cxtui.nps.duplicates import DuplicateAnswersError
from cxtui.nps.models import Target
from screens.shared.workspace import WorkspaceScreen

ALL = "__all__"
# Workspace setting: the folder the last import came from (the import wizard starts there).
IMPORT_FOLDER = "nps.import_folder"


class NpsActions(WorkspaceScreen):
    """NpsScreen's actions (NpsScreen provides the widgets, `reload()` and the tabs)."""

    target_key: str
    compare_sides: tuple[str, str, str | None] | None

    @property
    def target(self) -> Target:
        """What the tabs show (see NpsScreen)."""
        raise NotImplementedError

    def action_tab(self, tab: str) -> None:
        """Show a tab (see NpsScreen)."""
        raise NotImplementedError

    def refresh_tab(self) -> None:
        """Load the visible tab if what it shows changed (see NpsScreen)."""
        raise NotImplementedError

    def _survey_names(self) -> list[str]:
        return [s.name for s in surveys.list_surveys(self.store)]

    @work
    async def action_import_file(self) -> None:
        """Import a survey export (CSV, TSV, XLSX) through the import wizard."""
        from cxtui.nps.importers import parse_file
        from screens.nps.import_dialog import ImportDialog
        from screens.nps.import_result import ImportResultDialog

        if not self.writable():
            return
        # The folder of the last import (the client's exports, usually), else the workspace's folder.
        last = self.store.setting(IMPORT_FOLDER)
        start = Path(last) if last else (self.store.path.parent if self.store.path else Path.cwd())
        request = await self.app.push_screen_wait(ImportDialog(start, self._survey_names()))
        if request is None:
            return
        self.store.set_setting(IMPORT_FOLDER, str(request.path.parent.resolve()))
        parsed = request.parsed
        if parsed is None:
            # Parsing is pure (no database), so it may run off the UI thread; storing may not.
            try:
                parsed = await asyncio.to_thread(
                    parse_file,
                    request.path,
                    score_column=request.score_column,
                    comment_column=request.comment_column,
                    segment_column=request.segment_column,
                    date_column=request.date_column,
                    date_format=request.date_format,
                    force_scale=request.force_scale,
                )
            except CxError as exc:  # nothing was written: nothing to reload
                self.notify(exc.message, severity="error", timeout=10)
                return
        ready = parsed  # not None from here on (a lambda would not see `parsed` narrowed)
        results: list[models.ImportResult] = []  # _apply says only whether it worked; this keeps the result
        refused: list[DuplicateAnswersError] = []  # answers already in the workspace: asked below

        def store_it(skip_duplicates: bool) -> None:
            try:
                results.append(
                    repo.import_parsed(
                        self.store, request.survey_name, ready, skip_duplicates=skip_duplicates
                    )
                )
            except DuplicateAnswersError as exc:
                if skip_duplicates:
                    raise
                refused.append(exc)  # nothing was changed: offer to import only the new answers

        if not self.apply(lambda: store_it(False), timeout=10):
            return
        if refused:
            from screens.shared.confirm import ConfirmDialog

            ask = ConfirmDialog(
                t("nps.screen.duplicates_title"),
                t(
                    "nps.screen.duplicates_ask",
                    source=ready.source,
                    line=refused[0].line,
                    survey=refused[0].survey,
                ),
                t("nps.screen.import_new_only"),
            )
            # The parse is read whole (parse_file), so the same answers can be stored this time.
            if not await self.app.push_screen_wait(ask) or not self.apply(lambda: store_it(True), timeout=10):
                return
        result = results[0]
        self.target_key = request.survey_name
        self.reload()
        # The result dialog saves the rejects CSV itself (a file, not the workspace).
        await self.app.push_screen_wait(ImportResultDialog(result, rejects_dir=request.path.parent))

    @work
    async def action_quick_entry(self) -> None:
        """Type scores from paper forms quickly."""
        from screens.nps.quick_entry import QuickEntryDialog

        if not self.writable():
            return
        default = self.target_key if self.target_key != ALL else t("nps.screen.quick_default")
        entry = await self.app.push_screen_wait(QuickEntryDialog(default, self.today))
        if entry is None or not entry.entries:
            return
        if not self.apply(lambda: repo.add_manual_scores(self.store, entry.survey_name, entry.entries)):
            return
        self.target_key = entry.survey_name
        self.reload()
        self.notify(t("nps.screen.quick_saved", n=len(entry.entries), survey=entry.survey_name))

    @work
    async def action_compare(self) -> None:
        """Choose 'before' and 'after' (surveys or date ranges) and compare them."""
        from screens.nps.dialogs import CompareDialog

        names = self._survey_names()
        before, after = (self.compare_sides[0], self.compare_sides[1]) if self.compare_sides else (None, None)
        dialog = CompareDialog(names, queries.segments(self.store, self.target), before=before, after=after)
        request = await self.app.push_screen_wait(dialog)
        if request is None:
            return
        self.compare_sides = (request.before, request.after, request.segment)
        self.action_tab("compare")
        # Loads the compare tab once: the sides are part of refresh_tab's cache key, so this loads
        # them when the tab was already shown, and the TabActivated that follows a switch is a no-op.
        self.refresh_tab()

    def action_templates(self) -> None:
        """Show the light survey templates, ready to copy into a form tool."""
        from screens.nps.dialogs import TemplatesDialog

        self.app.push_screen(TemplatesDialog())

    @work
    async def action_delete_survey(self) -> None:
        """Delete the selected survey and its answers (asks first; ctrl+z undoes it)."""
        from screens.shared.confirm import ConfirmDialog

        if self.target_key == ALL or not self.writable():
            return
        name = self.target_key
        summary = queries.summary(self.store, name)
        confirmed = await self.app.push_screen_wait(
            ConfirmDialog(
                t("app.confirm.delete_title"),
                t("nps.screen.delete_survey", name=name, n=summary.n),
                t("app.key.delete"),
            )
        )
        # The survey may be gone by now (another program): apply() turns that into a message.
        if confirmed and self.apply(lambda: surveys.delete_survey(self.store, name)):
            self.reload()
            self.notify(t("app.msg.deleted", title=name))

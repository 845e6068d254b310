"""Choosing an export file from the keyboard: a path field that completes folders and a tree of
the exports (.csv, .tsv, .txt, .xlsx) beside it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import DirectoryTree, Input

from screens.shared.translate import translate_bindings

EXPORT_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")


def is_export(path: Path) -> bool:
    """Whether `path` has a suffix the importers read."""
    return path.suffix.lower() in EXPORT_SUFFIXES


class ExportTree(DirectoryTree):
    """A directory tree showing folders and survey exports only (hidden entries left out)."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        """Folders and .csv/.tsv/.txt/.xlsx files."""
        return [p for p in paths if not p.name.startswith(".") and (is_export(p) or is_folder(p))]


def is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


class PathSuggester(Suggester):
    """Completes a typed path with the first folder or survey export that starts with it."""

    def __init__(self) -> None:
        # Case matters on most file systems, and the folder changes under us: no cache.
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        """The completed path, a folder ending with a separator."""
        if not value:
            return None
        typed = Path(os.path.expanduser(value))
        folder, prefix = (typed, "") if value.endswith(os.sep) else (typed.parent, typed.name)
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return None
        for name in names:
            if name.startswith(prefix) and name != prefix and not name.startswith("."):
                found = folder / name
                if is_folder(found):
                    return value + name[len(prefix) :] + os.sep
                if is_export(found):
                    return value + name[len(prefix) :]
        return None


class PathInput(Input):
    """A path Input where tab accepts the suggested completion (and moves on when there is none)."""

    BINDINGS = [Binding("tab", "complete", "nps.dialog.key_complete", show=False)]

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        super().__init__(value, suggester=PathSuggester(), **kwargs)
        translate_bindings(self)

    def action_complete(self) -> None:
        """Take the suggestion, or move focus like tab does elsewhere."""
        if self._suggestion and self.cursor_at_end and len(self._suggestion) > len(self.value):
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()

"""Where cxtui keeps its own files: the demo copy and the recent-workspaces list.

$CXTUI_DATA_DIR overrides the platform's user data directory (tests never touch the real one).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

RECENT_LIMIT = 10


def data_dir() -> Path:
    """cxtui's user data directory (created on demand)."""
    override = os.environ.get("CXTUI_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("cxtui", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def demo_path(lang: str) -> Path:
    """Where `cxtui demo` writes its fresh copy of the demo workspace."""
    return data_dir() / f"demo-{lang}.cxtui"


def _recent_file() -> Path:
    return data_dir() / "recent.json"


def recent_workspaces() -> list[Path]:
    """Recently opened workspaces, newest first, only those that still exist."""
    # Imported here: the app imports this module at start but reads the list only after its first
    # paint, and json is ~2 ms of imports.
    import json

    try:
        names = json.loads(_recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(names, list):
        return []
    return [Path(n) for n in names if isinstance(n, str) and Path(n).exists()]


def remember_workspace(path: Path) -> None:
    """Put `path` at the top of the recent list (best effort: never fails the caller)."""
    import json

    resolved = str(Path(path).resolve())
    names = [str(p) for p in recent_workspaces() if str(p) != resolved]
    with contextlib.suppress(OSError):
        _recent_file().write_text(
            json.dumps([resolved, *names][:RECENT_LIMIT], ensure_ascii=False), encoding="utf-8"
        )

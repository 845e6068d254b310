"""The demo workspace: every domain's demo part, built once into the user's demo copy.

`cxtui demo` opens the user's own copy (rehearsals in it are kept); it is built on first use, and
rebuilt only when asked (`--reset`, or the start screen's "reset the demo", both asking first).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from cxtui import clock, paths
from cxtui.db.store import Store
from cxtui.domains import parts


def build_demo(store: Store, lang: str, today: date) -> None:
    """Fill an empty workspace with every domain's demo part, in the order of the domain list."""
    for _domain, module in parts("demo"):
        module.add_demo(store, lang, today)
    # The demo is the starting point, not something the user did: ctrl+z must not take it apart.
    store.clear_history()


def _remove_database(path: Path) -> None:
    # A stale -wal beside a new main file would be replayed into it: remove all three together.
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)


def demo_exists(lang: str) -> bool:
    """Whether the user already has a demo copy in `lang`."""
    return paths.demo_path(lang).exists()


def write_demo(lang: str, today: date | None = None) -> Path:
    """Build a fresh demo at `paths.demo_path(lang)` (replacing the user's copy) and return its path.

    It is built under a temporary name and renamed into place whole: a failure or a kill while
    building leaves the user's previous copy as it was.
    """
    day = clock.today() if today is None else today
    target = paths.demo_path(lang)
    building = target.with_name(target.name + ".building")
    _remove_database(building)
    try:
        store = Store.open(building, create=True)
        try:
            build_demo(store, lang, day)
            # Leave WAL mode so the finished copy is one self-contained file that can be renamed;
            # opening it for use switches WAL back on.
            store.db.execute("PRAGMA journal_mode = DELETE")
        finally:
            store.close()
        _remove_database(target)
        os.replace(building, target)
    except BaseException:
        _remove_database(building)
        raise
    return target


def demo_workspace(lang: str, *, reset: bool = False) -> tuple[Path, bool]:
    """The user's demo copy in `lang`, built if missing or if `reset`; (path, whether it was built)."""
    if reset or not demo_exists(lang):
        return write_demo(lang), True
    return paths.demo_path(lang), False

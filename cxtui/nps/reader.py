"""A workspace opened read-only with nothing but sqlite3, for the commands that only read.

`cxtui nps show` over a million answers is dominated by one aggregate query; importing the store
(pydantic, ~50 ms) would cost more than the query itself. This opener uses `cxtui.workspace`'s
checks and messages (exists, SQLite, whole, ours) and answers `rows()` like the store does, so every
query function accepts either.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from cxtui.workspace import database_error, open_snapshot


class ReadOnlyWorkspace:
    """A workspace file opened for reading only; `rows()` matches `Store.rows()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, has_nps: bool = True) -> None:
        self.conn = conn
        self.path = path
        # False for a workspace last written by a cxtui without NPS: it simply has no surveys yet.
        self.has_nps = has_nps

    @classmethod
    def open(cls, path: Path | str) -> ReadOnlyWorkspace:
        """Open `path` read-only; WorkspaceError (one line) when it is not a usable workspace."""
        path = Path(path)
        opened = open_snapshot(path)
        names = {row[0] for row in opened.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return cls(opened.conn, path, has_nps="responses" in names)

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read query as dicts."""
        try:
            cursor = self.conn.execute(sql, list(params))
        except sqlite3.DatabaseError as exc:
            raise database_error(exc, self.path) from None
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> ReadOnlyWorkspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

"""A workspace opened read-only with nothing but sqlite3, for the commands that only read.

`cxtui nps show` over a million answers is dominated by one aggregate query; importing the store
(sqlite-utils and pydantic, ~150 ms) would cost more than the query itself. This opener makes the
same checks on the file as `cxtui.workspace` (exists, SQLite, whole, ours) with the same messages,
then answers `rows()` like the store does, so every query function accepts either.
"""

from __future__ import annotations

import sqlite3
import struct
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from cxtui.errors import WorkspaceError
from cxtui.i18n import t

_SQLITE_MAGIC = b"SQLite format 3\x00"
# Must equal cxtui.schema.APPLICATION_ID ("CXTU"); importing that module would load sqlite-utils.
_APPLICATION_ID = 0x43585455
_BUSY_TIMEOUT_S = 5.0


def _preflight(path: Path) -> None:
    try:
        if path.is_dir():
            raise WorkspaceError(t("ws.is_dir", path=path))
        if not path.exists():
            raise WorkspaceError(t("ws.missing", path=path))
        with path.open("rb") as handle:
            head = handle.read(100)
        size = path.stat().st_size
    except PermissionError:
        raise WorkspaceError(t("ws.no_permission", path=path)) from None
    except OSError as exc:
        raise WorkspaceError(t("ws.unreadable", path=path, reason=exc.strerror)) from None
    if not head:
        raise WorkspaceError(t("ws.empty", path=path))
    if not head.startswith(_SQLITE_MAGIC) or len(head) < 100:
        raise WorkspaceError(t("ws.not_sqlite", path=path))
    (raw_page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    (page_count,) = struct.unpack(">I", head[28:32])
    (application_id,) = struct.unpack(">I", head[68:72])
    if page_size < 512 or size % page_size or size < page_count * page_size:
        raise WorkspaceError(t("ws.truncated", path=path))
    if application_id not in (0, _APPLICATION_ID):
        raise WorkspaceError(t("ws.foreign", path=path))


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
        _preflight(path)
        uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
        try:
            try:
                conn = sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT_S)
                tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            except sqlite3.OperationalError:
                # A WAL file in a folder we cannot write needs immutable=1 to be read at all.
                conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=_BUSY_TIMEOUT_S)
                tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(t("ws.damaged", path=path, reason=str(exc))) from None
        names = {row[0] for row in tables}
        if names and "_sqlite_migrations" not in names:
            conn.close()
            raise WorkspaceError(t("ws.foreign", path=path))
        return cls(conn, path, has_nps="responses" in names)

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read query as dicts."""
        try:
            cursor = self.conn.execute(sql, list(params))
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(t("ws.damaged", path=self.path, reason=str(exc))) from None
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

"""Opening a workspace file safely: every way a file can be bad becomes one clear line.

Nothing here writes to a file that fails a check: the file is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
import urllib.parse
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cxtui.db.migrations import APPLICATION_ID, known_migrations, schema_version
from cxtui.errors import BusyError, DiskFullError, WorkspaceError
from cxtui.i18n import t

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0


@dataclass
class Opened:
    """A connection plus what the user must be told about it."""

    conn: sqlite3.Connection
    readonly: bool
    notice: str | None
    created: bool
    file_version: int


@dataclass
class Header:
    """The fields of a SQLite file header cxtui looks at before connecting."""

    page_size: int
    page_count: int
    application_id: int
    user_version: int


def read_header(path: Path) -> Header:
    """Read and sanity-check the 100-byte SQLite header; raise WorkspaceError if it is not one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except PermissionError:
        raise WorkspaceError(t("db.ws.no_permission", path=path)) from None
    except OSError as exc:
        raise WorkspaceError(t("db.ws.unreadable", path=path, reason=exc.strerror)) from None
    if not head:
        raise WorkspaceError(t("db.ws.empty", path=path))
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        raise WorkspaceError(t("db.ws.not_sqlite", path=path))
    (raw_page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    (page_count,) = struct.unpack(">I", head[28:32])
    (user_version,) = struct.unpack(">I", head[60:64])
    (application_id,) = struct.unpack(">I", head[68:72])
    return Header(page_size, page_count, application_id, user_version)


def _check_size(path: Path, header: Header) -> None:
    size = path.stat().st_size
    if header.page_size < 512 or size % header.page_size or size < header.page_count * header.page_size:
        raise WorkspaceError(t("db.ws.truncated", path=path))


def probe(path: Path) -> bool:
    """Whether `path` exists; WorkspaceError for a folder or a path that cannot even be looked at."""
    try:
        # Path.is_dir() raises (rather than answers False) when a parent folder cannot be searched.
        if path.is_dir():
            raise WorkspaceError(t("db.ws.is_dir", path=path))
        if not path.exists():
            return False
        # A FIFO or a device would block or feed SQLite forever: only a regular file is a workspace.
        if not stat.S_ISREG(path.stat().st_mode):
            raise WorkspaceError(t("db.ws.not_regular", path=path))
        return True
    except PermissionError:
        raise WorkspaceError(t("db.ws.no_permission", path=path)) from None
    except OSError as exc:
        raise WorkspaceError(t("db.ws.unreadable", path=path, reason=exc.strerror)) from None


def preflight(path: Path) -> Header:
    """The checks made on an existing file before connecting: readable, SQLite, whole, not foreign."""
    header = read_header(path)
    _check_size(path, header)
    if header.application_id not in (0, APPLICATION_ID):
        raise WorkspaceError(t("db.ws.foreign", path=path))
    return header


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def check_side_files(path: Path) -> None:
    """WorkspaceError when `path` does not exist but its -wal/-shm/-journal do: they belong to a
    deleted workspace, and SQLite would replay them into a new file made at `path`."""
    found = [p for p in _side_files(path) if p.exists()]
    if found:
        raise WorkspaceError(t("db.ws.orphan_side_file", path=path, side=found[0].name))


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
        if _is_wal(path) and not any(p.exists() for p in _side_files(path)[:2]):
            # Even a read-only connection creates -wal/-shm for a WAL file, and cannot remove them.
            # Without them no program has the file open and all of its content is in the file, so
            # immutable=1 reads it exactly and leaves the folder as it was.
            return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                # immutable=1 ignores locks: it would read pages another program is half-way writing.
                raise
            # A WAL file in a folder we cannot write needs immutable=1 to be read at all.
            return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT_S)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether a SQLite error means another program holds the lock."""
    return "locked" in str(exc) or "busy" in str(exc)


_is_busy = is_busy


def disk_full(path: Path | str) -> bool:
    """Whether the file system holding `path` has no room left (checked after an I/O error)."""
    folder = Path(path).parent if str(path) != ":memory:" else Path(".")
    try:
        info = os.statvfs(folder if str(folder) else ".")
    except OSError:
        return False
    # A few pages' worth: SQLite needs room for the -wal/-shm as well as the file.
    return info.f_bavail * info.f_frsize < 64 * 1024


def database_error(exc: sqlite3.Error, path: Path | str) -> WorkspaceError:
    """The one line for a SQLite error on `path`: busy in another program, disk full, or damaged."""
    if is_busy(exc):
        return BusyError(t("db.ws.busy", path=path))
    text = str(exc)
    if "disk is full" in text or (("disk I/O error" in text or "unable to open" in text) and disk_full(path)):
        return DiskFullError(t("db.ws.disk_full", path=path))
    return WorkspaceError(t("db.ws.damaged", path=path, reason=text))


def _is_wal(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(20)
    # Header bytes 18-19 are the write/read format versions: 2 means WAL mode.
    return len(head) == 20 and head[18] == 2


def open_snapshot(path: Path) -> Opened:
    """Open an existing workspace read-only for a one-off read (check, report), leaving no file behind.

    Same one-line errors as `open_workspace`, plus one for a SQLite file without cxtui's tables.
    """
    path = Path(path)
    if not probe(path):
        raise WorkspaceError(t("db.ws.missing", path=path))
    preflight(path)
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    try:
        if _is_wal(path) and not any(p.exists() for p in sidecars):
            # Even a read-only connection creates -wal/-shm for a WAL file. Without them no program
            # has the file open and all of its content is in the file, so immutable=1 reads it exactly.
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT_S)
        else:
            conn = _connect(path, True)
        try:
            tables = _user_tables(conn)
            applied = _applied(conn)
            application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        except BaseException:
            conn.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise database_error(exc, path) from None
    if application_id != APPLICATION_ID and (tables or application_id != 0):
        conn.close()
        raise WorkspaceError(t("db.ws.foreign", path=path))
    if not tables:
        conn.close()
        raise WorkspaceError(t("db.check.not_initialised", path=path))
    user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    notice = None
    if _is_newer(applied) or user_version > schema_version():
        notice = t("db.ws.newer", version=len(applied), ours=schema_version())
    elif 0 < len(applied) < schema_version():
        notice = t("db.check.older", version=len(applied), ours=schema_version())
    return Opened(conn, True, notice, False, len(applied))


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [r[0] for r in rows]


def _applied(conn: sqlite3.Connection) -> list[str]:
    if "_sqlite_migrations" not in _user_tables(conn):
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set='cxtui' ORDER BY rowid"
    ).fetchall()
    return [r[0] for r in rows]


def _is_newer(applied: list[str]) -> bool:
    """Whether a file with these migrations was written by a newer cxtui (so we must not write it)."""
    known = known_migrations()
    return any(name not in known for name in applied) or len(applied) > len(known)


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before migrating a version-`version` file goes (next to it)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix}")


def check_creatable(path: Path) -> None:
    """WorkspaceError unless a new file can be made at `path` (its folder exists and is writable)."""
    if not path.parent.is_dir():
        raise WorkspaceError(t("db.ws.no_folder", path=path.parent))
    if not os.access(path.parent, os.W_OK):
        raise WorkspaceError(t("db.ws.no_permission", path=path.parent))


def open_workspace(path: Path, *, create: bool = False, readonly: bool = False) -> Opened:
    """Open (or create) a workspace file and return a ready connection.

    Raises WorkspaceError with one line for a missing file (unless `create`), a directory,
    an unreadable, empty, non-SQLite, truncated, foreign or busy file.
    """
    path = Path(path)
    notice: str | None = None
    created = not probe(path)
    if created:
        if not create:
            raise WorkspaceError(t("db.ws.missing", path=path))
        check_creatable(path)
        check_side_files(path)
        header = None
    else:
        header = preflight(path)
        if not readonly and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            readonly = True
            notice = t("db.ws.readonly_perm")
    conn: sqlite3.Connection | None = None
    # Side files that did not exist before are ours: a failed open (a full disk that let SQLite
    # write 3 bytes of -shm) must not leave them behind.
    ours = [p for p in _side_files(path)[:2] if not p.exists()]
    try:
        conn = _connect(path, readonly)
        return _prepare(conn, path, readonly, notice, created, header)
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            # Otherwise the traceback kept by the error holds the file open (and, for a new file,
            # it would be unlinked while still open).
            conn.close()
        if created and path.exists():
            path.unlink(missing_ok=True)
        for side in ours:
            _remove_stub(side)
        raise database_error(exc, path) from None


def _remove_stub(side: Path) -> None:
    """Remove a side file left by a failed open: only a stub (an empty -wal, a -shm shorter than the
    32 KB SQLite always gives a working one), never one another program could be using."""
    try:
        size = side.stat().st_size
    except OSError:
        return
    if size == 0 or (side.name.endswith("-shm") and size < 32768):
        side.unlink(missing_ok=True)


def _prepare(
    conn: sqlite3.Connection,
    path: Path,
    readonly: bool,
    notice: str | None,
    created: bool,
    header: Header | None,
) -> Opened:
    tables = _user_tables(conn)
    applied = _applied(conn)
    # Ask the connection, not the raw header: with WAL, page 1 may still live in the -wal file.
    application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if application_id not in (0, APPLICATION_ID):
        conn.close()
        raise WorkspaceError(t("db.ws.foreign", path=path))
    is_ours = header is None or application_id == APPLICATION_ID
    if not is_ours:
        # An existing SQLite file that cxtui did not make: another program's, even when it has no
        # tables yet. `check` refuses it; so does every command that would write it.
        conn.close()
        raise WorkspaceError(t("db.ws.foreign" if tables else "db.check.not_initialised", path=path))
    file_version = len(applied)
    if _is_newer(applied) or user_version > schema_version():
        readonly = True
        notice = t("db.ws.newer", version=max(file_version, user_version), ours=schema_version())
        conn.close()
        conn = _connect(path, True)
    if not readonly:
        conn.execute("PRAGMA busy_timeout = 1000")
        try:
            # Take the write lock once now so "busy in another program" is said at open time.
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if 0 < file_version < schema_version():
            # sqlite's backup API copies a consistent image, WAL content included.
            target = sqlite3.connect(str(backup_path(path, file_version)))
            with target:
                conn.backup(target)
            target.close()
            notice = t("db.ws.migrated", version=file_version, ours=schema_version())
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return Opened(conn, readonly, notice, created, file_version)

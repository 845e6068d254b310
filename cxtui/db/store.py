"""The workspace store: one SQLite file, one connection, every user action one transaction.

Screens call the store and hand the models it returns to widgets. All writes go through
`insert_row` / `update_row` / `delete_row` inside `action()`, which makes them undoable.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxtui.db.journal import Action, ConflictError, Journal, Row
from cxtui.db.migrations import APPLICATION_ID, build_migrations, known_migrations, schema_version
from cxtui.db.workspace import (
    BUSY_TIMEOUT_S,
    check_creatable,
    check_side_files,
    database_error,
    is_busy,
    open_snapshot,
    open_workspace,
    probe,
)
from cxtui.errors import ReadOnlyError, WorkspaceError
from cxtui.i18n import t
from cxtui.ids import utc_stamp
from cxtui.models import R, Record, from_row, to_row
from cxtui.text import clean_row

if TYPE_CHECKING:
    from sqlite_utils import Database


# Read results up to this many rows have control characters removed (see `rows`).
CLEAN_ON_READ_ROWS = 5_000


class Store:
    """Data access for one workspace file. Not thread-safe: use it from one thread only."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path | None = None,
        readonly: bool = False,
        notice: str | None = None,
    ) -> None:
        self.conn = conn
        self._db: Database | None = None
        self.path = path
        self.readonly = readonly
        self.notice = notice
        self.journal = Journal(lambda: self.db)
        self.journal.begin = self._begin
        # How long a write waits for another program's write lock, and what is said meanwhile
        # (the CLI prints a line; the TUI uses a short wait and offers to retry).
        self.wait_seconds = BUSY_TIMEOUT_S
        self.on_wait: Callable[[], None] | None = None
        # The `updated` stamp this session last wrote per (table, id): a save of a model loaded
        # before another program changed the row is refused (see `save`).
        self._mine: dict[tuple[str, str], object] = {}
        self._seen_version = self._file_version()
        # Whether the WAL still holds frames the main file lacks (a checkpoint could not finish).
        self.wal_pending = False
        if not readonly:
            self._migrate()

    @property
    def db(self) -> Database:
        """The sqlite-utils Database over the connection, made on first use.

        Reads go straight to `conn`; sqlite-utils (a ~60 ms import) loads on the first write, so
        opening a workspace and painting it never waits for it.
        """
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, readonly: bool = False) -> Store:
        """Open (or create) the workspace at `path`; raises WorkspaceError with one clear line."""
        path = Path(path)
        if create and not readonly and not probe(path):
            cls._create(path)
        return cls._open(path, create=create, readonly=readonly)

    @classmethod
    def _open(cls, path: Path, *, create: bool, readonly: bool) -> Store:
        opened = open_workspace(path, create=create, readonly=readonly)
        try:
            return cls(opened.conn, path=path, readonly=opened.readonly, notice=opened.notice)
        except sqlite3.DatabaseError as exc:
            opened.conn.close()
            raise database_error(exc, path) from None

    @classmethod
    def _create(cls, path: Path) -> None:
        """Make a new workspace at `path` whole or not at all.

        It is built under a temporary name and linked into place once complete, so a process killed
        while creating leaves no half-made file at `path` (which would then read as "not a
        workspace") and the user can simply create it again.
        """
        check_creatable(path)
        check_side_files(path)
        building = path.with_name(f".{path.name}.{os.getpid()}.creating")
        try:
            try:
                cls._open(building, create=True, readonly=False).close()
            except WorkspaceError as exc:
                # Name the user's file, not the temporary one.
                raise WorkspaceError(exc.message.replace(str(building), str(path))) from None
            try:
                os.link(building, path)
            except FileExistsError:
                pass  # another program made it meanwhile: open theirs
            except OSError:
                # A file system without hard links (FAT on a USB stick): a rename is whole too.
                if not path.exists():
                    os.replace(building, path)
        finally:
            for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
                leftover.unlink(missing_ok=True)

    @classmethod
    def snapshot(cls, path: Path | str) -> Store:
        """Open `path` read-only for a one-off read (report): leaves no -wal/-shm files behind."""
        opened = open_snapshot(Path(path))
        return cls(opened.conn, path=Path(path), readonly=True, notice=opened.notice)

    @classmethod
    def memory(cls) -> Store:
        """A throwaway in-memory workspace (tests, previews)."""
        conn = sqlite3.connect(":memory:")
        conn.execute("PRAGMA foreign_keys = ON")
        return cls(conn)

    def _migrate(self) -> None:
        if self._up_to_date():
            return
        build_migrations().apply(self.db)
        self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self.db.execute(f"PRAGMA user_version = {schema_version()}")

    def _up_to_date(self) -> bool:
        """Whether every migration is recorded and the header says so (checked without sqlite-utils)."""
        conn = self.conn
        if conn.execute("PRAGMA user_version").fetchone()[0] != schema_version():
            return False
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
            return False
        applied = {
            row[0]
            for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'cxtui'")
        }
        return set(known_migrations()) <= applied

    def close(self) -> None:
        """Close the connection (checkpoints the WAL and removes -wal/-shm when last out)."""
        # Closing after a lost disk: nothing more can be done, and the exit must go on.
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def has_table(self, name: str) -> bool:
        """Whether the file has table `name` (a file from an older cxtui opened read-only may not)."""
        found = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])
        return found.fetchone() is not None

    def data_version(self) -> tuple[int, int]:
        """A token that changes whenever the file's data may have changed (here or in another program)."""
        # Lets screens skip re-reading everything when nothing changed: rebuilding the tree of a large
        # workspace costs ~100 ms. total_changes counts this connection's row writes (undo included);
        # PRAGMA data_version moves when another connection commits.
        other = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return self.conn.total_changes, int(other)

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the file."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- actions, undo and generic writes --------------------------------------------------

    @contextmanager
    def action(self, label: str) -> Iterator[Action]:
        """One user action: one transaction and one undo step. Refused on read-only files.

        The write lock is taken first (BEGIN IMMEDIATE), so a file busy in another program is found
        before anything is done: WorkspaceError (busy), after `wait_seconds`. A full disk is said as
        such. Once committed, the WAL is checkpointed: the main file alone holds every finished action.
        """
        if self.readonly:
            raise ReadOnlyError(t("db.ws.readonly_write"))
        outer = self.journal._current is None
        try:
            with self.journal.action(label) as act:
                yield act
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None
        if outer:
            self.checkpoint()

    def _error(self, exc: sqlite3.Error) -> WorkspaceError:
        return database_error(exc, self.path or ":memory:")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: wait for another program's write (saying so once), then give up in one line."""
        conn = self.conn
        try:
            conn.execute("PRAGMA busy_timeout = 100")
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or self.wait_seconds <= 0.1:
                    raise
            if self.on_wait is not None:
                self.on_wait()
            conn.execute(f"PRAGMA busy_timeout = {int(self.wait_seconds * 1000)}")
            conn.execute("BEGIN IMMEDIATE")
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")

    def checkpoint(self) -> bool:
        """Copy the WAL into the main file (PASSIVE: never waits for readers). True when complete;
        otherwise `wal_pending` stays True and a later call finishes it."""
        if self.readonly or self.path is None:
            return True
        try:
            busy, log, done = self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.OperationalError:
            self.wal_pending = True
            return False
        self.wal_pending = bool(busy) or (log > 0 and done < log)
        return not self.wal_pending

    def _file_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def changed_elsewhere(self) -> bool:
        """Whether another program committed to the file since the last call (cheap: one PRAGMA)."""
        try:
            version = self._file_version()
        except sqlite3.Error:
            return False
        changed, self._seen_version = version != self._seen_version, version
        return changed

    def undo(self) -> str | None:
        """Undo the last action; returns its label or None.

        ConflictError (one line; the step is dropped) when another program changed those rows since:
        their work is never overwritten.
        """
        if self.readonly:
            return None
        return self._replay(self.journal.undo, "db.undo.conflict")

    def redo(self) -> str | None:
        """Redo the last undone action; returns its label or None (ConflictError as for undo)."""
        if self.readonly:
            return None
        return self._replay(self.journal.redo, "db.redo.conflict")

    def _replay(self, step: Callable[[], str | None], conflict_key: str) -> str | None:
        try:
            label = step()
        except ConflictError as exc:
            raise ConflictError(t(conflict_key, label=exc.message)) from None
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None
        if label is not None:
            self._mine.clear()  # rows are back to older images: their stamps are those
            self.checkpoint()
        return label

    @property
    def can_undo(self) -> bool:
        """Whether there is an action to undo."""
        return bool(self.journal.undo_stack)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone action to redo."""
        return bool(self.journal.redo_stack)

    def get_row(self, table: str, pk: str) -> Row | None:
        """One row by id, or None (text without control characters, see `cxtui.text`)."""
        cursor = self.conn.execute(f'SELECT * FROM "{table}" WHERE id = ?', [pk])
        found = cursor.fetchone()
        if found is None:
            return None
        return clean_row(dict(zip([d[0] for d in cursor.description], found, strict=True)))

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        """Rows of a read query as dicts (text without control characters, see `cxtui.text`)."""
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        data = cursor.fetchall()
        if len(data) > CLEAN_ON_READ_ROWS:
            # Bulk reads (52,000 check-ins of a large workspace at start-up) would pay ~3 us a row:
            # text cxtui wrote is clean already, and the screens and the CLI clean what they show.
            return [dict(zip(names, row, strict=True)) for row in data]
        return [clean_row(dict(zip(names, row, strict=True))) for row in data]

    def insert_row(self, table: str, row: Row) -> None:
        """Insert one row as part of the current action (control characters removed from text)."""
        row = clean_row(row)
        names = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(row.values()))
        self.journal.record(table, row["id"], None, dict(row))
        if "updated" in row:
            self._mine[(table, row["id"])] = row["updated"]

    def insert_rows(self, table: str, rows: list[Row], *, bulk: tuple[str, Any] | None = None) -> None:
        """Insert many rows of the same columns at once (imports) as part of the current action.

        With `bulk` = (column, value), every row has that value and the undo history records just
        that (memory stays flat for a million rows); otherwise each row's image is recorded. Bulk
        rows come from `cxtui.importing`, whose reading already removed control characters; other
        rows are cleaned here.
        """
        if not rows:
            return
        if bulk is None:
            rows = [clean_row(r) for r in rows]
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.db.conn.executemany(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
            [[r[c] for c in columns] for r in rows],
        )
        if bulk is not None:
            self.journal.record_bulk(table, *bulk)
            return
        for row in rows:
            self.journal.record(table, row["id"], None, row)

    def update_row(self, table: str, pk: str, changes: Row) -> None:
        """Update columns of one row (and its `updated` stamp) as part of the current action.

        Only the columns given are written, so another program's change to other columns is kept.
        """
        before = self.get_row(table, pk)
        if before is None:
            raise WorkspaceError(t("db.ws.not_found_row", what=table, id=pk))
        self._update(table, pk, before, changes)

    def _update(self, table: str, pk: str, before: Row, changes: Row) -> None:
        after = {**before, **clean_row(changes)}
        if "updated" in before:
            after["updated"] = utc_stamp()
            self._mine[(table, pk)] = after["updated"]
        sets = ", ".join(f'"{c}" = ?' for c in after if c != "id")
        values = [v for c, v in after.items() if c != "id"]
        self.db.execute(f'UPDATE "{table}" SET {sets} WHERE id = ?', [*values, pk])
        self.journal.record(table, pk, before, after)

    def delete_row(self, table: str, pk: str) -> None:
        """Delete one row as part of the current action."""
        before = self.get_row(table, pk)
        if before is None:
            return
        self.db.execute(f'DELETE FROM "{table}" WHERE id = ?', [pk])
        self.journal.record(table, pk, before, None)

    def save(self, table: str, model: Record) -> None:
        """Insert or update a model's row as part of the current action.

        ConflictError when the row changed in another program since the model was read (its
        `updated` stamp is neither the model's nor one this session wrote): saving would overwrite
        that change with the values the model was loaded with.
        """
        row = to_row(model)
        before = self.get_row(table, model.id)
        if before is None:
            self.insert_row(table, row)
            return
        stamp = before.get("updated")
        if stamp is not None and stamp != model.updated and stamp != self._mine.get((table, model.id)):
            raise ConflictError(t("db.save.conflict"))
        row.pop("created", None)
        self._update(table, model.id, before, row)

    def delete_where(self, table: str, where: str, params: Iterable[Any] = ()) -> int:
        """Delete many rows in one statement as part of the current action; returns how many.

        Each row's image is journalled first, so undo restores them all.
        """
        params = list(params)
        gone = self.rows(f'SELECT * FROM "{table}" WHERE {where}', params)
        for row in gone:
            self.journal.record(table, row["id"], row, None)
        self.db.execute(f'DELETE FROM "{table}" WHERE {where}', params)
        return len(gone)

    def models(self, model: type[R], sql: str, params: Iterable[Any] = ()) -> list[R]:
        """The rows of a read query as `model`s (see `cxtui.models.from_row`)."""
        return [from_row(model, row) for row in self.rows(sql, params)]

    def model(self, model: type[R], table: str, pk: str) -> R | None:
        """One row of `table` by id as a `model`, or None."""
        row = self.get_row(table, pk)
        return None if row is None else from_row(model, row)

    def clear_history(self) -> None:
        """Forget the undo and redo history (a built demo or a new workspace's first period is the
        starting point, not something the user did)."""
        self.journal.clear()

    # -- settings ---------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A workspace setting (stored in the file)."""
        found = self.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if found is None else str(found[0])

    def set_setting(self, key: str, value: str) -> None:
        """Store a workspace setting outside the undo history (preferences are not user data)."""
        if self.readonly:
            return
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

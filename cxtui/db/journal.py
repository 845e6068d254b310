"""Undo/redo for a session: every action records the rows it touched, before and after.

Undo writes the "before" images back (deleting rows that did not exist), redo the "after"
images, each inside one transaction. Recording row images rather than inverse commands makes
every action undoable the same way, a cascaded delete included.

Another program may write the same file meanwhile (the CLI importing while the TUI is open). An
undo or redo therefore first checks that every row it would write is still as this session left
it; if not, it is refused (`ConflictError`) and that step is dropped from the history, so the
other program's work is never overwritten silently.

A bulk insert (an import of a million answers) is recorded as "the rows of TABLE whose COLUMN is
VALUE", not row by row: memory stays flat; the images are read from the file only if it is undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from typing import TYPE_CHECKING, Any

from cxtui.errors import CxError

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

Row = dict[str, Any]
_CHUNK = 500  # ids per SELECT ... IN (...) when checking rows


class ConflictError(CxError):
    """Undo/redo or a save refused: another program changed the rows since this session wrote them."""


@dataclass
class RowChange:
    """One row of one table, as it was before and after an action (None: absent).

    With `bulk` = (column, value), the change stands for every row of `table` inserted by the
    action with that value (pk, before and after unused until `Journal.expand`).
    """

    table: str
    pk: str
    before: Row | None
    after: Row | None
    bulk: tuple[str, Any] | None = None


@dataclass
class Action:
    """A named user action and the rows it changed, in the order it changed them."""

    label: str
    changes: list[RowChange] = field(default_factory=list)


class Journal:
    """Records row changes into actions and replays them backward (undo) or forward (redo)."""

    def __init__(self, db: Callable[[], Database], limit: int = 500) -> None:
        # A provider, not the Database: sqlite-utils is imported on the first write, not at startup.
        self._db = db
        self.limit = limit
        self.undo_stack: list[Action] = []
        self.redo_stack: list[Action] = []
        self._current: Action | None = None
        # Called to open the transaction of an action (the store takes the write lock there).
        self.begin: Callable[[], None] | None = None

    @contextmanager
    def action(self, label: str) -> Iterator[Action]:
        """Group every change inside the block into one transaction and one undo step."""
        if self._current is not None:
            # Nested call (an action built from smaller ones): stays part of the outer one.
            yield self._current
            return
        self._current = Action(label)
        try:
            with self.transaction():
                yield self._current
        finally:
            done, self._current = self._current, None
        if done.changes:
            self.undo_stack.append(done)
            del self.undo_stack[: -self.limit]
            self.redo_stack.clear()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (begun by `begin`, e.g. BEGIN IMMEDIATE), committed or rolled back whole."""
        conn = self.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        if self.begin is not None:
            self.begin()
        else:
            conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def clear(self) -> None:
        """Forget every recorded action (see `Store.clear_history`)."""
        self.undo_stack.clear()
        self.redo_stack.clear()

    @property
    def db(self) -> Database:
        """The sqlite-utils Database the journal writes through."""
        return self._db()

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection the journal writes through."""
        return self.db.conn

    def record(self, table: str, pk: str, before: Row | None, after: Row | None) -> None:
        """Note a change of the current action (called by the store's write helpers)."""
        if self._current is None:
            raise RuntimeError("store writes must happen inside Journal.action()")
        self._current.changes.append(RowChange(table, pk, before, after))

    def record_bulk(self, table: str, column: str, value: Any) -> None:
        """Note that the current action inserted rows of `table` whose `column` is `value`."""
        if self._current is None:
            raise RuntimeError("store writes must happen inside Journal.action()")
        changes = self._current.changes
        for index, change in enumerate(changes):
            if change.bulk == (column, value) and change.table == table:
                # A later batch of the same import: one record, moved after whatever was written
                # between the batches (a KPI the rows need), so undo removes the rows first.
                if index != len(changes) - 1:
                    changes.append(changes.pop(index))
                return
        changes.append(RowChange(table, "", None, None, bulk=(column, value)))

    def expand(self, done: Action) -> None:
        """Replace bulk records by the rows they stand for, read from the file now."""
        if not any(c.bulk for c in done.changes):
            return
        expanded: list[RowChange] = []
        for change in done.changes:
            if change.bulk is None:
                expanded.append(change)
                continue
            column, value = change.bulk
            cursor = self.conn.execute(f'SELECT * FROM "{change.table}" WHERE "{column}" = ?', [value])
            names = [d[0] for d in cursor.description]
            for values in cursor:
                row = dict(zip(names, values, strict=True))
                expanded.append(RowChange(change.table, row["id"], None, row))
        done.changes = expanded

    def undo(self) -> str | None:
        """Revert the last action; return its label, or None if there was nothing to undo.

        ConflictError (and the step is dropped) when another program changed its rows since.
        """
        if not self.undo_stack:
            return None
        done = self.undo_stack[-1]
        self.expand(done)
        self._apply(done, [(c.table, c.pk, c.after, c.before) for c in reversed(done.changes)])
        self.redo_stack.append(self.undo_stack.pop())
        return done.label

    def redo(self) -> str | None:
        """Re-apply the last undone action; return its label, or None (ConflictError as for undo)."""
        if not self.redo_stack:
            return None
        done = self.redo_stack[-1]
        self._apply(done, [(c.table, c.pk, c.before, c.after) for c in done.changes])
        self.undo_stack.append(self.redo_stack.pop())
        return done.label

    def _apply(self, done: Action, steps: list[tuple[str, str, Row | None, Row | None]]) -> None:
        """Check every row is as expected, then write the images; refuse (dropping the step) if not."""
        import sqlite3

        try:
            with self.transaction():
                if not self._unchanged(steps):
                    raise ConflictError("")
                self._replay([(table, pk, image) for table, pk, _expected, image in steps])
        except (ConflictError, sqlite3.IntegrityError):
            # The step can never be replayed as recorded: forget it (earlier steps are checked on
            # their own when their turn comes).
            for stack in (self.undo_stack, self.redo_stack):
                if stack and stack[-1] is done:
                    stack.pop()
            raise ConflictError(done.label) from None

    def _unchanged(self, steps: list[tuple[str, str, Row | None, Row | None]]) -> bool:
        """Whether each row is now what it should be before the step (as this session left it)."""
        expected: dict[tuple[str, str], Row | None] = {}
        for table, pk, before, _image in steps:
            # The first image of a row in replay order is what the file must hold now.
            expected.setdefault((table, pk), before)
        for table, items in groupby(sorted(expected.items(), key=lambda i: i[0][0]), key=lambda i: i[0][0]):
            wanted = {pk: image for (_t, pk), image in items}
            ids = list(wanted)
            found: dict[str, Row] = {}
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                cursor = self.conn.execute(f'SELECT * FROM "{table}" WHERE id IN ({marks})', chunk)
                names = [d[0] for d in cursor.description]
                for values in cursor:
                    row = dict(zip(names, values, strict=True))
                    found[row["id"]] = row
            for pk, image in wanted.items():
                if not _same(found.get(pk), image):
                    return False
        return True

    def _replay(self, images: list[tuple[str, str, Row | None]]) -> None:
        """Write row images in order; runs of the same table and shape go through one executemany
        (undoing a 100,000-row import is then one statement, not 100,000)."""

        def shape(item: tuple[str, str, Row | None]) -> tuple[str, tuple[str, ...] | None]:
            table, _pk, image = item
            return table, None if image is None else tuple(image)

        for (table, columns), run in groupby(images, key=shape):
            items = list(run)
            if columns is None:
                self.conn.executemany(f'DELETE FROM "{table}" WHERE id = ?', [[pk] for _t, pk, _i in items])
            else:
                self.conn.executemany(
                    upsert_sql(table, list(columns)),
                    [list(image.values()) for _t, _pk, image in items if image is not None],
                )


def _stored(value: Any) -> Any:
    """A value as SQLite hands it back (dates as ISO text, booleans as 0/1)."""
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _same(row: Row | None, image: Row | None) -> bool:
    """Whether a row read from the file is the recorded image (columns the image lacks ignored)."""
    if row is None or image is None:
        return row is None and image is None
    return all(row.get(key) == _stored(value) for key, value in image.items())


def upsert_sql(table: str, columns: list[str]) -> str:
    """INSERT ... ON CONFLICT(id) DO UPDATE: unlike INSERT OR REPLACE it never deletes the row,
    so rows that reference it keep their foreign keys valid."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}'

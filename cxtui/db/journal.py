"""Undo/redo for a session: every action records the rows it touched, before and after.

Undo writes the "before" images back (deleting rows that did not exist), redo the "after"
images, each inside one transaction. Recording row images rather than inverse commands makes
every action undoable the same way, a cascaded delete included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


@dataclass
class RowChange:
    """One row of one table, as it was before and after an action (None: absent)."""

    table: str
    pk: str
    before: Row | None
    after: Row | None


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

    @contextmanager
    def action(self, label: str) -> Iterator[Action]:
        """Group every change inside the block into one transaction and one undo step."""
        if self._current is not None:
            # Nested call (an action built from smaller ones): stays part of the outer one.
            yield self._current
            return
        self._current = Action(label)
        try:
            with self.db.atomic():
                yield self._current
        finally:
            done, self._current = self._current, None
        if done.changes:
            self.undo_stack.append(done)
            del self.undo_stack[: -self.limit]
            self.redo_stack.clear()

    def clear(self) -> None:
        """Forget every recorded action (see `Store.clear_history`)."""
        self.undo_stack.clear()
        self.redo_stack.clear()

    @property
    def db(self) -> Database:
        """The sqlite-utils Database the journal writes through."""
        return self._db()

    def record(self, table: str, pk: str, before: Row | None, after: Row | None) -> None:
        """Note a change of the current action (called by the store's write helpers)."""
        if self._current is None:
            raise RuntimeError("store writes must happen inside Journal.action()")
        self._current.changes.append(RowChange(table, pk, before, after))

    def undo(self) -> str | None:
        """Revert the last action; return its label, or None if there was nothing to undo."""
        if not self.undo_stack:
            return None
        done = self.undo_stack.pop()
        with self.db.atomic():
            self._replay([(c.table, c.pk, c.before) for c in reversed(done.changes)])
        self.redo_stack.append(done)
        return done.label

    def redo(self) -> str | None:
        """Re-apply the last undone action; return its label, or None."""
        if not self.redo_stack:
            return None
        done = self.redo_stack.pop()
        with self.db.atomic():
            self._replay([(c.table, c.pk, c.after) for c in done.changes])
        self.undo_stack.append(done)
        return done.label

    def _replay(self, images: list[tuple[str, str, Row | None]]) -> None:
        """Write row images in order; runs of the same table and shape go through one executemany
        (undoing a 100,000-row import is then one statement, not 100,000)."""

        def shape(item: tuple[str, str, Row | None]) -> tuple[str, tuple[str, ...] | None]:
            table, _pk, image = item
            return table, None if image is None else tuple(image)

        for (table, columns), run in groupby(images, key=shape):
            items = list(run)
            if columns is None:
                self.db.conn.executemany(
                    f'DELETE FROM "{table}" WHERE id = ?', [[pk] for _t, pk, _i in items]
                )
            else:
                self.db.conn.executemany(
                    upsert_sql(table, list(columns)),
                    [list(image.values()) for _t, _pk, image in items if image is not None],
                )


def upsert_sql(table: str, columns: list[str]) -> str:
    """INSERT ... ON CONFLICT(id) DO UPDATE: unlike INSERT OR REPLACE it never deletes the row,
    so rows that reference it keep their foreign keys valid."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}'

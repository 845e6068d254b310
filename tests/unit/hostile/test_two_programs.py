"""Two programs on one file: no lost update, no crash on undo, changes noticed."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from cxtui.db.journal import ConflictError
from cxtui.db.store import Store
from cxtui.errors import BusyError
from cxtui.nps import repo as nps
from cxtui.nps.models import DetectedColumns, ParsedFile, ParsedResponse
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import Objective
from tests.conftest import TODAY


def _objective(path: Path) -> tuple[Store, Objective]:
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    objective = okr.save_objective(store, Objective(period_id=period.id, title="Grow", owner="Aiko"))
    store.clear_history()
    return store, objective


def _parsed(sha: str, scores: list[int]) -> ParsedFile:
    responses = [ParsedResponse(i + 2, s) for i, s in enumerate(scores)]
    return ParsedFile("x.csv", sha, "utf-8", "plain", DetectedColumns("score"), ["score"], responses)


def test_undo_after_another_program_changed_the_row_is_refused_and_keeps_its_change(
    workspace_path: Path,
) -> None:
    a, objective = _objective(workspace_path)
    okr.save_objective(a, dataclasses.replace(objective, title="Grow fast"))
    b = Store.open(workspace_path)
    with b.action("owner"):
        b.update_row("objectives", objective.id, {"owner": "Ben"})
    b.close()
    with pytest.raises(ConflictError, match="another program changed"):
        a.undo()
    row = a.get_row("objectives", objective.id)
    assert row is not None and (row["title"], row["owner"]) == ("Grow fast", "Ben")
    assert not a.can_undo  # the step that cannot be replayed is dropped


def test_saving_a_model_loaded_before_another_programs_change_is_refused(workspace_path: Path) -> None:
    a, objective = _objective(workspace_path)
    loaded = okr.find_objective(a, objective.id)
    assert loaded is not None
    b = Store.open(workspace_path)
    with b.action("owner"):
        b.update_row("objectives", objective.id, {"owner": "Ben"})
    b.close()
    with pytest.raises(ConflictError, match="another program changed this item"):
        okr.save_objective(a, dataclasses.replace(loaded, title="Grow fast"))
    row = a.get_row("objectives", objective.id)
    assert row is not None and (row["title"], row["owner"]) == ("Grow", "Ben")
    # Reloaded, the same edit goes through and keeps the other program's owner.
    fresh = okr.find_objective(a, objective.id)
    assert fresh is not None
    okr.save_objective(a, dataclasses.replace(fresh, title="Grow fast"))
    row = a.get_row("objectives", objective.id)
    assert row is not None and (row["title"], row["owner"]) == ("Grow fast", "Ben")


def test_this_sessions_own_later_change_does_not_block_its_save(workspace_path: Path) -> None:
    a, objective = _objective(workspace_path)
    okr.save_objective(a, dataclasses.replace(objective, owner="Ken"))
    okr.save_objective(a, dataclasses.replace(objective, title="Grow fast"))  # a stale model of its own
    row = a.get_row("objectives", objective.id)
    assert row is not None and row["title"] == "Grow fast"


def test_undo_of_quick_entry_after_a_cli_import_into_the_same_survey_is_refused_not_a_crash(
    workspace_path: Path,
) -> None:
    a = Store.open(workspace_path, create=True)
    nps.add_manual_scores(a, "Paper", [9, 10])
    b = Store.open(workspace_path)
    nps.import_parsed(b, "Paper", _parsed("c" * 64, [3, 4, 5]))
    b.close()
    with pytest.raises(ConflictError, match="Cannot undo"):
        a.undo()  # the survey row is still referenced by the other program's answers
    assert a.conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 5
    assert a.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_another_programs_commit_is_noticed(workspace_path: Path) -> None:
    a, objective = _objective(workspace_path)
    assert not a.changed_elsewhere()
    with a.action("own"):
        a.update_row("objectives", objective.id, {"owner": "Ken"})
    assert not a.changed_elsewhere()  # its own write is not "elsewhere"
    b = Store.open(workspace_path)
    with b.action("owner"):
        b.update_row("objectives", objective.id, {"owner": "Ben"})
    b.close()
    assert a.changed_elsewhere() and not a.changed_elsewhere()


def test_a_write_while_another_program_holds_the_lock_waits_then_says_busy(workspace_path: Path) -> None:
    a, objective = _objective(workspace_path)
    other = sqlite3.connect(workspace_path)
    other.execute("BEGIN IMMEDIATE")
    waited: list[bool] = []
    a.wait_seconds = 0.3
    a.on_wait = lambda: waited.append(True)
    with pytest.raises(BusyError, match="busy"):
        with a.action("title"):
            a.update_row("objectives", objective.id, {"title": "X"})
    assert waited == [True]
    other.rollback()
    other.close()
    with a.action("title"):  # retry is possible
        a.update_row("objectives", objective.id, {"title": "X"})
    assert okr.find_objective(a, objective.id).title == "X"  # type: ignore[union-attr]


def test_undo_and_redo_of_a_bulk_import_keep_counts_and_memory_flat(workspace_path: Path) -> None:
    store = Store.open(workspace_path, create=True)
    nps.import_parsed(store, "Big", _parsed("d" * 64, [9] * 12_000 + [2] * 3_000))
    [action] = store.journal.undo_stack
    # One record for the answers, not 15,000 row images.
    assert len(action.changes) < 10
    store.undo()
    assert store.conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM nps_counts").fetchone()[0] == 0  # no n = 0 rows
    store.redo()
    counts = dict(store.conn.execute("SELECT score, n FROM nps_counts").fetchall())
    assert counts == {9: 12_000, 2: 3_000}


def test_the_main_file_alone_holds_every_finished_action(workspace_path: Path, tmp_path: Path) -> None:
    store, objective = _objective(workspace_path)
    with store.action("title"):
        store.update_row("objectives", objective.id, {"title": "In the main file"})
    # The app is still open (its connection, its -wal): copy only the main file.
    copy = tmp_path / "copy.cxtui"
    shutil.copyfile(workspace_path, copy)
    with Store.snapshot(copy) as reader:
        assert okr.find_objective(reader, objective.id).title == "In the main file"  # type: ignore[union-attr]
    store.close()


def test_an_import_with_the_same_answers_under_another_name_is_refused_or_skipped(
    workspace_path: Path,
) -> None:
    from datetime import datetime

    store = Store.open(workspace_path, create=True)
    first = _parsed("e" * 64, [9, 3])
    first.responses[:] = [
        ParsedResponse(2, 9, "good", "", datetime(2026, 3, 1, 10, 0, 5)),
        ParsedResponse(3, 3, "slow", "", datetime(2026, 3, 1, 11, 0, 0)),
    ]
    nps.import_parsed(store, "March", first)
    overlapping = _parsed("f" * 64, [])
    overlapping.responses[:] = [
        *first.responses,
        ParsedResponse(4, 10, "new", "", datetime(2026, 3, 2, 9, 0)),
    ]
    with pytest.raises(nps.AlreadyImportedError, match='survey "March"'):
        nps.import_parsed(store, "March-April", overlapping)
    assert store.conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 2
    result = nps.import_parsed(store, "March-April", overlapping, skip_duplicates=True)
    assert (result.imported, result.duplicates) == (1, 2)
    assert store.conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 3

"""Bad, odd and busy workspace files: one clear line, exit 2, never a traceback, the file untouched.

Run through the real command line in subprocesses. Permission cases need an unprivileged user:
as root `os.access` says every file is writable, so the child drops to uid 65534 after importing
everything it needs (the interpreter may live under /root, which uid 65534 cannot read).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cxtui.db.migrations import APPLICATION_ID, build_migrations, known_migrations, schema_version
from cxtui.db.store import Store
from cxtui.db.workspace import database_error
from cxtui.domains import all_tables
from cxtui.errors import ReadOnlyError, WorkspaceError
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, KeyResult, KRKind, Objective, Period

NOBODY = 65534
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# -- helpers --------------------------------------------------------------------------------------


def cxtui(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `cxtui ARGS` (python -m screens.launch) with the test's environment."""
    return subprocess.run(
        [sys.executable, "-m", "screens.launch", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ),
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single line a failing command printed (stdout for `check`, stderr otherwise)."""
    output = (result.stdout + result.stderr).strip()
    assert "Traceback" not in output, output
    assert len(output.splitlines()) == 1, output
    return output


def make_workspace(path: Path, objectives: int = 2) -> Path:
    """A real workspace with a period, objectives, KRs and check-ins, closed cleanly."""
    store = Store.open(path, create=True)
    period = okr_periods.add_period(
        store, Period(name="2026 Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))
    )
    for i in range(objectives):
        objective = okr.save_objective(store, Objective(period_id=period.id, title=f"Objective {i}"))
        kr = okr.save_key_result(
            store,
            KeyResult(objective_id=objective.id, title=f"Churn {i}", kind=KRKind.decrease, start=8, target=3),
        )
        okr_checkins.record_checkin(store, CheckIn(kr_id=kr.id, date=date(2026, 11, 20), value=4.5))
    store.close()
    return path


@pytest.fixture
def good(workspace_path: Path) -> Path:
    return make_workspace(workspace_path)


# -- a good file ------------------------------------------------------------------------------------


def test_check_good_workspace(good: Path) -> None:
    before, files = digest(good), listing(good.parent)
    result = cxtui("check", str(good))
    assert result.returncode == 0, result.stderr
    assert f"schema v{schema_version()}" in result.stdout
    assert "ok" in result.stdout
    assert "Traceback" not in result.stderr
    assert digest(good) == before
    assert listing(good.parent) == files  # not even -wal/-shm files are left behind


def test_check_json(good: Path) -> None:
    result = cxtui("check", "--json", str(good))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert data["schema_version"] == schema_version()
    assert data["supported_schema_version"] == schema_version()
    assert data["integrity"] == ["ok"]
    assert data["foreign_key_problems"] == 0
    okr = {"periods": 1, "objectives": 2, "key_results": 2, "checkins": 2}
    # Every domain's tables are counted; this workspace has OKRs only.
    assert data["counts"] == {table: okr.get(table, 0) for table in all_tables()}
    assert set(data) == {
        "cxtui_check", "path", "ok", "message", "schema_version", "supported_schema_version",
        "integrity", "foreign_key_problems", "counts", "notice",
    }  # fmt: skip


def test_check_in_japanese(good: Path) -> None:
    result = cxtui("--lang", "ja", "check", str(good))
    assert result.returncode == 0
    assert "正常" in result.stdout and "スキーマ" in result.stdout


def test_check_while_the_file_is_open_elsewhere(good: Path) -> None:
    store = Store.open(good)
    okr_periods.add_period(store, Period(name="2027 Q1", start=date(2027, 1, 1), end=date(2027, 3, 31)))
    try:
        result = cxtui("check", "--json", str(good))
        assert result.returncode == 0, result.stdout
        assert json.loads(result.stdout)["counts"]["periods"] == 2  # reads the WAL too
    finally:
        store.close()


# -- bad files -------------------------------------------------------------------------------------------


def _missing(folder: Path) -> Path:
    return folder / "nothing-here.cxtui"


def _directory(folder: Path) -> Path:
    target = folder / "a-folder.cxtui"
    target.mkdir()
    return target


def _text(folder: Path) -> Path:
    target = folder / "notes.cxtui"
    target.write_text("name,score\nAiko,9\n" * 50, encoding="utf-8")
    return target


def _empty(folder: Path) -> Path:
    target = folder / "empty.cxtui"
    target.touch()
    return target


def _truncated(folder: Path) -> Path:
    target = make_workspace(folder / "cut.cxtui", objectives=30)
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def _truncated_mid_page(folder: Path) -> Path:
    target = make_workspace(folder / "cut2.cxtui", objectives=30)
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2 + 100])
    return target


def _foreign(folder: Path) -> Path:
    target = folder / "other.db"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    return target


def _foreign_app_id(folder: Path) -> Path:
    target = folder / "other-app.db"
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE periods (id TEXT)")
    conn.commit()
    conn.close()
    return target


def _blank_sqlite(folder: Path) -> Path:
    target = folder / "blank.db"
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")  # a valid SQLite file with a header and no tables
    conn.commit()
    conn.close()
    return target


def _corrupted(folder: Path) -> Path:
    target = make_workspace(folder / "corrupt.cxtui", objectives=60)
    data = bytearray(target.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) >= 6 * page_size
    # Scribble over pages in the middle; size and header stay valid, so only SQLite can tell.
    for page in (2, 3, 4):
        data[page * page_size : (page + 1) * page_size] = bytes([0xA5]) * page_size
    target.write_bytes(bytes(data))
    return target


BAD_FILES = {
    "missing": (_missing, "No such file"),
    "directory": (_directory, "folder"),
    "text": (_text, "not a SQLite database"),
    "empty": (_empty, "empty file"),
    "truncated": (_truncated, "truncated"),
    "truncated-mid-page": (_truncated_mid_page, "truncated"),
    "foreign": (_foreign, "another program"),
    "foreign-application-id": (_foreign_app_id, "another program"),
    "corrupted": (_corrupted, "damaged"),
}


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    build, words = BAD_FILES[request.param]
    return build(tmp_path), words


def test_check_bad_file(bad_file: tuple[Path, str]) -> None:
    path, words = bad_file
    before = digest(path) if path.is_file() else None
    files = listing(path.parent)
    result = cxtui("check", str(path))
    assert result.returncode == 2
    line = one_line(result)
    assert words in line
    assert str(path) in line
    if before is not None:
        assert digest(path) == before
    assert listing(path.parent) == files


def test_check_bad_file_json(bad_file: tuple[Path, str]) -> None:
    path, words = bad_file
    result = cxtui("check", "--json", str(path))
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False and words in data["message"]
    assert data["supported_schema_version"] == schema_version()


def test_report_bad_file(bad_file: tuple[Path, str]) -> None:
    path, words = bad_file
    before = digest(path) if path.is_file() else None
    files = listing(path.parent)
    result = cxtui("report", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    line = one_line(result)
    assert line.startswith("cxtui: ")
    if before is not None:
        assert digest(path) == before
    assert listing(path.parent) == files


def test_store_open_bad_file(bad_file: tuple[Path, str]) -> None:
    path, _ = bad_file
    before = digest(path) if path.is_file() else None
    files = listing(path.parent)
    with pytest.raises(WorkspaceError) as caught:
        store = Store.open(path)
        # A corrupted page may only show when it is read.
        try:
            store.db.execute("PRAGMA integrity_check").fetchall()
            for period in okr_periods.periods(store):
                for objective in okr.objectives(store, period.id):
                    okr.key_results(store, objective.id)
            check = store.db.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise WorkspaceError(check)
        finally:
            store.close()
    assert "\n" not in caught.value.message
    if before is not None and "corrupt" not in path.name:
        assert digest(path) == before
        assert listing(path.parent) == files


def test_blank_sqlite_file(tmp_path: Path) -> None:
    path = _blank_sqlite(tmp_path)
    before = digest(path)
    result = cxtui("check", str(path))
    assert result.returncode == 2
    assert "empty SQLite database" in one_line(result)
    result = cxtui("report", str(path))
    assert result.returncode == 2
    one_line(result)
    assert digest(path) == before


# -- schema versions -------------------------------------------------------------------------------------


def test_newer_schema_opens_read_only(good: Path) -> None:
    conn = sqlite3.connect(good)
    conn.execute("PRAGMA user_version = 99")
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('cxtui', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = digest(good)

    store = Store.open(good)
    try:
        assert store.readonly is True
        assert store.notice is not None and "newer" in store.notice
        assert [p.name for p in okr_periods.periods(store)] == ["2026 Q4"]  # still readable
        with pytest.raises(ReadOnlyError):
            okr_periods.add_period(store, Period(name="x", start=date(2027, 1, 1), end=date(2027, 3, 31)))
        assert store.undo() is None
    finally:
        store.close()
    assert digest(good) == before

    result = cxtui("check", str(good))
    assert result.returncode == 0
    assert "newer" in result.stdout
    assert digest(good) == before


def _older_workspace(path: Path) -> str:
    """A workspace as the previous cxtui wrote it: every migration but the last one applied."""
    from sqlite_utils import Database

    last = known_migrations()[-1]
    conn = sqlite3.connect(path)
    db = Database(conn)
    build_migrations().apply(db, stop_before=last)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {schema_version() - 1}")
    conn.execute(
        'INSERT INTO periods (id, name, start, "end", created, updated) '
        "VALUES ('p1', 'old period', '2026-07-01', '2026-09-30', '2026-07-01', '2026-07-01')"
    )
    conn.commit()
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    return last


@pytest.mark.skipif(
    schema_version() < 2,
    reason="needs a second migration: with one, there is no older cxtui workspace to upgrade",
)
def test_older_schema_is_backed_up_then_migrated(workspace_path: Path) -> None:
    last = _older_workspace(workspace_path)
    older = schema_version() - 1
    original = digest(workspace_path)

    # `check` only reports it; it neither upgrades nor copies.
    result = cxtui("check", str(workspace_path))
    assert result.returncode == 0
    assert f"schema v{older}" in result.stdout and "older" in result.stdout
    assert listing(workspace_path.parent) == [workspace_path.name]

    store = Store.open(workspace_path)
    try:
        assert not store.readonly
        assert store.notice is not None and f"v{older}" in store.notice
        assert store.schema_version == schema_version()
        assert [p.name for p in okr_periods.periods(store)] == ["old period"]
    finally:
        store.close()

    pattern = f"{workspace_path.stem}.backup-v{older}-*{workspace_path.suffix}"
    backups = sorted(workspace_path.parent.glob(pattern))
    assert len(backups) == 1
    backup = backups[0]
    # immutable: the copy is a WAL-mode file, and a plain read-only connection would add -wal/-shm.
    conn = sqlite3.connect(f"file:{backup}?mode=ro&immutable=1", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
        assert last not in names and len(names) == older
        assert conn.execute("SELECT name FROM periods").fetchall() == [("old period",)]
    finally:
        conn.close()
    assert digest(workspace_path) != original

    # Opening again neither copies again nor migrates again.
    Store.open(workspace_path).close()
    assert sorted(workspace_path.parent.iterdir()) == sorted([workspace_path, backup])


# -- creating --------------------------------------------------------------------------------------------


def test_create_leaves_one_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "new.cxtui"
    store = Store.open(path, create=True)
    try:
        assert not okr_periods.periods(store)
    finally:
        store.close()
    assert listing(tmp_path) == ["new.cxtui"]
    assert cxtui("check", str(path)).returncode == 0


def test_create_interrupted_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As if the process died while building the schema: no half-made file may take the name,
    # or the next start would call it "not a workspace" instead of offering to create it.
    def dies(store: Store) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "_migrate", dies)
    path = tmp_path / "new.cxtui"
    with pytest.raises(KeyboardInterrupt):
        Store.open(path, create=True)
    assert listing(tmp_path) == []
    monkeypatch.undo()
    Store.open(path, create=True).close()
    assert listing(tmp_path) == ["new.cxtui"]


# -- permissions -----------------------------------------------------------------------------------------

CHILD = r"""
import json, os, sys
import click, sqlite3, urllib.parse
import cxtui.db.check, cxtui.cli, cxtui.report, cxtui.db.store
from cxtui.okr import repo as okr
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.errors import CxError
from cxtui.i18n import catalog
from cxtui.okr.models import CheckIn, KeyResult, Objective, Period
from cxtui.validation import validated
import sqlite_utils

catalog()
from cxtui.domains import parts
for part in ("report", "cli", "schema"):
    parts(part)
# Every core module (some load inside functions): the checkout itself may not be readable by nobody.
import importlib, pkgutil, cxtui
for found in pkgutil.walk_packages(cxtui.__path__, "cxtui."):
    importlib.import_module(found.name)
# Everything that imports lazily (pydantic loads and builds its validators on first use,
# sqlite-utils loads on first write) must load before the privileges drop: the venv is not
# readable by nobody.
validated(Period, {"name": "w", "start": "2026-01-01", "end": "2026-01-02"})
validated(Objective, {"period_id": "p", "title": "w"})
validated(KeyResult, {"objective_id": "o", "title": "w"})
validated(CheckIn, {"kr_id": "k", "date": "2026-01-01", "value": 1})
if os.environ.get("CXTUI_TEST_DEMOTE"):
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
mode, args = sys.argv[1], sys.argv[2:]
if mode == "store":
    try:
        store = cxtui.db.store.Store.open(args[0])
    except CxError as exc:
        print(json.dumps({"error": exc.message}))
        sys.exit(0)
    out = {"readonly": store.readonly, "notice": store.notice, "periods": [p.name for p in okr_periods.periods(store)]}
    try:
        okr_periods.add_period(store, Period(name="x", start="2027-01-01", end="2027-03-31"))
    except CxError as exc:
        out["write_error"] = exc.message
    store.close()
    print(json.dumps(out))
else:
    cxtui.cli.main(args)
"""


def as_user(mode: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run CHILD as an unprivileged user (uid 65534 when the tests run as root)."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    if IS_ROOT:
        env["CXTUI_TEST_DEMOTE"] = "1"
    return subprocess.run(
        [sys.executable, "-c", CHILD, mode, *args], capture_output=True, text=True, timeout=60, env=env
    )


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder in /tmp that an unprivileged user can enter (pytest's own tmp dirs are 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="cxtui-perm-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for sub in [folder, *folder.rglob("*")]:
            if sub.is_dir():
                sub.chmod(0o755)
            else:
                sub.chmod(0o644)
        shutil.rmtree(folder)


def test_read_only_file_opens_read_only(shared_dir: Path) -> None:
    path = make_workspace(shared_dir / "ws.cxtui")
    path.chmod(0o444)
    before, files = digest(path), listing(shared_dir)

    result = as_user("store", str(path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["readonly"] is True
    assert "Read-only" in data["notice"]
    assert data["periods"] == ["2026 Q4"]
    assert "read-only" in data["write_error"]

    result = as_user("cli", "check", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"schema v{schema_version()}" in result.stdout

    result = as_user("cli", "report", "--format", "json", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["period"]["name"] == "2026 Q4"

    assert digest(path) == before
    if IS_ROOT:
        assert listing(shared_dir) == files


def test_no_permission_file(shared_dir: Path) -> None:
    path = make_workspace(shared_dir / "ws.cxtui")
    path.chmod(0o000)
    files = listing(shared_dir)

    for args in (["check", str(path)], ["report", str(path)], ["--lang", "ja", "check", str(path)]):
        result = as_user("cli", *args)
        assert result.returncode == 2, result.stdout + result.stderr
        line = one_line(result)
        assert "Permission denied" in line or "アクセス権" in line

    result = as_user("store", str(path))
    assert "Permission denied" in json.loads(result.stdout)["error"]
    path.chmod(0o644)
    assert listing(shared_dir) == files
    Store.open(path).close()  # intact


def test_folder_without_permission(shared_dir: Path) -> None:
    private = shared_dir / "private"
    private.mkdir()
    path = make_workspace(private / "ws.cxtui")
    before = digest(path)
    private.chmod(0o700 if IS_ROOT else 0o000)
    try:
        for args in (["check", str(path)], ["report", str(path)]):
            result = as_user("cli", *args)
            assert result.returncode == 2, result.stdout + result.stderr
            assert "Permission denied" in one_line(result)
        assert "Permission denied" in json.loads(as_user("store", str(path)).stdout)["error"]
    finally:
        private.chmod(0o755)
    assert digest(path) == before


# -- busy ----------------------------------------------------------------------------------------------------

HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(120)
"""


def test_busy_file(good: Path) -> None:
    before = digest(good)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(good)], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(WorkspaceError) as caught:
            Store.open(good)
        assert time.monotonic() - started < 8
        assert "busy" in caught.value.message
        assert "\n" not in caught.value.message

        # Reading is still possible while another program writes: check and report do not wait.
        started = time.monotonic()
        result = cxtui("check", str(good))
        assert result.returncode == 0, result.stdout + result.stderr
        assert cxtui("report", "--format", "json", str(good)).returncode == 0
        assert time.monotonic() - started < 20
    finally:
        holder.kill()
        holder.wait()
    assert digest(good) == before
    Store.open(good).close()  # usable again once the other program is gone


def test_every_reader_says_busy_or_damaged_the_same_way(tmp_path: Path) -> None:
    # One conversion for store, check, report and the NPS reader: a lock is "busy", not "damaged".
    busy = database_error(sqlite3.OperationalError("database is locked"), tmp_path / "w.cxtui")
    damaged = database_error(sqlite3.DatabaseError("file is not a database"), tmp_path / "w.cxtui")
    assert "busy" in busy.message and "damaged" not in busy.message
    assert "file is not a database" in damaged.message and "\n" not in damaged.message


def test_busy_rollback_journal_file(good: Path) -> None:
    """A file in rollback-journal mode blocks even readers: still one line, within seconds."""
    conn = sqlite3.connect(good)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = digest(good)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(good)], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(WorkspaceError) as caught:
            Store.open(good)
        assert "busy" in caught.value.message
        result = cxtui("check", str(good))
        assert result.returncode == 2
        assert "busy" in one_line(result)
        assert time.monotonic() - started < 30
    finally:
        holder.kill()
        holder.wait()
    assert digest(good) == before


def test_check_reports_broken_references(good: Path) -> None:
    conn = sqlite3.connect(good)
    conn.execute(
        "INSERT INTO key_results (id, objective_id, title, kind, start, target, created, updated) "
        "VALUES ('orphan', 'no-such-objective', 'orphan', 'increase', 0, 1, '2026', '2026')"
    )
    conn.commit()
    conn.close()
    before = digest(good)
    result = cxtui("check", str(good))
    assert result.returncode == 2
    assert "1 row(s) point to rows that do not exist" in one_line(result)
    data = json.loads(cxtui("check", "--json", str(good)).stdout)
    assert data["foreign_key_problems"] == 1 and data["integrity"] == ["ok"]
    assert digest(good) == before

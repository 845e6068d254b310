"""The CLI against hostile files and workspaces: one line, no terminal control, files left as they were."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cxtui.cli import cli
from cxtui.db.migrations import APPLICATION_ID, build_migrations, known_migrations, schema_version
from cxtui.db.store import Store
from cxtui.errors import WorkspaceError
from cxtui.nps import repo as nps
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import Objective
from tests.conftest import TODAY

ESCAPES = ("\x1b", "\x9b", "\x07", "\x9d")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_line(result: Result) -> str:
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cxtui: "), result.stderr
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- terminal control never reaches the terminal ------------------------------------------------------


def _hostile_workspace(path: Path) -> None:
    """A workspace another program filled with escape sequences (cxtui itself would strip them)."""
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    okr.save_objective(store, Objective(period_id=period.id, title="Grow", owner="Aiko"))
    nps.add_manual_scores(store, "Paper", [9, 3])
    store.close()
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE objectives SET title = ?", ["\x1b]0;PWNED\x1b\\\x1b]52;c;aGk=\x07\x1b[2J[bold red]T"]
    )
    conn.execute("UPDATE surveys SET name = ?", ["S\x1b]0;PWNED\x07\x9b2J"])
    conn.execute("UPDATE responses SET segment = ?", ["\x1b[2JShibuya"])
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "args",
    [
        ["nps", "show", "{ws}"],
        ["nps", "show", "{ws}", "--by", "segment"],
        ["nps", "show", "{ws}", "--by", "segment", "--json"],
        ["report", "{ws}", "--format", "html"],
        ["report", "{ws}", "--format", "markdown"],
        ["report", "{ws}", "--format", "json"],
    ],
)
def test_no_escape_sequence_from_a_workspace_reaches_the_terminal(
    workspace_path: Path, args: list[str]
) -> None:
    _hostile_workspace(workspace_path)
    result = run(*[a.format(ws=workspace_path) for a in args])
    assert result.exit_code == 0, result.output
    assert not any(ch in result.output for ch in ESCAPES)
    assert "PWNED" in result.output or "Shibuya" in result.output


def test_no_escape_sequence_from_an_export_reaches_the_terminal(workspace_path: Path, tmp_path: Path) -> None:
    source = export(tmp_path, "score,comment\n\x1b]0;PWNED\x07,x\n9,\x1b]52;c;aGk=\x07fine\n")
    result = run("nps", "import", str(workspace_path), str(source), "--survey", "S\x1b[2J")
    assert result.exit_code == 0, result.output
    assert not any(ch in result.output for ch in ESCAPES)
    assert "]0;PWNED" in result.output  # the reject reason quotes the cell, as text


def test_report_output_file_holds_no_control_characters(workspace_path: Path, tmp_path: Path) -> None:
    _hostile_workspace(workspace_path)
    out = tmp_path / "report.html"
    assert run("report", str(workspace_path), "--format", "html", "--output", str(out)).exit_code == 0
    text = out.read_text()
    assert not any(ch in text for ch in ESCAPES) and "PWNED" in text


# -- a failed operation leaves files as they were -------------------------------------------------------


def _older_workspace(path: Path) -> None:
    from sqlite_utils import Database

    conn = sqlite3.connect(path)
    build_migrations().apply(Database(conn), stop_before=known_migrations()[-1])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {schema_version() - 1}")
    conn.commit()
    conn.close()


def test_a_failed_import_neither_migrates_nor_backs_up_nor_creates(
    workspace_path: Path, tmp_path: Path
) -> None:
    _older_workspace(workspace_path)
    before, listing = digest(workspace_path), sorted(os.listdir(tmp_path))
    empty = export(tmp_path, "", "empty.csv")
    listing = sorted(os.listdir(tmp_path))
    one_line(run("nps", "import", str(workspace_path), str(empty), "--survey", "S"))
    assert digest(workspace_path) == before and sorted(os.listdir(tmp_path)) == listing
    missing = tmp_path / "new.cxtui"
    one_line(run("nps", "import", str(missing), str(empty), "--survey", "S"))
    assert not missing.exists()


def test_an_orphaned_wal_is_never_replayed_into_a_new_file(workspace_path: Path, tmp_path: Path) -> None:
    store = Store.open(workspace_path, create=True)
    nps.add_manual_scores(store, "Old survey", [9, 9, 3])
    wal = workspace_path.with_name(workspace_path.name + "-wal")
    kept = tmp_path / "kept-wal"
    kept.write_bytes(wal.read_bytes())
    store.close()
    workspace_path.unlink()
    kept.rename(wal)
    source = export(tmp_path, "score\n9\n")
    message = one_line(run("nps", "import", str(workspace_path), str(source), "--survey", "New"))
    assert "ws.cxtui-wal" in message and not workspace_path.exists()
    with pytest.raises(WorkspaceError, match="deleted workspace"):
        Store.open(workspace_path, create=True)


def test_an_empty_sqlite_file_of_another_program_is_not_adopted(workspace_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(workspace_path)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = digest(workspace_path)
    source = export(tmp_path, "score\n9\n")
    checked = run("check", str(workspace_path))
    assert checked.exit_code == 2 and "not a cxtui workspace" in checked.output
    assert "not a cxtui workspace" in one_line(
        run("nps", "import", str(workspace_path), str(source), "--survey", "S")
    )
    assert digest(workspace_path) == before


def test_a_file_newer_only_by_its_user_version_is_never_written_down(
    workspace_path: Path, tmp_path: Path
) -> None:
    Store.open(workspace_path, create=True).close()
    conn = sqlite3.connect(workspace_path)
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    before = digest(workspace_path)
    source = export(tmp_path, "score\n9\n")
    result = run("nps", "import", str(workspace_path), str(source), "--survey", "S")
    assert result.exit_code != 0 and "read-only" in one_line(result)
    store = Store.open(workspace_path)
    assert store.readonly and store.notice is not None and "newer" in store.notice
    store.close()
    assert digest(workspace_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv", "ws.cxtui"]  # no -wal/-shm


def test_disk_full_is_said_as_such_naming_the_file(workspace_path: Path) -> None:
    store = Store.open(workspace_path, create=True)
    store.conn.execute("PRAGMA max_page_count = 40")  # the disk fills after a few pages
    from cxtui.nps.models import DetectedColumns, ParsedFile, ParsedResponse

    parsed = ParsedFile(
        "big.csv", "9" * 64, "utf-8", "plain", DetectedColumns("score"), ["score"],
        [ParsedResponse(i, 9, "comment " * 20) for i in range(5000)],
    )  # fmt: skip
    with pytest.raises(WorkspaceError) as caught:
        nps.import_parsed(store, "Big", parsed)
    assert caught.value.message.startswith("Disk full") and str(workspace_path) in caught.value.message
    assert store.conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 0
    store.close()


def test_creating_on_a_full_disk_names_the_users_file(
    workspace_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxtui.db import workspace

    real_prepare = workspace._prepare

    def full(conn: sqlite3.Connection, *args: object, **kwargs: object) -> object:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(workspace, "_prepare", full)
    monkeypatch.setattr(workspace, "disk_full", lambda path: True)
    with pytest.raises(WorkspaceError) as caught:
        Store.open(workspace_path, create=True)
    assert (
        caught.value.message
        == f"Disk full: cannot write {workspace_path} (nothing was changed; free some space and try again)"
    )
    assert not workspace_path.exists() and list(workspace_path.parent.iterdir()) == []
    monkeypatch.setattr(workspace, "_prepare", real_prepare)


def _limited(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG, as on a full disk


def test_report_output_on_a_full_disk_keeps_the_old_report(workspace_path: Path, tmp_path: Path) -> None:
    store = Store.open(workspace_path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    for i in range(40):
        okr.save_objective(store, Objective(period_id=period.id, title=f"Objective number {i} " * 3))
    store.close()
    out = tmp_path / "report.md"
    out.write_text("the old report\n")
    result = subprocess.run(
        [sys.executable, "-m", "screens.launch", "report", str(workspace_path), "--output", str(out)],
        capture_output=True, text=True, preexec_fn=lambda: _limited(2048), timeout=60,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("cxtui: Disk full") and "Traceback" not in result.stderr
    assert out.read_text() == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "ws.cxtui"]


def test_an_import_waits_for_another_programs_write_then_runs(workspace_path: Path, tmp_path: Path) -> None:
    Store.open(workspace_path, create=True).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN IMMEDIATE');"
         "print('locked', flush=True); time.sleep(2); c.rollback()", str(workspace_path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    source = export(tmp_path, "score\n9\n10\n")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "screens.launch", "nps", "import", str(workspace_path), str(source), "--survey", "S"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    holder.wait()
    assert result.returncode == 0, result.stderr
    assert "Waiting for" in result.stderr and "imported 2" in result.stdout
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("survey", ["9999-12-31..9999-12-31", "0001-01-01..2026-01-01"])
def test_a_date_argument_outside_1900_2100_is_one_line(workspace_path: Path, survey: str) -> None:
    store = Store.open(workspace_path, create=True)
    nps.add_manual_scores(store, "Paper", [9, 3])
    store.close()
    for by in ("week", "month", "quarter"):
        message = one_line(run("nps", "show", str(workspace_path), "--survey", survey, "--by", by))
        assert "1900-01-01 to 2100-12-31" in message


def test_file_names_with_escape_sequences_are_printed_as_text(tmp_path: Path) -> None:
    workspace = tmp_path / "w\x1b]0;PWNED\x07.cxtui"
    source = export(tmp_path, "score\n9\n", "s\x1b]0;X\x07.csv")  # click strips CSI, not OSC
    result = run("nps", "import", str(workspace), str(source), "--survey", "S")
    assert result.exit_code == 0, result.output
    assert "created" in result.stderr and "s]0;X.csv" in result.stdout
    assert not any(ch in result.stdout + result.stderr for ch in ESCAPES)


def test_a_fifo_as_the_workspace_is_one_line_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.cxtui"
    os.mkfifo(fifo)
    source = export(tmp_path, "score\n9\n")
    for args in (["check"], ["nps", "show"], ["kpi", "show"], ["nps", "import"]):
        extra = [str(source), "--survey", "S"] if args[-1] == "import" else []
        done = subprocess.run(
            [sys.executable, "-m", "screens.launch", *args, str(fifo), *extra],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode != 0 and "not a regular file" in done.stdout + done.stderr, args
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_every_importer_rejects_dates_outside_1900_2100_with_the_range(tmp_path: Path, day: str) -> None:
    ws = tmp_path / "ws.cxtui"
    cases = [
        (["kpi", "import", str(ws)], f"date,kpi,value\n2026-11-02,Walk-aways,5\n{day},Walk-aways,4\n"),
        (["rox", "import", str(ws)], f"date,name,came by name,outcome\n2026-11-02,A,yes,won\n{day},B,no,open\n"),
        (["loyalty", "import", str(ws)], f"month,referrals\n2026-10,3\n{day[:7]},4\n"),
    ]  # fmt: skip
    for args, text in cases:
        result = run(*args, str(export(tmp_path, text, f"{args[0]}.csv")), *(
            ["--create-missing"] if args[0] == "kpi" else []))  # fmt: skip
        assert "Traceback" not in result.output
        assert "1900-01-01 to 2100-12-31" in result.stdout, (args, result.stdout)
    for args in (["rox", "show"], ["loyalty", "show"], ["report"]):  # nothing out of range stored
        assert run(*args, str(ws)).exit_code == 0


def test_answers_stored_with_dates_at_the_edges_do_not_break_the_trend(tmp_path: Path) -> None:
    # An older cxtui accepted them: the trend leaves them out instead of overflowing.
    ws = tmp_path / "ws.cxtui"
    with Store.open(ws, create=True) as store:
        nps.add_manual_scores(store, "Paper", [9, 3])
    conn = sqlite3.connect(ws)
    conn.execute("UPDATE responses SET answered_at = '9999-12-31T00:00:00' WHERE score = 9")
    conn.execute("UPDATE responses SET answered_at = '0001-01-01T00:00:00' WHERE score = 3")
    conn.commit()
    conn.close()
    for grain in ("week", "month", "quarter"):
        result = run("nps", "show", str(ws), "--by", grain)
        assert result.exit_code == 0 and "Traceback" not in result.output and len(result.stdout) < 5000


def test_kpi_commands_check_the_source_and_arguments_before_creating_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "new.cxtui"
    one_line(run("kpi", "import", str(missing), str(export(tmp_path, "", "empty.csv"))))
    one_line(run("kpi", "record", str(missing), "Nope", "3"))
    one_line(run("evidence", "add", str(missing), "   "))
    one_line(run("evidence", "add", str(missing), "A phrase", "--kpi", "Nope"))
    assert not missing.exists() and sorted(os.listdir(tmp_path)) == ["empty.csv"]

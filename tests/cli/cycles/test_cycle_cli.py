"""`cxtui cycle list`: every cycle with its KPIs before → after, as a table or as DESIGN.md's JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cxtui.cycles import repo
from cxtui.cycles.models import Cycle
from cxtui.db.store import Store
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Direction, Kpi, KpiValue

D = date.fromisoformat


def cxtui(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screens.launch", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )


@pytest.fixture
def workspace(workspace_path: Path) -> Path:
    store = Store.open(workspace_path, create=True)
    walkaways = kpis.save_kpi(
        store, Kpi(name="Walk-aways", layer="behaviour", unit="people", direction=Direction.LOWER)
    )
    for day, value in (("2026-10-05", 42), ("2026-10-18", 26)):
        kpis.record_value(store, KpiValue(kpi_id=walkaways.id, date=D(day), value=value))
    cycle = repo.save_cycle(
        store,
        Cycle(
            title="Pre-ordering\x1b[31m",
            start=D("2026-10-05"),
            end=D("2026-10-18"),
            hypothesis="h",
            change="c",
        ),
        [walkaways.id],
    )
    repo.review_cycle(store, cycle.id, "Walk-aways fell from 42 to 26", "Move the shelf")
    repo.save_cycle(store, Cycle(title="Overdue", start=D("2026-11-01"), end=D("2026-11-14")))
    store.close()
    return workspace_path


def test_json_has_designs_keys_and_exact_values(workspace: Path) -> None:
    result = cxtui("cycle", "list", str(workspace), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    first, second = data["cycles"]
    design = {"id", "title", "state", "start", "end", "hypothesis", "change", "kpis", "learning", "next_step"}
    assert design <= set(first)
    assert (first["state"], first["start"], first["end"]) == ("reviewed", "2026-10-05", "2026-10-18")
    [kpi] = first["kpis"]
    assert {"name", "before", "after"} <= set(kpi)
    assert (kpi["name"], kpi["before"], kpi["after"], kpi["change"], kpi["verdict"]) == (
        "Walk-aways",
        42,
        26,
        -16,
        "better",
    )
    assert first["learning"] == "Walk-aways fell from 42 to 26" and first["next_step"] == "Move the shelf"
    assert second["overdue"] is True and second["state"] == "planned"


def test_table_reads_in_a_terminal_without_control_characters(workspace: Path) -> None:
    result = cxtui("cycle", "list", str(workspace))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "Walk-aways: 42 people → 26 people (-16, better)" in result.stdout
    assert "⚑" in result.stdout  # the overdue cycle is flagged with a shape, not a colour


def test_japanese_and_empty_and_missing(workspace_path: Path, tmp_path: Path) -> None:
    Store.open(workspace_path, create=True).close()
    assert (
        cxtui("cycle", "list", str(workspace_path), "--lang", "ja").stdout.strip()
        == "学習サイクルはまだありません。"
    )
    assert json.loads(cxtui("cycle", "list", str(workspace_path), "--json").stdout) == {"cycles": []}
    missing = cxtui("cycle", "list", str(tmp_path / "nope.cxtui"))
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1 and "Traceback" not in missing.stderr

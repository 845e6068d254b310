"""`cxtui report`: exact figures in JSON, a frozen JSON shape, Markdown, escaped HTML, Japanese."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cxtui.db.store import Store
from cxtui.format import display_width
from cxtui.i18n import set_language
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, Confidence, KeyResult, KRKind, Objective, Period
from cxtui.report import render_report

# conftest fixes today at 2026-11-22: day 53 of the 92 days of 2026 Q4.
EXPECTED_TODAY = 53 / 92
SCRIPT_TITLE = "<script>alert('x')</script> & friends"


def cxtui(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screens.launch", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )


def _kr(
    store: Store, objective: Objective, title: str, kind: KRKind, start: float, target: float, **kw: Any
) -> KeyResult:
    return okr.save_key_result(
        store, KeyResult(objective_id=objective.id, title=title, kind=kind, start=start, target=target, **kw)
    )


def _checkin(
    store: Store, kr: KeyResult, day: str, value: float, conf: Confidence = Confidence.on_track
) -> None:
    okr_checkins.record_checkin(
        store, CheckIn(kr_id=kr.id, date=date.fromisoformat(day), value=value, confidence=conf)
    )


@pytest.fixture
def workspace(workspace_path: Path) -> Path:
    store = Store.open(workspace_path, create=True)
    q3 = okr_periods.add_period(store, Period(name="2026 Q3", start=date(2026, 7, 1), end=date(2026, 9, 30)))
    q4 = okr_periods.add_period(
        store, Period(name="2026 Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))
    )
    okr.save_objective(store, Objective(period_id=q3.id, title="Last quarter's objective"))

    company = okr.save_objective(store, Objective(period_id=q4.id, title="Keep customers", owner="Kenta"))
    churn = _kr(store, company, "Cut churn", KRKind.decrease, 8, 3, unit="%", weight=2)
    support = _kr(store, company, "Cut support time", KRKind.decrease, 48, 12, unit="h")
    csat = _kr(store, company, "Raise satisfaction", KRKind.increase, 68, 90, unit="%")
    _checkin(store, churn, "2026-11-01", 6.0, Confidence.off_track)
    _checkin(store, churn, "2026-11-20", 4.5, Confidence.at_risk)
    _checkin(store, support, "2026-11-20", 15)
    _checkin(store, csat, "2026-11-20", 75, Confidence.off_track)

    sales = okr.save_objective(
        store, Objective(period_id=q4.id, parent_id=company.id, title="Sales aligned", rollup=True)
    )
    launch = _kr(store, sales, "Launch referral programme", KRKind.milestone, 0, 1)
    _checkin(store, launch, "2026-11-10", 1)
    over = _kr(store, sales, "New referrals", KRKind.increase, 0, 10, unit="/month")
    _checkin(store, over, "2026-11-15", 13)
    guard = _kr(store, sales, "Downtime", KRKind.stay_below, 3, 1, unit="h")
    _checkin(store, guard, "2026-11-15", 1)

    team = okr.save_objective(store, Objective(period_id=q4.id, parent_id=sales.id, title="Team with no KRs"))
    assert team.parent_id == sales.id
    busy = okr.save_objective(store, Objective(period_id=q4.id, title=SCRIPT_TITLE))
    for i in range(6):
        _kr(store, busy, f"Busy KR {i} | <b>", KRKind.increase, 0, 10)
    store.close()
    return workspace_path


def report_json(path: Path, *extra: str) -> dict[str, Any]:
    result = cxtui("report", "--format", "json", str(path), *extra)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# -- JSON: exact figures ------------------------------------------------------------------------------


def test_json_figures(workspace: Path) -> None:
    data = report_json(workspace)
    assert data["cxtui_report"] == 1
    assert data["generated"] == "2026-11-22"
    assert data["workspace"] == workspace.name
    assert data["language"] == "en"
    period = data["period"]
    assert (period["name"], period["start"], period["end"]) == ("2026 Q4", "2026-10-01", "2026-12-31")
    assert period["expected_progress"] == pytest.approx(EXPECTED_TODAY)

    objectives = data["okr"]["objectives"]
    # Tree order: each parent before its aligned children, depth-first.
    assert [(o["title"], o["depth"]) for o in objectives] == [
        ("Keep customers", 0),
        ("Sales aligned", 1),
        ("Team with no KRs", 2),
        (SCRIPT_TITLE, 0),
    ]
    company, sales, team, busy = objectives
    assert company["parent_id"] is None
    assert sales["parent_id"] == company["id"]
    assert team["parent_id"] == sales["id"]

    churn, support, csat = company["key_results"]
    assert churn["kind"] == "decrease" and churn["unit"] == "%"
    assert (churn["start"], churn["target"], churn["current"]) == (8, 3, 4.5)
    assert churn["raw_progress"] == pytest.approx(0.7)
    assert churn["progress"] == pytest.approx(0.7)
    assert churn["band"] == "green"
    assert churn["confidence"] == "at_risk"  # of the latest check-in
    assert churn["last_checkin"] == "2026-11-20"
    assert churn["weight"] == 2
    assert churn["behind"] is False
    assert churn["expected_progress"] == pytest.approx(EXPECTED_TODAY)
    assert support["progress"] == pytest.approx(33 / 36)
    assert support["band"] == "green"
    assert csat["progress"] == pytest.approx(7 / 22)
    assert csat["band"] == "red"
    assert csat["behind"] is True

    weighted = (2 * 0.7 + 33 / 36 + 7 / 22) / 4
    assert company["progress"] == pytest.approx(weighted)
    assert company["band"] == "amber"
    assert company["behind"] is False
    assert company["too_many_krs"] is False
    assert company["rollup"] is False

    launch, referrals, downtime = sales["key_results"]
    assert launch["kind"] == "milestone" and launch["progress"] == 1.0
    assert referrals["raw_progress"] == pytest.approx(1.3)  # unclamped
    assert referrals["progress"] == 1.0  # clamped
    assert downtime["kind"] == "stay_below" and downtime["progress"] == 1.0  # reaching it counts
    assert sales["progress"] == pytest.approx(1.0)
    assert sales["band"] == "green"

    assert team["key_results"] == []
    assert team["progress"] is None and team["band"] is None and team["behind"] is False

    assert busy["too_many_krs"] is True
    assert len(busy["key_results"]) == 6
    assert busy["progress"] == 0.0 and busy["band"] == "red"
    assert all(kr["current"] == 0 and kr["confidence"] is None for kr in busy["key_results"])
    assert all(kr["last_checkin"] is None for kr in busy["key_results"])

    assert "(current − start)/(target − start)".replace("/", " / ") in data["okr"]["formula"]
    assert "NexBridge" not in data["okr"]["formula"]  # the demo's note, not every workspace's


def test_json_shape_is_frozen(workspace: Path) -> None:
    """Later versions may ADD keys and sections; this list changes only by adding to it."""
    data = report_json(workspace)
    assert {
        "cxtui_report",
        "generated",
        "language",
        "workspace",
        "period",
        "okr",
        "loyalty",
        "rox",
        "nps",
        "cycles",
        "reviews",
        "kpis",
        "evidence",
        "definitions",
    } <= set(data)
    assert set(data["period"]) == {"id", "name", "start", "end", "expected_progress"}
    assert set(data["okr"]) == {"formula", "objectives"}
    objective_keys = {
        "id", "parent_id", "depth", "title", "owner", "rollup", "progress", "band",
        "expected_progress", "behind", "too_many_krs", "key_results",
    }  # fmt: skip
    kr_keys = {
        "id", "title", "kind", "unit", "start", "target", "current", "raw_progress", "progress",
        "expected_progress", "behind", "confidence", "band", "weight", "owner", "last_checkin",
        "note", "blocker",
    }  # fmt: skip
    for objective in data["okr"]["objectives"]:
        assert set(objective) == objective_keys
        for kr in objective["key_results"]:
            assert set(kr) == kr_keys


def test_json_is_stable_between_runs(workspace: Path) -> None:
    files = sorted(workspace.parent.iterdir())
    first = cxtui("report", "--format", "json", str(workspace)).stdout
    second = cxtui("report", "--format", "json", str(workspace)).stdout
    assert first == second
    assert sorted(workspace.parent.iterdir()) == files  # reading leaves no -wal/-shm behind


def test_period_option_and_default(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = report_json(workspace, "--period", "2026 Q3")
    assert data["period"]["name"] == "2026 Q3"
    assert data["period"]["expected_progress"] == 1.0
    assert [o["title"] for o in data["okr"]["objectives"]] == ["Last quarter's objective"]

    # No period contains today: the latest one that has started.
    monkeypatch.setenv("CXTUI_TODAY", "2027-02-01")
    assert report_json(workspace)["period"]["name"] == "2026 Q4"
    # None has started yet: the first one.
    monkeypatch.setenv("CXTUI_TODAY", "2026-01-01")
    assert report_json(workspace)["period"]["name"] == "2026 Q3"


def test_unknown_period_is_one_line_exit_2(workspace: Path) -> None:
    result = cxtui("report", str(workspace), "--period", "1999 Q1")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "1999 Q1" in lines[0] and "2026 Q3" in lines[0] and "Traceback" not in result.stderr


def test_empty_workspace(workspace_path: Path) -> None:
    Store.open(workspace_path, create=True).close()
    data = report_json(workspace_path)
    assert data["period"] is None
    assert data["okr"]["objectives"] == []
    result = cxtui("report", str(workspace_path))
    assert result.returncode == 0
    assert "no periods" in result.stdout


# -- Markdown --------------------------------------------------------------------------------------


def test_markdown(workspace: Path) -> None:
    result = cxtui("report", str(workspace))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Weekly report: 2026 Q4")
    for expected in (
        "Keep customers",
        "Sales aligned",
        "Cut churn",
        "Cut support time",
        "100% (raw 130%)",
        "8%",
        "4.5%",
        "48 h",
        "15 h",
        "13/month",
        "decrease",
        "amber",
        "at risk",
        "expected progress is linear over the period",
        "3 to 5 are advised",
    ):
        assert expected in text, expected
    assert "NexBridge" not in text
    cells = {c.strip() for line in text.splitlines() if line.startswith("|") for c in line.split(" | ")}
    assert {"70%", "92%", "32%", "66%"} <= cells  # churn, support (91.7 %), satisfaction, objective
    assert "<script>" not in text and "<b>" not in text
    assert "Busy KR 0 \\| \\<b\\>" in text  # a pipe in a title cannot break the table


def test_markdown_tables_are_aligned(workspace: Path) -> None:
    set_language("ja")
    store = Store.snapshot(workspace)
    try:
        text = render_report(store, "markdown")
    finally:
        store.close()
    tables: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            if not tables or not tables[-1]:
                tables.append([])
            tables[-1].append(line)
        elif tables and tables[-1]:
            tables.append([])
    tables = [t for t in tables if t]
    assert len(tables) >= 4
    for table in tables:
        assert len({display_width(line) for line in table}) == 1, "\n".join(table)


# -- HTML ------------------------------------------------------------------------------------------


def test_html_escapes_everything(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = cxtui("report", str(workspace), "--format", "html", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert str(out) in result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; friends" in page
    assert "<b>" not in page and "&lt;b&gt;" in page
    assert "Keep customers" in page and "70%" in page
    assert "http://" not in page and "https://" not in page  # self-contained
    assert page.count("<table>") == page.count("</table>") >= 4


def test_output_to_a_missing_folder_is_one_line(workspace: Path, tmp_path: Path) -> None:
    result = cxtui("report", str(workspace), "--output", str(tmp_path / "no" / "such" / "r.md"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


# -- Japanese --------------------------------------------------------------------------------------


def test_japanese_report(workspace: Path) -> None:
    result = cxtui("report", "--lang", "ja", str(workspace))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("# 週次レポート: 2026 Q4")
    for expected in (
        "減らす",
        "主要な成果",
        "要注意",
        "黄",
        "補正前 130%",
        "想定進捗は期間に対して直線的に増えます",
    ):
        assert expected in text, expected
    data = report_json(workspace, "--lang", "ja")
    assert data["language"] == "ja"
    assert "進捗" in data["okr"]["formula"]
    assert data["okr"]["objectives"][0]["key_results"][0]["kind"] == "decrease"  # codes never translated


def test_japanese_from_the_locale(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    result = cxtui("report", str(workspace), "--format", "html")
    assert result.returncode == 0
    assert '<html lang="ja">' in result.stdout and "週次レポート" in result.stdout


def test_unknown_format_in_process(workspace: Path) -> None:
    from cxtui.errors import InputError

    store = Store.snapshot(workspace)
    try:
        with pytest.raises(InputError):
            render_report(store, "pdf")
    finally:
        store.close()

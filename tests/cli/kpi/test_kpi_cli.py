"""`cxtui kpi import / record / show` and `cxtui evidence add / list`: exit codes, JSON, one-line errors,
and the KPI sections of `cxtui report`."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result

from cxtui.cli import cli
from cxtui.db.store import Store
from cxtui.kpi import repo
from cxtui.kpi.models import Direction, Evidence, Kpi, KpiValue
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, KeyResult, Objective

SHOW_KEYS = {"id", "name", "layer", "unit", "direction", "target", "cadence", "focus", "kr_id", "latest",
             "previous", "change", "due", "values"}  # fmt: skip


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_error_line(result: Result) -> str:
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cxtui: ")
    return lines[0]


def _workspace(path: Path) -> dict[str, str]:
    store = Store.open(path, create=True)
    walk = repo.save_kpi(
        store, Kpi(name="Walk-aways", layer="behaviour", direction=Direction.LOWER, target=15, unit="人")
    )
    repo.record_value(store, KpiValue(kpi_id=walk.id, date=date(2026, 11, 9), value=18))
    period = okr_periods.add_period(store, okr_quarters.quarter_of(date(2026, 11, 22)))
    objective = okr.save_objective(store, Objective(period_id=period.id, title="Customers"))
    kr = okr.save_key_result(
        store, KeyResult(objective_id=objective.id, title="Onboarding to 95%", start=70, target=95)
    )
    onboarding = repo.save_kpi(store, Kpi(name="Onboarding", layer="action", kr_id=kr.id, unit="%"))
    store.close()
    return {"walk": walk.id, "kr": kr.id, "onboarding": onboarding.id}


def test_import_long_file_reports_every_rejected_line(tmp_path: Path) -> None:
    ws = tmp_path / "ws.cxtui"
    _workspace(ws)
    source = tmp_path / "values.csv"
    with source.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(
            [["日付", "指標", "値"], ["2026-11-16", "Walk-aways", "16人"], ["2026-11-16", "Nobody", "3"],
             ["2026-11-09", "Walk-aways", "17"], ["", "", ""]]
        )  # fmt: skip
    rejects = tmp_path / "rejects.csv"
    result = run("kpi", "import", str(ws), str(source), "--rejects", str(rejects))
    assert result.exit_code == 0, result.output
    assert "Imported 1 values into 1 KPIs; 1 rows skipped (blank), 2 rejected" in result.stdout
    assert "line 3: no KPI named “Nobody”" in result.stdout
    assert "line 4: “Walk-aways” already has a value on 2026-11-09 (18.0)" in result.stdout
    saved = list(csv.reader(rejects.open(encoding="utf-8-sig")))
    assert [row[0] for row in saved[1:]] == ["3", "4"]
    again = run("kpi", "import", str(ws), str(source))
    assert again.exit_code == 1
    assert "already imported" in one_error_line(again)
    created = run("kpi", "import", str(ws), str(source.with_name("missing.csv")))
    assert created.exit_code == 2 and "not found" in one_error_line(created)


def test_import_create_missing_into_a_new_file_says_it_was_created(tmp_path: Path) -> None:
    ws = tmp_path / "new.cxtui"
    source = tmp_path / "wide.csv"
    source.write_text("date,Repeat,Walk-aways\n2026-11-09,44%,18\n", encoding="utf-8")
    result = run("kpi", "import", str(ws), str(source), "--create-missing", "--layer", "ltv")
    assert result.exit_code == 0
    assert "Created" in result.stderr or "created" in result.stderr.lower()
    assert "Created KPIs: Repeat, Walk-aways" in result.stdout
    with Store.open(ws) as store:
        assert {k.layer for k in repo.kpis(store)} == {"ltv"}


def test_record_refuses_a_second_value_for_the_day_unless_replace(tmp_path: Path) -> None:
    ws = tmp_path / "ws.cxtui"
    ids = _workspace(ws)
    first = run("kpi", "record", str(ws), "walk-aways", "１６", "--date", "2026-11-16")
    assert first.exit_code == 0
    assert (
        "Walk-aways: 16 人 on 2026-11-16" in first.stdout and "previous: 18 人 on 2026-11-09" in first.stdout
    )
    second = run("kpi", "record", str(ws), "Walk-aways", "15", "--date", "2026-11-16")
    assert second.exit_code == 1 and "already a value on 2026-11-16" in one_error_line(second)
    replaced = run("kpi", "record", str(ws), "Walk-aways", "15", "--date", "2026-11-16", "--replace")
    assert replaced.exit_code == 0
    bad = run("kpi", "record", str(ws), "Walk-aways", "lots")
    assert bad.exit_code == 2 and "Value" in one_error_line(bad)
    unknown = run("kpi", "record", str(ws), "Nope", "1")
    assert unknown.exit_code == 2 and "Walk-aways" in one_error_line(unknown)
    with Store.open(ws) as store:
        assert [v.value for v in repo.values(store, ids["walk"])] == [18, 15]


def test_record_with_checkin_writes_the_kr_too(tmp_path: Path) -> None:
    ws = tmp_path / "ws.cxtui"
    ids = _workspace(ws)
    result = run("kpi", "record", str(ws), "Onboarding", "88%", "--date", "2026-11-20", "--checkin")
    assert result.exit_code == 0 and "Onboarding to 95%" in result.stdout
    with Store.open(ws) as store:
        [checkin] = okr_checkins.checkins(store, ids["kr"])
        assert (checkin.date, checkin.value) == (date(2026, 11, 20), 88)
    unlinked = run("kpi", "record", str(ws), "Walk-aways", "14", "--date", "2026-11-20", "--checkin")
    assert unlinked.exit_code == 2 and "not linked" in one_error_line(unlinked)
    with Store.open(ws) as store:
        assert not [v for v in repo.values(store, ids["walk"]) if v.date == date(2026, 11, 20)]
        okr_checkins.record_checkin(store, CheckIn(kr_id=ids["kr"], date=date(2026, 11, 21), value=89))
    # The KR has a check-in that day: refused, and the KPI value is not saved either (one action).
    again = run("kpi", "record", str(ws), "Onboarding", "90", "--date", "2026-11-21", "--checkin")
    assert again.exit_code == 2 and "2026-11-21" in one_error_line(again)
    with Store.open(ws) as store:
        assert [v.value for v in repo.values(store, ids["onboarding"])] == [88]
    replaced = run(
        "kpi", "record", str(ws), "Onboarding", "90", "--date", "2026-11-21", "--checkin", "--replace"
    )
    assert replaced.exit_code == 0
    with Store.open(ws) as store:
        assert [c.value for c in okr_checkins.checkins(store, ids["kr"])] == [90, 88]
        assert [v.value for v in repo.values(store, ids["onboarding"])] == [88, 90]


def test_show_json_is_the_designed_shape(tmp_path: Path) -> None:
    ws = tmp_path / "ws.cxtui"
    ids = _workspace(ws)
    run("kpi", "record", str(ws), "Walk-aways", "16", "--date", "2026-11-16")
    result = run("kpi", "show", str(ws), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    by_name = {k["name"]: k for k in data["kpis"]}
    walk = by_name["Walk-aways"]
    assert set(walk) >= SHOW_KEYS
    assert walk["id"] == ids["walk"] and walk["layer"] == "behaviour" and walk["direction"] == "lower"
    assert walk["latest"] == {"date": "2026-11-16", "value": 16.0}
    assert walk["previous"] == {"date": "2026-11-09", "value": 18.0}
    assert walk["change"] == -2.0 and walk["due"] is False
    assert by_name["Onboarding"]["kr_id"] == ids["kr"] and by_name["Onboarding"]["latest"] is None
    table = run("kpi", "show", str(ws))
    assert "▼ -2 better" in table.stdout and "Onboarding to 95%" in table.stdout


def test_show_in_japanese_and_on_an_empty_workspace(tmp_path: Path) -> None:
    ws = tmp_path / "ws.cxtui"
    _workspace(ws)
    run("kpi", "record", str(ws), "Walk-aways", "16", "--date", "2026-11-16")
    result = run("--lang", "ja", "kpi", "show", str(ws))
    assert "▼ -2 改善" in result.stdout and "行動" in result.stdout
    empty = tmp_path / "empty.cxtui"
    Store.open(empty, create=True).close()
    assert json.loads(run("kpi", "show", str(empty), "--json").stdout)["kpis"] == []
    assert "No KPIs yet." in run("kpi", "show", str(empty)).stdout


def test_evidence_add_and_list(tmp_path: Path) -> None:
    ws = tmp_path / "ws.cxtui"
    ids = _workspace(ws)
    result = run("evidence", "add", str(ws), "それなら安心", "--scene", "説明後、比較の話が消えた",
                 "--next", "冒頭の順番を変える", "--kind", "conversation", "--kpi", "walk-aways",
                 "--date", "2026-11-20")  # fmt: skip
    assert result.exit_code == 0 and "それなら安心" in result.stdout
    with Store.open(ws) as store:
        [item] = repo.evidence(store)
        assert (item.quote, item.scene, item.next_step, item.kpi_id) == (
            "それなら安心", "説明後、比較の話が消えた", "冒頭の順番を変える", ids["walk"]
        )  # fmt: skip
    empty = run("evidence", "add", str(ws), "   ")
    assert empty.exit_code == 2 and "Phrase that changed" in one_error_line(empty)
    listed = json.loads(run("evidence", "list", str(ws), "--json", "--search", "安心").stdout)
    assert [e["quote"] for e in listed["evidence"]] == ["それなら安心"]
    assert listed["evidence"][0]["kpi"] == "Walk-aways"


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    ws = tmp_path / "ws.cxtui"
    _workspace(ws)
    with Store.open(ws) as store:
        repo.save_evidence(store, Evidence(date=date(2026, 11, 20), quote="\x1b[31mred\x1b[0m alert"))
    listed = run("evidence", "list", str(ws))
    assert "\x1b" not in listed.stdout and "[31mred" in listed.stdout


def test_report_has_kpis_evidence_and_definitions(tmp_path: Path) -> None:
    ws = tmp_path / "ws.cxtui"
    ids = _workspace(ws)
    with Store.open(ws) as store:
        repo.set_sheet_field(store, ids["walk"], "definition", "People who left the queue <b>")
        repo.save_evidence(
            store, Evidence(date=date(2026, 11, 20), quote="If it's 15 minutes <again>", kpi_id=ids["walk"])
        )
    data = json.loads(run("report", str(ws), "--format", "json").stdout)
    assert {"kpis", "evidence", "definitions"} <= set(data)
    assert set(data["kpis"]["kpis"][0]) >= SHOW_KEYS
    assert data["kpis"]["layer_model"] == "4" and data["kpis"]["focus_advised"] == 5
    walk = next(k for k in data["kpis"]["kpis"] if k["id"] == ids["walk"])
    assert walk["voice"] == {"date": "2026-11-20", "quote": "If it's 15 minutes <again>"}
    assert set(data["evidence"]) >= {"since", "until", "total", "items"}
    assert set(data["evidence"]["items"][0]) >= {
        "id",
        "date",
        "quote",
        "scene",
        "next_step",
        "kind",
        "kpi_id",
        "kpi",
        "cycle_id",
    }
    definition = next(d for d in data["definitions"]["kpis"] if d["id"] == ids["walk"])
    assert set(definition) >= {"name", "layer", "definition", "how_measured", "formula", "cadence", "owner"}
    # The loyalty/LTV and ROX formulas join the sheet, so every number on the wall means one thing.
    formulas = {f["name"]: f["formula"] for f in data["definitions"]["formulas"]}
    assert formulas["Simple LTV"] == "LTV = average spend × months retained"
    assert formulas["ROX rate"].startswith("ROX rate (%) = favourable deals ÷ deals")
    html = run("report", str(ws), "--format", "html").stdout
    assert "People who left the queue &lt;b&gt;" in html and "queue <b>" not in html
    assert '<section class="a4-sheet">' in html
    # The report prints landscape; only the sheet's named page is portrait (one @page rule per size).
    assert "@page { size: A4 landscape" in html and "@page sheet { size: A4 portrait" in html
    assert "page: sheet" in html and "@page { size: A4;" not in html
    markdown = run("report", str(ws), "--format", "markdown").stdout
    assert "## KPI definitions (one A4 page)" in markdown and "\\<again\\>" in markdown

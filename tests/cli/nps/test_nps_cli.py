"""`cxtui nps import / show / compare / template`: exit codes, exact JSON, tables, one-line errors."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result

from cxtui.cli import cli
from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.format import display_width
from cxtui.nps import repo, surveys
from cxtui.nps.models import DetectedColumns, ParsedFile, ParsedResponse

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "nps"
SHOW_KEYS = [
    "survey",
    "n",
    "promoters",
    "passives",
    "detractors",
    "nps",
    "ci95",
    "ci95_meaningful",
    "rejected",
]


def _exports() -> ModuleType:
    spec = importlib.util.spec_from_file_location("nps_exports", FIXTURES / "exports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["nps_exports"] = module
    spec.loader.exec_module(module)
    return module


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_error_line(result: Result) -> str:
    """The single stderr line of a failed command (and no traceback anywhere)."""
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cxtui: ")
    return lines[0]


def add(store: Store, survey: str, scores: list[int], **columns: list[str] | list[datetime]) -> None:
    responses = [
        ParsedResponse(
            line=i + 2,
            score=s,
            comment=str(columns["comments"][i]) if "comments" in columns else "",
            segment=str(columns["segments"][i]) if "segments" in columns else "",
            answered_at=columns["dates"][i] if "dates" in columns else None,  # type: ignore[arg-type]
        )
        for i, s in enumerate(scores)
    ]
    sha = hashlib.sha256(f"{survey}{scores}".encode()).hexdigest()
    parsed = ParsedFile(
        f"{survey}.csv", sha, "utf-8", "plain", DetectedColumns("score"), ["score"], responses
    )
    repo.import_parsed(store, survey, parsed)


def design(p: int, pa: int, d: int) -> list[int]:
    return [9] * p + [7] * pa + [6] * d


@pytest.fixture
def workspace(workspace_path: Path) -> Path:
    """A workspace with the DESIGN example (before/after) and a Japanese survey with segments."""
    store = Store.open(workspace_path, create=True)
    add(store, "before", design(80, 70, 50))
    add(store, "after", design(110, 60, 30))
    add(store, "渋谷と横浜", [10, 9, 3, 8, 10], segments=["渋谷店", "渋谷店", "横浜店", "横浜店", ""])
    store.close()
    return workspace_path


# -- import ---------------------------------------------------------------------------------------


def test_import_reports_every_row_and_saves_rejects(workspace: Path, tmp_path: Path) -> None:
    source = _exports().google_forms_ja_cp932(tmp_path)
    rejects = tmp_path / "rejects.csv"
    result = run(
        "nps", "import", str(workspace), str(source), "--survey", "店舗アンケート", "--rejects", str(rejects)
    )
    assert result.exit_code == 0, result.output
    assert "imported 7, blank 2, rejected 2" in result.stdout
    assert "  line 7: " in result.stdout and "  line 8: " in result.stdout
    assert 'segment "店舗"' in result.stdout and "cp932" in result.stdout
    assert rejects.read_text(encoding="utf-8-sig").count("\n") == 3
    shown = json.loads(run("nps", "show", str(workspace), "--survey", "店舗アンケート", "--json").stdout)
    assert (shown["n"], shown["rejected"]) == (7, 2)


def test_importing_the_same_file_twice_is_exit_1_and_changes_nothing(workspace: Path, tmp_path: Path) -> None:
    source = _exports().google_forms_ja_cp932(tmp_path)
    assert run("nps", "import", str(workspace), str(source), "--survey", "S").exit_code == 0
    before = json.loads(run("nps", "show", str(workspace), "--json").stdout)
    again = run("nps", "import", str(workspace), str(source), "--survey", "S")
    assert again.exit_code == 1
    assert "already imported" in one_error_line(again)
    assert json.loads(run("nps", "show", str(workspace), "--json").stdout) == before


def test_two_stores_answers_of_the_same_day_and_score_import_but_the_same_export_does_not(
    workspace: Path, tmp_path: Path
) -> None:
    # Dates without a time: line 2 of each file is a different person, with the same day and score.
    shibuya = tmp_path / "shibuya.csv"
    shibuya.write_text("date,score\n2026-03-04,9\n2026-03-05,10\n", encoding="utf-8")
    yokohama = tmp_path / "yokohama.csv"
    yokohama.write_text("date,score\n2026-03-04,9\n2026-03-06,7\n", encoding="utf-8")
    assert run("nps", "import", str(workspace), str(shibuya), "--survey", "Shibuya").exit_code == 0
    second = run("nps", "import", str(workspace), str(yokohama), "--survey", "Yokohama")
    assert second.exit_code == 0, second.output
    assert "imported 2, blank 0, rejected 0" in second.stdout and "not imported again" not in second.stdout
    shown = json.loads(run("nps", "show", str(workspace), "--survey", "Yokohama", "--json").stdout)
    assert shown["n"] == 2
    # One 16-answer export imported as three surveys is still 16 answers, not 48: the same file is
    # refused, and so is the same export saved again (other bytes, the same answers).
    rows = "".join(f"2026-04-{1 + i // 4:02d},{(10, 9, 7, 2)[i % 4]}\n" for i in range(16))
    export = tmp_path / "april.csv"
    export.write_text("date,score\n" + rows, encoding="utf-8")
    resaved = tmp_path / "april (2).csv"
    resaved.write_text("date,score\r\n" + rows.replace("\n", "\r\n"), encoding="utf-8")
    assert run("nps", "import", str(workspace), str(export), "--survey", "April A").exit_code == 0
    again = run("nps", "import", str(workspace), str(export), "--survey", "April B")
    assert again.exit_code == 1 and "already imported" in one_error_line(again)
    saved_again = run("nps", "import", str(workspace), str(resaved), "--survey", "April C")
    assert saved_again.exit_code == 1 and '"April A"' in one_error_line(saved_again)
    april = json.loads(run("nps", "show", str(workspace), "--json").stdout)
    assert sum(s["n"] for s in april if s["survey"].startswith("April")) == 16


def test_date_format_reads_ambiguous_dates_and_the_summary_says_which_order(
    workspace: Path, tmp_path: Path
) -> None:
    source = tmp_path / "paper.csv"
    source.write_text("date,score\n03/04/2026,9\n05/06/2026,10\n", encoding="utf-8")
    asked = run("nps", "import", str(workspace), str(source), "--survey", "S")
    assert asked.exit_code == 2 and "--date-format" in one_error_line(asked)
    dmy = run("nps", "import", str(workspace), str(source), "--survey", "S", "--date-format", "dmy")
    assert dmy.exit_code == 0, dmy.output
    assert "  dates read as day/month/year (--date-format)\n" in dmy.stdout
    shown = run("nps", "show", str(workspace)).stdout
    assert "2026-04-03 – 2026-06-05" in shown  # 3 April and 5 June
    bad = run("nps", "import", str(workspace), str(source), "--survey", "T", "--date-format", "ymd")
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    # A row whose first number is above 12 settles the order, and the summary says so.
    settled = tmp_path / "settled.csv"
    settled.write_text("date,score\n03/04/2026,9\n13/04/2026,10\n", encoding="utf-8")
    by_file = run("nps", "import", str(workspace), str(settled), "--survey", "U", "--lang", "ja")
    assert by_file.exit_code == 0, by_file.output
    assert "  日付は 日/月/年 として読みました(ファイル内の行から判断)\n" in by_file.stdout
    mdy_source = tmp_path / "us.csv"
    mdy_source.write_text("date,score\n03/04/2026,9\n", encoding="utf-8")
    mdy = run("nps", "import", str(workspace), str(mdy_source), "--survey", "V", "--date-format", "mdy")
    assert "  dates read as month/day/year (--date-format)\n" in mdy.stdout
    data = json.loads(run("nps", "show", str(workspace), "--by", "month", "--survey", "V", "--json").stdout)
    assert [p["period"] for p in data if p["n"]] == ["2026-03"]


def test_import_creates_a_missing_workspace_and_says_so(tmp_path: Path) -> None:
    source = _exports().google_forms_ja_cp932(tmp_path)
    missing = tmp_path / "new.cxtui"
    result = run("nps", "import", str(missing), str(source), "--survey", "S")
    assert result.exit_code == 0
    assert f"created {missing}" in result.stderr
    shown = json.loads(run("nps", "show", str(missing), "--survey", "S", "--json").stdout)
    assert shown["n"] > 0


def test_import_of_a_missing_or_bad_source_is_exit_2(workspace: Path, tmp_path: Path) -> None:
    result = run("nps", "import", str(workspace), str(tmp_path / "nope.csv"), "--survey", "S")
    assert result.exit_code == 2 and "nope.csv" in one_error_line(result)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = run("nps", "import", str(workspace), str(empty), "--survey", "S")
    assert result.exit_code == 2
    one_error_line(result)
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(256)) * 20)
    assert run("nps", "import", str(workspace), str(garbage), "--survey", "S").exit_code == 2


def test_import_with_a_named_score_column_that_does_not_exist(workspace: Path, tmp_path: Path) -> None:
    source = _exports().google_forms_ja_cp932(tmp_path)
    result = run("nps", "import", str(workspace), str(source), "--survey", "S", "--score-column", "Nope")
    assert result.exit_code == 2
    one_error_line(result)


# -- show -----------------------------------------------------------------------------------------


def test_show_json_one_survey_is_exactly_design(workspace: Path) -> None:
    result = run("nps", "show", str(workspace), "--survey", "before", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == SHOW_KEYS
    assert data["survey"] == "before"
    assert (data["n"], data["promoters"], data["passives"], data["detractors"]) == (200, 80, 70, 50)
    assert data["nps"] == 15.0 and data["rejected"] == 0
    lo, hi = data["ci95"]
    assert -100 <= lo < 15 < hi <= 100


def test_show_json_without_survey_is_a_list(workspace: Path) -> None:
    data = json.loads(run("nps", "show", str(workspace), "--json").stdout)
    assert isinstance(data, list) and [d["survey"] for d in data] == ["after", "before", "渋谷と横浜"]
    assert all(list(d) == SHOW_KEYS for d in data)


def test_show_by_segment_gives_one_entry_per_segment_value(workspace: Path) -> None:
    data = json.loads(
        run("nps", "show", str(workspace), "--survey", "渋谷と横浜", "--by", "segment", "--json").stdout
    )
    assert [(d["survey"], d["segment"], d["n"]) for d in data] == [
        ("渋谷と横浜", "", 1),
        ("渋谷と横浜", "横浜店", 2),
        ("渋谷と横浜", "渋谷店", 2),
    ]
    assert list(data[0]) == ["survey", "segment", *SHOW_KEYS[1:]]


def test_show_by_month_and_unknown_by(workspace: Path) -> None:
    store = Store.open(workspace)
    add(store, "dated", [10, 3, 9], dates=[datetime(2026, 1, 5), datetime(2026, 3, 1), datetime(2026, 3, 9)])
    store.close()
    data = json.loads(
        run("nps", "show", str(workspace), "--survey", "dated", "--by", "month", "--json").stdout
    )
    assert [(d["period"], d["n"]) for d in data] == [("2026-01", 1), ("2026-02", 0), ("2026-03", 2)]
    bad = run("nps", "show", str(workspace), "--by", "weather")
    assert bad.exit_code == 2 and "weather" in one_error_line(bad)


def test_show_table_aligns_japanese_and_flags_small_samples(workspace: Path) -> None:
    result = run("--lang", "ja", "nps", "show", str(workspace))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    table = [line for line in lines if not line.startswith("*")]
    assert table[0].startswith("アンケート")
    # The last column is right-aligned, so every line of the table is exactly as wide.
    assert len({display_width(line) for line in table}) == 1, lines
    assert any(line.startswith("* ") for line in lines)  # 渋谷と横浜 has 5 answers
    english = run("nps", "show", str(workspace), "--lang", "en").stdout
    assert english.startswith("survey") and "95 % interval" in english


def test_show_unknown_survey_is_exit_2_one_line(workspace: Path) -> None:
    result = run("nps", "show", str(workspace), "--survey", "nope")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert '"nope"' in line and "before" in line


def test_show_on_missing_or_non_workspace_files(tmp_path: Path) -> None:
    missing = run("nps", "show", str(tmp_path / "missing.cxtui"))
    assert missing.exit_code == 2 and "No such file" in one_error_line(missing)
    text = tmp_path / "notes.txt"
    text.write_text("not a database" * 20)
    assert run("nps", "show", str(text)).exit_code == 2


def test_show_on_a_workspace_from_before_nps(workspace_path: Path) -> None:
    Store.open(workspace_path, create=True).close()
    conn = sqlite3.connect(workspace_path)
    for table in ("followups", "responses", "imports", "surveys"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_nps'")
    conn.commit()
    conn.close()
    assert json.loads(run("nps", "show", str(workspace_path), "--json").stdout) == []
    assert "No surveys yet" in run("nps", "show", str(workspace_path)).stdout
    assert run("nps", "show", str(workspace_path), "--survey", "x").exit_code == 2


def test_show_does_not_change_the_file(workspace: Path) -> None:
    digest = hashlib.sha256(workspace.read_bytes()).hexdigest()
    assert run("nps", "show", str(workspace), "--by", "segment").exit_code == 0
    assert hashlib.sha256(workspace.read_bytes()).hexdigest() == digest


# -- compare --------------------------------------------------------------------------------------


def test_compare_json_is_exactly_design_and_matches_the_worked_example(workspace: Path) -> None:
    result = run("nps", "compare", str(workspace), "before", "after", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    # DESIGN.md's keys, then the interval of the change and its flag.
    assert list(data)[:6] == ["before", "after", "delta", "z", "p_value", "significant"]
    assert list(data)[6:] == ["delta_ci95", "delta_ci95_meaningful"]
    assert data["delta_ci95_meaningful"] is True and data["delta_ci95"][0] < 25 < data["delta_ci95"][1]
    assert list(data["before"]) == SHOW_KEYS and list(data["after"]) == SHOW_KEYS
    assert (data["before"]["nps"], data["after"]["nps"]) == (15.0, 40.0)
    assert data["delta"] == pytest.approx(25.0)
    assert data["z"] == pytest.approx(3.248, abs=0.001)
    assert data["p_value"] == pytest.approx(0.0012, abs=0.0001)
    assert data["significant"] is True


def test_compare_table_ends_with_a_plain_verdict(workspace: Path) -> None:
    out = run("nps", "compare", str(workspace), "before", "after").stdout
    assert "Change: +25 points" in out
    assert out.splitlines()[-1].startswith("A real improvement: +25 points")
    ja = run("nps", "compare", str(workspace), "before", "after", "--lang", "ja").stdout
    assert "本当の改善です" in ja


def test_compare_noise_and_small_sample_messages(workspace: Path) -> None:
    store = Store.open(workspace)
    add(store, "a", design(40, 30, 30))
    add(store, "b", design(44, 30, 26))
    store.close()
    noise = run("nps", "compare", str(workspace), "a", "b").stdout.splitlines()[-1]
    assert noise.startswith("Could be noise") and "collect about" in noise
    small = run("nps", "compare", str(workspace), "a", "渋谷と横浜").stdout.splitlines()[-1]
    assert small.startswith("Small sample (n = 5)")


def test_compare_with_a_side_below_5_answers_shows_no_interval_of_the_change(workspace: Path) -> None:
    store = Store.open(workspace)
    add(store, "four", [10, 10, 9, 2])  # 4 answers: too few for an interval
    store.close()
    data = json.loads(run("nps", "compare", str(workspace), "before", "four", "--json").stdout)
    assert data["after"]["ci95"] is None and data["after"]["ci95_meaningful"] is False
    assert data["delta"] == pytest.approx(35.0) and data["z"] is not None
    assert data["delta_ci95"] is None and data["delta_ci95_meaningful"] is False
    out = run("nps", "compare", str(workspace), "before", "four").stdout
    change = next(line for line in out.splitlines() if line.startswith("Change:"))
    assert change.startswith("Change: +35 points, 95 % interval of the change — (n<5); z = ")
    assert "— (n<5): too few answers for a meaningful 95 % interval" in out
    ja = run("nps", "compare", str(workspace), "before", "four", "--lang", "ja").stdout
    assert "変化の 95% 区間 — (n<5)" in ja
    # Both sides with 5 or more answers: the interval is there, in text and JSON.
    full = json.loads(run("nps", "compare", str(workspace), "before", "渋谷と横浜", "--json").stdout)
    assert full["delta_ci95_meaningful"] is True and len(full["delta_ci95"]) == 2


def test_compare_date_ranges(workspace: Path) -> None:
    store = Store.open(workspace)
    add(
        store,
        "dated",
        [3, 3, 10, 10],
        dates=[datetime(2026, 1, 5), datetime(2026, 1, 6), datetime(2026, 5, 1), datetime(2026, 5, 2)],
    )
    store.close()
    data = json.loads(
        run(
            "nps", "compare", str(workspace), "2026-01-01..2026-03-31", "2026-04-01..2026-06-30", "--json"
        ).stdout
    )
    assert data["before"]["survey"] == "2026-01-01..2026-03-31"
    assert (data["before"]["nps"], data["after"]["nps"]) == (-100.0, 100.0)


@pytest.mark.parametrize("ref", ["nope", "2026-03-31..2026-01-01", "2026-13-01..2026-12-31"])
def test_compare_bad_refs_are_exit_2_one_line(workspace: Path, ref: str) -> None:
    result = run("nps", "compare", str(workspace), "before", ref)
    assert result.exit_code == 2
    one_error_line(result)


def test_survey_names_match_case_insensitively(workspace: Path) -> None:
    data = json.loads(run("nps", "show", str(workspace), "--survey", "BEFORE", "--json").stdout)
    assert (data["survey"], data["n"]) == ("before", 200)
    compared = json.loads(run("nps", "compare", str(workspace), "Before", "AFTER", "--json").stdout)
    assert compared["delta"] == pytest.approx(25.0)
    # A new survey whose name differs only in case would be unreachable: refused.
    store = Store.open(workspace)
    with pytest.raises(InputError, match="already a survey named"):
        surveys.create_survey(store, "Before")
    store.close()


def test_compare_with_an_unknown_segment_is_exit_2_naming_the_choices(workspace: Path) -> None:
    result = run("nps", "compare", str(workspace), "渋谷と横浜", "before", "--segment", "Nowhere")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert '"Nowhere"' in line and "横浜店, 渋谷店" in line
    ok = run("nps", "compare", str(workspace), "渋谷と横浜", "before", "--segment", "渋谷店", "--json")
    assert ok.exit_code == 0 and json.loads(ok.stdout)["before"]["n"] == 2


@pytest.mark.parametrize("after", ["before", "BEFORE"])
def test_comparing_a_survey_with_itself_is_refused(workspace: Path, after: str) -> None:
    result = run("nps", "compare", str(workspace), "before", after)
    assert result.exit_code == 2
    assert "both" in one_error_line(result)


def test_tiny_groups_print_no_interval(workspace: Path) -> None:
    store = Store.open(workspace)
    add(store, "one", [10], dates=[datetime(2026, 1, 5)])
    store.close()
    out = run("nps", "show", str(workspace), "--survey", "one", "--by", "month").stdout
    row = next(line for line in out.splitlines() if line.startswith("one"))
    assert "+100" in row and "— (n<5)" in row and "-48" not in row and "98" not in row
    assert "too few answers for a meaningful 95 % interval" in out
    data = json.loads(run("nps", "show", str(workspace), "--survey", "one", "--json").stdout)
    assert data["ci95"] is None and data["ci95_meaningful"] is False and data["nps"] == 100.0
    big = json.loads(run("nps", "show", str(workspace), "--survey", "before", "--json").stdout)
    assert big["ci95_meaningful"] is True


# -- template, help, real processes ----------------------------------------------------------------


def test_template_prints_the_questions(workspace: Path) -> None:
    out = run("nps", "template", "next_week_2min", "--lang", "ja").stdout
    assert out.startswith("翌週(2分)") and "0  1  2  3  4  5  6  7  8  9  10" in out
    assert "Right after" in run("nps", "template", "after_1min").stdout


@pytest.mark.parametrize("command", [[], ["import"], ["show"], ["compare"], ["template"]])
def test_help(command: list[str]) -> None:
    result = run("nps", *command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.stdout


def _cxtui(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screens.launch", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def test_real_process_errors_are_one_line_with_the_right_exit_code(workspace: Path, tmp_path: Path) -> None:
    missing = _cxtui("nps", "show", str(tmp_path / "missing.cxtui"), "--json")
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
    source = _exports().google_forms_ja_cp932(tmp_path)
    assert _cxtui("nps", "import", str(workspace), str(source), "--survey", "S").returncode == 0
    again = _cxtui("nps", "import", str(workspace), str(source), "--survey", "S")
    assert again.returncode == 1 and again.stderr.count("\n") == 1 and "Traceback" not in again.stderr
    ok = _cxtui("nps", "compare", str(workspace), "before", "after", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["significant"] is True


LOADED = """
import json, sys
from cxtui.cli import main
try:
    main(["nps", "show", sys.argv[1], "--json"])
finally:
    heavy = ("textual", "openpyxl", "sqlite_utils", "pydantic", "charset_normalizer")
    print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & set(heavy))), file=sys.stderr)
"""


def _heavy_modules_loaded_by_show(workspace: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, str(workspace)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return loaded


def test_show_does_not_load_textual_openpyxl_or_sqlite_utils(workspace: Path) -> None:
    loaded = _heavy_modules_loaded_by_show(workspace)
    assert not {"textual", "openpyxl", "sqlite_utils", "charset_normalizer"} & set(loaded), loaded


def test_show_does_not_load_pydantic(workspace: Path) -> None:
    assert "pydantic" not in _heavy_modules_loaded_by_show(workspace)


def test_a_one_to_five_score_column_is_refused_saying_why_unless_forced(tmp_path: Path) -> None:
    ws, source = tmp_path / "ws.cxtui", tmp_path / "ratings.csv"
    source.write_text("Rating,Comment\n5,great\n4,fine\n1,bad\n3,ok\n", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["nps", "import", str(ws), str(source), "--survey", "S",
                                       "--score-column", "Rating"])  # fmt: skip
    assert refused.exit_code != 0 and "Traceback" not in refused.output
    assert "1" in refused.stderr and "5" in refused.stderr and "--force-scale" in refused.stderr
    assert not ws.exists()  # the source is checked before FILE is created
    forced = CliRunner().invoke(cli, ["nps", "import", str(ws), str(source), "--survey", "S",
                                      "--score-column", "Rating", "--force-scale"])  # fmt: skip
    assert forced.exit_code == 0
    with Store.open(ws) as store:
        assert store.rows("SELECT COUNT(*) AS n FROM responses")[0]["n"] == 4


def test_help_says_columns_may_be_given_by_number() -> None:
    shown = " ".join(CliRunner().invoke(cli, ["nps", "import", "--help", "--lang", "en"]).stdout.split())
    assert shown.count("column number counted from 1") >= 3  # score, comment, date

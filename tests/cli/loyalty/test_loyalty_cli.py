"""`cxtui loyalty import/show` and `cxtui rox import/show`: exact JSON, exit codes, one-line errors, the report."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cxtui.cli import cli
from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.format import display_width
from tests.conftest import TODAY

LOYALTY_KEYS = {
    "month", "repurchase_rate", "referrals", "churn_rate", "months_retained", "months_retained_estimated",
    "average_spend", "ltv",
}  # fmt: skip
ROX_KEYS = {
    "month", "deals", "favourable", "rate", "came_by_name", "already_understood", "no_price_negotiation",
    "won_favourable", "decided_favourable", "won_other", "decided_other",
}  # fmt: skip

MONTHS_CSV = (
    "月,再購入率(%),紹介数,解約率,継続月数,客単価(円)\n"
    "2026年6月,40.5%,18,12.4%,,680円\n"
    "2026/07,39.8,１７,12.8,,672\n"
    "2026-08,40.9,19,12.9,7.9,688\n"
    ",,,,,\n"
    "2026-09,abc,21,12.5,8.1,684\n"
)
DEALS_CSV = (
    "日付,案件,指名,説明不要,価格交渉なし,結果\n"
    "2026/10/01,丸山食品,○,×,×,受注\n"
    "2026/10/02,北斗建設,,,,失注\n"
    "2026/10/03,桜井会計,はい,いいえ,1,進行中\n"
    '2026/10/04,=HYPERLINK("x"),maybe,0,0,won\n'
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_error_line(result: Result) -> str:
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cxtui: ")
    return lines[0]


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    months = tmp_path / "months.csv"
    months.write_bytes(MONTHS_CSV.encode("cp932"))
    deals = tmp_path / "deals.csv"
    deals.write_bytes(DEALS_CSV.encode("utf-8-sig"))
    return months, deals


def test_loyalty_import_then_show_json(
    workspace_path: Path, sources: tuple[Path, Path], tmp_path: Path
) -> None:
    months, _ = sources
    rejects = tmp_path / "rejects.csv"
    result = run("loyalty", "import", str(workspace_path), str(months), "--rejects", str(rejects))
    assert result.exit_code == 0, result.output
    assert "created" in result.stderr.lower() or "作成" in result.stderr  # FILE did not exist
    assert "3 imported, 1 skipped, 1 rejected" in result.stdout
    assert "  line 5: skipped: blank row" in result.stdout
    assert "  line 6: rejected: Repurchase “abc” is not a number" in result.stdout
    saved = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert saved[0] == "line,reason,row" and saved[1].startswith("6,")

    shown = run("loyalty", "show", str(workspace_path), "--json")
    assert shown.exit_code == 0
    data = json.loads(shown.stdout)
    assert set(data) == {"months"}
    assert all(set(m) >= LOYALTY_KEYS for m in data["months"])
    june, july, august = data["months"]
    assert june["month"] == "2026-06" and june["repurchase_rate"] == 40.5 and june["referrals"] == 18
    assert june["months_retained_estimated"] is True
    assert june["months_retained"] == pytest.approx(100 / 12.4)
    assert june["ltv"] == pytest.approx(680 * 100 / 12.4)
    assert july["referrals"] == 17  # full-width digits
    assert august["months_retained_estimated"] is False and august["ltv"] == pytest.approx(688 * 7.9)


def test_loyalty_show_table_marks_estimates_with_a_word(
    workspace_path: Path, sources: tuple[Path, Path]
) -> None:
    run("loyalty", "import", str(workspace_path), str(sources[0]))
    text = run("loyalty", "show", str(workspace_path)).stdout
    june = next(line for line in text.splitlines() if line.startswith("2026-06"))
    assert "≈8.06 est." in june and "≈5,484 est." in june
    august = next(line for line in text.splitlines() if line.startswith("2026-08"))
    assert "est." not in august and "5,435" in august
    assert "Simple LTV = average spend × months retained" in text
    ja = run("--lang", "ja", "loyalty", "show", str(workspace_path)).stdout
    assert "≈8.06 推定" in ja and "簡易LTV = 客単価 × 継続月数" in ja
    # Columns line up in terminal cells, Japanese included.
    rows = [line for line in ja.splitlines() if line.startswith(("月", "2026"))]
    assert len({display_width(r) for r in rows}) == 1


def test_rox_import_then_show_json(workspace_path: Path, sources: tuple[Path, Path]) -> None:
    _, deals = sources
    result = run("rox", "import", str(workspace_path), str(deals))
    assert result.exit_code == 0
    assert "3 imported, 0 skipped, 1 rejected" in result.stdout
    assert "line 5: rejected: By name “maybe” is not yes/no" in result.stdout
    data = json.loads(run("rox", "show", str(workspace_path), "--json").stdout)
    (october,) = data["months"]
    assert set(october) >= ROX_KEYS
    assert {k: october[k] for k in ROX_KEYS} == {
        "month": "2026-10", "deals": 3, "favourable": 2, "rate": pytest.approx(200 / 3),
        "came_by_name": 2, "already_understood": 0, "no_price_negotiation": 1,
        "won_favourable": 1, "decided_favourable": 1, "won_other": 0, "decided_other": 1,
    }  # fmt: skip
    assert october["win_rate_favourable"] == 100 and october["win_rate_other"] == 0
    assert data["total"]["deals"] == 3


def test_rox_show_table(workspace_path: Path, sources: tuple[Path, Path]) -> None:
    run("rox", "import", str(workspace_path), str(sources[1]))
    text = run("rox", "show", str(workspace_path)).stdout
    october = next(line for line in text.splitlines() if line.startswith("2026-10"))
    assert october.split()[:4] == ["2026-10", "3", "2", "67%"]
    assert "100% (1/1)" in october and "0% (0/1)" in october
    assert "ROX rate = favourable ÷ deals" in text


def test_the_same_file_twice_is_refused_with_exit_1(workspace_path: Path, sources: tuple[Path, Path]) -> None:
    run("rox", "import", str(workspace_path), str(sources[1]))
    again = run("rox", "import", str(workspace_path), str(sources[1]))
    assert again.exit_code == 1
    assert "deals.csv was already imported" in one_error_line(again)
    data = json.loads(run("rox", "show", str(workspace_path), "--json").stdout)
    assert data["total"]["deals"] == 3


@pytest.mark.parametrize("group", ["loyalty", "rox"])
def test_bad_sources_are_one_line_with_exit_2(workspace_path: Path, tmp_path: Path, group: str) -> None:
    missing = run(group, "import", str(workspace_path), str(tmp_path / "nope.csv"))
    assert missing.exit_code == 2 and "File not found" in one_error_line(missing)
    assert not workspace_path.exists()  # nothing created for a file that is not there
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 10)
    bad = run(group, "import", str(workspace_path), str(binary))
    assert bad.exit_code == 2 and "is not a CSV, text or Excel" in one_error_line(bad)
    headerless = tmp_path / "other.csv"
    headerless.write_text("a,b\n1,2\n")
    wrong = run(group, "import", str(workspace_path), str(headerless))
    assert wrong.exit_code == 2 and "has no column for" in one_error_line(wrong)


def test_show_on_a_bad_workspace_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.cxtui"
    bad.write_text("not sqlite")
    for group in ("loyalty", "rox"):
        result = run(group, "show", str(bad), "--json")
        assert result.exit_code == 2
        one_error_line(result)


def test_rejects_csv_cells_never_start_a_formula(
    workspace_path: Path, sources: tuple[Path, Path], tmp_path: Path
) -> None:
    rejects = tmp_path / "r.csv"
    run("rox", "import", str(workspace_path), str(sources[1]), "--rejects", str(rejects))
    rows = list(csv.reader(io.StringIO(rejects.read_text(encoding="utf-8-sig"))))[1:]
    assert rows == [
        [
            "5",
            "By name “maybe” is not yes/no (はい/いいえ, ○/×, 1/0)",
            '2026/10/04,"=HYPERLINK(""x"")",maybe,0,0,won',
        ]
    ]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


# -- the report ------------------------------------------------------------------------------------


def _demo(path: Path, lang: str = "en") -> Path:
    store = Store.open(path, create=True)
    build_demo(store, lang, TODAY)
    store.close()
    return path


def _report(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screens.launch", "report", str(path), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )


def test_report_json_carries_loyalty_and_rox(workspace_path: Path) -> None:
    data = json.loads(_report(_demo(workspace_path), "--format", "json").stdout)
    assert set(data["loyalty"]) == {"formula", "months"} and set(data["rox"]) == {
        "formula",
        "months",
        "total",
    }
    assert all(set(m) >= LOYALTY_KEYS for m in data["loyalty"]["months"])
    assert all(set(m) >= ROX_KEYS for m in data["rox"]["months"])
    assert data["rox"]["total"]["deals"] == 80
    assert "average spend × months retained" in data["loyalty"]["formula"]
    assert "favourable ÷ deals" in data["rox"]["formula"]


def test_report_markdown_and_html(workspace_path: Path) -> None:
    path = _demo(workspace_path, "ja")
    markdown = _report(path, "--lang", "ja").stdout
    assert "## 月次のロイヤルティとLTV" in markdown and "## 月別のROX" in markdown
    assert "≈8.06 推定" in markdown and "| 全期間  |     80 |" in markdown
    store = Store.open(path)
    with store.action("test"):
        store.db.execute("UPDATE loyalty_months SET note = '<b>x</b>'")
    store.close()
    html = _report(path, "--format", "html").stdout
    assert "<h2>Monthly loyalty and LTV</h2>" in html and "≈5,484 est." in html
    assert "<b>x</b>" not in html

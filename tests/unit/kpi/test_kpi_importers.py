"""KPI importers: long and wide files, every encoding and header language, numbers as people type
them, every row imported, skipped or rejected with its line, one transaction, never twice."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.kpi import repo
from cxtui.kpi.import_store import AlreadyImportedError, import_file
from cxtui.kpi.importers import parse_file
from cxtui.kpi.models import Kpi, KpiValue, Source


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _store(*names: str) -> Store:
    store = Store.memory()
    for name in names:
        repo.save_kpi(store, Kpi(name=name, layer="behaviour"))
    return store


def _values(store: Store) -> list[tuple[str, str, float]]:
    rows = store.rows(
        "SELECT k.name, v.date, v.value FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id ORDER BY k.name, v.date"
    )
    return [(r["name"], r["date"], r["value"]) for r in rows]


LONG = [
    ["date", "kpi", "value", "note"],
    ["2026-11-09", "Walk-aways", "18", ""],
    ["2026-11-16", "Walk-aways", "16", "rainy"],
    ["2026-11-16", "Repeat rate", "47%", ""],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16"])
def test_long_file_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    rows = [["日付", "指標", "値", "メモ"], *LONG[1:]]
    rows[2][3] = "雨の日"
    path = tmp_path / "kpis.csv"
    text = _csv(rows)
    path.write_bytes(text.encode("utf-16") if encoding == "utf-16" else text.encode(encoding))
    store = _store("Walk-aways", "Repeat rate")
    result = import_file(store, path)
    assert (result.layout, result.imported, result.kpis, result.rejected) == ("long", 3, 2, [])
    assert _values(store) == [
        ("Repeat rate", "2026-11-16", 47.0),
        ("Walk-aways", "2026-11-09", 18.0),
        ("Walk-aways", "2026-11-16", 16.0),
    ]
    assert store.rows("SELECT note FROM kpi_values WHERE note <> ''")[0]["note"] == "雨の日"


def test_wide_file_with_japanese_headers_and_typed_numbers(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    rows = [
        ["週", "客単価", "再来店率", "離脱"],
        ["2026/11/02", "12,345円", "４５%", "１８"],
        ["2026/11/09", "￥1,200", "", "16 人"],
        ["", "", "", ""],
        ["2026/11/16", "abc", "47", ""],
    ]
    path.write_bytes(_csv(rows).encode("cp932"))
    store = _store("客単価", "再来店率", "離脱")
    result = import_file(store, path)
    assert result.layout == "wide"
    assert _values(store) == [
        ("再来店率", "2026-11-02", 45.0),
        ("再来店率", "2026-11-16", 47.0),
        ("客単価", "2026-11-02", 12345.0),
        ("客単価", "2026-11-09", 1200.0),
        ("離脱", "2026-11-02", 18.0),
        ("離脱", "2026-11-09", 16.0),
    ]
    assert result.skipped == [4]
    [bad] = result.rejected
    assert bad.line == 5 and "客単価" in bad.reason and "abc" in bad.reason


def test_xlsx_long_file(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Date", "KPI", "Value"])
    sheet.append([date(2026, 11, 9), "Walk-aways", 18])
    sheet.append([date(2026, 11, 16), "Walk-aways", 16.5])
    path = tmp_path / "kpis.xlsx"
    book.save(path)
    store = _store("Walk-aways")
    result = import_file(store, path)
    assert result.imported == 2 and _values(store)[-1] == ("Walk-aways", "2026-11-16", 16.5)


def test_every_bad_row_is_rejected_with_its_line_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "kpis.csv"
    rows = [
        ["date", "kpi", "value"],
        ["2026-11-09", "Walk-aways", "18"],  # 2 ok
        ["not a day", "Walk-aways", "18"],  # 3 bad date
        ["2026-11-10", "Walk-aways", "many"],  # 4 bad value
        ["2026-11-11", "Nobody", "3"],  # 5 unknown KPI
        ["2026-11-09", "walk-aways ", "17"],  # 6 same KPI and date as line 2 (name matched loosely)
        ["2026-11-12", "", "4"],  # 7 no name
        ["2026-11-13", "Walk-aways", ""],  # 8 blank value: skipped
        ["2026-11-02", "Walk-aways", "21"],  # 9 already in the workspace
        ["2026-11-14", "NPS", "30"],  # 10 derived from the NPS answers
    ]
    path.write_text(_csv(rows), encoding="utf-8")
    store = _store("Walk-aways")
    kpi = repo.find_kpi_named(store, "Walk-aways")
    assert kpi is not None
    repo.record_value(store, KpiValue(kpi_id=kpi.id, date=date(2026, 11, 2), value=20))
    repo.save_kpi(store, Kpi(name="NPS", layer="psychology", source=Source.nps))
    result = import_file(store, path)
    assert result.imported == 1 and result.skipped == [8]
    reasons = {r.line: r.reason for r in result.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 9, 10]
    assert "not a day" in reasons[3]
    assert "many" in reasons[4]
    assert "Nobody" in reasons[5] and "--create-missing" in reasons[5]
    assert "line 2" in reasons[6]
    assert "2026-11-02" in reasons[9] and "20" in reasons[9]
    assert "NPS" in reasons[10]
    # Lines are accounted for once each: imported, skipped or rejected.
    assert 1 + len(result.skipped) + len(result.rejected) == len(rows) - 1
    assert [r.raw for r in result.rejected if r.line == 4] == ["2026-11-10,Walk-aways,many"]
    assert _values(store) == [("Walk-aways", "2026-11-02", 20.0), ("Walk-aways", "2026-11-09", 18.0)]


def test_create_missing_adds_the_kpis_in_one_undoable_import(tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text(_csv([["date", "Walk-aways", "Repeat"], ["2026-11-09", "18", "44"]]), encoding="utf-8")
    store = _store()
    repo.set_layer_model(store, "3")
    result = import_file(store, path, create_missing=True)
    assert sorted(result.created) == ["Repeat", "Walk-aways"]
    assert {k.layer for k in repo.kpis(store)} == {"action"}  # the first layer of the workspace's model
    assert store.undo() is not None
    assert repo.kpis(store) == [] and store.rows("SELECT * FROM kpi_imports") == []


def test_the_same_file_is_never_imported_twice(tmp_path: Path) -> None:
    path = tmp_path / "kpis.csv"
    path.write_text(_csv(LONG), encoding="utf-8")
    store = _store("Walk-aways", "Repeat rate")
    import_file(store, path)
    copy = tmp_path / "copy.csv"
    copy.write_bytes(path.read_bytes())
    with pytest.raises(AlreadyImportedError) as caught:
        import_file(store, copy, source_name="copy.csv")
    assert "kpis.csv" in caught.value.message and caught.value.exit_code == 1
    assert len(_values(store)) == 3


def test_a_file_with_nothing_stored_is_not_remembered(tmp_path: Path) -> None:
    path = tmp_path / "kpis.csv"
    path.write_text(_csv(LONG), encoding="utf-8")
    store = _store()
    first = import_file(store, path)
    assert first.imported == 0 and first.import_id is None and len(first.rejected) == 3
    again = import_file(store, path, create_missing=True)
    assert again.imported == 3


def test_files_that_cannot_be_read_are_one_line_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    no_kpis = tmp_path / "dates.csv"
    no_kpis.write_text("date\n2026-11-09\n", encoding="utf-8")
    for path in (empty, no_kpis, tmp_path / "missing.csv"):
        with pytest.raises(InputError) as caught:
            parse_file(path)
        assert "\n" not in caught.value.message


# -- properties ----------------------------------------------------------------------------------

_NAMES = ["Walk-aways", "Repeat rate", "満足度"]


def _spelled(value: int, style: int) -> str:
    """An integer as someone might type it in a cell."""
    if style == 0:
        return str(value)
    if style == 1:
        return f"{value:,}円"
    if style == 2:
        return f"{value}%"
    if style == 3:
        return str(value).translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    return f"￥{value:,}"


_ROW = st.one_of(
    st.tuples(
        st.integers(0, 60),  # day offset
        st.sampled_from(_NAMES),
        st.integers(-5000, 500000),
        st.integers(0, 4),
    ),
    st.just(None),  # a blank row
    st.text(alphabet="abc?!", min_size=1, max_size=5),  # junk in the value cell
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_ROW, max_size=40), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16"]))
def test_every_line_is_accounted_for_once_and_values_read_back(
    tmp_path: Path, rows: list[object], encoding: str
) -> None:
    table = [["日付", "指標", "値"]]
    expected: dict[tuple[str, str], float] = {}
    for row in rows:
        if row is None:
            table.append(["", "", ""])
        elif isinstance(row, str):
            table.append(["2026-01-01", "Walk-aways", row])
        else:
            offset, name, value, style = row  # type: ignore[misc]
            if style == 3 and value < 0:
                style = 0
            day = date(2026, 1, 1).toordinal() + offset
            iso = date.fromordinal(day).isoformat()
            table.append([iso, name, _spelled(value, style)])
            expected.setdefault((name, iso), float(value))
    path = tmp_path / f"p-{abs(hash((tuple(map(str, rows)), encoding)))}.csv"
    text = _csv(table)
    data = text.encode("utf-16") if encoding == "utf-16" else text.encode(encoding)
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    path.write_bytes(data)
    store = _store(*_NAMES)
    result = import_file(store, path)
    lines = len(table) - 1
    rejected_lines = {r.line for r in result.rejected}
    assert result.imported + len(result.skipped) + len(rejected_lines) == lines
    assert not rejected_lines & set(result.skipped)
    stored = {(name, day): value for name, day, value in _values(store)}
    assert stored == expected


@pytest.mark.parametrize("batch_rows", [1, 2, 5_000])
def test_the_same_rules_hold_across_batches(
    tmp_path: Path, batch_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file is read and stored a batch at a time: a second value found batches later, or a
    # value already in the workspace, is rejected the same way; nothing stored when nothing is new.
    import cxtui.kpi.importers as importers

    monkeypatch.setattr(importers, "BATCH_ROWS", batch_rows)
    store = _store("Walk-aways")
    kpi = repo.find_kpi_named(store, "Walk-aways")
    assert kpi is not None
    repo.record_value(store, KpiValue(kpi_id=kpi.id, date=date(2026, 11, 2), value=20))
    path = tmp_path / "kpis.csv"
    rows = [["date", "kpi", "value"], ["2026-11-09", "Walk-aways", "18"], ["2026-11-10", "New one", "1"],
            ["2026-11-11", "Walk-aways", "17"], ["2026-11-09", "Walk-aways", "19"],
            ["2026-11-02", "Walk-aways", "21"], ["2026-11-10", "new one", "2"]]  # fmt: skip
    path.write_text(_csv(rows), encoding="utf-8")
    result = import_file(store, path, create_missing=True)
    assert (result.imported, result.kpis, result.created) == (3, 2, ["New one"])
    reasons = {r.line: r.reason for r in result.rejected}
    assert sorted(reasons) == [5, 6, 7]
    assert "line 2" in reasons[5] and "(20" in reasons[6] and "line 3" in reasons[7]
    assert ("Walk-aways", "2026-11-09", 18.0) in _values(store)
    store.undo()  # one step: the values and the KPI it created
    assert (
        _values(store) == [("Walk-aways", "2026-11-02", 20.0)]
        and repo.find_kpi_named(store, "New one") is None
    )
    store.redo()
    assert len(_values(store)) == 4
    # A file whose every value is already there stores nothing and records no import.
    again = tmp_path / "again.csv"
    again.write_text(_csv([rows[0], rows[1], rows[3]]), encoding="utf-8")
    nothing = import_file(store, again)
    assert nothing.imported == 0 and nothing.import_id is None and len(nothing.rejected) == 2
    assert store.rows("SELECT COUNT(*) AS n FROM kpi_imports")[0]["n"] == 1

"""Reading monthly figures and ROX logs: encodings, headers, cells as people type them, every row accounted for."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtui.errors import InputError
from cxtui.i18n import set_language
from cxtui.loyalty.importers import header_key, parse_deals, parse_months
from cxtui.loyalty.models import ParsedFile

ENCODINGS = ["utf-8", "utf-8-sig", "cp932", "utf-16"]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    data = out.getvalue().encode(encoding)
    if encoding == "utf-16":  # what Excel writes as "Unicode text": a BOM, little-endian
        data = codecs.BOM_UTF16_LE + out.getvalue().encode("utf-16-le")
    path.write_bytes(data)
    return path


def write_xlsx(path: Path, rows: list[list[object]], percent_columns: tuple[int, ...] = ()) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for column in percent_columns:
        for cells in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cells[0].number_format = "0.0%"
    book.save(path)
    return path


def accounted(parsed: ParsedFile) -> list[int]:
    """Every line the parse accounted for (taken, skipped or rejected), sorted."""
    taken = [m.line for m in parsed.months] + [d.line for d in parsed.deals]
    return sorted(taken + [r.line for r in parsed.skipped] + [r.line for r in parsed.rejected])


JA_MONTHS = [
    ["月", "再購入率(%)", "紹介数", "解約率", "継続月数", "客単価(円)"],
    ["2026年6月", "40.5%", "18", "12.4%", "", "680円"],
    ["2026/07", "３９.８", "１７", "12.8", "", "672"],
    ["2026-08", "40.9", "19", "12.9", "7.9", "1,688円"],
]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_japanese_month_file_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    parsed = parse_months(write_csv(tmp_path / "m.csv", JA_MONTHS, encoding))
    assert parsed.rejected == [] and parsed.skipped == []
    months = [p.month for p in parsed.months]
    assert [m.month for m in months] == ["2026-06", "2026-07", "2026-08"]
    assert [
        (m.repurchase_rate, m.referrals, m.churn_rate, m.months_retained, m.average_spend) for m in months
    ] == [
        (40.5, 18, 12.4, None, 680),
        (39.8, 17, 12.8, None, 672),
        (40.9, 19, 12.9, 7.9, 1688),
    ]
    assert [p.line for p in parsed.months] == [2, 3, 4]
    assert parsed.columns["average_spend"] == "客単価(円)"


def test_english_headers_with_units_and_underscores(tmp_path: Path) -> None:
    rows = [
        [
            "Month",
            "Repurchase rate (%)",
            "Referrals",
            "churn_rate",
            "Months Retained",
            "Average spend [JPY]",
            "Note",
        ],
        ["2026-09", "42.6", "21", "12.5", "8.1", "¥684", "new menu"],
    ]
    (item,) = parse_months(write_csv(tmp_path / "m.csv", rows)).months
    assert (item.month.month, item.month.average_spend, item.month.note) == ("2026-09", 684, "new menu")


def test_header_key_folds_width_case_and_units() -> None:
    assert header_key("解約率（％）") == "解約率"
    assert header_key("  Churn_Rate [%] ") == "churn rate"
    assert header_key("ＭＯＮＴＨ") == "month"


def test_every_month_row_is_taken_skipped_or_rejected_with_its_reason(tmp_path: Path) -> None:
    rows = [
        ["month", "repurchase rate", "referrals", "churn rate"],
        ["2026-06", "40", "18", "12"],
        ["", "", "", ""],
        ["2026-07", "abc", "17", "12"],
        ["2026-08", "40", "2.5", "12"],
        ["2026-09", "40", "3", "120"],
        ["2026-06", "41", "19", "11"],
        ["not a month", "40", "1", "1"],
        ["", "40", "1", "1"],
        ["2026-10", "", "", ""],
    ]
    parsed = parse_months(write_csv(tmp_path / "m.csv", rows))
    assert accounted(parsed) == list(range(2, 11))
    reasons = {r.line: r.reason for r in [*parsed.skipped, *parsed.rejected]}
    assert reasons == {
        3: "blank row",
        4: "Repurchase “abc” is not a number",
        5: "Referrals “2.5” is not a whole number",
        6: "Churn 120 must be a percentage from 0 to 100",
        7: "2026-06 is already on line 2 of this file",
        8: "“not a month” is not a month (e.g. 2026-11)",
        9: "no month",
        10: "2026-10 has no figures",
    }
    assert {r.line for r in parsed.skipped} == {3, 10}
    assert next(r for r in parsed.rejected if r.line == 4).raw == "2026-07,abc,17,12"


def test_reasons_in_japanese(tmp_path: Path) -> None:
    set_language("ja")
    parsed = parse_months(write_csv(tmp_path / "m.csv", [["月", "解約率"], ["2026-06", "たくさん"]]))
    assert parsed.rejected[0].reason == "解約率「たくさん」は数値ではありません"


def test_a_file_without_the_month_column_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_months(write_csv(tmp_path / "m.csv", [["date", "sales"], ["2026-06", "1"]]))
    assert "\n" not in caught.value.message
    assert "has no column for Month (headers found: date, sales)" in caught.value.message
    with pytest.raises(InputError) as caught:
        parse_months(write_csv(tmp_path / "m.csv", [["month", "sales"], ["2026-06", "1"]]))
    assert "Repurchase, Referrals, Churn, Months kept, Avg spend" in caught.value.message


@pytest.mark.parametrize(
    "data", [b"", b"\x00\x01\x02\x03" * 200, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600]
)
def test_bad_files_are_one_line_errors(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    for parse in (parse_months, parse_deals):
        with pytest.raises(InputError) as caught:
            parse(path)
        assert "\n" not in caught.value.message and str(path) in caught.value.message


def test_xlsx_months_with_percent_cells_are_read_as_percentages(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["月", "再購入率", "解約率", "客単価"],
        [date(2026, 6, 1), 0.405, 0.124, 680],
        ["2026-07", 0.398, 0.128, 672],
    ]
    parsed = parse_months(write_xlsx(tmp_path / "m.xlsx", rows, percent_columns=(2, 3)))
    assert [(p.month.month, p.month.repurchase_rate, p.month.churn_rate) for p in parsed.months] == [
        ("2026-06", pytest.approx(40.5), pytest.approx(12.4)),
        ("2026-07", pytest.approx(39.8), pytest.approx(12.8)),
    ]
    assert len(parsed.notes) == 2 and "0.124 is read as 12.4%" in parsed.notes[0]


def test_xlsx_rates_typed_as_percent_numbers_stay_as_they_are(tmp_path: Path) -> None:
    rows: list[list[object]] = [["month", "churn rate"], ["2026-06", 12.4], ["2026-07", 0.9]]
    parsed = parse_months(write_xlsx(tmp_path / "m.xlsx", rows))
    assert [p.month.churn_rate for p in parsed.months] == [12.4, 0.9] and parsed.notes == []


# -- deals -----------------------------------------------------------------------------------------

JA_DEALS = [
    ["日付", "案件", "指名", "説明不要", "価格交渉なし", "結果"],
    ["2026/10/01", "丸山食品", "○", "×", "×", "受注"],
    ["2026年10月2日", "北斗建設", "", "", "", "失注"],
    ["2026-10-03", "桜井会計", "はい", "いいえ", "1", "進行中"],
    ["2026/10/04", "青葉物流", "TRUE", "false", "0", ""],
]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_japanese_deal_log_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    parsed = parse_deals(write_csv(tmp_path / "d.csv", JA_DEALS, encoding))
    assert parsed.rejected == [] and parsed.notes == []
    assert [
        (d.line, d.date, d.name, d.came_by_name, d.already_understood, d.no_price_negotiation, d.outcome)
        for d in parsed.deals
    ] == [
        (2, "2026-10-01", "丸山食品", True, False, False, "won"),
        (3, "2026-10-02", "北斗建設", False, False, False, "lost"),
        (4, "2026-10-03", "桜井会計", True, False, True, "open"),
        (5, "2026-10-04", "青葉物流", True, False, False, "open"),
    ]


def test_english_deal_log_and_day_first_dates(tmp_path: Path) -> None:
    rows = [
        ["Date", "Deal", "Came by name", "Already understood", "No price negotiation", "Outcome", "Notes"],
        ["31/10/2026", "Aoba", "yes", "no", "no", "Won", "referral"],
        ["01/11/2026", "Minato", "Y", "N", "n", "LOST", ""],
    ]
    parsed = parse_deals(write_csv(tmp_path / "d.csv", rows))
    assert [(d.date, d.outcome, d.note) for d in parsed.deals] == [
        ("2026-10-31", "won", "referral"),
        ("2026-11-01", "lost", ""),
    ]


def test_every_deal_row_is_taken_skipped_or_rejected_with_its_reason(tmp_path: Path) -> None:
    rows = [
        ["date", "name", "came by name", "already understood", "no price negotiation", "outcome"],
        ["2026-10-01", "A", "yes", "", "", "won"],
        ["", "", "", "", "", ""],
        ["2026-10-01", "A", "yes", "", "", "won"],
        ["soon", "B", "", "", "", ""],
        ["2026-10-02", "", "yes", "", "", ""],
        ["2026-10-02", "C", "maybe", "", "", ""],
        ["2026-10-02", "D", "", "", "", "draw"],
        ["", "E", "", "", "", ""],
    ]
    parsed = parse_deals(write_csv(tmp_path / "d.csv", rows))
    assert accounted(parsed) == list(range(2, 10))
    reasons = {r.line: r.reason for r in [*parsed.skipped, *parsed.rejected]}
    assert reasons == {
        3: "blank row",
        4: "the same deal and date as line 2",
        5: "“soon” is not a date",
        6: "no deal or customer name",
        7: "By name “maybe” is not yes/no (はい/いいえ, ○/×, 1/0)",
        8: "outcome “draw” is not won, lost or open (受注/失注/進行中)",
        9: "no date",
    }


def test_missing_signal_and_outcome_columns_are_said(tmp_path: Path) -> None:
    parsed = parse_deals(write_csv(tmp_path / "d.csv", [["date", "name", "指名"], ["2026-10-01", "A", "1"]]))
    assert parsed.deals[0].came_by_name and parsed.deals[0].outcome == "open"
    assert parsed.notes == [
        "no column for Understood, No haggling: those signals are taken as not set",
        "no outcome column: every deal is taken as open",
    ]


def test_the_header_may_follow_a_title_row(tmp_path: Path) -> None:
    rows = [["ROX log 2026"], [], JA_DEALS[0], JA_DEALS[1]]
    parsed = parse_deals(write_csv(tmp_path / "d.csv", rows))
    assert [(d.line, d.name) for d in parsed.deals] == [(4, "丸山食品")]


def test_xlsx_deal_log_with_date_cells(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        JA_DEALS[0],
        [date(2026, 10, 1), "丸山食品", "○", None, None, "受注"],
        [date(2026, 10, 2), "北斗建設", True, False, 1, "失注"],
    ]
    parsed = parse_deals(write_xlsx(tmp_path / "d.xlsx", rows))
    assert [(d.line, d.date, d.came_by_name, d.no_price_negotiation) for d in parsed.deals] == [
        (2, "2026-10-01", True, False),
        (3, "2026-10-02", True, True),
    ]


def test_names_and_reasons_lose_control_characters(tmp_path: Path) -> None:
    rows = [
        ["date", "name", "指名"],
        ["2026-10-01", "Evil\x1b[2J  Co", ""],
        ["2026-10-02", "X", "\x1b[31mred"],
    ]
    parsed = parse_deals(write_csv(tmp_path / "d.csv", rows))
    # Control characters are dropped where files are read (cxtui.text), spaces collapsed on one line.
    assert parsed.deals[0].name == "Evil[2J Co"
    assert parsed.rejected[0].reason == "By name “[31mred” is not yes/no (はい/いいえ, ○/×, 1/0)"


# -- property: whatever the rows, every one is accounted for exactly once ------------------------

_yes = st.sampled_from(["yes", "no", "はい", "いいえ", "○", "×", "1", "0", "", "maybe", "ｙｅｓ"])
_outcome = st.sampled_from(["won", "lost", "open", "受注", "失注", "進行中", "", "draw", "WON"])
_day = st.one_of(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)).map(lambda d: d.isoformat()),
    st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)).map(
        lambda d: f"{d.year}/{d.month}/{d.day}"
    ),
    st.sampled_from(["", "tomorrow", "2026-02-30"]),
)
# Text a spreadsheet holds (control characters make the file layer refuse it as binary).
_printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
_name = st.one_of(st.sampled_from(["", "Aoba", "丸山食品", "A,B", 'say "hi"', " spaced  out "]), _printable)
_deal_row = st.tuples(_day, _name, _yes, _yes, _yes, _outcome).map(list)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_deal_row, max_size=25), encoding=st.sampled_from(ENCODINGS))
def test_every_deal_row_is_accounted_for_once(tmp_path: Path, rows: list[list[str]], encoding: str) -> None:
    header = ["日付", "案件", "指名", "説明不要", "価格交渉なし", "結果"]
    try:
        path = write_csv(tmp_path / "p.csv", [header, *rows], encoding)
    except UnicodeEncodeError:
        return  # text CP932 cannot hold: not a file Excel could have written
    parsed = parse_deals(path)
    # Lines count CSV records (a quoted cell may hold a newline): every record after the header once.
    expected = sum(1 for _ in csv.reader(io.StringIO(_decoded(path, encoding), newline=""))) - 1
    assert len(accounted(parsed)) == expected
    assert len(set(accounted(parsed))) == expected
    keys = [(d.date, d.name) for d in parsed.deals]
    assert len(keys) == len(set(keys))
    for deal in parsed.deals:
        assert deal.name and deal.name == " ".join(deal.name.split())
        assert deal.outcome in ("open", "won", "lost")


def _decoded(path: Path, encoding: str) -> str:
    data = path.read_bytes()
    return data.decode("utf-16") if encoding == "utf-16" else data.decode(encoding)


_figure = st.one_of(
    st.none(),
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: round(v, 1)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    months=st.lists(
        st.tuples(
            st.integers(min_value=2020 * 12, max_value=2030 * 12),
            _figure,
            st.none() | st.integers(0, 999),
            _figure,
            _figure,
        ),
        max_size=20,
    ),
    style=st.sampled_from(["iso", "ja", "slash"]),
    percent=st.booleans(),
)
def test_months_round_trip(
    tmp_path: Path,
    months: list[tuple[int, float | None, int | None, float | None, float | None]],
    style: str,
    percent: bool,
) -> None:
    def month_text(index: int) -> str:
        year, month = divmod(index, 12)
        return {
            "iso": f"{year}-{month + 1:02d}",
            "ja": f"{year}年{month + 1}月",
            "slash": f"{year}/{month + 1}",
        }[style]

    def cell(value: float | int | None, unit: str = "") -> str:
        return "" if value is None else f"{value}{unit}"

    rows = [["月", "再購入率", "紹介数", "解約率", "客単価"]]
    for index, repurchase, referrals, churn, spend in months:
        rows.append(
            [
                month_text(index),
                cell(repurchase, "%" if percent else ""),
                cell(referrals),
                cell(churn),
                cell(spend, "円"),
            ]
        )
    parsed = parse_months(write_csv(tmp_path / "m.csv", rows, "utf-8-sig"))
    assert len(accounted(parsed)) == len(months)
    seen: set[int] = set()
    taken = iter(parsed.months)
    for line, (index, repurchase, referrals, churn, spend) in enumerate(months, start=2):
        if all(v is None for v in (repurchase, referrals, churn, spend)):
            assert line in {r.line for r in parsed.skipped}
            continue
        if index in seen:
            assert line in {r.line for r in parsed.rejected}
            continue
        seen.add(index)
        item = next(taken)
        assert item.line == line
        year, month = divmod(index, 12)
        assert item.month.month == f"{year:04d}-{month + 1:02d}"
        got = item.month
        assert (got.repurchase_rate, got.referrals, got.churn_rate, got.average_spend) == (
            repurchase,
            referrals,
            churn,
            spend,
        )

"""Survey-export importers: encodings, layouts, column detection, every row accounted for, clean errors."""

from __future__ import annotations

import codecs
import csv
import hashlib
import importlib.util
import io
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtui.errors import InputError
from cxtui.i18n import set_language
from cxtui.importing.dates import DateReader
from cxtui.nps.importers import parse_file
from cxtui.nps.importers.values import (
    NOT_NUMBER,
    NOT_WHOLE,
    OUT_OF_RANGE,
    SCORE_BLANK,
    parse_score,
)
from cxtui.nps.models import ParsedFile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "nps"


def _load_exports() -> ModuleType:
    # Loaded by path so the tests do not depend on how pytest puts folders on sys.path.
    spec = importlib.util.spec_from_file_location("nps_fixture_exports", FIXTURES / "exports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


exports = _load_exports()


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def accounted(parsed: ParsedFile) -> list[int]:
    """Every line the parse accounted for, sorted."""
    lines = [r.line for r in parsed.responses] + parsed.blank_lines + [r.line for r in parsed.rejected]
    return sorted(lines)


# --- the fixture exports, one per tool and encoding ------------------------------------------

# Exports whose every date reads both ways (03/04/2026): the order must be given.
DATE_FORMATS = {"surveymonkey": "mdy"}


@pytest.mark.parametrize("name", sorted(exports.EXPECTED))
def test_fixture_export_is_read_as_expected(name: str, tmp_path: Path) -> None:
    build, expected = exports.EXPECTED[name]
    parsed = parse_file(build(tmp_path), date_format=DATE_FORMATS.get(name))
    assert parsed.layout == expected.layout
    assert parsed.encoding == expected.encoding
    assert parsed.columns.score == expected.score_header
    assert {r.line: r.score for r in parsed.responses} == expected.accepted
    assert parsed.blank_lines == expected.blank
    assert [r.line for r in parsed.rejected] == expected.rejected
    assert parsed.total_rows == len(expected.accepted) + len(expected.blank) + len(expected.rejected)
    # No line is counted twice.
    assert len(set(accounted(parsed))) == parsed.total_rows


@pytest.mark.parametrize("name", sorted(exports.EXPECTED))
def test_checked_in_fixture_matches_its_builder(name: str, tmp_path: Path) -> None:
    build, _ = exports.EXPECTED[name]
    fresh = parse_file(build(tmp_path), date_format=DATE_FORMATS.get(name))
    kept = parse_file(FIXTURES / build(tmp_path).name, date_format=DATE_FORMATS.get(name))
    assert (kept.responses, kept.blank_lines, kept.rejected, kept.headers) == (
        fresh.responses,
        fresh.blank_lines,
        fresh.rejected,
        fresh.headers,
    )


def test_cp932_file_keeps_nec_and_ibm_characters(tmp_path: Path) -> None:
    path = exports.google_forms_ja_cp932(tmp_path)
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("shift_jis")  # the fixture really needs cp932, not shift_jis
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    comments = {r.line: r.comment for r in parse_file(path).responses}
    assert comments[2] == "店員さんの対応が丁寧①"
    assert comments[3] == "コーヒーが美味しい～"
    assert comments[9] == "㈱の方の説明が∵わかりにくい"


def test_google_forms_ja_columns_dates_segments(tmp_path: Path) -> None:
    parsed = parse_file(exports.google_forms_ja_cp932(tmp_path))
    assert parsed.columns.comment == "その点数をつけた理由を教えてください"
    assert parsed.columns.segment == "店舗"
    assert parsed.columns.date == "タイムスタンプ"
    by_line = {r.line: r for r in parsed.responses}
    assert by_line[2].answered_at == datetime(2026, 3, 4, 10, 15)
    assert by_line[12].answered_at == datetime(2026, 3, 9, 7, 5, 9)
    assert by_line[4].segment == "横浜店"
    # A detected date column that cannot be read keeps the answer, undated.
    assert by_line[10].score == 7 and by_line[10].answered_at is None
    # A quoted comment spanning two physical lines is one record (line 11); the next is line 12.
    assert "一行目" in by_line[11].comment and "二行目" in by_line[11].comment
    assert by_line[12].comment == "最後"


def test_reject_reasons_name_the_value_in_english_and_japanese(tmp_path: Path) -> None:
    path = exports.google_forms_ja_cp932(tmp_path)
    reasons = {r.line: r.reason for r in parse_file(path).rejected}
    assert reasons == {
        7: 'score "11" is outside 0-10',
        8: 'score "abc" is not a number from 0 to 10',
    }
    set_language("ja")
    reasons_ja = {r.line: r.reason for r in parse_file(path).rejected}
    assert reasons_ja == {7: "点数「11」が 0〜10 の範囲外です", 8: "点数「abc」が 0〜10 の数字ではありません"}


def test_rejected_raw_is_the_row_as_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["date", "score", "comment"], ["2026-03-04", "x", 'say "hi", ok']])
    (row,) = parse_file(path).rejected
    assert next(csv.reader([row.raw])) == ["2026-03-04", "x", 'say "hi", ok']
    assert "\n" not in row.reason


def test_english_google_forms_rejects_negative_and_fractional(tmp_path: Path) -> None:
    parsed = parse_file(exports.google_forms_en_utf8(tmp_path))
    reasons = {r.line: r.reason for r in parsed.rejected}
    assert reasons == {3: 'score "-1" is outside 0-10', 4: 'score "7.5" is not a whole number'}
    by_line = {r.line: r for r in parsed.responses}
    assert by_line[2].answered_at == datetime(2026, 3, 4, 10, 15)  # M/D/YYYY
    assert by_line[5].answered_at == datetime(2026, 12, 31, 23, 59, 59)


def test_surveymonkey_two_header_rows_labels_and_12_hour_dates(tmp_path: Path) -> None:
    parsed = parse_file(exports.surveymonkey(tmp_path), date_format="mdy")
    by_line = {r.line: r for r in parsed.responses}
    assert by_line[4].answered_at == datetime(2026, 3, 4, 13, 5, 30)  # 01:05:30 PM
    assert by_line[5].answered_at == datetime(2026, 3, 5, 0, 0)  # 12:00:00 AM is midnight
    assert parsed.columns.comment == "What is the primary reason for your score?"
    assert by_line[3].extra == {"Which store did you visit? - Shibuya": "Shibuya"}
    assert "Which store did you visit? - Yokohama" in parsed.headers
    # Metadata (ids, IP, e-mail) is never kept as an answer.
    assert all(not key.startswith(("Respondent", "IP", "Email")) for r in parsed.responses for key in r.extra)
    assert parsed.rejected[0].reason == 'score "Extremely likely" is not a number from 0 to 10'


def test_qualtrics_ignores_nps_group_and_reads_the_question_text(tmp_path: Path) -> None:
    parsed = parse_file(exports.qualtrics(tmp_path))
    assert parsed.columns.segment == "store"
    assert parsed.columns.date == "Recorded Date"
    assert all("Group" not in key and "Finished" not in key for r in parsed.responses for key in r.extra)
    # The short id from header row 1 names the same column.
    by_id = parse_file(exports.qualtrics(tmp_path), score_column="Q1")
    assert by_id.columns.score == parsed.columns.score


def test_qualtrics_without_keywords_never_picks_group_or_finished(tmp_path: Path) -> None:
    ids = ["StartDate", "Finished", "Q1", "Q1_NPS_GROUP", "Q2"]
    texts = ["Start Date", "Finished", "Your rating of us, 0 to 10", "Your rating - Group", "Anything else?"]
    imports = ['{"ImportId":"startDate"}', '{"ImportId":"finished"}', '{"ImportId":"QID1"}']
    imports += ['{"ImportId":"QID1_NPS_GROUP"}', '{"ImportId":"QID2_TEXT"}']
    rows = [ids, texts, imports]
    rows += [["2026-03-04 10:00:00", "1", str(s), str(1 + (s >= 7) + (s >= 9)), ""] for s in (10, 3, 8, 9)]
    parsed = parse_file(write_csv(tmp_path / "q.csv", rows))
    assert parsed.layout == "qualtrics"
    assert parsed.columns.score == "Your rating of us, 0 to 10"
    assert [r.score for r in parsed.responses] == [10, 3, 8, 9]


def test_microsoft_forms_xlsx_rows_are_sheet_rows(tmp_path: Path) -> None:
    parsed = parse_file(exports.microsoft_forms(tmp_path))
    by_line = {r.line: r for r in parsed.responses}
    assert by_line[2].answered_at == datetime(2026, 3, 4, 10, 2, 5)  # a datetime cell
    assert by_line[2].segment == "Shibuya" and by_line[2].comment == "Nice"
    assert parsed.rejected[0].line == 5 and parsed.rejected[0].reason == 'score "12" is outside 0-10'
    assert all(r.extra == {} for r in parsed.responses)  # Email / Name are metadata
    assert parsed.preview[0][5] == "9"  # a whole float cell shows as 9


def test_typeform_keeps_other_questions_but_not_token_or_network(tmp_path: Path) -> None:
    parsed = parse_file(exports.typeform(tmp_path))
    # "Which store?" asks for a store: it is the segment column, not an extra answer.
    assert parsed.columns.segment == "Which store?"
    assert [(r.segment, r.extra) for r in parsed.responses] == [("Shibuya", {}), ("Kichijoji", {})]
    assert parsed.columns.date == "Submit Date (UTC)"


def test_utf16_tab_separated_with_japanese_dates(tmp_path: Path) -> None:
    parsed = parse_file(exports.excel_unicode_text(tmp_path))
    assert [r.answered_at for r in parsed.responses] == [
        datetime(2026, 3, 4),
        datetime(2026, 3, 5, 14, 30),
        datetime(2026, 3, 6),
    ]
    assert parsed.headers == ["回答日", "推奨度", "コメント"]


def test_utf16_without_bom_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes("date\tscore\n2026-03-04\t9\n".encode("utf-16-le"))
    parsed = parse_file(path)
    assert parsed.encoding == "utf-16" and [r.score for r in parsed.responses] == [9]


def test_tab_delimited_utf8_and_semicolon(tmp_path: Path) -> None:
    tab = write_csv(
        tmp_path / "t.tsv", [["date", "score", "comment"], ["2026-03-04", "8", "a, b"]], delimiter="\t"
    )
    assert [(r.score, r.comment) for r in parse_file(tab).responses] == [(8, "a, b")]
    semi = parse_file(exports.plain_semicolon(tmp_path))
    assert semi.responses[0].comment == "bien; très bien"


def test_western_excel_csv_falls_back_to_cp1252(tmp_path: Path) -> None:
    rows = [
        ["date", "score", "comment"],
        ["2026-03-04", "9", "Très bien, café crème"],
        ["2026-03-05", "3", "déçu"],
    ]
    parsed = parse_file(write_csv(tmp_path / "fr.csv", rows, encoding="cp1252"))
    assert parsed.encoding == "cp1252"
    assert [r.comment for r in parsed.responses] == ["Très bien, café crème", "déçu"]


def test_utf8_japanese_is_not_mistaken_for_cp932(tmp_path: Path) -> None:
    rows = [["日付", "点数", "コメント"], ["2026-03-04", "9", "とても良い"]]
    parsed = parse_file(write_csv(tmp_path / "u.csv", rows, encoding="utf-8"))
    assert parsed.encoding == "utf-8" and parsed.responses[0].comment == "とても良い"


# --- one cell ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("10", 10),
        ("0", 0),
        ("１０", 10),
        ("１０点", 10),
        ("10点", 10),
        (" 7 ", 7),
        ("10 - Extremely likely", 10),
        ("0 - Not at all likely", 0),
        ("9.0", 9),
        ("8.00", 8),
        ("11", OUT_OF_RANGE),
        ("-1", OUT_OF_RANGE),
        ("－１", OUT_OF_RANGE),
        ("100", OUT_OF_RANGE),
        ("abc", NOT_NUMBER),
        ("Extremely likely", NOT_NUMBER),
        ("ten", NOT_NUMBER),
        ("7.5", NOT_WHOLE),
        ("", SCORE_BLANK),
        ("   ", SCORE_BLANK),
        ("\u3000", SCORE_BLANK),  # an ideographic space
    ],
)
def test_parse_score(cell: str, expected: int | str) -> None:
    assert parse_score(cell) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-04", datetime(2026, 3, 4)),
        ("2026-03-04 10:15:00", datetime(2026, 3, 4, 10, 15)),  # Typeform, Qualtrics
        ("2026-03-04T10:15:00Z", datetime(2026, 3, 4, 10, 15)),
        ("2026-03-04T10:15:00.250+09:00", datetime(2026, 3, 4, 10, 15, 0, 250000)),  # clock as written
        ("2026/03/04 10:15:00", datetime(2026, 3, 4, 10, 15)),  # Google Forms ja
        ("2026/3/4 9:05:00", datetime(2026, 3, 4, 9, 5)),
        ("3/4/2026 10:15:00", datetime(2026, 3, 4, 10, 15)),  # Google Forms en-US
        ("03/04/2026 10:15:00 PM", datetime(2026, 3, 4, 22, 15)),  # SurveyMonkey
        ("03/04/2026 12:15:00 AM", datetime(2026, 3, 4, 0, 15)),
        ("03/04/2026 12:15:00 PM", datetime(2026, 3, 4, 12, 15)),
        ("3/4/26 10:15", datetime(2026, 3, 4, 10, 15)),
        ("2026年3月4日", datetime(2026, 3, 4)),
        ("2026年3月4日 10:15", datetime(2026, 3, 4, 10, 15)),
        ("２０２６年３月４日", datetime(2026, 3, 4)),
        ("2026/03/04 午後 3:15:00", datetime(2026, 3, 4, 15, 15)),
        ("2026/03/04 午前 12:15:00", datetime(2026, 3, 4, 0, 15)),
        ("46085.5", datetime(2026, 3, 4, 12, 0)),  # an Excel serial day number
        ("昨日", None),
        ("2026-13-01", None),
        ("2/30/2026", None),
        ("", None),
        ("12345", None),
    ],
)
def test_date_reader_formats(text: str, expected: datetime | None) -> None:
    assert DateReader().general(text) == expected
    assert DateReader([text])(text) == expected  # learning the format from itself changes nothing


def test_date_reader_day_first_when_the_sample_shows_it() -> None:
    reader = DateReader(["31/3/2026 10:00:00", "4/3/2026 10:00:00"])
    assert reader("4/3/2026 10:00:00") == datetime(2026, 3, 4, 10, 0)
    assert DateReader(["4/3/2026"])("4/3/2026") == datetime(2026, 4, 3)  # month first by default


def test_date_reader_fast_path_falls_back_per_value() -> None:
    reader = DateReader(["2026-03-04 10:00:00"])  # learns ISO
    assert reader("2026/3/5 9:00:00") == datetime(2026, 3, 5, 9, 0)
    assert reader("2026-03-06 08:00:00") == datetime(2026, 3, 6, 8, 0)
    assert reader("not a date") is None


# --- columns -----------------------------------------------------------------------------------

LIGHT = [
    ["Timestamp", "Satisfaction (1-5)", "Rating", "Why?", "Email Address"],
    ["2026/03/04 10:00:00", "5", "10", "good", "a@example.com"],
    ["2026/03/04 11:00:00", "4", "7", "ok", "b@example.com"],
    ["2026/03/04 12:00:00", "2", "3", "bad", ""],
]


def test_score_found_by_values_skipping_a_1_to_5_scale(tmp_path: Path) -> None:
    parsed = parse_file(write_csv(tmp_path / "l.csv", LIGHT))
    assert parsed.columns.score == "Rating"
    assert parsed.columns.comment == "Why?"
    assert [r.extra for r in parsed.responses] == [
        {"Satisfaction (1-5)": "5"},
        {"Satisfaction (1-5)": "4"},
        {"Satisfaction (1-5)": "2"},
    ]


def test_only_a_1_to_5_scale_is_not_taken_for_nps(tmp_path: Path) -> None:
    rows = [[r[0], r[1], r[3]] for r in LIGHT]
    with pytest.raises(InputError) as caught:
        parse_file(write_csv(tmp_path / "s.csv", rows))
    message = caught.value.message
    assert message.startswith("No 0-10 score column found in") and "Satisfaction (1-5)" in message
    assert caught.value.field == "score_column" and caught.value.exit_code == 2


def test_recommend_beats_likely_and_a_comment_that_mentions_recommending(tmp_path: Path) -> None:
    rows = [
        ["Why would you recommend us?", "How likely are you to come back?", "How likely to recommend us?"],
        ["Tasty", "9", "10"],
        ["Cheap", "8", "6"],
    ]
    parsed = parse_file(write_csv(tmp_path / "k.csv", rows))
    assert parsed.columns.score == "How likely to recommend us?"
    assert parsed.columns.comment == "Why would you recommend us?"


def test_columns_given_by_name_or_position(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", LIGHT)
    forced = {"force_scale": True}  # a 1-5 column is refused unless forced
    assert parse_file(path, score_column="satisfaction (1-5)", **forced).columns.score == "Satisfaction (1-5)"
    assert parse_file(path, score_column="２", **forced).columns.score == "Satisfaction (1-5)"  # 1-based
    assert parse_file(path, score_column=3).columns.score == "Rating"
    chosen = parse_file(path, score_column="Rating", comment_column="1", segment_column="Why?")
    assert (chosen.responses[0].comment, chosen.responses[0].segment) == ("2026/03/04 10:00:00", "good")


@pytest.mark.parametrize(
    ("given", "field"), [("Stars", "score_column"), ("9", "score_column"), (0, "score_column")]
)
def test_unknown_column_is_one_clear_error(tmp_path: Path, given: str | int, field: str) -> None:
    path = write_csv(tmp_path / "l.csv", LIGHT)
    with pytest.raises(InputError) as caught:
        parse_file(path, score_column=given)
    assert caught.value.field == field
    assert f"has no column {given}" in caught.value.message and "Rating" in caught.value.message


def test_bad_date_rejects_only_when_the_date_column_is_named(tmp_path: Path) -> None:
    rows = [["when", "score"], ["2026-03-04", "9"], ["someday", "8"], ["", "7"]]
    path = write_csv(tmp_path / "d.csv", rows)
    auto = parse_file(path)
    assert auto.columns.date is None  # "when" is not a date header: nothing is guessed
    named = parse_file(path, date_column="when")
    assert [(r.line, r.answered_at) for r in named.responses] == [(2, datetime(2026, 3, 4)), (4, None)]
    assert [(r.line, r.reason) for r in named.rejected] == [
        (3, 'date "someday" is not a date that can be read')
    ]
    rows[0][0] = "date"
    detected = parse_file(write_csv(tmp_path / "d2.csv", rows))
    assert [r.answered_at for r in detected.responses] == [datetime(2026, 3, 4), None, None]
    assert detected.rejected == []


def test_repeated_headers_get_distinct_extra_keys(tmp_path: Path) -> None:
    rows = [["score", "Other", "Other"], ["9", "a", "b"]]
    assert parse_file(write_csv(tmp_path / "x.csv", rows)).responses[0].extra == {
        "Other": "a",
        "Other (2)": "b",
    }


def test_rows_shorter_or_longer_than_the_header(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("comment,score\nonly a comment\nfine,9,extra,cells\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.blank_lines == [2]
    assert [(r.line, r.score, r.comment) for r in parsed.responses] == [(3, 9, "fine")]
    assert parsed.headers == ["comment", "score", "Column 3", "Column 4"]


def test_header_only_file_with_a_score_header_has_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("date,score,comment\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.total_rows == 0 and parsed.columns.score == "score"


def test_leading_blank_lines_are_not_rows(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text("\n\nscore\n9\n", encoding="utf-8")
    parsed = parse_file(path)
    assert [(r.line, r.score) for r in parsed.responses] == [(4, 9)]
    assert parsed.total_rows == 1


# --- file facts, preview, max_rows -------------------------------------------------------------


def test_sha256_source_and_preview(tmp_path: Path) -> None:
    path = exports.google_forms_ja_cp932(tmp_path)
    parsed = parse_file(path)
    assert parsed.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert parsed.source == "google_forms_ja_cp932.csv"
    assert parse_file(path, source_name="3月アンケート").source == "3月アンケート"
    # First five non-blank data rows as text, header excluded.
    assert [row[1] for row in parsed.preview] == ["10", "１０", "9点", "", "11"]
    assert parsed.preview[0] == ["2026/03/04 10:15:00", "10", "店員さんの対応が丁寧①", "渋谷店"]


def test_max_rows_reads_only_the_first_rows(tmp_path: Path) -> None:
    rows = [["date", "score"]] + [["2026-03-04", str(i % 11)] for i in range(200 + 300)]
    path = write_csv(tmp_path / "big.csv", rows)
    preview = parse_file(path, max_rows=200)
    assert preview.total_rows == 200 and len(preview.preview) == 5
    assert parse_file(path).total_rows == 200 + 300
    assert parse_file(path, score_column="date", max_rows=200).columns.score == "date"


# --- bad files ---------------------------------------------------------------------------------


def _one_line_error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        parse_file(path)
    message = caught.value.message
    assert "\n" not in message and message == str(caught.value)
    assert caught.value.exit_code == 2
    return message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _one_line_error(tmp_path / "nope.csv") == f"File not found: {tmp_path / 'nope.csv'}"
    assert "is a folder" in _one_line_error(tmp_path)


@pytest.mark.parametrize("content", [b"", b"  \r\n\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes(content)
    assert "is empty" in _one_line_error(path)


def test_binary_garbage_and_legacy_xls(tmp_path: Path) -> None:
    png = tmp_path / "image.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "is not a CSV, text or Excel" in _one_line_error(png)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert "old Excel .xls" in _one_line_error(xls)


def test_unreadable_xlsx(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("score\n9\n", encoding="utf-8")
    assert "not a readable Excel (.xlsx) file" in _one_line_error(fake)
    other_zip = tmp_path / "other.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "not a readable Excel (.xlsx) file" in _one_line_error(other_zip)
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(exports.microsoft_forms(tmp_path).read_bytes()[:1500])
    assert "not a readable Excel (.xlsx) file" in _one_line_error(truncated)


def test_error_messages_follow_the_ui_language(tmp_path: Path) -> None:
    set_language("ja")
    assert _one_line_error(tmp_path / "nope.csv").startswith("ファイルが見つかりません")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=2048), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]), zip_magic=st.booleans()
)
def test_fuzz_any_bytes_parse_or_raise_input_error(
    tmp_path: Path, data: bytes, suffix: str, zip_magic: bool
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes((b"PK\x03\x04" if zip_magic else b"") + data)
    try:
        parsed = parse_file(path)
    except InputError as exc:
        assert "\n" not in exc.message
        return
    lines = accounted(parsed)
    assert len(set(lines)) == len(lines) and all(line >= 1 for line in lines)


CSVISH = st.text(alphabet='0123456789,;\t\n\r" -/:.abcTZ点年月日１０①勧めrecommend{}ImportId#', max_size=400)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(CSVISH, st.text(max_size=300)), encoding=st.sampled_from(["utf-8", "utf-16", "cp932"]))
def test_fuzz_text_parses_or_raises_input_error(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    try:
        parsed = parse_file(path)
    except InputError as exc:
        assert "\n" not in exc.message
        return
    lines = accounted(parsed)
    assert len(set(lines)) == len(lines) and all(line >= 1 for line in lines)
    assert all(0 <= r.score <= 10 for r in parsed.responses)


# Cells whose fate is known: (text, score or None for blank, or "reject").
SCORE_CELLS = [
    ("10", 10), ("0", 0), ("７", 7), ("9.0", 9), ("10 - Extremely likely", 10), ("6点", 6),
    ("", None), (" ", None), ("11", "reject"), ("-3", "reject"), ("x", "reject"), ("4.5", "reject"),
]  # fmt: skip
COMMENT_TEXT = st.text(alphabet='ab ,"\n①～ア漢;\t', max_size=12)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(st.sampled_from(SCORE_CELLS), COMMENT_TEXT), max_size=30),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16"]),
)
def test_every_row_is_accounted_for(
    tmp_path: Path, rows: list[tuple[tuple[str, int | str | None], str]], encoding: str
) -> None:
    table = [["date", "score", "comment"]] + [["2026-03-04", cell, comment] for (cell, _), comment in rows]
    parsed = parse_file(write_csv(tmp_path / "p.csv", table, encoding=encoding))
    expected_ok = {n: fate for n, ((_, fate), _) in enumerate(rows, start=2) if isinstance(fate, int)}
    assert {r.line: r.score for r in parsed.responses} == expected_ok
    assert parsed.blank_lines == [n for n, ((_, fate), _) in enumerate(rows, start=2) if fate is None]
    assert [r.line for r in parsed.rejected] == [
        n for n, ((_, f), _) in enumerate(rows, start=2) if f == "reject"
    ]
    assert parsed.total_rows == len(rows)
    comments = {n: c.strip() for n, (_, c) in enumerate(rows, start=2)}
    assert all(r.comment == comments[r.line] for r in parsed.responses)


# --- project rules -----------------------------------------------------------------------------


def test_importers_do_not_import_textual_or_heavy_readers_up_front() -> None:
    code = (
        "import sys, cxtui.nps.importers, cxtui.nps.stats; "
        "bad = [m for m in ('textual', 'openpyxl', 'charset_normalizer') if m in sys.modules]; "
        "sys.exit(str(bad) if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

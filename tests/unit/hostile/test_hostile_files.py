"""Hostile files and arguments for the importers: one clear InputError, never a traceback or a hang."""

from __future__ import annotations

import io
import os
import re
import signal
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtui.errors import InputError
from cxtui.importing.limits import MAX_COLUMNS
from cxtui.importing.table import open_table
from cxtui.nps.importers import AmbiguousDatesError, SmallScaleError, _extra_keys, parse_file
from cxtui.nps.importers.layout import Layout


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A hang guard, not a timing: a test that does not finish in 60 s fails instead of blocking."""

    def hung(*_: object) -> None:
        raise TimeoutError("hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        parse_file(fifo)


def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        parse_file("/dev/zero")


def test_a_score_cell_of_thousands_of_digits_is_one_rejected_row(tmp_path: Path) -> None:
    path = tmp_path / "digits.csv"
    path.write_text("score\n" + "9" * 5000 + "\n7\n")
    parsed = parse_file(path)
    assert [r.score for r in parsed.responses] == [7]
    assert parsed.rejected[0].line == 2 and "64 characters" in parsed.rejected[0].reason


def test_a_column_argument_of_thousands_of_digits_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("score\n9\n")
    with pytest.raises(InputError, match="--score-column is longer than 1,000 characters"):
        parse_file(path, score_column="9" * 4400)
    with pytest.raises(InputError, match="has no column"):
        parse_file(path, score_column="9" * 900)


def test_too_many_columns_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(["q"] * (MAX_COLUMNS + 1)) + "\n" + ",".join(["9"] * (MAX_COLUMNS + 1)) + "\n")
    with pytest.raises(InputError, match="more than 1,000 columns"):
        parse_file(path)


def test_a_one_line_megabyte_file_ends_quickly_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "line.csv"
    path.write_text("x" * 1_000_000)
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert "\n" not in caught.value.message


def test_repeated_headers_get_numbered_keys_in_linear_time() -> None:
    headers = ["q"] * 900 + ["q (2)", "other"]
    layout = Layout("plain", 1, headers, [{h} for h in headers])
    keys = [key for _i, key in _extra_keys(layout, set())]
    assert keys[:3] == ["q", "q (2)", "q (3)"]
    assert len(set(keys)) == len(keys) == 902
    assert keys[-2] == "q (2) (2)"


def _xlsx_with_dimension(path: Path) -> Path:
    """A tiny XLSX claiming A1:XFD1048576 with one cell in its last row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "score"
    sheet["A1048576"] = 9
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(buffer)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*" */>', b'<dimension ref="A1:XFD1048576"/>', data)
                assert b"XFD1048576" in data
            out.writestr(item, data)
    return path


def test_an_xlsx_claiming_the_whole_sheet_is_read_as_it_is(tmp_path: Path) -> None:
    path = _xlsx_with_dimension(tmp_path / "huge.xlsx")
    assert path.stat().st_size < 10_000
    parsed = parse_file(path)
    assert [(r.line, r.score) for r in parsed.responses] == [(1048576, 9)]


def test_mixed_utf8_and_cp932_lines_are_refused_naming_them(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"score,comment\n" + "9,とても良い\n".encode() + "3,待ち時間が長い\n".encode("cp932") + b"7,ok\n"
    )
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert "lines 2 are UTF-8, lines 3 are not" in caught.value.message


def test_dates_outside_1900_2100_are_rejected_rows(tmp_path: Path) -> None:
    path = tmp_path / "edges.csv"
    path.write_text("date,score\n9999-12-31,9\n0001-01-01,8\n2026-03-04,7\n")
    parsed = parse_file(path)
    assert [r.score for r in parsed.responses] == [7]
    assert [r.line for r in parsed.rejected] == [2, 3]
    assert "1900-01-01 to 2100-12-31" in parsed.rejected[0].reason


def test_control_characters_in_cells_never_reach_the_answers(tmp_path: Path) -> None:
    path = tmp_path / "esc.csv"
    path.write_text("score,comment,store\n9,\x1b]0;PWNED\x1b\\ fine,\x1b[2JShibuya\n", encoding="utf-8")
    [answer] = parse_file(path).responses
    assert answer.comment == "]0;PWNED\\ fine" and answer.segment == "[2JShibuya"


def _dmy_rows(n_ambiguous: int, settling: str | None) -> str:
    rows = ["date,score"] + [f"{(i % 12) + 1:02d}/{(i % 9) + 1:02d}/2026,9" for i in range(n_ambiguous)]
    if settling:
        rows.append(f"{settling},8")
    return "\n".join(rows) + "\n"


def test_a_late_row_settles_day_first_and_earlier_dates_are_read_that_way(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    # 300 ambiguous rows (beyond the sample) before the first day above 12.
    path.write_text(_dmy_rows(300, "13/04/2026"))
    parsed = parse_file(path)
    assert parsed.responses[0].answered_at == datetime(2026, 1, 1)
    assert parsed.responses[1].answered_at == datetime(2026, 2, 2)
    assert parsed.responses[2].answered_at == datetime(2026, 3, 3)
    assert parsed.responses[12].answered_at == datetime(2026, 4, 1)  # "01/04" is 1 April
    assert parsed.responses[-1].answered_at == datetime(2026, 4, 13)
    assert (parsed.date_order, parsed.date_order_by) == ("dmy", "file")


def test_dates_no_row_settles_need_the_date_format(tmp_path: Path) -> None:
    path = tmp_path / "open.csv"
    path.write_text(_dmy_rows(20, None))
    with pytest.raises(AmbiguousDatesError, match="--date-format"):
        parse_file(path)
    dmy = parse_file(path, date_format="dmy")
    assert dmy.responses[1].answered_at == datetime(2026, 2, 2)
    assert dmy.responses[12].answered_at == datetime(2026, 4, 1)
    assert (dmy.date_order, dmy.date_order_by) == ("dmy", "option")
    assert parse_file(path, date_format="mdy").responses[12].answered_at == datetime(2026, 1, 4)


def test_a_one_to_five_column_is_refused_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "rating.csv"
    path.write_text("Rating\n1\n2\n5\n4\n")
    with pytest.raises(SmallScaleError, match="only answers from 1 to 5"):
        parse_file(path, score_column="Rating")
    assert len(parse_file(path, score_column="Rating", force_scale=True).responses) == 4


@pytest.mark.parametrize("header", ["Which store did you visit?", "ご利用の店舗はどちらですか"])
def test_a_store_question_is_found_as_the_segment(tmp_path: Path, header: str) -> None:
    path = tmp_path / "seg.csv"
    path.write_text(f"score,{header},comment\n9,Shibuya,good\n7,Ebisu,ok\n8,Shibuya,fine\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.columns.segment == header
    assert [r.segment for r in parsed.responses] == ["Shibuya", "Ebisu", "Shibuya"]


def test_errors_list_columns_whole_with_their_numbers(tmp_path: Path) -> None:
    long = "How likely are you to recommend our stores to a friend or colleague?"
    path = tmp_path / "cols.csv"
    path.write_text(f"Timestamp,{long},Why?\nx,y,z\n")
    with pytest.raises(InputError) as caught:
        parse_file(path)
    assert f'2 "{long}"' in caught.value.message and '1 "Timestamp"' in caught.value.message


@pytest.mark.parametrize("line_end", ["\r\n", "\n", "\r"])
def test_a_file_of_several_megabytes_is_read_row_for_row_across_chunks(tmp_path: Path, line_end: str) -> None:
    path = tmp_path / "big.csv"
    rows = [
        f'2026-03-{1 + i % 28:02d} 10:00:00,{i % 11},"comment {i}{line_end}second line",店舗{i % 3}'
        for i in range(60_000)
    ]
    path.write_bytes(line_end.join(["date,score,comment,store", *rows, ""]).encode("cp932"))
    assert path.stat().st_size > 3 * (1 << 20)  # several of the reader's 1 MB chunks
    parsed = parse_file(path)
    assert (len(parsed.responses), parsed.blank_lines, parsed.rejected) == (60_000, [], [])
    assert [r.score for r in parsed.responses] == [i % 11 for i in range(60_000)]
    assert parsed.responses[12_345].comment == "comment 12345\nsecond line"
    assert parsed.responses[-1].segment == f"店舗{59_999 % 3}"


def test_rows_are_streamed_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("score\n" + "9\n" * 12_000)
    table = open_table(path)
    assert next(table.rows) == (1, ["score"])
    # The file is read a chunk at a time: after one row, the rest is still unread text.
    assert next(table.rows) == (2, ["9"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600))
def test_random_bytes_end_in_an_input_error_or_a_parse(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    try:
        parsed = parse_file(path, date_format="dmy", force_scale=True)
    except InputError as exc:
        assert "\n" not in exc.message
        return
    for answer in parsed.responses:
        assert 0 <= answer.score <= 10
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", answer.comment + answer.segment)


markup_and_controls = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6),
        st.sampled_from(
            ["[/]", "[bold red]", "[@click=app.quit]", "\x1b]0;X\x07", "\x1b[2J", '"', ",", "\n", "\r"]
        ),
    ),
    max_size=10,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(-2, 12), markup_and_controls, markup_and_controls), max_size=8))
def test_random_text_in_cells_is_kept_as_data_without_controls(tmp_path: Path, rows: list) -> None:
    import csv

    path = tmp_path / "text.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["score", "comment", "store"])
        for score, comment, store in rows:
            writer.writerow([score, comment, store])
    try:
        parsed = parse_file(path, date_format="dmy", force_scale=True)
    except InputError as exc:
        assert "\n" not in exc.message
        return
    for answer in parsed.responses:
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", answer.comment + answer.segment)

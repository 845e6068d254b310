"""User text is data: control characters never pass the text boundary, CSV cells never run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cxtui.db.store import Store
from cxtui.files import csv_text, write_csv_atomically
from cxtui.importing.table import RejectedRow, save_rejects_csv
from cxtui.text import clean, csv_cell

CONTROL = [chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\n\t"]
HOSTILE = ["\x1b]0;PWNED\x1b\\", "\x1b]52;c;aGk=\x07", "\x1b[2J", "\x9b31m", "[/]", "[@click=app.quit]X[/]"]
text_with_controls = st.lists(
    st.one_of(st.text(max_size=8), st.sampled_from(CONTROL), st.sampled_from(HOSTILE)), max_size=12
).map("".join)


@given(text_with_controls)
def test_clean_leaves_no_control_character_but_newline_and_tab(text: str) -> None:
    cleaned = clean(text)
    assert not any(ch in cleaned for ch in CONTROL)
    assert clean(cleaned) == cleaned
    # Printable text is untouched.
    assert [ch for ch in cleaned] == [
        ch for ch in text.replace("\r\n", "\n").replace("\r", "\n") if ch not in CONTROL
    ]


@given(st.text(max_size=30))
def test_a_csv_cell_never_starts_a_formula(value: str) -> None:
    cell = csv_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell.lstrip("'") == clean(value).lstrip("'") or cell == "'" + clean(value)


def test_rejects_csv_neutralises_formulas_but_the_row_keeps_its_value(tmp_path: Path) -> None:
    rejected = [RejectedRow(3, "bad", "=cmd|' /C calc'!A0"), RejectedRow(4, "@SUM(A1)", "+1,-2")]
    path = tmp_path / "rejects.csv"
    save_rejects_csv(rejected, path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[1] == ["3", "bad", "'=cmd|' /C calc'!A0"]
    assert rows[2] == ["4", "'@SUM(A1)", "'+1,-2"]
    # What the TUI shows is the row as it was.
    assert rejected[0].raw == "=cmd|' /C calc'!A0"


@given(st.lists(st.lists(st.text(max_size=10), min_size=1, max_size=4), max_size=5))
@settings(max_examples=50)
def test_every_cell_cxtui_writes_to_a_csv_is_safe(rows: list[list[str]]) -> None:
    parsed = list(csv.reader(io.StringIO(csv_text(["h"], rows), newline="")))
    for row in parsed:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_write_is_atomic_and_keeps_an_old_file_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv_atomically(path, ["a"], [["1"]])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@given(text_with_controls)
@settings(max_examples=40, deadline=None)
def test_the_store_never_keeps_control_characters(title: str) -> None:
    from cxtui.okr import periods as okr_periods
    from cxtui.okr import quarters as okr_quarters
    from cxtui.okr import repo as okr
    from cxtui.okr.models import Objective

    store = Store.memory()
    period = okr_periods.add_period(store, okr_quarters.quarter_of(__import__("datetime").date(2026, 11, 22)))
    saved = okr.save_objective(store, Objective(period_id=period.id, title=title + "x", owner=title))
    raw = store.conn.execute("SELECT title, owner FROM objectives WHERE id = ?", [saved.id]).fetchone()
    for value in raw:
        assert not any(ch in value for ch in CONTROL)


def test_rows_written_by_another_program_are_cleaned_when_read() -> None:
    store = Store.memory()
    from cxtui.okr import periods as okr_periods
    from cxtui.okr import quarters as okr_quarters

    period = okr_periods.add_period(store, okr_quarters.quarter_of(__import__("datetime").date(2026, 11, 22)))
    store.conn.execute("UPDATE periods SET name = ? WHERE id = ?", ["FY\x1b]0;PWNED\x07[/]", period.id])
    assert okr_periods.periods(store)[0].name == "FY]0;PWNED[/]"

"""Cells as people type them: numbers with units and separators, yes/no marks, months."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxtui.importing.values import norm, parse_bool, parse_month, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12.0),
        ("12%", 12.0),
        ("12 %", 12.0),
        ("１２％", 12.0),
        ("12,345円", 12345.0),
        ("¥1,200", 1200.0),
        ("¥1,200円", 1200.0),
        ("-3.5", -3.5),
        ("+4", 4.0),
        (" 0.25 ", 0.25),
        ("4.2 pts", 4.2),
        ("18か月", 18.0),
        ("", None),
        ("   ", None),
        ("abc", None),
        ("12-3", None),
        ("1.2.3", None),
        ("nan", None),
        ("inf", None),
        ("9" * 100, None),  # no 100-digit numbers (and no 4,300-digit ones)
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_parse_number_reads_back_what_python_writes(value: float) -> None:
    assert parse_number(repr(value)) == value
    assert parse_number(f"{value:,.2f}") == pytest.approx(round(value, 2))


@given(st.text(max_size=80))
def test_parse_number_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or isinstance(result, float)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", True), ("Yes", True), ("はい", True), ("○", True), ("1", True), ("TRUE", True), ("ｙｅｓ", True),
        ("no", False), ("いいえ", False), ("×", False), ("0", False), ("false", False),
        ("", None), ("maybe", None), ("2", None), ("x", None),
    ],
)  # fmt: skip
def test_parse_bool(text: str, expected: bool | None) -> None:
    assert parse_bool(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05", date(2026, 5, 1)),
        ("2026/5", date(2026, 5, 1)),
        ("2026年5月", date(2026, 5, 1)),
        ("２０２６年５月", date(2026, 5, 1)),
        ("2026-05-17", date(2026, 5, 1)),
        ("2026/05/31 10:00", date(2026, 5, 1)),
        ("2026-13", None),
        ("May", None),
        ("", None),
    ],
)
def test_parse_month(text: str, expected: date | None) -> None:
    assert parse_month(text) == expected


def test_norm_folds_width_case_and_spacing() -> None:
    assert norm("  Repurchase   RATE ") == "repurchase rate"
    assert norm("再購入率") == norm("再購入率")
    assert norm("ＮＰＳ") == "nps"

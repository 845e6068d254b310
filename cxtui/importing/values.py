"""Reading the cells of a spreadsheet the way people type them, for every importer.

Numbers come with thousands separators, full-width digits, percent signs and currency (`12%`,
`12,345円`, `¥1,200`, `１２３`); yes/no answers in English and Japanese and as marks (○/×);
months as `2026-05`, `2026/5`, `2026年5月` or a date; headers compared without case, width or
spacing differences.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from cxtui.importing.dates import DateReader


def norm(text: str) -> str:
    """A header as compared: NFKC (full-width folded), case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


# What may stand around a number: currency and units people type in cells.
_AROUND = re.compile(
    r"^(?:[¥$€£]|JPY|USD|EUR)\s*|\s*(?:%|円|yen|JPY|USD|EUR|件|人|回|pts?|点|か月|ヶ月|ヵ月|months?)$", re.I
)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?", re.I)


def parse_number(text: str) -> float | None:
    """The number in a cell (`12%` → 12, `12,345円` → 12345, `１２３` → 123), or None if it is none.

    A blank cell is None too; the caller tells blank from unreadable by `text.strip()`.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if not value or len(value) > 64:
        return None
    value = _AROUND.sub("", value).strip()
    value = _AROUND.sub("", value).strip()  # "¥1,200円" has both
    value = value.replace(",", "").replace(" ", "")
    if not _NUMBER.fullmatch(value):
        return None
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return number


_TRUE = {"yes", "y", "true", "1", "はい", "○", "◯", "〇", "✓", "✔", "あり", "有", "済"}
_FALSE = {"no", "n", "false", "0", "いいえ", "×", "✕", "✗", "なし", "無", "-", "未"}


def parse_bool(text: str) -> bool | None:
    """A yes/no cell: yes/no, はい/いいえ, ○/×, 1/0, true/false (any case and width); None if not one.

    A blank cell is None; the caller decides whether blank means "no".
    """
    value = norm(text)
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


_MONTH = re.compile(r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?")


def parse_month(text: str) -> date | None:
    """The month of a cell as its first day: `2026-05`, `2026/5`, `2026年5月`, or any date in it."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    match = _MONTH.fullmatch(value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        return date(year, month, 1) if 1 <= month <= 12 else None
    when = DateReader().general(value)
    return None if when is None else date(when.year, when.month, 1)


def parse_day(text: str, reader: DateReader | None = None) -> date | None:
    """The date of a cell (time of day dropped), or None if unreadable."""
    when = reader(text) if reader is not None else DateReader().general(text)
    return None if when is None else when.date()

"""User text is data: the one rule for control characters and spreadsheet formulas.

`clean()` is applied where text enters (file cells, typed input, every row written to the store)
and where it leaves (rows read from the store, CLI output, files written): C0 and C1 control
characters other than newline and tab never reach a terminal or a file, so an objective titled
`ESC ] 0;PWNED ESC \\` cannot retitle the terminal, write the clipboard or blank the screen.
`csv_cell()` neutralises cells that a spreadsheet would run as a formula (OWASP's rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# C0 controls except tab (09) and newline (0a), DEL, and the C1 block (0x80-0x9f: CSI, OSC...).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The same, newline and tab included: for one-line fields and cells.
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SEARCH = _CONTROL.search


def has_control(text: str) -> bool:
    """Whether `text` holds a control character `clean()` would change (tab/newline do not count)."""
    return _SEARCH(text) is not None


def clean(text: str) -> str:
    """`text` without control characters; a carriage return (CRLF or alone) becomes a newline."""
    if _SEARCH(text) is None:
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """`text` on one line: newlines and tabs become spaces, other control characters go."""
    if _CONTROL_LINE.search(text) is None:
        return text
    return (
        _CONTROL.sub("", text.replace("\r\n", " ").replace("\r", " ")).replace("\n", " ").replace("\t", " ")
    )


def clean_value(value: object) -> object:
    """`clean()` for a str, anything else unchanged (a row value)."""
    if isinstance(value, str) and _SEARCH(value) is not None:
        return clean(value)
    return value


def clean_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row with every text value cleaned (the same dict when nothing needed it)."""
    for value in row.values():
        if value.__class__ is str and _SEARCH(value) is not None:
            return {k: clean_value(v) for k, v in row.items()}
    return row


# A spreadsheet runs a cell starting with these as a formula (=, +, -, @, or after a tab/CR).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell as cxtui writes it to a CSV: text that would start a formula gets a leading `'`.

    Only files are changed: what the app shows keeps the value as it is.
    """
    raw = "" if value is None else str(value)
    text = clean(raw)
    if raw.startswith(_FORMULA_START) or text.startswith(_FORMULA_START):
        return "'" + text
    return text


def csv_cells(values: Iterable[object]) -> list[str]:
    """`csv_cell()` of every value of a row."""
    return [csv_cell(v) for v in values]

"""Reading one NPS cell: a 0–10 score as survey tools write it (dates: `cxtui.importing.dates`).

Called once per data row, so the pattern is compiled once here; the caller caches scores.
"""

from __future__ import annotations

import re
import unicodedata

from cxtui.importing.dates import DateReader

# A score cell: a number, optionally followed by a unit (10点, 9 pts) and/or a label
# ("10 - Extremely likely", "0: Not at all likely", "10 (最高)").
_SCORE_RE = re.compile(
    r"([+-]?\d+(?:\.\d+)?)\s*(?:点|pts?\.?|points?)?\s*(?:[-–—:/(\[].*)?",
    re.IGNORECASE | re.DOTALL,
)

SCORE_BLANK = -1
# Reason keys (see cxtui/locales/nps_import.py); the caller formats them with the raw value.
NOT_NUMBER = "nps.import.score_not_number"
OUT_OF_RANGE = "nps.import.score_out_of_range"
NOT_WHOLE = "nps.import.score_not_whole"
TOO_LONG = "nps.import.score_too_long"
# "10 - Extremely likely" and the like fit easily; a longer cell is no score (and int() of
# thousands of digits would raise).
MAX_SCORE_CHARS = 64


def parse_score(text: str) -> int | str:
    """A 0–10 score from a cell: the int, SCORE_BLANK for a blank cell, or a reason key.

    Full-width digits and signs are folded by NFKC, so `１０` and `１０点` read as 10.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return SCORE_BLANK
    if len(value) > MAX_SCORE_CHARS:
        return TOO_LONG
    match = _SCORE_RE.fullmatch(value)
    if match is None:
        return NOT_NUMBER
    number = match.group(1)
    if "." in number:
        whole, _, fraction = number.partition(".")
        # Excel writes 9 as "9.0"; 7.5 is not an NPS answer.
        if fraction.strip("0"):
            return NOT_WHOLE
        number = whole
    score = int(number)
    if not 0 <= score <= 10:
        return OUT_OF_RANGE
    return score


def looks_like_value(text: str) -> bool:
    """True when a cell reads as a number or a date (so a row of them is data, not a header)."""
    value = text.strip()
    if not value:
        return True
    if isinstance(parse_score(value), int):
        return True
    try:
        float(unicodedata.normalize("NFKC", value))
        return True
    except ValueError:
        pass
    return DateReader().general(value) is not None

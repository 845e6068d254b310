"""Reading dates in the formats spreadsheets and survey tools write, for every importer.

`DateReader` learns a column's format from its first values (ISO, YYYY/MM/DD, D/M/Y vs M/D/Y,
2026年3月4日, Excel serial days) and takes a fast path for the common ones: it is called once per
data row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta

_TZ = r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?"
_TIME = r"(?:[T ]+(午前|午後)?\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?\s*([AaPp]\.?[Mm]\.?)?)?"
# 2026-03-04 10:15:00, 2026/3/4 3:15:00 PM, 2026.03.04, 2026/03/04 午後 3:15:00 (Excel ja)
_YMD_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME + _TZ)
# 3/4/2026 10:15:00, 03/04/2026 10:15:00 AM (SurveyMonkey), 3/4/26 10:15 (Microsoft Forms)
_XDY_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})" + _TIME + _TZ)
# 2026年3月4日, 2026年3月4日 10:15, 2026年3月4日(水) 10時15分
_JA_RE = re.compile(
    r"(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日\s*(?:[(（][^)）]*[)）])?"
    r"(?:\s*(午前|午後)?\s*(\d{1,2})[:時](\d{1,2})分?(?:[:]?(\d{1,2})秒?)?)?"
)
_EXCEL_EPOCH = datetime(1899, 12, 30)
_GENERAL, _ISO, _SLASHED = 0, 1, 2


def _hour(hour: int, marker: str | None) -> int:
    """24-hour clock from a 12-hour one with AM/PM (or 午前/午後); unchanged without a marker."""
    if not marker:
        return hour
    pm = marker[0] in "Pp午" and marker != "午前"
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


class DateReader:
    """Reads the dates of one column, learning its format from the first values it sees.

    D/M/Y vs M/D/Y is decided per file: `order` ("dmy"/"mdy", e.g. from --date-format) when given,
    else the first value whose first or second number is above 12 (in the sample, or later in the
    file). Until then an ambiguous value (03/04/2026) is read as M/D/Y and counted in `ambiguous`,
    and `guessed` is True after such a call, so an importer can hold those rows until the file
    settles it (see `settled`) and fix them with `swap_day_month`.
    """

    __slots__ = ("ambiguous", "day_first", "decided", "guessed", "mode", "slashed")

    def __init__(self, samples: Iterable[str] = (), order: str | None = None) -> None:
        values = [v.strip() for v in samples if v.strip()]
        # US tools (SurveyMonkey, Google Forms in en-US) write M/D/Y, most others D/M/Y.
        self.day_first = order == "dmy"
        self.decided: str | None = "option" if order in ("dmy", "mdy") else None
        self.ambiguous = 0
        self.slashed = 0  # D/M/Y or M/D/Y values read
        self.guessed = False
        if self.decided is None:
            for value in values:
                match = _XDY_RE.fullmatch(unicodedata.normalize("NFKC", value))
                if match:
                    self._learn(int(match.group(1)), int(match.group(2)))
                    if self.decided:
                        break
        # The ISO forms (Typeform, Qualtrics, plain files, xlsx cells) and zero-padded
        # YYYY/MM/DD (Google Forms ja) go straight to the C parser; other columns take the
        # general reader. A value the fast parser refuses still gets the general reader.
        self.mode = _GENERAL
        if values:
            for mode, text in ((_ISO, values[0]), (_SLASHED, values[0].replace("/", "-"))):
                try:
                    datetime.fromisoformat(text)
                except ValueError:
                    continue
                self.mode = mode
                break

    def _learn(self, first: int, second: int) -> None:
        """Settle D/M vs M/D from one value whose numbers leave no doubt."""
        if first > 12 and second <= 12:
            self.day_first, self.decided = True, "file"
        elif second > 12 and first <= 12:
            self.day_first, self.decided = False, "file"

    @property
    def settled(self) -> bool:
        """Whether every date read so far is certain (no ambiguous one is still a guess)."""
        return self.decided is not None or self.ambiguous == 0

    @property
    def order(self) -> str | None:
        """ "dmy" or "mdy" once decided or guessed; None when no D/M/Y-style date was read."""
        if self.slashed == 0 or (self.decided is None and self.ambiguous == 0):
            return None
        return "dmy" if self.day_first else "mdy"

    @staticmethod
    def swap_day_month(when: datetime) -> datetime:
        """A date read as M/D/Y, read as D/M/Y instead (both numbers are ≤ 12 when ambiguous)."""
        return when.replace(month=when.day, day=when.month)

    def __call__(self, text: str) -> datetime | None:
        """The date and time in `text` (naive, the clock time as written), or None if unreadable."""
        mode = self.mode
        if mode == _GENERAL:
            return self.general(text)
        try:
            when = datetime.fromisoformat(text if mode == _ISO else text.replace("/", "-"))
        except ValueError:
            return self.general(text)
        return when if when.tzinfo is None else when.replace(tzinfo=None)

    def general(self, text: str) -> datetime | None:
        """Slow path: every supported format, after folding full-width characters."""
        value = unicodedata.normalize("NFKC", text).strip()
        if not value:
            return None
        try:
            match = _YMD_RE.fullmatch(value)
            if match:
                y, mo, d, ampm1, hh, mi, ss, frac, ampm2 = match.groups()
                return self._build(int(y), int(mo), int(d), hh, mi, ss, frac, ampm1 or ampm2)
            match = _XDY_RE.fullmatch(value)
            if match:
                a, b, y, ampm1, hh, mi, ss, frac, ampm2 = match.groups()
                year = int(y) + (2000 if len(y) == 2 else 0)
                first, second = int(a), int(b)
                self.slashed += 1
                if self.decided is None:
                    self._learn(first, second)
                    if self.decided is None and first != second:
                        self.ambiguous += 1
                        self.guessed = True
                month, day = (second, first) if self.day_first else (first, second)
                return self._build(year, month, day, hh, mi, ss, frac, ampm1 or ampm2)
            match = _JA_RE.fullmatch(value)
            if match:
                y, mo, d, ampm, hh, mi, ss = match.groups()
                return self._build(int(y), int(mo), int(d), hh, mi, ss, None, ampm)
            # An Excel serial day number (a date cell saved as a number): 20000 ≈ 1954, 80000 ≈ 2119.
            serial = float(value)
            if 20000 <= serial <= 80000:
                return _EXCEL_EPOCH + timedelta(days=serial)
        except (ValueError, OverflowError):
            pass
        return None

    @staticmethod
    def _build(
        y: int,
        mo: int,
        d: int,
        hh: str | None,
        mi: str | None,
        ss: str | None,
        frac: str | None,
        ampm: str | None,
    ) -> datetime:
        if hh is None:
            return datetime(y, mo, d)
        micro = int((frac + "00000")[:6]) if frac else 0
        return datetime(y, mo, d, _hour(int(hh), ampm), int(mi or 0), int(ss or 0), micro)

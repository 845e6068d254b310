"""Quarters of a (fiscal) year: the period a new workspace starts with and the one proposed next.

Pure: no store. The fiscal year's first month is a workspace setting (`repo.fiscal_start_month`);
with January, quarters are calendar quarters named `2026 Q4`; with any other month they are named
after the year the fiscal year starts in (`FY2026 Q1` = April-June 2026 when it starts in April,
the Japanese 年度).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from cxtui.i18n import t
from cxtui.okr.models import Period

CALENDAR = 1


def _first_of(month_index: int) -> date:
    """The first day of the month counted from year 0 (`year * 12 + month - 1`)."""
    return date(month_index // 12, month_index % 12 + 1, 1)


def quarter_of(day: date, start_month: int = CALENDAR) -> Period:
    """The quarter of the fiscal year starting in `start_month` that contains `day`, unsaved."""
    if not 1 <= start_month <= 12:
        start_month = CALENDAR
    month_index = day.year * 12 + day.month - 1
    first = month_index - (day.month - start_month) % 3
    number = (_first_of(first).month - start_month) % 12 // 3 + 1
    start = _first_of(first)
    end = _first_of(first + 3) - timedelta(days=1)
    if start_month == CALENDAR:
        name = f"{start.year} Q{number}"
    else:
        fiscal_year = _first_of(first - (number - 1) * 3).year
        name = t("okr.period.fiscal_quarter", year=fiscal_year, quarter=number)
    return Period(name=name, start=start, end=end)


def is_quarter(period: Period, start_month: int = CALENDAR) -> bool:
    """Whether `period` spans exactly one quarter of that fiscal year (whatever its name)."""
    quarter = quarter_of(period.start, start_month)
    return (quarter.start, quarter.end) == (period.start, period.end)


def following_period(period: Period, start_month: int = CALENDAR) -> Period:
    """The period right after `period`: the next quarter after a quarter of the fiscal year;
    otherwise the same length, named by counting on (`NexBridge Q2` -> `NexBridge Q3`)."""
    if is_quarter(period, start_month):
        return quarter_of(period.end + timedelta(days=1), start_month)
    if start_month != CALENDAR and is_quarter(period, CALENDAR):
        # A calendar quarter made before the fiscal year was set: go on with calendar quarters.
        return quarter_of(period.end + timedelta(days=1), CALENDAR)
    start = period.end + timedelta(days=1)
    numbered = re.fullmatch(r"(.*?)(\d+)", period.name)
    name = f"{numbered.group(1)}{int(numbered.group(2)) + 1}" if numbered else start.isoformat()
    return Period(name=name, start=start, end=start + timedelta(days=period.days - 1))

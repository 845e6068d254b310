"""The limits every importer keeps, so no file or argument can make cxtui hang or run out of memory.

Stated in the README and in `--help`; each error names the limit that was hit.
"""

from __future__ import annotations

from datetime import date, datetime

MAX_FILE_BYTES = 256 * 1024 * 1024  # a 1,000,000-answer export is ~50 MB as CSV
MAX_ROWS = 2_000_000  # rows of a file (CSV records or sheet rows), header rows included
MAX_COLUMNS = 1_000  # cells of one row (Qualtrics exports reach a few hundred)
MAX_CELL_CHARS = 32_767  # characters of one cell: what an Excel cell holds
MAX_ARGUMENT_CHARS = 1_000  # a column name or number given on the command line or in a dialog
# Dates outside these years are typing or export errors (0001-01-01, 9999-12-31).
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)


def date_in_range(value: date | datetime) -> bool:
    """Whether a date lies within DATE_MIN..DATE_MAX."""
    day = value.date() if isinstance(value, datetime) else value
    return DATE_MIN <= day <= DATE_MAX


def date_range_problem(value: date | datetime | str, shown: str) -> str | None:
    """The reject reason of a date outside DATE_MIN..DATE_MAX (`shown`: the cell as written), else
    None; `value` may be an ISO date string. Every importer rejects such a row with this reason."""
    from cxtui.i18n import t

    day = date.fromisoformat(value[:10]) if isinstance(value, str) else value
    if date_in_range(day):
        return None
    return f"{shown}: {t('common.err.date_range', first=DATE_MIN.isoformat(), last=DATE_MAX.isoformat())}"


def limits_help() -> str:
    """The limits in one sentence, for `--help`."""
    return (
        f"Limits: a regular file of at most {MAX_FILE_BYTES // (1024 * 1024)} MB, {MAX_ROWS:,} rows, "
        f"{MAX_COLUMNS:,} columns, {MAX_CELL_CHARS:,} characters a cell; dates "
        f"{DATE_MIN.isoformat()} to {DATE_MAX.isoformat()}."
    )

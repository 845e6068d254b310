""" "Today" in one place, so tests and benchmarks can fix it (CXTUI_TODAY=YYYY-MM-DD)."""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    """The date cxtui treats as today: $CXTUI_TODAY if set, else the system date."""
    fixed = os.environ.get("CXTUI_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()

"""Light reads of weekly reviews (only the models and the store): what the home dashboard needs before
its first paint. `cxtui.review.repo` has everything else."""

from __future__ import annotations

from datetime import date, timedelta

from cxtui.db.store import Store
from cxtui.review.models import Review


def week_start(day: date) -> date:
    """The Monday of `day`'s week (a review belongs to its week)."""
    return day - timedelta(days=day.weekday())


def last_finished(store: Store, before: date | None = None, exclude: str | None = None) -> Review | None:
    """The latest finished review (dated on or before `before`, other than `exclude`)."""
    found = store.models(
        Review,
        "SELECT * FROM reviews WHERE finished IS NOT NULL AND date <= ? AND id <> ? "
        "ORDER BY date DESC, finished DESC LIMIT 1",
        [(before or date.max).isoformat(), exclude or ""],
    )
    return found[0] if found else None


def open_review(store: Store, today: date) -> Review | None:
    """This week's review if it was started and left part-way (to resume), else None."""
    found = store.models(
        Review,
        "SELECT * FROM reviews WHERE finished IS NULL AND date >= ? AND date <= ? "
        "ORDER BY started DESC LIMIT 1",
        [week_start(today).isoformat(), today.isoformat()],
    )
    return found[0] if found else None


def done_this_week(store: Store, today: date) -> Review | None:
    """This week's finished review, if there is one (the weekly review is then not due)."""
    found = store.models(
        Review,
        "SELECT * FROM reviews WHERE finished IS NOT NULL AND date >= ? AND date <= ? "
        "ORDER BY finished DESC LIMIT 1",
        [week_start(today).isoformat(), today.isoformat()],
    )
    return found[0] if found else None

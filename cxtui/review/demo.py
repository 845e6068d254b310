"""Weekly-review part of the demo workspace: the 10 past weekly reviews of `cxtui/review/data/
reviews.json`, each on the Friday of its week (15:00 in Tokyo, as NexBridge's "毎週金曜15時"),
with what it went through: the check-ins and KPI values of that week, and the cycles it reviewed.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from importlib import resources
from typing import Any

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.models import to_row
from cxtui.review.models import ItemKind, Review, ReviewItem
from cxtui.validation import checked

FRIDAY = 4
TOKYO = timezone(timedelta(hours=9))


def _pick(text: dict[str, str], lang: str) -> str:
    return text["ja" if lang == "ja" else "en"]


def review_day(today: date, weeks_ago: int) -> date:
    """The Friday of the week `weeks_ago` weeks before `today`'s."""
    return today - timedelta(days=today.weekday()) - timedelta(weeks=weeks_ago) + timedelta(days=FRIDAY)


def _items(store: Store, review_id: str, day: date) -> list[ReviewItem]:
    week = ((day - timedelta(days=6)).isoformat(), day.isoformat())
    found = [
        ReviewItem(
            review_id=review_id,
            kind=ItemKind.kr,
            ref_id=r["kr_id"],
            value=r["value"],
            text=r["note"],
            record_id=r["id"],
        )
        for r in store.rows(
            "SELECT id, kr_id, value, note FROM checkins WHERE date BETWEEN ? AND ? ORDER BY date", week
        )
    ]
    found += [
        ReviewItem(
            review_id=review_id,
            kind=ItemKind.kpi,
            ref_id=r["kpi_id"],
            value=r["value"],
            text=r["note"],
            record_id=r["id"],
        )
        for r in store.rows(
            "SELECT v.id, v.kpi_id, v.value, v.note FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id "
            "WHERE k.focus = 1 AND k.source = 'typed' AND v.date BETWEEN ? AND ? ORDER BY v.date",
            week,
        )
    ]
    found += [
        ReviewItem(
            review_id=review_id, kind=ItemKind.cycle, ref_id=r["id"], text=r["learning"], record_id=r["id"]
        )
        for r in store.rows(
            "SELECT id, learning FROM cycles WHERE state = 'reviewed' AND \"end\" BETWEEN ? AND ?", week
        )
    ]
    return found


def add_demo(store: Store, lang: str, today: date) -> None:
    """Add the demo's past weekly reviews with their items."""
    data: dict[str, Any] = json.loads(
        resources.files("cxtui").joinpath("review/data/reviews.json").read_text(encoding="utf-8")
    )
    review_rows, item_rows = [], []
    for spec in sorted(data["reviews"], key=lambda s: -int(s["weeks_ago"])):
        day = review_day(today, int(spec["weeks_ago"]))
        if day > today:
            continue
        seconds = 11 * 60 + (int(spec["weeks_ago"]) * 97) % 300  # 11 to 16 minutes
        began = datetime.combine(day, time(15, 0), TOKYO).astimezone(UTC)
        review = checked(
            Review(
                date=day,
                started=began.isoformat(timespec="seconds"),
                finished=(began + timedelta(seconds=seconds)).isoformat(timespec="seconds"),
                step=6,
                seconds=seconds,
                learning=_pick(spec["learning"], lang),
                next_step=_pick(spec["next_step"], lang),
                notes=_pick(spec["note"], lang),
            )
        )
        review_rows.append(to_row(review))
        item_rows += [to_row(item) for item in _items(store, review.id, day)]
    with store.action(t("review.act.demo")):
        store.insert_rows("reviews", review_rows)
        store.insert_rows("review_items", item_rows)

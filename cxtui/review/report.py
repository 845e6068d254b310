"""The weekly-review section of the report: the last review's learning and next step, and the record of
every review (dated, how far it got, how long it took, what was entered).

JSON (keys are added, never renamed)::

    "reviews": {
      "last": null | {review},          # the latest finished review
      "reviews": [                      # newest first
        {"id", "date", "started", "finished": str | null, "step": 1..6, "seconds",
         "learning", "next_step", "notes",
         "items": {"kr": int, "kpi": int, "voice": int, "cycle": int}}],
      "period": null | {"name", "start", "end"}   # with `--period NAME`: only the reviews dated in it
    }
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.page import h, md_escape
from cxtui.review import repo
from cxtui.review.models import ItemKind, Review

Data = dict[str, Any]
REPORT_PLACE = "voices"  # beside the numbers on the one-page report


def review_json(review: Review, counts: dict[str, int]) -> Data:
    """One review as JSON."""
    return {
        "id": review.id,
        "date": review.date.isoformat(),
        "started": review.started,
        "finished": review.finished,
        "step": review.step,
        "seconds": review.seconds,
        "learning": review.learning,
        "next_step": review.next_step,
        "notes": review.notes,
        "items": {kind.value: counts.get(kind.value, 0) for kind in ItemKind},
    }


def section(store: Store, today: date, period_name: str | None = None) -> Data:
    """The report's "reviews" key: every review, or with `period_name` those dated within it."""
    period = None
    if period_name is not None and store.has_table("periods"):
        from cxtui.okr.report import choose_period

        period = choose_period(store, period_name, today)
    shown = (
        None
        if period is None
        else {"name": period.name, "start": period.start.isoformat(), "end": period.end.isoformat()}
    )
    if not store.has_table("reviews"):
        return {"reviews": {"last": None, "reviews": [], "period": shown}}
    counts = repo.item_counts(store)
    every = [
        review_json(r, counts.get(r.id, {}))
        for r in repo.reviews(store)
        if period is None or period.start <= r.date <= period.end
    ]
    last = next((r for r in every if r["finished"] is not None), None)
    return {"reviews": {"last": last, "reviews": every, "period": shown}}


def minutes(seconds: int) -> str:
    """`12:34` (minutes and seconds)."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def _head(last: Data) -> str:
    return t("review.report.last", date=last["date"], time=minutes(int(last["seconds"])))


def markdown(data: Data) -> list[str]:
    """The last review's learning and next step, in Markdown."""
    last = data["reviews"]["last"]
    out = [f"## {t('review.report.title')}", ""]
    if last is None:
        return out + [t("review.report.none"), ""]
    out += [md_escape(_head(last)), ""]
    out.append(f"- **{md_escape(t('review.report.learning'))}** {md_escape(last['learning'] or '—')}")
    out.append(f"- **{md_escape(t('review.report.next_step'))}** {md_escape(last['next_step'] or '—')}")
    if last["notes"]:
        out.append(f"- {md_escape(last['notes'])}")
    done = sum(1 for r in data["reviews"]["reviews"] if r["finished"])
    out += ["", md_escape(t("review.report.count", n=done)), ""]
    return out


def html(data: Data) -> list[str]:
    """The last review's learning and next step, in HTML."""
    last = data["reviews"]["last"]
    out = [f"<h2>{h(t('review.report.title'))}</h2>"]
    if last is None:
        return out + [f"<p>{h(t('review.report.none'))}</p>"]
    out.append(f'<div class="card"><p class="meta">{h(_head(last))}</p>')
    out.append(f"<p><strong>{h(t('review.report.learning'))}</strong> {h(last['learning'] or '—')}</p>")
    out.append(f"<p><strong>{h(t('review.report.next_step'))}</strong> {h(last['next_step'] or '—')}</p>")
    if last["notes"]:
        out.append(f'<p class="meta">{h(last["notes"])}</p>')
    out.append("</div>")
    done = sum(1 for r in data["reviews"]["reviews"] if r["finished"])
    out.append(f'<p class="note">{h(t("review.report.count", n=done))}</p>')
    return out

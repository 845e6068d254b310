"""Weekly-review reads and edits. Each entry is one user action (one transaction, one undo step):
the row it writes in its own domain (a check-in, a KPI value, a piece of evidence, a cycle's review)
together with the review item that remembers it, so leaving part-way keeps everything entered.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from cxtui.cycles import repo as cycles
from cxtui.db.store import Store
from cxtui.errors import WorkspaceError
from cxtui.i18n import t
from cxtui.ids import new_id, utc_now
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Evidence, EvidenceKind, KpiValue
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr.models import CheckIn, Confidence
from cxtui.review.models import ItemKind, Review, ReviewItem
from cxtui.validation import checked

# -- reads ------------------------------------------------------------------------------------


def reviews(store: Store, limit: int | None = None) -> list[Review]:
    """Reviews, newest first."""
    sql = "SELECT * FROM reviews ORDER BY date DESC, started DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.models(Review, sql)


def find_review(store: Store, review_id: str) -> Review | None:
    """One review by id."""
    return store.model(Review, "reviews", review_id)


def get_review(store: Store, review_id: str) -> Review:
    """One review by id; WorkspaceError when it is gone (deleted or undone meanwhile)."""
    found = find_review(store, review_id)
    if found is None:
        raise WorkspaceError(t("db.ws.not_found_row", what=t("review.domain.reviews"), id=review_id))
    return found


def items(store: Store, review_id: str) -> list[ReviewItem]:
    """What was entered in a review, in the order it was entered."""
    return store.models(
        ReviewItem, "SELECT * FROM review_items WHERE review_id = ? ORDER BY created, id", [review_id]
    )


def entered(store: Store, review_id: str) -> dict[tuple[ItemKind, str], ReviewItem]:
    """A review's items by (kind, KR/KPI/cycle id); voices by their evidence id."""
    return {(item.kind, item.ref_id or item.record_id or item.id): item for item in items(store, review_id)}


def item_counts(store: Store) -> dict[str, dict[str, int]]:
    """How many items of each kind every review has, by review id (one query)."""
    found: dict[str, dict[str, int]] = {}
    for row in store.rows("SELECT review_id, kind, COUNT(*) AS n FROM review_items GROUP BY review_id, kind"):
        found.setdefault(str(row["review_id"]), {})[str(row["kind"])] = int(row["n"])
    return found


# -- edits ------------------------------------------------------------------------------------


def start_review(store: Store, today: date) -> Review:
    """Start this week's review (its date is today)."""
    # Nothing typed here, only today and the time: the domain rules without pydantic, so that opening
    # the review does not wait ~250 ms for it (the screen loads it meanwhile for the first entry).
    review = Review(date=today, started=utc_now()).check()
    with store.action(t("review.act.start")):
        store.save("reviews", review)
    return review


def _progress(store: Store, review: Review, step: int, seconds: int) -> Review:
    """The review with the furthest step reached and the time spent so far, saved if they changed."""
    moved = replace(review, step=max(review.step, step), seconds=max(review.seconds, seconds))
    if (moved.step, moved.seconds) != (review.step, review.seconds):
        store.update_row("reviews", review.id, {"step": moved.step, "seconds": moved.seconds})
    return moved


def _item(store: Store, review: Review, kind: ItemKind, ref_id: str | None, **values: object) -> ReviewItem:
    previous = entered(store, review.id).get((kind, ref_id or "")) if ref_id else None
    if previous is not None:
        item = replace(previous, review_id=review.id, kind=kind, ref_id=ref_id)  # keeps its stamps
    else:
        item = ReviewItem(id=new_id(), review_id=review.id, kind=kind, ref_id=ref_id)
    item = replace(item, **values)  # type: ignore[arg-type]
    store.save("review_items", item)
    return item


def _earlier(store: Store, review: Review, kind: ItemKind, ref_id: str) -> ReviewItem | None:
    return entered(store, review.id).get((kind, ref_id))


def _stamps(store: Store, table: str, record_id: str) -> dict[str, str]:
    """The created/updated stamps of a row being corrected: saving it again is this session's edit of
    the row as read, not a blind overwrite (the store refuses those when another program changed it)."""
    row = store.get_row(table, record_id)
    return {} if row is None else {"created": str(row["created"]), "updated": str(row["updated"])}


def enter_kr(
    store: Store,
    review: Review,
    kr_id: str,
    value: float,
    *,
    note: str = "",
    confidence: Confidence = Confidence.on_track,
    today: date,
    step: int = 1,
    seconds: int = 0,
) -> tuple[Review, ReviewItem]:
    """A KR's check-in typed in the review (typing it again in the same review corrects it; a check-in
    made earlier the same day is replaced)."""
    earlier = _earlier(store, review, ItemKind.kr, kr_id)
    record_id = earlier.record_id if earlier and earlier.record_id else new_id()
    if store.get_row("checkins", record_id) is None and earlier is not None:
        record_id = new_id()  # its check-in was deleted meanwhile: write a new one
    checkin = CheckIn(
        id=record_id,
        kr_id=kr_id,
        date=today,
        value=value,
        confidence=confidence,
        note=note,
        **_stamps(store, "checkins", record_id),
    )
    with store.action(t("review.act.kr")):
        # This week's value, typed with the previous one beside it: it replaces a check-in already
        # made today (the check-in dialog asks first; here the review is the week's check-in).
        okr_checkins.record_checkin(store, checkin, today=today, replace=True)
        item = _item(store, review, ItemKind.kr, kr_id, value=value, text=note, record_id=record_id)
        review = _progress(store, review, step, seconds)
    return review, item


def enter_kpi(
    store: Store,
    review: Review,
    kpi_id: str,
    value: float,
    *,
    note: str = "",
    today: date,
    step: int = 2,
    seconds: int = 0,
) -> tuple[Review, ReviewItem]:
    """A KPI's value typed in the review, dated today (replacing any value of today, as the KPI screen
    does when asked; typing it again in the same review corrects it)."""
    earlier = _earlier(store, review, ItemKind.kpi, kpi_id)
    record_id = earlier.record_id if earlier and earlier.record_id else new_id()
    if earlier is not None and store.get_row("kpi_values", record_id) is None:
        record_id = new_id()  # its value was deleted meanwhile: write a new one
    value_row = KpiValue(
        id=record_id,
        kpi_id=kpi_id,
        date=today,
        value=value,
        note=note,
        **_stamps(store, "kpi_values", record_id),
    )
    with store.action(t("review.act.kpi")):
        saved = kpis.record_value(store, value_row, replace=True)
        item = _item(store, review, ItemKind.kpi, kpi_id, value=value, text=note, record_id=saved.id)
        review = _progress(store, review, step, seconds)
    return review, item


def capture_voice(
    store: Store,
    review: Review,
    quote: str,
    *,
    today: date,
    cycle_id: str | None = None,
    step: int = 3,
    seconds: int = 0,
) -> tuple[Review, ReviewItem]:
    """A voice heard this week, captured from the review (the 1-minute record's phrase)."""
    evidence = Evidence(date=today, quote=quote, kind=EvidenceKind.conversation, cycle_id=cycle_id)
    with store.action(t("review.act.voice")):
        saved = kpis.save_evidence(store, evidence)
        item = _item(store, review, ItemKind.voice, None, text=saved.quote, record_id=saved.id)
        review = _progress(store, review, step, seconds)
    return review, item


def review_cycle(
    store: Store,
    review: Review,
    cycle_id: str,
    learning: str,
    next_step: str | None = None,
    *,
    step: int = 4,
    seconds: int = 0,
) -> tuple[Review, ReviewItem]:
    """A cycle reviewed in place: its learning (kept at once), then its next step (which closes it)."""
    with store.action(t("review.act.cycle")):
        if next_step is None:
            cycles.record_learning(store, cycle_id, learning)
        else:
            cycles.review_cycle(store, cycle_id, learning, next_step)
        item = _item(store, review, ItemKind.cycle, cycle_id, text=learning, record_id=cycle_id)
        review = _progress(store, review, step, seconds)
    return review, item


def pause(store: Store, review: Review, step: int, seconds: int) -> Review:
    """Leave the review part-way: remember the furthest step and the time spent (all entries are
    already saved)."""
    if review.step >= step and review.seconds >= seconds:
        return review
    with store.action(t("review.act.pause")):
        return _progress(store, review, step, seconds)


def note_learning(store: Store, review: Review, learning: str) -> Review:
    """Write down the review's one learning (its one next step then ends the review)."""
    noted = checked(replace(get_review(store, review.id), learning=learning))
    with store.action(t("review.act.learning")):
        store.update_row("reviews", review.id, {"learning": noted.learning})
    return noted


def finish(store: Store, review: Review, learning: str, next_step: str, *, seconds: int) -> Review:
    """End the review with its one learning and one next step: a dated record in the history."""
    done = checked(
        replace(
            review,
            learning=learning,
            next_step=next_step,
            finished=utc_now(),
            step=6,
            seconds=max(review.seconds, seconds),
        )
    )
    with store.action(t("review.act.finish")):
        store.save("reviews", done)
    return done


def delete_review(store: Store, review_id: str) -> None:
    """Delete a review record and its items; what they wrote elsewhere stays (undoable)."""
    with store.action(t("review.act.delete")):
        store.delete_where("review_items", "review_id = ?", [review_id])
        store.delete_row("reviews", review_id)

"""Check-ins: record, edit and delete them. Each is one user action (one undo step), and afterwards
the KR's current value and confidence are those of its latest check-in (by date), or unset.

Dates are guarded here, not only in a dialog: one mistyped year would otherwise make a check-in the
"latest" for good. A check-in dated after today or outside its KR's period, or a second one on the
same KR and day, raises a `CheckInQuestion`; the caller asks the user and, on yes, records it again
with the keyword that question names (`date_confirmed=True`, `replace=True`).
"""

from __future__ import annotations

from datetime import date

from cxtui import clock
from cxtui.db.store import Store
from cxtui.errors import InputError, WorkspaceError
from cxtui.format import with_unit
from cxtui.i18n import t
from cxtui.okr.models import CheckIn, KeyResult, KRKind, Period
from cxtui.validation import checked


class CheckInQuestion(InputError):
    """A check-in that needs the user's yes first; `confirm` is the keyword of `record_checkin` that
    gives it."""

    confirm = ""

    def __init__(self, problem: str) -> None:
        super().__init__(f"{t('common.field.date')}: {problem}", field="date")
        self.problem = problem


class DateQuestion(CheckInQuestion):
    """Dated after today or outside the KR's period."""

    confirm = "date_confirmed"


class SameDayQuestion(CheckInQuestion):
    """The KR already has a check-in that day: the new one would replace it."""

    confirm = "replace"

    def __init__(self, problem: str, existing: list[CheckIn]) -> None:
        super().__init__(problem)
        self.existing = existing


# -- reads ---------------------------------------------------------------------------------


def checkins(store: Store, kr_id: str, limit: int | None = None) -> list[CheckIn]:
    """Check-ins of a key result, newest first."""
    sql = "SELECT * FROM checkins WHERE kr_id = ? ORDER BY date DESC, created DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.models(CheckIn, sql, [kr_id])


def find_checkin(store: Store, checkin_id: str) -> CheckIn | None:
    """One check-in by id."""
    return store.model(CheckIn, "checkins", checkin_id)


def kr_period(store: Store, kr_id: str) -> Period | None:
    """The period of a key result's objective."""
    found = store.models(
        Period,
        "SELECT p.* FROM periods p JOIN objectives o ON o.period_id = p.id "
        "JOIN key_results k ON k.objective_id = o.id WHERE k.id = ?",
        [kr_id],
    )
    return found[0] if found else None


def check_checkin_value(kr: KeyResult, value: float) -> None:
    """InputError on `value` unless it fits the KR: a milestone is 0 (not done) or 1 (done)."""
    if kr.kind is KRKind.milestone and value not in (0, 1):
        raise InputError(f"{t('common.field.value')}: {t('common.err.milestone_value')}", field="value")


def date_problems(store: Store, checkin: CheckIn, today: date) -> list[str]:
    """What is odd about the check-in's date ("after today", "outside the period ...").

    An edit that keeps the date the check-in already had raises nothing: it was accepted before.
    """
    stored = find_checkin(store, checkin.id)
    if stored is not None and stored.date == checkin.date:
        return []
    problems = []
    if checkin.date > today:
        problems.append(t("okr.checkin.future", today=today.isoformat()))
    period = kr_period(store, checkin.kr_id)
    if period is not None and not period.start <= checkin.date <= period.end:
        problems.append(
            t(
                "okr.checkin.outside",
                period=period.name,
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            )
        )
    return problems


def same_day(store: Store, checkin: CheckIn) -> list[CheckIn]:
    """The KR's other check-ins on the check-in's date."""
    return store.models(
        CheckIn,
        "SELECT * FROM checkins WHERE kr_id = ? AND date = ? AND id != ? ORDER BY created",
        [checkin.kr_id, checkin.date.isoformat(), checkin.id],
    )


def questions(store: Store, checkin: CheckIn, today: date) -> list[CheckInQuestion]:
    """Every question `record_checkin` would raise for this check-in, in the order it asks them."""
    found: list[CheckInQuestion] = []
    problems = date_problems(store, checkin, today)
    if problems:
        reasons = t("okr.checkin.and").join(problems)
        found.append(DateQuestion(t("okr.checkin.odd_date", date=checkin.date.isoformat(), reasons=reasons)))
    clashes = same_day(store, checkin)
    if clashes:
        kr = store.model(KeyResult, "key_results", checkin.kr_id)
        shown = with_unit(clashes[-1].value, kr.unit if kr else "")
        found.append(
            SameDayQuestion(t("okr.checkin.same_day", date=checkin.date.isoformat(), value=shown), clashes)
        )
    return found


# -- edits ---------------------------------------------------------------------------------


def _sync_kr(store: Store, kr_id: str) -> None:
    """Make the KR's current value and confidence those of its latest check-in (unset without any)."""
    latest = checkins(store, kr_id, limit=1)
    if latest:
        changes: dict[str, object] = {"current": latest[0].value, "confidence": latest[0].confidence.value}
    else:
        changes = {"current": None, "confidence": None}
    store.update_row("key_results", kr_id, changes)


def record_checkin(
    store: Store,
    checkin: CheckIn,
    *,
    today: date | None = None,
    date_confirmed: bool = False,
    replace: bool = False,
) -> CheckIn:
    """Save a new or edited check-in; the KR then shows its latest check-in.

    Raises DateQuestion unless `date_confirmed` when the date is after `today` (default: the
    clock's) or outside the KR's period, and SameDayQuestion unless `replace` when the KR already
    has a check-in that day (with `replace`, that one is deleted in the same action).
    """
    checkin = checked(checkin)
    kr = store.model(KeyResult, "key_results", checkin.kr_id)
    if kr is None:
        raise WorkspaceError(t("db.ws.not_found_row", what="key result", id=checkin.kr_id))
    check_checkin_value(kr, checkin.value)
    for question in questions(store, checkin, clock.today() if today is None else today):
        if not (date_confirmed if isinstance(question, DateQuestion) else replace):
            raise question
    editing = find_checkin(store, checkin.id) is not None
    with store.action(t("okr.act.edit_checkin" if editing else "okr.act.checkin")):
        if replace:
            for other in same_day(store, checkin):
                store.delete_row("checkins", other.id)
        store.save("checkins", checkin)
        _sync_kr(store, checkin.kr_id)
    return checkin


def delete_checkin(store: Store, checkin_id: str) -> CheckIn | None:
    """Delete a check-in (undoable); the KR falls back to its latest remaining one. None if gone."""
    found = find_checkin(store, checkin_id)
    if found is None:
        return None
    with store.action(t("okr.act.delete_checkin")):
        store.delete_row("checkins", checkin_id)
        if store.get_row("key_results", found.kr_id) is not None:
            _sync_kr(store, found.kr_id)
    return found

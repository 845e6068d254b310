"""Recording a KPI's value from the keyboard: the dialog, the question when that day already has a
value, and the linked KR's check-in (each one undoable step)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from cxtui.db.store import Store
from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.kpi import repo
from cxtui.kpi.models import Kpi, KpiValue, Source
from cxtui.kpi.texts import value_text

if TYPE_CHECKING:
    from screens.kpi.dialogs import RecordRequest


def _kr(store: Store, kpi: Kpi) -> tuple[str, str] | None:
    """(id, title) of the KR the KPI mirrors, if it still exists."""
    if not kpi.kr_id or not store.has_table("key_results"):
        return None
    rows = store.rows("SELECT id, title FROM key_results WHERE id = ?", [kpi.kr_id])
    return (str(rows[0]["id"]), str(rows[0]["title"])) if rows else None


def save_request(
    screen: Screen[Any],
    store: Store,
    kpi: Kpi,
    request: RecordRequest,
    done: Callable[[KpiValue], None],
) -> None:
    """Save a typed value; when that day already has one, ask first (y replaces it). Then `done`
    redraws what shows it, and the linked KR gets the same value as its check-in if asked."""
    app = screen.app
    kr = _kr(store, kpi)

    def saved(replace: bool) -> None:
        try:
            repo.record_value(store, request.value, replace=replace)
        except CxError as exc:
            app.notify(exc.message, severity="error")
            return
        # No message: the card (or the open card's table) shows the new value at once.
        done(request.value)
        if request.checkin and kr is not None:
            _checkin(screen, store, kr, request.value)

    existing = repo.value_on(store, kpi.id, request.value.date)
    if existing is None or existing.id == request.value.id:
        saved(False)
        return
    from screens.shared.confirm import ConfirmDialog

    question = t(
        "kpi.confirm.replace",
        date=request.value.date.isoformat(),
        old=value_text(kpi, existing.value),
        new=value_text(kpi, request.value.value),
    )
    dialog = ConfirmDialog(t("kpi.confirm.replace_title"), question, t("kpi.key.replace"))
    app.push_screen(dialog, callback=lambda yes: saved(True) if yes else None)


def derived_warning(screen: Screen[Any], kpi: Kpi) -> bool:
    """Say so (and return True) when the KPI's values are not typed in."""
    if kpi.source is Source.typed:
        return False
    screen.app.notify(
        t("kpi.err.derived", name=kpi.name, source=t(f"kpi.source.{kpi.source.value}")), severity="warning"
    )
    return True


def kr_title(store: Store, kpi: Kpi) -> str | None:
    """The title of the KR the KPI mirrors, if it still exists."""
    found = _kr(store, kpi)
    return None if found is None else found[1]


def record_flow(
    screen: Screen[Any], store: Store, today: date, kpi: Kpi, done: Callable[[KpiValue], None]
) -> None:
    """Ask for a value in a dialog (the open card) and save it; `done` gets what was saved."""
    if derived_warning(screen, kpi):
        return
    from screens.kpi.dialogs import RecordDialog

    previous = repo.latest_on_or_before(store, kpi.id, date.max)

    def answered(request: RecordRequest | None) -> None:
        if request is not None:
            save_request(screen, store, kpi, request, done)

    dialog = RecordDialog(kpi, previous, today, kr_title(store, kpi))
    screen.app.push_screen(dialog, callback=answered)


def _checkin(screen: Screen[Any], store: Store, kr: tuple[str, str], value: KpiValue) -> None:
    """The same value as the KR's check-in (its confidence kept from the last check-in)."""
    from cxtui.okr import checkin_repo as okr_checkins
    from cxtui.okr.models import CheckIn, Confidence

    kr_id, title = kr
    last = okr_checkins.checkins(store, kr_id, limit=1)
    confidence = last[0].confidence if last else Confidence.on_track
    try:
        okr_checkins.record_checkin(
            store, CheckIn(kr_id=kr_id, date=value.date, value=value.value, confidence=confidence)
        )
    except CxError as exc:
        screen.app.notify(exc.message, severity="error")
        return
    screen.app.notify(t("kpi.msg.checked_in", title=title))

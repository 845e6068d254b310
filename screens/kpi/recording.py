"""Recording a KPI's value from the keyboard: the dialog, the question when that day already has a
value, and the linked KR's check-in (each one undoable step)."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.screen import Screen

from cxtui.db.store import Store
from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.kpi import repo
from cxtui.kpi.models import Kpi, KpiValue, Source
from cxtui.kpi.texts import value_text


def _kr(store: Store, kpi: Kpi) -> tuple[str, str] | None:
    """(id, title) of the KR the KPI mirrors, if it still exists."""
    if not kpi.kr_id or not store.has_table("key_results"):
        return None
    rows = store.rows("SELECT id, title FROM key_results WHERE id = ?", [kpi.kr_id])
    return (str(rows[0]["id"]), str(rows[0]["title"])) if rows else None


async def record_flow(screen: Screen[Any], store: Store, today: date, kpi: Kpi) -> KpiValue | None:
    """Ask for a value and save it; returns what was saved (None when cancelled or refused).

    Run it in a worker (it waits for dialogs).
    """
    app = screen.app
    if kpi.source is not Source.typed:
        app.notify(
            t("kpi.err.derived", name=kpi.name, source=t(f"kpi.source.{kpi.source.value}")),
            severity="warning",
        )
        return None
    from screens.kpi.dialogs import RecordDialog

    previous = repo.latest_on_or_before(store, kpi.id, date.max)
    kr = _kr(store, kpi)
    request = await app.push_screen_wait(RecordDialog(kpi, previous, today, None if kr is None else kr[1]))
    if request is None:
        return None
    value = request.value
    try:
        try:
            repo.record_value(store, value)
        except repo.ValueExistsError:
            from screens.shared.confirm import ConfirmDialog

            existing = repo.value_on(store, kpi.id, value.date)
            shown = value_text(kpi, existing.value) if existing else ""
            question = t(
                "kpi.confirm.replace",
                date=value.date.isoformat(),
                old=shown,
                new=value_text(kpi, value.value),
            )
            if not await app.push_screen_wait(
                ConfirmDialog(t("kpi.confirm.replace_title"), question, t("kpi.key.replace"))
            ):
                return None
            repo.record_value(store, value, replace=True)
    except CxError as exc:
        app.notify(exc.message, severity="error")
        return None
    # No message: the card (or the open card's table) shows the new value at once.
    if request.checkin and kr is not None:
        _checkin(screen, store, kr, value)
    return value


def _checkin(screen: Screen[Any], store: Store, kr: tuple[str, str], value: KpiValue) -> None:
    """The same value as the KR's check-in (its confidence kept from the last check-in)."""
    from cxtui.okr import repo as okr
    from cxtui.okr.models import CheckIn, Confidence

    kr_id, title = kr
    last = okr.checkins(store, kr_id, limit=1)
    confidence = last[0].confidence if last else Confidence.on_track
    try:
        okr.record_checkin(
            store, CheckIn(kr_id=kr_id, date=value.date, value=value.value, confidence=confidence)
        )
    except CxError as exc:
        screen.app.notify(exc.message, severity="error")
        return
    screen.app.notify(t("kpi.msg.checked_in", title=title))

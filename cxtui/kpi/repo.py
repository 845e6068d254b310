"""KPI reads and edits. Each edit is one user action (one transaction, one undo step).

Whatever a caller built, what is saved is validated first (`checked`): an invalid record raises
InputError naming the field, and nothing is written.
"""

from __future__ import annotations

from datetime import date

from cxtui.db.search import contains
from cxtui.db.store import Store
from cxtui.errors import InputError, WorkspaceError
from cxtui.i18n import t
from cxtui.kpi.models import LAYER_MODELS, LAYERS_3, Cadence, Evidence, EvidenceKind, Kpi, KpiValue
from cxtui.validation import checked

LAYER_MODEL_SETTING = "kpi.layers"


class ValueExistsError(InputError):
    """The KPI already has a value on that day; the caller may ask and then replace it."""

    exit_code = 1


# -- reads ------------------------------------------------------------------------------------


def layer_model(store: Store) -> str:
    """The layer model the workspace shows: "3" (action → result) or "4" (behaviour → LTV).

    The workspace's choice when it made one; otherwise "3" when every KPI it holds is in a layer of
    seed 001's model, else "4" (seed 002's, the default of an empty workspace).
    """
    chosen = store.setting(LAYER_MODEL_SETTING)
    if chosen in LAYER_MODELS:
        return str(chosen)
    layers = {str(r["layer"]) for r in store.rows("SELECT DISTINCT layer FROM kpis")}
    return "3" if layers and layers <= set(LAYERS_3) else "4"


def kpis(store: Store) -> list[Kpi]:
    """Every KPI, by layer and position."""
    return store.models(Kpi, "SELECT * FROM kpis ORDER BY layer, position, created")


def find_kpi(store: Store, kpi_id: str) -> Kpi | None:
    """One KPI by id."""
    return store.model(Kpi, "kpis", kpi_id)


def find_kpi_named(store: Store, name: str) -> Kpi | None:
    """The KPI with this name (case and surrounding spaces ignored), or None."""
    found = store.models(Kpi, "SELECT * FROM kpis WHERE lower(trim(name)) = lower(trim(?)) LIMIT 1", [name])
    return found[0] if found else None


def values(store: Store, kpi_id: str) -> list[KpiValue]:
    """A KPI's values, oldest first."""
    return store.models(KpiValue, "SELECT * FROM kpi_values WHERE kpi_id = ? ORDER BY date", [kpi_id])


def values_by_kpi(store: Store) -> dict[str, list[KpiValue]]:
    """Every KPI's values, oldest first, in one query."""
    found: dict[str, list[KpiValue]] = {}
    for value in store.models(KpiValue, "SELECT * FROM kpi_values ORDER BY kpi_id, date"):
        found.setdefault(value.kpi_id, []).append(value)
    return found


def value_on(store: Store, kpi_id: str, day: date) -> KpiValue | None:
    """The KPI's value on `day`, if any."""
    found = store.models(
        KpiValue, "SELECT * FROM kpi_values WHERE kpi_id = ? AND date = ?", [kpi_id, day.isoformat()]
    )
    return found[0] if found else None


def latest_on_or_before(store: Store, kpi_id: str, day: date) -> KpiValue | None:
    """The latest value dated on or before `day` (a learning cycle's before/after)."""
    found = store.models(
        KpiValue,
        "SELECT * FROM kpi_values WHERE kpi_id = ? AND date <= ? ORDER BY date DESC LIMIT 1",
        [kpi_id, day.isoformat()],
    )
    return found[0] if found else None


def evidence(
    store: Store,
    *,
    kind: EvidenceKind | None = None,
    kpi_id: str | None = None,
    cycle_id: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[Evidence]:
    """Field evidence, newest first, filtered by kind, KPI, cycle, a search text and dates."""
    clauses, params = ["1 = 1"], list[object]()
    if kind is not None:
        clauses.append("kind = ?")
        params.append(kind.value)
    if kpi_id is not None:
        clauses.append("kpi_id = ?")
        params.append(kpi_id)
    if cycle_id is not None:
        clauses.append("cycle_id = ?")
        params.append(cycle_id)
    if since is not None:
        clauses.append("date >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("date <= ?")
        params.append(until.isoformat())
    if search:
        where, values = contains(["quote", "scene", "next_step"], search)
        clauses.append(where)
        params += values
    sql = f"SELECT * FROM evidence WHERE {' AND '.join(clauses)} ORDER BY date DESC, created DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.models(Evidence, sql, params)


# -- edits ------------------------------------------------------------------------------------


def set_layer_model(store: Store, model: str) -> None:
    """Show the "3"- or "4"-layer model (a preference of the workspace, not an undoable edit)."""
    if model not in LAYER_MODELS:
        raise InputError(t("kpi.err.bad_layer_model", model=model), field="layers")
    store.set_setting(LAYER_MODEL_SETTING, model)


def _next_position(store: Store, layer: str) -> int:
    found = store.conn.execute("SELECT max(position) FROM kpis WHERE layer = ?", [layer]).fetchone()
    return 0 if found[0] is None else int(found[0]) + 1


def save_kpi(store: Store, kpi: Kpi) -> Kpi:
    """Add a new KPI (placed last in its layer) or save an edited one (placed last when its layer
    changed)."""
    kpi = checked(kpi)
    existing = find_kpi(store, kpi.id)
    with store.action(t("kpi.act.save") if existing else t("kpi.act.add")):
        if existing is None or existing.layer != kpi.layer:
            kpi.position = _next_position(store, kpi.layer)
        store.save("kpis", kpi)
    return kpi


def delete_kpi(store: Store, kpi_id: str) -> None:
    """Delete a KPI and its values; evidence linked to it stays, unlinked (undoable)."""
    with store.action(t("kpi.act.delete")):
        for row in store.rows("SELECT id FROM evidence WHERE kpi_id = ?", [kpi_id]):
            store.update_row("evidence", row["id"], {"kpi_id": None})
        store.delete_where("kpi_values", "kpi_id = ?", [kpi_id])
        store.delete_row("kpis", kpi_id)


def move_to_layer(store: Store, kpi_id: str, layer: str) -> Kpi:
    """Move a KPI to another layer (placed last there; its cadence is kept)."""
    kpi = find_kpi(store, kpi_id)
    if kpi is None:
        raise WorkspaceError(t("db.ws.not_found_row", what="KPI", id=kpi_id))
    kpi.layer = layer
    kpi = checked(kpi)
    with store.action(t("kpi.act.move_layer")):
        store.update_row("kpis", kpi_id, {"layer": layer, "position": _next_position(store, layer)})
    return kpi


# The fields of the definitions sheet, edited one at a time in place.
SHEET_FIELDS = ("definition", "how_measured", "formula", "cadence", "owner")


def set_sheet_field(store: Store, kpi_id: str, field: str, text: str) -> Kpi:
    """Change one field of a KPI's definition (definitions sheet): one undoable action."""
    if field not in SHEET_FIELDS:
        raise InputError(t("kpi.err.not_sheet_field", field=field), field=field)
    kpi = find_kpi(store, kpi_id)
    if kpi is None:
        raise WorkspaceError(t("db.ws.not_found_row", what="KPI", id=kpi_id))
    value: object = text.strip()
    if field == "cadence":
        try:
            value = Cadence(str(value))
        except ValueError:
            raise InputError(t("kpi.err.bad_cadence", value=text), field="cadence") from None
    setattr(kpi, field, value)
    kpi = checked(kpi)
    stored = value.value if isinstance(value, Cadence) else value
    with store.action(t("kpi.act.definition")):
        store.update_row("kpis", kpi_id, {field: stored})
    return kpi


def move_kpi(store: Store, kpi_id: str, delta: int) -> bool:
    """Move a KPI up (-1) or down (+1) within its layer; False at either end."""
    kpi = find_kpi(store, kpi_id)
    if kpi is None:
        return False
    siblings = [
        str(r["id"])
        for r in store.rows("SELECT id FROM kpis WHERE layer = ? ORDER BY position, created", [kpi.layer])
    ]
    index = siblings.index(kpi_id)
    other = index + delta
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    with store.action(t("kpi.act.move")):
        for position, pk in enumerate(siblings):
            store.update_row("kpis", pk, {"position": position})
    return True


def set_focus(store: Store, kpi_id: str, focus: bool) -> None:
    """Mark or unmark a KPI as watched (the focus set; more than 5 is advised against, not refused)."""
    with store.action(t("kpi.act.focus")):
        store.update_row("kpis", kpi_id, {"focus": int(focus)})


def record_value(store: Store, value: KpiValue, *, replace: bool = False) -> KpiValue:
    """Save a KPI's value for a day. A second value for the same day raises ValueExistsError unless
    `replace`, which overwrites the first (one undo step either way)."""
    value = checked(value)
    if find_kpi(store, value.kpi_id) is None:
        raise WorkspaceError(t("db.ws.not_found_row", what="KPI", id=value.kpi_id))
    same_day = value_on(store, value.kpi_id, value.date)
    if same_day is not None and same_day.id != value.id and not replace:
        raise ValueExistsError(
            t("kpi.err.value_exists", date=value.date.isoformat(), value=same_day.value), field="date"
        )
    with store.action(t("kpi.act.record")):
        if same_day is not None and same_day.id != value.id:
            store.delete_row("kpi_values", same_day.id)
        store.save("kpi_values", value)
    return value


def delete_value(store: Store, value_id: str) -> None:
    """Delete one value (undoable)."""
    with store.action(t("kpi.act.delete_value")):
        store.delete_row("kpi_values", value_id)


def save_evidence(store: Store, item: Evidence) -> Evidence:
    """Add or save a piece of field evidence."""
    item = checked(item)
    existing = store.get_row("evidence", item.id)
    with store.action(t("kpi.act.save_evidence") if existing else t("kpi.act.add_evidence")):
        store.save("evidence", item)
    return item


def delete_evidence(store: Store, evidence_id: str) -> None:
    """Delete a piece of field evidence (undoable)."""
    with store.action(t("kpi.act.delete_evidence")):
        store.delete_row("evidence", evidence_id)

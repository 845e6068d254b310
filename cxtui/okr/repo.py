"""OKR objectives and key results: reads and edits, and starting a new period from chosen objectives.

Each edit is one user action (one transaction, one undo step).

Whatever a caller built, what is saved is validated first (`checked`): an invalid record raises
InputError naming the field, and nothing is written.
"""

from __future__ import annotations

from dataclasses import replace

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.ids import new_id, utc_now
from cxtui.models import from_row, to_row
from cxtui.okr.models import KeyResult, KRKind, Objective, Period
from cxtui.okr.periods import refuse_overlap
from cxtui.validation import checked

# -- reads ---------------------------------------------------------------------------------


def objectives(store: Store, period_id: str) -> list[Objective]:
    """Objectives of a period in sibling order."""
    return store.models(
        Objective,
        "SELECT * FROM objectives WHERE period_id = ? ORDER BY position, created",
        [period_id],
    )


def find_objective(store: Store, objective_id: str) -> Objective | None:
    """One objective by id."""
    row = store.get_row("objectives", objective_id)
    return None if row is None else from_row(Objective, row)


def key_results(store: Store, objective_id: str) -> list[KeyResult]:
    """Key results of one objective in order."""
    return store.models(
        KeyResult,
        "SELECT * FROM key_results WHERE objective_id = ? ORDER BY position, created",
        [objective_id],
    )


def key_results_in_period(store: Store, period_id: str) -> dict[str, list[KeyResult]]:
    """Key results of every objective of a period, by objective id (one query)."""
    found: dict[str, list[KeyResult]] = {}
    for kr in store.models(
        KeyResult,
        "SELECT k.* FROM key_results k JOIN objectives o ON o.id = k.objective_id "
        "WHERE o.period_id = ? ORDER BY k.position, k.created",
        [period_id],
    ):
        found.setdefault(kr.objective_id, []).append(kr)
    return found


def find_key_result(store: Store, kr_id: str) -> KeyResult | None:
    """One key result by id."""
    row = store.get_row("key_results", kr_id)
    return None if row is None else from_row(KeyResult, row)


# -- edits ---------------------------------------------------------------------------------


def _next_position(store: Store, table: str, where: str, params: list[object]) -> int:
    found = store.conn.execute(f"SELECT max(position) FROM {table} WHERE {where}", params).fetchone()
    return 0 if found[0] is None else int(found[0]) + 1


def _sibling_clause(objective: Objective) -> tuple[str, list[object]]:
    if objective.parent_id is None:
        return "period_id = ? AND parent_id IS NULL", [objective.period_id]
    return "period_id = ? AND parent_id = ?", [objective.period_id, objective.parent_id]


# -- objectives and key results ----------------------------------------------------------------


def descendants(store: Store, objective_id: str) -> set[str]:
    """Ids of the objectives aligned under this one, at any depth."""
    found = store.conn.execute(
        """
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM objectives WHERE parent_id = ?
            UNION SELECT o.id FROM objectives o JOIN tree ON o.parent_id = tree.id
        )
        SELECT id FROM tree
        """,
        [objective_id],
    ).fetchall()
    return {str(row[0]) for row in found}


def _check_parent(store: Store, objective: Objective) -> None:
    """InputError on `parent_id` unless the parent is another objective of the same period that is
    not aligned under this one (that would make a cycle)."""
    if objective.parent_id is None:
        return
    parent = find_objective(store, objective.parent_id)
    label = t("common.field.aligned_to")
    if parent is None or parent.period_id != objective.period_id:
        raise InputError(f"{label}: {t('okr.err.parent_elsewhere')}", field="parent_id")
    if parent.id == objective.id or parent.id in descendants(store, objective.id):
        raise InputError(f"{label}: {t('okr.err.parent_cycle')}", field="parent_id")


def save_objective(store: Store, objective: Objective) -> Objective:
    """Add a new objective (placed last among its siblings) or save an edited one; a new parent
    ("aligned to") must be an objective of the same period not aligned under this one."""
    objective = checked(objective)
    _check_parent(store, objective)
    existing = find_objective(store, objective.id)
    with store.action(t("okr.act.save_objective") if existing else t("okr.act.add_objective")):
        if existing is None or existing.parent_id != objective.parent_id:
            where, params = _sibling_clause(objective)
            objective.position = _next_position(store, "objectives", where, params)
        store.save("objectives", objective)
    return objective


def save_key_result(store: Store, kr: KeyResult) -> KeyResult:
    """Add a new key result (placed last) or save an edited one; an edit may move it to another
    objective of the same period (placed last there)."""
    kr = checked(kr)
    existing = find_key_result(store, kr.id)
    objective = find_objective(store, kr.objective_id)
    if objective is None:
        raise InputError(f"{t('common.field.objective')}: {t('okr.err.no_objective')}", field="objective_id")
    if existing is not None and existing.objective_id != kr.objective_id:
        old = find_objective(store, existing.objective_id)
        if old is not None and old.period_id != objective.period_id:
            raise InputError(
                f"{t('common.field.objective')}: {t('okr.err.objective_elsewhere')}", field="objective_id"
            )
    with store.action(t("okr.act.save_kr") if existing else t("okr.act.add_kr")):
        if existing is None or existing.objective_id != kr.objective_id:
            kr.position = _next_position(store, "key_results", "objective_id = ?", [kr.objective_id])
        store.save("key_results", kr)
    return kr


def _delete_objective_rows(store: Store, objective_id: str) -> None:
    # Children first, so foreign keys hold at every step and undo restores parents first.
    for child in store.rows("SELECT id FROM objectives WHERE parent_id = ?", [objective_id]):
        _delete_objective_rows(store, child["id"])
    for kr in store.rows("SELECT id FROM key_results WHERE objective_id = ?", [objective_id]):
        _delete_kr_rows(store, kr["id"])
    store.delete_row("objectives", objective_id)


def _delete_kr_rows(store: Store, kr_id: str) -> None:
    for checkin in store.rows("SELECT id FROM checkins WHERE kr_id = ?", [kr_id]):
        store.delete_row("checkins", checkin["id"])
    store.delete_row("key_results", kr_id)


def count_descendants(store: Store, objective_id: str) -> tuple[int, int, int]:
    """(aligned objectives, key results, check-ins) a delete of this objective would remove."""
    found = store.conn.execute(
        """
        WITH RECURSIVE tree(id) AS (
            SELECT ? UNION ALL SELECT o.id FROM objectives o JOIN tree ON o.parent_id = tree.id
        )
        SELECT (SELECT count(*) - 1 FROM tree),
               (SELECT count(*) FROM key_results WHERE objective_id IN tree),
               (SELECT count(*) FROM checkins WHERE kr_id IN
                   (SELECT id FROM key_results WHERE objective_id IN tree))
        """,
        [objective_id],
    ).fetchone()
    return int(found[0]), int(found[1]), int(found[2])


def delete_objective(store: Store, objective_id: str) -> None:
    """Delete an objective with its aligned objectives, key results and check-ins (undoable)."""
    with store.action(t("okr.act.delete_objective")):
        _delete_objective_rows(store, objective_id)


def delete_key_result(store: Store, kr_id: str) -> None:
    """Delete a key result and its check-ins (undoable)."""
    with store.action(t("okr.act.delete_kr")):
        _delete_kr_rows(store, kr_id)


def _swap(store: Store, table: str, siblings: list[dict[str, object]], item_id: str, delta: int) -> bool:
    ids = [str(s["id"]) for s in siblings]
    index = ids.index(item_id)
    other = index + delta
    if not 0 <= other < len(ids):
        return False
    ids[index], ids[other] = ids[other], ids[index]
    # Renumber 0..n-1 in the new order, writing only the rows whose position changes.
    old_positions = {str(s["id"]): s["position"] for s in siblings}
    for position, pk in enumerate(ids):
        if old_positions[pk] != position:
            store.update_row(table, pk, {"position": position})
    return True


def move_objective(store: Store, objective_id: str, delta: int) -> bool:
    """Move an objective up (-1) or down (+1) among its siblings; False at either end."""
    objective = find_objective(store, objective_id)
    if objective is None:
        return False
    where, params = _sibling_clause(objective)
    siblings = store.rows(
        f"SELECT id, position FROM objectives WHERE {where} ORDER BY position, created", params
    )
    with store.action(t("okr.act.move")):
        return _swap(store, "objectives", siblings, objective_id, delta)


def move_key_result(store: Store, kr_id: str, delta: int) -> bool:
    """Move a key result up (-1) or down (+1) within its objective; False at either end."""
    kr = find_key_result(store, kr_id)
    if kr is None:
        return False
    siblings = store.rows(
        "SELECT id, position FROM key_results WHERE objective_id = ? ORDER BY position, created",
        [kr.objective_id],
    )
    with store.action(t("okr.act.move")):
        return _swap(store, "key_results", siblings, kr_id, delta)


def start_period(
    store: Store, period: Period, objective_ids: list[str], *, allow_overlap: bool = False
) -> Period:
    """Create `period` and copy the chosen objectives into it with their KRs reset.

    A copied KR starts from the value the old one ended at, keeps its target and kind, and has
    no check-ins yet (the seed's quarterly reset). Alignment is kept when the parent is copied too.
    PeriodOverlap unless `allow_overlap` when the period shares days with another.
    """
    period = checked(period)
    refuse_overlap(store, period, allow_overlap)
    with store.action(t("okr.act.start_period")):
        store.insert_row("periods", to_row(period))
        new_ids: dict[str, str] = {}
        sources = [o for o in (find_objective(store, i) for i in objective_ids) if o is not None]
        # Parents before children so each copy can point at its parent's copy.
        sources.sort(key=lambda o: _depth(store, o))
        for source in sources:
            copy = replace(
                source,
                id=new_id(),
                period_id=period.id,
                parent_id=new_ids.get(source.parent_id or ""),
                created=utc_now(),
                updated=utc_now(),
            )
            new_ids[source.id] = copy.id
            store.insert_row("objectives", to_row(copy))
            for kr in key_results(store, source.id):
                reset = replace(
                    kr,
                    id=new_id(),
                    objective_id=copy.id,
                    start=_reset_start(kr),
                    current=None,
                    confidence=None,
                    created=utc_now(),
                    updated=utc_now(),
                )
                store.insert_row("key_results", to_row(reset))
    return period


def _reset_start(kr: KeyResult) -> float:
    """Where a copied KR starts: where the old one ended.

    A done milestone stays done and a guardrail starts at its last value; an increasing or
    decreasing KR starts at the value it reached if that still leaves a way to go to the target
    (one that reached it keeps its old start, since start = target has no progress to measure).
    """
    value = kr.value
    if kr.kind is KRKind.milestone:
        return 1.0 if value >= 1 else 0.0
    if kr.kind in (KRKind.stay_above, KRKind.stay_below):
        return value
    if kr.kind is KRKind.increase and value < kr.target:
        return value
    if kr.kind is KRKind.decrease and value > kr.target:
        return value
    return kr.start


def _depth(store: Store, objective: Objective) -> int:
    depth = 0
    parent = objective.parent_id
    while parent is not None and depth < 100:
        row = store.get_row("objectives", parent)
        parent = None if row is None else row["parent_id"]
        depth += 1
    return depth

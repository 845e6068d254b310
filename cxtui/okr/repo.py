"""OKR reads and edits. Each edit is one user action (one transaction, one undo step).

Whatever a caller built, what is saved is validated first (`checked`): an invalid record raises
InputError naming the field, and nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from cxtui.db.store import Store
from cxtui.errors import InputError, WorkspaceError
from cxtui.i18n import t
from cxtui.ids import new_id, utc_now
from cxtui.models import from_row, to_row
from cxtui.okr.models import CheckIn, KeyResult, KRKind, Objective, Period
from cxtui.validation import checked

# -- reads ---------------------------------------------------------------------------------


def periods(store: Store) -> list[Period]:
    """Every period, oldest first."""
    return store.models(Period, 'SELECT * FROM periods ORDER BY start, "end", name')


def find_period(store: Store, period_id: str) -> Period | None:
    """One period by id."""
    row = store.get_row("periods", period_id)
    return None if row is None else from_row(Period, row)


def period_on(store: Store, day: date) -> Period | None:
    """The period that contains `day` (the shortest one if several do)."""
    found = store.models(
        Period,
        'SELECT * FROM periods WHERE start <= ? AND "end" >= ? '
        'ORDER BY julianday("end") - julianday(start), start DESC LIMIT 1',
        [day.isoformat(), day.isoformat()],
    )
    return found[0] if found else None


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


def checkins(store: Store, kr_id: str, limit: int | None = None) -> list[CheckIn]:
    """Check-ins of a key result, newest first."""
    sql = "SELECT * FROM checkins WHERE kr_id = ? ORDER BY date DESC, created DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.models(CheckIn, sql, [kr_id])


# -- edits ---------------------------------------------------------------------------------


def _next_position(store: Store, table: str, where: str, params: list[object]) -> int:
    found = store.conn.execute(f"SELECT max(position) FROM {table} WHERE {where}", params).fetchone()
    return 0 if found[0] is None else int(found[0]) + 1


def _sibling_clause(objective: Objective) -> tuple[str, list[object]]:
    if objective.parent_id is None:
        return "period_id = ? AND parent_id IS NULL", [objective.period_id]
    return "period_id = ? AND parent_id = ?", [objective.period_id, objective.parent_id]


def add_period(store: Store, period: Period) -> Period:
    """Add a period."""
    period = checked(period)
    with store.action(t("okr.act.add_period")):
        store.insert_row("periods", to_row(period))
    return period


def save_objective(store: Store, objective: Objective) -> Objective:
    """Add a new objective (placed last among its siblings) or save an edited one."""
    objective = checked(objective)
    existing = find_objective(store, objective.id)
    with store.action(t("okr.act.save_objective") if existing else t("okr.act.add_objective")):
        if existing is None or existing.parent_id != objective.parent_id:
            where, params = _sibling_clause(objective)
            objective.position = _next_position(store, "objectives", where, params)
        store.save("objectives", objective)
    return objective


def save_key_result(store: Store, kr: KeyResult) -> KeyResult:
    """Add a new key result (placed last) or save an edited one."""
    kr = checked(kr)
    existing = find_key_result(store, kr.id)
    with store.action(t("okr.act.save_kr") if existing else t("okr.act.add_kr")):
        if existing is None:
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


def check_checkin_value(kr: KeyResult, value: float) -> None:
    """InputError on `value` unless it fits the KR: a milestone is 0 (not done) or 1 (done)."""
    if kr.kind is KRKind.milestone and value not in (0, 1):
        raise InputError(f"{t('common.field.value')}: {t('common.err.milestone_value')}", field="value")


def record_checkin(store: Store, checkin: CheckIn) -> CheckIn:
    """Save a check-in and make the KR's current value and confidence those of its latest check-in."""
    checkin = checked(checkin)
    kr = find_key_result(store, checkin.kr_id)
    if kr is None:
        raise WorkspaceError(t("db.ws.not_found_row", what="key result", id=checkin.kr_id))
    check_checkin_value(kr, checkin.value)
    with store.action(t("okr.act.checkin")):
        store.save("checkins", checkin)
        latest = checkins(store, checkin.kr_id, limit=1)[0]
        store.update_row(
            "key_results",
            checkin.kr_id,
            {"current": latest.value, "confidence": latest.confidence.value},
        )
    return checkin


def default_period(store: Store, today: date) -> Period | None:
    """The period shown when none is asked for: the one containing today, else the latest that has
    started, else the first to come; None for a workspace without periods (screen and report agree)."""
    current = period_on(store, today)
    if current is not None:
        return current
    every = periods(store)  # ordered by start, end
    started = [p for p in every if p.start <= today]
    if started:
        return started[-1]
    return every[0] if every else None


def quarter_of(day: date) -> Period:
    """The calendar quarter containing `day`, as an unsaved Period named like '2026 Q4'."""
    quarter = (day.month - 1) // 3
    start = date(day.year, quarter * 3 + 1, 1)
    end_month = quarter * 3 + 3
    next_first = date(day.year + 1, 1, 1) if end_month == 12 else date(day.year, end_month + 1, 1)
    return Period(name=f"{day.year} Q{quarter + 1}", start=start, end=next_first - timedelta(days=1))


def following_period(period: Period) -> Period:
    """The period right after `period`: the next quarter after a calendar quarter; otherwise the
    same length, named by counting on (`NexBridge Q2` -> `NexBridge Q3`)."""
    quarter = quarter_of(period.start)
    if (quarter.start, quarter.end) == (period.start, period.end):
        return quarter_of(period.end + timedelta(days=1))
    start = period.end + timedelta(days=1)
    numbered = re.fullmatch(r"(.*?)(\d+)", period.name)
    name = f"{numbered.group(1)}{int(numbered.group(2)) + 1}" if numbered else start.isoformat()
    return Period(name=name, start=start, end=start + timedelta(days=period.days - 1))


def start_period(store: Store, period: Period, objective_ids: list[str]) -> Period:
    """Create `period` and copy the chosen objectives into it with their KRs reset.

    A copied KR starts from the value the old one ended at, keeps its target and kind, and has
    no check-ins yet (the seed's quarterly reset). Alignment is kept when the parent is copied too.
    """
    period = checked(period)
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
    """Where a copied KR starts: the value the old one reached, if that still leaves a way to go."""
    value = kr.value
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

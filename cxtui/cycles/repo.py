"""Learning-cycle reads and edits. Each edit is one user action (one transaction, one undo step).

Whatever a caller built, what is saved is validated first (`checked`): an invalid cycle raises
InputError naming the field (a second hypothesis included), and nothing is written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from cxtui.cycles.metrics import BeforeAfter, judge, latest_by, per_month
from cxtui.cycles.models import DEFAULT_DAYS, Cycle, CycleKpi, CycleState
from cxtui.db.store import Store
from cxtui.errors import InputError, WorkspaceError
from cxtui.i18n import t
from cxtui.kpi.models import Evidence, Kpi, Source
from cxtui.kpi.repo import latest_on_or_before
from cxtui.kpi.sources import Point, series
from cxtui.models import from_row, to_row
from cxtui.validation import checked

TITLE_CHARS = 60

# -- reads ------------------------------------------------------------------------------------


def cycles(store: Store, state: CycleState | None = None) -> list[Cycle]:
    """Every cycle (or those in `state`), by start date."""
    if state is None:
        return store.models(Cycle, 'SELECT * FROM cycles ORDER BY start, "end", created')
    return store.models(
        Cycle, 'SELECT * FROM cycles WHERE state = ? ORDER BY start, "end", created', [state.value]
    )


def find_cycle(store: Store, cycle_id: str) -> Cycle | None:
    """One cycle by id."""
    return store.model(Cycle, "cycles", cycle_id)


def get_cycle(store: Store, cycle_id: str) -> Cycle:
    """One cycle by id; WorkspaceError when it is gone (deleted meanwhile)."""
    found = find_cycle(store, cycle_id)
    if found is None:
        raise WorkspaceError(t("db.ws.not_found_row", what=t("cycles.domain.cycles"), id=cycle_id))
    return found


def watched(store: Store, cycle_id: str) -> list[Kpi]:
    """The KPIs a cycle watches, in the order chosen (links to deleted KPIs are skipped)."""
    return store.models(
        Kpi,
        "SELECT k.* FROM cycle_kpis c JOIN kpis k ON k.id = c.kpi_id WHERE c.cycle_id = ? "
        "ORDER BY c.position, c.created",
        [cycle_id],
    )


def watched_by_cycle(store: Store) -> dict[str, list[Kpi]]:
    """Every cycle's watched KPIs in one query, by cycle id."""
    found: dict[str, list[Kpi]] = {}
    rows = store.rows(
        "SELECT c.cycle_id AS watcher, k.* FROM cycle_kpis c JOIN kpis k ON k.id = c.kpi_id "
        "ORDER BY c.cycle_id, c.position, c.created"
    )
    for row in rows:
        found.setdefault(str(row["watcher"]), []).append(from_row(Kpi, row))
    return found


def _value_by(store: Store, kpi: Kpi, day: date, derived: dict[str, list[Point]]) -> Point | None:
    if kpi.source is Source.typed:
        value = latest_on_or_before(store, kpi.id, day)
        return None if value is None else Point(value.date, value.value, None, value.id)
    if kpi.id not in derived:
        derived[kpi.id] = series(store, kpi)
    return latest_by(derived[kpi.id], day)


def before_after(store: Store, cycle: Cycle, kpis: list[Kpi] | None = None) -> list[BeforeAfter]:
    """Each watched KPI's value before (latest on or before the start) and after (latest on or
    before the end), taken from the KPI's own series; what is missing is said, not guessed."""
    derived: dict[str, list[Point]] = {}
    out = []
    for kpi in watched(store, cycle.id) if kpis is None else kpis:
        before = _value_by(store, kpi, cycle.start, derived)
        after = _value_by(store, kpi, cycle.end, derived)
        out.append(judge(kpi, before, after, cycle.start))
    return out


def evidence(store: Store, cycle: Cycle) -> list[Evidence]:
    """The evidence captured during a cycle, newest first: what was linked to it, and what was
    recorded on one of its KPIs within its dates and linked to no other cycle."""
    return store.models(
        Evidence,
        "SELECT * FROM evidence WHERE cycle_id = ? OR (cycle_id IS NULL AND date BETWEEN ? AND ? "
        "AND kpi_id IN (SELECT kpi_id FROM cycle_kpis WHERE cycle_id = ?)) ORDER BY date DESC, created DESC",
        [cycle.id, cycle.start.isoformat(), cycle.end.isoformat(), cycle.id],
    )


def learning_log(store: Store, search: str = "", limit: int | None = None) -> list[Cycle]:
    """Reviewed cycles, newest first (by end), optionally those whose texts contain `search`."""
    sql = "SELECT * FROM cycles WHERE state = 'reviewed'"
    params: list[object] = []
    if search.strip():
        # LIKE with an escape: a search for "100%" finds "100%", not everything.
        pattern = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = ("title", "hypothesis", "change", "learning", "next_step")
        sql += " AND (" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")"
        params += [pattern] * len(columns)
    sql += ' ORDER BY "end" DESC, start DESC, created DESC'
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.models(Cycle, sql, params)


def runs_per_month(store: Store) -> list[tuple[str, int]]:
    """Cycles reviewed per month ("YYYY-MM", count), by the month of their end (the action KPI
    "cycles run"; a KPI whose values come from "cycles" shows the same counts)."""
    rows = store.rows("SELECT \"end\" AS day FROM cycles WHERE state = 'reviewed'")
    return per_month(date.fromisoformat(str(r["day"])) for r in rows)


def counting_kpis(store: Store) -> list[Kpi]:
    """The KPIs that take their values from the count of cycles run."""
    return store.models(Kpi, "SELECT * FROM kpis WHERE source = 'cycles' ORDER BY layer, position")


# -- edits ------------------------------------------------------------------------------------


def _replace_links(store: Store, cycle_id: str, kpi_ids: list[str]) -> None:
    wanted = list(dict.fromkeys(kpi_ids))  # in order, each once
    current = {
        str(r["kpi_id"]): str(r["id"])
        for r in store.rows("SELECT id, kpi_id FROM cycle_kpis WHERE cycle_id = ?", [cycle_id])
    }
    for kpi_id, link_id in current.items():
        if kpi_id not in wanted:
            store.delete_row("cycle_kpis", link_id)
    for position, kpi_id in enumerate(wanted):
        if kpi_id in current:
            store.update_row("cycle_kpis", current[kpi_id], {"position": position})
        else:
            store.insert_row(
                "cycle_kpis", to_row(CycleKpi(cycle_id=cycle_id, kpi_id=kpi_id, position=position))
            )


def save_cycle(store: Store, cycle: Cycle, kpi_ids: list[str] | None = None) -> Cycle:
    """Add or save a cycle, and (when given) the KPIs it watches, as one undoable action."""
    cycle = checked(cycle)
    existing = store.get_row("cycles", cycle.id)
    with store.action(t("cycles.act.save") if existing else t("cycles.act.add")):
        store.save("cycles", cycle)
        if kpi_ids is not None:
            _replace_links(store, cycle.id, kpi_ids)
    return cycle


def start_cycle(store: Store, cycle_id: str, today: date) -> Cycle:
    """Start a planned cycle. One that was planned to start later starts today, keeping its length."""
    cycle = get_cycle(store, cycle_id)
    if cycle.state is not CycleState.planned:
        raise InputError(t("cycles.err.not_planned", title=cycle.title), field="state")
    started = replace(cycle, state=CycleState.running)
    if today < cycle.start:
        started = replace(started, start=today, end=today + timedelta(days=cycle.days - 1))
    started = checked(started)
    with store.action(t("cycles.act.start")):
        store.save("cycles", started)
    return started


def record_learning(store: Store, cycle_id: str, learning: str) -> Cycle:
    """Write down a cycle's one-line learning (reviewing it needs the next step too)."""
    cycle = checked(replace(get_cycle(store, cycle_id), learning=learning))
    with store.action(t("cycles.act.learning")):
        store.save("cycles", cycle)
    return cycle


def review_cycle(store: Store, cycle_id: str, learning: str, next_step: str) -> Cycle:
    """Close a cycle with its one-line learning and one next step: it joins the learning log."""
    cycle = get_cycle(store, cycle_id)
    reviewed = checked(replace(cycle, state=CycleState.reviewed, learning=learning, next_step=next_step))
    with store.action(t("cycles.act.review")):
        store.save("cycles", reviewed)
    return reviewed


def another_cycle(
    store: Store, like: Cycle, today: date, *, hypothesis: str, title: str | None = None
) -> Cycle:
    """A new planned cycle after `like`, watching the same KPIs, with `hypothesis` as its draft: it
    starts the day after `like` ends (or today, if that is later) and lasts the default two weeks."""
    start = max(today, like.end + timedelta(days=1))
    draft = Cycle(
        title=(title or hypothesis).strip()[:TITLE_CHARS] or like.title,
        state=CycleState.planned,
        start=start,
        end=start + timedelta(days=DEFAULT_DAYS - 1),
        hypothesis=hypothesis,
        previous_id=like.id,
    )
    kpi_ids = [k.id for k in watched(store, like.id)]
    return save_cycle(store, draft, kpi_ids)


def next_cycle(store: Store, cycle_id: str, today: date) -> Cycle:
    """The next cycle from a cycle's next step (one key on the board): same KPIs, the next step as
    its hypothesis draft."""
    cycle = get_cycle(store, cycle_id)
    if not cycle.next_step:
        raise InputError(t("cycles.err.no_next_step", title=cycle.title), field="next_step")
    return another_cycle(store, cycle, today, hypothesis=cycle.next_step)


def delete_cycle(store: Store, cycle_id: str) -> None:
    """Delete a cycle and its KPI links; evidence captured in it stays, unlinked (undoable)."""
    with store.action(t("cycles.act.delete")):
        for row in store.rows("SELECT id FROM evidence WHERE cycle_id = ?", [cycle_id]):
            store.update_row("evidence", row["id"], {"cycle_id": None})
        for row in store.rows("SELECT id FROM cycles WHERE previous_id = ?", [cycle_id]):
            store.update_row("cycles", row["id"], {"previous_id": None})
        store.delete_where("cycle_kpis", "cycle_id = ?", [cycle_id])
        store.delete_row("cycles", cycle_id)

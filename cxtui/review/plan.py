"""What a weekly review walks through, step by step, read from every domain in a few queries.

Items already entered in the review stay in its plan (a KPI recorded in it is no longer "due", a
cycle reviewed in it no longer "due for review"), so a review resumed part-way shows them as done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from cxtui.cycles import queries as cycle_queries
from cxtui.cycles import repo as cycles
from cxtui.cycles.metrics import BeforeAfter
from cxtui.cycles.models import Cycle
from cxtui.db.store import Store
from cxtui.kpi import repo as kpis
from cxtui.kpi.metrics import is_due
from cxtui.kpi.models import Evidence, Kpi, KpiValue, Source
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, KeyResult, Period
from cxtui.okr.tree import build_tree
from cxtui.review import queries as review_queries
from cxtui.review import repo
from cxtui.review.models import ItemKind, Review, ReviewItem

if TYPE_CHECKING:
    from cxtui.nps.models import Ref
    from cxtui.nps.stats import Comparison

WEEK = timedelta(days=7)
# The rows this review itself wrote: "previous" means before them.
_ENTERED = (
    "(SELECT record_id FROM review_items WHERE review_id = ? AND kind = '{kind}' AND record_id IS NOT NULL)"
)


@dataclass
class KrLine:
    """A key result to check in: its objective and its previous check-in (before this review's)."""

    kr: KeyResult
    objective: str
    previous: CheckIn | None


@dataclass
class KpiLine:
    """A focus KPI due this week and its previous value (before this review's)."""

    kpi: Kpi
    previous: KpiValue | None


@dataclass
class CycleLine:
    """A cycle due for review, with its numbers before and after and the evidence captured in it."""

    cycle: Cycle
    pairs: list[BeforeAfter]
    evidence: list[Evidence]


@dataclass(frozen=True)
class NpsChange:
    """NPS since the last review against the same length of time before it, with the z-test."""

    before: Ref
    after: Ref
    comparison: Comparison


@dataclass
class Plan:
    """Everything a review walks, by step, and what was already entered in it."""

    review: Review
    period: Period | None
    since: date  # voices and the NPS change are counted after this day
    krs: list[KrLine] = field(default_factory=list)
    kpis: list[KpiLine] = field(default_factory=list)
    voices: list[Evidence] = field(default_factory=list)
    cycles: list[CycleLine] = field(default_factory=list)
    nps: NpsChange | None = None
    entered: dict[tuple[ItemKind, str], ReviewItem] = field(default_factory=dict)


def _krs(store: Store, period: Period, review: Review, today: date) -> list[KrLine]:
    roots = build_tree(
        period, okr.objectives(store, period.id), okr.key_results_in_period(store, period.id), today
    )
    # The latest check-in of each KR before this review's own: one index seek per KR (a window over
    # every check-in of the period was ~200 ms on 52,000 check-ins).
    previous = {
        c.kr_id: c
        for c in store.models(
            CheckIn,
            "SELECT c.* FROM key_results k JOIN objectives o ON o.id = k.objective_id "
            "JOIN checkins c ON c.id = (SELECT c2.id FROM checkins c2 WHERE c2.kr_id = k.id "
            f"AND c2.id NOT IN {_ENTERED.format(kind='kr')} ORDER BY c2.date DESC, c2.created DESC LIMIT 1) "
            "WHERE o.period_id = ?",
            [review.id, period.id],
        )
    }
    return [
        KrLine(view.kr, node.objective.title, previous.get(view.kr.id))
        for root in roots
        for node in root.walk()
        for view in node.krs
    ]


def _kpis(store: Store, review: Review, today: date, entered: set[str]) -> list[KpiLine]:
    focus = [
        k
        for k in store.models(Kpi, "SELECT * FROM kpis WHERE focus = 1 ORDER BY layer, position, created")
        if k.source is Source.typed
    ]
    previous = {
        v.kpi_id: v
        for v in store.models(
            KpiValue,
            "SELECT * FROM (SELECT v.*, ROW_NUMBER() OVER (PARTITION BY v.kpi_id ORDER BY v.date DESC) "
            "AS rank FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id WHERE k.focus = 1 AND v.id NOT IN "
            f"{_ENTERED.format(kind='kpi')}) WHERE rank = 1",
            [review.id],
        )
    }
    lines = []
    for kpi in focus:
        last = previous.get(kpi.id)
        if kpi.id in entered or is_due(kpi.cadence, None if last is None else last.date, today):
            lines.append(KpiLine(kpi, last))
    return lines


def nps_change(store: Store, since: date, today: date) -> NpsChange | None:
    """NPS of the answers after `since` (to today) against the same span before it; None when the
    workspace has no NPS answers at all."""
    if not store.has_table("responses") or not store.rows("SELECT 1 FROM responses LIMIT 1"):
        return None
    from cxtui.nps.models import Ref
    from cxtui.nps.queries import compare
    from cxtui.nps.surveys import range_label

    span = max(today - since, timedelta(days=1))
    after = Ref(range_label(since + timedelta(days=1), today), None, since + timedelta(days=1), today)
    before = Ref(
        range_label(since - span + timedelta(days=1), since), None, since - span + timedelta(days=1), since
    )
    return NpsChange(before, after, compare(store, before, after))


def build(store: Store, review: Review, today: date) -> Plan:
    """The review's plan on `today`: KRs of the current period, due focus KPIs, voices since the last
    review, cycles due for review, the NPS change."""
    entered = repo.entered(store, review.id)
    last = review_queries.last_finished(store, before=today, exclude=review.id)
    since = last.date if last is not None and last.date < review.date else review.date - WEEK
    period = okr_periods.default_period(store, today)
    plan = Plan(review=review, period=period, since=since, entered=entered)
    if period is not None:
        plan.krs = _krs(store, period, review, today)
    entered_kpis = {ref for kind, ref in entered if kind is ItemKind.kpi}
    plan.kpis = _kpis(store, review, today, entered_kpis)
    plan.voices = kpis.evidence(store, since=since + timedelta(days=1), until=today)
    due = {c.id: c for c in cycle_queries.due_for_review(store, today)}
    for kind, ref in entered:
        if kind is ItemKind.cycle and ref not in due:
            found = cycles.find_cycle(store, ref)
            if found is not None:
                due[found.id] = found
    plan.cycles = [
        CycleLine(c, cycles.before_after(store, c), cycles.evidence(store, c))
        for c in sorted(due.values(), key=lambda c: (c.end, c.start))
    ]
    plan.nps = nps_change(store, since, today)
    return plan

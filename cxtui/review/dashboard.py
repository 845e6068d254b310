"""The home dashboard's figures: overall OKR progress and the weakest KRs, focus KPIs with their
recent values, the latest NPS with its interval and trend, the ROX rate, the running cycle, this
week's voices, and what is due (check-ins, KPI values, cycles to review, the weekly review).

It is the first screen of a workspace, so it is read before the first paint: a few indexed queries,
and only light modules (models and read queries, not the domains' repositories with their writes and
validation). NPS figures are counted here by month in SQL and judged by `cxtui.nps.stats` (the NPS
query module costs ~25 ms to import; the NPS screen loads it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cxtui.cycles import queries as cycles
from cxtui.cycles.models import Cycle
from cxtui.db.store import Store
from cxtui.kpi.metrics import Change, change, is_due
from cxtui.kpi.models import Evidence, Kpi, Source
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import Period
from cxtui.okr.tree import KRView, ObjectiveNode, build_tree
from cxtui.review import queries as review_queries
from cxtui.review.models import Review

WEAKEST = 3
SPARK_POINTS = 12
NPS_MONTHS = 6
VOICE_DAYS = 7


@dataclass
class KpiSpark:
    """A focus KPI: its recent values (oldest first) and the change of the latest."""

    kpi: Kpi
    points: list[tuple[date, float]]
    change: Change | None
    due: bool
    n: int | None = None  # an NPS KPI: the answers behind the latest value
    so_far: bool = False  # a count by month (cycles run) whose latest month is this month, not over

    @property
    def too_few(self) -> bool:
        """Whether the latest value rests on too few answers to call its change (an NPS month
        that has just begun)."""
        from cxtui.nps.stats import SMALL_SAMPLE

        return self.n is not None and self.n < SMALL_SAMPLE

    @property
    def latest(self) -> float | None:
        """The latest value, if any."""
        return self.points[-1][1] if self.points else None


# The dashboard judges "now" on the last 30 days (see `window`).
WINDOW_DAYS = 30


@dataclass
class NpsMonth:
    """One month of every NPS answer: its label, NPS, 95 % interval and n."""

    month: str  # "YYYY-MM"
    nps: float | None
    ci95: tuple[float, float] | None
    n: int


@dataclass
class Rox:
    """The ROX rate of the last WINDOW_DAYS days' deals: favourable starts ÷ deals."""

    month: str
    favourable: int
    deals: int

    @property
    def rate(self) -> float:
        """100 × favourable / deals."""
        return 100.0 * self.favourable / self.deals


@dataclass
class Due:
    """What is due this week."""

    krs_open: int  # KRs of the period without a check-in since Monday
    krs_total: int
    kpis: list[Kpi]  # focus KPIs whose value is due by their cadence
    cycles: list[Cycle]  # ended and not reviewed
    review_due: bool  # no finished review this week
    last_review: Review | None
    open_review: Review | None  # started this week and left part-way


@dataclass
class Home:
    """Everything the dashboard shows."""

    today: date
    period: Period | None
    objectives: list[ObjectiveNode]
    weakest: list[tuple[KRView, str]]  # (KR, objective title), lowest progress first
    kpis: list[KpiSpark]
    nps: list[NpsMonth]  # the last months with answers, oldest first (empty: no NPS data)
    nps_recent: NpsMonth | None  # the last WINDOW_DAYS days
    nps_previous: NpsMonth | None  # the WINDOW_DAYS days before those
    rox: Rox | None
    running: list[Cycle]
    voices: list[Evidence]
    due: Due

    @property
    def overall(self) -> float | None:
        """Mean progress of the top-level objectives (None without any)."""
        values = [n.progress for n in self.objectives if n.progress is not None]
        return sum(values) / len(values) if values else None


def _okr(
    store: Store, period: Period | None, today: date
) -> tuple[list[ObjectiveNode], list[tuple[KRView, str]]]:
    if period is None:
        return [], []
    roots = build_tree(
        period, okr.objectives(store, period.id), okr.key_results_in_period(store, period.id), today
    )
    views = [(view, node.objective.title) for root in roots for node in root.walk() for view in node.krs]
    views.sort(key=lambda pair: pair[0].progress)  # stable: ties keep the tree order
    return roots, views[:WEAKEST]


def _krs_open(store: Store, period: Period | None, today: date) -> tuple[int, int]:
    if period is None:
        return 0, 0
    row = store.rows(
        "SELECT COUNT(*) AS total, SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM checkins c WHERE c.kr_id = k.id "
        "AND c.date >= ?) THEN 1 ELSE 0 END) AS open FROM key_results k JOIN objectives o "
        "ON o.id = k.objective_id WHERE o.period_id = ?",
        [review_queries.week_start(today).isoformat(), period.id],
    )[0]
    return int(row["open"] or 0), int(row["total"] or 0)


def nps_months(store: Store, today: date, survey: str = "", months: int = NPS_MONTHS) -> list[NpsMonth]:
    """NPS by calendar month over the last `months` months (of one survey by name, or every answer),
    months without answers left out."""
    if not store.has_table("responses"):
        return []
    from cxtui.nps.stats import Counts, ci95, nps

    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    where, params = (
        "r.answered_at >= ? AND r.answered_at < ? AND r.score IS NOT NULL",
        [
            first.isoformat(),
            (today + timedelta(days=1)).isoformat(),
        ],
    )
    if survey:
        where += " AND r.survey_id IN (SELECT id FROM surveys WHERE name = ?)"
        params.append(survey)
    rows = store.rows(
        "SELECT substr(r.answered_at, 1, 7) AS month, "
        "SUM(CASE WHEN r.score >= 9 THEN 1 ELSE 0 END) AS p, "
        "SUM(CASE WHEN r.score BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS m, "
        f"SUM(CASE WHEN r.score <= 6 THEN 1 ELSE 0 END) AS d FROM responses r WHERE {where} "
        "GROUP BY month ORDER BY month",
        params,
    )
    out = []
    for row in rows:
        counts = Counts(int(row["p"]), int(row["m"]), int(row["d"]))
        out.append(NpsMonth(str(row["month"]), nps(counts), ci95(counts), counts.n))
    return out


def _kpis(store: Store, today: date, every_answer: list[NpsMonth]) -> list[KpiSpark]:
    focus = store.models(Kpi, "SELECT * FROM kpis WHERE focus = 1 ORDER BY layer, position, created")
    if not focus:
        return []
    out = []
    for kpi in focus:
        points: list[tuple[date, float]]
        latest_n: int | None = None
        if kpi.source is Source.nps:
            # Every answer (the usual NPS KPI) is already counted for the NPS panel.
            months = (
                every_answer if not kpi.source_ref else nps_months(store, today, kpi.source_ref, SPARK_POINTS)
            )
            answered = [m for m in months if m.nps is not None]
            points = [(date.fromisoformat(m.month + "-01"), m.nps) for m in answered if m.nps is not None]
            latest_n = answered[-1].n if answered else None
        elif kpi.source is Source.typed:
            # Only the last values: one index seek per KPI, not every value of every KPI.
            rows = store.rows(
                "SELECT date, value FROM kpi_values WHERE kpi_id = ? ORDER BY date DESC LIMIT ?",
                [kpi.id, SPARK_POINTS],
            )
            points = [(date.fromisoformat(str(r["date"])), float(r["value"])) for r in reversed(rows)]
        else:
            from cxtui.kpi.sources import series

            points = [(p.date, p.value) for p in series(store, kpi)][-SPARK_POINTS:]
        moved = change(points[-1][1], points[-2][1], kpi.direction) if len(points) >= 2 else None
        due = kpi.source is Source.typed and is_due(kpi.cadence, points[-1][0] if points else None, today)
        # A month's count compared while the month runs would call every month "worse" at first.
        so_far = (
            kpi.source is Source.cycles
            and bool(points)
            and points[-1][0].replace(day=1) == today.replace(day=1)
        )
        out.append(KpiSpark(kpi, points, moved, due, latest_n, so_far))
    return out


def window(today: date) -> tuple[date, date]:
    """The dashboard's "now": the WINDOW_DAYS days ending today. A calendar month that has just begun
    would judge the week on a handful of answers or deals."""
    return today - timedelta(days=WINDOW_DAYS - 1), today


def rox(store: Store, today: date) -> Rox | None:
    """The ROX rate of the deals of the last WINDOW_DAYS days (cxtui.loyalty's counts: favourable = at
    least one signal set); None when there is no deal in that time."""
    from cxtui.loyalty.queries import rox_between

    start, end = window(today)
    found = rox_between(store, start, end)
    if found is None or not found[1]:
        return None
    favourable, deals = found
    return Rox(f"{start.isoformat()} – {end.isoformat()}", favourable, deals)


def nps_between(store: Store, start: date, end: date) -> NpsMonth | None:
    """NPS of every answer dated `start`..`end` (inclusive); None without answers."""
    if not store.has_table("responses"):
        return None
    from cxtui.nps.stats import Counts, ci95, nps

    row = store.rows(
        "SELECT SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS p, "
        "SUM(CASE WHEN score BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS m, "
        "SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS d FROM responses "
        "WHERE answered_at >= ? AND answered_at < ? AND score IS NOT NULL",
        [start.isoformat(), (end + timedelta(days=1)).isoformat()],
    )[0]
    counts = Counts(int(row["p"] or 0), int(row["m"] or 0), int(row["d"] or 0))
    if not counts.n:
        return None
    return NpsMonth(f"{start.isoformat()} – {end.isoformat()}", nps(counts), ci95(counts), counts.n)


def load(store: Store, today: date) -> Home:
    """Everything the dashboard shows on `today`."""
    period = okr_periods.default_period(store, today)
    objectives, weakest = _okr(store, period, today)
    every_answer = nps_months(store, today, months=SPARK_POINTS)
    focus = _kpis(store, today, every_answer)
    krs_open, krs_total = _krs_open(store, period, today)
    due = Due(
        krs_open=krs_open,
        krs_total=krs_total,
        kpis=[s.kpi for s in focus if s.due],
        cycles=cycles.due_for_review(store, today),
        review_due=review_queries.done_this_week(store, today) is None,
        last_review=review_queries.last_finished(store, before=today),
        open_review=review_queries.open_review(store, today),
    )
    return Home(
        today=today,
        period=period,
        objectives=objectives,
        weakest=weakest,
        kpis=focus,
        nps=every_answer[-NPS_MONTHS:],
        nps_recent=nps_between(store, *window(today)),
        nps_previous=nps_between(store, *window(window(today)[0] - timedelta(days=1))),
        rox=rox(store, today),
        running=cycles.running(store),
        voices=store.models(
            Evidence,
            "SELECT * FROM evidence WHERE date BETWEEN ? AND ? ORDER BY date DESC, created DESC LIMIT 5",
            [(today - timedelta(days=VOICE_DAYS - 1)).isoformat(), today.isoformat()],
        ),
        due=due,
    )

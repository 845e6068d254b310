"""The weekly review in the core: entries write into their own domains with one review item each,
corrections replace, leaving keeps everything; the plan of each step; the NPS change; the dashboard."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from cxtui.cycles import repo as cycles
from cxtui.cycles.models import Cycle, CycleState
from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Cadence, Evidence, Kpi, KpiValue, Source
from cxtui.nps.models import ManualEntry
from cxtui.nps.repo import add_manual_scores
from cxtui.nps.surveys import create_survey
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, Confidence, KeyResult, KRKind, Objective
from cxtui.review import dashboard, plan, repo
from cxtui.review import queries as review_queries
from cxtui.review.models import ItemKind

D = date.fromisoformat
TODAY = D("2026-11-22")  # a Sunday


@pytest.fixture
def store() -> Store:
    store = Store.memory()
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    company = okr.save_objective(store, Objective(period_id=period.id, title="Customer success"))
    churn = okr.save_key_result(
        store,
        KeyResult(objective_id=company.id, title="Churn", kind=KRKind.decrease, start=8, target=3, unit="%"),
    )
    okr.save_key_result(store, KeyResult(objective_id=company.id, title="Satisfaction", start=68, target=90))
    sales = okr.save_objective(store, Objective(period_id=period.id, parent_id=company.id, title="Sales"))
    okr.save_key_result(
        store, KeyResult(objective_id=sales.id, title="Launch", kind=KRKind.milestone, start=0, target=1)
    )
    okr_checkins.record_checkin(
        store,
        CheckIn(kr_id=churn.id, date=D("2026-11-13"), value=6, confidence=Confidence.at_risk, note="calls"),
    )
    return store


def _kr(store: Store, title: str) -> KeyResult:
    return next(
        kr
        for krs in okr.key_results_in_period(store, okr_periods.periods(store)[0].id).values()
        for kr in krs
        if kr.title == title
    )


# -- entries ---------------------------------------------------------------------------------------


def test_a_kr_entry_is_a_check_in_and_an_item_and_typing_it_again_corrects_it(store: Store) -> None:
    review = repo.start_review(store, TODAY)
    churn = _kr(store, "Churn")
    review, item = repo.enter_kr(
        store,
        review,
        churn.id,
        5.5,
        note="fewer cancellations",
        confidence=Confidence.at_risk,
        today=TODAY,
        step=1,
        seconds=40,
    )
    [latest, first] = okr_checkins.checkins(store, churn.id)
    assert (latest.date, latest.value, latest.note, latest.confidence) == (
        TODAY,
        5.5,
        "fewer cancellations",
        Confidence.at_risk,
    )
    assert first.value == 6
    assert _kr(store, "Churn").current == 5.5  # the KR shows its latest check-in
    assert (item.kind, item.ref_id, item.value, item.record_id) == (ItemKind.kr, churn.id, 5.5, latest.id)
    assert (review.step, review.seconds) == (1, 40)
    # Again in the same review: the same check-in and the same item, corrected.
    review, again = repo.enter_kr(store, review, churn.id, 5.0, today=TODAY)
    assert again.id == item.id
    assert [c.value for c in okr_checkins.checkins(store, churn.id)] == [5.0, 6]
    assert len(repo.items(store, review.id)) == 1
    # Each entry is one undo step.
    assert store.undo() == "Weekly review: check-in"
    assert [c.value for c in okr_checkins.checkins(store, churn.id)] == [5.5, 6]


def test_a_milestone_entry_must_be_done_or_not(store: Store) -> None:
    review = repo.start_review(store, TODAY)
    with pytest.raises(InputError):
        repo.enter_kr(store, review, _kr(store, "Launch").id, 3, today=TODAY)
    assert repo.items(store, review.id) == []


def test_a_kpi_entry_is_todays_value_replacing_one_typed_elsewhere(store: Store) -> None:
    kpi = kpis.save_kpi(store, Kpi(name="Walk-aways", layer="behaviour", focus=True))
    kpis.record_value(store, KpiValue(kpi_id=kpi.id, date=TODAY, value=30))
    review = repo.start_review(store, TODAY)
    review, item = repo.enter_kpi(store, review, kpi.id, 26, note="rainy week", today=TODAY)
    assert [(v.date, v.value, v.note) for v in kpis.values(store, kpi.id)] == [(TODAY, 26, "rainy week")]
    assert item.record_id == kpis.values(store, kpi.id)[0].id


def test_voices_cycles_pause_and_finish(store: Store) -> None:
    cycle = cycles.save_cycle(
        store,
        Cycle(
            title="Guide",
            state=CycleState.running,
            start=D("2026-11-09"),
            end=D("2026-11-22"),
            hypothesis="h",
            change="c",
        ),
    )
    review = repo.start_review(store, TODAY)
    review, _ = repo.capture_voice(
        store, review, "That's reassuring, then", today=TODAY, cycle_id=cycle.id, step=3
    )
    assert [(e.quote, e.cycle_id) for e in kpis.evidence(store)] == [("That's reassuring, then", cycle.id)]
    review, _ = repo.review_cycle(store, review, cycle.id, "The guide cut the questions", step=4)
    assert cycles.get_cycle(store, cycle.id).learning == "The guide cut the questions"
    assert cycles.get_cycle(store, cycle.id).state is CycleState.running  # not closed without a next step
    review, _ = repo.review_cycle(
        store, review, cycle.id, "The guide cut the questions", "Guide in every demo", step=4
    )
    assert cycles.get_cycle(store, cycle.id).state is CycleState.reviewed
    review = repo.pause(store, review, 5, 300)
    assert (review.step, review.seconds, review.finished) == (5, 300, None)
    assert review_queries.open_review(store, TODAY).id == review.id
    assert review_queries.open_review(store, TODAY + timedelta(days=1)) is None  # next week: a new one
    with pytest.raises(InputError):
        repo.finish(store, review, "1) a 2) b", "one", seconds=400)  # one learning
    done = repo.finish(
        store, review, "Numbers and voices agree", "Ask regulars to bring a friend", seconds=400
    )
    assert done.done and done.step == 6 and done.seconds == 400
    assert review_queries.open_review(store, TODAY) is None
    assert review_queries.done_this_week(store, TODAY).id == review.id
    assert {k: v for k, v in repo.item_counts(store)[review.id].items()} == {"voice": 1, "cycle": 1}


# -- the plan --------------------------------------------------------------------------------------


def test_plan_walks_krs_in_tree_order_with_the_previous_check_in_before_this_reviews(store: Store) -> None:
    review = repo.start_review(store, TODAY)
    review, _ = repo.enter_kr(store, review, _kr(store, "Churn").id, 5, today=TODAY)
    steps = plan.build(store, review, TODAY)
    assert [line.kr.title for line in steps.krs] == ["Churn", "Satisfaction", "Launch"]
    assert [line.objective for line in steps.krs] == ["Customer success", "Customer success", "Sales"]
    churn = steps.krs[0]
    assert churn.previous.value == 6 and churn.previous.note == "calls"  # not today's 5
    assert steps.entered[(ItemKind.kr, churn.kr.id)].value == 5
    assert steps.krs[1].previous is None


def test_plan_lists_focus_kpis_due_by_cadence_and_keeps_those_entered(store: Store) -> None:
    weekly = kpis.save_kpi(store, Kpi(name="Weekly", layer="behaviour", focus=True))
    monthly = kpis.save_kpi(store, Kpi(name="Monthly", layer="ltv", focus=True, cadence=Cadence.monthly))
    kpis.save_kpi(store, Kpi(name="Not in focus", layer="behaviour"))
    kpis.record_value(store, KpiValue(kpi_id=weekly.id, date=D("2026-11-13"), value=1))  # last week
    kpis.record_value(store, KpiValue(kpi_id=monthly.id, date=D("2026-11-02"), value=1))  # this month
    review = repo.start_review(store, TODAY)
    assert [line.kpi.name for line in plan.build(store, review, TODAY).kpis] == ["Weekly"]
    review, _ = repo.enter_kpi(store, review, weekly.id, 2, today=TODAY)
    steps = plan.build(store, review, TODAY)
    assert [line.kpi.name for line in steps.kpis] == ["Weekly"]  # entered: no longer due, still listed
    assert steps.kpis[0].previous.value == 1


def test_plan_voices_since_the_last_review_and_cycles_due(store: Store) -> None:
    last = repo.start_review(store, D("2026-11-13"))
    repo.finish(store, last, "learned", "next", seconds=1)
    for day, quote in (("2026-11-13", "before"), ("2026-11-14", "after 1"), ("2026-11-20", "after 2")):
        kpis.save_evidence(store, Evidence(date=D(day), quote=quote))
    ended = cycles.save_cycle(
        store,
        Cycle(
            title="Ended",
            state=CycleState.running,
            start=D("2026-11-01"),
            end=D("2026-11-20"),
            hypothesis="h",
        ),
    )
    cycles.save_cycle(
        store, Cycle(title="Running", state=CycleState.running, start=D("2026-11-16"), end=D("2026-11-29"))
    )
    review = repo.start_review(store, TODAY)
    steps = plan.build(store, review, TODAY)
    assert steps.since == D("2026-11-13")
    assert [e.quote for e in steps.voices] == ["after 2", "after 1"]
    assert [line.cycle.title for line in steps.cycles] == ["Ended"]
    repo.review_cycle(store, review, ended.id, "learned", "next")
    assert [line.cycle.title for line in plan.build(store, review, TODAY).cycles] == [
        "Ended"
    ]  # kept, reviewed


def test_nps_change_compares_the_span_since_the_last_review_with_the_same_span_before(store: Store) -> None:
    review = repo.start_review(store, TODAY)
    assert plan.build(store, review, TODAY).nps is None  # no NPS data: the step is passed over
    survey = create_survey(store, "Next week", "manual")
    entries = [ManualEntry(10, answered_at=datetime(2026, 11, 20, 12)) for _ in range(30)]
    entries += [ManualEntry(3, answered_at=datetime(2026, 11, 10, 12)) for _ in range(30)]
    entries += [ManualEntry(10, answered_at=datetime(2026, 11, 1, 12))]  # older than both windows
    with store.action("answers"):
        add_manual_scores(store, survey, entries)
    steps = plan.build(store, review, TODAY)  # no finished review: the last 7 days against the 7 before
    assert steps.since == D("2026-11-15")
    change = steps.nps
    assert (change.after.start, change.after.end) == (D("2026-11-16"), D("2026-11-22"))
    assert (change.before.start, change.before.end) == (D("2026-11-09"), D("2026-11-15"))
    assert (change.comparison.before.n, change.comparison.after.n) == (30, 30)
    assert change.comparison.delta == 200 and change.comparison.significant


# -- the dashboard ---------------------------------------------------------------------------------


def test_dashboard_figures(store: Store) -> None:
    walkaways = kpis.save_kpi(store, Kpi(name="Walk-aways", layer="behaviour", focus=True, direction="lower"))  # type: ignore[arg-type]
    for week, value in enumerate((44, 40, 30)):
        kpis.record_value(
            store, KpiValue(kpi_id=walkaways.id, date=D("2026-11-01") + timedelta(weeks=week), value=value)
        )
    cycles.save_cycle(
        store, Cycle(title="Due", state=CycleState.running, start=D("2026-11-01"), end=D("2026-11-14"))
    )
    home = dashboard.load(store, TODAY)
    assert [n.objective.title for n in home.objectives] == ["Customer success"]
    assert [view.kr.title for view, _objective in home.weakest] == ["Satisfaction", "Launch", "Churn"]
    [spark] = home.kpis
    assert [v for _d, v in spark.points] == [44, 40, 30] and spark.latest == 30
    assert spark.change.verdict == "better" and spark.due  # nothing this week (since Monday the 16th)
    assert [k.name for k in home.due.kpis] == ["Walk-aways"]
    assert (home.due.krs_open, home.due.krs_total) == (3, 3)
    assert [c.title for c in home.due.cycles] == ["Due"]
    assert home.due.review_due and home.due.last_review is None
    assert home.rox is None and home.nps == []
    review = repo.start_review(store, TODAY)
    assert dashboard.load(store, TODAY).due.open_review.id == review.id
    repo.finish(store, review, "learned", "next", seconds=1)
    assert not dashboard.load(store, TODAY).due.review_due


def test_dashboard_shows_the_rox_rate_of_the_last_30_days(store: Store) -> None:
    from cxtui.loyalty import repo as loyalty
    from cxtui.loyalty.models import Deal

    today = date(2026, 12, 2)
    assert dashboard.rox(store, today) is None
    # Four deals inside the window (two favourable), across a month boundary; one just outside it.
    for day, name, signals in [
        (date(2026, 11, 3), "a", (True, False, False)),
        (date(2026, 11, 20), "b", (False, False, False)),
        (date(2026, 12, 1), "c", (False, True, True)),
        (date(2026, 12, 2), "d", (False,) * 3),
    ]:
        by_name, understood, no_haggle = signals
        loyalty.save_deal(
            store,
            Deal(date=day, name=name, came_by_name=by_name,
                 already_understood=understood, no_price_negotiation=no_haggle),
        )  # fmt: skip
    loyalty.save_deal(store, Deal(date=date(2026, 11, 2), name="old", came_by_name=True))
    rox = dashboard.rox(store, today)
    assert rox is not None
    assert (rox.month, rox.favourable, rox.deals, rox.rate) == ("2026-11-03 – 2026-12-02", 2, 4, 50.0)
    assert dashboard.rox(store, date(2027, 3, 1)) is None  # nothing in that window


def test_dashboard_nps_compares_the_last_30_days_with_the_30_before(store: Store) -> None:
    today = date(2026, 12, 2)
    assert dashboard.nps_between(store, *dashboard.window(today)) is None
    survey = create_survey(store, "s")
    # Window 11-03..12-02: 2 promoters, 1 detractor → +33, n=3. The 30 days before: 1 detractor.
    scores = [(10, (11, 3)), (9, (11, 30)), (0, (12, 2)), (3, (11, 2)), (0, (12, 3))]
    entries = [ManualEntry(score, answered_at=datetime(2026, m, d, 12)) for score, (m, d) in scores]
    with store.action("answers"):
        add_manual_scores(store, survey, entries)
    home = dashboard.load(store, today)
    assert home.nps_recent is not None and home.nps_previous is not None
    assert (round(home.nps_recent.nps or 0), home.nps_recent.n) == (33, 3)
    assert (home.nps_previous.nps, home.nps_previous.n) == (-100.0, 1)


def test_an_nps_kpi_on_a_month_of_a_few_answers_gives_no_verdict(store: Store) -> None:
    kpis.save_kpi(store, Kpi(name="NPS", layer="psychology", focus=True, source=Source.nps))
    survey = create_survey(store, "s")
    # October: 40 answers; November (the month of TODAY): 5, all detractors.
    entries = [ManualEntry(10, answered_at=datetime(2026, 10, 10, 12)) for _ in range(40)]
    entries += [ManualEntry(0, answered_at=datetime(2026, 11, 20, 12)) for _ in range(5)]
    with store.action("answers"):
        add_manual_scores(store, survey, entries)
    (spark,) = dashboard.load(store, TODAY).kpis
    assert spark.latest == -100 and spark.n == 5 and spark.too_few  # no "worse" on 5 answers
    with store.action("more"):
        add_manual_scores(store, survey, [ManualEntry(0, answered_at=datetime(2026, 11, 21, 12))] * 25)
    (spark,) = dashboard.load(store, TODAY).kpis
    assert (
        spark.n == 30 and not spark.too_few and spark.change is not None and spark.change.verdict == "worse"
    )


def test_cycles_run_this_month_are_counted_so_far_not_judged(store: Store) -> None:
    kpis.save_kpi(store, Kpi(name="Cycles run", layer="behaviour", focus=True, source=Source.cycles))
    for title, end in (
        ("October", date(2026, 10, 20)),
        ("Also October", date(2026, 10, 30)),
        ("November", TODAY),
    ):
        cycles.save_cycle(
            store,
            Cycle(
                title=title,
                start=end - timedelta(days=13),
                end=end,
                state=CycleState.reviewed,
                learning="l",
                next_step="n",
            ),
        )
    (spark,) = dashboard.load(store, TODAY).kpis
    assert spark.latest == 1 and spark.so_far  # November is not over: no "worse" against October's 2
    (later,) = dashboard.load(store, date(2026, 12, 2)).kpis
    assert not later.so_far and later.change is not None and later.change.verdict == "worse"

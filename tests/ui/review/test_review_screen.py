"""Pilot tests of the weekly review: a whole review from the keyboard (and its keystroke count),
skipping, leaving part-way and resuming, corrections and undo."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

import screens.review.screen as review_screen
from cxtui.cycles import repo as cycles
from cxtui.cycles.models import Cycle, CycleState
from cxtui.db.store import Store
from cxtui.i18n import set_language
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Kpi, KpiValue
from cxtui.nps.models import ManualEntry
from cxtui.nps.repo import add_manual_scores
from cxtui.nps.surveys import create_survey
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, Confidence, KeyResult, Objective
from cxtui.review import repo as reviews
from screens.app import CxApp
from screens.home.screen import HomeScreen
from screens.review.screen import ReviewScreen
from screens.shared.plain import plain_text
from tests.conftest import TODAY
from tests.ui.conftest import screen_text

SIZE = (120, 40)
LAST_FRIDAY = TODAY - timedelta(days=9)  # 2026-11-13


class Clock:
    """A clock the test moves by hand (the review's timer reads it)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    fake = Clock()
    monkeypatch.setattr(review_screen, "CLOCK", fake)
    yield fake


def build(path: Path, krs: int = 15, kpi_count: int = 5) -> Store:
    """A workspace with `krs` KRs in 3 objectives (each checked in last week with a note) and
    `kpi_count` focus KPIs due this week."""
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    per_objective = max(1, krs // 3)
    for o in range(3):
        objective = okr.save_objective(store, Objective(period_id=period.id, title=f"Objective {o + 1}"))
        for k in range(per_objective):
            kr = okr.save_key_result(
                store,
                KeyResult(
                    objective_id=objective.id, title=f"KR {o + 1}.{k + 1}", start=0, target=100, unit="%"
                ),
            )
            okr_checkins.record_checkin(
                store,
                CheckIn(
                    kr_id=kr.id,
                    date=LAST_FRIDAY,
                    value=10 + k,
                    confidence=Confidence.at_risk,
                    note=f"note {o}.{k}",
                ),
            )
    for index in range(kpi_count):
        kpi = kpis.save_kpi(
            store, Kpi(name=f"Focus KPI {index + 1}", layer="behaviour", focus=True, unit="people")
        )
        kpis.record_value(store, KpiValue(kpi_id=kpi.id, date=LAST_FRIDAY, value=20 + index))
    store.clear_history()
    return store


class Keys:
    """Presses keys through Pilot and counts every one."""

    def __init__(self, pilot) -> None:  # type: ignore[no-untyped-def]
        self.pilot = pilot
        self.count = 0

    async def __call__(self, *keys: str) -> None:
        for key in keys:
            self.count += 1
            await self.pilot.press(key)
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        await self(*list(text), "enter")


def _screen(app: CxApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen), type(app.screen).__name__
    return app.screen


async def test_a_whole_review_takes_the_values_typed_plus_one_key_per_item(
    tmp_path: Path, clock: Clock
) -> None:
    store = build(tmp_path / "ws.cxtui")
    app = CxApp(store=store, today=TODAY)
    kr_values = [f"{30 + i}" if i % 2 else f"{30 + i}.5" for i in range(15)]
    kpi_values = ["18", "21", "19.5", "22", "17"]
    learning, next_step = "Numbers and voices agree", "Call at-risk customers"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        await keys("w")  # one key opens the review from the dashboard
        screen = _screen(app)
        assert screen.step == 0 and screen.count(0) == 15
        text = screen.as_text()
        assert (
            re.search(r"· 10% → \? +KR 1.1", text) and "note 0.0" in text and "! at risk" in text
        )  # previous beside the new
        for value in kr_values:
            await keys.type(value)
        assert screen.step == 1  # straight into the due KPIs: no extra key
        assert "20 people → ?" in screen.as_text() and "Focus KPI 1" in screen.as_text()
        clock.now += 11 * 60 + 5
        for value in kpi_values:
            await keys.type(value)
        assert screen.step == 2  # this week's voices
        await keys("enter")  # nothing to add: on (no cycle due, no NPS data: those steps are passed over)
        assert screen.step == 5
        await keys.type(learning)
        await keys.type(next_step)
        assert isinstance(app.screen, HomeScreen)  # saved and closed
        typed = sum(len(v) for v in kr_values + kpi_values) + len(learning) + len(next_step)
        items = 15 + 5 + 1 + 2  # each KR, each KPI, the voices page, the learning, the next step
        assert keys.count == typed + items + 1  # + the key that opened it
        assert (typed, keys.count) == (104, 128)  # the numbers quoted in the report
    # What the file holds: 15 check-ins today with the values typed, confidence carried over.
    period = okr_periods.periods(store)[0]
    krs = [kr for krs in okr.key_results_in_period(store, period.id).values() for kr in krs]
    today_values = {kr.title: okr_checkins.checkins(store, kr.id, limit=1)[0] for kr in krs}
    assert all(c.date == TODAY and c.confidence is Confidence.at_risk for c in today_values.values())
    assert sorted(c.value for c in today_values.values()) == sorted(float(v) for v in kr_values)
    values = [kpis.values(store, k.id)[-1] for k in kpis.kpis(store)]
    assert sorted(v.value for v in values) == sorted(float(v) for v in kpi_values)
    assert all(v.date == TODAY for v in values)
    [review] = reviews.reviews(store)
    assert review.done and (review.learning, review.next_step) == (learning, next_step)
    assert review.seconds == 11 * 60 + 5 and review.date == TODAY
    assert reviews.item_counts(store)[review.id] == {"kr": 15, "kpi": 5}


async def test_skip_an_item_skip_a_step_change_confidence_and_notes(tmp_path: Path, clock: Clock) -> None:
    store = build(tmp_path / "ws.cxtui", krs=3, kpi_count=2)
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        await keys("w")
        screen = _screen(app)
        await keys("enter")  # skip KR 1.1: one key
        assert screen.cursor == 1
        await keys("ctrl+o")  # at risk -> off track
        assert "✗ off track" in screen.as_text()  # a shape per state, not only a colour
        await keys.type("55 calls done")  # a note may follow the value
        await keys("pagedown")  # skip the rest of the KRs: one key
        assert screen.step == 1
        await keys.type("abc")  # not a number: said, nothing saved, nothing moves
        assert screen.step == 1 and screen.cursor == 0
        assert "must be a number" in str(screen.query_one("#review-error").render())
        await keys("escape")
    kr11, kr12, kr13 = (
        kr
        for krs in okr.key_results_in_period(store, okr_periods.periods(store)[0].id).values()
        for kr in krs
    )
    assert okr_checkins.checkins(store, kr11.id)[0].date == LAST_FRIDAY  # skipped: nothing written
    latest = okr_checkins.checkins(store, kr12.id)[0]
    assert (latest.value, latest.note, latest.confidence) == (55, "calls done", Confidence.off_track)
    assert okr_checkins.checkins(store, kr13.id)[0].date == LAST_FRIDAY


async def test_leaving_part_way_keeps_everything_and_w_resumes_there(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "ws.cxtui"
    store = build(path, krs=6, kpi_count=1)
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        await keys("w")
        for value in ("41", "42", "43"):
            await keys.type(value)
        clock.now += 125
        await keys("escape")  # leave part-way
        assert isinstance(app.screen, HomeScreen)
        assert "left part-way" in app.screen.query_one("#panel-due").as_text()
    # Everything entered is in the file, even after closing the app.
    store.close()
    store = Store.open(path)
    [review] = reviews.reviews(store)
    assert not review.done and review.step == 1 and review.seconds == 125
    assert reviews.item_counts(store)[review.id] == {"kr": 3}
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        screen = _screen(app)
        assert screen.review is not None and screen.review.id == review.id  # the same review, resumed
        assert (screen.step, screen.cursor) == (0, 3)  # on the first KR not entered yet
        text = screen.as_text()
        assert re.search(r"✓ 10% → 41% +KR 1.1", text) and re.search(r"· 11% → \? +KR 2.2", text)
        assert "time 02:05 / 15:00" in text  # the timer goes on from where it was left
        await pilot.press("up")  # back to a KR entered earlier: its value is there to correct
        await pilot.pause()
        assert screen.query_one("#review-input", Input).value == "43"
        await pilot.press("backspace", "9", "enter")
        await pilot.pause()
    period = okr_periods.periods(store)[0]
    kr21 = next(
        kr
        for krs in okr.key_results_in_period(store, period.id).values()
        for kr in krs
        if kr.title == "KR 2.1"
    )
    assert [c.value for c in okr_checkins.checkins(store, kr21.id)] == [49, 10]  # corrected, not added


async def test_undo_in_the_review_takes_back_the_last_value(tmp_path: Path, clock: Clock) -> None:
    store = build(tmp_path / "ws.cxtui", krs=3, kpi_count=0)
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", "5", "0", "enter")
        await pilot.pause()
        screen = _screen(app)
        assert re.search(r"✓ 10% → 50% +KR 1.1", screen.as_text())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert re.search(r"· 10% → \? +KR 1.1", screen.as_text())
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("2")  # number keys do not switch screens under the review
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    period = okr_periods.periods(store)[0]
    first = next(iter(okr.key_results_in_period(store, period.id).values()))[0]
    assert [c.value for c in okr_checkins.checkins(store, first.id)] == [10]


async def test_the_end_needs_a_learning_and_a_next_step(tmp_path: Path, clock: Clock) -> None:
    store = build(tmp_path / "ws.cxtui", krs=3, kpi_count=0)
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", "pagedown")  # KRs skipped; KPIs none; voices
        await pilot.pause()
        screen = _screen(app)
        assert screen.step == 2
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.step == 5
        await pilot.press("pagedown", "enter")  # neither skipping nor an empty line ends it
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "one learning and one next step" in str(screen.query_one("#review-error").render())
    assert reviews.reviews(store)[0].finished is None


async def test_past_reviews_can_be_read(tmp_path: Path, clock: Clock) -> None:
    store = build(tmp_path / "ws.cxtui", krs=3, kpi_count=0)
    earlier = reviews.start_review(store, date(2026, 11, 13))
    reviews.finish(
        store, earlier, "Pre-ordering works where the shelf is easy to find", "Move the shelf", seconds=754
    )
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        text = str(app.screen.query_one("#history").render())
        assert "2026-11-13" in text and "finished in 12:34" in text
        assert "Pre-ordering works where the shelf is easy to find" in text and "Move the shelf" in text


def build_due(path: Path) -> tuple[Store, str]:
    """`build` with a finished review on LAST_FRIDAY, a running cycle past its end and NPS answers on
    both sides of that review (better after it); the cycle's id."""
    store = build(path, krs=3, kpi_count=0)
    last = reviews.start_review(store, LAST_FRIDAY)
    reviews.finish(store, last, "Earlier learning", "Earlier next step", seconds=600)
    cycle = cycles.save_cycle(
        store,
        Cycle(
            title="Guide first in demos",
            state=CycleState.running,
            start=date(2026, 11, 1),
            end=date(2026, 11, 14),
            hypothesis="Showing the guide first cuts comparison questions",
            change="Open demos with the guide",
        ),
    )
    survey = create_survey(store, "Visits", "manual")
    after = [10] * 20 + [8] * 5 + [5] * 5  # 2026-11-14 .. today: NPS +50
    before = [10] * 10 + [7] * 5 + [4] * 15  # the 9 days up to the last review: NPS -17
    entries = [ManualEntry(score, answered_at=datetime(2026, 11, 20, 12)) for score in after]
    entries += [ManualEntry(score, answered_at=datetime(2026, 11, 10, 12)) for score in before]
    with store.action("answers"):
        add_manual_scores(store, survey, entries)
    store.clear_history()
    return store, cycle.id


async def test_voices_a_due_cycle_and_the_nps_change_from_the_keyboard(tmp_path: Path, clock: Clock) -> None:
    store, cycle_id = build_due(tmp_path / "ws.cxtui")
    app = CxApp(store=store, today=TODAY)
    voice = "Now I see why the plan costs more"
    cycle_learning, cycle_next = "The guide first halves the comparison questions", "Guide every demo"
    learning, next_step = "Voices explain the NPS rise", "Share the guide with sales"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        await keys("w", "pagedown")  # the KRs skipped: this week's voices
        screen = _screen(app)
        assert screen.step == 2
        assert "Voices since 2026-11-13: 0" in screen.as_text()  # since the last review
        # Step 3: a voice captured from the review is an evidence row, linked to the running cycle.
        await keys.type(voice)
        assert screen.step == 2  # more voices may follow
        assert "Voices since 2026-11-13: 1" in screen.as_text() and f"“{voice}”" in screen.as_text()
        [saved] = kpis.evidence(store)
        assert (saved.quote, saved.date, saved.cycle_id) == (voice, TODAY, cycle_id)
        await keys("enter")  # an empty line: on to the cycles due
        # Step 4: the cycle past its end, reviewed in place: its learning, then its next step.
        assert screen.step == 3 and screen.count(3) == 1
        text = screen.as_text()
        assert "Guide first in demos" in text and "Showing the guide first cuts comparison questions" in text
        await keys.type(cycle_learning)
        assert screen.step == 3 and cycles.get_cycle(store, cycle_id).learning == cycle_learning
        assert cycles.get_cycle(store, cycle_id).state is CycleState.running  # not closed without a next step
        await keys.type(cycle_next)
        # Step 5: the NPS since the last review against the same span before it, with the verdict.
        assert screen.step == 4
        text = screen.as_text()
        assert "NPS since the last review (2026-11-13)" in text
        assert re.search(r"2026-11-14\.\.2026-11-22: NPS \+50 +\[\+\d+, \+\d+\] +n=30", text)
        assert re.search(r"2026-11-05\.\.2026-11-13: NPS -17 +\[-\d+, \+\d+\] +n=30", text)
        assert "Change: +67  p = 0.003" in text
        assert "A real improvement: +67 points (p = 0.003)." in text  # the verdict, in words
        assert "4 Cycles 1/1" in text  # the cycle counted as reviewed
        await keys("enter")
        # Step 6: the learning and the next step end the review.
        assert screen.step == 5
        await keys.type(learning)
        await keys.type(next_step)
        assert isinstance(app.screen, HomeScreen)
    reviewed = cycles.get_cycle(store, cycle_id)
    assert (reviewed.state, reviewed.learning, reviewed.next_step) == (
        CycleState.reviewed,
        cycle_learning,
        cycle_next,
    )
    review = reviews.reviews(store)[0]
    assert review.date == TODAY and review.done
    assert (review.learning, review.next_step) == (learning, next_step)
    assert reviews.item_counts(store)[review.id] == {"voice": 1, "cycle": 1}


async def test_the_timer_says_in_words_when_the_15_minutes_are_over(tmp_path: Path, clock: Clock) -> None:
    store = build(tmp_path / "ws.cxtui", krs=3, kpi_count=0)
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        screen = _screen(app)
        clock.now += 15 * 60  # the budget to the second: not over yet
        await pilot.press("down")
        await pilot.pause()
        steps = plain_text(screen.query_one("#review-steps", Static).render(), 120)
        assert steps.startswith("time 15:00 / 15:00") and "over" not in steps
        clock.now += 90
        await pilot.press("down")
        await pilot.pause()
        steps = plain_text(screen.query_one("#review-steps", Static).render(), 120)
        assert steps.startswith("time 16:30 / 15:00 (over by 01:30)")  # in words, not by colour alone
        assert "time 16:30 / 15:00 (over by 01:30)" in screen_text(app)  # on the terminal itself
        set_language("ja")
        app.screen.relabel()
        await pilot.pause()
        assert "時間 16:30 / 15:00 (01:30 超過)" in screen.as_text()

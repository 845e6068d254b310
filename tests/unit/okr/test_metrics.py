"""OKR formulas: every KR kind, decreasing KRs, guardrails, bands, expected progress, rounding."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cxtui.format import percent
from cxtui.okr.metrics import (
    MAX_KRS_ADVISED,
    band,
    clamp01,
    expected_progress,
    is_behind,
    kr_progress,
    kr_raw_progress,
    objective_progress,
    raw_progress,
    round_half_away,
    weighted_mean,
)
from cxtui.okr.models import Band, KeyResult, KRKind, Objective, Period
from cxtui.okr.tree import build_tree

OBJ = "objective-1"


def kr(kind: KRKind, start: float, target: float, current: float | None, weight: float = 1.0) -> KeyResult:
    return KeyResult(
        objective_id=OBJ, title="kr", kind=kind, start=start, target=target, current=current, weight=weight
    )


# -- progress by kind ---------------------------------------------------------------------------


def test_increase_progress() -> None:
    assert raw_progress(KRKind.increase, 68, 90, 85) == pytest.approx(17 / 22)
    assert kr_progress(kr(KRKind.increase, 0, 10, 5)) == 0.5


def test_churn_decrease_8_to_3_at_4_5_is_70_percent() -> None:
    churn = kr(KRKind.decrease, 8, 3, 4.5)
    assert kr_raw_progress(churn) == pytest.approx(0.7)
    assert kr_progress(churn) == pytest.approx(0.7)
    assert percent(kr_progress(churn)) == 70
    assert band(kr_progress(churn)) is Band.green


def test_support_time_48_to_12_at_15_is_91_7_percent() -> None:
    support = kr(KRKind.decrease, 48, 12, 15)
    assert kr_progress(support) == pytest.approx(33 / 36)
    assert round_half_away(kr_progress(support) * 100, 1) == 91.7
    assert band(kr_progress(support)) is Band.green


def test_decrease_before_any_checkin_is_zero() -> None:
    assert kr_progress(kr(KRKind.decrease, 8, 3, None)) == 0.0


def test_overshoot_raw_above_one_clamped_to_one() -> None:
    over = kr(KRKind.increase, 0, 100, 130)
    assert kr_raw_progress(over) == pytest.approx(1.3)
    assert kr_progress(over) == 1.0
    over_decrease = kr(KRKind.decrease, 8, 3, 2)
    assert kr_raw_progress(over_decrease) == pytest.approx(1.2)
    assert kr_progress(over_decrease) == 1.0


def test_wrong_direction_raw_below_zero_clamped_to_zero() -> None:
    worse = kr(KRKind.decrease, 8, 3, 10)
    assert kr_raw_progress(worse) == pytest.approx(-0.4)
    assert kr_progress(worse) == 0.0
    worse_up = kr(KRKind.increase, 50, 60, 45)
    assert kr_raw_progress(worse_up) == pytest.approx(-0.5)
    assert kr_progress(worse_up) == 0.0


@pytest.mark.parametrize(
    ("kind", "threshold", "value", "expected"),
    [
        (KRKind.stay_above, 95, 96, 1.0),
        (KRKind.stay_above, 95, 95, 1.0),  # reaching the threshold exactly counts as kept
        (KRKind.stay_above, 95, 94.99, 0.0),
        (KRKind.stay_below, 1, 0.2, 1.0),
        (KRKind.stay_below, 1, 1, 1.0),
        (KRKind.stay_below, 1, 1.01, 0.0),
    ],
)
def test_guardrails(kind: KRKind, threshold: float, value: float, expected: float) -> None:
    guard = kr(kind, 0, threshold, value)
    assert kr_raw_progress(guard) == expected
    assert kr_progress(guard) == expected


def test_milestone_is_zero_or_one() -> None:
    assert kr_progress(kr(KRKind.milestone, 0, 1, None)) == 0.0
    assert kr_progress(kr(KRKind.milestone, 0, 1, 0)) == 0.0
    assert kr_progress(kr(KRKind.milestone, 0, 1, 1)) == 1.0


# -- objectives ------------------------------------------------------------------------------------


def test_weighted_objective_progress() -> None:
    krs = [
        kr(KRKind.increase, 0, 10, 10, weight=3),  # 1.0
        kr(KRKind.decrease, 8, 3, 8, weight=1),  # 0.0
    ]
    assert objective_progress(krs) == pytest.approx(0.75)


def test_objective_averages_clamped_values() -> None:
    # A KR at 300 % must not hide one at 0 %: the mean uses clamped progress.
    krs = [kr(KRKind.increase, 0, 10, 30), kr(KRKind.increase, 0, 10, 0)]
    assert objective_progress(krs) == pytest.approx(0.5)


def test_objective_without_krs_has_no_progress() -> None:
    assert objective_progress([]) is None
    assert weighted_mean([]) is None


def _period() -> Period:
    return Period(name="2026 Q4", start=date(2026, 10, 1), end=date(2026, 12, 31))


def test_rollup_of_aligned_children() -> None:
    period = _period()
    parent = Objective(period_id=period.id, title="parent", rollup=True)
    child = Objective(period_id=period.id, parent_id=parent.id, title="child")
    plain = Objective(period_id=period.id, title="no rollup")
    plain_child = Objective(period_id=period.id, parent_id=plain.id, title="child 2")
    krs = {
        parent.id: [kr(KRKind.increase, 0, 10, 10)],  # 1.0
        child.id: [kr(KRKind.increase, 0, 10, 2), kr(KRKind.increase, 0, 10, 4)],  # 0.3
        plain.id: [kr(KRKind.increase, 0, 10, 10)],
        plain_child.id: [kr(KRKind.increase, 0, 10, 0)],
    }
    roots = build_tree(period, [parent, child, plain, plain_child], krs, date(2026, 11, 22))
    assert [r.objective.title for r in roots] == ["parent", "no rollup"]
    assert roots[0].children[0].progress == pytest.approx(0.3)
    assert roots[0].progress == pytest.approx((1.0 + 0.3) / 2)  # the child counts as weight 1
    assert roots[1].progress == pytest.approx(1.0)  # rollup off: the child does not count


def test_too_many_krs_warning() -> None:
    period = _period()
    objective = Objective(period_id=period.id, title="busy")
    for count, warned in ((MAX_KRS_ADVISED, False), (MAX_KRS_ADVISED + 1, True)):
        krs = {objective.id: [kr(KRKind.increase, 0, 10, 1) for _ in range(count)]}
        (node,) = build_tree(period, [objective], krs, date(2026, 11, 22))
        assert node.too_many_krs is warned


# -- bands, expected progress, rounding ---------------------------------------------------------


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        (0.0, Band.red),
        (0.3999, Band.red),
        (0.4, Band.amber),
        (0.6999, Band.amber),
        (0.7, Band.green),
        (1.0, Band.green),
    ],
)
def test_bands(progress: float, expected: Band) -> None:
    assert band(progress) is expected


def test_band_at_computed_seventy_percent() -> None:
    # 0.7 computed from a decreasing KR is 0.7000000000000001 or 0.6999999999999999 in floats.
    assert band(raw_progress(KRKind.decrease, 8, 3, 4.5)) is Band.green
    assert band(raw_progress(KRKind.increase, 0, 10, 7)) is Band.green
    assert band(raw_progress(KRKind.increase, 0, 10, 4)) is Band.amber


def test_expected_progress_is_linear_over_the_period() -> None:
    period = Period(name="ten days", start=date(2026, 1, 1), end=date(2026, 1, 10))
    assert expected_progress(period, date(2025, 12, 31)) == 0.0
    assert expected_progress(period, date(2026, 1, 1)) == pytest.approx(0.1)
    assert expected_progress(period, date(2026, 1, 5)) == pytest.approx(0.5)
    assert expected_progress(period, date(2026, 1, 10)) == 1.0
    assert expected_progress(period, date(2026, 2, 1)) == 1.0
    values = [expected_progress(period, period.start + timedelta(days=i)) for i in range(10)]
    steps = {round(b - a, 9) for a, b in zip(values, values[1:], strict=False)}
    assert steps == {0.1}


def test_behind_flag() -> None:
    assert is_behind(0.4, 0.5)
    assert not is_behind(0.5, 0.5)
    assert not is_behind(0.6, 0.5)
    period = Period(name="ten days", start=date(2026, 1, 1), end=date(2026, 1, 10))
    objective = Objective(period_id=period.id, title="o")
    krs = {objective.id: [kr(KRKind.increase, 0, 10, 4), kr(KRKind.increase, 0, 10, 6)]}
    (node,) = build_tree(period, [objective], krs, date(2026, 1, 5))
    assert [v.behind for v in node.krs] == [True, False]
    assert node.progress == pytest.approx(0.5)
    assert node.behind is False


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [(0.5, 0, 1.0), (-0.5, 0, -1.0), (2.5, 0, 3.0), (1.5, 0, 2.0), (-2.5, 0, -3.0), (0.125, 2, 0.13)],
)
def test_round_half_away_from_zero(value: float, digits: int, expected: float) -> None:
    assert round_half_away(value, digits) == expected


def test_percent_rounds_half_away() -> None:
    assert percent(0.005) == 1
    assert percent(0.125) == 13
    assert percent(-0.005) == -1


# -- properties -----------------------------------------------------------------------------------

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
kinds = st.sampled_from(list(KRKind))


@given(kinds, finite, finite, finite)
def test_clamped_progress_stays_in_0_1(kind: KRKind, start: float, target: float, current: float) -> None:
    assert 0.0 <= clamp01(raw_progress(kind, start, target, current)) <= 1.0


@given(finite, finite, finite, st.floats(min_value=0, max_value=1e6))
def test_moving_toward_target_never_lowers_progress(
    start: float, target: float, current: float, step: float
) -> None:
    """Increase and decrease alike: a move in the target's direction never lowers progress."""
    assume(abs(target - start) > 1e-6)
    kind = KRKind.increase if target > start else KRKind.decrease
    moved = current + step if kind is KRKind.increase else current - step
    before = raw_progress(kind, start, target, current)
    after = raw_progress(kind, start, target, moved)
    assert after >= before - 1e-9
    assert clamp01(after) >= clamp01(before)


@given(finite, finite, st.floats(min_value=0, max_value=1))
def test_closing_the_gap_to_target_never_lowers_progress(start: float, target: float, share: float) -> None:
    """From anywhere between start and target, getting closer to the target never lowers progress."""
    assume(abs(target - start) > 1e-6)
    kind = KRKind.increase if target > start else KRKind.decrease
    current = start + (target - start) * share
    closer = current + (target - current) * share
    assert raw_progress(kind, start, target, closer) >= raw_progress(kind, start, target, current) - 1e-9


@given(finite, finite, finite)
def test_decrease_mirrors_increase(start: float, target: float, current: float) -> None:
    assume(target < start)
    decreasing = raw_progress(KRKind.decrease, start, target, current)
    mirrored = raw_progress(KRKind.increase, -start, -target, -current)
    assert decreasing == pytest.approx(mirrored, rel=1e-9, abs=1e-9)


@given(
    st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.floats(min_value=0.01, max_value=100)),
        min_size=1,
        max_size=12,
    )
)
def test_weighted_mean_between_min_and_max(pairs: list[tuple[float, float]]) -> None:
    mean = weighted_mean(pairs)
    assert mean is not None
    values = [v for v, _ in pairs]
    assert min(values) - 1e-9 <= mean <= max(values) + 1e-9


@given(
    st.lists(
        st.tuples(st.floats(min_value=-10, max_value=20), st.floats(min_value=0.1, max_value=10)),
        min_size=1,
        max_size=8,
    )
)
def test_objective_progress_between_its_krs(values: list[tuple[float, float]]) -> None:
    krs = [kr(KRKind.increase, 0, 10, current, weight) for current, weight in values]
    progress = objective_progress(krs)
    assert progress is not None
    clamped = [kr_progress(k) for k in krs]
    assert min(clamped) - 1e-9 <= progress <= max(clamped) + 1e-9

"""NPS statistics: DESIGN.md's formulas, its worked example, hand-computed values, and properties."""

from __future__ import annotations

import itertools
import json
import math
from fractions import Fraction
from statistics import NormalDist

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxtui import format as formatting
from cxtui.nps import stats
from cxtui.nps.stats import (
    SMALL_SAMPLE,
    Comparison,
    Counts,
    NpsSummary,
    answers_needed,
    ci95,
    classify,
    compare,
    counts_from_scores,
    distribution,
    half_width,
    is_small,
    nps,
    p_value,
    round_half_away,
    shares,
)

BEFORE = Counts(promoters=80, passives=70, detractors=50)
AFTER = Counts(promoters=110, passives=60, detractors=30)


# --- classification and counting -------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "category"),
    [(0, "detractor"), (6, "detractor"), (7, "passive"), (8, "passive"), (9, "promoter"), (10, "promoter")],
)
def test_classify_boundaries(score: int, category: str) -> None:
    assert classify(score) == category


@pytest.mark.parametrize("bad", [-1, 11, 7.5, True, "9", None])
def test_classify_refuses_what_is_not_an_answer(bad: object) -> None:
    with pytest.raises(ValueError):
        classify(bad)  # type: ignore[arg-type]


def test_counts_and_distribution() -> None:
    scores = [10, 9, 9, 8, 7, 6, 0, 0, 3]
    assert counts_from_scores(scores) == Counts(promoters=3, passives=2, detractors=4)
    assert distribution(scores) == [2, 0, 0, 1, 0, 0, 1, 1, 1, 2, 1]
    assert counts_from_scores([]) == Counts() and Counts().n == 0
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)
    with pytest.raises(ValueError):
        counts_from_scores([10, 12])
    with pytest.raises(ValueError):
        Counts(-1, 0, 0)


# --- NPS and its interval ----------------------------------------------------------------------


def test_nps_exact_from_counts() -> None:
    assert nps(BEFORE) == 15.0 and nps(AFTER) == 40.0
    assert nps(Counts(2, 0, 1)) == 100 / 3  # not 33 or 33.3: the exact value
    assert nps(Counts(0, 5, 0)) == 0.0
    assert nps(Counts(0, 0, 4)) == -100.0
    assert nps(Counts()) is None  # no answers: no number


def test_nps_is_not_computed_from_rounded_percentages() -> None:
    # 1 promoter, 1 passive, 1 detractor of 3 with one more promoter: 2/4 - 1/4 -> 25 exactly,
    # whereas rounding shares first (P 33 %, D 33 %) would give 0 for the first group.
    counts = Counts(2, 1, 1)
    assert nps(counts) == 25.0
    assert shares(Counts(1, 1, 1)) == pytest.approx((100 / 3, 100 / 3, 100 / 3))
    assert shares(Counts()) is None


# Values computed separately with 40-digit decimals (not with this module).
@pytest.mark.parametrize(
    ("counts", "lo", "hi", "half"),
    [
        (BEFORE, 3.894849858880375, 25.661800387425043, 10.883475264272334),
        (AFTER, 29.283869883753452, 49.53386410639433, 10.124997111320440),
        (Counts(5, 3, 2), -19.050615708660314, 65.20446186250647, 42.12753878558339),
        (Counts(10, 0, 0), 47.50355131273275, 100.0, 29.419525610344176),  # clipped at 100
    ],
)
def test_ci95_adjusted_wald_hand_values(counts: Counts, lo: float, hi: float, half: float) -> None:
    interval = ci95(counts)
    assert interval is not None
    assert interval[0] == pytest.approx(lo, abs=1e-9)
    assert interval[1] == pytest.approx(hi, abs=1e-9)
    assert half_width(counts) == pytest.approx(half, abs=1e-9)


def test_ci95_by_the_written_steps() -> None:
    # DESIGN.md step by step for 80/70/50: add 3/4, 3/2, 3/4 -> n' = 203.
    p, d = 80.75 / 203, 50.75 / 203
    var = (p + d) - (p - d) ** 2
    se = math.sqrt(var / 203)
    assert ci95(BEFORE) == pytest.approx((100 * (p - d - 1.959964 * se), 100 * (p - d + 1.959964 * se)))


def test_ci95_and_half_width_need_answers() -> None:
    assert ci95(Counts()) is None and half_width(Counts()) is None


def test_no_interval_below_the_minimum_n() -> None:
    # One answer of 10: NPS +100, and the adjusted-Wald interval [-48, +98] would lie below it.
    one = Counts(1, 0, 0)
    assert nps(one) == 100.0 and ci95(one) is None
    assert half_width(Counts(0, 0, 1)) == pytest.approx(73.49865, abs=1e-9)  # still computable
    assert stats.MIN_CI_N == 5
    assert ci95(Counts(4, 0, 0)) is None and ci95(Counts(5, 0, 0)) is not None
    summary = NpsSummary.from_counts("tiny", Counts(1, 0, 0)).to_json()
    assert summary["ci95"] is None and summary["ci95_meaningful"] is False
    assert NpsSummary.from_counts("ok", Counts(3, 1, 1)).to_json()["ci95_meaningful"] is True


def test_the_point_is_never_outside_its_interval() -> None:
    # Every split of up to 36 answers (n = 1 put +100 above its own interval [-48, +98]).
    for p, pa, d in itertools.product(range(13), repeat=3):
        counts = Counts(p, pa, d)
        interval = ci95(counts)
        if interval is not None:
            value = nps(counts)
            assert value is not None and interval[0] - 1e-9 <= value <= interval[1] + 1e-9, counts


def test_small_samples_are_flagged() -> None:
    assert SMALL_SAMPLE == 30
    assert is_small(Counts(10, 10, 9)) and not is_small(Counts(10, 10, 10)) and is_small(Counts())
    # The honest message for a typical small sample: wider than ±25 points.
    width = half_width(Counts(12, 9, 8))
    assert width is not None and width > 25


# --- before/after --------------------------------------------------------------------------------


def test_design_worked_example() -> None:
    result = compare(BEFORE, AFTER)
    assert result.before.nps == 15.0 and result.after.nps == 40.0
    assert result.delta == 25.0
    assert result.z == pytest.approx(3.248, abs=5e-4)
    assert result.p_value == pytest.approx(0.0012, abs=5e-5)
    assert result.significant is True
    assert result.delta_ci95 == pytest.approx((9.765630155658788, 39.49545358818358), abs=1e-9)


def test_worked_example_p_by_independent_routes() -> None:
    # z from scratch with exact fractions, then p two other ways than math.erfc.
    def adjusted(p: int, q: int, d: int) -> tuple[Fraction, Fraction, int]:
        n = p + q + d + 3
        ps, ds = Fraction(4 * p + 3, 4 * n), Fraction(4 * d + 3, 4 * n)
        return ps - ds, (ps + ds) - (ps - ds) ** 2, n

    (c1, v1, n1), (c2, v2, n2) = adjusted(80, 70, 50), adjusted(110, 60, 30)
    z = float(c2 - c1) / math.sqrt(float(v1 / n1 + v2 / n2))
    result = compare(BEFORE, AFTER)
    assert result.z == pytest.approx(z, rel=1e-12)

    p_normaldist = 2 * (1 - NormalDist().cdf(z))
    # Simpson's rule on the standard normal density over [0, z]: p = 1 - 2∫₀ᶻ φ.
    steps = 2000
    h = z / steps
    pdf = [math.exp(-((i * h) ** 2) / 2) / math.sqrt(2 * math.pi) for i in range(steps + 1)]
    area = h / 3 * (pdf[0] + pdf[-1] + 4 * sum(pdf[1:-1:2]) + 2 * sum(pdf[2:-1:2]))
    p_simpson = 1 - 2 * area
    assert result.p_value == pytest.approx(p_normaldist, abs=1e-12)
    assert result.p_value == pytest.approx(p_simpson, abs=1e-10)
    assert round(p_simpson, 4) == 0.0012


def test_p_value_of_known_z() -> None:
    assert p_value(0.0) == 1.0
    assert p_value(1.959964) == pytest.approx(0.05, abs=1e-6)
    assert p_value(-2.575829) == pytest.approx(0.01, abs=1e-6)


def test_a_small_difference_is_not_significant() -> None:
    result = compare(Counts(8, 7, 5), Counts(11, 6, 3))
    assert result.delta == pytest.approx(25.0)
    assert result.p_value is not None and result.p_value > 0.05
    assert result.significant is False
    assert result.delta_ci95 is not None and result.delta_ci95[0] < 0 < result.delta_ci95[1]


def test_comparison_with_a_side_below_5_answers_has_no_interval_of_the_change() -> None:
    # As for one survey (ci95 None, ci95_meaningful False): Δ and the test remain, the interval not.
    result = compare(Counts(3, 0, 1), AFTER)
    assert result.delta is not None and result.z is not None and result.p_value is not None
    assert result.delta_ci95 is None and result.delta_ci95_meaningful is False
    data = result.to_json()
    assert data["delta_ci95"] is None and data["delta_ci95_meaningful"] is False
    assert compare(Counts(4, 0, 1), AFTER).delta_ci95_meaningful is True


def test_comparison_with_an_empty_group_concludes_nothing() -> None:
    result = compare(Counts(), AFTER)
    assert (result.delta, result.z, result.p_value, result.delta_ci95) == (None, None, None, None)
    assert result.significant is False
    assert answers_needed(Counts(), AFTER) is None


def test_answers_needed() -> None:
    assert answers_needed(BEFORE, AFTER) is None  # already significant
    assert answers_needed(Counts(8, 7, 5), Counts(8, 7, 5)) is None  # no difference
    before, after = Counts(8, 7, 5), Counts(11, 6, 3)
    more = answers_needed(before, after)
    assert more is not None and 20 < more < 200

    # Independently: keep each group's shares, add m answers, and test on adjusted quantities.
    def z_with(m: int) -> float:
        def adj(c: Counts) -> tuple[float, float, float]:
            k = (c.n + m) / c.n
            n = c.n * k + 3
            p, d = (c.promoters * k + 0.75) / n, (c.detractors * k + 0.75) / n
            return p - d, p + d - (p - d) ** 2, n

        (c1, v1, n1), (c2, v2, n2) = adj(before), adj(after)
        return (c2 - c1) / math.sqrt(v1 / n1 + v2 / n2)

    assert p_value(z_with(more)) < 0.05 <= p_value(z_with(more - 1))
    # A rough integer check too: scaled whole counts at that size are (about) significant.
    k = (20 + more) / 20
    grown = compare(
        Counts(round(8 * k), round(7 * k), round(5 * k)), Counts(round(11 * k), round(6 * k), round(3 * k))
    )
    assert grown.p_value is not None and grown.p_value < 0.06
    assert answers_needed(before, after, target_p=0.01) > more  # type: ignore[operator]


# --- JSON --------------------------------------------------------------------------------------


def test_summary_json_is_exactly_the_design_shape() -> None:
    summary = NpsSummary.from_counts("春のアンケート", Counts(2, 0, 1), rejected=4)
    data = summary.to_json()
    assert list(data) == [
        "survey",
        "n",
        "promoters",
        "passives",
        "detractors",
        "nps",
        "ci95",
        "ci95_meaningful",
        "rejected",
    ]
    assert data["nps"] == 100 / 3  # exact, not rounded
    assert data["ci95"] is None and data["ci95_meaningful"] is False  # n = 3: too few for an interval
    assert data["rejected"] == 4 and data["n"] == 3
    assert NpsSummary.from_counts("s", Counts(4, 0, 2)).to_json()["ci95"] == list(ci95(Counts(4, 0, 2)) or ())
    assert json.loads(json.dumps(data, ensure_ascii=False))["survey"] == "春のアンケート"
    empty = NpsSummary.from_counts("empty", Counts()).to_json()
    assert empty["nps"] is None and empty["ci95"] is None and empty["n"] == 0


def test_comparison_json_keys_and_order() -> None:
    data = compare(
        NpsSummary.from_counts("before", BEFORE, rejected=1), NpsSummary.from_counts("after", AFTER)
    ).to_json()
    assert list(data)[:6] == ["before", "after", "delta", "z", "p_value", "significant"]
    assert data["before"] == NpsSummary.from_counts("before", BEFORE, rejected=1).to_json()
    assert data["delta"] == 25.0 and data["significant"] is True
    assert isinstance(data["z"], float) and isinstance(data["p_value"], float)
    json.dumps(data)  # plain JSON types only


def test_round_half_away_is_the_format_modules() -> None:
    assert round_half_away is formatting.round_half_away
    assert round_half_away(2.5) == 3 and round_half_away(-2.5) == -3 and round_half_away(0.125, 2) == 0.13
    assert "round_half_away" in stats.__all__


# --- properties --------------------------------------------------------------------------------

counts_st = st.builds(Counts, st.integers(0, 2000), st.integers(0, 2000), st.integers(0, 2000))
nonempty_st = counts_st.filter(lambda c: c.n >= stats.MIN_CI_N)


@given(nonempty_st)
def test_nps_and_interval_are_bounded(counts: Counts) -> None:
    value = nps(counts)
    interval = ci95(counts)
    assert value is not None and interval is not None
    assert -100 <= value <= 100
    lo, hi = interval
    assert -100 <= lo <= hi <= 100
    centre = 100 * stats.adjusted(counts)[0]
    assert lo <= centre <= hi  # the interval is built around the adjusted centre


@given(nonempty_st)
def test_nps_equals_the_exact_percentage_difference(counts: Counts) -> None:
    exact = Fraction(100 * counts.promoters, counts.n) - Fraction(100 * counts.detractors, counts.n)
    assert nps(counts) == float(exact)  # one correctly rounded division: bit-exact
    percent = shares(counts)
    assert percent is not None and sum(percent) == pytest.approx(100.0)
    assert percent[0] - percent[2] == pytest.approx(nps(counts), abs=1e-9)


@given(nonempty_st, st.integers(1, 50))
def test_adding_promoters_never_lowers_nps(counts: Counts, more: int) -> None:
    grown = Counts(counts.promoters + more, counts.passives, counts.detractors)
    assert nps(grown) >= nps(counts)  # type: ignore[operator]
    assert nps(Counts(counts.promoters, counts.passives, counts.detractors + more)) <= nps(counts)  # type: ignore[operator]


@given(st.lists(st.integers(0, 10), max_size=300))
def test_counts_sum_to_n(scores: list[int]) -> None:
    counts = counts_from_scores(scores)
    assert counts.n == len(scores) == sum(distribution(scores))
    assert counts.promoters == sum(1 for s in scores if s >= 9)
    assert counts.detractors == sum(1 for s in scores if s <= 6)


@given(nonempty_st, nonempty_st)
def test_swapping_before_and_after_negates(a: Counts, b: Counts) -> None:
    forward, backward = compare(a, b), compare(b, a)
    assert forward.z is not None and backward.z is not None
    assert forward.z == pytest.approx(-backward.z, abs=1e-12)
    assert forward.p_value == pytest.approx(backward.p_value, abs=1e-12)
    assert forward.delta == -backward.delta  # type: ignore[operator]
    assert forward.significant == backward.significant


@given(nonempty_st, nonempty_st)
def test_comparison_is_consistent(a: Counts, b: Counts) -> None:
    result = compare(a, b)
    assert result.p_value is not None and result.delta_ci95 is not None and result.z is not None
    assert 0 <= result.p_value <= 1
    assert result.significant == (result.p_value < 0.05)
    lo, hi = result.delta_ci95
    assert -200 <= lo <= hi <= 200
    adjusted_delta = 100 * (stats.adjusted(b)[0] - stats.adjusted(a)[0])
    assert lo <= adjusted_delta <= hi
    # Significant at 5 % exactly when the 95 % interval of the difference excludes 0 (same SE).
    if abs(abs(result.z) - 1.959964) > 1e-6 and lo > -200 and hi < 200:
        assert result.significant == (lo > 0 or hi < 0)


@given(nonempty_st, nonempty_st)
def test_answers_needed_reaches_significance(a: Counts, b: Counts) -> None:
    more = answers_needed(a, b)
    result = compare(a, b)
    if result.significant or result.delta == 0:
        assert more is None
    elif more is not None:
        assert more >= 1


def test_comparison_type_is_exported() -> None:
    assert isinstance(compare(BEFORE, AFTER), Comparison)

"""NPS statistics exactly as DESIGN.md defines them: pure functions, no I/O.

- NPS = 100·(P − D)/N from counts (never from rounded percentages); None when N = 0.
- 95 % interval: adjusted Wald (Rocks 2016; Lewis & Sauro): add ¾ promoter, 1½ passive, ¾ detractor.
- Before/after: z-test on the adjusted quantities, two-sided p from the normal distribution.

Empty groups (N = 0) give None instead of a number everywhere (nps, ci95, half_width, and the
delta / z / p of a comparison): a number computed from no answers would look like a finding.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cxtui.format import round_half_away

__all__ = [
    "SMALL_SAMPLE",
    "MIN_CI_N",
    "Z95",
    "Category",
    "Comparison",
    "Counts",
    "NpsSummary",
    "adjusted",
    "answers_needed",
    "ci95",
    "classify",
    "compare",
    "counts_from_scores",
    "distribution",
    "half_width",
    "interval_meaningful",
    "is_small",
    "nps",
    "p_value",
    "round_half_away",
    "shares",
]

Category = Literal["promoter", "passive", "detractor"]

# The 97.5 % normal quantile DESIGN.md writes out; kept literal so the figures match the document.
Z95 = 1.959964
# Below this many answers the interval is wider than about ±25 points: say so instead of concluding.
SMALL_SAMPLE = 30
# Below this many answers no interval is given ("not meaningful"). The adjusted-Wald interval adds
# 3 pseudo-answers and shrinks toward 0: with 1 answer of 10 the NPS is +100 and the interval
# [-48, +98] lies below it; up to 4 answers the pseudo-answers are over 40 % of the adjusted sample,
# pulling the interval's centre up to 43-75 points away from the observed NPS, and the interval
# spans over 130 points. From 5 answers on, the observed NPS is inside its interval for every split.
MIN_CI_N = 5
# Adjusted Wald: ¾ promoter + 1½ passive + ¾ detractor = 3 pseudo-answers.
_ADD_PROMOTER = 0.75
_ADD_PASSIVE = 1.5
_ADD_DETRACTOR = 0.75
_ADD_TOTAL = _ADD_PROMOTER + _ADD_PASSIVE + _ADD_DETRACTOR


def _check_score(score: int) -> int:
    # bool is an int subclass; True as a score is a bug upstream, not a 1.
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise ValueError(f"an NPS answer is a whole number from 0 to 10, not {score!r}")
    return score


def classify(score: int) -> Category:
    """The group of one 0–10 answer: promoter 9–10, passive 7–8, detractor 0–6."""
    _check_score(score)
    if score >= 9:
        return "promoter"
    if score >= 7:
        return "passive"
    return "detractor"


@dataclass(frozen=True)
class Counts:
    """How many promoters, passives and detractors a group of answers has."""

    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    def __post_init__(self) -> None:
        if min(self.promoters, self.passives, self.detractors) < 0:
            raise ValueError("counts cannot be negative")

    @property
    def n(self) -> int:
        """Number of valid answers."""
        return self.promoters + self.passives + self.detractors

    def __add__(self, other: Counts) -> Counts:
        """Counts of two groups pooled."""
        return Counts(
            self.promoters + other.promoters,
            self.passives + other.passives,
            self.detractors + other.detractors,
        )


def counts_from_scores(scores: Iterable[int]) -> Counts:
    """Count promoters, passives and detractors among 0–10 answers (ValueError on anything else)."""
    buckets = distribution(scores)
    return Counts(
        promoters=buckets[9] + buckets[10],
        passives=buckets[7] + buckets[8],
        detractors=sum(buckets[:7]),
    )


def distribution(scores: Iterable[int]) -> list[int]:
    """How many answers gave each score, as 11 buckets for 0..10."""
    buckets = [0] * 11
    for score in scores:
        buckets[_check_score(score)] += 1
    return buckets


def nps(counts: Counts) -> float | None:
    """Exact NPS, 100·(P − D)/N, from counts; None when there are no answers."""
    if counts.n == 0:
        return None
    return 100.0 * (counts.promoters - counts.detractors) / counts.n


def shares(counts: Counts) -> tuple[float, float, float] | None:
    """Exact percentages of promoters, passives and detractors (unrounded); None when N = 0."""
    n = counts.n
    if n == 0:
        return None
    return (100.0 * counts.promoters / n, 100.0 * counts.passives / n, 100.0 * counts.detractors / n)


def adjusted(counts: Counts) -> tuple[float, float, float]:
    """Adjusted-Wald quantities (adjusted NPS as a fraction, its variance, n + 3)."""
    n_adj = counts.n + _ADD_TOTAL
    p = (counts.promoters + _ADD_PROMOTER) / n_adj
    d = (counts.detractors + _ADD_DETRACTOR) / n_adj
    diff = p - d
    # Variance of (promoter − detractor) indicators for one answer: E[X²] − E[X]².
    return diff, (p + d) - diff * diff, n_adj


def interval_meaningful(counts: Counts) -> bool:
    """Whether there are enough answers (MIN_CI_N) for the 95 % interval to say anything."""
    return counts.n >= MIN_CI_N


def ci95(counts: Counts) -> tuple[float, float] | None:
    """Adjusted-Wald 95 % interval of the NPS in points, clipped to [−100, 100]; None when there are
    too few answers for an interval (fewer than MIN_CI_N, none included)."""
    if not interval_meaningful(counts):
        return None
    centre, var, n_adj = adjusted(counts)
    margin = Z95 * math.sqrt(var / n_adj)
    return max(-100.0, 100.0 * (centre - margin)), min(100.0, 100.0 * (centre + margin))


def half_width(counts: Counts) -> float | None:
    """Half the width of the 95 % interval in points, before clipping; None when N = 0."""
    if counts.n == 0:
        return None
    _, var, n_adj = adjusted(counts)
    return 100.0 * Z95 * math.sqrt(var / n_adj)


def is_small(counts: Counts) -> bool:
    """True when the sample is too small to conclude much (fewer than SMALL_SAMPLE answers)."""
    return counts.n < SMALL_SAMPLE


def p_value(z: float) -> float:
    """Two-sided p-value of a standard-normal z: P(|Z| ≥ |z|) = erfc(|z|/√2)."""
    return math.erfc(abs(z) / math.sqrt(2.0))


@dataclass(frozen=True)
class NpsSummary:
    """One survey's (or segment's) NPS as `nps show` reports it."""

    survey: str
    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float | None
    ci95: tuple[float, float] | None
    rejected: int = 0

    @classmethod
    def from_counts(cls, survey: str, counts: Counts, rejected: int = 0) -> NpsSummary:
        """Summarise counts under a survey name; `rejected` is how many rows could not be read."""
        return cls(
            survey=survey,
            n=counts.n,
            promoters=counts.promoters,
            passives=counts.passives,
            detractors=counts.detractors,
            nps=nps(counts),
            ci95=ci95(counts),
            rejected=rejected,
        )

    @property
    def counts(self) -> Counts:
        """The counts behind this summary."""
        return Counts(self.promoters, self.passives, self.detractors)

    @property
    def ci95_meaningful(self) -> bool:
        """False when n is too small for an interval (then `ci95` is None)."""
        return interval_meaningful(self.counts)

    def to_json(self) -> dict[str, object]:
        """The stable `nps show --json` object (a dict ready for json.dumps; exact values)."""
        return {
            "survey": self.survey,
            "n": self.n,
            "promoters": self.promoters,
            "passives": self.passives,
            "detractors": self.detractors,
            "nps": self.nps,
            "ci95": None if self.ci95 is None else [self.ci95[0], self.ci95[1]],
            "ci95_meaningful": self.ci95_meaningful,
            "rejected": self.rejected,
        }


@dataclass(frozen=True)
class Comparison:
    """A before/after comparison: exact Δ, the adjusted z-test, and the 95 % interval of Δ."""

    before: NpsSummary
    after: NpsSummary
    delta: float | None  # exact NPS(after) − NPS(before), in points
    z: float | None
    p_value: float | None
    significant: bool  # "a real change": p < 0.05
    # Adjusted Δ ± 1.959964·SE, clipped to [−200, 200]; None when a side has too few answers for an
    # interval of its own (fewer than MIN_CI_N), as `ci95` is for one survey.
    delta_ci95: tuple[float, float] | None

    @property
    def delta_ci95_meaningful(self) -> bool:
        """False when a side has too few answers for an interval (then `delta_ci95` is None)."""
        return self.before.ci95_meaningful and self.after.ci95_meaningful

    def to_json(self) -> dict[str, object]:
        """The stable `nps compare --json` object; extra keys come after the documented ones."""
        return {
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "delta": self.delta,
            "z": self.z,
            "p_value": self.p_value,
            "significant": self.significant,
            "delta_ci95": None if self.delta_ci95 is None else [self.delta_ci95[0], self.delta_ci95[1]],
            "delta_ci95_meaningful": self.delta_ci95_meaningful,
        }


def _summary(group: Counts | NpsSummary, default_name: str) -> NpsSummary:
    return group if isinstance(group, NpsSummary) else NpsSummary.from_counts(default_name, group)


def _z(before: tuple[float, float, float], after: tuple[float, float, float]) -> tuple[float, float]:
    """z and SE of the difference from two (adjusted NPS, variance, n') triples."""
    se = math.sqrt(before[1] / before[2] + after[1] / after[2])
    return (after[0] - before[0]) / se, se


def compare(before: Counts | NpsSummary, after: Counts | NpsSummary, *, alpha: float = 0.05) -> Comparison:
    """Compare two groups; with an empty group, Δ, z, p and the interval are None (not significant)."""
    b = _summary(before, "before")
    a = _summary(after, "after")
    if b.n == 0 or a.n == 0:
        return Comparison(b, a, None, None, None, False, None)
    assert a.nps is not None and b.nps is not None  # n > 0 on both sides
    # The difference of the two exact values, so it matches the "before"/"after" figures shown.
    delta = a.nps - b.nps
    adj_b, adj_a = adjusted(b.counts), adjusted(a.counts)
    z, se = _z(adj_b, adj_a)
    p = p_value(z)
    adj_delta = adj_a[0] - adj_b[0]
    interval = (
        (max(-200.0, 100.0 * (adj_delta - Z95 * se)), min(200.0, 100.0 * (adj_delta + Z95 * se)))
        if b.ci95_meaningful and a.ci95_meaningful
        else None
    )
    return Comparison(b, a, delta, z, p, p < alpha, interval)


def answers_needed(
    before: Counts | NpsSummary, after: Counts | NpsSummary, target_p: float = 0.05
) -> int | None:
    """About how many more answers per group would make the observed Δ significant, if it held.

    Both groups keep their observed shares of promoters, passives and detractors while each
    grows by the same number m of answers; the smallest such m with p < target_p is returned.
    None when the difference is already significant, when Δ is 0, or when a group is empty.
    """
    b = _summary(before, "before").counts
    a = _summary(after, "after").counts
    if b.n == 0 or a.n == 0:
        return None
    result = compare(b, a, alpha=target_p)
    if result.significant or result.delta == 0:
        return None
    from statistics import NormalDist  # only here: keeps `nps show` imports lean

    z_needed = NormalDist().inv_cdf(1.0 - target_p / 2.0)

    def z_at(m: int) -> float:
        # Scaled (fractional) counts keep the shares; the adjustment is applied as for real counts.
        def grown(c: Counts) -> tuple[float, float, float]:
            k = (c.n + m) / c.n
            n_adj = c.n * k + _ADD_TOTAL
            p = (c.promoters * k + _ADD_PROMOTER) / n_adj
            d = (c.detractors * k + _ADD_DETRACTOR) / n_adj
            return p - d, (p + d) - (p - d) ** 2, n_adj

        return abs(_z(grown(b), grown(a))[0])

    # |z| grows like √m once the adjustment fades; double to bracket, then bisect.
    high = 1
    while z_at(high) <= z_needed:
        high *= 2
        if high > 1 << 40:  # a difference too small to ever show at any realistic sample size
            return None
    low = high // 2
    while high - low > 1:
        mid = (low + high) // 2
        if z_at(mid) > z_needed:
            high = mid
        else:
            low = mid
    return high

"""The NPS section of the report: each survey's NPS with its 95 % interval, NPS by month, and the last
before/after comparison (the two latest date-range surveys) with its significance verdict.

JSON (keys are added, never renamed; NPS values exact, rounding is for display only)::

    "nps": {
      "formula": str,                       # how NPS, the interval and the test are computed
      "surveys": [                          # every survey by name: `nps show --json`'s object plus
        {"survey", "n", "promoters", "passives", "detractors", "nps", "ci95": [lo, hi] | null,
         "rejected", "kind", "first": "YYYY-MM-DD" | null, "last": ..., "small": bool}],
      "months": [{"month": "YYYY-MM", "n", "nps", "ci95"}],   # every answer, the last 12 months
      "comparison": null | {"before_name", "after_name", "verdict": str,
         "before", "after", "delta", "z", "p_value", "significant", "delta_ci95",
         "delta_ci95_meaningful"}   # `nps compare`; delta_ci95 null below 5 answers a side
    }
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cxtui.db.store import Store
from cxtui.format import interval, p_text, points
from cxtui.i18n import t
from cxtui.page import h, html_row, md_escape, md_table, svg_line

Data = dict[str, Any]
MONTHS = 12


def _months(store: Store, today: date) -> list[Data]:
    from cxtui.nps.models import Ref
    from cxtui.nps.queries import trend

    first = today.replace(day=1)
    for _ in range(MONTHS - 1):
        first = (
            first.replace(year=first.year - 1, month=12)
            if first.month == 1
            else first.replace(month=first.month - 1)
        )
    found = trend(store, Ref("months", None, first, today), "month")
    return [
        {"month": p.period, "n": p.counts.n, "nps": p.nps, "ci95": None if p.ci95 is None else list(p.ci95)}
        for p in found
    ]


def _comparison(store: Store) -> Data | None:
    from cxtui.nps.queries import compare, verdict

    ranges = store.rows(
        "SELECT name FROM surveys WHERE kind = 'range' ORDER BY range_start, range_end, created"
    )
    if len(ranges) < 2:
        return None
    before, after = str(ranges[-2]["name"]), str(ranges[-1]["name"])
    result = compare(store, before, after)
    return {"before_name": before, "after_name": after, "verdict": verdict(result), **result.to_json()}


def section(store: Store, today: date, period_name: str | None = None) -> Data:
    """The report's "nps" key (null-free even in a workspace without answers)."""
    if not store.has_table("surveys"):
        return {"nps": {"formula": t("report.nps.formula"), "surveys": [], "months": [], "comparison": None}}
    from cxtui.nps.queries import summaries

    surveys = []
    for item in summaries(store):
        surveys.append(
            {
                **item.to_json(),
                "kind": None if item.survey is None else item.survey.kind,
                "first": None if item.first is None else item.first.isoformat(),
                "last": None if item.last is None else item.last.isoformat(),
                "small": item.small,
            }
        )
    return {
        "nps": {
            "formula": t("report.nps.formula"),
            "surveys": surveys,
            "months": _months(store, today),
            "comparison": _comparison(store),
        }
    }


# -- shared formatting -------------------------------------------------------------------------------


def _ci(value: list[float] | None) -> tuple[float, float] | None:
    return None if value is None else (value[0], value[1])


def _survey_cells(survey: Data) -> list[str]:
    small = " *" if survey["small"] and survey["n"] else ""
    return [
        str(survey["survey"]),
        t(f"report.nps.kind.{survey['kind']}") if survey["kind"] else "-",
        str(survey["n"]),
        points(survey["nps"]) + small,
        interval(_ci(survey["ci95"])),
    ]


def _headers() -> list[str]:
    return [t(f"report.nps.col.{name}") for name in ("survey", "kind", "n", "nps", "interval")]


def _comparison_line(comparison: Data) -> str:
    before, after = comparison["before"], comparison["after"]
    return t(
        "report.nps.comparison",
        before=comparison["before_name"],
        after=comparison["after_name"],
        nps_before=points(before["nps"]),
        nps_after=points(after["nps"]),
        delta=points(comparison["delta"]),
        p=p_text(comparison["p_value"]),
    )


def _trend_line(months: list[Data]) -> str:
    return " · ".join(f"{m['month']} {points(m['nps'])} (n={m['n']})" for m in months if m["n"])


# -- Markdown ------------------------------------------------------------------------------------------


def markdown(data: Data) -> list[str]:
    """The NPS section in Markdown."""
    nps = data["nps"]
    out = [f"## {t('report.nps.title')}", ""]
    if not nps["surveys"]:
        return out + [t("report.nps.none"), ""]
    out += md_table(_headers(), [_survey_cells(s) for s in nps["surveys"]], right={2, 3, 4})
    out.append("")
    if any(s["small"] and s["n"] for s in nps["surveys"]):
        out += [md_escape(t("report.nps.small_note")), ""]
    comparison = nps["comparison"]
    if comparison is not None:
        out += [
            f"**{md_escape(t('report.nps.before_after'))}** {md_escape(_comparison_line(comparison))}",
            "",
        ]
        out += [md_escape(comparison["verdict"]), ""]
    if nps["months"]:
        out += [f"{md_escape(t('report.nps.by_month'))}: {md_escape(_trend_line(nps['months']))}", ""]
    out += [md_escape(nps["formula"]), ""]
    return out


# -- HTML ----------------------------------------------------------------------------------------------


def html(data: Data) -> list[str]:
    """The NPS section in HTML: the survey table, the before/after verdict, NPS by month as a chart."""
    nps = data["nps"]
    out = [f"<h2>{h(t('report.nps.title'))}</h2>"]
    if not nps["surveys"]:
        return out + [f"<p>{h(t('report.nps.none'))}</p>"]
    out.append("<table>")
    out.append(html_row([h(c) for c in _headers()], {2, 3, 4}, "th"))
    for survey in nps["surveys"]:
        out.append(html_row([h(c) for c in _survey_cells(survey)], {2, 3, 4}))
    out.append("</table>")
    if any(s["small"] and s["n"] for s in nps["surveys"]):
        out.append(f'<p class="note">{h(t("report.nps.small_note"))}</p>')
    comparison = nps["comparison"]
    if comparison is not None:
        out.append(
            f'<div class="card"><p><strong>{h(t("report.nps.before_after"))}</strong> '
            f"{h(_comparison_line(comparison))}</p><p>{h(comparison['verdict'])}</p></div>"
        )
    months = [m for m in nps["months"] if m["n"]]
    if months:
        out.append(f"<h3>{h(t('report.nps.by_month'))}</h3>")
        out.append(
            svg_line(
                [m["nps"] for m in months],
                [m["month"][2:] for m in months],
                band=[_ci(m["ci95"]) for m in months],
                title=t("report.nps.chart_title"),
                value_text=points,
            )
        )
    out.append(f'<p class="note">{h(nps["formula"])}</p>')
    return out

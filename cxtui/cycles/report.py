"""The learning-cycles section of the report (and `cxtui cycle list --json`): every cycle with its
KPIs before → after and its evidence, the running cycle, the latest learnings, cycles run per month.

JSON (keys are added, never renamed; values exact)::

    "cycles": {
      "cycles": [                       # by start date; DESIGN.md's `cycle list --json` objects plus
        {"id", "title", "state": "planned" | "running" | "reviewed", "start", "end",
         "hypothesis", "change",
         "kpis": [{"name", "before", "after",          # values (null when missing)
                   "id", "unit", "direction", "before_date", "after_date",
                   "missing": null | "no_value" | "no_before" | "none_during",
                   "change": float | null, "verdict": "better" | "worse" | "same" | null}],
         "learning", "next_step",
         "previous_id", "days", "days_left", "overdue",
         "evidence": [{"date", "quote", "scene", "next_step", "kind"}]}],
      "running": [id],                   # running cycles, the one ending first first
      "learnings": [id],                 # reviewed cycles, newest first (the learning log)
      "per_month": [{"month": "YYYY-MM", "count"}],   # reviewed cycles by the month of their end
      "counting_kpis": [str],            # names of the KPIs that take their values from that count
      "period": null | {"name", "start", "end"}   # with `--period NAME`: only the cycles overlapping
    }                                             # its dates (and the figures above of those alone)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from cxtui.cycles import queries as cycle_queries
from cxtui.cycles import repo
from cxtui.cycles.metrics import BeforeAfter
from cxtui.cycles.metrics import per_month as runs_by_month
from cxtui.cycles.models import Cycle
from cxtui.db.store import Store
from cxtui.format import number, with_unit
from cxtui.i18n import t
from cxtui.kpi.models import Evidence
from cxtui.page import h, md_escape, svg_bars

if TYPE_CHECKING:
    from cxtui.okr.models import Period

Data = dict[str, Any]
LATEST_LEARNINGS = 3
REPORT_PLACE = "voices"  # beside the numbers on the one-page report


def pair_json(pair: BeforeAfter) -> Data:
    """One watched KPI's before/after as JSON."""
    after = None if pair.after is None or pair.missing == "none_during" else pair.after
    return {
        "name": pair.kpi.name,
        "before": None if pair.before is None else pair.before.value,
        "after": None if after is None else after.value,
        "id": pair.kpi.id,
        "unit": pair.kpi.unit,
        "direction": pair.kpi.direction.value,
        "before_date": None if pair.before is None else pair.before.date.isoformat(),
        "after_date": None if after is None else after.date.isoformat(),
        "missing": pair.missing,
        "change": None if pair.change is None else pair.change.delta,
        "verdict": None if pair.change is None else pair.change.verdict,
    }


def evidence_json(item: Evidence) -> Data:
    """A piece of evidence as JSON."""
    return {
        "date": item.date.isoformat(),
        "quote": item.quote,
        "scene": item.scene,
        "next_step": item.next_step,
        "kind": item.kind.value,
    }


def cycle_json(cycle: Cycle, pairs: list[BeforeAfter], evidence: list[Evidence], today: date) -> Data:
    """One cycle as JSON (DESIGN.md's `cycle list --json` object, then the added keys)."""
    return {
        "id": cycle.id,
        "title": cycle.title,
        "state": cycle.state.value,
        "start": cycle.start.isoformat(),
        "end": cycle.end.isoformat(),
        "hypothesis": cycle.hypothesis,
        "change": cycle.change,
        "kpis": [pair_json(p) for p in pairs],
        "learning": cycle.learning,
        "next_step": cycle.next_step,
        "previous_id": cycle.previous_id,
        "days": cycle.days,
        "days_left": cycle.days_left(today),
        "overdue": cycle.overdue(today),
        "evidence": [evidence_json(e) for e in evidence],
    }


def overlaps(cycle: Cycle, within: tuple[date, date] | None) -> bool:
    """Whether a cycle's dates overlap `within` (first and last day); every cycle does without one."""
    return within is None or (cycle.start <= within[1] and cycle.end >= within[0])


def cycles_json(store: Store, today: date, within: tuple[date, date] | None = None) -> list[Data]:
    """Every cycle (or those overlapping `within`) as JSON, by start date."""
    if not store.has_table("cycles"):
        return []
    watched = repo.watched_by_cycle(store)
    return [
        cycle_json(c, repo.before_after(store, c, watched.get(c.id, [])), repo.evidence(store, c), today)
        for c in repo.cycles(store)
        if overlaps(c, within)
    ]


def _period(store: Store, today: date, period_name: str | None) -> Period | None:
    """The period named by `--period` (None without one: the section covers every cycle)."""
    if period_name is None or not store.has_table("periods"):
        return None
    from cxtui.okr.report import choose_period

    return choose_period(store, period_name, today)


def section(store: Store, today: date, period_name: str | None = None) -> Data:
    """The report's "cycles" key: every cycle, or with `period_name` those overlapping its dates."""
    period = _period(store, today, period_name)
    within = None if period is None else (period.start, period.end)
    every = cycles_json(store, today, within)
    if not store.has_table("cycles"):
        running: list[Cycle] = []
        learnings: list[Cycle] = []
        per_month: list[tuple[str, int]] = []
        counting: list[str] = []
    elif within is None:
        running, learnings = cycle_queries.running(store), repo.learning_log(store)
        per_month = repo.runs_per_month(store)
        counting = [k.name for k in repo.counting_kpis(store)]
    else:
        running = [c for c in cycle_queries.running(store) if overlaps(c, within)]
        learnings = [c for c in repo.learning_log(store) if overlaps(c, within)]
        per_month = runs_by_month(c.end for c in learnings)
        counting = [k.name for k in repo.counting_kpis(store)]
    return {
        "cycles": {
            "cycles": every,
            "running": [c.id for c in running],
            "learnings": [c.id for c in learnings],
            "per_month": [{"month": m, "count": n} for m, n in per_month],
            "counting_kpis": counting,
            "period": None
            if period is None
            else {"name": period.name, "start": period.start.isoformat(), "end": period.end.isoformat()},
        }
    }


# -- shared formatting -------------------------------------------------------------------------------


def kpi_line(kpi: Data) -> str:
    """`Walk-aways: 42 → 26 people (−16, better)` from a cycle's KPI JSON."""
    before = "—" if kpi["before"] is None else with_unit(kpi["before"], kpi["unit"])
    after = "—" if kpi["after"] is None else with_unit(kpi["after"], kpi["unit"])
    text = f"{kpi['name']}: {before} → {after}"
    if kpi["missing"]:
        return f"{text} ({t('cycles.missing.' + kpi['missing'])})"
    if kpi["change"] is not None:
        sign = "+" if kpi["change"] > 0 else ""
        text += f" ({sign}{number(kpi['change'])}, {t('cycles.verdict.' + kpi['verdict'])})"
    return text


def _by_id(data: Data) -> dict[str, Data]:
    return {c["id"]: c for c in data["cycles"]["cycles"]}


def _running_lines(cycle: Data) -> list[str]:
    return [
        t("cycles.report.running_head", title=cycle["title"], end=cycle["end"], days=cycle["days_left"]),
        f"{t('common.field.hypothesis')}: {cycle['hypothesis'] or '—'}",
        f"{t('common.field.change')}: {cycle['change'] or '—'}",
        *[kpi_line(k) for k in cycle["kpis"]],
    ]


def _learnings(data: Data) -> list[Data]:
    by_id = _by_id(data)
    return [by_id[i] for i in data["cycles"]["learnings"][:LATEST_LEARNINGS] if i in by_id]


def _per_month_text(data: Data) -> str:
    months = data["cycles"]["per_month"][-6:]
    text = " · ".join(f"{m['month']}: {m['count']}" for m in months)
    if data["cycles"]["counting_kpis"]:
        text += " " + t("cycles.report.counted_by", kpis=", ".join(data["cycles"]["counting_kpis"]))
    return text


# -- Markdown -----------------------------------------------------------------------------------------


def markdown(data: Data) -> list[str]:
    """The cycles section in Markdown: running cycle, latest learnings, cycles run per month."""
    out = [f"## {t('cycles.report.title')}", ""]
    by_id = _by_id(data)
    running = [by_id[i] for i in data["cycles"]["running"] if i in by_id]
    if not running:
        out += [md_escape(t("cycles.report.none_running")), ""]
    for cycle in running:
        head, *rest = _running_lines(cycle)
        out += [f"**{md_escape(head)}**", ""] + [f"- {md_escape(line)}" for line in rest] + [""]
    overdue = [c for c in data["cycles"]["cycles"] if c["overdue"]]
    if overdue:
        titles = ", ".join(c["title"] for c in overdue)
        out += [f"⚑ {md_escape(t('cycles.report.overdue', titles=titles))}", ""]
    learnings = _learnings(data)
    if learnings:
        out += [f"### {md_escape(t('cycles.report.learnings'))}", ""]
        for cycle in learnings:
            out.append(f"- **{md_escape(cycle['learning'])}** ({md_escape(cycle['title'])}, {cycle['end']})")
            for kpi in cycle["kpis"]:
                out.append(f"  - {md_escape(kpi_line(kpi))}")
            out.append(f"  - {md_escape(t('cycles.report.next', step=cycle['next_step']))}")
        out.append("")
    if data["cycles"]["per_month"]:
        out += [f"{md_escape(t('cycles.report.per_month'))}: {md_escape(_per_month_text(data))}", ""]
    return out


# -- HTML ---------------------------------------------------------------------------------------------


def html(data: Data) -> list[str]:
    """The cycles section in HTML (every text the user typed escaped)."""
    out = [f"<h2>{h(t('cycles.report.title'))}</h2>"]
    by_id = _by_id(data)
    running = [by_id[i] for i in data["cycles"]["running"] if i in by_id]
    if not running:
        out.append(f"<p>{h(t('cycles.report.none_running'))}</p>")
    for cycle in running:
        head, *rest = _running_lines(cycle)
        out.append(f'<div class="card"><p><strong>{h(head)}</strong></p>')
        out += [f"<p>{h(line)}</p>" for line in rest]
        out.append("</div>")
    overdue = [c for c in data["cycles"]["cycles"] if c["overdue"]]
    if overdue:
        titles = ", ".join(c["title"] for c in overdue)
        out.append(f'<p class="red">⚑ {h(t("cycles.report.overdue", titles=titles))}</p>')
    learnings = _learnings(data)
    if learnings:
        out.append(f"<h3>{h(t('cycles.report.learnings'))}</h3>")
        for cycle in learnings:
            out.append(f"<blockquote><strong>{h(cycle['learning'])}</strong><br>")
            out.append(f'<span class="meta">{h(cycle["title"])} · {h(cycle["end"])}</span>')
            out += [f"<br>{h(kpi_line(k))}" for k in cycle["kpis"]]
            out.append(f"<br>{h(t('cycles.report.next', step=cycle['next_step']))}</blockquote>")
    months = data["cycles"]["per_month"][-6:]
    if months:
        out.append(f"<h3>{h(t('cycles.report.per_month'))}</h3>")
        out.append(
            svg_bars(
                [float(m["count"]) for m in months],
                [m["month"][2:] for m in months],
                title=t("cycles.report.per_month"),
            )
        )
        if data["cycles"]["counting_kpis"]:
            names = ", ".join(data["cycles"]["counting_kpis"])
            out.append(f'<p class="note">{h(t("cycles.report.counted_by", kpis=names))}</p>')
    return out

"""The one-page weekly report: numbers and voices side by side (OKRs with the notes and blockers of the
latest check-ins, NPS with its interval and the last before/after verdict, the running cycle and the
latest learnings, the last review), every section in JSON, and HTML that escapes all typed text."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from cxtui.cycles import repo as cycles
from cxtui.cycles.models import Cycle, CycleState
from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.kpi import repo as kpis
from cxtui.kpi.models import Evidence, Kpi, KpiValue
from cxtui.nps.models import ManualEntry
from cxtui.nps.repo import add_manual_scores
from cxtui.nps.surveys import create_range_survey, create_survey
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import CheckIn, Confidence, KeyResult, Objective, Period
from cxtui.review import repo as reviews
from tests.conftest import TODAY

D = date.fromisoformat
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = f"{SCRIPT} {IMG} {FORMULA}"


def cxtui(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screens.launch", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )


def report(path: Path, fmt: str, *extra: str) -> str:
    result = cxtui("report", str(path), "--format", fmt, *extra)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def demo(workspace_path: Path) -> Path:
    store = Store.open(workspace_path, create=True)
    build_demo(store, "en", TODAY)
    store.close()
    return workspace_path


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A workspace where every text a user can type is hostile."""
    path = tmp_path / "hostile.cxtui"
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    objective = okr.save_objective(
        store,
        Objective(period_id=period.id, title=f"O {HOSTILE}", owner=f"owner {HOSTILE}", description=HOSTILE),
    )
    kr = okr.save_key_result(
        store,
        KeyResult(
            objective_id=objective.id, title=f"KR {HOSTILE}", start=0, target=10, unit=HOSTILE, owner=HOSTILE
        ),
    )
    okr_checkins.record_checkin(
        store,
        CheckIn(
            kr_id=kr.id,
            date=TODAY,
            value=4,
            confidence=Confidence.at_risk,
            note=f"note {HOSTILE}",
            blocker=f"blocker {HOSTILE}",
        ),
    )
    kpi = kpis.save_kpi(
        store, Kpi(name=f"K {HOSTILE}", layer="behaviour", unit=HOSTILE, definition=HOSTILE, focus=True)
    )
    for day, value in (("2026-11-02", 40), ("2026-11-20", 30)):
        kpis.record_value(store, KpiValue(kpi_id=kpi.id, date=D(day), value=value, note=HOSTILE))
    cycle = cycles.save_cycle(
        store,
        Cycle(title=f"C {HOSTILE}", state=CycleState.running, start=D("2026-11-09"), end=D("2026-11-29"),
              hypothesis=f"H {SCRIPT}", change=f"Ch {IMG}"),
        [kpi.id],
    )  # fmt: skip
    kpis.save_evidence(
        store, Evidence(date=TODAY, quote=f"Q {HOSTILE}", scene=HOSTILE, next_step=HOSTILE, cycle_id=cycle.id)
    )
    done = cycles.save_cycle(
        store,
        Cycle(
            title=f"Done {HOSTILE}", start=D("2026-10-01"), end=D("2026-10-14"), hypothesis="h", change="c"
        ),
        [kpi.id],
    )
    cycles.review_cycle(store, done.id, f"L {SCRIPT}", f"N {IMG}")
    survey = create_survey(store, f"S {HOSTILE}", "manual")
    with store.action("answers"):
        add_manual_scores(
            store,
            survey,
            [ManualEntry(9, f"comment {HOSTILE}", HOSTILE, datetime(2026, 11, 10, 9)) for _ in range(5)],
        )
    create_range_survey(store, f"Before {SCRIPT}", D("2026-10-01"), D("2026-10-31"))
    create_range_survey(store, f"After {IMG}", D("2026-11-01"), D("2026-11-22"))
    review = reviews.start_review(store, D("2026-11-20"))
    with store.action("notes"):
        store.update_row("reviews", review.id, {"notes": f"notes {HOSTILE}"})
    reviews.finish(store, reviews.get_review(store, review.id), f"RL {SCRIPT}", f"RN {IMG}", seconds=700)
    store.close()
    return path


# -- JSON: every section ---------------------------------------------------------------------------


def test_json_carries_every_section_of_the_demo(demo: Path) -> None:
    data: dict[str, Any] = json.loads(report(demo, "json"))
    assert {"period", "okr", "nps", "cycles", "reviews"} <= set(data)
    # OKR: notes and blockers of the latest check-ins.
    krs = [kr for o in data["okr"]["objectives"] for kr in o["key_results"]]
    assert any(kr["note"] for kr in krs) and all({"note", "blocker"} <= set(kr) for kr in krs)
    # NPS: each survey with its interval, and the last before/after verdict (the café's, significant).
    nps = data["nps"]
    assert {s["survey"] for s in nps["surveys"]} >= {"Café before (months 1–3)", "Café after (months 4–6)"}
    assert all(s["ci95"] is None or s["ci95"][0] <= s["nps"] <= s["ci95"][1] for s in nps["surveys"])
    comparison = nps["comparison"]
    assert (comparison["before_name"], comparison["after_name"]) == (
        "Café before (months 1–3)",
        "Café after (months 4–6)",
    )
    assert (
        comparison["significant"] is True
        and comparison["delta"] > 0
        and "real improvement" in comparison["verdict"]
    )
    assert [m["month"] for m in nps["months"]][-1] == "2026-11"
    # Cycles: all eight, the running one, the learnings newest first, cycles run per month.
    section = data["cycles"]
    assert len(section["cycles"]) == 8 and len(section["running"]) == 1 and len(section["learnings"]) == 5
    by_id = {c["id"]: c for c in section["cycles"]}
    assert by_id[section["running"][0]]["state"] == "running"
    ends = [by_id[i]["end"] for i in section["learnings"]]
    assert ends == sorted(ends, reverse=True)
    assert sum(m["count"] for m in section["per_month"]) == 5
    assert all({"name", "before", "after"} <= set(k) for c in section["cycles"] for k in c["kpis"])
    # Reviews: the last one's learning and next step, every review dated.
    last = data["reviews"]["last"]
    assert last["learning"] == "Showing the rule of thumb first cut the comparison questions"
    assert last["next_step"] == "Open every first demo with the same guide"
    assert len(data["reviews"]["reviews"]) == 10


def test_json_keeps_hostile_text_exact(hostile: Path) -> None:
    data = json.loads(report(hostile, "json"))
    kr = data["okr"]["objectives"][0]["key_results"][0]
    assert (kr["note"], kr["blocker"]) == (f"note {HOSTILE}", f"blocker {HOSTILE}")
    assert data["reviews"]["last"]["notes"] == f"notes {HOSTILE}"


# -- HTML ------------------------------------------------------------------------------------------


def test_html_escapes_every_typed_field(hostile: Path) -> None:
    page = report(hostile, "html")
    lowered = page.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert not re.search(r"<[^>]*onerror", lowered)  # no attribute injected into any tag
    escaped_script = "&lt;script&gt;alert(1)&lt;/script&gt;"
    escaped_img = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    for shown in (
        f"O {escaped_script}",  # objective title
        f"KR {escaped_script}",  # key result title
        f"note: note {escaped_script}",  # latest check-in note
        f"blocker: blocker {escaped_script}",  # and blocker
        f"S {escaped_script}",  # survey name
        f"Before {escaped_script}",  # range survey names in the before/after line
        f"After {escaped_img}",
        f"C {escaped_script}",  # running cycle title
        f"H {escaped_script}",  # its hypothesis
        f"Ch {escaped_img}",  # its change
        f"L {escaped_script}",  # a learning
        f"N {escaped_img}",  # a next step
        f"RL {escaped_script}",  # the review's learning
        f"RN {escaped_img}",  # and next step
        f"notes {escaped_script}",  # and notes
    ):
        assert shown in page, shown
    assert "=cmd|&#x27; /C calc&#x27;!A0" in page  # shown as text (HTML has no formulas to run)
    numbers = page[page.index('class="numbers"') : page.index('class="voices"')]
    assert f"K {escaped_script}" in numbers  # the focus KPI on the main page, escaped there too


def test_html_is_one_self_contained_printable_page(demo: Path) -> None:
    page = report(demo, "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "http://" not in page and "https://" not in page and "<link" not in page and "src=" not in page
    assert "@page { size: A4" in page and "@media print" in page
    assert page.count("<svg") >= 2 and page.count("<svg") == page.count("</svg>")  # NPS trend, cycles run
    numbers, voices = page.index('class="numbers"'), page.index('class="voices"')
    assert numbers < voices  # side by side: numbers, then voices
    assert page.index("Learning cycles") > voices and page.index("Weekly review</h2>") > voices
    assert page.index("NPS</h2>") < voices
    assert page.count("<table>") == page.count("</table>")


# -- Markdown --------------------------------------------------------------------------------------


def test_markdown_of_the_demo_reads_as_the_week(demo: Path) -> None:
    text = report(demo, "markdown")
    for expected in (
        "# Weekly report: NexBridge Q1",
        "week of 2026-11-16",
        "Latest check-in notes and blockers",
        "**Last before/after:**",
        "A real improvement",
        "# Voices and learning",
        "Running: Guide first in demos",
        "### Latest learnings",
        "Showing the rule of thumb first cut the comparison questions",
        "Cycles run per month",
        "Last review 2026-11-13",
    ):
        assert expected in text, expected


def test_markdown_escapes_hostile_text(hostile: Path) -> None:
    text = report(hostile, "markdown")
    assert not re.search(r"(?<!\\)[<>]", text.replace("→", ""))  # every < and > escaped: no tag survives
    assert "\\<script\\>alert(1)\\</script\\>" in text
    # A pipe in typed text cannot split a table cell: every row keeps its number of cells.
    for table in re.findall(r"(?:^\|.*\n)+", text, flags=re.M):
        rows = table.splitlines()
        cells = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
        assert len(cells) == 1, rows
    assert "=cmd\\|" in text


@pytest.fixture
def two_quarters(tmp_path: Path) -> Path:
    """2026 Q3 and Q4, a cycle in each, one across the turn of the quarter, a review in each."""
    path = tmp_path / "quarters.cxtui"
    store = Store.open(path, create=True)
    okr_periods.add_period(store, Period(name="2026 Q3", start=D("2026-07-01"), end=D("2026-09-30")))
    okr_periods.add_period(store, Period(name="2026 Q4", start=D("2026-10-01"), end=D("2026-12-31")))

    def cycle(title: str, start: str, end: str, learning: str | None = None) -> None:
        state = CycleState.running if learning is None else CycleState.planned
        saved = cycles.save_cycle(store, Cycle(title=title, state=state, start=D(start), end=D(end)))
        if learning is not None:
            cycles.review_cycle(store, saved.id, learning, f"after {title}")

    cycle("Summer menu", "2026-08-03", "2026-08-16", "Summer learning")
    cycle("Across the turn", "2026-09-21", "2026-10-04", "Turn learning")
    cycle("Autumn guide", "2026-11-16", "2026-11-29")
    for day, learning in (("2026-09-18", "September review"), ("2026-11-13", "November review")):
        review = reviews.start_review(store, D(day))
        reviews.finish(store, review, learning, f"next of {learning}", seconds=600)
    store.close()
    return path


def test_cycles_and_reviews_follow_the_period(two_quarters: Path) -> None:
    every = json.loads(report(two_quarters, "json"))  # without --period: every cycle and review
    assert [c["title"] for c in every["cycles"]["cycles"]] == [
        "Summer menu",
        "Across the turn",
        "Autumn guide",
    ]
    assert [r["date"] for r in every["reviews"]["reviews"]] == ["2026-11-13", "2026-09-18"]
    assert every["cycles"]["period"] is None and every["reviews"]["period"] is None
    q3 = json.loads(report(two_quarters, "json", "--period", "2026 Q3"))
    cycles_q3 = q3["cycles"]
    by_id = {c["id"]: c["title"] for c in cycles_q3["cycles"]}
    assert list(by_id.values()) == ["Summer menu", "Across the turn"]  # those overlapping its dates
    assert cycles_q3["running"] == []
    assert [by_id[i] for i in cycles_q3["learnings"]] == ["Across the turn", "Summer menu"]
    assert cycles_q3["per_month"] == [
        {"month": "2026-08", "count": 1},
        {"month": "2026-09", "count": 0},
        {"month": "2026-10", "count": 1},
    ]
    assert cycles_q3["period"] == {"name": "2026 Q3", "start": "2026-07-01", "end": "2026-09-30"}
    assert [r["date"] for r in q3["reviews"]["reviews"]] == ["2026-09-18"]  # dated within it
    assert q3["reviews"]["last"]["learning"] == "September review"
    assert q3["reviews"]["period"] == cycles_q3["period"]
    q4 = json.loads(report(two_quarters, "json", "--period", "2026 Q4"))
    by_id = {c["id"]: c["title"] for c in q4["cycles"]["cycles"]}
    assert list(by_id.values()) == ["Across the turn", "Autumn guide"]
    assert [by_id[i] for i in q4["cycles"]["running"]] == ["Autumn guide"]
    assert [r["learning"] for r in q4["reviews"]["reviews"]] == ["November review"]
    text = report(two_quarters, "markdown", "--period", "2026 Q3")
    assert "September review" in text and "November review" not in text
    assert "Summer learning" in text and "Autumn guide" not in text and "No cycle is running." in text
    page = report(two_quarters, "html", "--period", "2026 Q4")
    assert "November review" in page and "September review" not in page
    assert "Running: Autumn guide" in page and "Summer learning" not in page


FOCUS = ["Left the lunch queue", "NPS", "2-week cycles run", "Signs of less hesitation", "Closing rate"]


def test_the_main_page_shows_the_focus_kpis_and_leaves_the_rest_to_the_definitions_sheet(demo: Path) -> None:
    data = json.loads(report(demo, "json"))
    items = data["kpis"]["kpis"]
    assert len(items) == 16 and [k["name"] for k in items if k["focus"] is True] == FOCUS
    assert all(k["focus"] in (True, False) for k in items)
    assert len(data["definitions"]["kpis"]) == 16  # the sheet keeps every KPI
    text = report(demo, "markdown")
    main, appendix = text.split("# Appendix")
    section = main[main.index("## Focus KPIs") : main.index("## Monthly loyalty")]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [row.split(" | ")[1].strip() for row in rows] == FOCUS
    # Each with its value, its change (arrow and word) and its target.
    walk = next(row for row in rows if "Left the lunch queue" in row)
    assert "16 people · 2026-11-16" in walk and "▼ -2 better" in walk and "target 15 people · 1 to go" in walk
    assert "▲ +1 better" in section and "target 30% · 2 to go" in section
    assert "11 other KPI(s): see the definitions sheet." in section
    assert "Repeat visits in 14 days" not in section and "★" not in section
    assert "Repeat visits in 14 days" in appendix and "Left the lunch queue" in appendix
    page = report(demo, "html")
    numbers = page[page.index('class="numbers"') : page.index('class="voices"')]
    focus = numbers[numbers.index("Focus KPIs</h2>") : numbers.index("Monthly loyalty")]
    assert focus.count("<tr>") == 1 + len(FOCUS) and all(name in focus for name in FOCUS)
    assert "▼ -2 better" in focus and "11 other KPI(s): see the definitions sheet." in focus
    assert "Repeat visits in 14 days" not in focus
    assert "Repeat visits in 14 days" in page[page.index('class="appendix"') :]
    ja = report(demo, "markdown", "--lang", "ja")
    assert "## 重点 KPI" in ja and "ほかの KPI 11 個: 定義シートを参照。" in ja


def test_without_focus_kpis_the_page_says_how_to_choose_them(tmp_path: Path) -> None:
    path = tmp_path / "ws.cxtui"
    store = Store.open(path, create=True)
    kpis.save_kpi(store, Kpi(name="Walk-aways", layer="behaviour"))
    kpis.save_kpi(store, Kpi(name="Repeat visits", layer="experience"))
    store.close()
    expected = "No focus KPI chosen yet (f on the KPI screen): 2 KPI(s) on the definitions sheet."
    text = report(path, "markdown")
    assert expected in text and "| Walk-aways" not in text.split("# Appendix")[0]
    page = report(path, "html")
    assert f'<p class="note">{expected}</p>' in page


def test_japanese_weekly_report(demo: Path) -> None:
    text = report(demo, "markdown", "--lang", "ja")
    for expected in ("# 週次レポート", "の週", "# 声と学び", "実施中", "最近の学び", "直近の施策前後"):
        assert expected in text, expected

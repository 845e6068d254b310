"""The KPI part of the demo: the café's 4 layers with 26 weeks of values, NexBridge's 3 layers linked
to its KRs, the NPS KPI reading the café survey, about 40 pieces of evidence with the seeds' phrases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.kpi import repo
from cxtui.kpi.board import cards
from cxtui.kpi.demo import load_data, month_day, week_day
from cxtui.kpi.models import LAYERS_3, LAYERS_4, Source
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module", params=["en", "ja"])
def demo(request: pytest.FixtureRequest) -> tuple[Store, str]:
    store = Store.memory()
    build_demo(store, request.param, TODAY)
    return store, request.param


def test_the_cafe_has_four_layers_and_nexbridge_three(demo: tuple[Store, str]) -> None:
    store, lang = demo
    data = load_data()
    every = repo.kpis(store)
    cafe = [k for k in every if k.layer in LAYERS_4]
    nexbridge = [k for k in every if k.layer in LAYERS_3]
    assert len(cafe) == len(data.cafe_kpis) == 10 and len(nexbridge) == len(data.nexbridge_kpis) == 6
    assert {k.layer for k in cafe} == set(LAYERS_4) and {k.layer for k in nexbridge} == set(LAYERS_3)
    assert repo.layer_model(store) == "4"
    names = {k.name for k in every}
    assert {spec.name.pick(lang) for spec in data.cafe_kpis + data.nexbridge_kpis} == names


def test_weekly_values_end_this_week_and_none_lie_in_the_future(demo: tuple[Store, str]) -> None:
    store, lang = demo
    walk = repo.find_kpi_named(store, load_data().cafe_kpis[0].name.pick(lang))
    assert walk is not None
    values = repo.values(store, walk.id)
    assert len(values) == 26
    assert values[-1].date == week_day(TODAY, 0) == date(2026, 11, 16)
    assert values[0].date == date(2026, 11, 16) - timedelta(weeks=25)
    assert [v.value for v in values] == load_data().cafe_kpis[0].values
    latest = max(r["date"] for r in store.rows("SELECT date FROM kpi_values"))
    assert latest <= TODAY.isoformat()
    assert month_day(TODAY, 0) == TODAY and month_day(TODAY, 1) == date(2026, 10, 31)


def test_the_nps_kpi_reads_the_cafe_survey_with_its_n(demo: tuple[Store, str]) -> None:
    store, _lang = demo
    [nps] = [k for k in repo.kpis(store) if k.source is Source.nps]
    assert nps.source_ref and store.rows("SELECT 1 FROM surveys WHERE name = ?", [nps.source_ref])
    card = next(c for c in cards(store, TODAY) if c.kpi.id == nps.id)
    assert len(card.points) == 7  # six monthly windows ending today span seven calendar months
    assert all(p.n for p in card.points)
    # The improvement from month 4 shows in the NPS, as in the NPS part of the demo.
    assert card.points[-2].value > card.points[1].value


def test_nexbridge_kpis_are_linked_to_their_krs_in_either_language(demo: tuple[Store, str]) -> None:
    store, lang = demo
    period = okr_periods.period_on(store, TODAY)
    assert period is not None
    titles = {kr.id: kr.title for krs in okr.key_results_in_period(store, period.id).values() for kr in krs}
    linked = {k.name: titles.get(k.kr_id or "") for k in repo.kpis(store) if k.kr_id}
    expected = {spec.name.pick(lang) for spec in load_data().nexbridge_kpis if spec.kr_key is not None}
    assert set(linked) == expected and all(linked.values())
    onboarding = repo.find_kpi_named(store, "初回設定の完了率" if lang == "ja" else "Onboarding completed")
    assert onboarding is not None
    checkins = okr_checkins.checkins(store, onboarding.kr_id or "")
    assert {c.date for c in checkins} == {v.date for v in repo.values(store, onboarding.id)}


def test_about_forty_pieces_of_evidence_with_the_seed_phrases(demo: tuple[Store, str]) -> None:
    store, lang = demo
    data = load_data()
    found = repo.evidence(store)
    assert len(found) == len(data.evidence) == 42
    # The cycles part of the demo finds these by their exact text.
    assert {e.quote for e in found} == {item.quote.pick(lang) for item in data.evidence}
    linked = [e for e in found if e.kpi_id]
    assert len(linked) == sum(1 for item in data.evidence if item.kpi_key)
    assert all(e.date <= TODAY for e in found)
    # The learning cycles' demo links the evidence captured during a cycle (by its text).
    in_cycles = {item.quote.pick(lang) for item in data.evidence if item.cycle_key}
    assert {e.quote for e in found if e.cycle_id} == in_cycles


def test_the_demo_is_the_same_every_time() -> None:
    def contents() -> list[tuple[object, ...]]:
        store = Store.memory()
        build_demo(store, "ja", TODAY)
        return sorted(
            (r["name"], r["date"], r["value"])
            for r in store.rows(
                "SELECT k.name, v.date, v.value FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id"
            )
        )

    assert contents() == contents()

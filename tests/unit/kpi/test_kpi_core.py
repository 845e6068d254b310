"""KPI core: formulas (change by direction, distance, due by cadence), values one per day, undo."""

from __future__ import annotations

from datetime import date

import pytest

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.kpi import repo
from cxtui.kpi.metrics import change, distance, is_due, period_start
from cxtui.kpi.models import Cadence, Direction, Evidence, Kpi, KpiValue, Source
from cxtui.kpi.sources import series


def test_change_is_judged_by_direction() -> None:
    up = change(12, 10, Direction.HIGHER)
    assert up is not None and up.delta == 2 and up.trend == "up" and up.good and up.verdict == "better"
    fall = change(3, 5, Direction.LOWER)  # churn falling is good
    assert fall is not None and fall.trend == "down" and fall.good is True
    rise = change(6, 5, Direction.LOWER)
    assert rise is not None and rise.good is False and rise.verdict == "worse"
    flat = change(5, 5, Direction.HIGHER)
    assert flat is not None and flat.good is None and flat.verdict == "same"
    assert change(5, None, Direction.HIGHER) is None


def test_distance_to_target() -> None:
    d = distance(80, 90, Direction.HIGHER)
    assert d is not None and d.gap == 10 and not d.reached
    d = distance(2.5, 3, Direction.LOWER)
    assert d is not None and d.reached and d.gap == pytest.approx(0.5)
    assert distance(1, None, Direction.HIGHER) is None


def test_due_by_cadence() -> None:
    wednesday = date(2026, 11, 18)
    assert period_start(Cadence.weekly, wednesday) == date(2026, 11, 16)
    assert period_start(Cadence.monthly, wednesday) == date(2026, 11, 1)
    assert is_due(Cadence.weekly, None, wednesday)
    assert is_due(Cadence.weekly, date(2026, 11, 15), wednesday)  # last Sunday: last week
    assert not is_due(Cadence.weekly, date(2026, 11, 16), wednesday)
    assert not is_due(Cadence.right_after, date(2026, 11, 17), wednesday)
    assert not is_due(Cadence.monthly, date(2026, 11, 2), wednesday)
    assert is_due(Cadence.monthly, date(2026, 10, 31), wednesday)


def _kpi(store: Store, name: str = "Walk-aways", layer: str = "behaviour") -> Kpi:
    return repo.save_kpi(store, Kpi(name=name, layer=layer, direction=Direction.LOWER, target=15))


def test_values_are_one_per_day_and_replacing_asks_first() -> None:
    store = Store.memory()
    kpi = _kpi(store)
    repo.record_value(store, KpiValue(kpi_id=kpi.id, date=date(2026, 11, 16), value=42))
    with pytest.raises(repo.ValueExistsError):
        repo.record_value(store, KpiValue(kpi_id=kpi.id, date=date(2026, 11, 16), value=40))
    repo.record_value(store, KpiValue(kpi_id=kpi.id, date=date(2026, 11, 16), value=40), replace=True)
    assert [(v.date, v.value) for v in repo.values(store, kpi.id)] == [(date(2026, 11, 16), 40)]
    store.undo()
    assert [v.value for v in repo.values(store, kpi.id)] == [42]


def test_new_kpis_go_last_in_their_layer_and_move_within_it() -> None:
    store = Store.memory()
    a, b, c = (_kpi(store, name) for name in ("a", "b", "c"))
    other = _kpi(store, "x", "ltv")
    assert [k.position for k in (a, b, c)] == [0, 1, 2] and other.position == 0
    assert repo.move_kpi(store, c.id, -1)
    assert [k.name for k in repo.kpis(store) if k.layer == "behaviour"] == ["a", "c", "b"]
    assert not repo.move_kpi(store, a.id, -1)


def test_a_kpi_needs_a_name_and_a_known_layer() -> None:
    store = Store.memory()
    with pytest.raises(InputError) as caught:
        repo.save_kpi(store, Kpi(name="  ", layer="behaviour"))
    assert caught.value.field == "name"
    with pytest.raises(InputError) as caught:
        repo.save_kpi(store, Kpi(name="x", layer="feelings"))
    assert caught.value.field == "layer"
    assert repo.kpis(store) == []


def test_deleting_a_kpi_keeps_its_evidence_and_undo_restores_everything() -> None:
    store = Store.memory()
    kpi = _kpi(store)
    repo.record_value(store, KpiValue(kpi_id=kpi.id, date=date(2026, 11, 16), value=42))
    note = repo.save_evidence(store, Evidence(date=date(2026, 11, 16), quote="それなら安心", kpi_id=kpi.id))
    repo.delete_kpi(store, kpi.id)
    assert repo.kpis(store) == [] and repo.evidence(store)[0].kpi_id is None
    assert store.undo() is not None
    assert repo.find_kpi(store, kpi.id) is not None
    assert [v.value for v in repo.values(store, kpi.id)] == [42]
    assert repo.evidence(store)[0].id == note.id and repo.evidence(store)[0].kpi_id == kpi.id


def test_evidence_filters_and_search_is_literal() -> None:
    store = Store.memory()
    kpi = _kpi(store)
    repo.save_evidence(store, Evidence(date=date(2026, 11, 2), quote="100% sure now", kpi_id=kpi.id))
    repo.save_evidence(store, Evidence(date=date(2026, 11, 9), quote="Which one is best?", kind="behaviour"))  # type: ignore[arg-type]
    assert [e.quote for e in repo.evidence(store)] == ["Which one is best?", "100% sure now"]
    assert [e.quote for e in repo.evidence(store, search="100%")] == ["100% sure now"]
    assert [e.quote for e in repo.evidence(store, search="%")] == ["100% sure now"]
    assert [e.quote for e in repo.evidence(store, kpi_id=kpi.id)] == ["100% sure now"]
    assert [e.quote for e in repo.evidence(store, since=date(2026, 11, 5))] == ["Which one is best?"]


def test_typed_series_and_an_nps_series_with_its_n() -> None:
    from cxtui.nps import repo as nps_repo
    from cxtui.nps.models import ManualEntry

    store = Store.memory()
    kpi = _kpi(store)
    repo.record_value(store, KpiValue(kpi_id=kpi.id, date=date(2026, 11, 16), value=42))
    assert [(p.date, p.value, p.n) for p in series(store, kpi)] == [(date(2026, 11, 16), 42, None)]
    entries = [ManualEntry(score, answered_at=date(2026, 10, 5)) for score in (10, 9, 3)]
    entries += [ManualEntry(10, answered_at=date(2026, 11, 5))]
    nps_repo.add_manual_scores(store, "Next week", entries)
    nps_kpi = repo.save_kpi(store, Kpi(name="NPS", layer="psychology", source=Source.nps))
    points = series(store, nps_kpi)
    assert [(p.date, round(p.value, 1), p.n) for p in points] == [
        (date(2026, 10, 1), 33.3, 3),
        (date(2026, 11, 1), 100.0, 1),
    ]


def test_an_nps_kpi_by_survey_has_one_value_per_survey() -> None:
    from cxtui.kpi.models import BY_SURVEY
    from cxtui.nps import repo as nps_repo
    from cxtui.nps.models import ManualEntry

    store = Store.memory()
    nps_repo.add_manual_scores(
        store, "Before", [ManualEntry(s, answered_at=date(2026, 9, 5)) for s in (10, 3, 8)]
    )
    nps_repo.add_manual_scores(
        store, "After", [ManualEntry(s, answered_at=date(2026, 11, 2)) for s in (10, 9, 2, 9)]
    )
    kpi = repo.save_kpi(store, Kpi(name="NPS", layer="psychology", source=Source.nps, source_ref=BY_SURVEY))
    assert [(p.date, round(p.value, 1), p.n) for p in series(store, kpi)] == [
        (date(2026, 9, 5), 0.0, 3),
        (date(2026, 11, 2), 50.0, 4),
    ]

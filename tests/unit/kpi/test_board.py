"""KPI cards and the words around their numbers: latest, change by direction, target distance,
due by cadence, sparkline, the layer model, moving between layers, the definitions sheet, starters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.kpi import repo
from cxtui.kpi.board import card, cards, focus_count, show_json
from cxtui.kpi.models import Cadence, Direction, Kpi, KpiValue, Source
from cxtui.kpi.starters import STARTERS, add_starter
from cxtui.kpi.texts import change_text, distance_text, due_text, sparkline, value_text

TODAY = date(2026, 11, 22)  # a Sunday


def _kpi(store: Store, name: str, layer: str = "behaviour", **fields: object) -> Kpi:
    return repo.save_kpi(store, Kpi(name=name, layer=layer, **fields))  # type: ignore[arg-type]


def _values(store: Store, kpi: Kpi, *pairs: tuple[date, float]) -> None:
    for day, value in pairs:
        repo.record_value(store, KpiValue(kpi_id=kpi.id, date=day, value=value))


def test_a_card_holds_latest_previous_change_distance_and_due() -> None:
    store = Store.memory()
    churn = _kpi(
        store, "Churn", "ltv", direction=Direction.LOWER, target=10, cadence=Cadence.monthly, unit="%"
    )
    _values(store, churn, (date(2026, 9, 30), 12.5), (date(2026, 10, 31), 11.3))
    [shown] = cards(store, TODAY)
    assert (shown.latest.value, shown.previous.value) == (11.3, 12.5)  # type: ignore[union-attr]
    assert shown.change is not None and shown.change.verdict == "better"  # a fall is good for churn
    assert change_text(shown.change) == "▼ -1.2 better"
    assert shown.distance is not None and shown.distance.gap == pytest.approx(-1.3)
    assert distance_text(churn, shown.distance) == "target 10% · 1.3 to go"
    assert shown.due  # monthly, and nothing in November yet
    assert due_text(churn, shown.due) == "due ●"
    _values(store, churn, (date(2026, 11, 3), 9.9))
    fresh = card(store, churn.id, TODAY)
    assert fresh is not None and not fresh.due and fresh.distance is not None and fresh.distance.reached
    assert change_text(fresh.change) == "▼ -1.4 better"
    assert distance_text(churn, fresh.distance) == "target 10% · reached ✓"


def test_higher_is_better_and_flat_changes_read_as_words() -> None:
    store = Store.memory()
    repeat = _kpi(store, "Repeat", target=45, unit="%")
    _values(store, repeat, (date(2026, 11, 9), 44), (date(2026, 11, 16), 43))
    [shown] = cards(store, TODAY)
    assert change_text(shown.change) == "▼ -1 worse"
    _values(store, repeat, (date(2026, 11, 17), 43))
    assert change_text(card(store, repeat.id, TODAY).change) == "= 0 same"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("cadence", "last", "due"),
    [
        (Cadence.weekly, None, True),
        (Cadence.weekly, date(2026, 11, 15), True),  # last Sunday: last week
        (Cadence.weekly, date(2026, 11, 16), False),  # this Monday
        (Cadence.right_after, date(2026, 11, 20), False),
        (Cadence.next_week, date(2026, 11, 8), True),
        (Cadence.monthly, date(2026, 10, 31), True),
        (Cadence.monthly, date(2026, 11, 1), False),
    ],
)
def test_due_by_cadence_on_the_card(cadence: Cadence, last: date | None, due: bool) -> None:
    store = Store.memory()
    kpi = _kpi(store, "K", cadence=cadence)
    if last is not None:
        _values(store, kpi, (last, 1))
    assert cards(store, TODAY)[0].due is due


def test_derived_kpis_are_never_due_and_say_where_values_come_from() -> None:
    store = Store.memory()
    nps = _kpi(store, "NPS", "psychology", source=Source.nps, cadence=Cadence.next_week)
    cycles = _kpi(store, "Cycles run", "action", source=Source.cycles)
    by_id = {c.kpi.id: c for c in cards(store, TODAY)}
    assert not by_id[nps.id].due and not by_id[cycles.id].due
    assert due_text(nps, False) == "from NPS" and due_text(cycles, False) == "from cycles"
    assert value_text(nps, 27.4) == "+27" and value_text(nps, -3.0) == "-3"


def test_a_card_keeps_the_recent_values_oldest_first() -> None:
    store = Store.memory()
    kpi = _kpi(store, "K")
    start = date(2026, 1, 5)
    _values(store, kpi, *[(start + timedelta(weeks=i), float(i)) for i in range(60)])
    [shown] = cards(store, TODAY, limit=40)
    assert [p.value for p in shown.points] == [float(i) for i in range(20, 60)]
    assert all(p.value_id for p in shown.points)


def test_sparkline_scales_to_what_it_shows() -> None:
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8], 8) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5, 5], 10) == "▄▄▄"
    assert sparkline([9, 1, 2, 3], 3) == "▁▅█"  # only the last three, scaled among themselves
    assert sparkline([], 5) == ""


def test_show_json_has_the_designed_keys() -> None:
    store = Store.memory()
    kpi = _kpi(store, "Walk-aways", direction=Direction.LOWER, target=15, focus=True)
    _values(store, kpi, (date(2026, 11, 9), 18), (date(2026, 11, 16), 16))
    [item] = show_json(store, TODAY)["kpis"]
    designed = {"id", "name", "layer", "unit", "direction", "target", "cadence", "focus", "kr_id", "latest",
                "previous", "change", "due", "values"}  # fmt: skip
    assert designed <= set(item)
    assert item["latest"] == {"date": "2026-11-16", "value": 16.0}
    assert item["previous"] == {"date": "2026-11-09", "value": 18.0}
    assert (item["change"], item["due"], item["direction"], item["focus"]) == (-2.0, False, "lower", True)
    assert item["values"] == [{"date": "2026-11-09", "value": 18.0}, {"date": "2026-11-16", "value": 16.0}]


def test_layer_model_follows_the_kpis_until_the_workspace_chooses() -> None:
    store = Store.memory()
    assert repo.layer_model(store) == "4"  # empty: seed 002's model
    _kpi(store, "Cycles run", "action")
    assert repo.layer_model(store) == "3"  # only 3-layer KPIs
    _kpi(store, "Satisfaction", "experience")
    assert repo.layer_model(store) == "4"
    repo.set_layer_model(store, "3")
    assert repo.layer_model(store) == "3"
    with pytest.raises(InputError):
        repo.set_layer_model(store, "5")


def test_moving_a_kpi_to_another_layer_puts_it_last_there_and_undoes() -> None:
    store = Store.memory()
    a = _kpi(store, "a", "experience")
    b = _kpi(store, "b", "behaviour")
    moved = repo.move_to_layer(store, b.id, "experience")
    assert moved.layer == "experience"
    assert [k.name for k in repo.kpis(store) if k.layer == "experience"] == ["a", "b"]
    assert repo.find_kpi(store, b.id).position == 1  # type: ignore[union-attr]
    store.undo()
    assert repo.find_kpi(store, b.id).layer == "behaviour"  # type: ignore[union-attr]
    assert a.position == 0


def test_definitions_sheet_fields_are_edited_one_at_a_time_and_undone() -> None:
    store = Store.memory()
    kpi = _kpi(store, "NPS", "psychology", formula="P - D")
    repo.set_sheet_field(store, kpi.id, "formula", "  % promoters − % detractors  ")
    repo.set_sheet_field(store, kpi.id, "cadence", "next_week")
    found = repo.find_kpi(store, kpi.id)
    assert found is not None and found.formula == "% promoters − % detractors"
    assert found.cadence is Cadence.next_week
    with pytest.raises(InputError):
        repo.set_sheet_field(store, kpi.id, "cadence", "hourly")
    with pytest.raises(InputError):
        repo.set_sheet_field(store, kpi.id, "name", "x")
    store.undo()
    store.undo()
    assert repo.find_kpi(store, kpi.id).formula == "P - D"  # type: ignore[union-attr]


def test_focus_set_more_than_five_is_allowed() -> None:
    store = Store.memory()
    for i in range(7):
        kpi = _kpi(store, f"k{i}")
        repo.set_focus(store, kpi.id, True)
    assert focus_count(store) == 7


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_starter_sets_are_inserted_in_one_step(lang: str) -> None:
    store = Store.memory()
    added = add_starter(store, "loyalty4", lang)
    assert len(added) == 10
    layers = [k.layer for k in repo.kpis(store)]
    assert {layer: layers.count(layer) for layer in set(layers)} == {
        "behaviour": 2,
        "experience": 2,
        "psychology": 2,
        "ltv": 4,
    }
    nps = [k for k in repo.kpis(store) if k.source is Source.nps]
    assert len(nps) == 1 and nps[0].layer == "psychology"
    churn = next(k for k in added if k.direction is Direction.LOWER)
    assert churn.layer == "ltv"
    assert all(k.definition and k.how_measured and k.formula for k in added)
    assert add_starter(store, "loyalty4", lang) == []  # nothing twice
    store.undo()
    assert repo.kpis(store) == []  # one undo takes the whole set out


def test_minimum_set_is_seed_001s_three_layers() -> None:
    store = Store.memory()
    added = add_starter(store, "minimum", "ja")
    assert [k.layer for k in added] == ["action", "intermediate", "result"]
    assert [k.name for k in added] == ["2週間サイクルを回した回数", "迷いが減ったサイン", "購入率 or 成約率"]
    assert added[0].source is Source.cycles and added[2].cadence is Cadence.monthly
    assert repo.layer_model(store) == "3"
    assert set(STARTERS) == {"minimum", "loyalty4"}

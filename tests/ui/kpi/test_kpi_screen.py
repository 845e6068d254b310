"""Pilot tests of the KPI screen: keys pressed, then the workspace file and the screen are checked.

Each flow of the issue: add a KPI, record a value (the previous one shown), capture evidence from
any screen (keys counted), edit the definitions sheet, and undo each.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from cxtui.db.store import Store
from cxtui.i18n import set_language
from cxtui.kpi import repo
from cxtui.kpi.models import Cadence, Direction, Evidence, EvidenceKind, Kpi, KpiValue
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import quarters as okr_quarters
from cxtui.okr import repo as okr
from cxtui.okr.models import KeyResult, Objective
from screens.app import CxApp
from screens.kpi.board import KpiBoard
from screens.kpi.capture import EvidenceDialog
from screens.kpi.detail import KpiDetailScreen
from screens.kpi.dialogs import KpiDialog, RecordDialog
from screens.kpi.record_line import RecordLine
from screens.kpi.screen import KpiScreen
from screens.shared.confirm import ConfirmDialog
from tests.conftest import TODAY
from tests.ui.conftest import check_help_at_80x24, peer_key, screen_text

SIZE = (120, 40)


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Two behaviour KPIs (one with values), an experience KPI linked to a KR, some evidence."""
    path = tmp_path / "kpis.cxtui"
    store = Store.open(path, create=True)
    period = okr_periods.add_period(store, okr_quarters.quarter_of(TODAY))
    objective = okr.save_objective(store, Objective(period_id=period.id, title="Delight"))
    kr = okr.save_key_result(
        store, KeyResult(objective_id=objective.id, title="Satisfaction to 4.5", start=3, target=4.5)
    )
    walk = repo.save_kpi(
        store, Kpi(name="Walk-aways", layer="behaviour", unit="people", direction=Direction.LOWER, target=15,
                   formula="sum of daily tallies", focus=True)
    )  # fmt: skip
    for day, value in ((date(2026, 11, 2), 21), (date(2026, 11, 9), 18)):
        repo.record_value(store, KpiValue(kpi_id=walk.id, date=day, value=value))
    repeat = repo.save_kpi(store, Kpi(name="Repeat rate", layer="behaviour", unit="%", target=45))
    satisfaction = repo.save_kpi(
        store,
        Kpi(name="Satisfaction", layer="experience", cadence=Cadence.right_after, kr_id=kr.id, target=4.2),
    )
    repo.save_evidence(store, Evidence(date=date(2026, 11, 10), quote="Oh, that queue...", kpi_id=walk.id))
    store.clear_history()
    store.close()
    return path, {"walk": walk.id, "repeat": repeat.id, "satisfaction": satisfaction.id, "kr": kr.id}


def _open(path: Path) -> tuple[CxApp, Store]:
    store = Store.open(path)
    return CxApp(store=store, today=TODAY, first="okr"), store


async def _kpi_screen(pilot) -> KpiScreen:  # type: ignore[no-untyped-def]
    await pilot.press(peer_key("kpi"))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, KpiScreen)
    return screen


def _notes(app: CxApp) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def test_cards_show_value_change_target_cadence_and_due(workspace) -> None:
    path, _ids = workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        text = screen_text(app)
        assert "Behaviour · weekly (2)" in text and "Experience · right after (1)" in text
        assert "▶★Walk-aways" in text  # the cursor's card, marked by a shape, not only colour
        assert "18 people  ▼ -3 better" in text  # lower is better: a fall is good
        assert "target 15 people · 3 to go" in text
        assert "weekly · due ●" in text  # nothing recorded this week (Monday 2026-11-16 on)
        assert "KR Satisfaction to 4.5" in text
        assert "1 voices" in text
        assert "LTV · monthly (0)" in text and "No KPIs" in text


async def test_add_a_kpi_in_the_current_layer_and_undo(workspace) -> None:
    path, _ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("right")  # the experience column
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Ease of talking")
        app.screen.query_one("#target", Input).value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = repo.find_kpi_named(store, "Ease of talking")
        assert added is not None and added.layer == "experience" and added.cadence is Cadence.right_after
        assert added.target == 4
        assert "Ease of talking" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert repo.find_kpi_named(store, "Ease of talking") is None
        assert "Ease of talking" not in screen_text(app)


async def test_record_a_value_with_one_key_and_the_number_then_undo(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one(RecordLine).recording and isinstance(app.focused, KpiBoard)
        assert "Walk-aways · previous 18 people on 11-09 →" in screen_text(app)
        await pilot.press("1", "6", "enter")
        await pilot.pause()
        assert [(v.date, v.value) for v in repo.values(store, ids["walk"])][-1] == (TODAY, 16)
        text = screen_text(app)
        assert "16 people  ▼ -2 better" in text and "weekly · ✓ recorded" in text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [v.value for v in repo.values(store, ids["walk"])] == [21, 18]
        assert "18 people  ▼ -3 better" in screen_text(app)


async def test_a_second_value_on_the_same_day_asks_before_replacing(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        for keys in (("1", "7", "enter"), ("1", "5", "enter")):
            await pilot.press("r")
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
        assert "Replace" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert [v.value for v in repo.values(store, ids["walk"])] == [21, 18, 15]


async def test_recording_a_linked_kpi_offers_the_kr_checkin(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("right", "r")
        await pilot.pause()
        assert "Satisfaction · first value →" in screen_text(app) and "KR check-in too" in screen_text(app)
        await pilot.press(*"4.1", "enter")
        await pilot.pause()
        [checkin] = okr_checkins.checkins(store, ids["kr"])
        assert (checkin.date, checkin.value) == (TODAY, 4.1)
        assert repo.values(store, ids["satisfaction"])[0].value == 4.1
        assert "check-in" in _notes(app)


class Keys:
    """Presses keys through Pilot and counts them: characters typed apart from the other keys."""

    def __init__(self, pilot) -> None:  # type: ignore[no-untyped-def]
        self.pilot = pilot
        self.typed = 0
        self.control: list[str] = []  # every key that is not a typed character, in order

    async def __call__(self, *keys: str) -> None:
        for key in keys:
            if len(key) == 1:
                self.typed += 1
            else:
                self.control.append(key)
            await self.pilot.press(key)
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        await self(*text)


def readme_capture_keys() -> int:
    """The number of keys around the typing the README promises for the 1-minute record."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^\| ctrl\+n \| the 1-minute record.*?(\d+) keys around the typing", readme, re.M)
    assert found is not None, "README: the ctrl+n row no longer says how many keys the record takes"
    return int(found.group(1))


async def test_capture_evidence_from_the_okr_screen_in_a_handful_of_keys(workspace) -> None:
    path, _ids = workspace
    app, store = _open(path)
    quote, scene, next_step = "それなら安心", "説明後 比較の話が消えた", "冒頭の順番を変える"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the OKR screen
        keys = Keys(pilot)
        await keys("ctrl+n")
        assert isinstance(app.screen, EvidenceDialog)
        await keys.type(quote)
        await keys("tab")
        await keys.type(scene)
        await keys("tab")
        await keys.type(next_step)
        await keys("ctrl+s")
        assert not isinstance(app.screen, EvidenceDialog)
        # Saved with only these keys: the three lines typed, the default kind, today.
        saved = repo.evidence(store)
        assert len(saved) == 2  # the fixture's voice and this one (newest first)
        item = saved[0]
        assert (item.quote, item.scene, item.next_step, item.kind.value, item.date) == (
            quote, scene, next_step, "conversation", TODAY
        )  # fmt: skip
        assert item.kpi_id is None  # no card was under a cursor
        # The minute is for typing the three lines; around them, the README's handful of keys.
        assert keys.typed == len(quote) + len(scene) + len(next_step)
        assert keys.control == ["ctrl+n", "tab", "tab", "ctrl+s"]
        assert len(keys.control) <= readme_capture_keys()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert repo.evidence(store, search=quote) == []


async def test_capture_is_not_offered_over_a_dialog(workspace) -> None:
    path, _ids = workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")  # the OKR screen's add-objective dialog
        await pilot.pause()
        dialog = app.screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen is dialog and not isinstance(app.screen, EvidenceDialog)


async def test_capture_from_a_card_links_it_and_the_card_counts_it(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"It was busy, but I still got my coffee", "ctrl+s")
        await pilot.pause()
        assert [e.quote for e in repo.evidence(store, kpi_id=ids["walk"])][
            0
        ] == "It was busy, but I still got my coffee"
        assert "2 voices" in screen_text(app)


async def test_edit_the_definitions_sheet_in_place_and_undo(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "sum of daily tallies" in screen_text(app)
        await pilot.press("down", "down", "enter")  # Walk-aways · Formula
        await pilot.pause()
        entry = app.screen.query_one("#sheet-input", Input)
        assert entry.has_focus and entry.value == "sum of daily tallies"
        await pilot.press(*" (11:30-13:30)", "enter")
        await pilot.pause()
        assert repo.find_kpi(store, ids["walk"]).formula == "sum of daily tallies (11:30-13:30)"  # type: ignore[union-attr]
        assert "sum of daily tallies (11:30-13:30)" in screen_text(app)
        await pilot.press("down", "enter", "right", "right", "enter")  # Cadence: weekly → next week
        await pilot.pause()
        assert repo.find_kpi(store, ids["walk"]).cadence is Cadence.next_week  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        kpi = repo.find_kpi(store, ids["walk"])
        assert kpi is not None and kpi.formula == "sum of daily tallies" and kpi.cadence is Cadence.weekly


async def test_escape_leaves_the_definition_unchanged(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("s", "enter", *"nonsense", "escape")
        await pilot.pause()
        assert repo.find_kpi(store, ids["walk"]).definition == ""  # type: ignore[union-attr]
        assert not store.can_undo


async def test_more_than_five_in_focus_warns_but_keeps_it(workspace) -> None:
    path, _ids = workspace
    store = Store.open(path)
    for i in range(5):
        repo.save_kpi(store, Kpi(name=f"Watched {i}", layer="psychology", focus=True))
    store.close()
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("down", "f")  # Repeat rate: the seventh
        await pilot.pause()
        assert repo.find_kpi_named(store, "Repeat rate").focus  # type: ignore[union-attr]
        assert "3–5 are enough" in _notes(app)
        assert "⚠ ★7 in focus" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not repo.find_kpi_named(store, "Repeat rate").focus  # type: ignore[union-attr]


async def test_reorder_and_move_to_another_layer_from_keys(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert [k.name for k in repo.kpis(store) if k.layer == "behaviour"] == ["Repeat rate", "Walk-aways"]
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert repo.find_kpi(store, ids["walk"]).layer == "experience"  # type: ignore[union-attr]
        board = app.screen.query_one(KpiBoard)
        assert board.current is not None and board.current.kpi.id == ids["walk"]  # the cursor follows
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert [k.name for k in repo.kpis(store) if k.layer == "behaviour"] == ["Walk-aways", "Repeat rate"]


async def test_switching_the_layer_model_never_hides_a_kpi(workspace) -> None:
    path, _ids = workspace
    store = Store.open(path)
    repo.save_kpi(store, Kpi(name="Cycles run", layer="action"))
    store.close()
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        text = screen_text(app)
        assert "3-layer KPIs (1)" in text and "Cycles run" in text
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert "Action · did we do it (1)" in text and "4-layer KPIs (3)" in text
        assert all(name in text for name in ("Walk-aways", "Repeat rate", "Satisfaction", "Cycles run"))
        assert repo.layer_model(store) == "3"


async def test_starter_set_in_one_step_then_one_undo(workspace) -> None:
    path, _ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")  # seed 001's minimum set
        await pilot.pause()
        names = {k.name for k in repo.kpis(store)}
        assert {"2-week cycles run", "Signs of less hesitation", "Purchase or closing rate"} <= names
        assert repo.layer_model(store) == "3"
        text = screen_text(app)
        assert "Intermediate" in text and "Signs of less" in text and "4-layer KPIs (3)" in text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(repo.kpis(store)) == 3


async def test_open_a_card_edit_and_delete_its_values_and_undo_there(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, KpiDetailScreen)
        text = screen_text(app)
        assert (
            "── target 15 people" in text and "Oh, that queue..." in text and "sum of daily tallies" in text
        )
        table = detail.query_one("#detail-values", DataTable)
        assert table.row_count == 2
        await pilot.press("e")  # the newest value, 18
        await pilot.pause()
        app.screen.query_one("#value", Input).value = "17"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [v.value for v in repo.values(store, ids["walk"])] == [21, 17]
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [v.value for v in repo.values(store, ids["walk"])] == [17]
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [v.value for v in repo.values(store, ids["walk"])] == [21, 18]
        assert table.row_count == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, KpiScreen)


async def test_voices_filter_search_edit_and_delete(workspace) -> None:
    path, ids = workspace
    store = Store.open(path)
    repo.save_evidence(store, Evidence(date=date(2026, 11, 12), quote="100% sure now", kind="behaviour"))  # type: ignore[arg-type]
    store.close()
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "2 of 2 voices" in text
        assert text.index("100% sure now") < text.index("Oh, that queue...")  # newest first
        await pilot.press("slash", *"100%")
        await pilot.pause()
        assert "1 of 2 voices" in screen_text(app)
        await pilot.press("enter", "enter")  # to the results, then edit the row
        await pilot.pause()
        assert isinstance(app.screen, EvidenceDialog)
        app.screen.query_one("#scene", Input).value = "Station till"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert repo.evidence(store, search="100%")[0].scene == "Station till"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert repo.evidence(store, search="100%") == []
        assert [e.kpi_id for e in repo.evidence(store)] == [ids["walk"]]


async def test_language_switch_relabels_every_view(workspace) -> None:
    path, _ids = workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "[v 現場の声]" in text and "Oh, that queue..." in text
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        assert "行動 · 週次 (2)" in text and "18 people  ▼ -3 改善" in text


async def test_recording_says_what_is_wrong_and_escape_records_nothing(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("r", *"lots", "enter")
        await pilot.pause()
        line = app.screen.query_one(RecordLine)
        assert "Value: must be a number" in screen_text(app) and line.recording
        await pilot.press(
            "backspace", "backspace", "backspace", "backspace", "tab", "ctrl+u", *"someday", "shift+tab"
        )
        await pilot.press(*"12", "enter")
        await pilot.pause()
        assert "Date: must be a date" in screen_text(app) and line.recording
        await pilot.press("escape")
        await pilot.pause()
        assert not line.recording and isinstance(app.focused, KpiBoard)
        assert [v.value for v in repo.values(store, ids["walk"])] == [21, 18] and not store.can_undo


async def test_the_open_card_records_with_its_dialog(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("enter", "r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RecordDialog)
        assert "Previous: 18 people on 2026-11-09" in str(dialog.query_one("#previous", Static).render())
        await pilot.press("1", "7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, KpiDetailScreen)
        assert app.screen.query_one("#detail-values", DataTable).row_count == 3
        assert [v.value for v in repo.values(store, ids["walk"])] == [21, 18, 17]


async def test_a_kpi_can_take_its_values_from_the_nps_answers(workspace) -> None:
    from textual.widgets import Select

    from cxtui.kpi.models import BY_SURVEY, Source
    from cxtui.nps import repo as nps_repo
    from cxtui.nps.models import ManualEntry
    from screens.shared.choice import ChoiceBar

    path, ids = workspace
    store = Store.open(path)
    entries = [ManualEntry(s, answered_at=date(2026, 11, 2)) for s in (10, 9, 9, 2)]
    nps_repo.add_manual_scores(store, "Next-week survey", entries)
    store.close()
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("right", "e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#source", ChoiceBar).value = "nps"
        options = dialog.query_one("#source_ref", Select)
        assert "Next-week survey" in [str(v) for _label, v in options._options]
        options.value = BY_SURVEY
        await pilot.press("ctrl+s")
        await pilot.pause()
        kpi = repo.find_kpi(store, ids["satisfaction"])
        assert kpi is not None and kpi.source is Source.nps and kpi.source_ref == BY_SURVEY
        text = screen_text(app)
        assert "+50 n=4" in text and "from NPS" in text


async def test_capture_offers_the_learning_cycles_once_they_exist(workspace) -> None:
    path, _ids = workspace
    from datetime import date

    from cxtui.cycles import repo as cycles
    from cxtui.cycles.models import Cycle

    store = Store.open(path)
    greeting = cycles.save_cycle(
        store,
        Cycle(title="Greeting at the door", start=date(2026, 11, 9), end=date(2026, 11, 22),
              hypothesis="Nobody greets", change="Greet at the door"),
        [],
    )  # fmt: skip
    store.close()
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        from textual.widgets import Select

        cycle = app.screen.query_one("#cycle_id", Select)
        cycle.value = greeting.id
        await pilot.press(*"Oh, the manager himself said hello", "ctrl+s")
        await pilot.pause()
        assert repo.evidence(store, search="manager")[0].cycle_id == greeting.id


async def test_the_open_card_follows_a_language_switch(workspace) -> None:
    path, _ids = workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        text = screen_text(app)
        assert "── 目標 15 people" in text and "行動 · 週次 · 低いほど良い" in text


async def test_a_click_picks_a_card(workspace) -> None:
    path, ids = workspace
    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _kpi_screen(pilot)
        board = screen.query_one(KpiBoard)
        await pilot.click(board.columns[0], offset=(3, 8))  # the second card of the first column
        await pilot.pause()
        assert board.current is not None and board.current.kpi.id == ids["repeat"]
        await pilot.click(board.columns[1], offset=(3, 1))
        await pilot.pause()
        assert board.current is not None and board.current.kpi.id == ids["satisfaction"]


@pytest.mark.parametrize("lang", ["en", "ja"])
async def test_help_shows_the_kpi_formulas_not_the_okr_ones_and_scrolls_at_80x24(workspace, lang) -> None:
    path, _ids = workspace
    set_language(lang)
    okr_formula, kpi_formulas, last_words = {
        "en": ("KR progress", ("Change = latest − previous value", "Distance = target − latest",
                               "Due ●", "NPS = 100·(P − D)/n", "3–5 KPIs are enough"), "never refused."),
        "ja": ("KRの進捗", ("変化 = 最新値 − 前回値", "目標までの差 = 目標値 − 最新値", "未入力 ●",
                            "NPS = 100·(P − D)/n", "3〜5 個で十分"), "拒否はしません。"),
    }[lang]  # fmt: skip
    app, _store = _open(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _kpi_screen(pilot)
        await check_help_at_80x24(pilot, kpi_formulas, okr_formula, last_words)


async def test_delete_a_kpi_from_the_board_after_asking_then_undo(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("d")  # Walk-aways, under the cursor
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Walk-aways" in screen_text(app)
        await pilot.press("escape")  # escape keeps it
        await pilot.pause()
        assert repo.find_kpi(store, ids["walk"]) is not None and not store.can_undo
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert repo.find_kpi(store, ids["walk"]) is None and repo.values(store, ids["walk"]) == []
        assert [e.kpi_id for e in repo.evidence(store)] == [None]  # the voice stays, unlinked
        text = screen_text(app)
        assert "Walk-aways" not in text and "Behaviour · weekly (1)" in text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [v.value for v in repo.values(store, ids["walk"])] == [21, 18]
        assert [e.kpi_id for e in repo.evidence(store)] == [ids["walk"]]
        text = screen_text(app)
        assert "Walk-aways" in text and "18 people  ▼ -3 better" in text and "Behaviour · weekly (2)" in text


async def _choose(pilot, select_id: str, steps: int) -> None:  # type: ignore[no-untyped-def]
    """Open the focused Select with enter, move `steps` options (negative: up), enter."""
    assert pilot.app.focused is not None and pilot.app.focused.id == select_id
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()


async def test_voices_filter_by_kind_and_by_kpi_from_the_keyboard(workspace) -> None:
    path, ids = workspace
    store = Store.open(path)
    repo.save_evidence(
        store, Evidence(date=date(2026, 11, 12), quote="100% sure now", kind=EvidenceKind.behaviour)
    )
    repo.save_evidence(
        store,
        Evidence(
            date=date(2026, 11, 13),
            quote="Came back twice",
            kind=EvidenceKind.behaviour,
            kpi_id=ids["repeat"],
        ),
    )
    store.close()
    quotes = ("Oh, that queue...", "100% sure now", "Came back twice")

    def shown() -> set[str]:
        text = screen_text(app)
        return {quote for quote in quotes if quote in text}

    app, _store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert shown() == set(quotes) and "3 of 3 voices" in screen_text(app)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # list → search → KPI → kind
        await _choose(pilot, "voices-kind", 2)  # every kind → conversation → behaviour
        assert shown() == {"100% sure now", "Came back twice"} and "2 of 3 voices" in screen_text(app)
        await pilot.press("tab")
        await _choose(pilot, "voices-kpi", 2)  # every KPI → Walk-aways → Repeat rate
        assert shown() == {"Came back twice"} and "1 of 3 voices" in screen_text(app)
        await pilot.press("shift+tab")
        await _choose(pilot, "voices-kind", -2)  # back to every kind
        await pilot.press("tab")
        await _choose(pilot, "voices-kpi", -1)  # Walk-aways
        assert shown() == {"Oh, that queue..."} and "1 of 3 voices" in screen_text(app)
        await pilot.press("tab", "tab")  # past the search, into the list: enter edits the filtered row
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EvidenceDialog) and dialog.item.quote == "Oh, that queue..."


async def test_edit_a_kpi_in_its_dialog_then_undo(workspace) -> None:
    path, ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("e")  # Walk-aways
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, KpiDialog)
        await pilot.press(*"Walk-outs")  # the name is selected on opening: typing replaces it
        await pilot.press("tab", "tab", "tab", "tab")  # layer, unit, direction, target
        assert app.focused is not None and app.focused.id == "target"
        await pilot.press(*"12", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, KpiScreen)
        kpi = repo.find_kpi(store, ids["walk"])
        assert kpi is not None and (kpi.name, kpi.target, kpi.unit) == ("Walk-outs", 12, "people")
        text = screen_text(app)
        assert "Walk-outs" in text and "Walk-aways" not in text and "target 12 people · 6 to go" in text
        await pilot.press("ctrl+z")
        await pilot.pause()
        kpi = repo.find_kpi(store, ids["walk"])
        assert kpi is not None and (kpi.name, kpi.target) == ("Walk-aways", 15)
        text = screen_text(app)
        assert "Walk-aways" in text and "target 15 people · 3 to go" in text


async def test_the_sheet_lists_the_ltv_and_rox_formulas_under_the_kpis_read_only(workspace) -> None:
    path, _ids = workspace
    app, store = _open(path)
    async with app.run_test(size=SIZE) as pilot:
        await _kpi_screen(pilot)
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one("#sheet-table", DataTable)
        cells = [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        kpi_rows = 3 * 5  # three KPIs, five fields each
        assert table.row_count == kpi_rows + 2 * 9  # then the report's nine LTV·ROX formulas, two rows each
        formulas = "\n".join(cells[kpi_rows:])
        assert "Repurchase rate | Asked / counted | From sales records" in cells[kpi_rows]
        assert "LTV·ROX (fixed) | Formula | LTV = average spend × months retained" in formulas
        assert "ROX rate (%) = favourable deals ÷ deals × 100" in formulas
        assert not any("Walk-aways" in row for row in cells[kpi_rows:])
        await pilot.press("ctrl+end", "enter")  # the win rate's formula: fixed, nothing to edit
        await pilot.pause()
        assert "win rate (%) = won ÷ (won + lost) × 100" in screen_text(app)
        assert not app.screen.query_one("#sheet-edit").display and not store.can_undo
        assert "formulas are fixed" in _notes(app)

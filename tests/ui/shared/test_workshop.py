"""A workshop on a projector: 80×24 in both languages, states not by colour alone, help and the
palette per screen, themes. Pilot tests on the demo workspace (fixed today)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.color import Color
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, OptionList, Static

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.i18n import set_language
from screens.app import CxApp
from screens.shared.checkbox import CheckBox
from tests.conftest import TODAY
from tests.ui.conftest import peer_key

PROJECTOR = (80, 24)


def _demo(tmp_path: Path, lang: str) -> tuple[CxApp, Store]:
    set_language(lang)
    store = Store.open(tmp_path / f"demo-{lang}.cxtui", create=True)
    build_demo(store, lang, TODAY)
    return CxApp(store=store, today=TODAY, first="okr"), store


def _on_screen(app: App[None], widget: Widget) -> bool:
    """Whether `widget` is drawn, unhidden, at its own centre (not clipped below the screen)."""
    region = widget.region
    if not region.area or region.bottom > app.size.height or region.right > app.size.width:
        return False
    found, _ = app.screen.get_widget_at(*region.center)
    return found is widget or widget in found.ancestors_with_self


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.pause()


# -- item 13: every dialog fits or scrolls at 80×24, the error line and Save in view ----------------


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    ("keys", "bad_field"),
    [
        (("down", "down", "c"), "value"),  # check-in: an empty value is refused
        (("down", "k"), "title"),  # add KR: a KR needs a title
    ],
)
async def test_okr_dialogs_show_the_error_and_save_at_80x24(
    tmp_path: Path, lang: str, keys: tuple[str, ...], bad_field: str
) -> None:
    app, _store = _demo(tmp_path, lang)
    async with app.run_test(size=PROJECTOR) as pilot:
        await _settle(pilot)
        await pilot.press(*keys)
        await _settle(pilot)
        dialog = app.screen
        save = dialog.query_one("#save", Button)
        assert _on_screen(app, save)
        await pilot.press("ctrl+s")
        await _settle(pilot)
        assert app.screen is dialog  # not saved
        error = dialog.query_one("#form-error", Static)
        assert str(error.render()).strip(), "an error is shown"
        assert _on_screen(app, error) and _on_screen(app, save)
        field = dialog.query_one(f"#{bad_field}")
        assert field.has_focus and _on_screen(app, field)


@pytest.mark.parametrize("lang", ["en", "ja"])
async def test_compare_dialog_fits_and_says_what_is_missing_at_80x24(tmp_path: Path, lang: str) -> None:
    app, _store = _demo(tmp_path, lang)
    async with app.run_test(size=PROJECTOR) as pilot:
        await _settle(pilot)
        await pilot.press(peer_key("nps"))
        await _settle(pilot)
        await pilot.press("x")
        await _settle(pilot)
        await pilot.press("ctrl+s")
        await _settle(pilot)
        error = app.screen.query_one("#form-error", Static)
        assert str(error.render()).strip()
        assert _on_screen(app, error) and _on_screen(app, app.screen.query_one("#save", Button))


@pytest.mark.parametrize("lang", ["en", "ja"])
async def test_nps_at_80_columns_shows_every_tab_help_and_a_wide_survey_list(
    tmp_path: Path, lang: str
) -> None:
    app, _store = _demo(tmp_path, lang)
    async with app.run_test(size=PROJECTOR) as pilot:
        await _settle(pilot)
        await pilot.press(peer_key("nps"))
        await _settle(pilot)
        from textual.widgets import Tab

        for tab in app.screen.query(Tab):
            assert _on_screen(app, tab), tab.label.plain
        survey_list = app.screen.query_one("#survey-list", OptionList)
        assert survey_list.region.width >= 70  # above the tabs, not a 37-column strip beside them
        footer = app.screen.query_one(Footer)
        keys = [key for key in footer.query("FooterKey") if key.region.area]
        assert keys[0].key == "f1" and _on_screen(app, keys[0])  # help is never the key cut off


# -- item 14: not by colour alone ---------------------------------------------------------------------


async def test_checkbox_draws_a_tick_only_when_on() -> None:
    class Host(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield CheckBox("roll-up", False, id="box")

    app = Host()
    async with app.run_test() as pilot:
        box = app.query_one(CheckBox)
        off = box.render().plain
        box.value = True
        await pilot.pause()
        on = box.render().plain
    assert off.startswith("[ ]") and on.startswith("[✓]")


async def test_fields_stand_out_from_the_dialog_and_focus_shows_on_the_nps_screen(tmp_path: Path) -> None:
    app, _store = _demo(tmp_path, "en")
    async with app.run_test(size=PROJECTOR) as pilot:
        await _settle(pilot)
        await pilot.press("down", "down", "c")
        await _settle(pilot)
        note = app.screen.query_one("#note", Input)
        dialog_bg = note.parent.background_colors[1] if note.parent else Color(0, 0, 0)
        field_bg = note.background_colors[1]
        # Textual's $boost gave grey 235 on grey 234; a field must differ visibly from its dialog.
        assert abs(field_bg.brightness - dialog_bg.brightness) >= 0.08
        await pilot.press("escape", peer_key("nps"))
        await _settle(pilot)
        survey_list = app.screen.query_one("#survey-list", OptionList)
        assert survey_list.has_focus
        focused_edge = survey_list.styles.border_left
        await pilot.press("tab")
        await _settle(pilot)
        assert not survey_list.has_focus
        assert survey_list.styles.border_left != focused_edge  # the bar moves with the focus


async def test_theme_key_cycles_and_the_workspace_remembers_it(tmp_path: Path) -> None:
    app, store = _demo(tmp_path, "en")
    async with app.run_test(size=PROJECTOR) as pilot:
        await _settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        await _settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        await _settle(pilot)
        assert app.theme == "cxtui-high-contrast"
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Theme: high contrast (projector)" in titles and "Theme: light" in titles
    assert store.setting("app.theme") == "cxtui-high-contrast"
    store.close()
    again = CxApp(store=Store.open(tmp_path / "demo-en.cxtui"), today=TODAY, first="okr")
    async with again.run_test(size=PROJECTOR) as pilot:
        await _settle(pilot)
        assert again.theme == "cxtui-high-contrast"


# -- item 17: help and the palette per screen ---------------------------------------------------------


async def test_help_per_screen_has_its_keys_and_formulas_not_textual_internals(tmp_path: Path) -> None:
    app, _store = _demo(tmp_path, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press(peer_key("nps"))
        await _settle(pilot)
        await pilot.press("f1")
        await _settle(pilot)
        help_screen = app.screen
        listed = dict((d, k) for k, d in help_screen.rows)
        assert listed["Delete survey"] == "d / del" and listed["Show the Compare tab"] == "v"
        for internal in ("Focus Next", "Focus Previous", "Scroll Home", "Page Left", "Cursor down"):
            assert internal not in listed
        notes = help_screen.notes
        assert "NPS = 100·(P − D)/n" in notes and "adjusted Wald" in notes
        assert "KR progress" not in notes  # the OKR formula belongs to the OKR screen's help
        await pilot.press("escape", peer_key("okr"), "f1")
        await _settle(pilot)
        assert "KR progress" in app.screen.notes


async def test_d_deletes_the_survey_on_the_nps_screen_after_asking(tmp_path: Path) -> None:
    app, store = _demo(tmp_path, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press(peer_key("nps"), "down")
        await _settle(pilot)
        before = len(store.rows("SELECT id FROM surveys"))
        await pilot.press("d")
        await _settle(pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("y")
        await _settle(pilot)
        assert len(store.rows("SELECT id FROM surveys")) == before - 1


async def test_palette_lists_each_command_once_with_report_and_theme(tmp_path: Path) -> None:
    app, store = _demo(tmp_path, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        for screen_key in (peer_key("okr"), peer_key("nps")):
            await pilot.press(screen_key)
            await _settle(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert len(titles) == len(set(titles)), titles
            assert titles.count("Quit") == 1 and "Cursor down" not in titles
            assert "Export the weekly report" in titles
            assert any(title.startswith("Theme: ") for title in titles)


async def test_palette_prompt_and_footer_key_are_translated(tmp_path: Path) -> None:
    app, _store = _demo(tmp_path, "ja")
    async with app.run_test(size=PROJECTOR) as pilot:
        await _settle(pilot)
        footer_texts = [key.description for key in app.screen.query_one(Footer).query("FooterKey")]
        assert "パレット" in footer_texts and "palette" not in footer_texts
        await pilot.press("ctrl+p")
        await _settle(pilot)
        assert app.screen.query_one(Input).placeholder == "コマンドを検索…"


# -- item 16: the overview's text keeps off the histogram; notices keep off dialog buttons ------------


@pytest.mark.parametrize("size", [PROJECTOR, (120, 36)])
async def test_overview_text_keeps_a_gap_before_the_histogram(tmp_path: Path, size: tuple[int, int]) -> None:
    app, _store = _demo(tmp_path, "ja")
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        await pilot.press(peer_key("nps"))
        await _settle(pilot)
        headline = app.screen.query_one("#headline")
        chart = app.screen.query_one("#distribution")
        assert headline.region.right + 2 <= chart.region.x


async def test_a_notice_does_not_cover_the_dialog_buttons(tmp_path: Path) -> None:
    app, _store = _demo(tmp_path, "en")
    async with app.run_test(size=PROJECTOR, notifications=True) as pilot:
        await _settle(pilot)
        await pilot.press("down", "down", "c")
        await _settle(pilot)
        app.notify("A long notice that would once have sat on top of the Save and Cancel buttons")
        await _settle(pilot)
        await pilot.pause(0.2)
        assert app.screen.query("Toast"), "the notice is shown"
        save = app.screen.query_one("#save", Button)
        cancel = app.screen.query_one("#cancel", Button)
        assert _on_screen(app, save) and _on_screen(app, cancel)


# Every dialog a key opens, from the screen it is opened on: its buttons all in view at 80×24.
DIALOGS = [
    ("okr", ("a",)),  # add objective
    ("okr", ("n",)),  # new period
    ("okr", ("down", "down", "d")),  # delete: the confirm dialog
    ("okr", ("down", "down", "h")),  # check-in history
    ("kpi", ("a",)),  # add KPI
    ("kpi", ("t",)),  # starter sets
    ("kpi", ("ctrl+n",)),  # the 1-minute record
    ("nps", ("i",)),  # import wizard
    ("nps", ("m",)),  # quick entry
    ("loyalty", ("n",)),  # a month's figures
    ("loyalty", ("a",)),  # a deal
    ("cycles", ("a",)),  # plan a cycle
]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("peer", "keys"), DIALOGS, ids=lambda v: "-".join(v) if isinstance(v, tuple) else v)
async def test_every_dialog_shows_all_its_buttons_at_80x24(
    tmp_path: Path, lang: str, peer: str, keys: tuple[str, ...]
) -> None:
    from textual.screen import ModalScreen

    app, _store = _demo(tmp_path, lang)
    async with app.run_test(size=PROJECTOR) as pilot:
        await _settle(pilot)
        await pilot.press(peer_key(peer))
        await _settle(pilot)
        await pilot.press(*keys)
        await _settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ModalScreen), type(dialog).__name__
        buttons = [b for b in dialog.query(Button) if b.display]
        hidden = [str(b.label) for b in buttons if not _on_screen(app, b)]
        assert hidden == [], f"{type(dialog).__name__}: {hidden}"
        # Keyboard-only dialogs (lists, no buttons): the whole frame within the screen.
        frame = dialog.children[0].region
        assert frame.area and frame.bottom <= app.size.height and frame.right <= app.size.width
